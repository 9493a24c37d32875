// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/lifecycle_guard.c: the DA-configuration/TrustZone
 * consistency check (h5-debug-auth.md §4.6) and the product-state guard built on it. Each
 * guard has a test that fails if the guard is removed.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "target/stm32h5/lifecycle_guard.h"

#define OPEN		0xED
#define PROVISIONING	0x17
#define IROT_PROV	0x2E
#define TZ_CLOSED	0xC6
#define CLOSED		0x72
#define LOCKED		0x5C
#define REGRESSION	0x9A

static char msg[512];

static enum h5_guard_verdict guard(uint8_t from, uint8_t to, bool has_tz, bool tzen,
		enum h5_da_kind kind, uint32_t permissions, bool confirmed)
{
	const struct h5_state_request req = {
		.from = from, .to = to, .has_trustzone = has_tz, .tzen = tzen,
		.provisioned = kind, .permissions = permissions, .confirmed = confirmed,
	};
	return h5_lifecycle_guard(&req, msg, sizeof(msg));
}

static void assert_msg_says(const char *words)
{
	if (!strstr(msg, words))
		fail_msg("message '%s' does not say '%s'", msg, words);
}

static void trustzone_on_needs_a_certificate_and_everything_else_a_password(void **state)
{
	assert_int_equal(h5_da_kind_required(true, true), H5_DA_KIND_CERTIFICATE);
	assert_int_equal(h5_da_kind_required(true, false), H5_DA_KIND_PASSWORD);
	assert_int_equal(h5_da_kind_required(false, false), H5_DA_KIND_PASSWORD);
}

static void closing_with_a_matching_password_needs_no_confirmation(void **state)
{
	assert_int_equal(guard(PROVISIONING, CLOSED, true, false, H5_DA_KIND_PASSWORD, 0x5077,
			false), H5_GUARD_GO);
	/* H503: the OTP hash carries no permission word */
	assert_int_equal(guard(PROVISIONING, CLOSED, false, false, H5_DA_KIND_PASSWORD,
			0xFFFFFFFF, false), H5_GUARD_GO);
}

static void closing_with_a_matching_certificate_needs_no_confirmation(void **state)
{
	assert_int_equal(guard(PROVISIONING, CLOSED, true, true, H5_DA_KIND_CERTIFICATE, 0x5077,
			false), H5_GUARD_GO);
	assert_int_equal(guard(PROVISIONING, TZ_CLOSED, true, true, H5_DA_KIND_CERTIFICATE,
			0x5077, false), H5_GUARD_GO);
}

static void a_password_config_with_trustzone_on_needs_confirmation(void **state)
{
	assert_int_equal(guard(PROVISIONING, CLOSED, true, true, H5_DA_KIND_PASSWORD, 0x5077,
			false), H5_GUARD_NEEDS_CONFIRM);
	assert_msg_says("holds a password hash, but with TrustZone enabled (TZEN=0xB4)");
	assert_msg_says("never be reopened");
	assert_msg_says("-confirm");
}

static void a_certificate_config_with_trustzone_off_needs_confirmation(void **state)
{
	assert_int_equal(guard(PROVISIONING, CLOSED, true, false, H5_DA_KIND_CERTIFICATE, 0x5077,
			false), H5_GUARD_NEEDS_CONFIRM);
	assert_msg_says("with TrustZone disabled (TZEN=0xC3) the device authenticates with a "
			"password");
	assert_int_equal(guard(PROVISIONING, CLOSED, false, false, H5_DA_KIND_CERTIFICATE,
			0xFFFFFFFF, false), H5_GUARD_NEEDS_CONFIRM);
	assert_msg_says("on a part without TrustZone");
}

static void closing_without_any_da_config_needs_confirmation(void **state)
{
	assert_int_equal(guard(PROVISIONING, CLOSED, true, false, H5_DA_KIND_NONE, 0, false),
			H5_GUARD_NEEDS_CONFIRM);
	assert_msg_says("no Debug Authentication configuration is provisioned");
	assert_int_equal(guard(OPEN, IROT_PROV, true, true, H5_DA_KIND_NONE, 0, false),
			H5_GUARD_NEEDS_CONFIRM);
	assert_int_equal(guard(IROT_PROV, TZ_CLOSED, true, true, H5_DA_KIND_NONE, 0, false),
			H5_GUARD_NEEDS_CONFIRM);
}

static void an_unproven_config_needs_confirmation_and_says_how_to_prove_it(void **state)
{
	assert_int_equal(guard(PROVISIONING, CLOSED, true, true, H5_DA_KIND_UNPROVEN, 0x5077,
			false), H5_GUARD_NEEDS_CONFIRM);
	assert_msg_says("-root-key <pem>");
	assert_int_equal(guard(PROVISIONING, CLOSED, false, false, H5_DA_KIND_UNPROVEN, 0,
			false), H5_GUARD_NEEDS_CONFIRM);
	assert_msg_says("-password <file>");
}

