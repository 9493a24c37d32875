// SPDX-License-Identifier: GPL-2.0-or-later

/* Unit tests of src/target/stm32h5/da_error.c: failure names and diagnostic composition. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "target/stm32h5/da_error.h"

static void failures_have_short_names(void **state)
{
	assert_string_equal(da_err_name(DA_OK), "ok");
	assert_string_equal(da_err_name(DA_ERR_TRUNCATED), "truncated");
	assert_string_equal(da_err_name(DA_ERR_BAD_SIGNATURE), "bad signature");
	assert_string_equal(da_err_name(DA_ERR_TIMEOUT), "timeout");
	assert_string_equal(da_err_name(DA_ERR_STATE), "state");
	assert_string_equal(da_err_name((enum da_err)999), "unknown error");
}

static void every_code_up_to_the_last_has_a_name(void **state)
{
	for (int e = DA_OK; e <= DA_ERR_STATE; e++)
		assert_string_not_equal(da_err_name((enum da_err)e), "unknown error");
}

static void fail_formats_the_reason_and_returns_the_code(void **state)
{
	struct da_diag diag;

	assert_int_equal(da_fail(&diag, DA_ERR_MALFORMED, "field %s is %u", "role", 7u),
		DA_ERR_MALFORMED);
	assert_string_equal(diag.text, "field role is 7");
	assert_int_equal(da_fail(NULL, DA_ERR_FILE, "ignored"), DA_ERR_FILE);
}

static void prefix_puts_context_in_front(void **state)
{
	struct da_diag diag;

	da_fail(&diag, DA_ERR_TRUNCATED, "body cut");
	da_diag_prefix(&diag, "certificate %u: ", 3u);
	assert_string_equal(diag.text, "certificate 3: body cut");
	da_diag_prefix(NULL, "nothing");
}

static void long_reasons_are_cut_not_overflowed(void **state)
{
	struct da_diag diag;
	char big[600];

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	da_fail(&diag, DA_ERR_MALFORMED, "%s", big);
	assert_int_equal(strlen(diag.text), DA_DIAG_TEXT_SIZE - 1);
	da_diag_prefix(&diag, "%s", big);
	assert_int_equal(strlen(diag.text), DA_DIAG_TEXT_SIZE - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(failures_have_short_names),
		cmocka_unit_test(every_code_up_to_the_last_has_a_name),
		cmocka_unit_test(fail_formats_the_reason_and_returns_the_code),
		cmocka_unit_test(prefix_puts_context_in_front),
		cmocka_unit_test(long_reasons_are_cut_not_overflowed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
