/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * STM32H503 Debug Authentication password in OTP: the H503 has no OBKeys, so SHA-256 of the
 * raw password (board_password.bin) is programmed at 0x08FFF000, the start of OTP block 0,
 * and block 0 is then locked with LOCKBL bit 0 (h5-debug-auth.md §4.6, h5-flash-ob.md §2.4,
 * anchors.md §7b). Pure C; the hash itself comes from lifecycle_credential.
 */

#ifndef OPENOCD_TARGET_STM32H5_OTP_PASSWORD_H
#define OPENOCD_TARGET_STM32H5_OTP_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lifecycle_credential.h"

/* OTP (h5-flash-ob.md §2.4 [C]) */
#define H5_OTP_BASE			0x08FFF000u
#define H5_OTP_SIZE			0x800u
#define H5_OTP_BLOCK_SIZE		64u	/* one LOCKBL bit per block */

/* Where the H503 keeps the DA password hash (CubeH5 password_provisioning.sh [C]) */
#define H5_OTP_DA_HASH_ADDR		0x08FFF000u
#define H5_OTP_DA_HASH_SIZE		H5_CREDENTIAL_HASH_SIZE
#define H5_OTP_DA_BLOCK			0u
#define H5_OTP_DA_LOCKBL		0x00000001u	/* the LOCKBL bit of block H5_OTP_DA_BLOCK */

/* OTP block holding an address, or -1 if the address is not in OTP */
int h5_otp_block_of(uint32_t addr);

/* LOCKBL bits that cover [addr, addr + len) (0 if the range is not entirely in OTP) */
uint32_t h5_otp_lockbl_bits(uint32_t addr, uint32_t len);

/*
 * Builds the 32 bytes to program at H5_OTP_DA_HASH_ADDR from a password file (raw password,
 * like user_password.bin, or ST's TLV, like da_password.bin): SHA-256 of the password.
 * Refuses the job if LOCKBL (OTPBLR_CUR) shows block 0 already locked.
 */
bool h5_otp_password_image(const uint8_t *file, size_t len, uint32_t lockbl_cur,
		uint8_t image[H5_OTP_DA_HASH_SIZE], char *err, size_t err_size);

#endif /* OPENOCD_TARGET_STM32H5_OTP_PASSWORD_H */
