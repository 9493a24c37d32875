/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication signing by an external command (a cloud KMS client, a signing
 * server): the command runs through /bin/sh -c in its own process group, receives the 32-byte
 * SHA-256 digest on stdin and writes the signature on stdout, as 64 raw bytes r||s or as a
 * DER ECDSA-Sig-Value. It must answer within the timeout or it is killed. Its output is never
 * printed or logged, and its stderr is discarded (a signer's messages may hold secrets); its
 * exit status is reported. Pure C (POSIX).
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_SIGN_CMD_H
#define OPENOCD_TARGET_STM32H5_DA_SIGN_CMD_H

#include <stdint.h>

#include "da_crypto.h"
#include "da_error.h"
#include "da_key.h"

#define DA_SIGN_CMD_TIMEOUT_MS_DEFAULT	30000u

/* How long a signing command may take (milliseconds, 1..600000) */
enum da_err da_sign_cmd_set_timeout(unsigned int ms, struct da_diag *diag);
unsigned int da_sign_cmd_timeout(void);

/*
 * A key that signs by running cmd; pubkey is the key the command is expected to sign with
 * (each signature is verified with it).
 */
enum da_err da_sign_cmd_open(const char *cmd, const uint8_t pubkey[DA_P256_PUBKEY_BYTES],
		struct da_key **key, struct da_diag *diag);

/* Signature bytes as a signer returns them (64 raw bytes or DER) to r||s */
enum da_err da_signature_decode(const uint8_t *buf, size_t len,
		uint8_t signature[DA_P256_SIGNATURE_BYTES], struct da_diag *diag);

#endif /* OPENOCD_TARGET_STM32H5_DA_SIGN_CMD_H */
