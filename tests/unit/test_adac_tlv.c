// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/adac_tlv.c: TLV layout and ROUND_TO_WORD padding of
 * h5-debug-auth.md §2.4, and the strict reader on hand-built good and bad inputs.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "target/stm32h5/adac_tlv.h"

static void encoded_tlv_has_reserved_type_length_then_value_padded_with_zeros(void **state)
{
	const uint8_t value[5] = { 0xA1, 0xA2, 0xA3, 0xA4, 0xA5 };
	const uint8_t expected[16] = { 0x00, 0x00, 0x02, 0x01, 0x05, 0x00, 0x00, 0x00,
		0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0x00, 0x00, 0x00 };
	uint8_t out[20];
	size_t len;

	memset(out, 0xEE, sizeof(out));
	assert_int_equal(adac_tlv_encode(0x0102, value, 5, out, sizeof(out), &len, NULL), DA_OK);
	assert_int_equal(len, 16);
	assert_memory_equal(out, expected, 16);
}

static void encoded_size_counts_header_and_padding(void **state)
{
	assert_int_equal(adac_tlv_encoded_size(0), 8);
	assert_int_equal(adac_tlv_encoded_size(1), 12);
	assert_int_equal(adac_tlv_encoded_size(4), 12);
	assert_int_equal(adac_tlv_encoded_size(12), 20);
	assert_int_equal(adac_tlv_encoded_size(212), 220);
	assert_int_equal(adac_tlv_encoded_size(120), 128);
}

static void encoding_into_a_small_buffer_is_refused(void **state)
{
	const uint8_t value[5] = { 0 };
	uint8_t out[15];
	size_t len;

	assert_int_equal(adac_tlv_encode(0x0102, value, 5, out, sizeof(out), &len, NULL),
		DA_ERR_NO_SPACE);
}

static void reader_walks_padded_tlvs_in_order(void **state)
{
	/* {1.0} version (2 bytes + 2 padding), then cryptosystems {0x01} (1 + 3 padding) */
	const uint8_t buf[24] = {
		0x00, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
		0x00, 0x00, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00 };
	struct adac_tlv_reader r;
	struct adac_tlv t;

	adac_tlv_reader_init(&r, buf, sizeof(buf));
	assert_int_equal(adac_tlv_next(&r, &t, NULL), DA_OK);
	assert_int_equal(t.type_id, 0x0001);
	assert_int_equal(t.length, 2);
	assert_int_equal(t.value[0], 1);
	assert_int_equal(t.offset, 0);
	assert_int_equal(adac_tlv_next(&r, &t, NULL), DA_OK);
	assert_int_equal(t.type_id, 0x0102);
	assert_int_equal(t.length, 1);
	assert_int_equal(t.offset, 12);
	assert_true(adac_tlv_reader_at_end(&r));
	assert_int_equal(adac_tlv_next(&r, &t, NULL), DA_ERR_TRUNCATED);
}

static void reader_accepts_an_empty_value(void **state)
{
	const uint8_t buf[8] = { 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00 };
	struct adac_tlv_reader r;
	struct adac_tlv t;

	adac_tlv_reader_init(&r, buf, sizeof(buf));
	assert_int_equal(adac_tlv_next(&r, &t, NULL), DA_OK);
	assert_int_equal(t.length, 0);
	assert_true(adac_tlv_reader_at_end(&r));
}

static void reader_refuses_a_header_cut_short(void **state)
{
	const uint8_t buf[5] = { 0 };
	struct adac_tlv_reader r;
	struct adac_tlv t;
	struct da_diag diag;

	adac_tlv_reader_init(&r, buf, sizeof(buf));
	assert_int_equal(adac_tlv_next(&r, &t, &diag), DA_ERR_TRUNCATED);
	assert_non_null(strstr(diag.text, "offset 0"));
}

static void reader_refuses_a_length_past_the_end(void **state)
{
	const uint8_t buf[12] = { 0x00, 0x00, 0x04, 0x00, 0x10, 0x00, 0x00, 0x00, 1, 2, 3, 4 };
	struct adac_tlv_reader r;
	struct adac_tlv t;

	adac_tlv_reader_init(&r, buf, sizeof(buf));
	assert_int_equal(adac_tlv_next(&r, &t, NULL), DA_ERR_TRUNCATED);
}

