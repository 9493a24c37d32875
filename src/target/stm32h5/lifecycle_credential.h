/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * STM32H5 Debug Authentication credentials as the lifecycle commands provision them: the
 * 32-byte hash a device stores for a password (SHA-256 of the raw password) or for a root
 * public key (SHA-256 of the raw P-256 point X||Y), and the password file formats users have
 * (ST's password.bin TLV, or the raw password). h5-debug-auth.md §6.3, anchors.md §0.
 * Pure C over mbedTLS; nothing here prints or logs a secret.
 */

#ifndef OPENOCD_TARGET_STM32H5_LIFECYCLE_CREDENTIAL_H
#define OPENOCD_TARGET_STM32H5_LIFECYCLE_CREDENTIAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define H5_CREDENTIAL_HASH_SIZE		32

/* ST's host-side password file: u32 LE type 0x80000000 (PSA_ST_PASSWD TLV) || u32 LE length
 * || password bytes (anchors.md §0) */
#define H5_PASSWORD_TLV_TYPE		0x80000000u
#define H5_PASSWORD_TLV_HEADER_SIZE	8

/*
 * Password length accepted by the lifecycle commands. ST's DA_ConfigWithPassword.xml takes
 * 4..16 characters (MinWidth 4, Width 16); the H503 sample uses 12 bytes. Whether the RSS
 * accepts other lengths is not known (h5-debug-auth.md §9 item 9), so longer or shorter
 * passwords are refused rather than risk a configuration nobody can authenticate against.
 */
#define H5_PASSWORD_MIN_LEN		4
#define H5_PASSWORD_MAX_LEN		16

/*
 * Finds the password inside a password file: ST's TLV (type 0x80000000, length matching the
 * file, or the file zero-padded up to a word after it) or, for anything else, the whole file
 * as the raw password. Refuses an empty file, a TLV whose length does not match, non-zero
 * padding, and a length outside H5_PASSWORD_MIN_LEN..MAX_LEN.
 * *password points into file.
 */
bool h5_password_from_file(const uint8_t *file, size_t len, const uint8_t **password,
		size_t *password_len, bool *was_tlv, char *err, size_t err_size);

/* SHA-256 of the raw password found in a password file (see h5_password_from_file). */
bool h5_password_file_hash(const uint8_t *file, size_t len,
		uint8_t hash[H5_CREDENTIAL_HASH_SIZE], char *err, size_t err_size);

/*
 * SHA-256 of the raw X||Y (64 bytes) of a P-256 key given in PEM (or DER): a public key, or
 * a private key whose public half is used (STM32TrustedPackageCreator takes key_1_root.pem).
 * Refuses anything that is not an EC key on P-256.
 */
bool h5_root_key_hash(const uint8_t *key, size_t len, uint8_t hash[H5_CREDENTIAL_HASH_SIZE],
		char *err, size_t err_size);

/* The raw X||Y (64 bytes) of a P-256 public or private key in PEM or DER (as above) */
bool h5_key_public_xy(const uint8_t *key, size_t len, uint8_t xy[64], char *err,
		size_t err_size);

/* SHA-256 through mbedTLS */
void h5_sha256(const uint8_t *data, size_t len, uint8_t hash[H5_CREDENTIAL_HASH_SIZE]);

#endif /* OPENOCD_TARGET_STM32H5_LIFECYCLE_CREDENTIAL_H */
