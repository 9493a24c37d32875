// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of option bytes and product state: every transition row of h5-flash-ob.md §4.4
 * (allowed ones change the state, refused ones set OPTCHANGEERR and change nothing), the
 * OPTCHANGEERR rules of §4.6/§9.2, what takes effect at reset (§4.6) and the regressions.
 */

#include <stdio.h>

#include "test_flash_util.h"

#define OPEN	0xED
#define PROV	0x17
#define IROT	0x2E
#define TZC	0xC6
#define CLOSED	0x72
#define LOCKED	0x5C
#define REGR	0x9A
#define NSREGR	0xA3

enum who { FW_HDPL1, FW_HDPL2, DEBUGGER };

struct row {
	uint8_t from, to;
	bool tz;
	enum who who;
	bool allowed;
};

/* Written by hand from §4.4 (and the brief's rule: regression codes only from firmware) */
static const struct row rows[] = {
	{ OPEN, PROV, false, DEBUGGER, true },
	{ OPEN, PROV, false, FW_HDPL1, true },
	{ OPEN, IROT, false, FW_HDPL1, true },
	{ OPEN, CLOSED, false, DEBUGGER, false },
	{ OPEN, TZC, true, DEBUGGER, false },
	{ OPEN, LOCKED, false, FW_HDPL1, false },
	{ OPEN, REGR, false, FW_HDPL1, false },
	{ PROV, CLOSED, false, DEBUGGER, true },
	{ PROV, IROT, false, DEBUGGER, true },
	{ PROV, TZC, true, DEBUGGER, true },
	{ PROV, TZC, false, DEBUGGER, false },		/* TZ-Closed without TZ */
	{ PROV, LOCKED, false, DEBUGGER, true },
	{ PROV, OPEN, false, DEBUGGER, false },		/* [U] setting, default refused */
	{ IROT, CLOSED, false, FW_HDPL1, true },
	{ IROT, TZC, true, FW_HDPL1, true },
	{ IROT, LOCKED, false, FW_HDPL1, true },
	{ IROT, PROV, false, FW_HDPL1, false },		/* only forward */
	{ IROT, REGR, false, FW_HDPL1, true },
	{ TZC, CLOSED, true, DEBUGGER, true },
	{ TZC, LOCKED, true, DEBUGGER, true },
	{ TZC, REGR, true, FW_HDPL1, true },
	{ TZC, IROT, true, FW_HDPL1, false },
	{ CLOSED, LOCKED, false, FW_HDPL1, true },
	{ CLOSED, REGR, false, FW_HDPL1, true },
	{ CLOSED, REGR, false, FW_HDPL2, false },	/* regression only at HDPL1 */
	{ CLOSED, REGR, false, DEBUGGER, false },	/* debugger may not write 0x9A */
	{ CLOSED, NSREGR, true, FW_HDPL1, true },
	{ CLOSED, NSREGR, false, FW_HDPL1, false },	/* NS regression needs TZ */
	{ CLOSED, NSREGR, true, DEBUGGER, false },
	{ CLOSED, OPEN, false, FW_HDPL1, false },	/* F-H533 */
	{ CLOSED, PROV, false, DEBUGGER, false },
	{ CLOSED, TZC, true, FW_HDPL1, false },
	{ LOCKED, OPEN, false, FW_HDPL1, false },
	{ LOCKED, REGR, false, FW_HDPL1, false },
	{ LOCKED, CLOSED, false, DEBUGGER, false },
	{ OPEN, 0x55, false, DEBUGGER, false },		/* not a product-state code */
};

static const char *state_name(uint8_t ps)
{
	switch (ps) {
	case OPEN: return "open";
	case PROV: return "provisioning";
	case IROT: return "irot_provisioned";
	case TZC: return "tz_closed";
	case CLOSED: return "closed";
	case LOCKED: return "locked";
	case REGR: return "regression";
	case NSREGR: return "ns_regression";
	default: return "invalid_code";
	}
}

