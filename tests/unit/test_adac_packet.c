// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/adac_packet.c: request and response encodings of
 * h5-debug-auth.md §2.1-§2.3 and §4.2, with the words written out by hand from the reference.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "target/stm32h5/adac_packet.h"

static struct adac_response response;	/* 4 KiB: not on the stack */

static void discovery_request_is_0x00010000_then_0(void **state)
{
	uint32_t w[4];
	size_t n;

	assert_int_equal(adac_request_build(ADAC_CMD_DISCOVERY, NULL, 0, ADAC_COUNT_WORDS, w, 4,
		&n, NULL), DA_OK);
	assert_int_equal(n, 2);
	assert_int_equal(w[0], 0x00010000);
	assert_int_equal(w[1], 0x00000000);
}

static void auth_start_and_lock_debug_requests_carry_their_command_in_the_high_half(void **s)
{
	uint32_t w[2];
	size_t n;

	assert_int_equal(adac_request_build(ADAC_CMD_AUTH_START, NULL, 0, ADAC_COUNT_WORDS, w, 2,
		&n, NULL), DA_OK);
	assert_int_equal(w[0], 0x00020000);
	assert_int_equal(adac_request_build(ADAC_CMD_LOCK_DEBUG, NULL, 0, ADAC_COUNT_WORDS, w, 2,
		&n, NULL), DA_OK);
	assert_int_equal(w[0], 0x00060000);
	assert_int_equal(adac_request_build(ADAC_CMD_RESUME_BOOT, NULL, 0, ADAC_COUNT_WORDS, w,
		2, &n, NULL), DA_OK);
	assert_int_equal(w[0], 0x00050000);
}

