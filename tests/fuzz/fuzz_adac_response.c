// SPDX-License-Identifier: GPL-2.0-or-later

/* Fuzz harness: ADAC responses from a device (header, data_count in both units, TLV walk,
 * challenge decoding, the data_count unit detection's TLV test). The device side is
 * untrusted: a broken or hostile chip must not crash the host. */

#include <string.h>

#include "fuzz.h"
#include "target/stm32h5/adac_packet.h"
#include "target/stm32h5/adac_tlv.h"
#include "target/stm32h5/da_detect.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint32_t words[1024];
	size_t n = size / 4 < 1024 ? size / 4 : 1024;

	memcpy(words, data, n * 4);
	for (int unit = ADAC_COUNT_WORDS; unit <= ADAC_COUNT_BYTES; unit++) {
		struct adac_response resp;
		struct da_diag diag;
		size_t data_words;

		if (n >= 2)
			adac_response_header_check(words[0], words[1], (enum adac_count_unit)unit,
					&data_words, &diag);
		if (adac_response_parse(words, n, (enum adac_count_unit)unit, &resp, &diag) != DA_OK)
			continue;

		struct adac_tlv_reader r;
		struct adac_tlv tlv;
		adac_tlv_reader_init(&r, resp.data, resp.data_len);
		while (!adac_tlv_reader_at_end(&r) && adac_tlv_next(&r, &tlv, &diag) == DA_OK)
			;
		struct adac_challenge ch;
		adac_challenge_decode(resp.data, resp.data_len, &ch, &diag);
		da_detect_tlvs_fill(resp.data, resp.data_len);
	}
	return 0;
}
