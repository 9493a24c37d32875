// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/da_certificate.c against ST's sample chains (read as they
 * are from SAMPLES_DIR) and hand-tampered copies: h5-debug-auth.md §2.5, §4.3, §4.4, §5.1.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <mbedtls/base64.h>

#include "target/stm32h5/adac_packet.h"
#include "target/stm32h5/da_certificate.h"

#define H563 SAMPLES_DIR "/NUCLEO-H563ZI/Certificates"
#define H533 SAMPLES_DIR "/NUCLEO-H533RE/Certificates"

static struct da_cert_chain chain;

/* Raw bytes of a sample .b64 file, decoded here independently of the code under test */
static size_t sample_bytes(const char *path, uint8_t *out, size_t size)
{
	char text[2048];
	size_t n, olen = 0;
	FILE *f = fopen(path, "rb");

	assert_non_null(f);
	n = fread(text, 1, sizeof(text), f);
	fclose(f);
	while (n && (text[n - 1] == '\n' || text[n - 1] == '\r'))
		n--;
	assert_int_equal(mbedtls_base64_decode(out, size, &olen, (const unsigned char *)text, n),
		0);
	return olen;
}

static void st_leaf_chain_holds_root_intermediate_leaf(void **state)
{
	assert_int_equal(da_cert_chain_load(H563 "/cert_leaf_chain.b64", &chain, NULL), DA_OK);
	assert_int_equal(chain.count, 3);
	assert_int_equal(chain.cert[0].fields.role, 1);
	assert_int_equal(chain.cert[1].fields.role, 2);
	assert_int_equal(chain.cert[2].fields.role, 3);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(chain.cert[i].body_len, 212);
		assert_int_equal(chain.cert[i].fields.format_major, 1);
		assert_int_equal(chain.cert[i].fields.signature_type, 1);
		assert_int_equal(chain.cert[i].fields.key_type, 1);
		assert_int_equal(chain.cert[i].fields.usage, 1);
		assert_int_equal(chain.cert[i].fields.extensions_bytes, 0);
		assert_int_equal(chain.cert[i].fields.permissions_mask[0], 0x77);
		assert_int_equal(chain.cert[i].fields.permissions_mask[1], 0x50);
	}
}

static void st_chain_verifies_and_grants_mask_0x5077(void **state)
{
	struct da_perms mask;
	struct da_diag diag;

	assert_int_equal(da_cert_chain_load(H563 "/cert_leaf_chain.b64", &chain, NULL), DA_OK);
	assert_int_equal(da_cert_chain_verify(&chain, &mask, &diag), DA_OK);
	assert_int_equal(mask.word[0], 0x5077);
	assert_int_equal(mask.word[1], 0);
	assert_int_equal(mask.word[2], 0);
	assert_int_equal(mask.word[3], 0);
}

static void h533_chain_file_verifies_too(void **state)
{
	struct da_perms mask;

	assert_int_equal(da_cert_chain_load(H533 "/cert_leaf_chain.b64", &chain, NULL), DA_OK);
	assert_int_equal(da_cert_chain_verify(&chain, &mask, NULL), DA_OK);
	assert_int_equal(mask.word[0], 0x5077);
}

static void root_key_hash_is_the_one_in_st_da_config_obk(void **state)
{
	/* h5-debug-auth.md §4.4 / §6.3: SHA-256(X||Y) of key_1_root.pem */
	const uint8_t expected[32] = {
		0xcc, 0x05, 0xb0, 0x13, 0x17, 0x77, 0x5c, 0x86, 0x5a, 0x3f, 0x98, 0x7d,
		0x17, 0x78, 0xc1, 0x2d, 0x7e, 0x51, 0x78, 0x51, 0xa0, 0xf4, 0x2d, 0xd9,
		0x2d, 0xfa, 0x6c, 0x1d, 0x85, 0x9b, 0x25, 0xfe };
	uint8_t hash[32];

	assert_int_equal(da_cert_chain_load(H563 "/cert_leaf_chain.b64", &chain, NULL), DA_OK);
	assert_int_equal(da_cert_chain_root_hash(&chain, hash, NULL), DA_OK);
	assert_memory_equal(hash, expected, 32);
}

