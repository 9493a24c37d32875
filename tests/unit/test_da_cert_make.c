// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/da_cert_make.c and da_key_file.c: certificates made from
 * ST's sample keys have the signed part (TBS) of ST's sample certificates byte for byte and
 * verify; the rules between a child and its parent are enforced with their reason; ST's .b64
 * text is reproduced exactly; new keys are private files. h5-debug-auth.md §4.3, §4.4.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "target/stm32h5/da_cert_make.h"
#include "target/stm32h5/da_key_file.h"

#define H563 SAMPLES_DIR "/NUCLEO-H563ZI"
#define H533 SAMPLES_DIR "/NUCLEO-H533RE"

static const char *const boards[] = { H563, H533 };
static const char *const key_names[] = { "key_1_root", "key_2_intermediate", "key_3_leaf" };
static const char *const cert_names[] = { "cert_root", "cert_intermediate", "cert_leaf" };

static struct da_cert_chain chain, st;

static void path_of(char *out, size_t size, const char *board, const char *dir,
		const char *name, const char *suffix)
{
	snprintf(out, size, "%s/%s/%s%s", board, dir, name, suffix);
}

static struct da_key *st_key(const char *board, int i)
{
	char path[512];
	struct da_key *key = NULL;

	path_of(path, sizeof(path), board, "Keys", key_names[i], ".pem");
	assert_int_equal(da_key_load(path, &key, NULL), DA_OK);
	return key;
}

static void st_request(const char *board, int i, struct da_cert_request *req)
{
	char path[512];

	memset(req, 0, sizeof(*req));
	req->role = (uint8_t)(i + 1);
	req->permissions.word[0] = 0x5077;
	path_of(path, sizeof(path), board, "Keys", key_names[i], "_pub.pem");
	assert_int_equal(da_pubkey_load(path, req->subject_pubkey, NULL), DA_OK);
}

static const struct da_certificate *st_cert(const char *board, int i)
{
	char path[512];

	path_of(path, sizeof(path), board, "Certificates", cert_names[i], ".b64");
	assert_int_equal(da_cert_chain_load(path, &st, NULL), DA_OK);
	assert_int_equal(st.count, 1);
	return &st.cert[0];
}

static void tbs_of_st_keys_equals_st_certificates(void **state)
{
	for (size_t b = 0; b < 2; b++) {
		for (int i = 0; i < 3; i++) {
			struct da_cert_request req;
			uint8_t tbs[DA_CERT_TBS_BYTES];

			st_request(boards[b], i, &req);
			da_cert_tbs_build(&req, tbs);
			assert_memory_equal(tbs, st_cert(boards[b], i)->body, DA_CERT_TBS_BYTES);
		}
	}
}

/* Makes ST's three certificates again from ST's keys into chain */
static void make_st_chain(const char *board)
{
	struct da_diag diag;

	memset(&chain, 0, sizeof(chain));
	for (int i = 0; i < 3; i++) {
		struct da_cert_request req;
		struct da_key *signer = st_key(board, i ? i - 1 : 0);

		st_request(board, i, &req);
		da_diag_clear(&diag);
		assert_int_equal(da_cert_make(&req, i ? &chain.cert[i - 1] : NULL, signer,
			&chain.cert[i], &diag), DA_OK);
		da_key_free(signer);
		chain.count++;
	}
}

static void made_certificates_have_st_tbs_and_verify_as_a_chain(void **state)
{
	struct da_perms mask;

	for (size_t b = 0; b < 2; b++) {
		make_st_chain(boards[b]);
		for (int i = 0; i < 3; i++)
			assert_memory_equal(chain.cert[i].body, st_cert(boards[b], i)->body,
				DA_CERT_TBS_BYTES);
		assert_int_equal(da_cert_chain_verify(&chain, &mask, NULL), DA_OK);
		assert_int_equal(mask.word[0], 0x5077);
	}
}

static void st_chain_text_is_reproduced_byte_for_byte(void **state)
{
	char path[512], file[2048];
	char *text;
	size_t len, n;
	FILE *f;

	path_of(path, sizeof(path), H563, "Certificates", "cert_leaf_chain", ".b64");
	f = fopen(path, "rb");
	assert_non_null(f);
	n = fread(file, 1, sizeof(file), f);
	fclose(f);
	assert_int_equal(da_cert_chain_load(path, &st, NULL), DA_OK);
	assert_int_equal(da_cert_chain_to_base64(&st, &text, &len, NULL), DA_OK);
	assert_int_equal(len, n);
	assert_memory_equal(text, file, n);
	free(text);
}

