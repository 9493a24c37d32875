// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim DA device, certificate mode (TrustZone part, TZEN on, ST's DA_Config.obk):
 * ST's sample chain and a token signed with the sample leaf key, through the mailbox only.
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <mbedtls/sha256.h>

#include "da_test_host.h"

#define PERM_FULL_REGRESSION	0x4000u
#define PERM_PARTIAL_REGRESSION	0x1000u
#define PERM_DEBUG_L3		0x0040u

static struct test_env env;
static uint8_t chain[3][CERT_TLV_SIZE];

static void setup_cert_device(uint8_t state)
{
	env_init(&env, FAKE_H563, state, true);
	env_provision_obk(&env, H563_DIR "Binary/DA_Config.obk");
	env_create_device(&env);
	sample_chain(chain);
	host_enter_da(&env);
}

static uint16_t send_tlv(const uint8_t *tlv, uint32_t len)
{
	uint8_t resp[16];
	uint32_t resp_len = 0xFFFF;
	uint16_t status = host_command(&env, CMD_AUTH_RESPONSE, tlv, len, resp, sizeof(resp),
				       &resp_len);

	assert_int_equal(resp_len, 0);	/* AUTH_RESPONSE answers carry no data */
	return status;
}

static void send_chain_expecting_more_data(void)
{
	for (int i = 0; i < 3; i++)
		assert_int_equal(send_tlv(chain[i], CERT_TLV_SIZE), ST_NEED_MORE_DATA);
}

static void assert_nothing_done(void)
{
	assert_int_equal(env.fake.full_regressions, 0);
	assert_int_equal(env.fake.partial_regressions, 0);
	assert_int_equal(env.fake.open_debug_calls, 0);
}

static uint16_t authenticate(uint32_t perms, const char *token_key)
{
	uint8_t vector[32];
	uint8_t token[TOKEN_TLV_SIZE];

	host_auth_start(&env, vector);
	send_chain_expecting_more_data();
	token_build(token, perms, vector, token_key);
	return send_tlv(token, sizeof(token));
}

static void sample_chain_and_leaf_token_run_a_full_regression(void **state)
{
	setup_cert_device(PS_CLOSED);
	assert_int_equal(authenticate(PERM_FULL_REGRESSION, KEY_LEAF), ST_SUCCESS);
	assert_int_equal(env.fake.full_regressions, 1);
	assert_int_equal(env.fake.partial_regressions, 0);
	assert_false(da_device_active(env.da));	/* the chip leaves the ROM after a regression */
	env_free(&env);
}

static void each_accepted_certificate_is_answered_need_more_data(void **state)
{
	uint8_t vector[32];

	setup_cert_device(PS_CLOSED);
	host_auth_start(&env, vector);
	assert_int_equal(send_tlv(chain[0], CERT_TLV_SIZE), ST_NEED_MORE_DATA);
	assert_int_equal(send_tlv(chain[1], CERT_TLV_SIZE), ST_NEED_MORE_DATA);
	assert_int_equal(send_tlv(chain[2], CERT_TLV_SIZE), ST_NEED_MORE_DATA);
	assert_nothing_done();
	env_free(&env);
}

static void partial_regression_is_run_on_a_trustzone_part(void **state)
{
	setup_cert_device(PS_TZ_CLOSED);
	assert_int_equal(authenticate(PERM_PARTIAL_REGRESSION, KEY_LEAF), ST_SUCCESS);
	assert_int_equal(env.fake.partial_regressions, 1);
	assert_int_equal(env.fake.full_regressions, 0);
	env_free(&env);
}

static void debug_open_passes_the_granted_mask_to_the_chip(void **state)
{
	setup_cert_device(PS_CLOSED);
	assert_int_equal(authenticate(PERM_DEBUG_L3, KEY_LEAF), ST_SUCCESS);
	assert_int_equal(env.fake.open_debug_calls, 1);
	assert_int_equal(env.fake.open_debug_mask, 0x40);
	assert_true(da_device_active(env.da));	/* stays in DA until RESUME_BOOT */
	env_free(&env);
}