static void certificate_request_is_2_plus_55_words_and_resends_the_file_bytes(void **state)
{
	uint8_t raw[1024], tlv[512];
	uint32_t words[128];
	size_t len, n, raw_len;

	raw_len = sample_bytes(H563 "/cert_leaf_chain.b64", raw, sizeof(raw));
	assert_int_equal(raw_len, 660);
	assert_int_equal(da_cert_chain_from_bytes(raw, raw_len, &chain, NULL), DA_OK);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(da_certificate_tlv(&chain.cert[i], tlv, sizeof(tlv), &len, NULL),
			DA_OK);
		assert_int_equal(len, 220);
		assert_memory_equal(tlv, raw + 220 * i, 220);
	}
	assert_int_equal(adac_request_build(ADAC_CMD_AUTH_RESPONSE, tlv, len, ADAC_COUNT_WORDS,
		words, 128, &n, NULL), DA_OK);
	assert_int_equal(n, 2 + 55);
	assert_int_equal(words[0], 0x00030000);
	assert_int_equal(words[1], 55);
	assert_int_equal(words[2], 0x02010000);
	assert_int_equal(words[3], 0x000000D4);
}

static void root_only_chain_verifies(void **state)
{
	struct da_perms mask;

	assert_int_equal(da_cert_chain_load(H563 "/cert_root.b64", &chain, NULL), DA_OK);
	assert_int_equal(chain.count, 1);
	assert_int_equal(da_cert_chain_verify(&chain, &mask, NULL), DA_OK);
	assert_int_equal(mask.word[0], 0x5077);
}

static void bare_certificate_body_file_is_read_as_one_root(void **state)
{
	assert_int_equal(da_cert_chain_load(H533 "/cert_root.cert", &chain, NULL), DA_OK);
	assert_int_equal(chain.count, 1);
	assert_int_equal(chain.cert[0].fields.role, 1);
	assert_int_equal(da_cert_chain_verify(&chain, NULL, NULL), DA_OK);
}

static void tampered_intermediate_is_refused_naming_it(void **state)
{
	uint8_t raw[1024];
	size_t n = sample_bytes(H563 "/cert_leaf_chain.b64", raw, sizeof(raw));
	struct da_diag diag;

	/* intermediate = bytes 220..439; its permission mask is at body 0x24 = TLV 8 + 0x24 */
	raw[220 + 8 + 0x24 + 1] |= 0x80;	/* claim bit 15 too */
	assert_int_equal(da_cert_chain_from_bytes(raw, n, &chain, NULL), DA_OK);
	assert_int_equal(da_cert_chain_verify(&chain, NULL, &diag), DA_ERR_BAD_SIGNATURE);
	assert_non_null(strstr(diag.text, "certificate 2 (intermediate)"));
	assert_non_null(strstr(diag.text, "certificate 1 (root)"));
}

static void tampered_root_is_refused_as_not_self_signed(void **state)
{
	uint8_t raw[1024];
	size_t n = sample_bytes(H563 "/cert_leaf_chain.b64", raw, sizeof(raw));
	struct da_diag diag;

	raw[8 + 0x94 + 5] ^= 0x01;	/* root signature r */
	assert_int_equal(da_cert_chain_from_bytes(raw, n, &chain, NULL), DA_OK);
	assert_int_equal(da_cert_chain_verify(&chain, NULL, &diag), DA_ERR_BAD_SIGNATURE);
	assert_non_null(strstr(diag.text, "certificate 1 (root)"));
}