static void leaf_wider_than_its_parent_is_refused_naming_the_permission(void **state)
{
	struct da_cert_request req;
	struct da_certificate leaf;
	struct da_diag diag;
	struct da_key *signer;

	make_st_chain(H563);
	st_request(H563, 2, &req);
	req.permissions.word[0] = 0x5077 | (1u << 3);
	signer = st_key(H563, 1);
	da_diag_clear(&diag);
	assert_int_equal(da_cert_make(&req, &chain.cert[1], signer, &leaf, &diag),
		DA_ERR_PERMISSION);
	da_key_free(signer);
	assert_non_null(strstr(diag.text, "must fit inside its parent"));
	assert_non_null(strstr(diag.text, "permission bit 3 is not granted by the parent"));
}

/* A chain made elsewhere with a leaf wider than its parent: the verifier refuses it */
static void chain_with_a_leaf_wider_than_its_parent_does_not_verify(void **state)
{
	struct da_cert_request req;
	struct da_diag diag;
	struct da_key *signer;
	uint8_t hash[DA_SHA256_BYTES], body[DA_CERT_BODY_BYTES];

	make_st_chain(H563);
	st_request(H563, 2, &req);
	req.permissions.word[0] = 0x5077 | (1u << 3);
	da_cert_tbs_build(&req, body);	/* bypasses da_cert_request_check */
	assert_int_equal(da_sha256(body, DA_CERT_TBS_BYTES, NULL, 0, hash), DA_OK);
	signer = st_key(H563, 1);
	assert_int_equal(da_key_sign_hash(signer, hash, body + DA_CERT_TBS_BYTES, NULL), DA_OK);
	da_key_free(signer);
	assert_int_equal(da_certificate_parse(body, sizeof(body), &chain.cert[2], NULL), DA_OK);
	da_diag_clear(&diag);
	assert_int_equal(da_cert_chain_verify(&chain, NULL, &diag), DA_ERR_PERMISSION);
	assert_non_null(strstr(diag.text, "certificate 3 (leaf) asks for more than its parent: "
		"permission bit 3 is not granted by certificate 2 (intermediate)"));
}

static void signer_other_than_the_parent_key_is_refused(void **state)
{
	struct da_cert_request req;
	struct da_certificate leaf;
	struct da_diag diag;
	struct da_key *signer;

	make_st_chain(H563);
	st_request(H563, 2, &req);
	signer = st_key(H563, 0);	/* root key, parent is the intermediate */
	da_diag_clear(&diag);
	assert_int_equal(da_cert_make(&req, &chain.cert[1], signer, &leaf, &diag),
		DA_ERR_KEY_MISMATCH);
	da_key_free(signer);
	assert_non_null(strstr(diag.text, "parent (intermediate)"));
}

static void root_must_be_self_signed_and_others_need_a_parent(void **state)
{
	struct da_cert_request req;
	struct da_certificate cert;
	struct da_diag diag;
	struct da_key *signer = st_key(H563, 1);

	st_request(H563, 0, &req);
	assert_int_equal(da_cert_make(&req, NULL, signer, &cert, &diag), DA_ERR_KEY_MISMATCH);
	assert_non_null(strstr(diag.text, "self-signed"));
	st_request(H563, 2, &req);
	assert_int_equal(da_cert_make(&req, NULL, signer, &cert, &diag), DA_ERR_ARGUMENT);
	assert_non_null(strstr(diag.text, "-parent"));
	da_key_free(signer);
}

