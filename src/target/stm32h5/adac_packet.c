// SPDX-License-Identifier: GPL-2.0-or-later

/* PSA-ADAC request building and strict response parsing (see adac_packet.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>

#include "array_size.h"
#include "adac_le.h"
#include "adac_packet.h"

struct code_name {
	uint16_t code;
	const char *name;
};

static const struct code_name commands[] = {
	{ ADAC_CMD_DISCOVERY, "DISCOVERY" },
	{ ADAC_CMD_AUTH_START, "AUTH_START" },
	{ ADAC_CMD_AUTH_RESPONSE, "AUTH_RESPONSE" },
	{ ADAC_CMD_CLOSE_SESSION, "CLOSE_SESSION" },
	{ ADAC_CMD_RESUME_BOOT, "RESUME_BOOT" },
	{ ADAC_CMD_LOCK_DEBUG, "LOCK_DEBUG" },
	{ ADAC_CMD_LCS_CHANGE, "LCS_CHANGE" },
};

static const struct code_name statuses[] = {
	{ ADAC_STATUS_SUCCESS, "SUCCESS" },
	{ ADAC_STATUS_FAILURE, "FAILURE" },
	{ ADAC_STATUS_NEED_MORE_DATA, "NEED_MORE_DATA" },
	{ ADAC_STATUS_UNSUPPORTED, "UNSUPPORTED" },
	{ ADAC_STATUS_UNAUTHORIZED, "UNAUTHORIZED" },
	{ ADAC_STATUS_INVALID_PARAMETERS, "INVALID_PARAMETERS" },
	{ ADAC_STATUS_INVALID_COMMAND, "INVALID_COMMAND" },
};

static const char *lookup(const struct code_name *table, size_t n, uint16_t code)
{
	for (size_t i = 0; i < n; i++)
		if (table[i].code == code)
			return table[i].name;
	return NULL;
}

const char *adac_command_name(uint16_t command)
{
	return lookup(commands, ARRAY_SIZE(commands), command);
}

const char *adac_status_name(uint16_t status)
{
	return lookup(statuses, ARRAY_SIZE(statuses), status);
}

enum da_err adac_request_build(uint16_t command, const uint8_t *data, size_t data_len,
		enum adac_count_unit unit, uint32_t *words, size_t max_words, size_t *n_words,
		struct da_diag *diag)
{
	size_t data_words = data_len / 4;

	if (data_len % 4)
		return da_fail(diag, DA_ERR_MALFORMED,
			"request data is %zu bytes, not a whole number of 32-bit words", data_len);
	if (data_len > ADAC_MAX_DATA_BYTES)
		return da_fail(diag, DA_ERR_OVERSIZED,
			"request data is %zu bytes, more than the %u bytes of one packet",
			data_len, (unsigned int)ADAC_MAX_DATA_BYTES);
	if (data_len && !data)
		return da_fail(diag, DA_ERR_ARGUMENT, "request data missing");
	if (max_words < ADAC_HEADER_WORDS + data_words)
		return da_fail(diag, DA_ERR_NO_SPACE,
			"request needs %zu words, buffer holds %zu",
			ADAC_HEADER_WORDS + data_words, max_words);

	words[0] = (uint32_t)command << 16;
	words[1] = (uint32_t)(unit == ADAC_COUNT_BYTES ? data_len : data_words);
	for (size_t i = 0; i < data_words; i++)
		words[ADAC_HEADER_WORDS + i] = adac_get_le32(data + 4 * i);
	*n_words = ADAC_HEADER_WORDS + data_words;
	return DA_OK;
}

enum da_err adac_response_header_check(uint32_t word0, uint32_t word1,
		enum adac_count_unit unit, size_t *data_words, struct da_diag *diag)
{
	uint32_t count = word1;

	if (word0 & 0xFFFFu)
		return da_fail(diag, DA_ERR_MALFORMED,
			"response header word 0x%08x has reserved bits [15:0] set", word0);
	if (unit == ADAC_COUNT_BYTES) {
		if (count % 4)
			return da_fail(diag, DA_ERR_MALFORMED,
				"response data_count %u bytes is not a whole number of words", count);
		count /= 4;
	}
	if (count > ADAC_MAX_DATA_WORDS)
		return da_fail(diag, DA_ERR_OVERSIZED,
			"response announces %u data words, more than the %u this host accepts",
			count, (unsigned int)ADAC_MAX_DATA_WORDS);
	*data_words = count;
	return DA_OK;
}

enum da_err adac_response_parse(const uint32_t *words, size_t n_words,
		enum adac_count_unit unit, struct adac_response *out, struct da_diag *diag)
{
	size_t data_words;
	enum da_err err;

	if (n_words < ADAC_HEADER_WORDS)
		return da_fail(diag, DA_ERR_TRUNCATED,
			"response has %zu words, its header alone needs 2", n_words);
	err = adac_response_header_check(words[0], words[1], unit, &data_words, diag);
	if (err != DA_OK)
		return err;
	if (n_words - ADAC_HEADER_WORDS < data_words)
		return da_fail(diag, DA_ERR_TRUNCATED,
			"response announces %zu data words but only %zu arrived",
			data_words, n_words - ADAC_HEADER_WORDS);
	if (n_words - ADAC_HEADER_WORDS > data_words)
		return da_fail(diag, DA_ERR_LENGTH_MISMATCH,
			"response announces %zu data words but %zu follow the header",
			data_words, n_words - ADAC_HEADER_WORDS);

	out->status = (uint16_t)(words[0] >> 16);
	out->data_len = data_words * 4;
	for (size_t i = 0; i < data_words; i++)
		adac_put_le32(out->data + 4 * i, words[ADAC_HEADER_WORDS + i]);
	return DA_OK;
}

enum da_err adac_challenge_decode(const uint8_t *data, size_t len, struct adac_challenge *out,
		struct da_diag *diag)
{
	if (len < ADAC_CHALLENGE_BYTES)
		return da_fail(diag, DA_ERR_TRUNCATED,
			"challenge is %zu bytes, expected %u", len, ADAC_CHALLENGE_BYTES);
	if (len > ADAC_CHALLENGE_BYTES)
		return da_fail(diag, DA_ERR_OVERSIZED,
			"challenge is %zu bytes, expected %u", len, ADAC_CHALLENGE_BYTES);
	out->format_major = data[0];
	out->format_minor = data[1];
	out->reserved = adac_get_le16(data + 2);
	memcpy(out->challenge_vector, data + 4, ADAC_CHALLENGE_VECTOR_BYTES);
	return DA_OK;
}
