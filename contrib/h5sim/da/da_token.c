// SPDX-License-Identifier: GPL-2.0-or-later

/* h5sim DA: token layout check and signature verification against the challenge. */

#include <string.h>

#include "da_crypto.h"
#include "da_token.h"

#define DA_TOKEN_OFF_VERSION_MAJOR	0x00
#define DA_TOKEN_OFF_SIGNATURE_TYPE	0x02
#define DA_TOKEN_OFF_EXTENSIONS_BYTES	0x04
#define DA_TOKEN_OFF_REQUESTED		0x08
#define DA_TOKEN_OFF_SIGNATURE		0x38
#define DA_TOKEN_MAX_EXTENSIONS		0x10000u

bool sim_da_token_size_ok(const uint8_t *token, uint32_t len)
{
	uint32_t extensions;

	if (len < DA_TOKEN_BASE_SIZE)
		return false;
	extensions = da_get_le32(token + DA_TOKEN_OFF_EXTENSIONS_BYTES);
	return extensions <= DA_TOKEN_MAX_EXTENSIONS &&
		len == DA_TOKEN_BASE_SIZE + da_round_to_word(extensions);
}

const char *sim_da_token_verify(const uint8_t *token, uint32_t len,
			    const uint8_t key[DA_P256_KEY_SIZE],
			    const uint8_t challenge_vector[DA_CHALLENGE_VECTOR_SIZE],
			    uint8_t requested[DA_PERMISSIONS_SIZE])
{
	uint8_t digest[DA_SHA256_SIZE];

	if (!sim_da_token_size_ok(token, len))
		return "token size does not match 120 bytes plus its extensions";
	if (token[DA_TOKEN_OFF_VERSION_MAJOR] != 1)
		return "token format version is not 1.x";
	if (token[DA_TOKEN_OFF_SIGNATURE_TYPE] != 0x01)
		return "token signature type is not ECDSA P-256/SHA-256";
	if (!sim_da_sha256(token, DA_TOKEN_TBS_SIZE, challenge_vector, DA_CHALLENGE_VECTOR_SIZE,
		       digest))
		return "SHA-256 failed";
	if (!sim_da_p256_verify(key, digest, token + DA_TOKEN_OFF_SIGNATURE))
		return "token signature does not verify with the last accepted certificate key";
	memcpy(requested, token + DA_TOKEN_OFF_REQUESTED, DA_PERMISSIONS_SIZE);
	return NULL;
}