static void a_config_without_full_regression_needs_confirmation(void **state)
{
	assert_int_equal(guard(PROVISIONING, CLOSED, true, true, H5_DA_KIND_CERTIFICATE,
			0x00001077, false), H5_GUARD_NEEDS_CONFIRM);
	assert_msg_says("lacks bit 14");
}

static void confirmation_lets_a_risky_close_go_and_says_so(void **state)
{
	assert_int_equal(guard(PROVISIONING, CLOSED, true, true, H5_DA_KIND_PASSWORD, 0x5077,
			true), H5_GUARD_GO);
	assert_msg_says("confirmed although");
}

static void locked_always_needs_confirmation(void **state)
{
	assert_int_equal(guard(PROVISIONING, LOCKED, true, true, H5_DA_KIND_CERTIFICATE, 0x5077,
			false), H5_GUARD_NEEDS_CONFIRM);
	assert_msg_says("Locked is final");
	assert_int_equal(guard(CLOSED, LOCKED, true, false, H5_DA_KIND_PASSWORD, 0x5077, false),
			H5_GUARD_NEEDS_CONFIRM);
	assert_int_equal(guard(CLOSED, LOCKED, true, false, H5_DA_KIND_PASSWORD, 0x5077, true),
			H5_GUARD_GO);
}

static void illegal_transitions_are_refused_even_when_confirmed(void **state)
{
	assert_int_equal(guard(OPEN, CLOSED, true, false, H5_DA_KIND_PASSWORD, 0x5077, true),
			H5_GUARD_REFUSED);
	assert_msg_says("Provisioning");
	assert_int_equal(guard(CLOSED, OPEN, true, false, H5_DA_KIND_PASSWORD, 0x5077, true),
			H5_GUARD_REFUSED);
	assert_int_equal(guard(LOCKED, CLOSED, true, false, H5_DA_KIND_PASSWORD, 0x5077, true),
			H5_GUARD_REFUSED);
	assert_int_equal(guard(CLOSED, REGRESSION, true, false, H5_DA_KIND_PASSWORD, 0x5077, true),
			H5_GUARD_REFUSED);
	assert_int_equal(guard(PROVISIONING, TZ_CLOSED, true, false, H5_DA_KIND_PASSWORD, 0x5077,
			true), H5_GUARD_REFUSED);
	assert_int_equal(guard(PROVISIONING, TZ_CLOSED, false, false, H5_DA_KIND_PASSWORD,
			0xFFFFFFFF, true), H5_GUARD_REFUSED);
}

static void entering_provisioning_needs_no_da_config(void **state)
{
	assert_int_equal(guard(OPEN, PROVISIONING, true, false, H5_DA_KIND_NONE, 0, false),
			H5_GUARD_GO);
}

static void the_current_state_is_reported_as_already_there(void **state)
{
	assert_int_equal(guard(CLOSED, CLOSED, true, false, H5_DA_KIND_NONE, 0, false),
			H5_GUARD_ALREADY);
	assert_msg_says("already Closed");
}

static void fits_check_answers_alone_for_make_da_config(void **state)
{
	char err[256];
	assert_true(h5_da_config_fits(true, true, H5_DA_KIND_CERTIFICATE, 0x5077, err,
			sizeof(err)));
	assert_false(h5_da_config_fits(true, true, H5_DA_KIND_PASSWORD, 0x5077, err,
			sizeof(err)));
	assert_true(h5_da_config_fits(false, false, H5_DA_KIND_PASSWORD, 0xFFFFFFFF, err,
			sizeof(err)));
}

/* obk provision: TrustZone on (certificate), H563-like (no cryptography) unless changed */
static bool obk_fits(enum h5_da_kind proof, bool matches, int crypto, uint32_t encrypt,
		char *err, size_t size)
{
	const struct h5_da_obk_request req = {
		.has_trustzone = true, .tzen = true, .crypto = crypto, .proof_kind = proof,
		.hash_matches = matches, .permissions = 0x5077, .encrypt = encrypt,
	};
	return h5_da_obk_fits(&req, err, size);
}

static void obk_provision_needs_the_credential_of_the_kind_trustzone_asks_for(void **state)
{
	char err[320];
	assert_true(obk_fits(H5_DA_KIND_CERTIFICATE, true, 0, 0, err, sizeof(err)));
	assert_false(obk_fits(H5_DA_KIND_NONE, false, 0, 0, err, sizeof(err)));
	assert_non_null(strstr(err, "-root-key"));
	assert_false(obk_fits(H5_DA_KIND_CERTIFICATE, false, 0, 0, err, sizeof(err)));
	assert_non_null(strstr(err, "does not carry the hash"));
	assert_false(obk_fits(H5_DA_KIND_PASSWORD, true, 0, 0, err, sizeof(err)));
	assert_non_null(strstr(err, "holds a password hash"));
}

