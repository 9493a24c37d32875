// SPDX-License-Identifier: GPL-2.0-or-later

/* STM32H5 Debug Authentication token building and signing (see da_token.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>

#include "adac_le.h"
#include "adac_tlv.h"
#include "da_token.h"

enum da_err da_token_build(const struct da_key *key, const struct da_perms *requested,
		const uint8_t challenge_vector[ADAC_CHALLENGE_VECTOR_BYTES],
		uint8_t tlv[DA_TOKEN_TLV_BYTES], struct da_diag *diag)
{
	uint8_t body[DA_TOKEN_BODY_BYTES];
	uint8_t hash[DA_SHA256_BYTES];
	size_t len;
	enum da_err err;

	if (da_perms_is_zero(requested))
		return da_fail(diag, DA_ERR_PERMISSION, "the token would request no permission");
	memset(body, 0, sizeof(body));
	body[0x00] = 1;		/* format 1.0 */
	body[0x01] = 0;
	body[0x02] = 1;		/* ECDSA P-256 SHA-256 */
	adac_put_le32(body + 0x04, 0);	/* no extensions, extensions_hash stays zero */
	da_perms_to_bytes(requested, body + 0x08);

	err = da_sha256(body, DA_TOKEN_TBS_BYTES, challenge_vector, ADAC_CHALLENGE_VECTOR_BYTES,
		hash);
	if (err != DA_OK)
		return da_fail(diag, err, "SHA-256 failed");
	err = da_key_sign_hash(key, hash, body + DA_TOKEN_TBS_BYTES, diag);
	if (err != DA_OK)
		return err;
	return adac_tlv_encode(ADAC_TLV_PSA_BINARY_TOKEN, body, sizeof(body), tlv,
		DA_TOKEN_TLV_BYTES, &len, diag);
}
