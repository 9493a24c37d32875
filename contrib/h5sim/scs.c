// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: Cortex-M33 private peripheral bus. Register semantics from the ARMv8-M debug
 * architecture as OpenOCD 0.12.0's cortex_m examine/halt/step/resume use them:
 *  - DHCSR writes need DBGKEY 0xA05F; entering Debug state sets C_HALT; reads add S_REGRDY, S_HALT, S_LOCKUP, S_SDE and the
 *    sticky S_RETIRE_ST / S_RESET_ST, which a read clears;
 *  - DCRSR transfers at once between DCRDR and the core register (S_REGRDY always 1);
 *  - DFSR is write-one-to-clear; DEMCR, FPB and DWT are reset only at power-on;
 *  - AIRCR with VECTKEY 0x05FA and SYSRESETREQ requests a system reset;
 *  - FPB v2 (8 code comparators, BPADDR[31:1] | BE); DWT with 4 comparators (data-address
 *    watchpoints are checked by the CPU model; reading FUNCTION clears MATCHED);
 *  - DAUTHSTATUS.SID reports the security extension when TrustZone is enabled.
 * CoreSight IDs follow the ARM layout; the part numbers (0xD21, ROM 0x4C9) are [I].
 */

#include "chip.h"
#include "cpu.h"
#include "flash/flash.h"
#include "scs.h"

#define C_DEBUGEN	(1u << 0)
#define C_HALT		(1u << 1)
#define C_STEP		(1u << 2)
#define C_MASKINTS	(1u << 3)
#define C_SNAPSTALL	(1u << 5)
#define C_MASK		(C_DEBUGEN | C_HALT | C_STEP | C_MASKINTS | C_SNAPSTALL)
#define S_REGRDY	(1u << 16)
#define S_HALT		(1u << 17)
#define S_LOCKUP	(1u << 19)
#define S_SDE		(1u << 20)
#define S_RETIRE_ST	(1u << 24)
#define S_RESET_ST	(1u << 25)
#define DBGKEY		0xA05Fu

#define DEMCR_VC_CORERESET	(1u << 0)
#define DEMCR_MASK		0x010F0FF1u

/* offsets inside the PPB */
#define ITM_BASE	0x00000
#define DWT_BASE	0x01000
#define FPB_BASE	0x02000
#define SCS_BASE	0x0E000
#define ROM_BASE	0xFF000

#define SCB_FIRST	0x0ED00
#define CPUID_OFF	0x0ED00
#define AIRCR_OFF	0x0ED0C
#define DFSR_OFF	0x0ED30
#define DHCSR_OFF	0x0EDF0
#define DCRSR_OFF	0x0EDF4
#define DCRDR_OFF	0x0EDF8
#define DEMCR_OFF	0x0EDFC
#define DSCSR_OFF	0x0EE08
#define MVFR0_OFF	0x0EF40
#define MVFR1_OFF	0x0EF44
#define MVFR2_OFF	0x0EF48
#define DAUTH_OFF	0x0EFB8

struct cs_ids {
	uint32_t base;		/* component offset in the PPB */
	uint16_t part;
	uint8_t cid1;		/* 0x10 ROM table, 0x90 CoreSight */
	uint32_t devarch;
	uint32_t devtype;
};

static const struct cs_ids components[] = {
	{ ITM_BASE, 0xD21, 0x90, 0x47701A01, 0x43 },
	{ DWT_BASE, 0xD21, 0x90, 0x47701A02, 0x00 },
	{ FPB_BASE, 0xD21, 0x90, 0x47701A03, 0x00 },
	{ SCS_BASE, 0xD21, 0x90, 0x47702A04, 0x00 },
	{ ROM_BASE, 0x4C9, 0x10, 0x00000000, 0x01 },	/* MEMTYPE.SYSMEM = 1 */
};

/* ROM table entries: offset from the ROM table | format | present */
static const uint32_t rom_entries[] = {
	(uint32_t)(SCS_BASE - ROM_BASE) | 3u,
	(uint32_t)(DWT_BASE - ROM_BASE) | 3u,
	(uint32_t)(FPB_BASE - ROM_BASE) | 3u,
	(uint32_t)(ITM_BASE - ROM_BASE) | 3u,
	0,
};