static void transition_row_behaves_as_the_table_says(void **state)
{
	const struct row *r = *state;
	struct h5flash *f = make_h563();
	const struct h5flash_access *who = r->who == DEBUGGER ? &dbg_ns : &fw_ns;

	h5flash_force_tzen(f, r->tz);
	h5flash_force_product_state(f, r->from);
	h5flash_system_reset(f);
	h5flash_set_hdpl(f, r->who == FW_HDPL2 ? 2 : 1, 1);
	unlock_opt(f);
	/* change a WRP group in the same OPTSTRT: a refused change must leave it */
	wr(f, WRP1R_PRG, 0xFFFFFFFE);
	uint32_t sr = set_pstate(f, r->to, who);
	if (r->allowed) {
		assert_int_equal(sr & OPTCHANGEERR, 0);
		assert_int_equal(pstate(f), r->to);
		assert_int_equal(rd(f, WRP1R_CUR), 0xFFFFFFFE);
	} else {
		assert_int_equal(sr & OPTCHANGEERR, OPTCHANGEERR);
		assert_int_equal(pstate(f), r->from);
		assert_int_equal(rd(f, WRP1R_CUR), 0xFFFFFFFF);
	}
	h5flash_free(f);
}

static void settings_allow_the_unconfirmed_transitions(void **state)
{
	struct h5flash *f = make_h563();
	struct h5flash_settings s;
	h5flash_get_settings(f, &s);
	s.provisioning_to_open = true;
	s.debugger_may_write_regression = true;
	h5flash_set_settings(f, &s);
	h5flash_force_product_state(f, PROV);
	h5flash_system_reset(f);
	assert_int_equal(set_pstate(f, OPEN, &dbg_ns) & OPTCHANGEERR, 0);
	assert_int_equal(pstate(f), OPEN);
	h5flash_force_product_state(f, CLOSED);
	h5flash_system_reset(f);
	assert_int_equal(set_pstate(f, REGR, &dbg_ns) & OPTCHANGEERR, 0);
	assert_int_equal(pstate(f), REGR);
	h5flash_free(f);
}

static void open_to_irot_then_closed_in_the_same_boot(void **state)
{
	struct h5flash *f = make_h563();
	assert_int_equal(set_pstate(f, IROT, &fw_ns) & OPTCHANGEERR, 0);
	assert_int_equal(set_pstate(f, CLOSED, &fw_ns) & OPTCHANGEERR, 0);
	assert_int_equal(pstate(f), CLOSED);
	h5flash_system_reset(f);
	assert_int_equal(h5flash_product_state(f), CLOSED);
	h5flash_free(f);
}

static void option_change_takes_the_option_change_time(void **state)
{
	struct h5flash *f = make_h563();
	unlock_opt(f);
	wr(f, WRP1R_PRG, 0xFFFFFFFE);
	wr(f, OPTCR, OPTSTRT);
	assert_int_equal(rd(f, NSSR), BSY);
	assert_true(rd(f, OPTCR) & OPTSTRT);
	wr(f, WRP1R_PRG, 0xFFFFFFFC);		/* _PRG locked while the change runs */
	h5flash_advance(f, T_OPT - 1);
	assert_int_equal(rd(f, WRP1R_CUR), 0xFFFFFFFF);
	h5flash_advance(f, 1);
	assert_int_equal(rd(f, NSSR), 0);
	assert_int_equal(rd(f, OPTCR) & OPTSTRT, 0);
	assert_int_equal(rd(f, WRP1R_CUR), 0xFFFFFFFE);
	h5flash_system_reset(f);
	assert_int_equal(rd(f, WRP1R_CUR), 0xFFFFFFFE);	/* kept in the store */
	h5flash_free(f);
}

