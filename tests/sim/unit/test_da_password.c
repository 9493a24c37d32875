// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim DA device, password mode: a TrustZone part with TZEN off (ST's
 * DA_ConfigWithPassword.obk, password.bin) and an H503 (board_password.bin in OTP,
 * da_password.bin), through the mailbox only.
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "da_test_host.h"

static struct test_env env;

static void setup_password_device(enum fake_part part, uint8_t state)
{
	env_init(&env, part, state, false);
	if (part == FAKE_H503)
		env_provision_otp(&env, H503_DIR "board_password.bin");
	else
		env_provision_obk(&env, H563_DIR "Binary/DA_ConfigWithPassword.obk");
	env_create_device(&env);
	host_enter_da(&env);
}

static uint16_t send_bytes(const uint8_t *data, uint32_t len)
{
	uint8_t resp[16];
	uint32_t resp_len = 0xFFFF;
	uint16_t status = host_command(&env, CMD_AUTH_RESPONSE, data, len, resp, sizeof(resp),
				       &resp_len);

	assert_int_equal(resp_len, 0);
	return status;
}

/* ST's password.bin is already the padded TLV {0, 0x8000, len, password} */
static uint16_t send_password_file(const char *rel)
{
	uint8_t file[64];
	size_t n = sample_read(rel, file, sizeof(file));

	assert_int_equal(n % 4, 0);
	return send_bytes(file, (uint32_t)n);
}

static uint16_t send_password_text(const char *password)
{
	uint8_t tlv[64];
	size_t n = tlv_build(tlv, 0x8000, (const uint8_t *)password, (uint32_t)strlen(password));

	return send_bytes(tlv, (uint32_t)n);
}

static void assert_nothing_done(void)
{
	assert_int_equal(env.fake.full_regressions, 0);
	assert_int_equal(env.fake.partial_regressions, 0);
	assert_int_equal(env.fake.open_debug_calls, 0);
}

static void correct_password_runs_a_full_regression(void **state)
{
	uint8_t vector[32];

	setup_password_device(FAKE_H563, PS_CLOSED);
	host_auth_start(&env, vector);
	assert_int_equal(send_password_file(H563_DIR "Binary/password.bin"), ST_SUCCESS);
	assert_int_equal(env.fake.full_regressions, 1);
	assert_false(da_device_active(env.da));
	env_free(&env);
}

static void regression_callback_may_reset_the_device_from_inside(void **state)
{
	setup_password_device(FAKE_H563, PS_CLOSED);
	env.fake.reset_on_regression = env.da;
	assert_int_equal(send_password_file(H563_DIR "Binary/password.bin"), ST_SUCCESS);
	assert_int_equal(env.fake.full_regressions, 1);
	assert_true(env.fake.booted_after_regression);
	assert_false(da_device_active(env.da));
	/* the chip is Open now: the entry word no longer gives DA */
	assert_false(host_enter(&env, ENTRY_STDA));
	env_free(&env);
}

static void password_is_accepted_without_auth_start(void **state)
{
	setup_password_device(FAKE_H563, PS_CLOSED);
	assert_int_equal(send_password_text("0123456789012345"), ST_SUCCESS);
	assert_int_equal(env.fake.full_regressions, 1);
	env_free(&env);
}

static void wrong_password_is_a_failure_and_changes_nothing(void **state)
{
	setup_password_device(FAKE_H563, PS_CLOSED);
	assert_int_equal(send_password_text("0123456789012346"), ST_FAILURE);
	assert_nothing_done();
	assert_true(da_device_active(env.da));
	env_free(&env);
}

static void password_shorter_than_four_bytes_is_invalid_parameters(void **state)
{
	setup_password_device(FAKE_H563, PS_CLOSED);
	assert_int_equal(send_password_text("012"), ST_INVALID_PARAMETERS);
	assert_nothing_done();
	env_free(&env);
}

static void password_longer_than_sixteen_bytes_is_invalid_parameters(void **state)
{
	setup_password_device(FAKE_H563, PS_CLOSED);
	assert_int_equal(send_password_text("01234567890123456"), ST_INVALID_PARAMETERS);
	assert_nothing_done();
	env_free(&env);
}

