// SPDX-License-Identifier: GPL-2.0-or-later

/* Debug Authentication signers: choosing where the private key is (see da_signer.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "da_key_file.h"
#include "da_pkcs11.h"
#include "da_pkcs11_uri.h"
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
	if (da_pkcs11_is_uri(key))
		return da_pkcs11_open(key, out, diag);
	return da_key_load(key, out, diag);
}

enum da_err da_signer_public(const char *key, uint8_t pubkey[DA_P256_PUBKEY_BYTES],
		struct da_diag *diag)
{
	struct da_key *k;
	enum da_err err;

	if (!da_pkcs11_is_uri(key))
		return da_pubkey_load(key, pubkey, diag);
	err = da_pkcs11_open(key, &k, diag);
	if (err == DA_OK)
		err = da_key_public(k, pubkey);
	da_key_free(k);
	return err;
}
