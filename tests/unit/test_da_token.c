// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/da_token.c and da_key.c: the deterministic token vector of
 * h5-debug-auth.md §4.5 (ST's key_3_leaf.pem, challenge 00..1F, permission bit 14), written
 * out here byte for byte from the reference, and the leaf-key checks.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "target/stm32h5/adac_packet.h"
#include "target/stm32h5/da_certificate.h"
#include "target/stm32h5/da_crypto.h"
#include "target/stm32h5/da_key.h"
#include "target/stm32h5/da_token.h"

#define H563 SAMPLES_DIR "/NUCLEO-H563ZI"

/* h5-debug-auth.md §4.5, raw bytes grouped by 4 */
static const uint8_t reference_token_tlv[128] = {
	0x00, 0x00, 0x00, 0x02, 0x78, 0x00, 0x00, 0x00,
	0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	/* r */
	0x3b, 0xd5, 0xcb, 0x0f, 0x65, 0xe6, 0xd2, 0x06, 0xa9, 0x99, 0xd1, 0x52, 0x07, 0x5a, 0x55, 0xdd,
	0xbf, 0xeb, 0xcd, 0xa4, 0x99, 0x98, 0x14, 0x1a, 0x02, 0xfb, 0xf4, 0x27, 0xcf, 0xce, 0x7b, 0x63,
	/* s */
	0xe0, 0x64, 0xcb, 0x78, 0x1f, 0x42, 0x8f, 0x13, 0x16, 0x48, 0x08, 0x17, 0x7a, 0x21, 0xa7, 0xe9,
	0x30, 0x4d, 0xc5, 0xf2, 0x53, 0xaf, 0x22, 0x33, 0x3a, 0x98, 0xce, 0x1e, 0x1a, 0x2a, 0xec, 0x6e,
};

static void challenge_00_to_1f(uint8_t v[32])
{
	for (int i = 0; i < 32; i++)
		v[i] = (uint8_t)i;
}

static struct da_key *load_key(const char *path)
{
	struct da_key *key = NULL;
	struct da_diag diag;

	assert_int_equal(da_key_load(path, &key, &diag), DA_OK);
	assert_non_null(key);
	return key;
}

static void token_signed_with_st_leaf_key_matches_the_reference_vector(void **state)
{
	struct da_key *key = load_key(H563 "/Keys/key_3_leaf.pem");
	struct da_perms perms = { { 0x4000, 0, 0, 0 } };
	uint8_t challenge[32], tlv[DA_TOKEN_TLV_BYTES];
	struct da_diag diag;

	challenge_00_to_1f(challenge);
	assert_int_equal(da_token_build(key, &perms, challenge, tlv, &diag), DA_OK);
	assert_memory_equal(tlv, reference_token_tlv, sizeof(reference_token_tlv));
	da_key_free(key);
}

static void token_is_the_same_when_signed_twice(void **state)
{
	struct da_key *key = load_key(H563 "/Keys/key_3_leaf.pem");
	struct da_perms perms = { { 0x4000, 0, 0, 0 } };
	uint8_t challenge[32], a[DA_TOKEN_TLV_BYTES], b[DA_TOKEN_TLV_BYTES];

	challenge_00_to_1f(challenge);
	assert_int_equal(da_token_build(key, &perms, challenge, a, NULL), DA_OK);
	assert_int_equal(da_token_build(key, &perms, challenge, b, NULL), DA_OK);
	assert_memory_equal(a, b, sizeof(a));
	da_key_free(key);
}

static void token_signature_verifies_with_the_leaf_certificate_key(void **state)
{
	struct da_key *key = load_key(H563 "/Keys/key_3_leaf.pem");
	struct da_cert_chain chain;
	struct da_perms perms = { { 0x40, 0, 0, 0 } };
	uint8_t challenge[32], tlv[DA_TOKEN_TLV_BYTES], hash[32];

	for (int i = 0; i < 32; i++)
		challenge[i] = (uint8_t)(0xA5 ^ i);
	assert_int_equal(da_cert_chain_load(H563 "/Certificates/cert_leaf_chain.b64", &chain,
		NULL), DA_OK);
	assert_int_equal(da_token_build(key, &perms, challenge, tlv, NULL), DA_OK);
	/* requested_permissions at token offset 8 = TLV offset 16 */
	assert_int_equal(tlv[16], 0x40);
	assert_int_equal(da_sha256(tlv + 8, 0x38, challenge, 32, hash), DA_OK);
	assert_int_equal(da_p256_verify(chain.cert[2].fields.pubkey, hash, tlv + 8 + 0x38),
		DA_OK);
	/* another challenge: the same signature must not verify */
	challenge[0] ^= 1;
	assert_int_equal(da_sha256(tlv + 8, 0x38, challenge, 32, hash), DA_OK);
	assert_int_equal(da_p256_verify(chain.cert[2].fields.pubkey, hash, tlv + 8 + 0x38),
		DA_ERR_BAD_SIGNATURE);
	da_key_free(key);
}

static void token_with_no_permission_is_refused(void **state)
{
	struct da_key *key = load_key(H563 "/Keys/key_3_leaf.pem");
	struct da_perms none = { { 0, 0, 0, 0 } };
	uint8_t challenge[32] = { 0 }, tlv[DA_TOKEN_TLV_BYTES];

	assert_int_equal(da_token_build(key, &none, challenge, tlv, NULL), DA_ERR_PERMISSION);
	da_key_free(key);
}

static void token_request_is_2_plus_32_words(void **state)
{
	uint32_t words[64];
	size_t n;

	assert_int_equal(adac_request_build(ADAC_CMD_AUTH_RESPONSE, reference_token_tlv,
		sizeof(reference_token_tlv), ADAC_COUNT_WORDS, words, 64, &n, NULL), DA_OK);
	assert_int_equal(n, 2 + 32);
	assert_int_equal(words[0], 0x00030000);
	assert_int_equal(words[1], 0x00000020);
	assert_int_equal(words[2], 0x02000000);
	assert_int_equal(words[3], 0x00000078);
}

static void leaf_key_matches_the_leaf_certificate(void **state)
{
	struct da_key *key = load_key(H563 "/Keys/key_3_leaf.pem");
	struct da_cert_chain chain;

	assert_int_equal(da_cert_chain_load(H563 "/Certificates/cert_leaf_chain.b64", &chain,
		NULL), DA_OK);
	assert_int_equal(da_key_matches_certificate(key, &chain.cert[2], NULL), DA_OK);
	da_key_free(key);
}

static void root_key_does_not_match_the_leaf_certificate(void **state)
{
	struct da_key *key = load_key(H563 "/Keys/key_1_root.pem");
	struct da_cert_chain chain;
	struct da_diag diag;

	assert_int_equal(da_cert_chain_load(H563 "/Certificates/cert_leaf_chain.b64", &chain,
		NULL), DA_OK);
	assert_int_equal(da_key_matches_certificate(key, &chain.cert[2], &diag),
		DA_ERR_KEY_MISMATCH);
	assert_non_null(strstr(diag.text, "leaf"));
	assert_int_equal(da_key_matches_certificate(key, &chain.cert[0], NULL), DA_OK);
	da_key_free(key);
}

static void public_key_file_is_refused_as_private_key(void **state)
{
	struct da_key *key = NULL;
	struct da_diag diag;

	assert_int_not_equal(da_key_load(H563 "/Keys/key_3_leaf_pub.pem", &key, &diag), DA_OK);
	assert_null(key);
	assert_non_null(strstr(diag.text, "key_3_leaf_pub.pem"));
}

static void missing_key_file_is_reported_by_name(void **state)
{
	struct da_key *key = NULL;
	struct da_diag diag;

	assert_int_equal(da_key_load("/nonexistent/leaf.pem", &key, &diag), DA_ERR_FILE);
	assert_non_null(strstr(diag.text, "/nonexistent/leaf.pem"));
}

static void garbage_is_not_a_key_and_the_reason_does_not_quote_it(void **state)
{
	static const char text[] = "-----BEGIN PRIVATE KEY-----\nSECRETSECRET\n"
		"-----END PRIVATE KEY-----\n";
	struct da_key *key = NULL;
	struct da_diag diag;

	assert_int_equal(da_key_parse((const uint8_t *)text, strlen(text), &key, &diag),
		DA_ERR_MALFORMED);
	assert_null(strstr(diag.text, "SECRET"));
}

static void p384_key_is_refused_as_unsupported(void **state)
{
	/* a throw-away key: openssl ecparam -name secp384r1 -genkey | openssl pkcs8 -topk8 */
	static const char p384[] =
		"-----BEGIN PRIVATE KEY-----\n"
		"MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDBcEuEkW/MXt1OPhziU\n"
		"41yxxnJoiepS4071fMIspoySFdEZEwEY0CCL4aQVRAe37sKhZANiAAR6O669/5de\n"
		"1+C4u0f7TvqEN10rvjaGGIsVX1PXQLJd9jLZZGSYX/cnmW/vE+cctd4hinbLroVy\n"
		"pRPTe01jEQPBcQ9/U+FKlOnzOPvtpcYKsV53qm3i1Vq0NQIFIRdm398=\n"
		"-----END PRIVATE KEY-----\n";
	struct da_key *key = NULL;
	struct da_diag diag;

	assert_int_equal(da_key_parse((const uint8_t *)p384, strlen(p384), &key, &diag),
		DA_ERR_UNSUPPORTED);
	assert_null(key);
	assert_non_null(strstr(diag.text, "P-256"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(token_signed_with_st_leaf_key_matches_the_reference_vector),
		cmocka_unit_test(token_is_the_same_when_signed_twice),
		cmocka_unit_test(token_signature_verifies_with_the_leaf_certificate_key),
		cmocka_unit_test(token_with_no_permission_is_refused),
		cmocka_unit_test(token_request_is_2_plus_32_words),
		cmocka_unit_test(leaf_key_matches_the_leaf_certificate),
		cmocka_unit_test(root_key_does_not_match_the_leaf_certificate),
		cmocka_unit_test(public_key_file_is_refused_as_private_key),
		cmocka_unit_test(missing_key_file_is_reported_by_name),
		cmocka_unit_test(garbage_is_not_a_key_and_the_reason_does_not_quote_it),
		cmocka_unit_test(p384_key_is_refused_as_unsupported),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
