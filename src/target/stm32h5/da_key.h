/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication host: the user's ECDSA P-256 private key (PEM, as ST's key_3_leaf.pem),
 * the check that it belongs to the certificate it will sign for, and deterministic signing
 * (RFC 6979) of a SHA-256 hash, all through mbedTLS. Pure C. Key material is never printed
 * and is wiped when the key is freed.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_KEY_H
#define OPENOCD_TARGET_STM32H5_DA_KEY_H

#include <stddef.h>
#include <stdint.h>

#include "da_certificate.h"
#include "da_crypto.h"
#include "da_error.h"

struct da_key;

/*
 * A key whose private half stays elsewhere (a PKCS#11 token, a signing command): sign()
 * returns r||s for a SHA-256 hash, release() frees ctx. Every signature it returns is
 * verified with the public key given to da_key_from_backend() before it is used.
 */
struct da_key_backend {
	const char *what;	/* "the signing command", "the PKCS#11 token" */
	enum da_err (*sign)(void *ctx, const uint8_t hash[DA_SHA256_BYTES],
		uint8_t signature[DA_P256_SIGNATURE_BYTES], struct da_diag *diag);
	void (*release)(void *ctx);
};

/* Wraps a backend and its public key X||Y as a key; on failure ctx is released */
enum da_err da_key_from_backend(const struct da_key_backend *backend, void *ctx,
		const uint8_t pubkey[DA_P256_PUBKEY_BYTES], struct da_key **key,
		struct da_diag *diag);

/* Parses a PEM (or DER) private key; only P-256 keys are accepted */
enum da_err da_key_parse(const uint8_t *data, size_t len, struct da_key **key,
		struct da_diag *diag);

/* Reads and parses a key file; the reason names the file (never its content) */
enum da_err da_key_load(const char *path, struct da_key **key, struct da_diag *diag);

void da_key_free(struct da_key *key);

/* The public key X||Y of the private key */
enum da_err da_key_public(const struct da_key *key, uint8_t pubkey[DA_P256_PUBKEY_BYTES]);

/* DA_ERR_KEY_MISMATCH (with a reason naming the certificate role) if cert is not this key's */
enum da_err da_key_matches_certificate(const struct da_key *key,
		const struct da_certificate *cert, struct da_diag *diag);

/* Deterministic ECDSA P-256 (RFC 6979, SHA-256) signature r||s of a SHA-256 hash */
enum da_err da_key_sign_hash(const struct da_key *key, const uint8_t hash[DA_SHA256_BYTES],
		uint8_t signature[DA_P256_SIGNATURE_BYTES], struct da_diag *diag);

#endif /* OPENOCD_TARGET_STM32H5_DA_KEY_H */
