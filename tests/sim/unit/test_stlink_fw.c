// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of the ST-Link firmware model (contrib/h5sim/stlink_fw.c) in front of a real
 * chip model: what a probe answers to commands OpenOCD never sends wrong (AP before INIT_AP,
 * oversize or misaligned transfers, the AP/CSW bytes on old firmware), fault reporting on a
 * Closed chip, sticky-error clearing through the DP ABORT register, byte lanes, NRST wiring,
 * and the hla core commands.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "bringup.h"
#include "chip.h"
#include "dp.h"
#include "options.h"
#include "stlink_fw.h"

struct probe {
	struct h5sim_options opt;
	struct stlink_fw_settings set;
	struct h5sim_chip *chip;
	struct h5sim_dp dp;
	struct stlink_fw fw;
	uint8_t in[6200];
};

static struct probe *make_probe(const char *fw_version, const char *pstate, bool nrst)
{
	static struct probe p;
	char *argv[] = { "h5sim", "--part", "H563", "--pstate", (char *)pstate, NULL };

	memset(&p, 0, sizeof(p));
	assert_int_equal(h5sim_options_parse(&p.opt, 5, argv), 0);
	assert_true(stlink_fw_parse_version(fw_version, &p.set));
	p.set.nrst_wired = nrst;
	p.set.default_ap = 1;
	p.chip = h5sim_bringup(&p.opt);
	assert_non_null(p.chip);
	dp_init(&p.dp, p.chip);
	stlink_fw_init(&p.fw, &p.set, p.chip, &p.dp);
	return &p;
}

static void drop_probe(struct probe *p)
{
	h5sim_bringdown(p->chip);
}

