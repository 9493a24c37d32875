// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/otp_password.c: the H503 DA password hash in OTP, checked
 * against ST's NUCLEO-H503RB samples (user_password.bin -> board_password.bin, whose bytes were
 * computed by hand with sha256sum), and the OTP block arithmetic of h5-flash-ob.md §2.4.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "target/stm32h5/otp_password.h"
#include "test_obk_samples.h"

/* sha256sum NUCLEO-H503RB/user_password.bin */
#define BOARD_PASSWORD "fff3a9bcdd37363d703c1c4f9512533686157868f0d4f16a0f02d0f1da24f9a2"

static char err[512];

static void raw_user_password_gives_st_board_password(void **state)
{
	size_t len, board_len;
	unsigned char *user = read_sample("NUCLEO-H503RB/user_password.bin", &len);
	unsigned char *board = read_sample("NUCLEO-H503RB/board_password.bin", &board_len);
	unsigned char image[32], expected[32];
	from_hex(BOARD_PASSWORD, expected, 32);
	assert_int_equal(board_len, 32);
	assert_true(h5_otp_password_image(user, len, 0, image, err, sizeof(err)));
	assert_memory_equal(image, board, 32);
	assert_memory_equal(image, expected, 32);
	free(user);
	free(board);
}

static void host_tlv_password_gives_the_same_board_password(void **state)
{
	size_t len;
	unsigned char *da = read_sample("NUCLEO-H503RB/da_password.bin", &len);
	unsigned char image[32], expected[32];
	const uint8_t *pw;
	size_t n;
	bool tlv = false;
	from_hex(BOARD_PASSWORD, expected, 32);
	assert_true(h5_password_from_file(da, len, &pw, &n, &tlv, err, sizeof(err)));
	assert_true(tlv);
	assert_int_equal(n, 12);
	assert_true(h5_otp_password_image(da, len, 0, image, err, sizeof(err)));
	assert_memory_equal(image, expected, 32);
	free(da);
}

static void a_locked_block_zero_is_refused(void **state)
{
	size_t len;
	unsigned char *user = read_sample("NUCLEO-H503RB/user_password.bin", &len);
	unsigned char image[32];
	assert_false(h5_otp_password_image(user, len, 0x1, image, err, sizeof(err)));
	assert_non_null(strstr(err, "OTP block 0 (0x08FFF000) is already locked"));
	/* locks of other blocks do not matter */
	assert_true(h5_otp_password_image(user, len, 0xFFFFFFFE, image, err, sizeof(err)));
	free(user);
}

static void otp_blocks_are_64_bytes_from_0x08fff000(void **state)
{
	assert_int_equal(h5_otp_block_of(0x08FFF000), 0);
	assert_int_equal(h5_otp_block_of(0x08FFF03F), 0);
	assert_int_equal(h5_otp_block_of(0x08FFF040), 1);
	assert_int_equal(h5_otp_block_of(0x08FFF7FF), 31);
	assert_int_equal(h5_otp_block_of(0x08FFF800), -1);
	assert_int_equal(h5_otp_block_of(0x08FFEFFF), -1);
}

static void lock_bits_cover_every_block_of_a_range(void **state)
{
	assert_int_equal(h5_otp_lockbl_bits(0x08FFF000, 32), 0x1);
	assert_int_equal(h5_otp_lockbl_bits(0x08FFF030, 32), 0x3);
	assert_int_equal(h5_otp_lockbl_bits(0x08FFF7C0, 64), 0x80000000);
	assert_int_equal(h5_otp_lockbl_bits(0x08FFF7C0, 65), 0);
	assert_int_equal(h5_otp_lockbl_bits(0x08FFF000, 0), 0);
	assert_int_equal(H5_OTP_DA_LOCKBL, 0x1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(raw_user_password_gives_st_board_password),
		cmocka_unit_test(host_tlv_password_gives_the_same_board_password),
		cmocka_unit_test(a_locked_block_zero_is_refused),
		cmocka_unit_test(otp_blocks_are_64_bytes_from_0x08fff000),
		cmocka_unit_test(lock_bits_cover_every_block_of_a_range),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