static void request_data_is_sent_as_little_endian_words_counted_in_words(void **state)
{
	/* ST's password.bin: 00 00 00 80 | 10 00 00 00 | "0123456789012345" */
	const uint8_t tlv[24] = { 0x00, 0x00, 0x00, 0x80, 0x10, 0x00, 0x00, 0x00,
		'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '1', '2', '3', '4', '5' };
	uint32_t w[16];
	size_t n;

	assert_int_equal(adac_request_build(ADAC_CMD_AUTH_RESPONSE, tlv, sizeof(tlv),
		ADAC_COUNT_WORDS, w, 16, &n, NULL), DA_OK);
	assert_int_equal(n, 2 + 6);
	assert_int_equal(w[0], 0x00030000);
	assert_int_equal(w[1], 6);
	assert_int_equal(w[2], 0x80000000);
	assert_int_equal(w[3], 0x00000010);
	assert_int_equal(w[4], 0x33323130);	/* "0123" */
}

static void request_data_count_is_in_bytes_in_the_byte_compatibility_mode(void **state)
{
	const uint8_t data[8] = { 0 };
	uint32_t w[4];
	size_t n;

	assert_int_equal(adac_request_build(ADAC_CMD_AUTH_RESPONSE, data, 8, ADAC_COUNT_BYTES, w,
		4, &n, NULL), DA_OK);
	assert_int_equal(n, 4);
	assert_int_equal(w[1], 8);
}

static void request_data_that_is_not_whole_words_is_refused(void **state)
{
	const uint8_t data[5] = { 0 };
	uint32_t w[4];
	size_t n;

	assert_int_equal(adac_request_build(ADAC_CMD_AUTH_RESPONSE, data, 5, ADAC_COUNT_WORDS, w,
		4, &n, NULL), DA_ERR_MALFORMED);
}

static void request_larger_than_the_caller_buffer_is_refused(void **state)
{
	const uint8_t data[16] = { 0 };
	uint32_t w[5];
	size_t n;

	assert_int_equal(adac_request_build(ADAC_CMD_AUTH_RESPONSE, data, 16, ADAC_COUNT_WORDS,
		w, 5, &n, NULL), DA_ERR_NO_SPACE);
}

static void request_larger_than_one_packet_is_refused(void **state)
{
	static uint8_t data[ADAC_MAX_DATA_BYTES + 4];
	static uint32_t w[ADAC_MAX_PACKET_WORDS + 1];
	size_t n;

	assert_int_equal(adac_request_build(ADAC_CMD_AUTH_RESPONSE, data, sizeof(data),
		ADAC_COUNT_WORDS, w, ADAC_MAX_PACKET_WORDS + 1, &n, NULL), DA_ERR_OVERSIZED);
}

static void empty_success_response_is_two_zero_words(void **state)
{
	const uint32_t w[2] = { 0x00000000, 0x00000000 };

	assert_int_equal(adac_response_parse(w, 2, ADAC_COUNT_WORDS, &response, NULL), DA_OK);
	assert_int_equal(response.status, ADAC_STATUS_SUCCESS);
	assert_int_equal(response.data_len, 0);
}

static void response_status_is_the_high_half_of_word_0(void **state)
{
	const uint32_t unauthorized[2] = { 0x00040000, 0 };
	const uint32_t need_more[2] = { 0x00020000, 0 };
	const uint32_t invalid[2] = { 0x7FFF0000, 0 };

	assert_int_equal(adac_response_parse(unauthorized, 2, ADAC_COUNT_WORDS, &response, NULL),
		DA_OK);
	assert_int_equal(response.status, 4);
	assert_int_equal(adac_response_parse(need_more, 2, ADAC_COUNT_WORDS, &response, NULL),
		DA_OK);
	assert_int_equal(response.status, 2);
	assert_int_equal(adac_response_parse(invalid, 2, ADAC_COUNT_WORDS, &response, NULL),
		DA_OK);
	assert_int_equal(response.status, 0x7FFF);
}

static void response_with_reserved_bits_set_is_refused(void **state)
{
	const uint32_t w[2] = { 0x00000001, 0 };
	struct da_diag diag;

	assert_int_equal(adac_response_parse(w, 2, ADAC_COUNT_WORDS, &response, &diag),
		DA_ERR_MALFORMED);
	assert_non_null(strstr(diag.text, "reserved"));
}

static void response_shorter_than_its_header_is_refused(void **state)
{
	const uint32_t w[1] = { 0 };

	assert_int_equal(adac_response_parse(w, 1, ADAC_COUNT_WORDS, &response, NULL),
		DA_ERR_TRUNCATED);
}

static void response_whose_data_count_exceeds_the_words_received_is_refused(void **state)
{
	const uint32_t w[4] = { 0, 3, 0x11, 0x22 };

	assert_int_equal(adac_response_parse(w, 4, ADAC_COUNT_WORDS, &response, NULL),
		DA_ERR_TRUNCATED);
}

static void response_whose_data_count_is_below_the_words_received_is_refused(void **state)
{
	const uint32_t w[4] = { 0, 1, 0x11, 0x22 };

	assert_int_equal(adac_response_parse(w, 4, ADAC_COUNT_WORDS, &response, NULL),
		DA_ERR_LENGTH_MISMATCH);
}

static void response_header_announcing_more_than_the_host_limit_is_refused(void **state)
{
	size_t words;

	assert_int_equal(adac_response_header_check(0, 0xFFFFFFFF, ADAC_COUNT_WORDS, &words,
		NULL), DA_ERR_OVERSIZED);
	assert_int_equal(adac_response_header_check(0, ADAC_MAX_DATA_WORDS + 1,
		ADAC_COUNT_WORDS, &words, NULL), DA_ERR_OVERSIZED);
	assert_int_equal(adac_response_header_check(0, ADAC_MAX_DATA_WORDS, ADAC_COUNT_WORDS,
		&words, NULL), DA_OK);
	assert_int_equal(words, ADAC_MAX_DATA_WORDS);
}

static void response_byte_count_must_be_whole_words_in_byte_mode(void **state)
{
	size_t words;

	assert_int_equal(adac_response_header_check(0, 36, ADAC_COUNT_BYTES, &words, NULL),
		DA_OK);
	assert_int_equal(words, 9);
	assert_int_equal(adac_response_header_check(0, 35, ADAC_COUNT_BYTES, &words, NULL),
		DA_ERR_MALFORMED);
}

static void challenge_response_is_2_plus_9_words_and_decodes(void **state)
{
	/* format 1.0, vector 00 01 .. 1F as little-endian words */
	const uint32_t w[11] = { 0x00000000, 9, 0x00000001,
		0x03020100, 0x07060504, 0x0B0A0908, 0x0F0E0D0C,
		0x13121110, 0x17161514, 0x1B1A1918, 0x1F1E1D1C };
	struct adac_challenge c;

	assert_int_equal(adac_response_parse(w, 11, ADAC_COUNT_WORDS, &response, NULL), DA_OK);
	assert_int_equal(response.data_len, 36);
	assert_int_equal(adac_challenge_decode(response.data, response.data_len, &c, NULL),
		DA_OK);
	assert_int_equal(c.format_major, 1);
	assert_int_equal(c.format_minor, 0);
	for (int i = 0; i < 32; i++)
		assert_int_equal(c.challenge_vector[i], i);
}

static void challenge_of_the_wrong_size_is_refused(void **state)
{
	uint8_t data[40] = { 1 };
	struct adac_challenge c;

	assert_int_equal(adac_challenge_decode(data, 32, &c, NULL), DA_ERR_TRUNCATED);
	assert_int_equal(adac_challenge_decode(data, 40, &c, NULL), DA_ERR_OVERSIZED);
}

static void status_codes_have_their_psa_adac_names(void **state)
{
	assert_string_equal(adac_status_name(0x0000), "SUCCESS");
	assert_string_equal(adac_status_name(0x0001), "FAILURE");
	assert_string_equal(adac_status_name(0x0002), "NEED_MORE_DATA");
	assert_string_equal(adac_status_name(0x0003), "UNSUPPORTED");
	assert_string_equal(adac_status_name(0x0004), "UNAUTHORIZED");
	assert_string_equal(adac_status_name(0x0005), "INVALID_PARAMETERS");
	assert_string_equal(adac_status_name(0x7FFF), "INVALID_COMMAND");
	assert_null(adac_status_name(0x0006));
}

static void commands_have_their_psa_adac_names(void **state)
{
	assert_string_equal(adac_command_name(0x0001), "DISCOVERY");
	assert_string_equal(adac_command_name(0x0002), "AUTH_START");
	assert_string_equal(adac_command_name(0x0003), "AUTH_RESPONSE");
	assert_string_equal(adac_command_name(0x0006), "LOCK_DEBUG");
	assert_null(adac_command_name(0x0100));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(discovery_request_is_0x00010000_then_0),
		cmocka_unit_test(auth_start_and_lock_debug_requests_carry_their_command_in_the_high_half),
		cmocka_unit_test(request_data_is_sent_as_little_endian_words_counted_in_words),
		cmocka_unit_test(request_data_count_is_in_bytes_in_the_byte_compatibility_mode),
		cmocka_unit_test(request_data_that_is_not_whole_words_is_refused),
		cmocka_unit_test(request_larger_than_the_caller_buffer_is_refused),
		cmocka_unit_test(request_larger_than_one_packet_is_refused),
		cmocka_unit_test(empty_success_response_is_two_zero_words),
		cmocka_unit_test(response_status_is_the_high_half_of_word_0),
		cmocka_unit_test(response_with_reserved_bits_set_is_refused),
		cmocka_unit_test(response_shorter_than_its_header_is_refused),
		cmocka_unit_test(response_whose_data_count_exceeds_the_words_received_is_refused),
		cmocka_unit_test(response_whose_data_count_is_below_the_words_received_is_refused),
		cmocka_unit_test(response_header_announcing_more_than_the_host_limit_is_refused),
		cmocka_unit_test(response_byte_count_must_be_whole_words_in_byte_mode),
		cmocka_unit_test(challenge_response_is_2_plus_9_words_and_decodes),
		cmocka_unit_test(challenge_of_the_wrong_size_is_refused),
		cmocka_unit_test(status_codes_have_their_psa_adac_names),
		cmocka_unit_test(commands_have_their_psa_adac_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
