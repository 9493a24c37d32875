// SPDX-License-Identifier: GPL-2.0-or-later

/* Debug Authentication host settings for the unknown transport details (see da_settings.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array_size.h"
#include "da_settings.h"
#include "name_match.h"

void da_settings_defaults(struct da_settings *s)
{
	s->auto_mask = DA_AUTO_ENTRY | DA_AUTO_ACK | DA_AUTO_CLEAR | DA_AUTO_COUNT;
	s->detected = 0;
	s->entry_word = 0x53544441;	/* "STDA", ST's MP21 mailbox request word */
	s->ack_swapped = false;
	s->clear_dev_ack = true;
	s->count_unit = ADAC_COUNT_WORDS;
	s->close_command = ADAC_CMD_LOCK_DEBUG;
	s->resume_after_debug_open = true;
	s->word_timeout_ms = 1000;
	s->response_timeout_ms = 5000;
	s->entry_ack_timeout_ms = 1000;
	s->reset_hold_ms = 20;
	s->reconnect_timeout_ms = 30000;
	/* the RSS resets the chip itself after a regression: never pulse NRST during an erase */
	s->regression_reset_ms = 0;
}

enum setting_id {
	SET_ENTRY_WORD,
	SET_ACK_BITS,
	SET_CLEAR_DEV_ACK,
	SET_DATA_COUNT,
	SET_CLOSE_COMMAND,
	SET_RESUME_AFTER_DEBUG_OPEN,
	SET_WORD_TIMEOUT,
	SET_RESPONSE_TIMEOUT,
	SET_ENTRY_ACK_TIMEOUT,
	SET_RESET_HOLD,
	SET_RECONNECT_TIMEOUT,
	SET_REGRESSION_RESET,
};

static const char *const setting_names[] = {
	[SET_ENTRY_WORD] = "entry_word",
	[SET_ACK_BITS] = "ack_bits",
	[SET_CLEAR_DEV_ACK] = "clear_dev_ack",
	[SET_DATA_COUNT] = "data_count",
	[SET_CLOSE_COMMAND] = "close_command",
	[SET_RESUME_AFTER_DEBUG_OPEN] = "resume_after_debug_open",
	[SET_WORD_TIMEOUT] = "word_timeout_ms",
	[SET_RESPONSE_TIMEOUT] = "response_timeout_ms",
	[SET_ENTRY_ACK_TIMEOUT] = "entry_ack_timeout_ms",
	[SET_RESET_HOLD] = "reset_hold_ms",
	[SET_RECONNECT_TIMEOUT] = "reconnect_timeout_ms",
	[SET_REGRESSION_RESET] = "regression_reset_ms",
};

#define N_SETTINGS (ARRAY_SIZE(setting_names))

size_t da_settings_count(void)
{
	return N_SETTINGS;
}

const char *da_settings_name(size_t i)
{
	return i < N_SETTINGS ? setting_names[i] : NULL;
}

/* The DA_AUTO_* bit of a setting that accepts "auto", or 0 */
static unsigned int auto_bit(int id)
{
	switch (id) {
	case SET_ENTRY_WORD:
		return DA_AUTO_ENTRY;
	case SET_ACK_BITS:
		return DA_AUTO_ACK;
	case SET_CLEAR_DEV_ACK:
		return DA_AUTO_CLEAR;
	case SET_DATA_COUNT:
		return DA_AUTO_COUNT;
	default:
		return 0;
	}
}

static int find(const char *name)
{
	for (size_t i = 0; name && i < N_SETTINGS; i++)
		if (!strcmp(setting_names[i], name))
			return (int)i;
	return -1;
}

/* The millisecond settings, or NULL for the others */
static unsigned int *ms_field(struct da_settings *s, int id)
{
	switch (id) {
	case SET_WORD_TIMEOUT:
		return &s->word_timeout_ms;
	case SET_RESPONSE_TIMEOUT:
		return &s->response_timeout_ms;
	case SET_ENTRY_ACK_TIMEOUT:
		return &s->entry_ack_timeout_ms;
	case SET_RESET_HOLD:
		return &s->reset_hold_ms;
	case SET_RECONNECT_TIMEOUT:
		return &s->reconnect_timeout_ms;
	case SET_REGRESSION_RESET:
		return &s->regression_reset_ms;
	default:
		return NULL;
	}
}

static bool *flag_field(struct da_settings *s, int id)
{
	switch (id) {
	case SET_CLEAR_DEV_ACK:
		return &s->clear_dev_ack;
	case SET_RESUME_AFTER_DEBUG_OPEN:
		return &s->resume_after_debug_open;
	default:
		return NULL;
	}
}

