// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of OTP and EDATA: half-word programming, OTP block lock, EDATA windows from
 * EDATAxR, and the double-ECC reads of never-written half-words (h5-flash-ob.md §2.3, §2.4,
 * §3.4 ECC registers and the observed ADDR_ECC values).
 */

#include "test_flash_util.h"

static void program_half(struct h5flash *f, uint32_t addr, uint16_t v)
{
	wr(f, NSCR, PG);
	mw(f, addr, v, 2);
	assert_int_equal(rd(f, NSSR), BSY | DBNE);
	h5flash_advance(f, T_HALF);
	wr(f, NSCR, 0);
}

static uint16_t read_half(struct h5flash *f, uint32_t addr)
{
	uint16_t v = 0;
	assert_int_equal(h5flash_mem_read(f, addr, &fw_ns, &v, 2), H5FLASH_BUS_OK);
	return v;
}

static void otp_half_word_is_programmed_once(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	program_half(f, 0x08FFF000, 0xBEEF);
	assert_int_equal(rd(f, NSSR), EOP);
	assert_int_equal(read_half(f, 0x08FFF000), 0xBEEF);
	assert_int_equal(rd(f, ECCDETR), 0);
	h5flash_free(f);
}

static void unwritten_otp_reads_ones_with_a_double_ecc_error(void **state)
{
	struct h5flash *f = make_h563();
	uint32_t v;
	/* §3.4 (F-ECCA): reading 0x08FFF000 as a word gives ECCDETR 0x81000600, then 0x...601 */
	assert_int_equal(h5flash_mem_read(f, 0x08FFF000, &fw_ns, &v, 4), H5FLASH_BUS_OK);
	assert_int_equal(v, 0xFFFFFFFF);
	assert_int_equal(rd(f, ECCDETR), 0x81000600);
	assert_int_equal(rd(f, ECCDR), 0xFFFF);
	assert_true(h5flash_take_nmi(f));
	wr(f, ECCDETR, 1u << 31);
	assert_int_equal(rd(f, ECCDETR) >> 31, 0);
	assert_int_equal(h5flash_mem_read(f, 0x08FFF002, &fw_ns, &v, 2), H5FLASH_BUS_OK);
	assert_int_equal(rd(f, ECCDETR), 0x81000601);
	h5flash_free(f);
}

static void ecc_address_is_latched_only_while_no_flag_is_set(void **state)
{
	struct h5flash *f = make_h563();
	read_half(f, 0x08FFF010);
	read_half(f, 0x08FFF020);
	assert_int_equal(rd(f, ECCDETR), 0x81000608);
	h5flash_free(f);
}

static void otp_word_written_twice_raises_pgserr(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	program_half(f, 0x08FFF004, 0x00FF);
	wr(f, NSCCR, EOP);
	wr(f, NSCR, PG);
	mw(f, 0x08FFF004, 0xFF00, 2);
	h5flash_advance(f, T_HALF);
	assert_true(rd(f, NSSR) & PGSERR);
	h5flash_free(f);
}

static void locked_otp_block_refuses_programming_with_wrperr(void **state)
{
	struct h5flash *f = make_h563();
	assert_int_equal(ob_change(f, OTPBLR_PRG, 1u << 1, &fw_ns), 0);	/* block 1 */
	unlock_ns(f);
	wr(f, NSCR, PG);
	mw(f, 0x08FFF040, 0x1234, 2);		/* block 1 = bytes 0x40..0x7F */
	assert_int_equal(rd(f, NSSR), WRPERR);
	assert_int_equal(rd(f, NSSR) & BSY, 0);
	wr(f, NSCCR, WRPERR);
	mw(f, 0x08FFF03E, 0x1234, 2);		/* last half-word of block 0 */
	h5flash_advance(f, T_HALF);
	assert_int_equal(rd(f, NSSR), EOP);
	h5flash_free(f);
}

static void word_access_to_otp_programs_two_half_words(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	wr(f, NSCR, PG);
	mw(f, 0x08FFF100, 0xAAAA5555, 4);
	h5flash_advance(f, T_HALF);
	assert_int_equal(read_half(f, 0x08FFF100), 0x5555);
	assert_int_equal(read_half(f, 0x08FFF102), 0xAAAA);
	h5flash_free(f);
}

static void secure_code_programs_otp_through_nscr(void **state)
{
	struct h5flash *f = make_h563();
	h5flash_force_tzen(f, true);
	h5flash_system_reset(f);
	unlock_ns(f);
	wr(f, NSCR, PG);
	assert_int_equal(h5flash_mem_write(f, 0x08FFF200, &fw_s, 0x4321, 2), H5FLASH_BUS_OK);
	assert_int_equal(rd(f, NSSR), BSY | DBNE);
	h5flash_advance(f, T_HALF);
	assert_int_equal(read_half(f, 0x08FFF200), 0x4321);
	h5flash_free(f);
}