static bool cs_id_read(uint32_t off, uint32_t *value)
{
	uint32_t in = off & 0xFFF;

	if (in < 0xFBC)
		return false;
	for (unsigned int i = 0; i < sizeof(components) / sizeof(components[0]); i++) {
		const struct cs_ids *c = &components[i];
		if ((off & ~0xFFFu) != c->base)
			continue;
		switch (in) {
		case 0xFBC: *value = c->devarch; return true;
		case 0xFCC: *value = c->devtype; return true;
		case 0xFD0: *value = 0x04; return true;				/* PIDR4: JEP106 cont. 4 */
		case 0xFE0: *value = c->part & 0xFF; return true;		/* PIDR0 */
		case 0xFE4: *value = (c->part >> 8) | 0xB0; return true;	/* PIDR1: JEP106 0x3B low */
		case 0xFE8: *value = 0x0B; return true;				/* PIDR2: JEDEC, 0x3B high */
		case 0xFEC: *value = 0; return true;
		case 0xFF0: *value = 0x0D; return true;
		case 0xFF4: *value = c->cid1; return true;
		case 0xFF8: *value = 0x05; return true;
		case 0xFFC: *value = 0xB1; return true;
		default: *value = 0; return true;
		}
	}
	return false;
}

static bool tz_active(const struct h5sim_scs *s)
{
	return s->chip->part->trustzone && h5flash_tzen(s->chip->flash);
}

uint32_t scs_dhcsr(const struct h5sim_scs *s)
{
	uint32_t v = s->dhcsr_ctrl | S_REGRDY;

	if (s->halted)
		v |= S_HALT;
	if (s->lockup)
		v |= S_LOCKUP;
	if (tz_active(s) && chip_ap1_gate(s->chip) == AP1_FULL)
		v |= S_SDE;
	if (s->s_retire_st)
		v |= S_RETIRE_ST;
	if (s->s_reset_st)
		v |= S_RESET_ST;
	return v;
}

void scs_debug_reset(struct h5sim_scs *s)
{
	s->dhcsr_ctrl = 0;
	s->halted = false;
	s->lockup = false;
	s->s_reset_st = true;
	s->s_retire_st = false;
	s->dcrdr = 0;
	s->demcr = 0;
	s->dfsr = 0;
	s->dscsr_ctrl = 0;
	s->fpb_enable = false;
	for (unsigned int i = 0; i < FPB_NUM_CODE; i++)
		s->fp_comp[i] = 0;
	s->dwt_ctrl = 0;
	s->dwt_cyccnt = 0;
	for (unsigned int i = 0; i < DWT_NUM_COMP; i++)
		s->dwt_comp[i] = s->dwt_function[i] = 0;
	scs_system_reset(s);
}

void scs_system_reset(struct h5sim_scs *s)
{
	for (unsigned int i = 0; i < sizeof(s->scb) / sizeof(s->scb[0]); i++)
		s->scb[i] = 0;
	s->halted = false;
	s->lockup = false;
	s->s_reset_st = true;
	s->pending_system_reset = false;
}

void scs_halt(struct h5sim_scs *s, uint32_t dfsr_reason)
{
	if (!s->halted)
		s->halts++;
	s->halted = true;
	s->lockup = false;
	s->dfsr |= dfsr_reason;
	/* the core sets C_HALT when it enters Debug state */
	if (s->dhcsr_ctrl & C_DEBUGEN)
		s->dhcsr_ctrl |= C_HALT;
}

void scs_lockup(struct h5sim_scs *s)
{
	s->lockup = true;
}

bool scs_fpb_hit(const struct h5sim_scs *s, uint32_t pc)
{
	if (!s->fpb_enable || !(s->dhcsr_ctrl & C_DEBUGEN))
		return false;
	for (unsigned int i = 0; i < FPB_NUM_CODE; i++)
		if ((s->fp_comp[i] & 1) && (s->fp_comp[i] & ~1u) == (pc & ~1u))
			return true;
	return false;
}

