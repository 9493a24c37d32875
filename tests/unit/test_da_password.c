// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/da_password.c: ST's password.bin (H563/H533) and
 * da_password.bin (H503) read as they are, the AUTH_RESPONSE they become (h5-debug-auth.md
 * §2.5, §4.1), and malformed password files.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "target/stm32h5/adac_packet.h"
#include "target/stm32h5/da_password.h"

static void h563_password_bin_holds_the_16_character_sample_password(void **state)
{
	struct da_password pw;

	assert_int_equal(da_password_load(SAMPLES_DIR "/NUCLEO-H563ZI/Binary/password.bin", &pw,
		NULL), DA_OK);
	assert_int_equal(pw.length, 16);
	assert_memory_equal(pw.bytes, "0123456789012345", 16);
}

static void h533_password_bin_is_read_the_same_way(void **state)
{
	struct da_password pw;

	assert_int_equal(da_password_load(SAMPLES_DIR "/NUCLEO-H533RE/Binary/password.bin", &pw,
		NULL), DA_OK);
	assert_int_equal(pw.length, 16);
}

static void h503_da_password_bin_holds_a_12_byte_password(void **state)
{
	const uint8_t expected[12] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
	struct da_password pw;

	assert_int_equal(da_password_load(SAMPLES_DIR "/NUCLEO-H503RB/da_password.bin", &pw,
		NULL), DA_OK);
	assert_int_equal(pw.length, 12);
	assert_memory_equal(pw.bytes, expected, 12);
}

static void password_request_is_2_plus_6_words_for_16_characters(void **state)
{
	struct da_password pw;
	uint8_t tlv[DA_PASSWORD_TLV_MAX_BYTES];
	uint32_t words[16];
	size_t len, n;

	assert_int_equal(da_password_load(SAMPLES_DIR "/NUCLEO-H563ZI/Binary/password.bin", &pw,
		NULL), DA_OK);
	assert_int_equal(da_password_tlv(&pw, tlv, sizeof(tlv), &len, NULL), DA_OK);
	assert_int_equal(len, 24);
	assert_int_equal(adac_request_build(ADAC_CMD_AUTH_RESPONSE, tlv, len, ADAC_COUNT_WORDS,
		words, 16, &n, NULL), DA_OK);
	assert_int_equal(n, 2 + 6);
	assert_int_equal(words[1], 6);
	assert_int_equal(words[2], 0x80000000);
	assert_int_equal(words[3], 16);
}

