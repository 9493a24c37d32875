// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/lifecycle_rsslib.c: the RSSLIB DataProvisioning request
 * (h5-flash-ob.md §6.3). The CRC check value 0x0376E6E7 of "123456789" is the published one of
 * CRC-32/MPEG-2 (poly 0x04C11DB7, init 0xFFFFFFFF, no reflection, no final XOR).
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "target/stm32h5/lifecycle_rsslib.h"

static void crc_is_crc32_mpeg2(void **state)
{
	assert_int_equal(h5_rss_crc32(0xFFFFFFFF, (const uint8_t *)"123456789", 9), 0x0376E6E7);
}

static void request_crc_covers_data_then_dest_size_and_flag(void **state)
{
	const uint8_t data[16] = { 1, 2, 3 };
	uint8_t whole[16 + 12] = { 1, 2, 3 };
	/* dest 0x0FFD0100, size 16, flag 0xCACA0AA0, little-endian after the data */
	const uint8_t tail[12] = { 0x00, 0x01, 0xFD, 0x0F, 16, 0, 0, 0, 0xA0, 0x0A, 0xCA, 0xCA };
	memcpy(whole + 16, tail, 12);
	assert_int_equal(h5_rss_request_crc(data, 16, 0x0FFD0100, 0xCACA0AA0),
			h5_rss_crc32(0xFFFFFFFF, whole, sizeof(whole)));
	assert_int_not_equal(h5_rss_request_crc(data, 16, 0x0FFD0100, 0xF5F5A0AA),
			h5_rss_request_crc(data, 16, 0x0FFD0100, 0xCACA0AA0));
}

static void encryption_flag_maps_to_st_magic_words(void **state)
{
	assert_int_equal(h5_rss_do_encryption(true), 0xF5F5A0AA);
	assert_int_equal(h5_rss_do_encryption(false), 0xCACA0AA0);
}

static void configuration_block_is_five_little_endian_words(void **state)
{
	uint8_t conf[H5_RSS_CONF_SIZE];
	const uint8_t expected[20] = {
		0x00, 0x00, 0x05, 0x20,	0x00, 0x01, 0xFD, 0x0F,	0x60, 0x00, 0x00, 0x00,
		0xA0, 0x0A, 0xCA, 0xCA,	0x78, 0x56, 0x34, 0x12,
	};
	h5_rss_conf_build(conf, 0x20050000, 0x0FFD0100, 0x60, 0xCACA0AA0, 0x12345678);
	assert_memory_equal(conf, expected, 20);
}

static void entries_must_be_thumb_code_in_system_flash(void **state)
{
	assert_true(h5_rss_entry_is_plausible(0x0BF99001));
	assert_true(h5_rss_entry_is_plausible(0x0FF9A2C5));
	assert_false(h5_rss_entry_is_plausible(0x0BF99000));	/* no Thumb bit */
	assert_false(h5_rss_entry_is_plausible(0xFFFFFFFF));
	assert_false(h5_rss_entry_is_plausible(0x08000101));	/* user flash */
}

static void result_words_have_names(void **state)
{
	assert_string_equal(h5_rss_result_name(0xEAEAEAEA), "RSSLIB_SUCCESS");
	assert_string_equal(h5_rss_result_name(0xF5F5F5F5), "RSSLIB_ERROR");
	assert_non_null(strstr(h5_rss_result_name(0xF5F5E0E0), "SRAM3"));
	assert_null(h5_rss_result_name(0x12345678));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(crc_is_crc32_mpeg2),
		cmocka_unit_test(request_crc_covers_data_then_dest_size_and_flag),
		cmocka_unit_test(encryption_flag_maps_to_st_magic_words),
		cmocka_unit_test(configuration_block_is_five_little_endian_words),
		cmocka_unit_test(entries_must_be_thumb_code_in_system_flash),
		cmocka_unit_test(result_words_have_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
