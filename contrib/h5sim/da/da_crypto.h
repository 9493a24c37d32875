/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim DA: the cryptographic primitives the RSS needs, through mbedTLS only:
 * SHA-256 and ECDSA P-256 verification of a raw X||Y key and a raw r||s signature.
 */

#ifndef H5SIM_DA_CRYPTO_H
#define H5SIM_DA_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "da_adac.h"

/* SHA-256 over the concatenation of two buffers (second may be empty) */
bool sim_da_sha256(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len,
	       uint8_t digest[DA_SHA256_SIZE]);

/* True if key (X||Y, big-endian) is a valid point of P-256 */
bool sim_da_p256_key_valid(const uint8_t key[DA_P256_KEY_SIZE]);

/* True if sig (r||s) is a valid ECDSA P-256 signature of digest by key */
bool sim_da_p256_verify(const uint8_t key[DA_P256_KEY_SIZE], const uint8_t digest[DA_SHA256_SIZE],
		    const uint8_t sig[DA_P256_SIG_SIZE]);

/* Constant-time comparison */
bool sim_da_equal(const uint8_t *a, const uint8_t *b, size_t len);

#endif /* H5SIM_DA_CRYPTO_H */