static void tampered_leaf_key_is_refused_naming_the_leaf(void **state)
{
	uint8_t raw[1024];
	size_t n = sample_bytes(H563 "/cert_leaf_chain.b64", raw, sizeof(raw));
	struct da_diag diag;

	raw[440 + 8 + 0x34] ^= 0x01;	/* leaf public key X: no longer on the curve */
	assert_int_equal(da_cert_chain_from_bytes(raw, n, &chain, NULL), DA_OK);
	assert_int_not_equal(da_cert_chain_verify(&chain, NULL, &diag), DA_OK);
	assert_non_null(strstr(diag.text, "certificate 3 (leaf)"));
}

static void chain_without_its_intermediate_is_refused_at_the_leaf(void **state)
{
	uint8_t raw[1024], chain_bytes[440];
	size_t n = sample_bytes(H563 "/cert_leaf_chain.b64", raw, sizeof(raw));
	struct da_diag diag;

	assert_int_equal(n, 660);
	memcpy(chain_bytes, raw, 220);			/* root */
	memcpy(chain_bytes + 220, raw + 440, 220);	/* leaf */
	assert_int_equal(da_cert_chain_from_bytes(chain_bytes, 440, &chain, NULL), DA_OK);
	assert_int_equal(da_cert_chain_verify(&chain, NULL, &diag), DA_ERR_BAD_SIGNATURE);
	assert_non_null(strstr(diag.text, "certificate 2 (leaf)"));
}

static void chain_in_the_wrong_order_is_refused_at_the_first_certificate(void **state)
{
	uint8_t raw[1024], reversed[660];
	size_t n = sample_bytes(H563 "/cert_leaf_chain.b64", raw, sizeof(raw));
	struct da_diag diag;

	assert_int_equal(n, 660);
	for (int i = 0; i < 3; i++)
		memcpy(reversed + 220 * i, raw + 220 * (2 - i), 220);
	assert_int_equal(da_cert_chain_from_bytes(reversed, 660, &chain, NULL), DA_OK);
	assert_int_equal(da_cert_chain_verify(&chain, NULL, &diag), DA_ERR_WRONG_TYPE);
	assert_non_null(strstr(diag.text, "certificate 1: role is leaf, expected root"));
}

static void chain_ending_with_an_intermediate_is_refused(void **state)
{
	struct da_diag diag;

	assert_int_equal(da_cert_chain_load(H563 "/cert_intermediate_chain.b64", &chain, NULL),
		DA_OK);
	assert_int_equal(chain.count, 2);
	assert_int_equal(da_cert_chain_verify(&chain, NULL, &diag), DA_ERR_WRONG_TYPE);
	assert_non_null(strstr(diag.text, "certificate 2"));
}

static void chain_cut_inside_the_last_certificate_is_refused(void **state)
{
	uint8_t raw[1024];
	size_t n = sample_bytes(H563 "/cert_leaf_chain.b64", raw, sizeof(raw));
	struct da_diag diag;

	assert_int_equal(da_cert_chain_from_bytes(raw, n - 10, &chain, &diag), DA_ERR_TRUNCATED);
	assert_non_null(strstr(diag.text, "certificate 3"));
}

static void token_tlv_in_a_chain_file_is_refused_as_wrong_type(void **state)
{
	uint8_t raw[1024];
	size_t n = sample_bytes(H563 "/cert_leaf_chain.b64", raw, sizeof(raw));
	struct da_diag diag;

	raw[220 + 2] = 0x00;	/* second TLV type 0x0201 -> 0x0200 */
	assert_int_equal(da_cert_chain_from_bytes(raw, n, &chain, &diag), DA_ERR_WRONG_TYPE);
	assert_non_null(strstr(diag.text, "certificate 2"));
}

static void certificate_length_field_that_lies_is_refused(void **state)
{
	uint8_t raw[1024];
	size_t n = sample_bytes(H563 "/cert_root.b64", raw, sizeof(raw));

	assert_int_equal(n, 220);
	raw[4] = 0xD0;	/* TLV length 208: body cut, padding of the TLV is still whole */
	assert_int_equal(da_cert_chain_from_bytes(raw, n, &chain, NULL), DA_ERR_TRUNCATED);
	raw[4] = 0xD4;
	raw[8 + 0x0C] = 4;	/* extensions_bytes 4, but no extension follows */
	assert_int_equal(da_cert_chain_from_bytes(raw, n, &chain, NULL), DA_ERR_LENGTH_MISMATCH);
}

