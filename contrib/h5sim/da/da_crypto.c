// SPDX-License-Identifier: GPL-2.0-or-later

/* h5sim DA: SHA-256 and ECDSA P-256 verification through mbedTLS 2.28. */

#include <mbedtls/ecdsa.h>
#include <mbedtls/ecp.h>
#include <mbedtls/sha256.h>

#include "da_crypto.h"

bool sim_da_sha256(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len,
	       uint8_t digest[DA_SHA256_SIZE])
{
	mbedtls_sha256_context ctx;
	bool ok;

	mbedtls_sha256_init(&ctx);
	ok = mbedtls_sha256_starts_ret(&ctx, 0) == 0 &&
		mbedtls_sha256_update_ret(&ctx, a, a_len) == 0 &&
		(b_len == 0 || mbedtls_sha256_update_ret(&ctx, b, b_len) == 0) &&
		mbedtls_sha256_finish_ret(&ctx, digest) == 0;
	mbedtls_sha256_free(&ctx);
	return ok;
}

/* Loads P-256 and the point X||Y; false if the point is not on the curve */
static bool da_p256_load(mbedtls_ecp_group *grp, mbedtls_ecp_point *q,
			 const uint8_t key[DA_P256_KEY_SIZE])
{
	uint8_t uncompressed[1 + DA_P256_KEY_SIZE];

	uncompressed[0] = 0x04;
	for (unsigned int i = 0; i < DA_P256_KEY_SIZE; i++)
		uncompressed[1 + i] = key[i];
	return mbedtls_ecp_group_load(grp, MBEDTLS_ECP_DP_SECP256R1) == 0 &&
		mbedtls_ecp_point_read_binary(grp, q, uncompressed, sizeof(uncompressed)) == 0 &&
		mbedtls_ecp_check_pubkey(grp, q) == 0;
}

bool sim_da_p256_key_valid(const uint8_t key[DA_P256_KEY_SIZE])
{
	mbedtls_ecp_group grp;
	mbedtls_ecp_point q;
	bool ok;

	mbedtls_ecp_group_init(&grp);
	mbedtls_ecp_point_init(&q);
	ok = da_p256_load(&grp, &q, key);
	mbedtls_ecp_point_free(&q);
	mbedtls_ecp_group_free(&grp);
	return ok;
}

bool sim_da_p256_verify(const uint8_t key[DA_P256_KEY_SIZE], const uint8_t digest[DA_SHA256_SIZE],
		    const uint8_t sig[DA_P256_SIG_SIZE])
{
	mbedtls_ecp_group grp;
	mbedtls_ecp_point q;
	mbedtls_mpi r, s;
	bool ok;

	mbedtls_ecp_group_init(&grp);
	mbedtls_ecp_point_init(&q);
	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	ok = da_p256_load(&grp, &q, key) &&
		mbedtls_mpi_read_binary(&r, sig, DA_P256_SIG_SIZE / 2) == 0 &&
		mbedtls_mpi_read_binary(&s, sig + DA_P256_SIG_SIZE / 2, DA_P256_SIG_SIZE / 2) == 0 &&
		mbedtls_ecdsa_verify(&grp, digest, DA_SHA256_SIZE, &q, &r, &s) == 0;
	mbedtls_mpi_free(&s);
	mbedtls_mpi_free(&r);
	mbedtls_ecp_point_free(&q);
	mbedtls_ecp_group_free(&grp);
	return ok;
}

bool sim_da_equal(const uint8_t *a, const uint8_t *b, size_t len)
{
	uint8_t diff = 0;

	for (size_t i = 0; i < len; i++)
		diff |= a[i] ^ b[i];
	return diff == 0;
}
