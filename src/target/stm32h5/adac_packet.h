/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * PSA-ADAC command packets as the STM32H5 RSS exchanges them over the DBGMCU mailbox
 * (h5-debug-auth.md §2.1-§2.3, §4.2): request/response headers, command and status codes,
 * the challenge, building a request and parsing a response strictly. Pure C: responses come
 * from outside and every length is checked before use.
 */

#ifndef OPENOCD_TARGET_STM32H5_ADAC_PACKET_H
#define OPENOCD_TARGET_STM32H5_ADAC_PACKET_H

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#include "da_error.h"

/* Command IDs (psa-adac version vendored by ST, §2.2) */
enum adac_command {
	ADAC_CMD_DISCOVERY = 0x0001,
	ADAC_CMD_AUTH_START = 0x0002,
	ADAC_CMD_AUTH_RESPONSE = 0x0003,
	ADAC_CMD_CLOSE_SESSION = 0x0004,	/* newer psa-adac/ACS numbering only */
	ADAC_CMD_RESUME_BOOT = 0x0005,
	ADAC_CMD_LOCK_DEBUG = 0x0006,
	ADAC_CMD_LCS_CHANGE = 0x0007,
};

/* Response status codes (§2.3) */
enum adac_status {
	ADAC_STATUS_SUCCESS = 0x0000,
	ADAC_STATUS_FAILURE = 0x0001,
	ADAC_STATUS_NEED_MORE_DATA = 0x0002,
	ADAC_STATUS_UNSUPPORTED = 0x0003,
	ADAC_STATUS_UNAUTHORIZED = 0x0004,
	ADAC_STATUS_INVALID_PARAMETERS = 0x0005,
	ADAC_STATUS_INVALID_COMMAND = 0x7FFF,
};

/* Request header, word 0 = command << 16 | reserved, word 1 = data_count (§2.1) */
struct adac_request_header {
	uint16_t reserved;
	uint16_t command;
	uint32_t data_count;
};

/* Response header, word 0 = status << 16 | reserved, word 1 = data_count (§2.1) */
struct adac_response_header {
	uint16_t reserved;
	uint16_t status;
	uint32_t data_count;
};

#define ADAC_HEADER_BYTES	8
#define ADAC_HEADER_WORDS	2

static_assert(sizeof(struct adac_request_header) == ADAC_HEADER_BYTES, "request header");
static_assert(offsetof(struct adac_request_header, command) == 2, "request command");
static_assert(offsetof(struct adac_request_header, data_count) == 4, "request data_count");
static_assert(sizeof(struct adac_response_header) == ADAC_HEADER_BYTES, "response header");
static_assert(offsetof(struct adac_response_header, status) == 2, "response status");
static_assert(offsetof(struct adac_response_header, data_count) == 4, "response data_count");

/* psa_auth_challenge_t (§4.2) */
#define ADAC_CHALLENGE_VECTOR_BYTES	32
struct adac_challenge {
	uint8_t format_major;		/* 1 */
	uint8_t format_minor;		/* 0 */
	uint16_t reserved;
	uint8_t challenge_vector[ADAC_CHALLENGE_VECTOR_BYTES];
};
#define ADAC_CHALLENGE_BYTES	36
static_assert(sizeof(struct adac_challenge) == ADAC_CHALLENGE_BYTES, "challenge size");
static_assert(offsetof(struct adac_challenge, challenge_vector) == 4, "challenge vector");

/* Largest data part this host sends or accepts in one packet (4 KiB) */
#define ADAC_MAX_DATA_WORDS	1024
#define ADAC_MAX_DATA_BYTES	(ADAC_MAX_DATA_WORDS * 4)
#define ADAC_MAX_PACKET_WORDS	(ADAC_HEADER_WORDS + ADAC_MAX_DATA_WORDS)

/*
 * Unit of data_count on the wire: psa-adac counts 32-bit words; ST's MP21 mailbox comment
 * says bytes ([U], h5-debug-auth.md §2.1 and §9.3). Applies to requests and responses.
 */
enum adac_count_unit {
	ADAC_COUNT_WORDS,
	ADAC_COUNT_BYTES,
};

/* A parsed response; data holds data_len bytes (the data words in little-endian order) */
struct adac_response {
	uint16_t status;
	size_t data_len;
	uint8_t data[ADAC_MAX_DATA_BYTES];
};

/* Name of a command ("DISCOVERY") or NULL if unknown */
const char *adac_command_name(uint16_t command);

/* Name of a status ("UNAUTHORIZED") or NULL if unknown */
const char *adac_status_name(uint16_t status);

/*
 * Builds a request into words[]: the header then the data bytes loaded as little-endian words.
 * data_len must be a multiple of 4 (TLVs are already padded) and at most ADAC_MAX_DATA_BYTES.
 */
enum da_err adac_request_build(uint16_t command, const uint8_t *data, size_t data_len,
		enum adac_count_unit unit, uint32_t *words, size_t max_words, size_t *n_words,
		struct da_diag *diag);

/*
 * Checks the two header words of a response as they arrive and says how many data words
 * follow (so the receiver reads exactly that many). Refuses non-zero reserved bits, a byte
 * count that is not a whole number of words and anything above ADAC_MAX_DATA_WORDS.
 */
enum da_err adac_response_header_check(uint32_t word0, uint32_t word1,
		enum adac_count_unit unit, size_t *data_words, struct da_diag *diag);

/* Parses a whole response (header + data); n_words must be exactly 2 + the announced count. */
enum da_err adac_response_parse(const uint32_t *words, size_t n_words,
		enum adac_count_unit unit, struct adac_response *out, struct da_diag *diag);

/*
 * Decodes the AUTH_START answer: exactly 36 bytes. The format version is not judged here:
 * ST's password flow may answer an all-zero challenge (§4.1); the certificate flow checks
 * for 1.0 itself before signing.
 */
enum da_err adac_challenge_decode(const uint8_t *data, size_t len, struct adac_challenge *out,
		struct da_diag *diag);

#endif /* OPENOCD_TARGET_STM32H5_ADAC_PACKET_H */