static void tzen_change_in_open_takes_effect_at_reset(void **state)
{
	struct h5flash *f = make_h563();
	uint32_t o2 = rd(f, OPTSR2_PRG);
	assert_int_equal(ob_change(f, OPTSR2_PRG, (o2 & 0x00FFFFFF) | 0xB4000000, &fw_ns), 0);
	assert_int_equal(rd(f, OPTSR2_CUR) >> 24, 0xB4);
	assert_false(h5flash_tzen(f));
	h5flash_system_reset(f);
	assert_true(h5flash_tzen(f));
	/* enabling TZ made the whole flash secure: STRT=0, END=127 */
	assert_int_equal(rd(f, SECWM1R_CUR), 0x007F0000);
	uint32_t v;
	assert_int_equal(h5flash_mem_read(f, 0x08000000, &fw_ns, &v, 4), H5FLASH_BUS_ERROR);
	assert_int_equal(h5flash_mem_read(f, 0x0C000000, &fw_s, &v, 4), H5FLASH_BUS_OK);
	h5flash_free(f);
}

static void tzen_change_outside_open_is_refused(void **state)
{
	struct h5flash *f = make_h563();
	h5flash_force_product_state(f, PROV);
	h5flash_system_reset(f);
	uint32_t o2 = rd(f, OPTSR2_PRG);
	assert_true(ob_change(f, OPTSR2_PRG, (o2 & 0x00FFFFFF) | 0xB4000000, &fw_ns) & OPTCHANGEERR);
	assert_int_equal(rd(f, OPTSR2_CUR) >> 24, 0xC3);
	h5flash_free(f);
}

static void otp_lock_bits_can_be_set_but_not_cleared(void **state)
{
	struct h5flash *f = make_h563();
	assert_int_equal(ob_change(f, OTPBLR_PRG, 0x3, &fw_ns), 0);
	assert_int_equal(rd(f, OTPBLR_CUR), 0x3);
	assert_true(ob_change(f, OTPBLR_PRG, 0x1, &fw_ns) & OPTCHANGEERR);
	assert_int_equal(rd(f, OTPBLR_CUR), 0x3);
	h5flash_free(f);
}

static void nsboot_lock_freezes_boot_address_and_swap_bank(void **state)
{
	struct h5flash *f = make_h563();
	assert_int_equal(ob_change(f, NSBOOTR_PRG, 0x080000B4, &fw_ns), 0);
	assert_true(ob_change(f, NSBOOTR_PRG, 0x080100B4, &fw_ns) & OPTCHANGEERR);
	wr(f, NSCCR, OPTCHANGEERR);
	wr(f, NSBOOTR_PRG, 0x080000B4);
	uint32_t optsr = rd(f, OPTSR_PRG);
	assert_true(ob_change(f, OPTSR_PRG, optsr | 1u << 31, &fw_ns) & OPTCHANGEERR);
	assert_int_equal(rd(f, OPTSR_CUR) >> 31, 0);
	h5flash_free(f);
}

static void secboot_lock_freezes_boot_ube(void **state)
{
	struct h5flash *f = make_h563();
	h5flash_force_tzen(f, true);
	h5flash_system_reset(f);
	assert_int_equal(ob_change(f, SECBOOTR_PRG, 0x0C0000B4, &fw_s), 0);
	uint32_t optsr = rd(f, OPTSR_PRG);
	uint32_t c3 = (optsr & ~(0xFFu << 22)) | 0xC3u << 22;
	assert_true(ob_change(f, OPTSR_PRG, c3, &fw_ns) & OPTCHANGEERR);
	assert_int_equal((rd(f, OPTSR_CUR) >> 22) & 0xFF, 0xB4);
	h5flash_free(f);
}

static void boot_address_is_consumed_at_reset(void **state)
{
	struct h5flash *f = make_h563();
	assert_int_equal(h5flash_boot_address(f), 0x08000000);
	assert_int_equal(ob_change(f, NSBOOTR_PRG, 0x080400C3, &fw_ns), 0);
	assert_int_equal(h5flash_boot_address(f), 0x08000000);
	h5flash_system_reset(f);
	assert_int_equal(h5flash_boot_address(f), 0x08040000);
	h5flash_force_tzen(f, true);
	h5flash_system_reset(f);
	assert_int_equal(h5flash_boot_address(f), 0x0C000000);
	h5flash_free(f);
}

