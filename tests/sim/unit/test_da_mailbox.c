// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim DA device: entry under NRST, DBG_AUTH_ACK handshake in both polarities, request
 * framing and its robustness, session commands, fault modes and the state dump.
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "da_test_host.h"

#define REG_HOST	0x100
#define REG_DEVICE	0x104
#define REG_ACK		0x108

static struct test_env env;
static uint8_t answer[512];
static uint32_t answer_len;

static void setup_device(uint8_t state)
{
	env_init(&env, FAKE_H563, state, true);
	env_provision_obk(&env, H563_DIR "Binary/DA_Config.obk");
}

static void setup_active_device(void)
{
	setup_device(PS_CLOSED);
	env_create_device(&env);
	host_enter_da(&env);
}

static uint16_t discovery(void)
{
	return host_command(&env, CMD_DISCOVERY, NULL, 0, answer, sizeof(answer), &answer_len);
}

/* --- entry ----------------------------------------------------------------------------- */

static void entry_word_under_reset_enters_da_and_is_echoed(void **state)
{
	setup_device(PS_CLOSED);
	env_create_device(&env);
	assert_true(host_enter(&env, 0x53544441));
	assert_true(da_device_active(env.da));
	assert_int_equal(host_get(&env), 0x53544441);
	env_free(&env);
}

static void other_word_under_reset_is_ignored_and_the_chip_boots(void **state)
{
	setup_device(PS_CLOSED);
	env_create_device(&env);
	assert_false(host_enter(&env, 0x4F454441));	/* "OEDA" */
	assert_false(da_device_active(env.da));
	assert_false(host_device_word_ready(&env));
	env_free(&env);
}

static void reset_release_without_a_pending_word_boots(void **state)
{
	setup_device(PS_CLOSED);
	env_create_device(&env);
	da_device_reset(env.da, true);
	assert_false(da_device_reset(env.da, false));
	assert_false(da_device_active(env.da));
	env_free(&env);
}

static void entry_word_is_a_setting(void **state)
{
	setup_device(PS_CLOSED);
	env.settings.entry_magic = 0x4F454441;
	env_create_device(&env);
	assert_false(host_enter(&env, 0x53544441));
	assert_true(host_enter(&env, 0x4F454441));
	assert_int_equal(host_get(&env), 0x4F454441);
	env_free(&env);
}

static void echo_can_be_disabled(void **state)
{
	setup_device(PS_CLOSED);
	env.settings.echo_magic = false;
	env_create_device(&env);
	assert_true(host_enter(&env, 0x53544441));
	assert_false(host_device_word_ready(&env));
	assert_int_equal(discovery(), ST_SUCCESS);
	env_free(&env);
}

/* --- ACK handshake --------------------------------------------------------------------- */

static void default_polarity_uses_bit0_for_host_words_and_bit1_for_device_words(void **state)
{
	setup_device(PS_CLOSED);
	env_create_device(&env);
	da_device_reset(env.da, true);
	da_device_write(env.da, REG_HOST, 0x53544441);
	assert_int_equal(da_device_read(env.da, REG_ACK), 0x1);	/* word pending, not consumed */
	assert_true(da_device_reset(env.da, false));
	assert_int_equal(da_device_read(env.da, REG_ACK), 0x2);	/* consumed; echo waiting */
	assert_int_equal(da_device_read(env.da, REG_DEVICE), 0x53544441);
	assert_int_equal(da_device_read(env.da, REG_ACK), 0x0);
	env_free(&env);
}

static void swapped_polarity_uses_bit1_for_host_words_and_bit0_for_device_words(void **state)
{
	setup_device(PS_CLOSED);
	env.settings.ack_swapped = true;
	env_create_device(&env);
	da_device_reset(env.da, true);
	da_device_write(env.da, REG_HOST, 0x53544441);
	assert_int_equal(da_device_read(env.da, REG_ACK), 0x2);
	assert_true(da_device_reset(env.da, false));
	assert_int_equal(da_device_read(env.da, REG_ACK), 0x1);
	assert_int_equal(da_device_read(env.da, REG_DEVICE), 0x53544441);
	assert_int_equal(da_device_read(env.da, REG_ACK), 0x0);
	assert_int_equal(discovery(), ST_SUCCESS);
	assert_int_equal(answer_len, 192);
	env_free(&env);
}

