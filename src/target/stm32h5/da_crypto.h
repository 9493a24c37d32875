/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication host: the two crypto primitives of the STM32H5 certificate scheme
 * (h5-debug-auth.md §4.3), through mbedTLS only: SHA-256 and ECDSA P-256 verification of an
 * r||s signature with a raw X||Y public key. Pure C.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_CRYPTO_H
#define OPENOCD_TARGET_STM32H5_DA_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "da_error.h"

#define DA_SHA256_BYTES		32
#define DA_P256_COORD_BYTES	32
#define DA_P256_PUBKEY_BYTES	64	/* X || Y, big-endian, no 0x04 prefix */
#define DA_P256_SIGNATURE_BYTES	64	/* r || s, big-endian */

/* SHA-256 of a || b (b may be NULL with b_len 0) */
enum da_err da_sha256(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len,
		uint8_t out[DA_SHA256_BYTES]);

/* True if X||Y is a valid point of P-256 (not infinity, on the curve) */
bool da_p256_pubkey_valid(const uint8_t pubkey[DA_P256_PUBKEY_BYTES]);

/*
 * Verifies r||s over a SHA-256 hash with the public key X||Y. DA_ERR_MALFORMED if the key is
 * not a P-256 point, DA_ERR_BAD_SIGNATURE if the signature does not verify.
 */
enum da_err da_p256_verify(const uint8_t pubkey[DA_P256_PUBKEY_BYTES],
		const uint8_t hash[DA_SHA256_BYTES],
		const uint8_t signature[DA_P256_SIGNATURE_BYTES]);

#endif /* OPENOCD_TARGET_STM32H5_DA_CRYPTO_H */
