// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/product_state.c against the codes and transition table of
 * h5-flash-ob.md §4.2 and §4.4 (values written out here by hand, not taken from the header).
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "target/stm32h5/product_state.h"

static const struct h5_pstate_context tz_on = { .has_trustzone = true, .tzen = true };
static const struct h5_pstate_context tz_off = { .has_trustzone = true, .tzen = false };
static const struct h5_pstate_context h503 = { .has_trustzone = false, .tzen = false };

static void codes_have_the_reference_names(void **state)
{
	assert_string_equal(h5_pstate_name(0xED), "Open");
	assert_string_equal(h5_pstate_name(0x17), "Provisioning");
	assert_string_equal(h5_pstate_name(0x2E), "iROT-Provisioned");
	assert_string_equal(h5_pstate_name(0xC6), "TZ-Closed");
	assert_string_equal(h5_pstate_name(0x72), "Closed");
	assert_string_equal(h5_pstate_name(0x5C), "Locked");
	assert_string_equal(h5_pstate_name(0x9A), "Regression");
	assert_string_equal(h5_pstate_name(0xA3), "NS-Regression");
}

static void unknown_codes_have_no_name(void **state)
{
	assert_null(h5_pstate_name(0x00));
	assert_null(h5_pstate_name(0xFF));
	assert_null(h5_pstate_name(0xEC));
	assert_false(h5_pstate_is_valid(0x73));
}

static void every_pair_of_codes_differs_in_at_least_four_bits(void **state)
{
	const uint8_t codes[] = { 0xED, 0x17, 0x2E, 0xC6, 0x72, 0x5C, 0x9A, 0xA3 };
	for (size_t i = 0; i < sizeof(codes); i++) {
		assert_true(h5_pstate_is_valid(codes[i]));
		for (size_t j = i + 1; j < sizeof(codes); j++)
			assert_true(__builtin_popcount(codes[i] ^ codes[j]) >= 4);
	}
}

static void names_parse_in_the_usual_spellings(void **state)
{
	uint8_t code = 0;
	assert_true(h5_pstate_parse("Closed", &code));
	assert_int_equal(code, 0x72);
	assert_true(h5_pstate_parse("tz_closed", &code));
	assert_int_equal(code, 0xC6);
	assert_true(h5_pstate_parse("iROT-Provisioned", &code));
	assert_int_equal(code, 0x2E);
	assert_true(h5_pstate_parse("irot_provisioned", &code));
	assert_int_equal(code, 0x2E);
	assert_true(h5_pstate_parse("NS-Regression", &code));
	assert_int_equal(code, 0xA3);
	assert_true(h5_pstate_parse("0x17", &code));
	assert_int_equal(code, 0x17);
}

static void nonsense_does_not_parse(void **state)
{
	uint8_t code = 0x42;
	assert_false(h5_pstate_parse("closd", &code));
	assert_false(h5_pstate_parse("", &code));
	assert_false(h5_pstate_parse("0x73", &code));
	assert_false(h5_pstate_parse("0x172", &code));
	assert_false(h5_pstate_parse("-", &code));
	assert_false(h5_pstate_parse(NULL, &code));
	assert_int_equal(code, 0x42);
}

struct transition {
	uint8_t from, to;
	const struct h5_pstate_context *ctx;
	enum h5_pstate_verdict verdict;
};