static void put32(uint8_t *b, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		b[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t get32(const uint8_t *b)
{
	return b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

/* one command with in_len bytes of reply (read direction) */
static const uint8_t *cmd_in(struct probe *p, const uint8_t *c, uint32_t in_len)
{
	uint8_t c16[16] = { 0 };

	memcpy(c16, c, 16);
	stlink_fw_command(&p->fw, c16, NULL, 0, p->in, in_len);
	return p->in;
}

static void cmd_out(struct probe *p, const uint8_t *c, const uint8_t *data, uint32_t len)
{
	stlink_fw_command(&p->fw, c, data, len, NULL, 0);
}

static void enter_swd(struct probe *p)
{
	const uint8_t c[16] = { 0xF2, 0x30, 0xA3 };

	assert_int_equal(cmd_in(p, c, 2)[0], 0x80);
}

static void init_ap(struct probe *p, uint8_t ap)
{
	const uint8_t c[16] = { 0xF2, 0x4B, ap };

	assert_int_equal(cmd_in(p, c, 2)[0], 0x80);
}

static uint8_t dap_read(struct probe *p, uint16_t port, uint16_t reg, uint32_t *v)
{
	const uint8_t c[16] = { 0xF2, 0x45, (uint8_t)port, (uint8_t)(port >> 8), (uint8_t)reg, (uint8_t)(reg >> 8) };
	const uint8_t *r = cmd_in(p, c, 8);

	*v = get32(r + 4);
	return r[0];
}

static uint8_t dap_write(struct probe *p, uint16_t port, uint16_t reg, uint32_t v)
{
	uint8_t c[16] = { 0xF2, 0x46, (uint8_t)port, (uint8_t)(port >> 8), (uint8_t)reg, (uint8_t)(reg >> 8) };

	put32(c + 6, v);
	return cmd_in(p, c, 2)[0];
}

/* a memory command: op, address, length, AP, CSW bits 31:8 */
static void mem_cmd(uint8_t *c, uint8_t op, uint32_t addr, uint16_t len, uint8_t ap, uint32_t csw)
{
	memset(c, 0, 16);
	c[0] = 0xF2;
	c[1] = op;
	put32(c + 2, addr);
	c[6] = (uint8_t)len;
	c[7] = (uint8_t)(len >> 8);
	c[8] = ap;
	c[9] = (uint8_t)(csw >> 8);
	c[10] = (uint8_t)(csw >> 16);
	c[11] = (uint8_t)(csw >> 24);
}

static uint8_t last_status(struct probe *p, uint32_t *fault_addr)
{
	const uint8_t c[16] = { 0xF2, 0x3E };
	const uint8_t *r = cmd_in(p, c, 12);

	if (fault_addr)
		*fault_addr = get32(r + 4);
	return r[0];
}

#define CSW_APB		0x80000000u	/* what OpenOCD sends for AP0 (DbgSwEnable) */
#define CSW_AHB		0x23000000u

static void a_v3_reports_its_version_through_get_version_ex(void **state)
{
	struct probe *p = make_probe("V3J7M3", "0xED", true);
	const uint8_t v[16] = { 0xF1 }, vex[16] = { 0xFB };
	const uint8_t *r = cmd_in(p, v, 6);

	assert_int_equal(r[0], 0x30);	/* V3, J and S in the extended block */
	assert_int_equal(r[1], 0x00);
	assert_int_equal(r[2] | r[3] << 8, 0x0483);
	r = cmd_in(p, vex, 12);
	assert_int_equal(r[0], 3);
	assert_int_equal(r[2], 7);
	assert_int_equal(r[3], 3);
	assert_int_equal(r[10] | r[11] << 8, 0x374E);
	drop_probe(p);
}

static void a_v2_reports_jtag_and_swim_versions_in_get_version(void **state)
{
	struct probe *p = make_probe("V2J23S4", "0xED", true);
	const uint8_t v[16] = { 0xF1 };
	const uint8_t *r = cmd_in(p, v, 6);

	assert_int_equal(r[0] << 8 | r[1], 2 << 12 | 23 << 6 | 4);
	assert_int_equal(r[4] | r[5] << 8, 0x3748);
	drop_probe(p);
}

static void firmware_versions_that_are_not_versions_are_refused(void **state)
{
	struct stlink_fw_settings s;

	assert_true(stlink_fw_parse_version("V2J45S7", &s));
	assert_int_equal(s.jtag, 45);
	assert_false(stlink_fw_parse_version("V3", &s));	/* no J */
	assert_false(stlink_fw_parse_version("V4J1", &s));
	assert_false(stlink_fw_parse_version("V3J", &s));
	assert_false(stlink_fw_parse_version("V3J7X2", &s));
	assert_false(stlink_fw_parse_version("J7", &s));
}

static void an_ap_is_refused_before_init_ap_except_its_idr(void **state)
{
	struct probe *p = make_probe("V3J7", "0xED", true);
	uint32_t v;

	enter_swd(p);
	assert_int_equal(dap_read(p, 0, 0xFC, &v), 0x80);
	assert_int_equal(v, 0x54770002);
	assert_int_equal(dap_read(p, 0, 0x00, &v), 0x1D);
	init_ap(p, 0);
	assert_int_equal(dap_read(p, 0, 0x00, &v), 0x80);
	drop_probe(p);
}

static void ap0_memory_reads_dbgmcu_idcode_on_a_closed_chip(void **state)
{
	struct probe *p = make_probe("V3J7", "0x72", true);
	uint8_t c[16];

	enter_swd(p);
	init_ap(p, 0);
	mem_cmd(c, 0x07, 0xE0044000, 4, 0, CSW_APB);
	uint32_t idcode = get32(cmd_in(p, c, 4));
	assert_int_equal(last_status(p, NULL), 0x80);
	assert_int_equal(idcode & 0xFFF, 0x484);
	drop_probe(p);
}

static void ap1_of_a_closed_chip_faults_with_the_address_and_the_firmware_clears_it(void **state)
{
	struct probe *p = make_probe("V3J7", "0x72", true);
	uint8_t c[16];
	uint32_t addr, v;

	enter_swd(p);
	init_ap(p, 0);
	init_ap(p, 1);
	mem_cmd(c, 0x07, 0x20000000, 8, 1, CSW_AHB);
	cmd_in(p, c, 8);
	assert_int_equal(last_status(p, &addr), 0x11);
	assert_int_equal(addr, 0x20000000);
	assert_int_equal(dap_read(p, 0xFFFF, 0x4, &v), 0x80);
	assert_int_equal(v & (1u << 5), 0);	/* STICKYERR cleared by the firmware */
	mem_cmd(c, 0x07, 0xE0044000, 4, 0, CSW_APB);
	cmd_in(p, c, 4);
	assert_int_equal(last_status(p, NULL), 0x80);
	drop_probe(p);
}

static void a_register_access_error_sticks_until_dp_abort_clears_it(void **state)
{
	struct probe *p = make_probe("V3J7", "0x72", true);
	uint32_t v;

	enter_swd(p);
	init_ap(p, 0);
	init_ap(p, 1);
	assert_int_equal(dap_write(p, 1, 0x04, 0x20000000), 0x80);	/* TAR */
	assert_int_equal(dap_read(p, 1, 0x0C, &v), 0x11);		/* DRW: bus error */
	assert_int_equal(dap_read(p, 0xFFFF, 0x4, &v), 0x80);
	assert_int_not_equal(v & (1u << 5), 0);				/* STICKYERR */
	assert_int_equal(dap_read(p, 0, 0xFC, &v), 0x19);		/* FAULT, not performed */
	assert_int_equal(dap_write(p, 0xFFFF, 0x0, 1u << 2), 0x80);	/* ABORT.STKERRCLR */
	assert_int_equal(dap_read(p, 0xFFFF, 0x4, &v), 0x80);
	assert_int_equal(v & (1u << 5), 0);
	assert_int_equal(dap_read(p, 0, 0xFC, &v), 0x80);
	assert_int_equal(v, 0x54770002);
	drop_probe(p);
}

static void transfers_beyond_the_limits_or_misaligned_are_refused(void **state)
{
	struct probe *p = make_probe("V3J7", "0xED", true);
	uint8_t c[16];

	enter_swd(p);
	init_ap(p, 1);
	mem_cmd(c, 0x0C, 0x20000000, 512, 1, CSW_AHB);
	cmd_in(p, c, 512);
	assert_int_equal(last_status(p, NULL), 0x80);
	mem_cmd(c, 0x0C, 0x20000000, 513, 1, CSW_AHB);
	cmd_in(p, c, 513);
	assert_int_equal(last_status(p, NULL), 0x81);
	mem_cmd(c, 0x07, 0x20000002, 8, 1, CSW_AHB);
	cmd_in(p, c, 8);
	assert_int_equal(last_status(p, NULL), 0x81);
	mem_cmd(c, 0x47, 0x20000000, 3, 1, CSW_AHB);
	cmd_in(p, c, 3);
	assert_int_equal(last_status(p, NULL), 0x81);
	drop_probe(p);
	/* before V3J6 the 8-bit limit is 64 bytes */
	p = make_probe("V3J5", "0xED", true);
	enter_swd(p);
	init_ap(p, 1);
	mem_cmd(c, 0x0C, 0x20000000, 65, 1, CSW_AHB);
	cmd_in(p, c, 65);
	assert_int_equal(last_status(p, NULL), 0x81);
	drop_probe(p);
}

static void byte_and_halfword_writes_land_on_their_lanes(void **state)
{
	struct probe *p = make_probe("V3J7", "0xED", true);
	uint8_t c[16];
	const uint8_t word[4] = { 0x11, 0x22, 0x33, 0x44 }, b = 0x5A, h[2] = { 0xEF, 0xBE };

	enter_swd(p);
	init_ap(p, 1);
	mem_cmd(c, 0x08, 0x20000000, 4, 1, CSW_AHB);
	cmd_out(p, c, word, 4);
	mem_cmd(c, 0x0D, 0x20000001, 1, 1, CSW_AHB);
	cmd_out(p, c, &b, 1);
	mem_cmd(c, 0x48, 0x20000002, 2, 1, CSW_AHB);
	cmd_out(p, c, h, 2);
	assert_int_equal(last_status(p, NULL), 0x80);
	mem_cmd(c, 0x07, 0x20000000, 4, 1, CSW_AHB);
	assert_int_equal(get32(cmd_in(p, c, 4)), 0xBEEF5A11);
	mem_cmd(c, 0x0C, 0x20000003, 1, 1, CSW_AHB);
	assert_int_equal(cmd_in(p, c, 2)[0], 0xBE);	/* one byte, two bytes of reply */
	drop_probe(p);
}

static void firmware_without_csw_ignores_the_ap_and_csw_bytes(void **state)
{
	uint8_t c[16];
	const uint8_t word[4] = { 0x78, 0x56, 0x34, 0x12 };

	/* V2J24: the bytes are not part of the command, the write goes to the core's AP */
	struct probe *p = make_probe("V2J24S7", "0xED", true);
	enter_swd(p);
	mem_cmd(c, 0x08, 0x20000000, 4, 0, CSW_APB);
	cmd_out(p, c, word, 4);
	assert_int_equal(last_status(p, NULL), 0x80);
	mem_cmd(c, 0x07, 0x20000000, 4, 1, CSW_AHB);
	assert_int_equal(get32(cmd_in(p, c, 4)), 0x12345678);
	drop_probe(p);
	/* V3: AP 0 with a CSW is the debug APB, where SRAM is not */
	p = make_probe("V3J7", "0xED", true);
	enter_swd(p);
	init_ap(p, 0);
	mem_cmd(c, 0x08, 0x20000000, 4, 0, CSW_APB);
	cmd_out(p, c, word, 4);
	assert_int_equal(last_status(p, NULL), 0x11);
	drop_probe(p);
}

static void nrst_reaches_the_chip_only_when_wired(void **state)
{
	const uint8_t low[16] = { 0xF2, 0x3C, 0 }, high[16] = { 0xF2, 0x3C, 1 };
	struct probe *p = make_probe("V3J7", "0xED", true);

	assert_int_equal(cmd_in(p, low, 2)[0], 0x80);
	assert_true(p->chip->srst_asserted);
	cmd_in(p, high, 2);
	assert_false(p->chip->srst_asserted);
	drop_probe(p);
	p = make_probe("V3J7", "0xED", false);
	assert_int_equal(cmd_in(p, low, 2)[0], 0x80);
	assert_false(p->chip->srst_asserted);
	drop_probe(p);
}

static void hla_core_commands_halt_and_read_registers(void **state)
{
	struct probe *p = make_probe("V3J7", "0xED", true);
	uint8_t c[16] = { 0xF2, 0x35 };

	enter_swd(p);
	init_ap(p, 0);
	put32(c + 2, 0xE000EDF0);
	put32(c + 6, 0xA05F0003);		/* DBGKEY | C_HALT | C_DEBUGEN */
	assert_int_equal(cmd_in(p, c, 2)[0], 0x80);
	const uint8_t rd[16] = { 0xF2, 0x36, 0xF0, 0xED, 0x00, 0xE0 };
	const uint8_t *r = cmd_in(p, rd, 8);
	assert_int_equal(r[0], 0x80);
	assert_int_not_equal(get32(r + 4) & (1u << 17), 0);	/* S_HALT */
	const uint8_t wreg[16] = { 0xF2, 0x34, 0, 0x78, 0x56, 0x34, 0x12 };	/* r0 = 0x12345678 */
	assert_int_equal(cmd_in(p, wreg, 2)[0], 0x80);
	const uint8_t rreg[16] = { 0xF2, 0x33, 0 };
	r = cmd_in(p, rreg, 8);
	assert_int_equal(r[0], 0x80);
	assert_int_equal(get32(r + 4), 0x12345678);
	const uint8_t all[16] = { 0xF2, 0x3A };
	r = cmd_in(p, all, 88);
	assert_int_equal(r[0], 0x80);
	assert_int_equal(get32(r + 4), 0x12345678);
	drop_probe(p);
}

/* Random commands (fixed seed) never break the probe: it still answers and reaches AP0 */
static void random_commands_leave_the_probe_working(void **state)
{
	static const uint8_t subs[] = { 0x01, 0x02, 0x07, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x21, 0x22,
		0x30, 0x31, 0x33, 0x34, 0x35, 0x36, 0x3A, 0x3B, 0x3C, 0x3E, 0x43, 0x45, 0x46, 0x47,
		0x48, 0x4B, 0x4C, 0x50, 0x54, 0x61, 0x62, 0x77 };
	static const uint32_t bases[] = { 0x20000000, 0x08000000, 0xE0044000, 0xE000EDF0,
		0x0FFD0000, 0x40022000, 0xFFFFFFF0 };
	static uint8_t out[600];
	struct probe *p = make_probe("V3J7", "0xED", true);
	uint64_t x = 0x9E3779B97F4A7C15ull;

	enter_swd(p);
	init_ap(p, 0);
	init_ap(p, 1);
	for (int i = 0; i < 3000; i++) {
		uint8_t c[16];
		for (int k = 0; k < 16; k++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			c[k] = (uint8_t)x;
		}
		c[0] = (x >> 8) % 8 ? 0xF2 : (uint8_t)(0xF1 + (x >> 16) % 11);
		c[1] = subs[(x >> 24) % sizeof(subs)];
		if (c[1] == 0x4C || c[1] == 0x21)
			c[1] = 0x07;	/* keep the APs open and the probe in debug mode */
		if ((x >> 32) % 4) {
			uint32_t off = (uint32_t)((x >> 40) % 64);
			put32(c + 2, bases[(x >> 36) % 7] + ((x >> 62) ? off & ~3u : off));
			c[6] = (uint8_t)((x >> 48) % 80) & ((x >> 61) & 1 ? 0xFC : 0xFF);
			c[7] = (x >> 56) % 16 ? 0 : 0x18;	/* now and then 6 KiB and more */
			c[8] = (uint8_t)((x >> 44) % 3);
		}
		uint32_t len = (uint32_t)((x >> 20) % sizeof(out));
		if ((x >> 28) & 1)
			stlink_fw_command(&p->fw, c, out, len, NULL, 0);
		else
			stlink_fw_command(&p->fw, c, NULL, 0, p->in, len);
	}
	print_message("# %llu random commands moved %llu bytes\n", (unsigned long long)p->fw.cnt.commands,
			(unsigned long long)p->fw.cnt.mem_bytes);
	enter_swd(p);
	init_ap(p, 0);
	uint32_t v;
	assert_int_equal(dap_write(p, 0xFFFF, 0x0, 0x1E), 0x80);	/* clear every sticky flag */
	assert_int_equal(dap_read(p, 0, 0xFC, &v), 0x80);
	assert_int_equal(v, 0x54770002);
	drop_probe(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_v3_reports_its_version_through_get_version_ex),
		cmocka_unit_test(a_v2_reports_jtag_and_swim_versions_in_get_version),
		cmocka_unit_test(firmware_versions_that_are_not_versions_are_refused),
		cmocka_unit_test(an_ap_is_refused_before_init_ap_except_its_idr),
		cmocka_unit_test(ap0_memory_reads_dbgmcu_idcode_on_a_closed_chip),
		cmocka_unit_test(ap1_of_a_closed_chip_faults_with_the_address_and_the_firmware_clears_it),
		cmocka_unit_test(a_register_access_error_sticks_until_dp_abort_clears_it),
		cmocka_unit_test(transfers_beyond_the_limits_or_misaligned_are_refused),
		cmocka_unit_test(byte_and_halfword_writes_land_on_their_lanes),
		cmocka_unit_test(firmware_without_csw_ignores_the_ap_and_csw_bytes),
		cmocka_unit_test(nrst_reaches_the_chip_only_when_wired),
		cmocka_unit_test(hla_core_commands_halt_and_read_registers),
		cmocka_unit_test(random_commands_leave_the_probe_working),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
