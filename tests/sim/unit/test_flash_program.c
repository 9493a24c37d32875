// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of quad-word programming through the 16-byte write buffer
 * (h5-flash-ob.md §3.4 NSSR/NSCR, §5.3, §5.7, §9.2) and of TrustZone sector security (§5.8).
 */

#include "test_flash_util.h"

static void four_word_stores_program_one_quad_word(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	wr(f, NSCR, PG);
	mw(f, 0x08000000, 0x11111111, 4);
	mw(f, 0x08000004, 0x22222222, 4);
	mw(f, 0x08000008, 0x33333333, 4);
	assert_int_equal(rd(f, NSSR), WBNE);
	mw(f, 0x0800000C, 0x44444444, 4);
	assert_int_equal(rd(f, NSSR), BSY);
	assert_true(h5flash_busy(f));
	h5flash_advance(f, T_PROG - 1);
	assert_int_equal(rd(f, NSSR) & BSY, BSY);
	h5flash_advance(f, 1);
	assert_int_equal(rd(f, NSSR), EOP);
	assert_int_equal(mr32(f, 0x08000000), 0x11111111);
	assert_int_equal(mr32(f, 0x0800000C), 0x44444444);
	struct h5flash_stats st;
	h5flash_stats(f, &st);
	assert_int_equal(st.words_programmed, 1);
	assert_int_equal(st.busy_ns, T_PROG);
	h5flash_free(f);
}

static void byte_and_halfword_stores_fill_the_buffer(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	wr(f, NSCR, PG);
	for (uint32_t i = 0; i < 8; i++)
		mw(f, 0x08002010 + i, 0xA0 + i, 1);
	for (uint32_t i = 8; i < 16; i += 2)
		mw(f, 0x08002010 + i, 0xB0B0 + i, 2);
	h5flash_advance(f, T_PROG);
	assert_int_equal(rd(f, NSSR), EOP);
	assert_int_equal(mr32(f, 0x08002010), 0xA3A2A1A0);
	assert_int_equal(mr32(f, 0x08002018), 0xB0BAB0B8);
	h5flash_free(f);
}

static void erased_flash_reads_all_ones(void **state)
{
	struct h5flash *f = make_h563();
	assert_int_equal(mr32(f, 0x08000000), 0xFFFFFFFF);
	assert_int_equal(mr32(f, 0x081FFFFC), 0xFFFFFFFF);
	assert_int_equal(rd(f, ECCDETR), 0);
	h5flash_free(f);
}

static void write_with_pg_clear_raises_pgserr_and_changes_nothing(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	mw(f, 0x08000000, 0, 4);
	assert_int_equal(rd(f, NSSR), PGSERR);
	assert_int_equal(mr32(f, 0x08000000), 0xFFFFFFFF);
	wr(f, NSCCR, PGSERR);
	assert_int_equal(rd(f, NSSR), 0);
	h5flash_free(f);
}

static void same_byte_written_twice_raises_strberr(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	wr(f, NSCR, PG);
	mw(f, 0x08000000, 0x1234, 2);
	mw(f, 0x08000001, 0x56, 1);
	assert_int_equal(rd(f, NSSR), STRBERR);	/* buffer lost: WBNE clear */
	assert_int_equal(mr32(f, 0x08000000), 0xFFFFFFFF);
	wr(f, NSCCR, STRBERR);
	assert_int_equal(rd(f, NSSR), 0);
	h5flash_free(f);
}

static void moving_to_another_word_mid_fill_raises_incerr(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	wr(f, NSCR, PG);
	mw(f, 0x08000000, 0x1, 4);
	mw(f, 0x08000010, 0x2, 4);
	assert_int_equal(rd(f, NSSR), INCERR);
	wr(f, NSCCR, INCERR);
	assert_int_equal(rd(f, NSSR), 0);
	assert_int_equal(mr32(f, 0x08000000), 0xFFFFFFFF);
	h5flash_free(f);
}

static void force_write_programs_missing_bytes_as_ones(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	wr(f, NSCR, PG);
	mw(f, 0x08000004, 0x00000000, 4);
	wr(f, NSCR, PG | FW);
	assert_int_equal(rd(f, NSCR) & FW, 0);
	h5flash_advance(f, T_PROG);
	assert_int_equal(rd(f, NSSR), EOP);
	assert_int_equal(mr32(f, 0x08000000), 0xFFFFFFFF);
	assert_int_equal(mr32(f, 0x08000004), 0);
	assert_int_equal(mr32(f, 0x08000008), 0xFFFFFFFF);
	h5flash_free(f);
}