static void next_device_word_appears_on_the_following_ack_read(void **state)
{
	setup_active_device();
	da_device_write(env.da, REG_HOST, CMD_DISCOVERY << 16);
	da_device_write(env.da, REG_HOST, 0);
	assert_int_equal(da_device_read(env.da, REG_ACK), 0x2);
	assert_int_equal(da_device_read(env.da, REG_DEVICE), 0x00000000);	/* status SUCCESS */
	assert_int_equal(da_device_read(env.da, REG_ACK), 0x0);
	assert_int_equal(da_device_read(env.da, REG_ACK), 0x2);
	assert_int_equal(da_device_read(env.da, REG_DEVICE), 48);		/* data_count */
	env_free(&env);
}

static void host_writing_zero_to_the_device_flag_acknowledges_the_word(void **state)
{
	setup_device(PS_CLOSED);
	env_create_device(&env);
	assert_true(host_enter(&env, 0x53544441));
	assert_int_equal(da_device_read(env.da, REG_ACK), 0x2);
	da_device_write(env.da, REG_ACK, 0x0);
	assert_int_equal(da_device_read(env.da, REG_ACK), 0x0);
	env_free(&env);
}

/* A host that reads ACK after each word and clears a still-set device flag loses nothing */
static void clearing_host_loses_no_word(void **state)
{
	uint32_t w[64];
	unsigned int n = 0;

	setup_active_device();
	da_device_write(env.da, REG_HOST, CMD_DISCOVERY << 16);
	da_device_write(env.da, REG_HOST, 0);
	while (n < 50) {
		uint32_t ack;
		int polls = 0;

		while (!(da_device_read(env.da, REG_ACK) & 0x2))
			assert_true(++polls < 4);
		w[n++] = da_device_read(env.da, REG_DEVICE);
		ack = da_device_read(env.da, REG_ACK);
		if (ack & 0x2)
			da_device_write(env.da, REG_ACK, ack & ~0x2u);
	}
	assert_int_equal(w[0], 0);
	assert_int_equal(w[1], 48);
	assert_int_equal(w[2], 0x00010000);	/* first TLV: type 0x0001 */
	assert_int_equal(w[49], 0xFFFFFFFF);	/* last TLV value: HDPL3 status */
	env_free(&env);
}

static void host_word_waits_while_the_device_has_words_to_send(void **state)
{
	setup_active_device();
	da_device_write(env.da, REG_HOST, CMD_AUTH_START << 16);
	da_device_write(env.da, REG_HOST, 0);
	da_device_write(env.da, REG_HOST, CMD_DISCOVERY << 16);	/* too early */
	assert_int_equal(da_device_read(env.da, REG_ACK) & 0x1, 0x1);
	for (int i = 0; i < 11; i++)	/* AUTH_START answer: 2 + 9 words */
		host_get(&env);
	assert_int_equal(da_device_read(env.da, REG_ACK) & 0x1, 0x0);	/* taken now */
	host_put(&env, 0);
	assert_int_equal(host_get(&env), 0);
	assert_int_equal(host_get(&env), 48);
	env_free(&env);
}

/* --- framing --------------------------------------------------------------------------- */

static void data_count_in_bytes_mode_counts_bytes_both_ways(void **state)
{
	uint8_t vector[32];

	setup_device(PS_CLOSED);
	env.settings.data_count_in_bytes = true;
	env_create_device(&env);
	host_enter_da(&env);
	da_device_write(env.da, REG_HOST, CMD_DISCOVERY << 16);
	da_device_write(env.da, REG_HOST, 0);
	assert_int_equal(host_get(&env), 0);
	assert_int_equal(host_get(&env), 192);
	for (int i = 0; i < 48; i++)
		host_get(&env);
	host_auth_start(&env, vector);
	env_free(&env);
}

