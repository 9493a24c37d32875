// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * STM32H503 DA password hash in OTP (see otp_password.h). The result is checked in the unit
 * tests against ST's NUCLEO-H503RB samples: user_password.bin -> board_password.bin.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>

#include "otp_password.h"

int h5_otp_block_of(uint32_t addr)
{
	if (addr < H5_OTP_BASE || addr - H5_OTP_BASE >= H5_OTP_SIZE)
		return -1;
	return (int)((addr - H5_OTP_BASE) / H5_OTP_BLOCK_SIZE);
}

uint32_t h5_otp_lockbl_bits(uint32_t addr, uint32_t len)
{
	if (len == 0 || h5_otp_block_of(addr) < 0 || h5_otp_block_of(addr + len - 1) < 0)
		return 0;
	uint32_t bits = 0;
	for (int b = h5_otp_block_of(addr); b <= h5_otp_block_of(addr + len - 1); b++)
		bits |= 1u << b;
	return bits;
}

bool h5_otp_password_image(const uint8_t *file, size_t len, uint32_t lockbl_cur,
		uint8_t image[H5_OTP_DA_HASH_SIZE], char *err, size_t err_size)
{
	if (lockbl_cur & h5_otp_lockbl_bits(H5_OTP_DA_HASH_ADDR, H5_OTP_DA_HASH_SIZE)) {
		snprintf(err, err_size, "OTP block %u (0x%08X) is already locked: a DA password "
				"is provisioned for good and can never change",
				H5_OTP_DA_BLOCK, H5_OTP_DA_HASH_ADDR);
		return false;
	}
	return h5_password_file_hash(file, len, image, err, err_size);
}