static void reprogramming_a_word_raises_pgserr_and_corrupts_ecc(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	program_qword(f, 0x08004000, 0xF0F0F0F0);
	wr(f, NSCCR, EOP);
	program_qword(f, 0x08004000, 0x0F0F0F0F);
	assert_true(rd(f, NSSR) & PGSERR);
	assert_int_equal(mr32(f, 0x08004000), 0x00000000);	/* cells ANDed */
	/* double ECC: ECCD, bank 1, word index 0x4000 / 16 = 0x400 */
	assert_int_equal(rd(f, ECCDETR), 0x80000400);
	assert_true(h5flash_take_nmi(f));
	h5flash_free(f);
}

static void reprogram_policy_pgserr_only_leaves_the_word(void **state)
{
	struct h5flash *f = make_h563();
	struct h5flash_settings s;
	h5flash_get_settings(f, &s);
	s.reprogram = H5FLASH_REPROG_PGSERR_ONLY;
	h5flash_set_settings(f, &s);
	unlock_ns(f);
	program_qword(f, 0x08004000, 0xF0F0F0F0);
	program_qword(f, 0x08004000, 0x0F0F0F0F);
	assert_true(rd(f, NSSR) & PGSERR);
	assert_int_equal(mr32(f, 0x08004000), 0xF0F0F0F0);
	assert_int_equal(rd(f, ECCDETR), 0);
	h5flash_free(f);
}

static void write_protected_group_refuses_programming(void **state)
{
	struct h5flash *f = make_h563();
	/* WRPSG bit 1 = 0 protects sectors 4..7 of bank 1 */
	assert_int_equal(ob_change(f, WRP1R_PRG, 0xFFFFFFFD, &fw_ns), 0);
	assert_int_equal(rd(f, WRP1R_CUR), 0xFFFFFFFD);
	unlock_ns(f);
	program_qword(f, 0x08008000, 0x12345678);	/* sector 4 */
	assert_int_equal(rd(f, NSSR), WRPERR);
	assert_int_equal(mr32(f, 0x08008000), 0xFFFFFFFF);
	wr(f, NSCCR, WRPERR);
	program_qword(f, 0x08006000, 0x12345678);	/* sector 3: free */
	assert_int_equal(rd(f, NSSR), EOP);
	assert_int_equal(mr32(f, 0x08006000), 0x12345678);
	h5flash_free(f);
}

static void h503_protects_one_sector_per_wrp_bit(void **state)
{
	struct h5flash *f = make_part(H5FLASH_H503, 0x20000);
	assert_int_equal(ob_change(f, WRP1R_PRG, 0xFD, &fw_ns), 0);
	unlock_ns(f);
	program_qword(f, 0x08002000, 1);	/* sector 1: protected */
	assert_int_equal(rd(f, NSSR), WRPERR);
	wr(f, NSCCR, WRPERR);
	program_qword(f, 0x08004000, 1);	/* sector 2 */
	assert_int_equal(rd(f, NSSR), EOP);
	h5flash_free(f);
}

static void non_secure_alias_cannot_program_a_secure_sector(void **state)
{
	struct h5flash *f = make_h563();
	h5flash_force_tzen(f, true);
	h5flash_system_reset(f);
	/* watermark bank 1: sectors 0..3 secure */
	assert_int_equal(ob_change(f, SECWM1R_PRG, 0x00030000, &fw_s), 0);
	unlock_ns(f);
	program_qword(f, 0x08000000, 0xAA);
	assert_int_equal(rd(f, NSSR), WRPERR);
	uint32_t v;
	assert_int_equal(h5flash_mem_read(f, 0x08000000, &fw_ns, &v, 4), H5FLASH_BUS_ERROR);
	assert_int_equal(h5flash_mem_read(f, 0x0C000000, &fw_s, &v, 4), H5FLASH_BUS_OK);
	assert_int_equal(h5flash_mem_read(f, 0x0C000000, &fw_ns, &v, 4), H5FLASH_BUS_ERROR);
	h5flash_free(f);
}

static void secure_alias_programs_through_seccr(void **state)
{
	struct h5flash *f = make_h563();
	h5flash_force_tzen(f, true);
	h5flash_system_reset(f);
	wr_s(f, SECBB1R1, 0x1);		/* sector 0 of bank 1 secure by SECBB */
	wr_s(f, SECKEYR, 0x45670123);
	wr_s(f, SECKEYR, 0xCDEF89AB);
	wr_s(f, SECCR, PG);
	for (int i = 0; i < 4; i++)
		assert_int_equal(h5flash_mem_write(f, 0x0C000000 + 4 * i, &fw_s, 0x5A5A0000 + i, 4),
				H5FLASH_BUS_OK);
	assert_int_equal(rd_s(f, SECSR), BSY);
	h5flash_advance(f, T_PROG);
	assert_int_equal(rd_s(f, SECSR), EOP);
	assert_int_equal(rd(f, NSSR), 0);
	uint32_t v;
	assert_int_equal(h5flash_mem_read(f, 0x0C000004, &fw_s, &v, 4), H5FLASH_BUS_OK);
	assert_int_equal(v, 0x5A5A0001);
	wr_s(f, SECCCR, EOP);
	assert_int_equal(rd_s(f, SECSR), 0);
	h5flash_free(f);
}

