// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of sector, bank and mass erase (h5-flash-ob.md §3.4 NSCR, §5.4, §5.5, §9.2 erase).
 */

#include "test_flash_util.h"

static struct h5flash *part_with_data(void)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	program_qword(f, 0x08000000, 0x100);	/* bank 1 sector 0 */
	program_qword(f, 0x0800A000, 0x200);	/* bank 1 sector 5 */
	program_qword(f, 0x08100000, 0x300);	/* bank 2 sector 0 */
	program_qword(f, 0x0810A000, 0x400);	/* bank 2 sector 5 */
	wr(f, NSCCR, 0x00FF0000);
	return f;
}

static void sector_erase_erases_only_that_sector_of_that_bank(void **state)
{
	struct h5flash *f = part_with_data();
	wr(f, NSCR, SER | SNB(5) | BKSEL | STRT);
	assert_int_equal(rd(f, NSSR), BSY);
	assert_true(rd(f, NSCR) & STRT);
	h5flash_advance(f, T_SECTOR);
	assert_int_equal(rd(f, NSSR), EOP);
	assert_int_equal(rd(f, NSCR) & STRT, 0);
	assert_true(rd(f, NSCR) & SER);		/* SER stays set */
	assert_int_equal(mr32(f, 0x0810A000), 0xFFFFFFFF);
	assert_int_equal(mr32(f, 0x0800A000), 0x200);
	assert_int_equal(mr32(f, 0x08100000), 0x300);
	h5flash_free(f);
}

static void erased_sector_can_be_programmed_again(void **state)
{
	struct h5flash *f = part_with_data();
	wr(f, NSCR, SER | SNB(0) | STRT);
	h5flash_advance(f, T_SECTOR);
	program_qword(f, 0x08000000, 0x999);
	assert_int_equal(rd(f, NSSR) & PGSERR, 0);
	assert_int_equal(mr32(f, 0x08000000), 0x999);
	h5flash_free(f);
}

static void bank_erase_erases_one_bank(void **state)
{
	struct h5flash *f = part_with_data();
	wr(f, NSCR, BER | STRT);
	h5flash_advance(f, T_BANK);
	assert_int_equal(rd(f, NSSR), EOP);
	assert_int_equal(mr32(f, 0x08000000), 0xFFFFFFFF);
	assert_int_equal(mr32(f, 0x0800A000), 0xFFFFFFFF);
	assert_int_equal(mr32(f, 0x08100000), 0x300);
	h5flash_free(f);
}

static void mass_erase_erases_both_banks(void **state)
{
	struct h5flash *f = part_with_data();
	wr(f, NSCR, MER | STRT);
	h5flash_advance(f, 2 * T_BANK);
	assert_int_equal(rd(f, NSSR), EOP);
	assert_int_equal(mr32(f, 0x08000000), 0xFFFFFFFF);
	assert_int_equal(mr32(f, 0x0810A000), 0xFFFFFFFF);
	struct h5flash_stats st;
	h5flash_stats(f, &st);
	assert_int_equal(st.sectors_erased, 256);
	h5flash_free(f);
}

static void mass_erase_with_sector_erase_raises_pgserr(void **state)
{
	struct h5flash *f = part_with_data();
	wr(f, NSCR, MER | SER | STRT);
	assert_int_equal(rd(f, NSSR), PGSERR);
	assert_int_equal(rd(f, NSCR) & STRT, 0);
	assert_int_equal(mr32(f, 0x08000000), 0x100);
	wr(f, NSCCR, PGSERR);
	wr(f, NSCR, MER | BER | STRT);
	assert_int_equal(rd(f, NSSR), PGSERR);
	h5flash_free(f);
}

static void strt_without_an_erase_selected_raises_pgserr(void **state)
{
	struct h5flash *f = part_with_data();
	wr(f, NSCR, STRT);
	assert_int_equal(rd(f, NSSR), PGSERR);
	h5flash_free(f);
}

static void sector_number_beyond_the_bank_raises_pgserr(void **state)
{
	struct h5flash *f = make_part(H5FLASH_H56X, 0x100000);	/* 64 sectors per bank */
	unlock_ns(f);
	wr(f, NSCR, SER | SNB(64) | STRT);
	assert_int_equal(rd(f, NSSR), PGSERR);
	h5flash_free(f);
}

static void erase_of_a_protected_sector_raises_wrperr_and_erases_nothing(void **state)
{
	struct h5flash *f = part_with_data();
	/* WRP2R bit 1 = 0: bank 2 sectors 4..7 protected */
	assert_int_equal(ob_change(f, WRP2R_PRG, 0xFFFFFFFD, &fw_ns), 0);
	wr(f, NSCR, SER | SNB(5) | BKSEL | STRT);
	assert_int_equal(rd(f, NSSR), WRPERR);
	assert_int_equal(mr32(f, 0x0810A000), 0x400);
	wr(f, NSCCR, WRPERR);
	wr(f, NSCR, MER | STRT);
	assert_int_equal(rd(f, NSSR), WRPERR);
	assert_int_equal(mr32(f, 0x08000000), 0x100);
	wr(f, NSCCR, WRPERR);
	wr(f, NSCR, BER | BKSEL | STRT);
	assert_int_equal(rd(f, NSSR), WRPERR);
	assert_int_equal(mr32(f, 0x08100000), 0x300);
	wr(f, NSCCR, WRPERR);
	wr(f, NSCR, BER | STRT);		/* bank 1 is not protected */
	h5flash_advance(f, T_BANK);
	assert_int_equal(rd(f, NSSR), EOP);
	h5flash_free(f);
}