static void dhcsr_write(struct h5sim_scs *s, uint32_t v)
{
	struct h5sim_chip *chip = s->chip;

	if ((v >> 16) != DBGKEY)
		return;
	s->dhcsr_ctrl = v & C_MASK;
	if (!(s->dhcsr_ctrl & C_DEBUGEN)) {
		s->dhcsr_ctrl = 0;
		s->halted = false;	/* no halting debug without C_DEBUGEN */
		return;
	}
	if (s->dhcsr_ctrl & C_HALT) {
		if (!s->halted && !chip->srst_asserted && !chip->in_rom)
			scs_halt(s, DFSR_HALTED);
		return;
	}
	if (!s->halted)
		return;
	s->halted = false;
	/* with non-secure debug only, the core is debugged (halted, resumed, made to run a
	 * debugger's code) in Non-secure state only [I]: what it runs accesses as non-secure */
	if (tz_active(s) && chip_ap1_gate(chip) == AP1_NS_ONLY && core_secure(chip->cpu)) {
		core_set_secure(chip->cpu, false);
		chip_log(chip, "cpu: resumed by a non-secure-only debugger: Non-secure state");
	}
	if (s->dhcsr_ctrl & C_STEP) {
		s->steps++;
		if (core_run(chip->cpu, 1) > 0) {
			chip->cnt.instructions++;
			chip->now_ns += chip->opt->ns_per_insn;
			s->s_retire_st = true;
		}
		if (!s->halted && !s->lockup)
			scs_halt(s, DFSR_HALTED);
	}
}

static void dcrsr_write(struct h5sim_scs *s, uint32_t v)
{
	unsigned int regsel = v & 0x7F;

	if (v & (1u << 16))
		core_reg_write(s->chip->cpu, regsel, s->dcrdr);
	else if (!core_reg_read(s->chip->cpu, regsel, &s->dcrdr))
		s->dcrdr = 0;
}

static uint32_t scs_word_read(struct h5sim_scs *s, uint32_t off, const struct bus_access *acc)
{
	uint32_t v;

	if (cs_id_read(off, &v))
		return v;
	if (off >= ROM_BASE && off < ROM_BASE + sizeof(rom_entries))
		return rom_entries[(off - ROM_BASE) / 4];
	if (off >= FPB_BASE && off < FPB_BASE + 0x1000) {
		uint32_t r = off - FPB_BASE;
		if (r == 0)	/* FP_CTRL: rev 2, NUM_CODE 8, NUM_LIT 0 */
			return 0x10000000u | ((FPB_NUM_CODE & 0xF) << 4) |
				((FPB_NUM_CODE & 0x70) << 8) | (s->fpb_enable ? 1 : 0);
		if (r >= 8 && r < 8 + 4 * FPB_NUM_CODE)
			return s->fp_comp[(r - 8) / 4];
		return 0;
	}
	if (off >= DWT_BASE && off < DWT_BASE + 0x1000) {
		uint32_t r = off - DWT_BASE;
		if (r == 0)
			return ((uint32_t)DWT_NUM_COMP << 28) | (s->dwt_ctrl & 1);
		if (r == 4)
			return s->dwt_cyccnt;
		if (r >= 0x20 && r < 0x20 + 0x10 * DWT_NUM_COMP) {
			unsigned int n = (r - 0x20) / 0x10;
			if ((r & 0xF) == 0)
				return s->dwt_comp[n];
			if ((r & 0xF) == 8) {
				uint32_t fn = s->dwt_function[n];
				if (acc->debugger)
					s->dwt_function[n] &= ~(1u << 24);
				return fn;
			}
		}
		return 0;
	}
	switch (off) {
	case CPUID_OFF:
		return CPUID_M33_R0P4;
	case AIRCR_OFF:
		return 0xFA050000u | (s->scb[(AIRCR_OFF - SCB_FIRST) / 4] & 0x708u);
	case DFSR_OFF:
		return s->dfsr;
	case DHCSR_OFF: {
		uint32_t d = scs_dhcsr(s);
		if (acc->debugger) {
			s->s_retire_st = false;
			if (!s->chip->srst_asserted)
				s->s_reset_st = false;
		}
		return d;
	}
	case DCRSR_OFF:
		return 0;
	case DCRDR_OFF:
		return s->dcrdr;
	case DEMCR_OFF:
		return s->demcr;
	case DSCSR_OFF:
		return s->dscsr_ctrl | (core_secure(s->chip->cpu) ? 1u << 16 : 0);
	case MVFR0_OFF:
		return 0x10110021u;	/* single-precision FPv5 */
	case MVFR1_OFF:
		return 0x11000011u;
	case MVFR2_OFF:
		return 0x00000040u;
	case DAUTH_OFF: {
		uint32_t sid = 0;
		if (tz_active(s))
			sid = chip_ap1_gate(s->chip) == AP1_FULL ? 3 : 2;
		return sid << 6 | sid << 4 | 0xF;
	}
	default:
		if (off >= SCB_FIRST && off < SCB_FIRST + 0x100)
			return s->scb[(off - SCB_FIRST) / 4];
		return 0;
	}
}

