/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Helpers shared by the flash-model unit tests: a part factory and register/memory shortcuts
 * that go through flash.h only. Register offsets, keys and bit positions are written here by
 * hand from h5-flash-ob.md §3 (not taken from the model's headers).
 */

#ifndef TEST_FLASH_UTIL_H
#define TEST_FLASH_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "flash/flash.h"
#include "flash/flash_ext.h"

/* §3.1 */
#define NSKEYR		0x004
#define SECKEYR		0x008
#define OPTKEYR		0x00C
#define NSOBKKEYR	0x010
#define SECOBKKEYR	0x014
#define OPSR		0x018
#define OPTCR		0x01C
#define NSSR		0x020
#define SECSR		0x024
#define NSCR		0x028
#define SECCR		0x02C
#define NSCCR		0x030
#define SECCCR		0x034
#define NSOBKCFGR	0x040
#define SECOBKCFGR	0x044
#define OPTSR_CUR	0x050
#define OPTSR_PRG	0x054
#define OPTSR2_CUR	0x070
#define OPTSR2_PRG	0x074
#define NSBOOTR_CUR	0x080
#define NSBOOTR_PRG	0x084
#define SECBOOTR_CUR	0x088
#define SECBOOTR_PRG	0x08C
#define OTPBLR_CUR	0x090
#define OTPBLR_PRG	0x094
#define SECBB1R1	0x0A0
#define SECWM1R_CUR	0x0E0
#define SECWM1R_PRG	0x0E4
#define WRP1R_CUR	0x0E8
#define WRP1R_PRG	0x0EC
#define EDATA1R_CUR	0x0F0
#define EDATA1R_PRG	0x0F4
#define HDPEXTR		0x048
#define PRIVCFGR	0x03C
#define HDP1R_CUR	0x0F8
#define HDP1R_PRG	0x0FC
#define ECCDETR		0x104
#define ECCDR		0x108
#define WRP2R_CUR	0x1E8
#define WRP2R_PRG	0x1EC

/* §3.4 */
#define BSY		(1u << 0)
#define WBNE		(1u << 1)
#define DBNE		(1u << 3)
#define EOP		(1u << 16)
#define WRPERR		(1u << 17)
#define PGSERR		(1u << 18)
#define STRBERR		(1u << 19)
#define INCERR		(1u << 20)
#define OBKERR		(1u << 21)
#define OBKWERR		(1u << 22)
#define OPTCHANGEERR	(1u << 23)
#define LOCK		(1u << 0)
#define PG		(1u << 1)
#define SER		(1u << 2)
#define BER		(1u << 3)
#define FW		(1u << 4)
#define STRT		(1u << 5)
#define MER		(1u << 15)
#define BKSEL		(1u << 31)
#define OPTLOCK		(1u << 0)
#define OPTSTRT		(1u << 1)
#define SNB(n)		((uint32_t)(n) << 6)
#define ALT_SECT	(1u << 2)
#define ALT_SECT_ERASE	(1u << 3)
#define SWAP_SECT_REQ	(1u << 1)

/* Timing used by every test (ns) */
#define T_PROG		50000u
#define T_HALF		30000u
#define T_SECTOR	2000000u
#define T_BANK		20000000u
#define T_OPT		5000000u

static const struct h5flash_access fw_s = { .secure = true, .privileged = true };
static const struct h5flash_access fw_ns = { .secure = false, .privileged = true };
static const struct h5flash_access dbg_s = { .secure = true, .privileged = true, .debugger = true };
static const struct h5flash_access dbg_ns = { .secure = false, .privileged = true, .debugger = true };

static inline struct h5flash *make_part(enum h5flash_variant v, uint32_t size)
{
	struct h5flash_config cfg = {
		.variant = v,
		.flash_size = size,
		.optsr_factory = 0x2D30EDD8,	/* [U] candidate of §4.5 */
		.optsr2_factory = 0xC3000054,
		.uid = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 },
		.package = 0x03,
		.t_program_ns = T_PROG,
		.t_program_half_ns = T_HALF,
		.t_sector_erase_ns = T_SECTOR,
		.t_bank_erase_ns = T_BANK,
		.t_option_change_ns = T_OPT,
	};
	struct h5flash *f = h5flash_create(&cfg);
	assert_non_null(f);
	return f;
}