static void reader_refuses_a_huge_length_without_wrapping(void **state)
{
	const uint8_t buf[12] = { 0x00, 0x00, 0x04, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3, 4 };
	struct adac_tlv_reader r;
	struct adac_tlv t;

	adac_tlv_reader_init(&r, buf, sizeof(buf));
	assert_int_equal(adac_tlv_next(&r, &t, NULL), DA_ERR_TRUNCATED);
}

static void reader_refuses_a_value_without_its_padding(void **state)
{
	/* 2-byte value ends the buffer: the 2 padding bytes are missing (N6-style packing) */
	const uint8_t buf[10] = { 0x00, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x00 };
	struct adac_tlv_reader r;
	struct adac_tlv t;

	adac_tlv_reader_init(&r, buf, sizeof(buf));
	assert_int_equal(adac_tlv_next(&r, &t, NULL), DA_ERR_BAD_PADDING);
}

static void reader_refuses_non_zero_padding(void **state)
{
	const uint8_t buf[12] = { 0x00, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00,
		0x01, 0x00, 0x00, 0x5A };
	struct adac_tlv_reader r;
	struct adac_tlv t;

	adac_tlv_reader_init(&r, buf, sizeof(buf));
	assert_int_equal(adac_tlv_next(&r, &t, NULL), DA_ERR_BAD_PADDING);
}

static void reader_refuses_a_non_zero_reserved_field(void **state)
{
	const uint8_t buf[12] = { 0x01, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00,
		0x01, 0x00, 0x00, 0x00 };
	struct adac_tlv_reader r;
	struct adac_tlv t;

	adac_tlv_reader_init(&r, buf, sizeof(buf));
	assert_int_equal(adac_tlv_next(&r, &t, NULL), DA_ERR_MALFORMED);
}

static void reader_refuses_trailing_bytes_after_the_last_tlv(void **state)
{
	const uint8_t buf[14] = { 0x00, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00,
		0x01, 0x00, 0x00, 0x00, 0x00, 0x00 };
	struct adac_tlv_reader r;
	struct adac_tlv t;

	adac_tlv_reader_init(&r, buf, sizeof(buf));
	assert_int_equal(adac_tlv_next(&r, &t, NULL), DA_OK);
	assert_false(adac_tlv_reader_at_end(&r));
	assert_int_equal(adac_tlv_next(&r, &t, NULL), DA_ERR_TRUNCATED);
}

static void type_names_include_st_extensions(void **state)
{
	assert_string_equal(adac_tlv_type_name(0x0201), "PSA_BINARY_CRT");
	assert_string_equal(adac_tlv_type_name(0x0200), "PSA_BINARY_TOKEN");
	assert_string_equal(adac_tlv_type_name(0x8000), "PSA_ST_PASSWD");
	assert_string_equal(adac_tlv_type_name(0x8003), "ST_HDPL3_STATUS");
	assert_null(adac_tlv_type_name(0x8004));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(encoded_tlv_has_reserved_type_length_then_value_padded_with_zeros),
		cmocka_unit_test(encoded_size_counts_header_and_padding),
		cmocka_unit_test(encoding_into_a_small_buffer_is_refused),
		cmocka_unit_test(reader_walks_padded_tlvs_in_order),
		cmocka_unit_test(reader_accepts_an_empty_value),
		cmocka_unit_test(reader_refuses_a_header_cut_short),
		cmocka_unit_test(reader_refuses_a_length_past_the_end),
		cmocka_unit_test(reader_refuses_a_huge_length_without_wrapping),
		cmocka_unit_test(reader_refuses_a_value_without_its_padding),
		cmocka_unit_test(reader_refuses_non_zero_padding),
		cmocka_unit_test(reader_refuses_a_non_zero_reserved_field),
		cmocka_unit_test(reader_refuses_trailing_bytes_after_the_last_tlv),
		cmocka_unit_test(type_names_include_st_extensions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
