// SPDX-License-Identifier: GPL-2.0-or-later

/* SHA-256 and ECDSA P-256 verification for Debug Authentication, via mbedTLS. */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdbool.h>
#include <string.h>

#include <mbedtls/ecdsa.h>
#include <mbedtls/ecp.h>
#include <mbedtls/sha256.h>

#include "da_crypto.h"

enum da_err da_sha256(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len,
		uint8_t out[DA_SHA256_BYTES])
{
	mbedtls_sha256_context ctx;
	int rc;

	mbedtls_sha256_init(&ctx);
	rc = mbedtls_sha256_starts_ret(&ctx, 0);
	if (!rc && a_len)
		rc = mbedtls_sha256_update_ret(&ctx, a, a_len);
	if (!rc && b_len)
		rc = mbedtls_sha256_update_ret(&ctx, b, b_len);
	if (!rc)
		rc = mbedtls_sha256_finish_ret(&ctx, out);
	mbedtls_sha256_free(&ctx);
	return rc ? DA_ERR_CRYPTO : DA_OK;
}

/* Loads P-256 and the point X||Y into grp/q; false if the point is not valid */
static bool load_point(mbedtls_ecp_group *grp, mbedtls_ecp_point *q,
		const uint8_t pubkey[DA_P256_PUBKEY_BYTES])
{
	uint8_t uncompressed[1 + DA_P256_PUBKEY_BYTES];

	uncompressed[0] = 0x04;
	memcpy(uncompressed + 1, pubkey, DA_P256_PUBKEY_BYTES);
	if (mbedtls_ecp_group_load(grp, MBEDTLS_ECP_DP_SECP256R1))
		return false;
	if (mbedtls_ecp_point_read_binary(grp, q, uncompressed, sizeof(uncompressed)))
		return false;
	return mbedtls_ecp_check_pubkey(grp, q) == 0;
}

bool da_p256_pubkey_valid(const uint8_t pubkey[DA_P256_PUBKEY_BYTES])
{
	mbedtls_ecp_group grp;
	mbedtls_ecp_point q;
	bool ok;

	mbedtls_ecp_group_init(&grp);
	mbedtls_ecp_point_init(&q);
	ok = load_point(&grp, &q, pubkey);
	mbedtls_ecp_point_free(&q);
	mbedtls_ecp_group_free(&grp);
	return ok;
}

enum da_err da_p256_verify(const uint8_t pubkey[DA_P256_PUBKEY_BYTES],
		const uint8_t hash[DA_SHA256_BYTES],
		const uint8_t signature[DA_P256_SIGNATURE_BYTES])
{
	mbedtls_ecp_group grp;
	mbedtls_ecp_point q;
	mbedtls_mpi r, s;
	enum da_err err = DA_OK;

	mbedtls_ecp_group_init(&grp);
	mbedtls_ecp_point_init(&q);
	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	if (!load_point(&grp, &q, pubkey))
		err = DA_ERR_MALFORMED;
	else if (mbedtls_mpi_read_binary(&r, signature, DA_P256_COORD_BYTES)
			|| mbedtls_mpi_read_binary(&s, signature + DA_P256_COORD_BYTES,
				DA_P256_COORD_BYTES))
		err = DA_ERR_CRYPTO;
	else if (mbedtls_ecdsa_verify(&grp, hash, DA_SHA256_BYTES, &q, &r, &s))
		err = DA_ERR_BAD_SIGNATURE;
	mbedtls_mpi_free(&s);
	mbedtls_mpi_free(&r);
	mbedtls_ecp_point_free(&q);
	mbedtls_ecp_group_free(&grp);
	return err;
}
