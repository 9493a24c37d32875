// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/da_permissions.c: the bit table of h5-debug-auth.md §5.1
 * (written out here by hand), list parsing, and the request-versus-grant check.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "target/stm32h5/da_permissions.h"

static void names_map_to_the_reference_bits(void **state)
{
	assert_int_equal(da_permission_by_name("full_regression")->bit, 14);
	assert_int_equal(da_permission_by_name("partial_regression")->bit, 12);
	assert_int_equal(da_permission_by_name("debug_open_l3")->bit, 6);
	assert_int_equal(da_permission_by_name("debug_open_l2")->bit, 5);
	assert_int_equal(da_permission_by_name("debug_open_l1")->bit, 4);
	assert_int_equal(da_permission_by_name("debug_open_l3_ns")->bit, 2);
	assert_int_equal(da_permission_by_name("debug_open_l2_ns")->bit, 1);
	assert_int_equal(da_permission_by_name("debug_open_l1_ns")->bit, 0);
}

static void only_bits_14_6_and_1_are_marked_confirmed(void **state)
{
	for (size_t i = 0; i < da_permission_count; i++) {
		unsigned int bit = da_permission_table[i].bit;
		bool confirmed = bit == 14 || bit == 6 || bit == 1;

		assert_int_equal(da_permission_table[i].inferred, !confirmed);
	}
}

static void cubeprogrammer_letters_a_to_h_follow_the_reference_order(void **state)
{
	const unsigned int bits[8] = { 14, 12, 6, 5, 4, 2, 1, 0 };

	for (int i = 0; i < 8; i++) {
		char letter[2] = { (char)('a' + i), 0 };

		assert_int_equal(da_permission_by_name(letter)->bit, bits[i]);
	}
}

static void names_ignore_case_and_accept_dashes(void **state)
{
	assert_int_equal(da_permission_by_name("Full-Regression")->bit, 14);
	assert_null(da_permission_by_name("full_regressio"));
	assert_null(da_permission_by_name(""));
}

static void single_name_parses_to_its_bit(void **state)
{
	struct da_perms p;

	assert_int_equal(da_perms_parse("full_regression", &p, NULL), DA_OK);
	assert_int_equal(p.word[0], 0x4000);
	assert_int_equal(p.word[1] | p.word[2] | p.word[3], 0);
}

static void names_and_numbers_combine(void **state)
{
	struct da_perms p;

	assert_int_equal(da_perms_parse("debug_open_l3,0x40", &p, NULL), DA_OK);
	assert_int_equal(p.word[0], 0x40);
	assert_int_equal(da_perms_parse("debug_open_l2_ns, partial_regression 0x1", &p, NULL),
		DA_OK);
	assert_int_equal(p.word[0], 0x1003);
	assert_int_equal(da_perms_parse("0x5077", &p, NULL), DA_OK);
	assert_int_equal(p.word[0], 0x5077);
	assert_int_equal(da_perms_parse("bit40", &p, NULL), DA_OK);
	assert_int_equal(p.word[0], 0);
	assert_int_equal(p.word[1], 0x100);
}

static void unknown_name_is_refused_naming_it(void **state)
{
	struct da_perms p;
	struct da_diag diag;

	assert_int_equal(da_perms_parse("full_regression,open_sesame", &p, &diag),
		DA_ERR_PERMISSION);
	assert_non_null(strstr(diag.text, "\"open_sesame\""));
}

static void empty_zero_and_oversized_lists_are_refused(void **state)
{
	struct da_perms p;

	assert_int_equal(da_perms_parse("", &p, NULL), DA_ERR_PERMISSION);
	assert_int_equal(da_perms_parse(" , ", &p, NULL), DA_ERR_PERMISSION);
	assert_int_equal(da_perms_parse("0", &p, NULL), DA_ERR_PERMISSION);
	assert_int_equal(da_perms_parse("0x100000000", &p, NULL), DA_ERR_PERMISSION);
	assert_int_equal(da_perms_parse("0x40zz", &p, NULL), DA_ERR_PERMISSION);
	assert_int_equal(da_perms_parse("bit128", &p, NULL), DA_ERR_PERMISSION);
	assert_int_equal(da_perms_parse(NULL, &p, NULL), DA_ERR_PERMISSION);
}

static void request_within_the_grant_passes(void **state)
{
	struct da_perms granted = { { 0x5077, 0, 0, 0 } };
	struct da_perms requested = { { 0x4000, 0, 0, 0 } };

	assert_int_equal(da_perms_check_request(&requested, &granted, "the chain", NULL), DA_OK);
}

static void request_outside_the_grant_names_the_missing_permission(void **state)
{
	struct da_perms granted = { { 0x0077, 0, 0, 0 } };
	struct da_perms requested = { { 0x4040, 0, 0, 0 } };
	struct da_diag diag;

	assert_int_equal(da_perms_check_request(&requested, &granted, "the certificate chain",
		&diag), DA_ERR_PERMISSION);
	assert_non_null(strstr(diag.text, "full_regression (bit 14)"));
	assert_non_null(strstr(diag.text, "the certificate chain"));
	assert_non_null(strstr(diag.text, "0x00000077"));
}

static void masks_round_trip_through_their_16_wire_bytes(void **state)
{
	const uint8_t wire[16] = { 0x77, 0x50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80 };
	struct da_perms p;
	uint8_t back[16];

	da_perms_from_bytes(wire, &p);
	assert_int_equal(p.word[0], 0x5077);
	assert_int_equal(p.word[3], 0x80000000);
	assert_true(da_perms_test_bit(&p, 127));
	da_perms_to_bytes(&p, back);
	assert_memory_equal(back, wire, 16);
}

static void masks_format_as_hex_and_names(void **state)
{
	struct da_perms p = { { 0x5077, 0, 0, 0 } };
	char buf[200];

	da_perms_format_hex(&p, buf, sizeof(buf));
	assert_string_equal(buf, "0x00005077");
	da_perms_format_names(&p, buf, sizeof(buf));
	assert_string_equal(buf, "debug_open_l1_ns,debug_open_l2_ns,debug_open_l3_ns,"
		"debug_open_l1,debug_open_l2,debug_open_l3,partial_regression,full_regression");
	p.word[0] = 0x8;
	da_perms_format_names(&p, buf, sizeof(buf));
	assert_string_equal(buf, "bit3");
	p.word[0] = 0;
	da_perms_format_names(&p, buf, sizeof(buf));
	assert_string_equal(buf, "none");
	p.word[1] = 1;
	da_perms_format_hex(&p, buf, sizeof(buf));
	assert_string_equal(buf, "0x00000000_00000000_00000001_00000000");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_map_to_the_reference_bits),
		cmocka_unit_test(only_bits_14_6_and_1_are_marked_confirmed),
		cmocka_unit_test(cubeprogrammer_letters_a_to_h_follow_the_reference_order),
		cmocka_unit_test(names_ignore_case_and_accept_dashes),
		cmocka_unit_test(single_name_parses_to_its_bit),
		cmocka_unit_test(names_and_numbers_combine),
		cmocka_unit_test(unknown_name_is_refused_naming_it),
		cmocka_unit_test(empty_zero_and_oversized_lists_are_refused),
		cmocka_unit_test(request_within_the_grant_passes),
		cmocka_unit_test(request_outside_the_grant_names_the_missing_permission),
		cmocka_unit_test(masks_round_trip_through_their_16_wire_bytes),
		cmocka_unit_test(masks_format_as_hex_and_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
