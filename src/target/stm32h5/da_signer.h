/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication signers: where the private key that signs a token or a certificate
 * lives. One entry point for every command that takes a key:
 *
 *   given                     | signer
 *   --------------------------+-----------------------------------------------------------
 *   key.pem                   | PEM/DER private key file, signed in this process (da_key.c)
 *   pkcs11:URI                | key inside a PKCS#11 token (da_pkcs11.c)
 *   -sign-cmd CMD             | external command: digest on stdin, signature on stdout
 *                             | (da_sign_cmd.c)
 *
 * The public key of an external signer is the one of the certificate it signs for
 * (expected_pubkey); each signature it returns is verified with it. Pure C.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_SIGNER_H
#define OPENOCD_TARGET_STM32H5_DA_SIGNER_H

#include <stdint.h>

#include "da_crypto.h"
#include "da_error.h"
#include "da_key.h"

/*
 * Opens the signer given by exactly one of key (a file) or sign_cmd. expected_pubkey is the
 * public key the signer must have (needed for -sign-cmd, which cannot tell it).
 */
enum da_err da_signer_open(const char *key, const char *sign_cmd,
		const uint8_t expected_pubkey[DA_P256_PUBKEY_BYTES], struct da_key **out,
		struct da_diag *diag);

/* The public key of a key file (public or private PEM) or of a pkcs11: URI's token key */
enum da_err da_signer_public(const char *key, uint8_t pubkey[DA_P256_PUBKEY_BYTES],
		struct da_diag *diag);

#endif /* OPENOCD_TARGET_STM32H5_DA_SIGNER_H */
