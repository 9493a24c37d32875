// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of persistence (save/load as a power cycle), the text dump, the operation log and
 * the partial states that a power loss in the middle of an operation leaves (documented in
 * contrib/h5sim/flash/flash.c; OPSR codes from h5-flash-ob.md §3.4).
 */

#include <stdio.h>
#include <stdlib.h>

#include "test_flash_util.h"

static char *dump_of(struct h5flash *f)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	assert_non_null(m);
	h5flash_dump(f, m);
	fclose(m);
	/* statistics differ between a model and its reloaded copy: cut them */
	char *stats = strstr(buf, "stats ");
	if (stats)
		*stats = 0;
	return buf;
}

static struct h5flash *part_with_everything(void)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	program_qword(f, 0x08000000, 0x1000);
	program_qword(f, 0x08150000, 0x2000);
	wr(f, NSCR, PG);
	mw(f, 0x08FFF000, 0xC0DE, 2);
	h5flash_advance(f, T_HALF);
	for (int i = 0; i < 4; i++)
		mw(f, 0x0BFD0100 + 4 * i, 0xDA, 4);
	h5flash_advance(f, T_PROG);
	wr(f, NSCR, 0);
	assert_int_equal(ob_change(f, WRP1R_PRG, 0xFFFFFF0F, &fw_ns), 0);
	assert_int_equal(ob_change(f, EDATA1R_PRG, 0x8007, &fw_ns), 0);
	wr(f, NSCR, PG);
	mw(f, 0x09000010, 0x5151, 2);
	h5flash_advance(f, T_HALF);
	assert_int_equal(set_pstate(f, 0x17, &dbg_ns) & OPTCHANGEERR, 0);
	return f;
}

static void save_and_load_round_trip_keeps_everything(void **state)
{
	struct h5flash *f = part_with_everything();
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	assert_true(h5flash_save(f, m));
	fclose(m);

	struct h5flash *g = make_h563();
	FILE *in = fmemopen(buf, len, "r");
	assert_true(h5flash_load(g, in));
	fclose(in);
	h5flash_system_reset(f);		/* a power cycle of the original */
	char *d1 = dump_of(f), *d2 = dump_of(g);
	assert_string_equal(d1, d2);
	assert_non_null(strstr(d2, "product_state 0x17\n"));
	assert_non_null(strstr(d2, "sector 1.0 programmed"));
	assert_non_null(strstr(d2, "sector 1.1 erased"));
	assert_int_equal(mr32(g, 0x08150000), 0x2000);
	assert_int_equal(rd(g, WRP1R_CUR), 0xFFFFFF0F);
	uint16_t h;
	assert_int_equal(h5flash_mem_read(g, 0x09000010, &fw_ns, &h, 2), H5FLASH_BUS_OK);
	assert_int_equal(h, 0x5151);
	free(d1);
	free(d2);
	free(buf);
	h5flash_free(f);
	h5flash_free(g);
}

static void load_refuses_a_state_of_another_part(void **state)
{
	struct h5flash *f = make_h563();
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	assert_true(h5flash_save(f, m));
	fclose(m);
	struct h5flash *g = make_part(H5FLASH_H52X, 0x80000);
	FILE *in = fmemopen(buf, len, "r");
	assert_false(h5flash_load(g, in));
	fclose(in);
	free(buf);
	h5flash_free(f);
	h5flash_free(g);
}

static void load_refuses_garbage_and_truncated_files(void **state)
{
	struct h5flash *f = make_h563();
	char garbage[] = "hello\n";
	FILE *in = fmemopen(garbage, strlen(garbage), "r");
	assert_false(h5flash_load(f, in));
	fclose(in);
	char truncated[] = "h5flash-state 1\nvariant 2\nflash_size 0x00200000\n";
	in = fmemopen(truncated, strlen(truncated), "r");
	assert_false(h5flash_load(f, in));
	fclose(in);
	h5flash_free(f);
}

static void power_loss_during_programming_leaves_a_double_ecc_word(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	wr(f, NSCR, PG);
	for (int i = 0; i < 4; i++)
		mw(f, 0x08002000 + 4 * i, 0x0F0F0F0F, 4);
	h5flash_advance(f, T_PROG / 2);
	h5flash_power_loss(f);
	assert_false(h5flash_busy(f));
	assert_int_equal(rd(f, OPSR) >> 29, 1);		/* CODE_OP single write */
	assert_int_equal(rd(f, OPSR) & 0xFFFFF, 0x2000);
	mr32(f, 0x08002000);
	assert_int_equal(rd(f, ECCDETR), 0x80000200);	/* ECCD, word 0x2000 / 16 */
	unlock_ns(f);
	program_qword(f, 0x08002000, 0);
	assert_true(rd(f, NSSR) & PGSERR);			/* not erased */
	h5flash_free(f);
}