static void secure_alias_is_a_bus_error_without_trustzone(void **state)
{
	struct h5flash *f = make_h563();
	uint32_t v;
	assert_int_equal(h5flash_mem_read(f, 0x0C000000, &fw_s, &v, 4), H5FLASH_BUS_ERROR);
	h5flash_free(f);
}

static void bank_swap_maps_the_first_logical_bank_to_bank_2_after_reset(void **state)
{
	struct h5flash *f = make_h563();
	uint32_t optsr = rd(f, OPTSR_PRG);
	assert_int_equal(ob_change(f, OPTSR_PRG, optsr | 1u << 31, &fw_ns), 0);
	assert_true(rd(f, OPTSR_CUR) & 1u << 31);
	assert_int_equal(rd(f, OPTCR) & 1u << 31, 0);	/* not before reset */
	h5flash_system_reset(f);
	assert_int_equal(rd(f, OPTCR) & 1u << 31, 1u << 31);
	unlock_ns(f);
	program_qword(f, 0x08000000, 0xCAFE0000);
	/* physical bank 2 sector 0 now holds it: erase bank 2 physically (BKSEL) */
	wr(f, NSCR, SER | SNB(0) | BKSEL | STRT);
	h5flash_advance(f, T_SECTOR);
	assert_int_equal(mr32(f, 0x08000000), 0xFFFFFFFF);
	h5flash_free(f);
}

static void hdp_area_is_hidden_once_the_hdpl_is_above_1(void **state)
{
	struct h5flash *f = make_h563();
	uint32_t v;
	/* HDP1: sectors 0..1 (STRT=0, END=1); extension: 2 more sectors (2..3) */
	assert_int_equal(ob_change(f, HDP1R_PRG, 0x00010000, &fw_ns), 0);
	wr(f, HDPEXTR, 2);
	unlock_ns(f);
	program_qword(f, 0x08000000, 0x1);	/* HDPL1: allowed */
	assert_int_equal(rd(f, NSSR), EOP);
	wr(f, NSCCR, EOP);
	h5flash_set_hdpl(f, 2, 2);
	assert_int_equal(h5flash_mem_read(f, 0x08000000, &fw_ns, &v, 4), H5FLASH_BUS_ERROR);
	assert_int_equal(h5flash_mem_read(f, 0x08004000, &fw_ns, &v, 4), H5FLASH_BUS_OK);
	program_qword(f, 0x08002000, 0x2);	/* sector 1: hidden */
	assert_int_equal(rd(f, NSSR), WRPERR);
	wr(f, NSCCR, WRPERR);
	h5flash_set_hdpl(f, 3, 3);
	assert_int_equal(h5flash_mem_read(f, 0x08004000, &fw_ns, &v, 4), H5FLASH_BUS_ERROR);
	assert_int_equal(h5flash_mem_read(f, 0x08008000, &fw_ns, &v, 4), H5FLASH_BUS_OK);
	wr(f, NSCR, SER | SNB(3) | STRT);	/* extension sector: hidden at HDPL3 */
	assert_int_equal(rd(f, NSSR), WRPERR);
	h5flash_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(four_word_stores_program_one_quad_word),
		cmocka_unit_test(byte_and_halfword_stores_fill_the_buffer),
		cmocka_unit_test(erased_flash_reads_all_ones),
		cmocka_unit_test(write_with_pg_clear_raises_pgserr_and_changes_nothing),
		cmocka_unit_test(same_byte_written_twice_raises_strberr),
		cmocka_unit_test(moving_to_another_word_mid_fill_raises_incerr),
		cmocka_unit_test(force_write_programs_missing_bytes_as_ones),
		cmocka_unit_test(reprogramming_a_word_raises_pgserr_and_corrupts_ecc),
		cmocka_unit_test(reprogram_policy_pgserr_only_leaves_the_word),
		cmocka_unit_test(write_protected_group_refuses_programming),
		cmocka_unit_test(h503_protects_one_sector_per_wrp_bit),
		cmocka_unit_test(non_secure_alias_cannot_program_a_secure_sector),
		cmocka_unit_test(secure_alias_programs_through_seccr),
		cmocka_unit_test(secure_alias_is_a_bus_error_without_trustzone),
		cmocka_unit_test(bank_swap_maps_the_first_logical_bank_to_bank_2_after_reset),
		cmocka_unit_test(hdp_area_is_hidden_once_the_hdpl_is_above_1),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