bool da_settings_get(const struct da_settings *s, const char *name, char *buf, size_t size)
{
	struct da_settings copy = *s;
	int id = find(name);
	unsigned int *ms = ms_field(&copy, id);
	bool *flag = flag_field(&copy, id);

	if (id < 0)
		return false;
	if (s->auto_mask & auto_bit(id))
		snprintf(buf, size, "auto");
	else if (ms)
		snprintf(buf, size, "%u", *ms);
	else if (flag)
		snprintf(buf, size, "%d", *flag ? 1 : 0);
	else if (id == SET_ENTRY_WORD)
		snprintf(buf, size, "0x%08x", s->entry_word);
	else if (id == SET_ACK_BITS)
		snprintf(buf, size, "%s", s->ack_swapped ? "swapped" : "standard");
	else if (id == SET_DATA_COUNT)
		snprintf(buf, size, "%s", s->count_unit == ADAC_COUNT_BYTES ? "bytes" : "words");
	else
		snprintf(buf, size, "0x%04x", s->close_command);
	return true;
}

static bool parse_number(const char *text, unsigned long max, unsigned long *out)
{
	char *end;

	if (!text || !*text || *text == '-')
		return false;
	errno = 0;
	*out = strtoul(text, &end, 0);
	return !errno && !*end && *out <= max;
}

enum da_err da_settings_set(struct da_settings *s, const char *name, const char *value,
		struct da_diag *diag)
{
	int id = find(name);
	unsigned int *ms = ms_field(s, id);
	bool *flag = flag_field(s, id);
	unsigned long n;

	if (id < 0) {
		const char *near = name_match_closest(name, setting_names, N_SETTINGS);
		char valid[400];

		name_match_list(setting_names, N_SETTINGS, valid, sizeof(valid));
		return da_fail(diag, DA_ERR_ARGUMENT, "unknown DA setting \"%s\"%s%s%s; valid: %s",
			name ? name : "", near ? " (did you mean \"" : "", near ? near : "",
			near ? "\"?)" : "", valid);
	}
	if (auto_bit(id) && value && !strcmp(value, "auto")) {
		s->auto_mask |= auto_bit(id);
		return DA_OK;
	}
	if (ms) {
		unsigned long min = id == SET_REGRESSION_RESET ? 0 : 1;

		if (!parse_number(value, 600000ul, &n) || n < min)
			return da_fail(diag, DA_ERR_ARGUMENT,
				"%s takes milliseconds, %lu..600000", name, min);
		*ms = (unsigned int)n;
	} else if (flag) {
		if (value && (!strcmp(value, "1") || !strcasecmp(value, "on")
				|| !strcasecmp(value, "true")))
			*flag = true;
		else if (value && (!strcmp(value, "0") || !strcasecmp(value, "off")
				|| !strcasecmp(value, "false")))
			*flag = false;
		else
			return da_fail(diag, DA_ERR_ARGUMENT, "%s takes %s0 or 1", name,
				auto_bit(id) ? "auto, " : "");
	} else if (id == SET_ENTRY_WORD) {
		if (!parse_number(value, 0xFFFFFFFFul, &n))
			return da_fail(diag, DA_ERR_ARGUMENT, "%s takes a 32-bit number or auto", name);
		s->entry_word = (uint32_t)n;
	} else if (id == SET_ACK_BITS) {
		if (value && !strcmp(value, "standard"))
			s->ack_swapped = false;
		else if (value && !strcmp(value, "swapped"))
			s->ack_swapped = true;
		else
			return da_fail(diag, DA_ERR_ARGUMENT,
				"ack_bits takes \"auto\", \"standard\" (bit0 host word pending, bit1 "
				"device word pending) or \"swapped\"");
	} else if (id == SET_DATA_COUNT) {
		if (value && !strcmp(value, "words"))
			s->count_unit = ADAC_COUNT_WORDS;
		else if (value && !strcmp(value, "bytes"))
			s->count_unit = ADAC_COUNT_BYTES;
		else
			return da_fail(diag, DA_ERR_ARGUMENT,
				"data_count takes \"auto\", \"words\" or \"bytes\"");
	} else {
		if (!parse_number(value, 0xFFFFul, &n) || !n)
			return da_fail(diag, DA_ERR_ARGUMENT,
				"close_command takes a command ID 0x0001..0xFFFF");
		s->close_command = (uint16_t)n;
	}
	s->auto_mask &= ~auto_bit(id);
	return DA_OK;
}