static void power_loss_during_otp_programming_leaves_a_double_ecc_half_word(void **state)
{
	struct h5flash *f = make_h563();
	uint16_t v;
	unlock_ns(f);
	wr(f, NSCR, PG);
	mw(f, 0x08FFF010, 0x1234, 2);
	h5flash_power_loss(f);
	assert_int_equal(rd(f, OPSR), 1u << 29 | 1u << 24 | 0x10);	/* single write, OTP */
	assert_int_equal(h5flash_mem_read(f, 0x08FFF010, &fw_ns, &v, 2), H5FLASH_BUS_OK);
	assert_int_equal(v, 0x1234);
	assert_int_equal(rd(f, ECCDETR), 0x81000608);
	h5flash_free(f);
}

static void power_loss_during_sector_erase_leaves_half_a_sector(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	program_qword(f, 0x08004000, 0xA);	/* sector 2, first half */
	program_qword(f, 0x08005F00, 0xB);	/* sector 2, second half */
	wr(f, NSCR, SER | SNB(2) | STRT);
	h5flash_advance(f, T_SECTOR / 2);
	h5flash_power_loss(f);
	assert_int_equal(rd(f, OPSR) >> 29, 3);
	assert_int_equal(mr32(f, 0x08004000), 0xFFFFFFFF);
	assert_int_equal(mr32(f, 0x08005F00), 0xB);
	h5flash_free(f);
}

static void power_loss_during_mass_erase_erases_the_lower_sectors(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	program_qword(f, 0x08000000, 1);	/* bank 1 sector 0 */
	program_qword(f, 0x080FE000, 2);	/* bank 1 sector 127 */
	wr(f, NSCR, MER | STRT);
	h5flash_power_loss(f);
	assert_int_equal(rd(f, OPSR) >> 29, 5);
	assert_int_equal(mr32(f, 0x08000000), 0xFFFFFFFF);
	assert_int_equal(mr32(f, 0x080FE000), 2);
	h5flash_free(f);
}

static void power_loss_during_option_change_commits_nothing(void **state)
{
	struct h5flash *f = make_h563();
	unlock_opt(f);
	wr(f, WRP1R_PRG, 0xFFFFFFFE);
	wr(f, OPTCR, OPTSTRT);
	h5flash_advance(f, T_OPT / 2);
	h5flash_power_loss(f);
	assert_int_equal(rd(f, OPSR) >> 29, 6);
	assert_int_equal(rd(f, WRP1R_CUR), 0xFFFFFFFF);
	assert_int_equal(rd(f, OPTCR), OPTLOCK);
	h5flash_free(f);
}

static void every_program_erase_and_option_change_is_logged(void **state)
{
	struct h5flash *f = make_h563();
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	h5flash_set_log(f, m);
	unlock_ns(f);
	program_qword(f, 0x08000000, 1);
	wr(f, NSCR, SER | SNB(0) | STRT);
	h5flash_advance(f, T_SECTOR);
	assert_int_equal(ob_change(f, WRP1R_PRG, 0xFFFFFFFE, &fw_ns), 0);
	h5flash_set_log(f, NULL);
	fclose(m);
	assert_non_null(strstr(buf, "program user bank=1 sector=0"));
	assert_non_null(strstr(buf, "erase sector bank=1 sector=0"));
	assert_non_null(strstr(buf, "option change wrp1r 0xffffffff -> 0xfffffffe"));
	free(buf);
	struct h5flash_stats st;
	h5flash_stats(f, &st);
	assert_int_equal(st.words_programmed, 1);
	assert_int_equal(st.sectors_erased, 1);
	assert_int_equal(st.option_changes, 1);
	h5flash_free(f);
}

static void create_refuses_impossible_configurations(void **state)
{
	struct h5flash_config cfg = { .variant = H5FLASH_H503, .flash_size = 0x40000 };
	assert_null(h5flash_create(&cfg));	/* H503 has at most 128 KiB */
	cfg.variant = H5FLASH_H56X;
	cfg.flash_size = 0x1000;
	assert_null(h5flash_create(&cfg));
	assert_null(h5flash_create(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(save_and_load_round_trip_keeps_everything),
		cmocka_unit_test(load_refuses_a_state_of_another_part),
		cmocka_unit_test(load_refuses_garbage_and_truncated_files),
		cmocka_unit_test(power_loss_during_programming_leaves_a_double_ecc_word),
		cmocka_unit_test(power_loss_during_otp_programming_leaves_a_double_ecc_half_word),
		cmocka_unit_test(power_loss_during_sector_erase_leaves_half_a_sector),
		cmocka_unit_test(power_loss_during_mass_erase_erases_the_lower_sectors),
		cmocka_unit_test(power_loss_during_option_change_commits_nothing),
		cmocka_unit_test(every_program_erase_and_option_change_is_logged),
		cmocka_unit_test(create_refuses_impossible_configurations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