static void scs_word_write(struct h5sim_scs *s, uint32_t off, uint32_t v, const struct bus_access *acc)
{
	if (off >= FPB_BASE && off < FPB_BASE + 0x1000) {
		uint32_t r = off - FPB_BASE;
		if (r == 0 && (v & 2))
			s->fpb_enable = v & 1;
		else if (r >= 8 && r < 8 + 4 * FPB_NUM_CODE)
			s->fp_comp[(r - 8) / 4] = v;
		return;
	}
	if (off >= DWT_BASE && off < DWT_BASE + 0x1000) {
		uint32_t r = off - DWT_BASE;
		if (r == 0)
			s->dwt_ctrl = v & 1;
		else if (r == 4)
			s->dwt_cyccnt = v;
		else if (r >= 0x20 && r < 0x20 + 0x10 * DWT_NUM_COMP) {
			unsigned int n = (r - 0x20) / 0x10;
			if ((r & 0xF) == 0)
				s->dwt_comp[n] = v;
			else if ((r & 0xF) == 8)
				s->dwt_function[n] = v & 0x00000C3Fu;	/* DATAVSIZE, ACTION, MATCH */
		}
		return;
	}
	switch (off) {
	case CPUID_OFF:
		return;
	case AIRCR_OFF:
		if ((v >> 16) != 0x05FA)
			return;
		s->scb[(AIRCR_OFF - SCB_FIRST) / 4] = v & 0x708u;
		if (v & (1u << 2))
			s->pending_system_reset = true;
		return;
	case DFSR_OFF:
		s->dfsr &= ~v;
		return;
	case DHCSR_OFF:
		if (acc->debugger)
			dhcsr_write(s, v);
		return;
	case DCRSR_OFF:
		if (acc->debugger)
			dcrsr_write(s, v);
		return;
	case DCRDR_OFF:
		s->dcrdr = v;
		return;
	case DEMCR_OFF:
		s->demcr = v & DEMCR_MASK;
		return;
	case DSCSR_OFF:
		s->dscsr_ctrl = v & 3;
		return;
	default:
		if (off >= SCB_FIRST && off < SCB_FIRST + 0x100)
			s->scb[(off - SCB_FIRST) / 4] = v;
		return;
	}
}

static enum bus_result scs_read(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t *value)
{
	uint32_t w = scs_word_read(opaque, off & ~3u, acc);

	*value = (w >> (8 * (off & 3))) & (size == 4 ? 0xFFFFFFFFu : (1u << (8 * size)) - 1);
	return BUS_OK;
}

static enum bus_result scs_write(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t value)
{
	struct h5sim_scs *s = opaque;
	uint32_t aligned = off & ~3u;

	if (size != 4) {
		/* narrow write: merge into the register's current value (no read side effects) */
		struct bus_access quiet = *acc;
		quiet.debugger = false;
		uint32_t cur = scs_word_read(s, aligned, &quiet);
		uint32_t mask = ((1u << (8 * size)) - 1) << (8 * (off & 3));
		value = (cur & ~mask) | ((value << (8 * (off & 3))) & mask);
	}
	scs_word_write(s, aligned, value, acc);
	return BUS_OK;
}

const struct bus_region_ops scs_ops = {
	.read = scs_read,
	.write = scs_write,
};