static void leaf_cannot_sign_and_constraints_are_inherited_not_changed(void **state)
{
	struct da_cert_request req;
	struct da_certificate inter, cert;
	struct da_diag diag;
	struct da_key *signer;

	make_st_chain(H563);
	/* the leaf as a parent */
	st_request(H563, 2, &req);
	signer = st_key(H563, 2);
	assert_int_equal(da_cert_make(&req, &chain.cert[2], signer, &cert, &diag),
		DA_ERR_ARGUMENT);
	assert_non_null(strstr(diag.text, "only a root or an intermediate"));
	da_key_free(signer);

	/* an intermediate bound to a SoC ID: the leaf inherits it, or must not change it */
	st_request(H563, 1, &req);
	req.has_soc_id = true;
	memset(req.soc_id, 0xA5, sizeof(req.soc_id));
	signer = st_key(H563, 0);
	assert_int_equal(da_cert_make(&req, &chain.cert[0], signer, &inter, &diag), DA_OK);
	da_key_free(signer);
	signer = st_key(H563, 1);
	st_request(H563, 2, &req);
	assert_int_equal(da_cert_make(&req, &inter, signer, &cert, &diag), DA_OK);
	assert_memory_equal(cert.fields.soc_id, inter.fields.soc_id, 16);
	st_request(H563, 2, &req);
	req.has_soc_id = true;
	memset(req.soc_id, 0x5A, sizeof(req.soc_id));
	assert_int_equal(da_cert_make(&req, &inter, signer, &cert, &diag), DA_ERR_ARGUMENT);
	assert_non_null(strstr(diag.text, "SoC ID differs from the parent's 0xa5a5a5a5_"));
	da_key_free(signer);

	/* SoC class and lifecycle the same way */
	st_request(H563, 1, &req);
	req.has_soc_class = true;
	req.soc_class = 0x484;
	req.has_lifecycle = true;
	req.lifecycle = 0x3072;
	signer = st_key(H563, 0);
	assert_int_equal(da_cert_make(&req, &chain.cert[0], signer, &inter, &diag), DA_OK);
	da_key_free(signer);
	signer = st_key(H563, 1);
	st_request(H563, 2, &req);
	assert_int_equal(da_cert_make(&req, &inter, signer, &cert, &diag), DA_OK);
	assert_int_equal(cert.fields.soc_class, 0x484);
	assert_int_equal(cert.fields.lifecycle, 0x3072);
	st_request(H563, 2, &req);
	req.has_soc_class = true;
	req.soc_class = 0x478;
	assert_int_equal(da_cert_make(&req, &inter, signer, &cert, &diag), DA_ERR_ARGUMENT);
	assert_non_null(strstr(diag.text, "SoC class 0x00000478 differs from the parent's "
		"0x00000484"));
	st_request(H563, 2, &req);
	req.has_lifecycle = true;
	req.lifecycle = 0x2000;
	assert_int_equal(da_cert_make(&req, &inter, signer, &cert, &diag), DA_ERR_ARGUMENT);
	assert_non_null(strstr(diag.text, "lifecycle 0x2000 differs from the parent's 0x3072"));
	da_key_free(signer);
}

static void new_key_is_private_never_overwritten_and_usable(void **state)
{
	char dir[] = "/tmp/test_da_cert_make.XXXXXX";
	char key[128], pub[128];
	uint8_t xy[DA_P256_PUBKEY_BYTES], xy2[DA_P256_PUBKEY_BYTES];
	struct da_key *k = NULL;
	struct da_diag diag;
	struct stat st_key_file;

	assert_non_null(mkdtemp(dir));
	snprintf(key, sizeof(key), "%s/k.pem", dir);
	snprintf(pub, sizeof(pub), "%s/k_pub.pem", dir);
	assert_int_equal(da_key_generate(key, pub, &diag), DA_OK);
	assert_int_equal(stat(key, &st_key_file), 0);
	assert_int_equal(st_key_file.st_mode & 0777, 0600);
	assert_int_equal(da_key_generate(key, NULL, &diag), DA_ERR_FILE);
	assert_non_null(strstr(diag.text, "never overwritten"));
	assert_int_equal(da_key_load(key, &k, NULL), DA_OK);
	assert_int_equal(da_key_public(k, xy), DA_OK);
	assert_int_equal(da_pubkey_load(pub, xy2, NULL), DA_OK);
	assert_memory_equal(xy, xy2, sizeof(xy));
	da_key_free(k);
	unlink(key);
	unlink(pub);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tbs_of_st_keys_equals_st_certificates),
		cmocka_unit_test(made_certificates_have_st_tbs_and_verify_as_a_chain),
		cmocka_unit_test(st_chain_text_is_reproduced_byte_for_byte),
		cmocka_unit_test(leaf_wider_than_its_parent_is_refused_naming_the_permission),
		cmocka_unit_test(chain_with_a_leaf_wider_than_its_parent_does_not_verify),
		cmocka_unit_test(signer_other_than_the_parent_key_is_refused),
		cmocka_unit_test(root_must_be_self_signed_and_others_need_a_parent),
		cmocka_unit_test(leaf_cannot_sign_and_constraints_are_inherited_not_changed),
		cmocka_unit_test(new_key_is_private_never_overwritten_and_usable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
