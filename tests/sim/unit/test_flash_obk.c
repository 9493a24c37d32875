// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of the OBK storage: virgin-only programming (OBKWERR), HDPL slot ownership
 * (OBKERR), the alternate sector (ALT_SECT, ALT_SECT_ERASE), the swap with SWAP_OFFSET, and the
 * ROM's RSSLIB DataProvisioning service (h5-flash-ob.md §2.5, §6; h5-debug-auth.md §6.3).
 */

#include "test_flash_util.h"

#define OBK		0x0BFD0000u

static void obk_store(struct h5flash *f, uint32_t off, uint32_t w)
{
	wr(f, NSCR, PG);
	for (int i = 0; i < 4; i++)
		mw(f, OBK + off + 4 * i, w + i, 4);
	h5flash_advance(f, T_PROG);
	wr(f, NSCR, 0);
}

static uint32_t obk_read(struct h5flash *f, uint32_t off)
{
	uint32_t v;
	assert_int_equal(h5flash_mem_read(f, OBK + off, &fw_ns, &v, 4), H5FLASH_BUS_OK);
	return v;
}

static void unlock_obk(struct h5flash *f)
{
	wr(f, NSOBKKEYR, 0x192A083B);
	wr(f, NSOBKKEYR, 0x6E7F4C5D);
	assert_int_equal(rd(f, NSOBKCFGR) & LOCK, 0);
}

static void cfgr(struct h5flash *f, uint32_t v, uint64_t wait)
{
	wr(f, NSOBKCFGR, v);
	h5flash_advance(f, wait);
}

static void hdpl1_key_is_programmed_in_the_current_sector(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	assert_int_equal(obk_read(f, 0x100), 0xFFFFFFFF);
	obk_store(f, 0x100, 0xDA000000);
	assert_int_equal(rd(f, NSSR), EOP);
	assert_int_equal(obk_read(f, 0x100), 0xDA000000);
	assert_int_equal(obk_read(f, 0x10C), 0xDA000003);
	h5flash_free(f);
}

static void non_virgin_obk_word_raises_obkwerr(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	obk_store(f, 0x100, 1);
	wr(f, NSCCR, EOP);
	obk_store(f, 0x100, 2);
	assert_int_equal(rd(f, NSSR), OBKWERR);
	assert_int_equal(obk_read(f, 0x100), 1);
	wr(f, NSCCR, OBKWERR);
	assert_int_equal(rd(f, NSSR), 0);
	h5flash_free(f);
}

static void key_slot_of_another_hdpl_raises_obkerr(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	obk_store(f, 0x900, 5);			/* HDPL2 slot while OBK-HDPL = 1 */
	assert_int_equal(rd(f, NSSR), OBKERR);
	assert_int_equal(obk_read(f, 0x900), 0xFFFFFFFF);
	wr(f, NSCCR, OBKERR);
	assert_int_equal(rd(f, NSSR), 0);
	h5flash_set_hdpl(f, 1, 2);		/* NEXTHDPL = 1 */
	obk_store(f, 0x900, 5);
	assert_int_equal(rd(f, NSSR), EOP);
	h5flash_free(f);
}

static void alt_sect_programs_the_alternate_sector_and_swap_shows_it(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	unlock_obk(f);
	obk_store(f, 0x100, 0x11);		/* current: old key */
	cfgr(f, ALT_SECT_ERASE, T_SECTOR);
	assert_int_equal(rd(f, NSOBKCFGR) & ALT_SECT_ERASE, 0);
	cfgr(f, ALT_SECT, 0);
	obk_store(f, 0x110, 0x22);		/* new key in the alternate sector */
	assert_int_equal(obk_read(f, 0x110), 0xFFFFFFFF);
	cfgr(f, 0, 0);
	/* swap with SWAP_OFFSET = 0x90 (HDPL1): index 16 (0x100) is carried over */
	cfgr(f, 0x90u << 16 | SWAP_SECT_REQ, 0);
	assert_int_equal(rd(f, NSSR) & BSY, BSY);
	h5flash_advance(f, T_SECTOR);
	assert_int_equal(rd(f, NSOBKCFGR) & SWAP_SECT_REQ, 0);
	assert_int_equal(obk_read(f, 0x110), 0x22);
	assert_int_equal(obk_read(f, 0x100), 0x11);
	h5flash_free(f);
}

static void swap_drops_keys_at_and_above_swap_offset(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	unlock_obk(f);
	h5flash_set_hdpl(f, 1, 3);
	obk_store(f, 0x1800, 0x33);		/* HDPL3-NS key, index 384 */
	h5flash_set_hdpl(f, 1, 1);
	obk_store(f, 0x100, 0x11);
	cfgr(f, ALT_SECT_ERASE, T_SECTOR);
	cfgr(f, 0x90u << 16 | SWAP_SECT_REQ, T_SECTOR);
	assert_int_equal(obk_read(f, 0x100), 0x11);
	assert_int_equal(obk_read(f, 0x1800), 0xFFFFFFFF);
	h5flash_free(f);
}

static void swap_offset_below_the_hdpl_minimum_still_keeps_lower_keys(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	unlock_obk(f);
	h5flash_set_hdpl(f, 0, 0);
	obk_store(f, 0x000, 0x57);		/* ST HDPL0 key */
	h5flash_set_hdpl(f, 1, 1);
	cfgr(f, ALT_SECT_ERASE, T_SECTOR);
	cfgr(f, SWAP_SECT_REQ, T_SECTOR);	/* SWAP_OFFSET = 0, minimum 16 at OBK-HDPL1 */
	assert_int_equal(obk_read(f, 0x000), 0x57);
	h5flash_free(f);
}