/* h5-flash-ob.md §4.4, one row per line of the table (and its [I] extensions) */
static const struct transition table[] = {
	{ 0xED, 0x17, &tz_on, H5_PSTATE_ALLOWED },	/* Open -> Provisioning */
	{ 0xED, 0x2E, &tz_on, H5_PSTATE_ALLOWED },	/* Open -> iROT-Provisioned */
	{ 0xED, 0x72, &tz_on, H5_PSTATE_REFUSED },	/* Open -> Closed directly */
	{ 0xED, 0xC6, &tz_on, H5_PSTATE_REFUSED },	/* Open -> TZ-Closed directly */
	{ 0xED, 0x5C, &tz_on, H5_PSTATE_REFUSED },	/* Open -> Locked directly */
	{ 0x17, 0x72, &tz_off, H5_PSTATE_ALLOWED },	/* Provisioning -> Closed */
	{ 0x17, 0x2E, &tz_on, H5_PSTATE_ALLOWED },
	{ 0x17, 0xC6, &tz_on, H5_PSTATE_ALLOWED },
	{ 0x17, 0x5C, &tz_on, H5_PSTATE_ALLOWED },
	{ 0x17, 0xED, &tz_on, H5_PSTATE_REFUSED },	/* back to Open: DA only */
	{ 0x2E, 0x72, &tz_on, H5_PSTATE_ALLOWED },
	{ 0x2E, 0xC6, &tz_on, H5_PSTATE_ALLOWED },
	{ 0x2E, 0x5C, &tz_on, H5_PSTATE_ALLOWED },
	{ 0x2E, 0x17, &tz_on, H5_PSTATE_REFUSED },
	{ 0xC6, 0x72, &tz_on, H5_PSTATE_ALLOWED },
	{ 0xC6, 0x5C, &tz_on, H5_PSTATE_ALLOWED },
	{ 0xC6, 0x2E, &tz_on, H5_PSTATE_REFUSED },
	{ 0x72, 0x5C, &tz_on, H5_PSTATE_ALLOWED },
	{ 0x72, 0xED, &tz_on, H5_PSTATE_REFUSED },	/* Closed -> Open by OB write */
	{ 0x72, 0x9A, &tz_on, H5_PSTATE_REFUSED },	/* Regression: firmware at HDPL1 or DA */
	{ 0x72, 0xA3, &tz_on, H5_PSTATE_REFUSED },
	{ 0x5C, 0xED, &tz_on, H5_PSTATE_REFUSED },	/* Locked is final */
	{ 0x5C, 0x72, &tz_on, H5_PSTATE_REFUSED },
	{ 0x9A, 0xED, &tz_on, H5_PSTATE_REFUSED },	/* regression running */
	{ 0x17, 0xC6, &tz_off, H5_PSTATE_REFUSED },	/* TZ-Closed needs TZEN=0xB4 */
	{ 0x17, 0xC6, &h503, H5_PSTATE_REFUSED },	/* and a TrustZone part */
	{ 0x17, 0x72, &h503, H5_PSTATE_ALLOWED },
	{ 0x72, 0x72, &tz_on, H5_PSTATE_ALREADY },
	{ 0xED, 0x00, &tz_on, H5_PSTATE_REFUSED },	/* unknown target */
	{ 0x00, 0x17, &tz_on, H5_PSTATE_REFUSED },	/* unknown current */
};

static void transitions_follow_the_reference_table(void **state)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		const char *reason = NULL;
		enum h5_pstate_verdict v = h5_pstate_check_transition(table[i].from, table[i].to,
				table[i].ctx, &reason);
		if (v != table[i].verdict)
			fail_msg("0x%02X -> 0x%02X: verdict %d, expected %d", table[i].from,
					table[i].to, v, table[i].verdict);
		if (v == H5_PSTATE_REFUSED)
			assert_non_null(reason);
		else
			assert_null(reason);
	}
}

static void locked_is_final_and_closed_states_close_debug(void **state)
{
	assert_true(h5_pstate_is_final(0x5C));
	assert_false(h5_pstate_is_final(0x72));
	assert_true(h5_pstate_closes_debug(0x72));
	assert_true(h5_pstate_closes_debug(0xC6));
	assert_false(h5_pstate_closes_debug(0xED));
	assert_false(h5_pstate_closes_debug(0x17));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(codes_have_the_reference_names),
		cmocka_unit_test(unknown_codes_have_no_name),
		cmocka_unit_test(every_pair_of_codes_differs_in_at_least_four_bits),
		cmocka_unit_test(names_parse_in_the_usual_spellings),
		cmocka_unit_test(nonsense_does_not_parse),
		cmocka_unit_test(transitions_follow_the_reference_table),
		cmocka_unit_test(locked_is_final_and_closed_states_close_debug),
	};
	return cmocka_run_group_tests_name("product_state", tests, NULL, NULL);
}
