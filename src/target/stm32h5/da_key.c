// SPDX-License-Identifier: GPL-2.0-or-later

/* P-256 private keys for Debug Authentication tokens (see da_key.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/ecp.h>
#include <mbedtls/entropy.h>
#include <mbedtls/pk.h>
#include <mbedtls/platform_util.h>

#include "da_file.h"
#include "da_key.h"

#define KEY_FILE_MAX_BYTES	4096

struct da_key {
	mbedtls_pk_context pk;				/* a local key (backend NULL) */
	const struct da_key_backend *backend;		/* or a key kept elsewhere */
	void *ctx;
	uint8_t backend_pubkey[DA_P256_PUBKEY_BYTES];
};

enum da_err da_key_from_backend(const struct da_key_backend *backend, void *ctx,
		const uint8_t pubkey[DA_P256_PUBKEY_BYTES], struct da_key **key,
		struct da_diag *diag)
{
	struct da_key *k = calloc(1, sizeof(*k));

	*key = NULL;
	if (!k) {
		backend->release(ctx);
		return da_fail(diag, DA_ERR_CRYPTO, "out of memory");
	}
	mbedtls_pk_init(&k->pk);
	k->backend = backend;
	k->ctx = ctx;
	memcpy(k->backend_pubkey, pubkey, DA_P256_PUBKEY_BYTES);
	*key = k;
	return DA_OK;
}

enum da_err da_key_parse(const uint8_t *data, size_t len, struct da_key **key,
		struct da_diag *diag)
{
	struct da_key *k;
	bool is_public;
	uint8_t *copy;
	int rc;

	*key = NULL;
	if (!len)
		return da_fail(diag, DA_ERR_TRUNCATED, "key file is empty");
	/* mbedTLS wants PEM text NUL-terminated, with the NUL counted in the length */
	copy = malloc(len + 1);
	k = calloc(1, sizeof(*k));
	if (!copy || !k) {
		free(copy);
		free(k);
		return da_fail(diag, DA_ERR_CRYPTO, "out of memory");
	}
	memcpy(copy, data, len);
	copy[len] = '\0';
	is_public = strstr((const char *)copy, "PUBLIC KEY-----");
	mbedtls_pk_init(&k->pk);
	rc = mbedtls_pk_parse_key(&k->pk, copy, len + 1, NULL, 0);
	if (rc == MBEDTLS_ERR_PK_PASSWORD_REQUIRED || rc == MBEDTLS_ERR_PK_PASSWORD_MISMATCH)
		rc = MBEDTLS_ERR_PK_PASSWORD_REQUIRED;
	else if (rc)	/* perhaps DER: then the NUL must not be counted */
		rc = mbedtls_pk_parse_key(&k->pk, copy, len, NULL, 0);
	mbedtls_platform_zeroize(copy, len + 1);
	free(copy);

	if (rc == MBEDTLS_ERR_PK_PASSWORD_REQUIRED) {
		da_key_free(k);
		return da_fail(diag, DA_ERR_UNSUPPORTED,
			"the private key is encrypted; give an unencrypted PEM key");
	}
	if (rc && is_public) {
		da_key_free(k);
		return da_fail(diag, DA_ERR_WRONG_TYPE,
			"this is a public key; the private key (e.g. key_3_leaf.pem) is needed");
	}
	if (rc) {
		da_key_free(k);
		return da_fail(diag, DA_ERR_MALFORMED,
			"not a PEM or DER private key (mbedTLS error -0x%04x)", (unsigned int)-rc);
	}
	if (!mbedtls_pk_can_do(&k->pk, MBEDTLS_PK_ECKEY)
			|| mbedtls_pk_ec(k->pk)->grp.id != MBEDTLS_ECP_DP_SECP256R1) {
		da_key_free(k);
		return da_fail(diag, DA_ERR_UNSUPPORTED,
			"the private key is not an ECDSA P-256 (secp256r1) key");
	}
	if (mbedtls_ecp_check_pub_priv(mbedtls_pk_ec(k->pk), mbedtls_pk_ec(k->pk))) {
		da_key_free(k);
		return da_fail(diag, DA_ERR_MALFORMED,
			"the private key and the public key stored with it disagree");
	}
	*key = k;
	return DA_OK;
}

enum da_err da_key_load(const char *path, struct da_key **key, struct da_diag *diag)
{
	uint8_t *data;
	size_t len;
	enum da_err err;

