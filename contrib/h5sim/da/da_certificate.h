/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim DA: PSA binary certificate, ECDSA P-256 / SHA-256 (h5-debug-auth.md §4.3):
 * a 212-byte body (header, 128-bit permission mask, public key X||Y, extensions hash,
 * signature r||s over the first 0x94 bytes) followed by the padded extensions.
 */

#ifndef H5SIM_DA_CERTIFICATE_H
#define H5SIM_DA_CERTIFICATE_H

#include <stdbool.h>
#include <stdint.h>

#include "da_adac.h"

#define DA_CERT_BODY_SIZE	0xD4u
#define DA_CERT_TBS_SIZE	0x94u

enum da_cert_role {
	DA_ROLE_ROOT		= 1,
	DA_ROLE_INTERMEDIATE	= 2,
	DA_ROLE_LEAF		= 3,
};

struct da_certificate {
	const uint8_t *body;
	uint32_t len;
	uint8_t role;
	uint8_t permissions[DA_PERMISSIONS_SIZE];
	uint8_t pubkey[DA_P256_KEY_SIZE];
};

/* True if len is 212 bytes plus the padded extensions the header announces */
bool sim_da_certificate_size_ok(const uint8_t *body, uint32_t len);

/* Checks the layout (version, types, role, size, key on the curve). NULL or the problem. */
const char *sim_da_certificate_parse(const uint8_t *body, uint32_t len, struct da_certificate *cert);

/* Signature of the certificate's first 0x94 bytes by key (X||Y) */
bool sim_da_certificate_signed_by(const struct da_certificate *cert,
			      const uint8_t key[DA_P256_KEY_SIZE]);

/* SHA-256 of the certificate's public key X||Y equals hash */
bool sim_da_certificate_key_hash_is(const struct da_certificate *cert,
				const uint8_t hash[DA_SHA256_SIZE]);

const char *sim_da_cert_role_name(uint8_t role);

#endif /* H5SIM_DA_CERTIFICATE_H */