static void certificate_of_another_algorithm_is_refused_as_unsupported(void **state)
{
	uint8_t raw[1024];
	size_t n = sample_bytes(H563 "/cert_root.b64", raw, sizeof(raw));

	raw[8 + 2] = 2;	/* signature_type ECDSA P-521 */
	assert_int_equal(da_cert_chain_from_bytes(raw, n, &chain, NULL), DA_ERR_UNSUPPORTED);
}

static void certificate_with_an_unknown_role_is_refused(void **state)
{
	uint8_t raw[1024];
	size_t n = sample_bytes(H563 "/cert_root.b64", raw, sizeof(raw));

	raw[8 + 4] = 4;
	assert_int_equal(da_cert_chain_from_bytes(raw, n, &chain, NULL), DA_ERR_MALFORMED);
}

static void more_than_four_certificates_are_refused(void **state)
{
	uint8_t raw[1024], five[1100];
	size_t n = sample_bytes(H563 "/cert_root.b64", raw, sizeof(raw));

	for (int i = 0; i < 5; i++)
		memcpy(five + 220 * i, raw, 220);
	assert_int_equal(n, 220);
	assert_int_equal(da_cert_chain_from_bytes(five, 1100, &chain, NULL), DA_ERR_OVERSIZED);
}

static void text_that_is_not_base64_is_refused(void **state)
{
	const char text[] = "AAAB*tQAAAAB";

	assert_int_equal(da_cert_chain_from_base64(text, strlen(text), &chain, NULL),
		DA_ERR_MALFORMED);
	assert_int_equal(da_cert_chain_from_base64("", 0, &chain, NULL), DA_ERR_TRUNCATED);
}

static void missing_chain_file_is_reported_by_name(void **state)
{
	struct da_diag diag;

	assert_int_equal(da_cert_chain_load("/nonexistent/chain.b64", &chain, &diag), DA_ERR_FILE);
	assert_non_null(strstr(diag.text, "/nonexistent/chain.b64"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(st_leaf_chain_holds_root_intermediate_leaf),
		cmocka_unit_test(st_chain_verifies_and_grants_mask_0x5077),
		cmocka_unit_test(h533_chain_file_verifies_too),
		cmocka_unit_test(root_key_hash_is_the_one_in_st_da_config_obk),
		cmocka_unit_test(certificate_request_is_2_plus_55_words_and_resends_the_file_bytes),
		cmocka_unit_test(root_only_chain_verifies),
		cmocka_unit_test(bare_certificate_body_file_is_read_as_one_root),
		cmocka_unit_test(tampered_intermediate_is_refused_naming_it),
		cmocka_unit_test(tampered_root_is_refused_as_not_self_signed),
		cmocka_unit_test(tampered_leaf_key_is_refused_naming_the_leaf),
		cmocka_unit_test(chain_without_its_intermediate_is_refused_at_the_leaf),
		cmocka_unit_test(chain_in_the_wrong_order_is_refused_at_the_first_certificate),
		cmocka_unit_test(chain_ending_with_an_intermediate_is_refused),
		cmocka_unit_test(chain_cut_inside_the_last_certificate_is_refused),
		cmocka_unit_test(token_tlv_in_a_chain_file_is_refused_as_wrong_type),
		cmocka_unit_test(certificate_length_field_that_lies_is_refused),
		cmocka_unit_test(certificate_of_another_algorithm_is_refused_as_unsupported),
		cmocka_unit_test(certificate_with_an_unknown_role_is_refused),
		cmocka_unit_test(more_than_four_certificates_are_refused),
		cmocka_unit_test(text_that_is_not_base64_is_refused),
		cmocka_unit_test(missing_chain_file_is_reported_by_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