static void debug_open_mask_is_the_and_of_request_chain_and_provisioning(void **state)
{
	setup_cert_device(PS_CLOSED);
	/* request 0xFF: ST's chain and OBK allow 0x5077, so debug bits 0x77 are granted */
	assert_int_equal(authenticate(0xFF, KEY_LEAF), ST_SUCCESS);
	assert_int_equal(env.fake.open_debug_calls, 1);
	assert_int_equal(env.fake.open_debug_mask, 0x77);
	env_free(&env);
}

static void tampered_intermediate_certificate_is_refused(void **state)
{
	uint8_t vector[32];

	setup_cert_device(PS_CLOSED);
	host_auth_start(&env, vector);
	assert_int_equal(send_tlv(chain[0], CERT_TLV_SIZE), ST_NEED_MORE_DATA);
	chain[1][8 + 0x24] ^= 0x01;	/* one bit of its permission mask */
	assert_int_equal(send_tlv(chain[1], CERT_TLV_SIZE), ST_FAILURE);
	assert_true(log_contains(&env, "intermediate certificate signature does not verify"));
	assert_nothing_done();
	env_free(&env);
}

static void tampered_root_certificate_is_refused(void **state)
{
	uint8_t vector[32];

	setup_cert_device(PS_CLOSED);
	host_auth_start(&env, vector);
	chain[0][8 + 0x10] ^= 0x80;	/* soc_class byte: signed data, not the key */
	assert_int_equal(send_tlv(chain[0], CERT_TLV_SIZE), ST_FAILURE);
	assert_true(log_contains(&env, "root certificate is not self-signed"));
	assert_nothing_done();
	env_free(&env);
}

static void root_certificate_not_matching_the_provisioned_hash_is_refused(void **state)
{
	uint8_t vector[32];

	setup_cert_device(PS_CLOSED);
	host_auth_start(&env, vector);
	/* the intermediate certificate relabelled as a root: its key is not the anchor */
	chain[1][8 + 4] = 1;
	assert_int_equal(send_tlv(chain[1], CERT_TLV_SIZE), ST_FAILURE);
	assert_true(log_contains(&env, "root public key hash does not match"));
	env_free(&env);
}

static void token_signed_with_a_key_other_than_the_leaf_is_refused(void **state)
{
	setup_cert_device(PS_CLOSED);
	assert_int_equal(authenticate(PERM_FULL_REGRESSION, KEY_INTERMEDIATE), ST_FAILURE);
	assert_true(log_contains(&env, "token signature does not verify"));
	assert_nothing_done();
	assert_true(da_device_active(env.da));
	env_free(&env);
}

static void token_for_an_older_challenge_is_refused(void **state)
{
	uint8_t old_vector[32], vector[32];
	uint8_t token[TOKEN_TLV_SIZE];

	setup_cert_device(PS_CLOSED);
	host_auth_start(&env, old_vector);
	host_auth_start(&env, vector);
	assert_memory_not_equal(old_vector, vector, 32);
	send_chain_expecting_more_data();
	token_build(token, PERM_FULL_REGRESSION, old_vector, KEY_LEAF);
	assert_int_equal(send_tlv(token, sizeof(token)), ST_FAILURE);
	assert_nothing_done();
	env_free(&env);
}

/* A leaf with mask 0x0077 (debug only) signed by the sample intermediate key */
static void build_debug_only_leaf(uint8_t leaf[CERT_TLV_SIZE])
{
	memcpy(leaf, chain[2], CERT_TLV_SIZE);
	memset(leaf + 8 + 0x24, 0, 16);
	leaf[8 + 0x24] = 0x77;
	sample_sign(KEY_INTERMEDIATE, leaf + 8, 0x94, leaf + 8 + 0x94);
}

static void chain_lacking_the_requested_permission_is_refused(void **state)
{
	uint8_t vector[32];
	uint8_t leaf[CERT_TLV_SIZE];
	uint8_t token[TOKEN_TLV_SIZE];

	setup_cert_device(PS_CLOSED);
	build_debug_only_leaf(leaf);
	host_auth_start(&env, vector);
	assert_int_equal(send_tlv(chain[0], CERT_TLV_SIZE), ST_NEED_MORE_DATA);
	assert_int_equal(send_tlv(chain[1], CERT_TLV_SIZE), ST_NEED_MORE_DATA);
	assert_int_equal(send_tlv(leaf, CERT_TLV_SIZE), ST_NEED_MORE_DATA);
	token_build(token, PERM_FULL_REGRESSION, vector, KEY_LEAF);
	assert_int_equal(send_tlv(token, sizeof(token)), ST_UNAUTHORIZED);
	assert_nothing_done();
	env_free(&env);
}