static void edata_window_is_closed_until_edata_is_enabled(void **state)
{
	struct h5flash *f = make_h563();
	uint16_t v;
	assert_int_equal(h5flash_mem_read(f, 0x09000000, &fw_ns, &v, 2), H5FLASH_BUS_ERROR);
	/* EDATA_EN | STRT=7: the eight last sectors of bank 1 */
	assert_int_equal(ob_change(f, EDATA1R_PRG, 0x8007, &fw_ns), 0);
	assert_int_equal(h5flash_mem_read(f, 0x09000000, &fw_ns, &v, 2), H5FLASH_BUS_OK);
	assert_int_equal(v, 0xFFFF);
	/* H563 EDATA sector 0 is physical sector 120: ADDR_ECC 120 * 0x200 = 0xF000 */
	assert_int_equal(rd(f, ECCDETR), 0x8020F000);
	h5flash_free(f);
}

static void edata_reads_report_the_observed_ecc_addresses(void **state)
{
	struct h5flash *f = make_h563();
	assert_int_equal(ob_change(f, EDATA1R_PRG, 0x8007, &fw_ns), 0);
	read_half(f, 0x09006000);
	assert_int_equal(rd(f, ECCDETR), 0x8020F800);
	wr(f, ECCDETR, 1u << 31);
	read_half(f, 0x09006004);
	assert_int_equal(rd(f, ECCDETR), 0x8020F801);
	wr(f, ECCDETR, 1u << 31);
	read_half(f, 0x09007800);
	assert_int_equal(rd(f, ECCDETR), 0x8020FA00);
	h5flash_free(f);
}

static void h523_edata_read_reports_the_measured_ecc_value(void **state)
{
	struct h5flash *f = make_part(H5FLASH_H52X, 0x80000);
	assert_int_equal(ob_change(f, EDATA1R_PRG, 0x8007, &fw_ns), 0);
	read_half(f, 0x09000004);
	/* F-EDATA: ECCDETR = 0x80203001 on an H523 (EDATA sector 0 = physical sector 24) */
	assert_int_equal(rd(f, ECCDETR), 0x80203001);
	h5flash_free(f);
}

static void edata_with_two_sectors_opens_only_the_last_two(void **state)
{
	struct h5flash *f = make_h563();
	uint16_t v;
	assert_int_equal(ob_change(f, EDATA1R_PRG, 0x8001, &fw_ns), 0);
	assert_int_equal(h5flash_mem_read(f, 0x09000000 + 5 * 0x1800, &fw_ns, &v, 2),
			H5FLASH_BUS_ERROR);
	assert_int_equal(h5flash_mem_read(f, 0x09000000 + 6 * 0x1800, &fw_ns, &v, 2),
			H5FLASH_BUS_OK);
	h5flash_free(f);
}

static void edata_is_programmed_by_half_words_and_erased_with_its_sector(void **state)
{
	struct h5flash *f = make_h563();
	assert_int_equal(ob_change(f, EDATA1R_PRG, 0x8007, &fw_ns), 0);
	unlock_ns(f);
	program_half(f, 0x09001802, 0x7777);	/* EDATA sector 1 = physical sector 121 */
	assert_int_equal(rd(f, NSSR), EOP);
	assert_int_equal(read_half(f, 0x09001802), 0x7777);
	wr(f, NSCR, SER | SNB(121) | STRT);
	h5flash_advance(f, T_SECTOR);
	assert_int_equal(rd(f, NSSR), EOP);
	assert_int_equal(read_half(f, 0x09001802), 0xFFFF);
	assert_true(rd(f, ECCDETR) >> 31);
	h5flash_free(f);
}

static void h503_has_no_edata_window(void **state)
{
	struct h5flash *f = make_part(H5FLASH_H503, 0x20000);
	assert_false(h5flash_owns(f, 0x09000000));
	assert_true(h5flash_owns(f, 0x08FFF000));
	h5flash_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(otp_half_word_is_programmed_once),
		cmocka_unit_test(unwritten_otp_reads_ones_with_a_double_ecc_error),
		cmocka_unit_test(ecc_address_is_latched_only_while_no_flag_is_set),
		cmocka_unit_test(otp_word_written_twice_raises_pgserr),
		cmocka_unit_test(locked_otp_block_refuses_programming_with_wrperr),
		cmocka_unit_test(word_access_to_otp_programs_two_half_words),
		cmocka_unit_test(secure_code_programs_otp_through_nscr),
		cmocka_unit_test(edata_window_is_closed_until_edata_is_enabled),
		cmocka_unit_test(edata_reads_report_the_observed_ecc_addresses),
		cmocka_unit_test(h523_edata_read_reports_the_measured_ecc_value),
		cmocka_unit_test(edata_with_two_sectors_opens_only_the_last_two),
		cmocka_unit_test(edata_is_programmed_by_half_words_and_erased_with_its_sector),
		cmocka_unit_test(h503_has_no_edata_window),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