static inline struct h5flash *make_h563(void)
{
	return make_part(H5FLASH_H56X, 0x200000);
}

static inline uint32_t rd(struct h5flash *f, uint32_t off)
{
	uint32_t v = 0xDEADBEEF;
	assert_int_equal(h5flash_reg_read(f, off, false, &fw_ns, &v), H5FLASH_BUS_OK);
	return v;
}

static inline uint32_t rd_s(struct h5flash *f, uint32_t off)
{
	uint32_t v = 0xDEADBEEF;
	assert_int_equal(h5flash_reg_read(f, off, true, &fw_s, &v), H5FLASH_BUS_OK);
	return v;
}

static inline void wr_acc(struct h5flash *f, uint32_t off, uint32_t v, const struct h5flash_access *a)
{
	assert_int_equal(h5flash_reg_write(f, off, false, a, v, 0xF), H5FLASH_BUS_OK);
}

static inline void wr(struct h5flash *f, uint32_t off, uint32_t v)
{
	wr_acc(f, off, v, &fw_ns);
}

static inline void wr_s(struct h5flash *f, uint32_t off, uint32_t v)
{
	assert_int_equal(h5flash_reg_write(f, off, true, &fw_s, v, 0xF), H5FLASH_BUS_OK);
}

static inline void unlock_ns(struct h5flash *f)
{
	wr(f, NSKEYR, 0x45670123);
	wr(f, NSKEYR, 0xCDEF89AB);
	assert_int_equal(rd(f, NSCR) & LOCK, 0);
}

static inline void unlock_opt(struct h5flash *f)
{
	wr(f, OPTKEYR, 0x08192A3B);
	wr(f, OPTKEYR, 0x4C5D6E7F);
	assert_int_equal(rd(f, OPTCR) & OPTLOCK, 0);
}

static inline void mw(struct h5flash *f, uint32_t addr, uint32_t v, uint32_t len)
{
	assert_int_equal(h5flash_mem_write(f, addr, &fw_ns, v, len), H5FLASH_BUS_OK);
}

static inline uint32_t mr32(struct h5flash *f, uint32_t addr)
{
	uint32_t v = 0;
	assert_int_equal(h5flash_mem_read(f, addr, &fw_ns, &v, 4), H5FLASH_BUS_OK);
	return v;
}

/* Program one quad-word with four 32-bit stores through the NS registers and wait */
static inline void program_qword(struct h5flash *f, uint32_t addr, uint32_t w)
{
	wr(f, NSCR, PG);
	for (int i = 0; i < 4; i++)
		mw(f, addr + 4 * i, w + i, 4);
	h5flash_advance(f, T_PROG);
	wr(f, NSCR, 0);
}

/* Option-byte change of one _PRG register by firmware (or debugger), then wait. Returns
 * NSSR without EOP (left over from earlier programming in some tests). */
static inline uint32_t ob_change(struct h5flash *f, uint32_t prg_off, uint32_t value,
		const struct h5flash_access *who)
{
	if (rd(f, OPTCR) & OPTLOCK)
		unlock_opt(f);
	wr_acc(f, prg_off, value, who);
	wr_acc(f, OPTCR, OPTSTRT, who);
	h5flash_advance(f, T_OPT);
	return rd(f, NSSR) & ~EOP;
}

static inline uint32_t set_pstate(struct h5flash *f, uint8_t ps, const struct h5flash_access *who)
{
	uint32_t optsr = rd(f, OPTSR_PRG);
	return ob_change(f, OPTSR_PRG, (optsr & ~0xFF00u) | (uint32_t)ps << 8, who);
}

static inline uint8_t pstate(struct h5flash *f)
{
	return (rd(f, OPTSR_CUR) >> 8) & 0xFF;
}

#endif /* TEST_FLASH_UTIL_H */