static void rebuilt_leaf_still_grants_what_its_mask_allows(void **state)
{
	uint8_t vector[32];
	uint8_t leaf[CERT_TLV_SIZE];
	uint8_t token[TOKEN_TLV_SIZE];

	setup_cert_device(PS_CLOSED);
	build_debug_only_leaf(leaf);
	host_auth_start(&env, vector);
	assert_int_equal(send_tlv(chain[0], CERT_TLV_SIZE), ST_NEED_MORE_DATA);
	assert_int_equal(send_tlv(chain[1], CERT_TLV_SIZE), ST_NEED_MORE_DATA);
	assert_int_equal(send_tlv(leaf, CERT_TLV_SIZE), ST_NEED_MORE_DATA);
	token_build(token, PERM_DEBUG_L3, vector, KEY_LEAF);
	assert_int_equal(send_tlv(token, sizeof(token)), ST_SUCCESS);
	assert_int_equal(env.fake.open_debug_mask, 0x40);
	env_free(&env);
}

/* Rewrites the fake OBK blob with another permission word and a recomputed integrity hash */
static void reprovision_permission_word(uint32_t word)
{
	env.fake.obk[0x40] = word & 0xFF;
	env.fake.obk[0x41] = (word >> 8) & 0xFF;
	env.fake.obk[0x42] = (word >> 16) & 0xFF;
	env.fake.obk[0x43] = word >> 24;
	assert_int_equal(mbedtls_sha256_ret(env.fake.obk + 0x20, 0x40, env.fake.obk, 0), 0);
}

static void provisioned_permission_word_limits_the_grant(void **state)
{
	setup_cert_device(PS_CLOSED);
	reprovision_permission_word(0x00000040);
	assert_int_equal(authenticate(PERM_FULL_REGRESSION, KEY_LEAF), ST_UNAUTHORIZED);
	assert_nothing_done();
	assert_int_equal(authenticate(PERM_DEBUG_L3 | PERM_FULL_REGRESSION, KEY_LEAF), ST_SUCCESS);
	assert_int_equal(env.fake.full_regressions, 0);
	assert_int_equal(env.fake.open_debug_mask, 0x40);
	env_free(&env);
}

static void reserved_permission_bit_alone_is_refused(void **state)
{
	setup_cert_device(PS_CLOSED);
	assert_int_equal(authenticate(0x8, KEY_LEAF), ST_UNAUTHORIZED);
	assert_nothing_done();
	env_free(&env);
}

static void certificate_before_auth_start_is_refused(void **state)
{
	setup_cert_device(PS_CLOSED);
	assert_int_equal(send_tlv(chain[0], CERT_TLV_SIZE), ST_FAILURE);
	env_free(&env);
}

static void leaf_before_root_is_refused(void **state)
{
	uint8_t vector[32];

	setup_cert_device(PS_CLOSED);
	host_auth_start(&env, vector);
	assert_int_equal(send_tlv(chain[2], CERT_TLV_SIZE), ST_FAILURE);
	env_free(&env);
}

static void token_after_only_an_intermediate_is_refused(void **state)
{
	uint8_t vector[32];
	uint8_t token[TOKEN_TLV_SIZE];

	setup_cert_device(PS_CLOSED);
	host_auth_start(&env, vector);
	assert_int_equal(send_tlv(chain[0], CERT_TLV_SIZE), ST_NEED_MORE_DATA);
	assert_int_equal(send_tlv(chain[1], CERT_TLV_SIZE), ST_NEED_MORE_DATA);
	token_build(token, PERM_FULL_REGRESSION, vector, KEY_INTERMEDIATE);
	assert_int_equal(send_tlv(token, sizeof(token)), ST_FAILURE);
	assert_nothing_done();
	env_free(&env);
}