static void alt_sect_change_while_filling_raises_obkerr(void **state)
{
	struct h5flash *f = make_h563();
	unlock_ns(f);
	unlock_obk(f);
	wr(f, NSCR, PG);
	mw(f, OBK + 0x100, 1, 4);
	cfgr(f, ALT_SECT, 0);
	assert_int_equal(rd(f, NSSR), OBKERR);
	h5flash_free(f);
}

static void commands_are_ignored_while_obkcfgr_is_locked(void **state)
{
	struct h5flash *f = make_h563();
	cfgr(f, ALT_SECT_ERASE, 0);
	assert_int_equal(rd(f, NSSR), 0);
	assert_false(h5flash_busy(f));
	h5flash_free(f);
}

static void swap_with_a_used_selector_raises_obkwerr_when_swaps_write_it(void **state)
{
	struct h5flash *f = make_h563();
	struct h5flash_settings s;
	h5flash_get_settings(f, &s);
	s.obk_swap_writes_selector = true;
	h5flash_set_settings(f, &s);
	unlock_ns(f);
	unlock_obk(f);
	cfgr(f, ALT_SECT_ERASE, T_SECTOR);
	cfgr(f, SWAP_SECT_REQ, T_SECTOR);
	assert_int_equal(rd(f, NSSR) & OBKWERR, 0);
	cfgr(f, ALT_SECT_ERASE, T_SECTOR);
	cfgr(f, SWAP_SECT_REQ, T_SECTOR);
	assert_int_equal(rd(f, NSSR) & OBKWERR, 0);
	cfgr(f, SWAP_SECT_REQ, T_SECTOR);	/* alternate not erased: its selector is used */
	assert_int_equal(rd(f, NSSR) & OBKWERR, OBKWERR);
	h5flash_free(f);
}

static void rss_provisioning_writes_the_da_config_in_provisioning(void **state)
{
	struct h5flash *f = make_h563();
	uint8_t cfg[0x60];
	for (size_t i = 0; i < sizeof(cfg); i++)
		cfg[i] = (uint8_t)i;
	h5flash_force_product_state(f, 0x17);
	assert_int_equal(h5flash_rss_data_provisioning(f, 0x0FFD0100, cfg, 0x60, 0xCACA0AA0),
			0xEAEAEAEA);
	assert_int_equal(obk_read(f, 0x100), 0x03020100);
	assert_int_equal(obk_read(f, 0x15C), 0x5F5E5D5C);
	/* a second provisioning rewrites it (through the alternate sector) */
	cfg[0] = 0xAA;
	assert_int_equal(h5flash_rss_data_provisioning(f, 0x0BFD0100, cfg, 0x60, 0xF5F5A0AA),
			0xEAEAEAEA);
	assert_int_equal(obk_read(f, 0x100), 0x030201AA);
	h5flash_free(f);
}

static void rss_provisioning_refuses_bad_destinations_and_sizes(void **state)
{
	struct h5flash *f = make_h563();
	uint8_t buf[32] = { 0 };
	h5flash_force_product_state(f, 0x17);
	assert_int_equal(h5flash_rss_data_provisioning(f, 0x0FFD0108, buf, 16, 0xCACA0AA0),
			0xF5F5E0E0);	/* not 16-aligned */
	assert_int_equal(h5flash_rss_data_provisioning(f, 0x20000000, buf, 16, 0xCACA0AA0),
			0xF5F5E0E0);	/* not OBK */
	assert_int_equal(h5flash_rss_data_provisioning(f, 0x0FFD0100, buf, 20, 0xCACA0AA0),
			0xF5F5E0E0);	/* size */
	assert_int_equal(h5flash_rss_data_provisioning(f, 0x0FFD1FE0, buf, 32, 0xCACA0AA0),
			0xF5F5E0E0);	/* too large */
	assert_int_equal(h5flash_rss_data_provisioning(f, 0x0FFD0100, buf, 16, 0x12345678),
			0xF5F5F5F5);	/* encryption flag */
	assert_int_equal(obk_read(f, 0x100), 0xFFFFFFFF);
	h5flash_free(f);
}

static void rss_provisioning_is_refused_outside_provisioning(void **state)
{
	struct h5flash *f = make_h563();
	uint8_t buf[16] = { 0 };
	assert_int_equal(h5flash_rss_data_provisioning(f, 0x0FFD0100, buf, 16, 0xCACA0AA0),
			0xF5F5F5F5);
	h5flash_free(f);
	f = make_part(H5FLASH_H503, 0x20000);
	h5flash_force_product_state(f, 0x17);
	assert_int_equal(h5flash_rss_data_provisioning(f, 0x0FFD0100, buf, 16, 0xCACA0AA0),
			0xF5F5F5F5);
	h5flash_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hdpl1_key_is_programmed_in_the_current_sector),
		cmocka_unit_test(non_virgin_obk_word_raises_obkwerr),
		cmocka_unit_test(key_slot_of_another_hdpl_raises_obkerr),
		cmocka_unit_test(alt_sect_programs_the_alternate_sector_and_swap_shows_it),
		cmocka_unit_test(swap_drops_keys_at_and_above_swap_offset),
		cmocka_unit_test(swap_offset_below_the_hdpl_minimum_still_keeps_lower_keys),
		cmocka_unit_test(alt_sect_change_while_filling_raises_obkerr),
		cmocka_unit_test(commands_are_ignored_while_obkcfgr_is_locked),
		cmocka_unit_test(swap_with_a_used_selector_raises_obkwerr_when_swaps_write_it),
		cmocka_unit_test(rss_provisioning_writes_the_da_config_in_provisioning),
		cmocka_unit_test(rss_provisioning_refuses_bad_destinations_and_sizes),
		cmocka_unit_test(rss_provisioning_is_refused_outside_provisioning),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
