/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication token of the STM32H5 (PSA binary token, ECDSA P-256, h5-debug-auth.md
 * §4.5): built with the requested permissions and signed with the leaf key over
 * SHA-256(token[0..0x38) || challenge_vector). Pure C.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_TOKEN_H
#define OPENOCD_TARGET_STM32H5_DA_TOKEN_H

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#include "adac_packet.h"
#include "da_crypto.h"
#include "da_error.h"
#include "da_key.h"
#include "da_permissions.h"

/* token_header_t + ECDSA P-256 signature (§4.5) */
struct adac_token_p256 {
	uint8_t format_major;		/* 0x00: 1 */
	uint8_t format_minor;		/* 0x01: 0 */
	uint8_t signature_type;		/* 0x02: 1 = ECDSA P-256 SHA-256 */
	uint8_t reserved;		/* 0x03 */
	uint32_t extensions_bytes;	/* 0x04: 0 */
	uint8_t requested_permissions[DA_PERMS_BYTES];	/* 0x08 */
	uint8_t extensions_hash[DA_SHA256_BYTES];	/* 0x18: zeros */
	uint8_t signature[DA_P256_SIGNATURE_BYTES];	/* 0x38: r || s */
};

#define DA_TOKEN_BODY_BYTES	120
#define DA_TOKEN_TBS_BYTES	0x38
#define DA_TOKEN_TLV_BYTES	(8 + DA_TOKEN_BODY_BYTES)

static_assert(sizeof(struct adac_token_p256) == DA_TOKEN_BODY_BYTES, "token size");
static_assert(offsetof(struct adac_token_p256, extensions_bytes) == 0x04, "token ext bytes");
static_assert(offsetof(struct adac_token_p256, requested_permissions) == 0x08, "token perms");
static_assert(offsetof(struct adac_token_p256, extensions_hash) == 0x18, "token ext hash");
static_assert(offsetof(struct adac_token_p256, signature) == DA_TOKEN_TBS_BYTES, "token sig");

/* Builds the signed token and wraps it in its 0x0200 TLV (128 bytes = 32 words) */
enum da_err da_token_build(const struct da_key *key, const struct da_perms *requested,
		const uint8_t challenge_vector[ADAC_CHALLENGE_VECTOR_BYTES],
		uint8_t tlv[DA_TOKEN_TLV_BYTES], struct da_diag *diag);

#endif /* OPENOCD_TARGET_STM32H5_DA_TOKEN_H */