static void obk_provision_takes_the_encryption_flag_the_part_takes(void **state)
{
	char err[320];
	assert_false(obk_fits(H5_DA_KIND_CERTIFICATE, true, 0, 1, err, sizeof(err)));
	assert_non_null(strstr(err, "no cryptography"));
	assert_false(obk_fits(H5_DA_KIND_CERTIFICATE, true, 1, 0, err, sizeof(err)));
	assert_non_null(strstr(err, "with cryptography"));
	assert_true(obk_fits(H5_DA_KIND_CERTIFICATE, true, 1, 1, err, sizeof(err)));
	/* not known: the file's flag is taken as it is */
	assert_true(obk_fits(H5_DA_KIND_CERTIFICATE, true, -1, 1, err, sizeof(err)));
	assert_true(obk_fits(H5_DA_KIND_CERTIFICATE, true, -1, 0, err, sizeof(err)));
}

static const uint8_t hash_a[32] = { 0xA5, 1, 2, 3 };
static const uint8_t hash_b[32] = { 0x5A, 1, 2, 3 };

static void a_matching_credential_proves_the_kind(void **state)
{
	struct h5_da_evidence ev = {
		.device_hash = hash_a, .proof_kind = H5_DA_KIND_CERTIFICATE, .proof_hash = hash_a,
	};
	const char *how = NULL;
	assert_int_equal(h5_da_kind_from_evidence(&ev, &how), H5_DA_KIND_CERTIFICATE);
	assert_non_null(strstr(how, "matches"));
	ev.proof_kind = H5_DA_KIND_PASSWORD;
	assert_int_equal(h5_da_kind_from_evidence(&ev, NULL), H5_DA_KIND_PASSWORD);
}

static void a_credential_that_does_not_match_proves_nothing(void **state)
{
	const struct h5_da_evidence ev = {
		.device_hash = hash_a, .proof_kind = H5_DA_KIND_PASSWORD, .proof_hash = hash_b,
		/* even a session record of the same hash does not outweigh a wrong proof */
		.session_kind = H5_DA_KIND_PASSWORD, .session_hash = hash_a,
	};
	const char *how = NULL;
	assert_int_equal(h5_da_kind_from_evidence(&ev, &how), H5_DA_KIND_UNPROVEN);
	assert_non_null(strstr(how, "NOT match"));
}

static void a_hash_alone_is_of_unproven_kind(void **state)
{
	const struct h5_da_evidence ev = { .device_hash = hash_a };
	assert_int_equal(h5_da_kind_from_evidence(&ev, NULL), H5_DA_KIND_UNPROVEN);
}

static void this_session_record_proves_the_kind_of_the_same_hash_only(void **state)
{
	struct h5_da_evidence ev = {
		.device_hash = hash_a, .session_kind = H5_DA_KIND_PASSWORD, .session_hash = hash_a,
	};
	assert_int_equal(h5_da_kind_from_evidence(&ev, NULL), H5_DA_KIND_PASSWORD);
	ev.session_hash = hash_b;
	assert_int_equal(h5_da_kind_from_evidence(&ev, NULL), H5_DA_KIND_UNPROVEN);
	ev.session_hash = hash_a;
	ev.session_kind = H5_DA_KIND_UNPROVEN;
	assert_int_equal(h5_da_kind_from_evidence(&ev, NULL), H5_DA_KIND_UNPROVEN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(trustzone_on_needs_a_certificate_and_everything_else_a_password),
		cmocka_unit_test(closing_with_a_matching_password_needs_no_confirmation),
		cmocka_unit_test(closing_with_a_matching_certificate_needs_no_confirmation),
		cmocka_unit_test(a_password_config_with_trustzone_on_needs_confirmation),
		cmocka_unit_test(a_certificate_config_with_trustzone_off_needs_confirmation),
		cmocka_unit_test(closing_without_any_da_config_needs_confirmation),
		cmocka_unit_test(an_unproven_config_needs_confirmation_and_says_how_to_prove_it),
		cmocka_unit_test(a_config_without_full_regression_needs_confirmation),
		cmocka_unit_test(confirmation_lets_a_risky_close_go_and_says_so),
		cmocka_unit_test(locked_always_needs_confirmation),
		cmocka_unit_test(illegal_transitions_are_refused_even_when_confirmed),
		cmocka_unit_test(entering_provisioning_needs_no_da_config),
		cmocka_unit_test(the_current_state_is_reported_as_already_there),
		cmocka_unit_test(fits_check_answers_alone_for_make_da_config),
		cmocka_unit_test(obk_provision_needs_the_credential_of_the_kind_trustzone_asks_for),
		cmocka_unit_test(obk_provision_takes_the_encryption_flag_the_part_takes),
		cmocka_unit_test(a_matching_credential_proves_the_kind),
		cmocka_unit_test(a_credential_that_does_not_match_proves_nothing),
		cmocka_unit_test(a_hash_alone_is_of_unproven_kind),
		cmocka_unit_test(this_session_record_proves_the_kind_of_the_same_hash_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
