/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication by password (TrustZone disabled, and always on the H503): ST's
 * password.bin / da_password.bin file, which is the AUTH_RESPONSE TLV itself
 * {reserved 0, type 0x8000, length 4..16, password} (h5-debug-auth.md §4.1). Pure C.
 * The password is a secret: it is never printed, and wiped after use.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_PASSWORD_H
#define OPENOCD_TARGET_STM32H5_DA_PASSWORD_H

#include <stddef.h>
#include <stdint.h>

#include "da_error.h"

#define DA_PASSWORD_MIN_BYTES	4
#define DA_PASSWORD_MAX_BYTES	16
#define DA_PASSWORD_TLV_MAX_BYTES	(8 + DA_PASSWORD_MAX_BYTES)
#define DA_PASSWORD_FILE_MAX_BYTES	DA_PASSWORD_TLV_MAX_BYTES

struct da_password {
	uint32_t length;
	uint8_t bytes[DA_PASSWORD_MAX_BYTES];
};

/*
 * Parses the content of a password file. Accepts exactly 8 + length bytes, or 8 + length
 * rounded up to a word with zero padding. The reason for a refusal never quotes the password.
 */
enum da_err da_password_parse(const uint8_t *file, size_t len, struct da_password *out,
		struct da_diag *diag);

/* Reads and parses a password file; the reason names the file */
enum da_err da_password_load(const char *path, struct da_password *out, struct da_diag *diag);

/* Builds the AUTH_RESPONSE data: the padded 0x8000 TLV */
enum da_err da_password_tlv(const struct da_password *pw, uint8_t *out, size_t out_size,
		size_t *out_len, struct da_diag *diag);

void da_password_wipe(struct da_password *pw);

#endif /* OPENOCD_TARGET_STM32H5_DA_PASSWORD_H */
