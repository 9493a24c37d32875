// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/da_settings.c: the defaults chosen for the unknown facts of
 * h5-debug-auth.md §9 (values written out by hand) and their parsing.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "target/stm32h5/da_settings.h"

static void defaults_follow_the_best_supported_reading_of_the_reference(void **state)
{
	struct da_settings s;

	da_settings_defaults(&s);
	/* the four transport facts not confirmed on silicon are decided from the device */
	assert_int_equal(s.auto_mask, DA_AUTO_ENTRY | DA_AUTO_ACK | DA_AUTO_CLEAR | DA_AUTO_COUNT);
	assert_int_equal(s.entry_word, 0x53544441);	/* "STDA" */
	assert_false(s.ack_swapped);
	assert_true(s.clear_dev_ack);
	assert_int_equal(s.count_unit, ADAC_COUNT_WORDS);
	assert_int_equal(s.close_command, 0x0006);
	assert_int_equal(s.word_timeout_ms, 1000);
	assert_int_equal(s.regression_reset_ms, 0);
}

static void every_setting_reads_back_by_name(void **state)
{
	struct da_settings s;
	char buf[32];

	da_settings_defaults(&s);
	for (size_t i = 0; i < da_settings_count(); i++)
		assert_true(da_settings_get(&s, da_settings_name(i), buf, sizeof(buf)));
	assert_true(da_settings_get(&s, "entry_word", buf, sizeof(buf)));
	assert_string_equal(buf, "auto");
	s.auto_mask = 0;
	assert_true(da_settings_get(&s, "entry_word", buf, sizeof(buf)));
	assert_string_equal(buf, "0x53544441");
	assert_true(da_settings_get(&s, "ack_bits", buf, sizeof(buf)));
	assert_string_equal(buf, "standard");
	assert_true(da_settings_get(&s, "data_count", buf, sizeof(buf)));
	assert_string_equal(buf, "words");
	assert_true(da_settings_get(&s, "close_command", buf, sizeof(buf)));
	assert_string_equal(buf, "0x0006");
	assert_false(da_settings_get(&s, "no_such_setting", buf, sizeof(buf)));
}

static void settings_change_from_text(void **state)
{
	struct da_settings s;
	char buf[32];

	da_settings_defaults(&s);
	assert_int_equal(da_settings_set(&s, "entry_word", "0x4F454441", NULL), DA_OK);
	assert_int_equal(s.entry_word, 0x4F454441);	/* "OEDA" */
	assert_int_equal(da_settings_set(&s, "ack_bits", "swapped", NULL), DA_OK);
	assert_true(s.ack_swapped);
	assert_int_equal(da_settings_set(&s, "data_count", "bytes", NULL), DA_OK);
	assert_int_equal(s.count_unit, ADAC_COUNT_BYTES);
	assert_int_equal(da_settings_set(&s, "clear_dev_ack", "off", NULL), DA_OK);
	assert_false(s.clear_dev_ack);
	assert_int_equal(da_settings_set(&s, "response_timeout_ms", "20000", NULL), DA_OK);
	assert_int_equal(s.response_timeout_ms, 20000);
	assert_int_equal(da_settings_set(&s, "regression_reset_ms", "5000", NULL), DA_OK);
	assert_int_equal(s.regression_reset_ms, 5000);
	assert_int_equal(da_settings_set(&s, "close_command", "4", NULL), DA_OK);
	assert_true(da_settings_get(&s, "close_command", buf, sizeof(buf)));
	assert_string_equal(buf, "0x0004");
}

static void bad_values_are_refused_naming_the_setting(void **state)
{
	struct da_settings s;
	struct da_diag diag;

	da_settings_defaults(&s);
	assert_int_equal(da_settings_set(&s, "word_timeout_ms", "0", &diag), DA_ERR_ARGUMENT);
	assert_non_null(strstr(diag.text, "word_timeout_ms"));
	assert_int_equal(da_settings_set(&s, "word_timeout_ms", "-5", NULL), DA_ERR_ARGUMENT);
	assert_int_equal(da_settings_set(&s, "entry_word", "0x1FFFFFFFF", NULL), DA_ERR_ARGUMENT);
	assert_int_equal(da_settings_set(&s, "data_count", "nibbles", NULL), DA_ERR_ARGUMENT);
	assert_int_equal(da_settings_set(&s, "ack_bits", NULL, NULL), DA_ERR_ARGUMENT);
	assert_int_equal(da_settings_set(&s, "clear_dev_ack", "maybe", NULL), DA_ERR_ARGUMENT);
	assert_int_equal(da_settings_set(&s, "bogus", "1", &diag), DA_ERR_ARGUMENT);
	assert_non_null(strstr(diag.text, "bogus"));
	assert_int_equal(s.word_timeout_ms, 1000);
	assert_int_equal(s.entry_word, 0x53544441);
}

static void auto_is_a_value_of_the_four_undecided_settings(void **state)
{
	struct da_settings s;
	char buf[32];

	da_settings_defaults(&s);
	assert_int_equal(da_settings_set(&s, "ack_bits", "swapped", NULL), DA_OK);
	assert_false(s.auto_mask & DA_AUTO_ACK);
	assert_true(da_settings_get(&s, "ack_bits", buf, sizeof(buf)));
	assert_string_equal(buf, "swapped");
	assert_int_equal(da_settings_set(&s, "ack_bits", "auto", NULL), DA_OK);
	assert_true(s.auto_mask & DA_AUTO_ACK);
	assert_int_equal(da_settings_set(&s, "word_timeout_ms", "auto", NULL), DA_ERR_ARGUMENT);
}

static void a_misspelt_setting_gets_a_suggestion_and_the_list(void **state)
{
	struct da_settings s;
	struct da_diag diag;

	da_settings_defaults(&s);
	assert_int_equal(da_settings_set(&s, "entry_wrod", "auto", &diag), DA_ERR_ARGUMENT);
	assert_non_null(strstr(diag.text, "did you mean \"entry_word\"?"));
	assert_non_null(strstr(diag.text, "valid: entry_word, ack_bits, clear_dev_ack"));
	assert_int_equal(da_settings_set(&s, "zzzzzzzzzzzz", "1", &diag), DA_ERR_ARGUMENT);
	assert_null(strstr(diag.text, "did you mean"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(auto_is_a_value_of_the_four_undecided_settings),
		cmocka_unit_test(a_misspelt_setting_gets_a_suggestion_and_the_list),
		cmocka_unit_test(defaults_follow_the_best_supported_reading_of_the_reference),
		cmocka_unit_test(every_setting_reads_back_by_name),
		cmocka_unit_test(settings_change_from_text),
		cmocka_unit_test(bad_values_are_refused_naming_the_setting),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