static void byte_count_not_a_multiple_of_four_is_invalid_parameters(void **state)
{
	setup_device(PS_CLOSED);
	env.settings.data_count_in_bytes = true;
	env_create_device(&env);
	host_enter_da(&env);
	host_put(&env, CMD_AUTH_RESPONSE << 16);
	host_put(&env, 6);
	host_put(&env, 0x80000000);
	host_put(&env, 0x00000002);
	assert_int_equal(host_get(&env), ST_INVALID_PARAMETERS << 16);
	assert_int_equal(host_get(&env), 0);
	env_free(&env);
}

static void unknown_commands_are_invalid_command(void **state)
{
	static const uint16_t unknown[] = { 0x0000, 0x0004, 0x0008, 0x0100, 0x8000, 0xFFFF };

	setup_active_device();
	for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++)
		assert_int_equal(host_command(&env, unknown[i], NULL, 0, answer, sizeof(answer),
					      &answer_len), ST_INVALID_COMMAND);
	env_free(&env);
}

static void lcs_change_is_unsupported(void **state)
{
	static const uint8_t tlv[12] = { 0, 0, 0x08, 0, 2, 0, 0, 0, 0x00, 0x30, 0, 0 };

	setup_active_device();
	assert_int_equal(host_command(&env, 0x0007, tlv, sizeof(tlv), answer, sizeof(answer),
				      &answer_len), ST_UNSUPPORTED);
	env_free(&env);
}

static void nonzero_reserved_header_bits_are_invalid_parameters(void **state)
{
	setup_active_device();
	host_put(&env, 0x0001BEEF);
	host_put(&env, 0);
	assert_int_equal(host_get(&env), ST_INVALID_PARAMETERS << 16);
	assert_int_equal(host_get(&env), 0);
	assert_int_equal(discovery(), ST_SUCCESS);
	env_free(&env);
}

static void auth_response_shorter_than_a_tlv_header_is_invalid_parameters(void **state)
{
	static const uint8_t one_word[4] = { 0, 0, 0x01, 0x02 };

	setup_active_device();
	assert_int_equal(host_command(&env, CMD_AUTH_RESPONSE, one_word, 4, answer,
				      sizeof(answer), &answer_len), ST_INVALID_PARAMETERS);
	assert_int_equal(host_command(&env, CMD_AUTH_RESPONSE, NULL, 0, answer,
				      sizeof(answer), &answer_len), ST_INVALID_PARAMETERS);
	env_free(&env);
}

static void tlv_length_beyond_the_request_is_invalid_parameters(void **state)
{
	/* TLV 0x0201 claiming 212 bytes in a 16-byte request */
	static const uint8_t tlv[16] = { 0, 0, 0x01, 0x02, 0xD4, 0, 0, 0 };

	setup_active_device();
	assert_int_equal(host_command(&env, CMD_AUTH_RESPONSE, tlv, sizeof(tlv), answer,
				      sizeof(answer), &answer_len), ST_INVALID_PARAMETERS);
	env_free(&env);
}

static void oversized_request_is_read_to_its_end_and_refused(void **state)
{
	uint8_t *big = calloc(300, 4);

	assert_non_null(big);
	setup_active_device();
	assert_int_equal(host_command(&env, CMD_AUTH_RESPONSE, big, 300 * 4, answer,
				      sizeof(answer), &answer_len), ST_INVALID_PARAMETERS);
	assert_int_equal(discovery(), ST_SUCCESS);
	free(big);
	env_free(&env);
}

static void absurd_data_count_is_refused_at_once(void **state)
{
	setup_active_device();
	host_put(&env, CMD_AUTH_RESPONSE << 16);
	host_put(&env, 0xFFFFFFFF);
	assert_int_equal(host_get(&env), ST_INVALID_PARAMETERS << 16);
	assert_int_equal(host_get(&env), 0);
	assert_int_equal(discovery(), ST_SUCCESS);
	env_free(&env);
}