	*key = NULL;
	err = da_file_read(path, KEY_FILE_MAX_BYTES, &data, &len, diag);
	if (err != DA_OK)
		return err;
	err = da_key_parse(data, len, key, diag);
	da_file_free(data, len);
	if (err != DA_OK)
		da_diag_prefix(diag, "%s: ", path);
	return err;
}

void da_key_free(struct da_key *key)
{
	if (!key)
		return;
	if (key->backend)
		key->backend->release(key->ctx);
	mbedtls_pk_free(&key->pk);
	mbedtls_platform_zeroize(key, sizeof(*key));
	free(key);
}

enum da_err da_key_public(const struct da_key *key, uint8_t pubkey[DA_P256_PUBKEY_BYTES])
{
	const mbedtls_ecp_keypair *kp = mbedtls_pk_ec(key->pk);
	uint8_t buf[1 + DA_P256_PUBKEY_BYTES];
	size_t olen = 0;

	if (key->backend) {
		memcpy(pubkey, key->backend_pubkey, DA_P256_PUBKEY_BYTES);
		return DA_OK;
	}
	if (mbedtls_ecp_point_write_binary(&kp->grp, &kp->Q, MBEDTLS_ECP_PF_UNCOMPRESSED, &olen,
			buf, sizeof(buf)) || olen != sizeof(buf))
		return DA_ERR_CRYPTO;
	memcpy(pubkey, buf + 1, DA_P256_PUBKEY_BYTES);
	return DA_OK;
}

enum da_err da_key_matches_certificate(const struct da_key *key,
		const struct da_certificate *cert, struct da_diag *diag)
{
	uint8_t pubkey[DA_P256_PUBKEY_BYTES];

	if (da_key_public(key, pubkey) != DA_OK)
		return da_fail(diag, DA_ERR_CRYPTO, "cannot export the key's public part");
	if (memcmp(pubkey, cert->fields.pubkey, sizeof(pubkey)))
		return da_fail(diag, DA_ERR_KEY_MISMATCH,
			"the private key does not belong to the %s certificate (its public key "
			"differs from the certificate's)", da_cert_role_name(cert->fields.role));
	return DA_OK;
}

static enum da_err sign_with_backend(const struct da_key *key,
		const uint8_t hash[DA_SHA256_BYTES], uint8_t signature[DA_P256_SIGNATURE_BYTES],
		struct da_diag *diag)
{
	enum da_err err = key->backend->sign(key->ctx, hash, signature, diag);

	if (err != DA_OK)
		return err;
	if (da_p256_verify(key->backend_pubkey, hash, signature) != DA_OK)
		return da_fail(diag, DA_ERR_BAD_SIGNATURE,
			"%s returned a signature that does not verify with the expected public "
			"key (wrong key, or not an ECDSA P-256 signature of the digest)",
			key->backend->what);
	return DA_OK;
}

enum da_err da_key_sign_hash(const struct da_key *key, const uint8_t hash[DA_SHA256_BYTES],
		uint8_t signature[DA_P256_SIGNATURE_BYTES], struct da_diag *diag)
{
	static const unsigned char personalization[] = "stm32h5 da token";
	mbedtls_ecp_keypair *kp;
	mbedtls_entropy_context entropy;
	mbedtls_ctr_drbg_context drbg;	/* only for side-channel blinding; output stays RFC 6979 */
	mbedtls_mpi r, s;
	enum da_err err = DA_OK;

	if (key->backend)
		return sign_with_backend(key, hash, signature, diag);
	kp = mbedtls_pk_ec(key->pk);
	mbedtls_entropy_init(&entropy);
	mbedtls_ctr_drbg_init(&drbg);
	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	if (mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy, personalization,
			sizeof(personalization) - 1))
		err = da_fail(diag, DA_ERR_CRYPTO, "cannot seed the random generator");
	else if (mbedtls_ecdsa_sign_det_ext(&kp->grp, &r, &s, &kp->d, hash, DA_SHA256_BYTES,
			MBEDTLS_MD_SHA256, mbedtls_ctr_drbg_random, &drbg))
		err = da_fail(diag, DA_ERR_CRYPTO, "ECDSA signing failed");
	else if (mbedtls_mpi_write_binary(&r, signature, DA_P256_COORD_BYTES)
			|| mbedtls_mpi_write_binary(&s, signature + DA_P256_COORD_BYTES,
				DA_P256_COORD_BYTES))
		err = da_fail(diag, DA_ERR_CRYPTO, "cannot encode the signature");
	mbedtls_mpi_free(&s);
	mbedtls_mpi_free(&r);
	mbedtls_ctr_drbg_free(&drbg);
	mbedtls_entropy_free(&entropy);
	return err;
}
