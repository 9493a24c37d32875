// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of the flash model's register file: reset values, key unlock/lock semantics of
 * NSCR/SECCR/OPTCR/OBKCFGR (h5-flash-ob.md §3.3), status/clear registers (§3.4, §5.7),
 * secure block availability (§5.8) and the RO area (§1.1).
 */

#include "test_flash_util.h"

static void reset_values_match_the_register_table(void **state)
{
	struct h5flash *f = make_h563();
	assert_int_equal(rd(f, 0x000), 0x13);		/* ACR */
	assert_int_equal(rd(f, OPTCR), 0x1);
	assert_int_equal(rd(f, NSCR), 0x1);
	assert_int_equal(rd(f, NSSR), 0);
	assert_int_equal(rd(f, NSOBKCFGR), 0x01FF0001);	/* SVD value with LOCK=1 [U] */
	assert_int_equal(pstate(f), 0xED);
	assert_int_equal(rd(f, OPTSR2_CUR) >> 24, 0xC3);
	assert_int_equal(rd(f, WRP1R_CUR), 0xFFFFFFFF);
	assert_int_equal(rd(f, NSBOOTR_CUR), 0x080000C3);
	h5flash_free(f);
}

static void correct_key_sequence_unlocks_nscr(void **state)
{
	struct h5flash *f = make_h563();
	assert_int_equal(rd(f, NSCR) & LOCK, LOCK);
	wr(f, NSKEYR, 0x45670123);
	assert_int_equal(rd(f, NSCR) & LOCK, LOCK);
	wr(f, NSKEYR, 0xCDEF89AB);
	assert_int_equal(rd(f, NSCR) & LOCK, 0);
	h5flash_free(f);
}

static void wrong_key_locks_nscr_until_reset(void **state)
{
	struct h5flash *f = make_h563();
	wr(f, NSKEYR, 0x45670123);
	wr(f, NSKEYR, 0x12345678);
	wr(f, NSKEYR, 0x45670123);
	wr(f, NSKEYR, 0xCDEF89AB);
	assert_int_equal(rd(f, NSCR) & LOCK, LOCK);
	h5flash_system_reset(f);
	unlock_ns(f);
	h5flash_free(f);
}

static void second_unlock_sequence_locks_until_reset(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	wr(f, NSKEYR, 0x45670123);
	assert_int_equal(rd(f, NSCR) & LOCK, LOCK);
	wr(f, NSKEYR, 0xCDEF89AB);
	assert_int_equal(rd(f, NSCR) & LOCK, LOCK);
	h5flash_free(f);
}

static void setting_lock_keeps_other_bits_and_allows_a_new_unlock(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	wr(f, NSCR, PG | SNB(5));
	wr(f, NSCR, LOCK);
	assert_int_equal(rd(f, NSCR), LOCK | PG | SNB(5));
	unlock_ns(f);
	h5flash_free(f);
}

static void nscr_ignores_writes_while_locked(void **state)
{
	struct h5flash *f = make_h563();
	wr(f, NSCR, PG | SER);
	assert_int_equal(rd(f, NSCR), LOCK);
	h5flash_free(f);
}

static void optkeyr_unlocks_optcr_and_wrong_key_sticks(void **state)
{
	struct h5flash *f = make_h563();
	unlock_opt(f);
	wr(f, OPTCR, OPTLOCK);
	assert_int_equal(rd(f, OPTCR) & OPTLOCK, OPTLOCK);
	wr(f, OPTKEYR, 0x45670123);	/* flash key into the option key register */
	wr(f, OPTKEYR, 0x08192A3B);
	wr(f, OPTKEYR, 0x4C5D6E7F);
	assert_int_equal(rd(f, OPTCR) & OPTLOCK, OPTLOCK);
	h5flash_free(f);
}

static void obk_keys_unlock_nsobkcfgr(void **state)
{
	struct h5flash *f = make_h563();
	wr(f, NSOBKKEYR, 0x192A083B);
	wr(f, NSOBKKEYR, 0x6E7F4C5D);
	assert_int_equal(rd(f, NSOBKCFGR) & LOCK, 0);
	h5flash_free(f);
}

static void prg_registers_are_read_only_while_optlock_is_set(void **state)
{
	struct h5flash *f = make_h563();
	wr(f, WRP1R_PRG, 0xFFFFFFFE);
	assert_int_equal(rd(f, WRP1R_PRG), 0xFFFFFFFF);
	unlock_opt(f);
	wr(f, WRP1R_PRG, 0xFFFFFFFE);
	assert_int_equal(rd(f, WRP1R_PRG), 0xFFFFFFFE);
	assert_int_equal(rd(f, WRP1R_CUR), 0xFFFFFFFF);
	h5flash_free(f);
}

static void optstrt_while_optlock_raises_pgserr(void **state)
{
	struct h5flash *f = make_h563();
	wr(f, OPTCR, OPTSTRT);
	assert_int_equal(rd(f, NSSR), PGSERR);
	wr(f, NSCCR, PGSERR);
	assert_int_equal(rd(f, NSSR), 0);
	h5flash_free(f);
}

static void seccr_has_its_own_key_machine(void **state)
{
	struct h5flash *f = make_h563();
	h5flash_force_tzen(f, true);
	h5flash_system_reset(f);
	wr_s(f, SECKEYR, 0x45670123);
	wr_s(f, SECKEYR, 0xCDEF89AB);
	assert_int_equal(rd_s(f, SECCR) & LOCK, 0);
	assert_int_equal(rd(f, NSCR) & LOCK, LOCK);
	h5flash_free(f);
}