static void random_words_never_crash_the_device(void **state)
{
	uint32_t x = 12345;

	setup_active_device();
	for (int i = 0; i < 2000; i++) {
		x = x * 1103515245u + 12345u;
		/* keep data counts small so the stream keeps producing answers */
		da_device_write(env.da, REG_HOST, (i & 1) ? (x >> 8) % 70 : x);
		while (da_device_read(env.da, REG_ACK) & 0x2)
			da_device_read(env.da, REG_DEVICE);
	}
	assert_int_equal(env.fake.full_regressions, 0);
	assert_int_equal(env.fake.partial_regressions, 0);
	assert_int_equal(env.fake.open_debug_calls, 0);
	env_free(&env);
}

/* --- session commands ------------------------------------------------------------------ */

static void lock_debug_calls_the_chip_once_the_answer_is_read(void **state)
{
	setup_active_device();
	host_put(&env, CMD_LOCK_DEBUG << 16);
	host_put(&env, 0);
	assert_int_equal(host_get(&env), 0);
	assert_int_equal(env.fake.lock_debug_calls, 0);
	assert_int_equal(host_get(&env), 0);
	assert_int_equal(env.fake.lock_debug_calls, 1);
	assert_true(da_device_active(env.da));
	env_free(&env);
}

static void resume_boot_ends_the_session(void **state)
{
	setup_active_device();
	assert_int_equal(host_command(&env, CMD_RESUME_BOOT, NULL, 0, answer, sizeof(answer),
				      &answer_len), ST_SUCCESS);
	assert_false(da_device_active(env.da));
	env_free(&env);
}

static void reset_ends_the_session_and_drops_unread_words(void **state)
{
	setup_active_device();
	host_put(&env, CMD_DISCOVERY << 16);
	host_put(&env, 0);
	da_device_reset(env.da, true);
	assert_false(da_device_active(env.da));
	assert_false(host_device_word_ready(&env));
	assert_false(da_device_reset(env.da, false));
	env_free(&env);
}

static void locked_device_answers_discovery_and_resume_only(void **state)
{
	setup_device(PS_LOCKED);
	env_create_device(&env);
	host_enter_da(&env);
	assert_int_equal(discovery(), ST_SUCCESS);
	assert_int_equal(host_command(&env, CMD_AUTH_START, NULL, 0, answer, sizeof(answer),
				      &answer_len), ST_UNAUTHORIZED);
	assert_int_equal(host_command(&env, CMD_RESUME_BOOT, NULL, 0, answer, sizeof(answer),
				      &answer_len), ST_SUCCESS);
	assert_false(da_device_active(env.da));
	env_free(&env);
}

static void same_seed_gives_the_same_challenge_and_another_seed_another(void **state)
{
	uint8_t a[32], b[32], c[32];

	setup_active_device();
	host_auth_start(&env, a);
	env_free(&env);
	setup_active_device();
	host_auth_start(&env, b);
	env_free(&env);
	setup_device(PS_CLOSED);
	env.settings.rng_seed = 2;
	env_create_device(&env);
	host_enter_da(&env);
	host_auth_start(&env, c);
	env_free(&env);
	assert_memory_equal(a, b, 32);
	assert_memory_not_equal(a, c, 32);
}

/* --- faults ---------------------------------------------------------------------------- */

static void silent_device_never_answers(void **state)
{
	setup_active_device();
	da_device_set_fault(env.da, DA_FAULT_SILENT);
	host_put(&env, CMD_LOCK_DEBUG << 16);
	host_put(&env, 0);
	assert_false(host_device_word_ready(&env));
	assert_int_equal(env.fake.lock_debug_calls, 0);
	env_free(&env);
}

static void garbage_device_answers_words_that_are_not_the_answer(void **state)
{
	uint32_t w0, w1;

	setup_active_device();
	da_device_set_fault(env.da, DA_FAULT_GARBAGE);
	host_put(&env, CMD_LOCK_DEBUG << 16);
	host_put(&env, 0);
	w0 = host_get(&env);
	w1 = host_get(&env);
	assert_false(w0 == 0 && w1 == 0);	/* not the SUCCESS answer */
	while (host_device_word_ready(&env))
		host_get(&env);
	assert_int_equal(env.fake.lock_debug_calls, 0);
	env_free(&env);
}

