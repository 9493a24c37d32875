// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim DA: the deterministic token vector of h5-debug-auth.md §4.5 (ST's key_3_leaf.pem,
 * challenge vector 00 01 .. 1F, requested permission bit 14, RFC 6979 ECDSA).
 * The device picks its own challenge, so this vector cannot go through the mailbox: the
 * device's token verifier (da_token.h) is called directly, with the leaf key taken from
 * ST's leaf certificate. The test's own signer must reproduce the vector byte for byte.
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "da/da_token.h"
#include "da_test_host.h"

/* The complete TLV as printed in h5-debug-auth.md §4.5 */
static const uint8_t reference_tlv[TOKEN_TLV_SIZE] = {
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

static void counting_vector(uint8_t v[32])
{
	for (int i = 0; i < 32; i++)
		v[i] = (uint8_t)i;
}

static void leaf_key(uint8_t key[64])
{
	uint8_t chain[3][CERT_TLV_SIZE];

	sample_chain(chain);
	assert_int_equal(chain[2][8 + 4], 3);		/* role: leaf */
	memcpy(key, chain[2] + 8 + 0x34, 64);
}

static void test_signer_reproduces_the_reference_token_vector(void **state)
{
	uint8_t vector[32];
	uint8_t tlv[TOKEN_TLV_SIZE];

	counting_vector(vector);
	token_build(tlv, 0x4000, vector, KEY_LEAF);
	assert_memory_equal(tlv, reference_tlv, sizeof(tlv));
}

static void reference_token_vector_verifies_with_the_leaf_certificate_key(void **state)
{
	uint8_t vector[32], key[64], requested[16];
	static const uint8_t bit14[16] = { 0x00, 0x40 };

	counting_vector(vector);
	leaf_key(key);
	assert_null(sim_da_token_verify(reference_tlv + 8, 120, key, vector, requested));
	assert_memory_equal(requested, bit14, 16);
}

static void reference_token_vector_fails_for_another_challenge(void **state)
{
	uint8_t vector[32], key[64], requested[16];

	counting_vector(vector);
	vector[31] ^= 0x01;
	leaf_key(key);
	assert_non_null(sim_da_token_verify(reference_tlv + 8, 120, key, vector, requested));
}

static void reference_token_vector_fails_when_the_request_is_changed(void **state)
{
	uint8_t token[120], vector[32], key[64], requested[16];

	memcpy(token, reference_tlv + 8, sizeof(token));
	token[0x08] = 0x40;	/* ask for bit 6 instead of bit 14 */
	token[0x09] = 0x00;
	counting_vector(vector);
	leaf_key(key);
	assert_non_null(sim_da_token_verify(token, sizeof(token), key, vector, requested));
}

static void reference_token_vector_fails_with_the_intermediate_key(void **state)
{
	uint8_t chain[3][CERT_TLV_SIZE], vector[32], requested[16];

	sample_chain(chain);
	counting_vector(vector);
	assert_non_null(sim_da_token_verify(reference_tlv + 8, 120, chain[1] + 8 + 0x34, vector,
					requested));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signer_reproduces_the_reference_token_vector),
		cmocka_unit_test(reference_token_vector_verifies_with_the_leaf_certificate_key),
		cmocka_unit_test(reference_token_vector_fails_for_another_challenge),
		cmocka_unit_test(reference_token_vector_fails_when_the_request_is_changed),
		cmocka_unit_test(reference_token_vector_fails_with_the_intermediate_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