static void h503_password_from_otp_runs_a_full_regression(void **state)
{
	setup_password_device(FAKE_H503, PS_CLOSED);
	assert_int_equal(send_password_file(H503_DIR "da_password.bin"), ST_SUCCESS);
	assert_int_equal(env.fake.full_regressions, 1);
	env_free(&env);
}

static void h503_wrong_password_is_a_failure(void **state)
{
	uint8_t tlv[32];
	static const uint8_t wrong[12] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12 };

	setup_password_device(FAKE_H503, PS_CLOSED);
	assert_int_equal(send_bytes(tlv, (uint32_t)tlv_build(tlv, 0x8000, wrong, sizeof(wrong))),
			 ST_FAILURE);
	assert_nothing_done();
	env_free(&env);
}

static void h503_with_unprogrammed_otp_refuses_as_unauthorized(void **state)
{
	env_init(&env, FAKE_H503, PS_CLOSED, false);
	env_create_device(&env);
	host_enter_da(&env);
	assert_int_equal(send_password_file(H503_DIR "da_password.bin"), ST_UNAUTHORIZED);
	assert_nothing_done();
	env_free(&env);
}

static void certificate_on_a_password_device_is_unsupported(void **state)
{
	uint8_t chain[3][CERT_TLV_SIZE];

	setup_password_device(FAKE_H563, PS_CLOSED);
	sample_chain(chain);
	assert_int_equal(send_bytes(chain[0], CERT_TLV_SIZE), ST_UNSUPPORTED);
	assert_nothing_done();
	env_free(&env);
}

static void locked_device_refuses_the_correct_password(void **state)
{
	setup_password_device(FAKE_H563, PS_LOCKED);
	assert_int_equal(send_password_file(H563_DIR "Binary/password.bin"), ST_UNAUTHORIZED);
	assert_nothing_done();
	env_free(&env);
}

static void password_never_appears_in_the_log(void **state)
{
	setup_password_device(FAKE_H563, PS_CLOSED);
	assert_int_equal(send_password_text("0123456789012346"), ST_FAILURE);
	assert_int_equal(send_password_text("0123456789012345"), ST_SUCCESS);
	assert_true(env.fake.log_len > 0);
	assert_false(log_contains(&env, "0123456789012345"));
	assert_false(log_contains(&env, "0123456789012346"));
	assert_false(log_contains(&env, "01234567"));
	/* nor the provisioned hash (184aa46d...) in hex */
	assert_false(log_contains(&env, "184aa46d"));
	env_free(&env);
}

static void tampered_password_configuration_refuses_the_correct_password(void **state)
{
	setup_password_device(FAKE_H563, PS_CLOSED);
	env.fake.obk[0x30] ^= 0x01;	/* the stored hash no longer matches its integrity hash */
	assert_int_equal(send_password_file(H563_DIR "Binary/password.bin"), ST_UNAUTHORIZED);
	assert_nothing_done();
	env_free(&env);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(correct_password_runs_a_full_regression),
		cmocka_unit_test(regression_callback_may_reset_the_device_from_inside),
		cmocka_unit_test(password_is_accepted_without_auth_start),
		cmocka_unit_test(wrong_password_is_a_failure_and_changes_nothing),
		cmocka_unit_test(password_shorter_than_four_bytes_is_invalid_parameters),
		cmocka_unit_test(password_longer_than_sixteen_bytes_is_invalid_parameters),
		cmocka_unit_test(h503_password_from_otp_runs_a_full_regression),
		cmocka_unit_test(h503_wrong_password_is_a_failure),
		cmocka_unit_test(h503_with_unprogrammed_otp_refuses_as_unauthorized),
		cmocka_unit_test(certificate_on_a_password_device_is_unsupported),
		cmocka_unit_test(locked_device_refuses_the_correct_password),
		cmocka_unit_test(password_never_appears_in_the_log),
		cmocka_unit_test(tampered_password_configuration_refuses_the_correct_password),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
