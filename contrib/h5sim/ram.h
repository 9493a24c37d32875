/* SPDX-License-Identifier: GPL-2.0-or-later */

/* h5sim: SRAM1/2/3 (one contiguous array, seen at 0x20000000 and at the secure alias). With
 * TrustZone in effect, the first secure_size bytes are secure blocks (GTZC MPCBB, as the secure
 * firmware left them [U]): non-secure debugger accesses to them read as zero and are ignored. */

#ifndef H5SIM_RAM_H
#define H5SIM_RAM_H

#include <stdbool.h>
#include <stdint.h>

#include "bus.h"

#define RAM_BASE_NS	0x20000000u
#define RAM_BASE_S	0x30000000u

struct h5sim_ram {
	uint8_t *mem;
	uint32_t size;
	uint32_t sram3_offset;	/* SRAM3 starts here (== size if there is none) */
	bool code_dirty;	/* written other than by the core: compiled code may be stale */
	uint32_t dirty_lo, dirty_hi;	/* offsets of what was written, while code_dirty */
	uint32_t secure_size;		/* bytes from the start that are secure-only blocks */
	bool (*tz_active)(void *ctx);	/* TrustZone in effect (secure_size applies) */
	void *tz_ctx;
};

extern const struct bus_region_ops ram_ops;	/* the secure alias, or a part without TrustZone */
extern const struct bus_region_ops ram_ns_ops;	/* the non-secure alias of a TrustZone part */

int ram_init(struct h5sim_ram *ram, uint32_t size, uint32_t sram3_offset);
void ram_free(struct h5sim_ram *ram);
void ram_erase(struct h5sim_ram *ram);
bool ram_in_sram3(const struct h5sim_ram *ram, uint32_t addr, uint32_t len);

#endif /* H5SIM_RAM_H */
