/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim: DBGMCU (h5-flash-ob.md §1.5, h5-debug-auth.md §1.2). Seen by AP0 at 0xE0044000
 * (with the DA mailbox at 0x100..0x108) and by the CPU at 0x44024000.
 */

#ifndef H5SIM_DBGMCU_H
#define H5SIM_DBGMCU_H

#include <stdint.h>

#include "bus.h"

#define DBGMCU_BASE_DEBUG	0xE0044000u
#define DBGMCU_BASE_CPU		0x44024000u
#define DBGMCU_SIZE		0x1000u

struct h5sim_chip;

struct h5sim_dbgmcu {
	struct h5sim_chip *chip;
	uint32_t idcode;
	uint32_t cr;
	uint32_t fz[7];		/* APB1FZR1, APB1FZR2, APB2FZR, APB3FZR, -, -, AHB1FZR (0x08..0x20) */
};

extern const struct bus_region_ops dbgmcu_debug_ops;	/* AP0 view */
extern const struct bus_region_ops dbgmcu_cpu_ops;	/* system-bus view, no mailbox */

void dbgmcu_reset(struct h5sim_dbgmcu *d);
uint32_t dbgmcu_sr(const struct h5sim_dbgmcu *d);

#endif /* H5SIM_DBGMCU_H */
