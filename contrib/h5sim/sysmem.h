/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim: system memory (boot ROM) content: the bootloader vector, the RSSLIB function table
 * at 0x0BF9FB68 and small Thumb stubs whose entry the CPU model traps (h5-flash-ob.md §2.1, §6.3).
 */

#ifndef H5SIM_SYSMEM_H
#define H5SIM_SYSMEM_H

#include <stdbool.h>
#include <stdint.h>

#include "bus.h"

#define SYSMEM_BASE_NS		0x0BF80000u
#define SYSMEM_BASE_S		0x0FF80000u
#define RSSLIB_PFUNC_BASE	0x0BF9FB68u
#define RSSLIB_SUCCESS		0xEAEAEAEAu
#define RSSLIB_ERROR		0xF5F5F5F5u
#define RSSLIB_ERR_ARGS		0xF5F5E0E0u	/* source not in SRAM3, bad destination or size */

struct h5sim_part;

struct h5sim_sysmem {
	uint8_t *mem;
	uint32_t size;
	uint32_t stub_data_provisioning;	/* address of the trapped entry (Thumb bit clear) */
	uint32_t stub_unmodelled;
	uint32_t idle_loop;
};

extern const struct bus_region_ops sysmem_ops;

int sysmem_init(struct h5sim_sysmem *s, const struct h5sim_part *part);
void sysmem_free(struct h5sim_sysmem *s);

#endif /* H5SIM_SYSMEM_H */
