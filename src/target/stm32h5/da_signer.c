// SPDX-License-Identifier: GPL-2.0-or-later

/* Debug Authentication signers: choosing where the private key is (see da_signer.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "da_sign_cmd.h"
#include "da_signer.h"

enum da_err da_signer_open(const char *key, const char *sign_cmd,
		const uint8_t expected_pubkey[DA_P256_PUBKEY_BYTES], struct da_key **out,
		struct da_diag *diag)
{
	*out = NULL;
	if (!key == !sign_cmd)
		return da_fail(diag, DA_ERR_ARGUMENT, "give either a key or a signing command");
	if (sign_cmd)
		return da_sign_cmd_open(sign_cmd, expected_pubkey, out, diag);
	return da_key_load(key, out, diag);
}