static void h503_password_request_is_2_plus_5_words_and_equals_the_file(void **state)
{
	const uint8_t file[20] = { 0x00, 0x00, 0x00, 0x80, 0x0c, 0x00, 0x00, 0x00,
		0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
	struct da_password pw;
	uint8_t tlv[DA_PASSWORD_TLV_MAX_BYTES];
	uint32_t words[16];
	size_t len, n;

	assert_int_equal(da_password_load(SAMPLES_DIR "/NUCLEO-H503RB/da_password.bin", &pw,
		NULL), DA_OK);
	assert_int_equal(da_password_tlv(&pw, tlv, sizeof(tlv), &len, NULL), DA_OK);
	assert_int_equal(len, 20);
	assert_memory_equal(tlv, file, 20);
	assert_int_equal(adac_request_build(ADAC_CMD_AUTH_RESPONSE, tlv, len, ADAC_COUNT_WORDS,
		words, 16, &n, NULL), DA_OK);
	assert_int_equal(n, 2 + 5);
}

static void five_byte_password_is_padded_to_a_word(void **state)
{
	const uint8_t file[13] = { 0x00, 0x00, 0x00, 0x80, 0x05, 0x00, 0x00, 0x00,
		'a', 'b', 'c', 'd', 'e' };
	const uint8_t padded_file[16] = { 0x00, 0x00, 0x00, 0x80, 0x05, 0x00, 0x00, 0x00,
		'a', 'b', 'c', 'd', 'e', 0, 0, 0 };
	struct da_password pw;
	uint8_t tlv[DA_PASSWORD_TLV_MAX_BYTES];
	size_t len;

	assert_int_equal(da_password_parse(file, sizeof(file), &pw, NULL), DA_OK);
	assert_int_equal(pw.length, 5);
	assert_int_equal(da_password_tlv(&pw, tlv, sizeof(tlv), &len, NULL), DA_OK);
	assert_int_equal(len, 16);
	assert_memory_equal(tlv, padded_file, 16);
	assert_int_equal(da_password_parse(padded_file, sizeof(padded_file), &pw, NULL), DA_OK);
	assert_int_equal(pw.length, 5);
}

static void non_zero_padding_after_the_password_is_refused(void **state)
{
	const uint8_t file[16] = { 0x00, 0x00, 0x00, 0x80, 0x05, 0x00, 0x00, 0x00,
		'a', 'b', 'c', 'd', 'e', 0, 'x', 0 };
	struct da_password pw;

	assert_int_equal(da_password_parse(file, sizeof(file), &pw, NULL), DA_ERR_BAD_PADDING);
}

static void raw_password_file_is_refused_without_quoting_it(void **state)
{
	struct da_password pw;
	struct da_diag diag;

	assert_int_equal(da_password_load(SAMPLES_DIR "/NUCLEO-H503RB/user_password.bin", &pw,
		&diag), DA_ERR_WRONG_TYPE);
	assert_non_null(strstr(diag.text, "user_password.bin"));
	assert_null(strstr(diag.text, "03020100"));
	assert_null(strstr(diag.text, "0x00010203"));
}

static void password_hash_file_is_refused_as_too_large(void **state)
{
	struct da_password pw;

	assert_int_equal(da_password_load(SAMPLES_DIR "/NUCLEO-H503RB/board_password.bin", &pw,
		NULL), DA_ERR_OVERSIZED);
}

static void password_of_3_or_17_bytes_is_refused(void **state)
{
	uint8_t file[8 + 17] = { 0x00, 0x00, 0x00, 0x80, 0x03, 0x00, 0x00, 0x00, 'a', 'b', 'c' };
	struct da_password pw;

	assert_int_equal(da_password_parse(file, 11, &pw, NULL), DA_ERR_MALFORMED);
	file[4] = 17;
	assert_int_equal(da_password_parse(file, sizeof(file), &pw, NULL), DA_ERR_MALFORMED);
}

static void password_file_shorter_than_its_length_is_refused(void **state)
{
	const uint8_t file[18] = { 0x00, 0x00, 0x00, 0x80, 0x10, 0x00, 0x00, 0x00,
		'0', '1', '2', '3', '4', '5', '6', '7', '8', '9' };
	struct da_password pw;

	assert_int_equal(da_password_parse(file, sizeof(file), &pw, NULL), DA_ERR_TRUNCATED);
	assert_int_equal(da_password_parse(file, 7, &pw, NULL), DA_ERR_TRUNCATED);
}

static void password_file_with_extra_bytes_is_refused(void **state)
{
	const uint8_t file[24] = { 0x00, 0x00, 0x00, 0x80, 0x0c, 0x00, 0x00, 0x00,
		0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 0, 0, 0 };
	struct da_password pw;

	assert_int_equal(da_password_parse(file, sizeof(file), &pw, NULL),
		DA_ERR_LENGTH_MISMATCH);
}

static void wiping_a_password_clears_it(void **state)
{
	struct da_password pw;
	const uint8_t zero[sizeof(pw)] = { 0 };

	assert_int_equal(da_password_load(SAMPLES_DIR "/NUCLEO-H563ZI/Binary/password.bin", &pw,
		NULL), DA_OK);
	da_password_wipe(&pw);
	assert_memory_equal(&pw, zero, sizeof(pw));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(h563_password_bin_holds_the_16_character_sample_password),
		cmocka_unit_test(h533_password_bin_is_read_the_same_way),
		cmocka_unit_test(h503_da_password_bin_holds_a_12_byte_password),
		cmocka_unit_test(password_request_is_2_plus_6_words_for_16_characters),
		cmocka_unit_test(h503_password_request_is_2_plus_5_words_and_equals_the_file),
		cmocka_unit_test(five_byte_password_is_padded_to_a_word),
		cmocka_unit_test(non_zero_padding_after_the_password_is_refused),
		cmocka_unit_test(raw_password_file_is_refused_without_quoting_it),
		cmocka_unit_test(password_hash_file_is_refused_as_too_large),
		cmocka_unit_test(password_of_3_or_17_bytes_is_refused),
		cmocka_unit_test(password_file_shorter_than_its_length_is_refused),
		cmocka_unit_test(password_file_with_extra_bytes_is_refused),
		cmocka_unit_test(wiping_a_password_clears_it),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