static void secure_block_is_a_bus_error_without_trustzone(void **state)
{
	struct h5flash *f = make_h563();
	uint32_t v;
	assert_int_equal(h5flash_reg_read(f, NSSR, true, &fw_s, &v), H5FLASH_BUS_ERROR);
	h5flash_force_tzen(f, true);
	h5flash_system_reset(f);
	assert_int_equal(h5flash_reg_read(f, NSSR, true, &fw_s, &v), H5FLASH_BUS_OK);
	assert_int_equal(h5flash_reg_read(f, NSSR, true, &fw_ns, &v), H5FLASH_BUS_ERROR);
	h5flash_free(f);
}

static void h503_has_no_secure_block(void **state)
{
	struct h5flash *f = make_part(H5FLASH_H503, 0x20000);
	uint32_t v;
	h5flash_force_tzen(f, true);
	assert_false(h5flash_tzen(f));
	assert_int_equal(h5flash_reg_read(f, NSSR, true, &fw_s, &v), H5FLASH_BUS_ERROR);
	assert_int_equal(rd(f, NSOBKCFGR), 0);	/* absent register */
	h5flash_free(f);
}

static void non_secure_master_cannot_write_secbb(void **state)
{
	struct h5flash *f = make_h563();
	h5flash_force_tzen(f, true);
	h5flash_system_reset(f);
	wr(f, SECBB1R1, 0xFFFFFFFF);
	assert_int_equal(rd(f, SECBB1R1), 0);
	wr_s(f, SECBB1R1, 0xFFFFFFFF);
	assert_int_equal(rd(f, SECBB1R1), 0xFFFFFFFF);
	h5flash_free(f);
}

static void optchangeerr_cleared_only_by_nsccr(void **state)
{
	struct h5flash *f = make_h563();
	assert_true(set_pstate(f, 0x72, &fw_ns) & OPTCHANGEERR);	/* Open -> Closed */
	h5flash_force_tzen(f, true);
	h5flash_system_reset(f);
	assert_true(set_pstate(f, 0x72, &fw_ns) & OPTCHANGEERR);
	assert_int_equal(rd_s(f, SECSR) & OPTCHANGEERR, 0);
	wr_s(f, SECCCR, OPTCHANGEERR);
	assert_true(rd(f, NSSR) & OPTCHANGEERR);
	wr(f, NSCCR, OPTCHANGEERR);
	assert_int_equal(rd(f, NSSR) & OPTCHANGEERR, 0);
	h5flash_free(f);
}

static void optstrt_is_ignored_while_optchangeerr_is_set(void **state)
{
	struct h5flash *f = make_h563();
	assert_true(set_pstate(f, 0x72, &fw_ns) & OPTCHANGEERR);
	wr(f, WRP1R_PRG, 0xFFFFFFFE);
	wr(f, OPTCR, OPTSTRT);
	assert_int_equal(rd(f, NSSR) & BSY, 0);
	h5flash_advance(f, T_OPT);
	assert_int_equal(rd(f, WRP1R_CUR), 0xFFFFFFFF);
	h5flash_free(f);
}

static void ro_area_returns_uid_flash_size_and_package(void **state)
{
	struct h5flash *f = make_h563();
	uint8_t ro[16];
	assert_int_equal(h5flash_mem_read(f, 0x08FFF800, &dbg_ns, ro, 16), H5FLASH_BUS_OK);
	assert_int_equal(ro[0], 1);
	assert_int_equal(ro[11], 12);
	assert_int_equal(ro[12] | ro[13] << 8, 2048);
	assert_int_equal(ro[14] | ro[15] << 8, 0x03);
	assert_true(h5flash_owns(f, 0x08FFF80C));
	assert_false(h5flash_owns(f, 0x20000000));
	h5flash_free(f);
}

static void nspriv_makes_the_non_secure_block_privileged_only(void **state)
{
	struct h5flash *f = make_h563();
	const struct h5flash_access user = { .secure = false, .privileged = false };
	uint32_t v = 0xDEAD;
	wr(f, PRIVCFGR, 0x2);
	assert_int_equal(h5flash_reg_read(f, NSCR, false, &user, &v), H5FLASH_BUS_OK);
	assert_int_equal(v, 0);
	wr_acc(f, NSKEYR, 0x45670123, &user);
	wr_acc(f, NSKEYR, 0xCDEF89AB, &user);
	assert_int_equal(rd(f, NSCR) & LOCK, LOCK);
	unlock_ns(f);				/* privileged: fine */
	h5flash_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reset_values_match_the_register_table),
		cmocka_unit_test(correct_key_sequence_unlocks_nscr),
		cmocka_unit_test(wrong_key_locks_nscr_until_reset),
		cmocka_unit_test(second_unlock_sequence_locks_until_reset),
		cmocka_unit_test(setting_lock_keeps_other_bits_and_allows_a_new_unlock),
		cmocka_unit_test(nscr_ignores_writes_while_locked),
		cmocka_unit_test(optkeyr_unlocks_optcr_and_wrong_key_sticks),
		cmocka_unit_test(obk_keys_unlock_nsobkcfgr),
		cmocka_unit_test(prg_registers_are_read_only_while_optlock_is_set),
		cmocka_unit_test(optstrt_while_optlock_raises_pgserr),
		cmocka_unit_test(seccr_has_its_own_key_machine),
		cmocka_unit_test(secure_block_is_a_bus_error_without_trustzone),
		cmocka_unit_test(h503_has_no_secure_block),
		cmocka_unit_test(non_secure_master_cannot_write_secbb),
		cmocka_unit_test(optchangeerr_cleared_only_by_nsccr),
		cmocka_unit_test(optstrt_is_ignored_while_optchangeerr_is_set),
		cmocka_unit_test(ro_area_returns_uid_flash_size_and_package),
		cmocka_unit_test(nspriv_makes_the_non_secure_block_privileged_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
