// SPDX-License-Identifier: GPL-2.0-or-later

/* Detection of the unconfirmed DA transport facts (see da_detect.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <ctype.h>
#include <stdio.h>

#include "adac_tlv.h"
#include "array_size.h"
#include "da_detect.h"

const struct da_entry_candidate da_entry_candidates[] = {
	{ .word = 0x53544441, .answer = 0x53544441, .name = "STDA" },
	{ .word = 0x4F454441, .answer = 0x44414F4B, .name = "OEDA" },
};

const size_t da_entry_candidate_count = ARRAY_SIZE(da_entry_candidates);

const char *da_detect_word_name(uint32_t word, char buf[5])
{
	for (int i = 0; i < 4; i++) {
		unsigned char c = (word >> (24 - 8 * i)) & 0xFF;

		if (!isupper(c)) {
			buf[0] = '\0';
			return buf;
		}
		buf[i] = (char)c;
	}
	buf[4] = '\0';
	return buf;
}

bool da_detect_tlvs_fill(const uint8_t *data, size_t len)
{
	struct adac_tlv_reader r;
	struct adac_tlv tlv;

	if (!len || len % 4)
		return false;
	adac_tlv_reader_init(&r, data, len);
	while (!adac_tlv_reader_at_end(&r))
		if (adac_tlv_next(&r, &tlv, NULL) != DA_OK)
			return false;
	return true;
}

static const char *how(const struct da_settings *used, unsigned int bit)
{
	if (used->detected & bit)
		return "detected";
	if (used->auto_mask & bit)
		return "default, not detected";
	return "set";
}

void da_detect_describe(const struct da_settings *used, bool answered, uint32_t answer,
		char *buf, size_t size)
{
	char name[5], answer_name[5], answer_text[40];

	if (answered)
		snprintf(answer_text, sizeof(answer_text), "answered 0x%08x%s%s", answer,
			*da_detect_word_name(answer, answer_name) ? " " : "", answer_name);
	else
		snprintf(answer_text, sizeof(answer_text), "no answer word");
	snprintf(buf, size, "entry word 0x%08x%s%s (%s, %s), ack_bits %s (%s), device flag "
		"cleared by %s (%s), data_count %s (%s)",
		used->entry_word, *da_detect_word_name(used->entry_word, name) ? " " : "", name,
		answer_text, how(used, DA_AUTO_ENTRY),
		used->ack_swapped ? "swapped" : "standard", how(used, DA_AUTO_ACK),
		used->clear_dev_ack ? "the host" : "hardware", how(used, DA_AUTO_CLEAR),
		used->count_unit == ADAC_COUNT_BYTES ? "bytes" : "words", how(used, DA_AUTO_COUNT));
}