static void bksel_selects_the_physical_bank_under_swap(void **state)
{
	struct h5flash *f = part_with_data();
	uint32_t optsr = rd(f, OPTSR_PRG);
	assert_int_equal(ob_change(f, OPTSR_PRG, optsr | 1u << 31, &fw_ns), 0);
	h5flash_system_reset(f);
	unlock_ns(f);
	/* logical 0x08000000 is physical bank 2 now: holds 0x300 */
	assert_int_equal(mr32(f, 0x08000000), 0x300);
	wr(f, NSCR, SER | SNB(0) | STRT);	/* physical bank 1 sector 0 */
	h5flash_advance(f, T_SECTOR);
	assert_int_equal(mr32(f, 0x08100000), 0xFFFFFFFF);
	assert_int_equal(mr32(f, 0x08000000), 0x300);
	h5flash_free(f);
}

static void non_secure_erase_of_a_secure_sector_raises_wrperr(void **state)
{
	struct h5flash *f = make_h563();
	h5flash_force_tzen(f, true);
	h5flash_system_reset(f);
	assert_int_equal(ob_change(f, SECWM1R_PRG, 0x00000001, &fw_s), 0);	/* no watermark */
	wr_s(f, SECBB1R1, 1u << 2);
	unlock_ns(f);
	wr(f, NSCR, SER | SNB(2) | STRT);
	assert_int_equal(rd(f, NSSR), WRPERR);
	wr(f, NSCCR, WRPERR);
	wr(f, NSCR, SER | SNB(3) | STRT);
	h5flash_advance(f, T_SECTOR);
	assert_int_equal(rd(f, NSSR), EOP);
	h5flash_free(f);
}

static void a_register_write_during_an_erase_waits_for_it(void **state)
{
	struct h5flash *f = part_with_data();
	wr(f, NSCR, SER | SNB(0) | STRT);
	h5flash_advance(f, T_SECTOR / 2);
	assert_true(h5flash_busy(f));
	wr(f, NSCR, SER | SNB(5) | STRT);	/* the bus stalls until the first erase ends */
	h5flash_advance(f, T_SECTOR);
	assert_false(h5flash_busy(f));
	assert_int_equal(mr32(f, 0x08000000), 0xFFFFFFFF);
	assert_int_equal(mr32(f, 0x0800A000), 0xFFFFFFFF);
	h5flash_free(f);
}

static void a_byte_write_to_nscr_during_an_erase_does_not_restart_it(void **state)
{
	struct h5flash *f = part_with_data();
	wr(f, NSCR, SER | SNB(0) | STRT);
	h5flash_advance(f, T_SECTOR / 2);
	/* byte 2 (interrupt enables) only: STRT must not be written again */
	assert_int_equal(h5flash_reg_write(f, NSCR, false, &fw_ns, 0x00010000, 0x4), H5FLASH_BUS_OK);
	assert_true(h5flash_busy(f));
	h5flash_advance(f, T_SECTOR / 2);
	assert_false(h5flash_busy(f));
	struct h5flash_stats st;
	h5flash_stats(f, &st);
	assert_int_equal(st.sectors_erased, 1);
	h5flash_free(f);
}

static void h52x_erases_sector_31_and_protects_four_sectors_per_bit(void **state)
{
	struct h5flash *f = make_part(H5FLASH_H52X, 0x80000);	/* 32 sectors per bank */
	unlock_ns(f);
	program_qword(f, 0x0807E000, 7);			/* bank 2 sector 31 */
	wr(f, NSCR, SER | SNB(31) | BKSEL | STRT);
	h5flash_advance(f, T_SECTOR);
	assert_int_equal(rd(f, NSSR), EOP);
	assert_int_equal(mr32(f, 0x0807E000), 0xFFFFFFFF);
	wr(f, NSCCR, EOP);
	/* WRP2R bit 7 = 0: sectors 28..31 of bank 2 */
	assert_int_equal(ob_change(f, WRP2R_PRG, 0x7F, &fw_ns), 0);
	wr(f, NSCR, SER | SNB(28) | BKSEL | STRT);
	assert_int_equal(rd(f, NSSR), WRPERR);
	wr(f, NSCCR, WRPERR);
	wr(f, NSCR, SER | SNB(27) | BKSEL | STRT);
	h5flash_advance(f, T_SECTOR);
	assert_int_equal(rd(f, NSSR), EOP);
	h5flash_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sector_erase_erases_only_that_sector_of_that_bank),
		cmocka_unit_test(erased_sector_can_be_programmed_again),
		cmocka_unit_test(bank_erase_erases_one_bank),
		cmocka_unit_test(mass_erase_erases_both_banks),
		cmocka_unit_test(mass_erase_with_sector_erase_raises_pgserr),
		cmocka_unit_test(strt_without_an_erase_selected_raises_pgserr),
		cmocka_unit_test(sector_number_beyond_the_bank_raises_pgserr),
		cmocka_unit_test(erase_of_a_protected_sector_raises_wrperr_and_erases_nothing),
		cmocka_unit_test(bksel_selects_the_physical_bank_under_swap),
		cmocka_unit_test(non_secure_erase_of_a_secure_sector_raises_wrperr),
		cmocka_unit_test(a_register_write_during_an_erase_waits_for_it),
		cmocka_unit_test(a_byte_write_to_nscr_during_an_erase_does_not_restart_it),
		cmocka_unit_test(h52x_erases_sector_31_and_protects_four_sectors_per_bit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