static void program_obk(struct h5flash *f, uint32_t off, uint32_t w)
{
	wr(f, NSCR, PG);
	for (int i = 0; i < 4; i++)
		mw(f, 0x0BFD0000 + off + 4 * i, w, 4);
	h5flash_advance(f, T_PROG);
	wr(f, NSCR, 0);
	assert_int_equal(rd(f, NSSR) & 0x00FE0000, 0);
}

static struct h5flash *closed_part_with_content(bool tz)
{
	struct h5flash *f = make_h563();
	h5flash_force_tzen(f, tz);
	h5flash_system_reset(f);
	unlock_ns(f);
	if (tz) {
		/* bank 1 sectors 0..3 secure by watermark, the rest non-secure */
		assert_int_equal(ob_change(f, SECWM1R_PRG, 0x00030000, &fw_s), 0);
		wr_s(f, SECKEYR, 0x45670123);
		wr_s(f, SECKEYR, 0xCDEF89AB);
		wr_s(f, SECCR, PG);
		for (int i = 0; i < 4; i++)
			assert_int_equal(h5flash_mem_write(f, 0x0C000000 + 4 * i, &fw_s, 0x5EC, 4),
					H5FLASH_BUS_OK);
		h5flash_advance(f, T_PROG);
	} else {
		program_qword(f, 0x08000000, 0x5EC);
	}
	program_qword(f, 0x08010000, 0xAB);		/* sector 8: non-secure */
	h5flash_set_hdpl(f, 0, 0);
	program_obk(f, 0x0000, 0x57);			/* HDPL0 (ST) */
	h5flash_set_hdpl(f, 1, 1);
	program_obk(f, 0x0100, 0xDA);			/* HDPL1 */
	h5flash_set_hdpl(f, 1, 3);
	program_obk(f, 0x1800, 0x35);			/* HDPL3-NS */
	h5flash_set_hdpl(f, 1, 1);
	wr(f, NSCR, PG);					/* OTP half-word */
	mw(f, 0x08FFF000, 0x1234, 2);
	h5flash_advance(f, T_HALF);
	wr(f, NSCR, 0);
	h5flash_force_product_state(f, CLOSED);
	h5flash_system_reset(f);
	return f;
}

static uint32_t obk_word(struct h5flash *f, uint32_t off)
{
	uint32_t v;
	assert_int_equal(h5flash_mem_read(f, 0x0BFD0000 + off, &fw_ns, &v, 4), H5FLASH_BUS_OK);
	return v;
}

static void regression_runs_at_the_next_reset(void **state)
{
	struct h5flash *f = closed_part_with_content(false);
	assert_int_equal(set_pstate(f, REGR, &fw_ns) & OPTCHANGEERR, 0);
	assert_int_equal(pstate(f), REGR);
	assert_int_equal(mr32(f, 0x08000000), 0x5EC);	/* nothing erased before the reset */
	h5flash_system_reset(f);
	assert_int_equal(h5flash_product_state(f), OPEN);
	assert_int_equal(mr32(f, 0x08000000), 0xFFFFFFFF);
	assert_int_equal(mr32(f, 0x08010000), 0xFFFFFFFF);
	assert_int_equal(obk_word(f, 0x0000), 0x57);	/* HDPL0 kept */
	assert_int_equal(obk_word(f, 0x0100), 0xFFFFFFFF);
	assert_int_equal(obk_word(f, 0x1800), 0xFFFFFFFF);
	assert_int_equal(mr32(f, 0x08FFF000) & 0xFFFF, 0x1234);	/* OTP survives */
	h5flash_free(f);
}

static void full_regression_by_da_keeps_option_bytes_by_default(void **state)
{
	struct h5flash *f = closed_part_with_content(false);
	assert_int_equal(ob_change(f, WRP1R_PRG, 0xFFFFFFF0, &fw_ns), 0);
	h5flash_full_regression(f);
	assert_int_equal(h5flash_product_state(f), OPEN);
	assert_int_equal(mr32(f, 0x08000000), 0xFFFFFFFF);
	assert_int_equal(rd(f, WRP1R_CUR), 0xFFFFFFF0);
	h5flash_free(f);
}