static void root_only_chain_with_a_root_signed_token_is_accepted(void **state)
{
	uint8_t vector[32];
	uint8_t token[TOKEN_TLV_SIZE];

	setup_cert_device(PS_CLOSED);
	host_auth_start(&env, vector);
	assert_int_equal(send_tlv(chain[0], CERT_TLV_SIZE), ST_NEED_MORE_DATA);
	token_build(token, PERM_FULL_REGRESSION, vector, KEY_ROOT);
	assert_int_equal(send_tlv(token, sizeof(token)), ST_SUCCESS);
	assert_int_equal(env.fake.full_regressions, 1);
	env_free(&env);
}

static void password_tlv_on_a_certificate_device_is_unsupported(void **state)
{
	uint8_t pw[64];
	size_t n;

	setup_cert_device(PS_CLOSED);
	n = sample_read(H563_DIR "Binary/password.bin", pw, sizeof(pw));
	assert_int_equal(send_tlv(pw, (uint32_t)n), ST_UNSUPPORTED);
	assert_nothing_done();
	env_free(&env);
}

static void certificate_of_the_wrong_size_is_invalid_parameters(void **state)
{
	uint8_t vector[32];
	uint8_t cert[CERT_TLV_SIZE];

	setup_cert_device(PS_CLOSED);
	host_auth_start(&env, vector);
	memcpy(cert, chain[0], CERT_TLV_SIZE);
	cert[4] = 208;		/* TLV length 208 instead of 212 */
	assert_int_equal(send_tlv(cert, CERT_TLV_SIZE - 4), ST_INVALID_PARAMETERS);
	env_free(&env);
}

static void unprovisioned_device_refuses_authentication(void **state)
{
	uint8_t vector[32];

	env_init(&env, FAKE_H563, PS_CLOSED, true);	/* OBK erased */
	env_create_device(&env);
	sample_chain(chain);
	host_enter_da(&env);
	host_auth_start(&env, vector);
	assert_int_equal(send_tlv(chain[0], CERT_TLV_SIZE), ST_UNAUTHORIZED);
	env_free(&env);
}

static void locked_device_refuses_auth_start(void **state)
{
	uint8_t resp[64];

	setup_cert_device(PS_LOCKED);
	assert_int_equal(host_command(&env, CMD_AUTH_START, NULL, 0, resp, sizeof(resp), NULL),
			 ST_UNAUTHORIZED);
	assert_int_equal(send_tlv(chain[0], CERT_TLV_SIZE), ST_UNAUTHORIZED);
	assert_int_equal(host_command(&env, CMD_LOCK_DEBUG, NULL, 0, resp, sizeof(resp), NULL),
			 ST_UNAUTHORIZED);
	assert_nothing_done();
	assert_int_equal(env.fake.lock_debug_calls, 0);
	env_free(&env);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sample_chain_and_leaf_token_run_a_full_regression),
		cmocka_unit_test(each_accepted_certificate_is_answered_need_more_data),
		cmocka_unit_test(partial_regression_is_run_on_a_trustzone_part),
		cmocka_unit_test(debug_open_passes_the_granted_mask_to_the_chip),
		cmocka_unit_test(debug_open_mask_is_the_and_of_request_chain_and_provisioning),
		cmocka_unit_test(tampered_intermediate_certificate_is_refused),
		cmocka_unit_test(tampered_root_certificate_is_refused),
		cmocka_unit_test(root_certificate_not_matching_the_provisioned_hash_is_refused),
		cmocka_unit_test(token_signed_with_a_key_other_than_the_leaf_is_refused),
		cmocka_unit_test(token_for_an_older_challenge_is_refused),
		cmocka_unit_test(chain_lacking_the_requested_permission_is_refused),
		cmocka_unit_test(rebuilt_leaf_still_grants_what_its_mask_allows),
		cmocka_unit_test(provisioned_permission_word_limits_the_grant),
		cmocka_unit_test(reserved_permission_bit_alone_is_refused),
		cmocka_unit_test(certificate_before_auth_start_is_refused),
		cmocka_unit_test(leaf_before_root_is_refused),
		cmocka_unit_test(token_after_only_an_intermediate_is_refused),
		cmocka_unit_test(root_only_chain_with_a_root_signed_token_is_accepted),
		cmocka_unit_test(password_tlv_on_a_certificate_device_is_unsupported),
		cmocka_unit_test(certificate_of_the_wrong_size_is_invalid_parameters),
		cmocka_unit_test(unprovisioned_device_refuses_authentication),
		cmocka_unit_test(locked_device_refuses_auth_start),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
