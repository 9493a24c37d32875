/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim: the Cortex-M33 private peripheral bus as a debugger sees it: SCS (CPUID, AIRCR,
 * DFSR, DHCSR, DCRSR, DCRDR, DEMCR, DSCSR, MVFR, DAUTHSTATUS), FPB, DWT, ITM stub and the
 * CoreSight ROM table. It also holds the core's debug run state (halted, lockup, sticky bits).
 */

#ifndef H5SIM_SCS_H
#define H5SIM_SCS_H

#include <stdbool.h>
#include <stdint.h>

#include "bus.h"

#define PPB_BASE	0xE0000000u
#define PPB_SIZE	0x00100000u

#define CPUID_M33_R0P4	0x410FD214u

/* DFSR reasons */
#define DFSR_HALTED	(1u << 0)
#define DFSR_BKPT	(1u << 1)
#define DFSR_DWTTRAP	(1u << 2)
#define DFSR_VCATCH	(1u << 3)
#define DFSR_EXTERNAL	(1u << 4)

#define FPB_NUM_CODE	8
#define DWT_NUM_COMP	4

struct h5sim_chip;

struct h5sim_scs {
	struct h5sim_chip *chip;
	/* debug state */
	uint32_t dhcsr_ctrl;		/* C_DEBUGEN, C_HALT, C_STEP, C_MASKINTS, C_SNAPSTALL */
	bool halted;
	bool lockup;
	bool s_reset_st, s_retire_st;
	uint32_t dcrdr, demcr, dfsr;
	uint32_t dscsr_ctrl;		/* SBRSEL, SBRSELEN */
	bool pending_system_reset;
	/* SCB storage (VTOR, SHCSR, CFSR, ...), word-indexed from 0xE000ED00 */
	uint32_t scb[0x100 / 4];
	/* FPB */
	bool fpb_enable;
	uint32_t fp_comp[FPB_NUM_CODE];
	/* DWT */
	uint32_t dwt_ctrl, dwt_cyccnt;
	uint32_t dwt_comp[DWT_NUM_COMP], dwt_function[DWT_NUM_COMP];
	uint64_t halts, bkpt_halts, fpb_halts, watch_halts, steps;
};

extern const struct bus_region_ops scs_ops;	/* region over PPB_BASE, PPB_SIZE */

void scs_debug_reset(struct h5sim_scs *s);	/* power-on: debug registers cleared */
void scs_system_reset(struct h5sim_scs *s);	/* system reset: SCB cleared, S_RESET_ST */

void scs_halt(struct h5sim_scs *s, uint32_t dfsr_reason);
void scs_lockup(struct h5sim_scs *s);
bool scs_fpb_hit(const struct h5sim_scs *s, uint32_t pc);
uint32_t scs_dhcsr(const struct h5sim_scs *s);

#endif /* H5SIM_SCS_H */
