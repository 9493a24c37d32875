/* SPDX-License-Identifier: GPL-2.0-or-later */

/* h5sim: a MEM-AP (ADIv5/ADIv6 register set CSW/TAR/DRW/BD0-3/CFG/BASE/IDR) over a bus. */

#ifndef H5SIM_MEM_AP_H
#define H5SIM_MEM_AP_H

#include <stdbool.h>
#include <stdint.h>

#include "bus.h"

struct h5sim_chip;

struct mem_ap {
	const char *name;
	struct h5sim_chip *chip;
	struct bus *bus;
	bool apb;		/* APB-AP: 32-bit transfers only, no security attribute */
	bool gated;		/* AP1: DeviceEn and transfers follow chip_ap1_gate() */
	bool absent;		/* fault: not implemented (IDR 0, every transfer fails) */
	uint32_t idr, base, cfg;
	uint32_t csw_reset;
	uint32_t csw, tar;
};

void mem_ap_reset(struct mem_ap *ap);
/* reg is the AP register address (APBANKSEL << 4 | A[3:2] << 2). BUS_ERROR sets STICKYERR. */
enum bus_result mem_ap_read(struct mem_ap *ap, uint32_t reg, uint32_t *value);
enum bus_result mem_ap_write(struct mem_ap *ap, uint32_t reg, uint32_t value);

#endif /* H5SIM_MEM_AP_H */