static void full_regression_resets_option_bytes_when_set_so(void **state)
{
	struct h5flash *f = closed_part_with_content(false);
	struct h5flash_settings s;
	assert_int_equal(ob_change(f, WRP1R_PRG, 0xFFFFFFF0, &fw_ns), 0);
	h5flash_get_settings(f, &s);
	s.regression_resets_option_bytes = true;
	h5flash_set_settings(f, &s);
	h5flash_full_regression(f);
	assert_int_equal(rd(f, WRP1R_CUR), 0xFFFFFFFF);
	h5flash_free(f);
}

static void ns_regression_erases_only_the_non_secure_side(void **state)
{
	struct h5flash *f = closed_part_with_content(true);
	assert_int_equal(set_pstate(f, NSREGR, &fw_s) & OPTCHANGEERR, 0);
	h5flash_system_reset(f);
	assert_int_equal(h5flash_product_state(f), TZC);
	uint32_t v;
	assert_int_equal(h5flash_mem_read(f, 0x0C000000, &fw_s, &v, 4), H5FLASH_BUS_OK);
	assert_int_equal(v, 0x5EC);
	assert_int_equal(mr32(f, 0x08010000), 0xFFFFFFFF);
	assert_int_equal(obk_word(f, 0x0100), 0xDA);
	assert_int_equal(obk_word(f, 0x1800), 0xFFFFFFFF);
	h5flash_free(f);
}

static void partial_regression_by_da_goes_to_tz_closed(void **state)
{
	struct h5flash *f = closed_part_with_content(true);
	h5flash_partial_regression(f);
	assert_int_equal(h5flash_product_state(f), TZC);
	assert_int_equal(mr32(f, 0x08010000), 0xFFFFFFFF);
	h5flash_free(f);
}

#define N_ROWS		(sizeof(rows) / sizeof(rows[0]))

int main(void)
{
	static const char *const who_name[] = { "by_firmware_at_hdpl1", "by_firmware_at_hdpl2",
		"by_debugger" };
	static char names[N_ROWS][128];
	struct CMUnitTest all[N_ROWS + 16];
	size_t n = 0;

	for (size_t i = 0; i < N_ROWS; i++) {
		snprintf(names[i], sizeof(names[i]), "%s_to_%s_%s%s_is_%s", state_name(rows[i].from),
				state_name(rows[i].to), who_name[rows[i].who],
				rows[i].tz ? "_with_tz" : "", rows[i].allowed ? "allowed" : "refused");
		all[n++] = (struct CMUnitTest){ names[i], transition_row_behaves_as_the_table_says,
			NULL, NULL, (void *)&rows[i] };
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(settings_allow_the_unconfirmed_transitions),
		cmocka_unit_test(open_to_irot_then_closed_in_the_same_boot),
		cmocka_unit_test(option_change_takes_the_option_change_time),
		cmocka_unit_test(tzen_change_in_open_takes_effect_at_reset),
		cmocka_unit_test(tzen_change_outside_open_is_refused),
		cmocka_unit_test(otp_lock_bits_can_be_set_but_not_cleared),
		cmocka_unit_test(nsboot_lock_freezes_boot_address_and_swap_bank),
		cmocka_unit_test(secboot_lock_freezes_boot_ube),
		cmocka_unit_test(boot_address_is_consumed_at_reset),
		cmocka_unit_test(regression_runs_at_the_next_reset),
		cmocka_unit_test(full_regression_by_da_keeps_option_bytes_by_default),
		cmocka_unit_test(full_regression_resets_option_bytes_when_set_so),
		cmocka_unit_test(ns_regression_erases_only_the_non_secure_side),
		cmocka_unit_test(partial_regression_by_da_goes_to_tz_closed),
	};
	for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++)
		all[n++] = tests[i];
	return _cmocka_run_group_tests("test_flash_ob", all, n, NULL, NULL);
}