static void bad_length_device_announces_more_words_than_it_sends(void **state)
{
	setup_active_device();
	da_device_set_fault(env.da, DA_FAULT_BAD_LENGTH);
	host_put(&env, CMD_DISCOVERY << 16);
	host_put(&env, 0);
	assert_int_equal(host_get(&env), 0);
	assert_int_equal(host_get(&env), 49);
	for (int i = 0; i < 48; i++)
		host_get(&env);
	assert_false(host_device_word_ready(&env));
	env_free(&env);
}

/* --- dump ------------------------------------------------------------------------------ */

static void dump_names_the_state_without_secrets(void **state)
{
	uint8_t tlv[32];
	char *text = NULL;
	size_t size = 0;
	FILE *out;

	env_init(&env, FAKE_H563, PS_CLOSED, false);
	env_provision_obk(&env, H563_DIR "Binary/DA_ConfigWithPassword.obk");
	env_create_device(&env);
	host_enter_da(&env);
	assert_int_equal(host_command(&env, CMD_AUTH_RESPONSE, tlv,
				      (uint32_t)tlv_build(tlv, 0x8000,
							  (const uint8_t *)"wrongpassword", 13),
				      answer, sizeof(answer), &answer_len), ST_FAILURE);
	out = open_memstream(&text, &size);
	assert_non_null(out);
	da_device_dump(env.da, out);
	fclose(out);
	assert_non_null(strstr(text, "da.active: yes\n"));
	assert_non_null(strstr(text, "da.product_state: 0x72 CLOSED\n"));
	assert_non_null(strstr(text, "da.method: password\n"));
	assert_non_null(strstr(text, "da.last_status: 0x0001 FAILURE\n"));
	assert_null(strstr(text, "wrongpassword"));
	assert_null(strstr(text, "184aa46d"));
	free(text);
	env_free(&env);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(entry_word_under_reset_enters_da_and_is_echoed),
		cmocka_unit_test(other_word_under_reset_is_ignored_and_the_chip_boots),
		cmocka_unit_test(reset_release_without_a_pending_word_boots),
		cmocka_unit_test(entry_word_is_a_setting),
		cmocka_unit_test(echo_can_be_disabled),
		cmocka_unit_test(default_polarity_uses_bit0_for_host_words_and_bit1_for_device_words),
		cmocka_unit_test(swapped_polarity_uses_bit1_for_host_words_and_bit0_for_device_words),
		cmocka_unit_test(next_device_word_appears_on_the_following_ack_read),
		cmocka_unit_test(host_writing_zero_to_the_device_flag_acknowledges_the_word),
		cmocka_unit_test(clearing_host_loses_no_word),
		cmocka_unit_test(host_word_waits_while_the_device_has_words_to_send),
		cmocka_unit_test(data_count_in_bytes_mode_counts_bytes_both_ways),
		cmocka_unit_test(byte_count_not_a_multiple_of_four_is_invalid_parameters),
		cmocka_unit_test(unknown_commands_are_invalid_command),
		cmocka_unit_test(lcs_change_is_unsupported),
		cmocka_unit_test(nonzero_reserved_header_bits_are_invalid_parameters),
		cmocka_unit_test(auth_response_shorter_than_a_tlv_header_is_invalid_parameters),
		cmocka_unit_test(tlv_length_beyond_the_request_is_invalid_parameters),
		cmocka_unit_test(oversized_request_is_read_to_its_end_and_refused),
		cmocka_unit_test(absurd_data_count_is_refused_at_once),
		cmocka_unit_test(random_words_never_crash_the_device),
		cmocka_unit_test(lock_debug_calls_the_chip_once_the_answer_is_read),
		cmocka_unit_test(resume_boot_ends_the_session),
		cmocka_unit_test(reset_ends_the_session_and_drops_unread_words),
		cmocka_unit_test(locked_device_answers_discovery_and_resume_only),
		cmocka_unit_test(same_seed_gives_the_same_challenge_and_another_seed_another),
		cmocka_unit_test(silent_device_never_answers),
		cmocka_unit_test(garbage_device_answers_words_that_are_not_the_answer),
		cmocka_unit_test(bad_length_device_announces_more_words_than_it_sends),
		cmocka_unit_test(dump_names_the_state_without_secrets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
