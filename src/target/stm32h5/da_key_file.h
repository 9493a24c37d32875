/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication key files made and read by the host: a new ECDSA P-256 private key
 * written as PEM into a file created with mode 0600 (never over an existing file), its public
 * half as a PEM public key, and the public point X||Y read from any P-256 key file (public or
 * private, as ST's key_1_root_pub.pem or key_1_root.pem). Pure C over mbedTLS. Key material
 * is never printed and is wiped after use.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_KEY_FILE_H
#define OPENOCD_TARGET_STM32H5_DA_KEY_FILE_H

#include <stdint.h>

#include "da_crypto.h"
#include "da_error.h"

/*
 * Generates a P-256 key pair; writes the private key to key_path (created 0600, refused if it
 * exists) and, if pub_path is not NULL, the public key to pub_path (0644, replaced).
 */
enum da_err da_key_generate(const char *key_path, const char *pub_path, struct da_diag *diag);

/* The public point X||Y of a public or private P-256 key file; the reason names the file */
enum da_err da_pubkey_load(const char *path, uint8_t pubkey[DA_P256_PUBKEY_BYTES],
		struct da_diag *diag);

#endif /* OPENOCD_TARGET_STM32H5_DA_KEY_FILE_H */
