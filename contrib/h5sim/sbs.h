/* SPDX-License-Identifier: GPL-2.0-or-later */

/* h5sim: SBS (system configuration) registers, the HDPL ones modelled (h5-flash-ob.md §7.1). */

#ifndef H5SIM_SBS_H
#define H5SIM_SBS_H

#include <stdbool.h>
#include <stdint.h>

#include "bus.h"

#define SBS_BASE_NS	0x44000400u
#define SBS_BASE_S	0x54000400u
#define SBS_SIZE	0x400u

#define SBS_HDPL0	0xB4
#define SBS_HDPL1	0x51
#define SBS_HDPL2	0x8A
#define SBS_HDPL3	0x6F

struct h5sim_sbs {
	/* told the HDPL (0..3) and the OBK-HDPL (HDPL + NEXTHDPL, at most 3) on every change */
	void (*hdpl_changed)(void *ctx, unsigned int hdpl, unsigned int obk_hdpl);
	void *ctx;
	uint8_t hdpl_at_boot;
	uint8_t hdpl;		/* HDPLSR code */
	uint32_t nexthdpl;
	uint32_t dbgcr;
	bool dbgcfg_locked;
	uint32_t other[SBS_SIZE / 4];	/* plain storage for the registers not modelled */
};

extern const struct bus_region_ops sbs_ops;

void sbs_reset(struct h5sim_sbs *s);
unsigned int sbs_hdpl_level(const struct h5sim_sbs *s);	/* 0..3 */

#endif /* H5SIM_SBS_H */
