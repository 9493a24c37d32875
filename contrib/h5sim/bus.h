/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim: a bus is a table of regions, each with QEMU-style read/write/reset callbacks.
 * The system bus (CPU and AP1) and the debug APB (AP0) are two instances.
 */

#ifndef H5SIM_BUS_H
#define H5SIM_BUS_H

#include <stdbool.h>
#include <stdint.h>

/* Who performs the access */
struct bus_access {
	bool secure;		/* HNONSEC == 0 */
	bool privileged;
	bool debugger;		/* an access port rather than the CPU */
};

enum bus_result {
	BUS_OK,
	BUS_ERROR,
};

/* offset is relative to the region base and aligned to size (1, 2 or 4); values are
 * little-endian numbers of that size, in the low bits. */
struct bus_region_ops {
	enum bus_result (*read)(void *opaque, uint32_t offset, unsigned int size,
			const struct bus_access *acc, uint32_t *value);
	enum bus_result (*write)(void *opaque, uint32_t offset, unsigned int size,
			const struct bus_access *acc, uint32_t value);
	/* optional: does this region claim the address (for sparse windows) */
	bool (*claims)(void *opaque, uint32_t addr);
};

struct bus_region {
	const char *name;
	uint32_t base;
	uint32_t size;		/* 0 with a claims() callback means "ask claims()" */
	const struct bus_region_ops *ops;
	void *opaque;
};

#define BUS_MAX_REGIONS 32

struct bus {
	const char *name;
	struct bus_region regions[BUS_MAX_REGIONS];
	unsigned int count;
	/* accesses that match no region read as zero and ignore writes inside this window
	 * (peripherals that are not modelled); elsewhere they are bus errors */
	uint32_t raz_base, raz_size;
	uint32_t last_error_addr;
	/* words an idle core polls: a debugger write to one of them counts in watch_hits */
	uint32_t watch[4];
	unsigned int nwatch;
	uint64_t watch_hits;
};

void bus_init(struct bus *bus, const char *name, uint32_t raz_base, uint32_t raz_size);
void bus_add(struct bus *bus, const char *name, uint32_t base, uint32_t size,
		const struct bus_region_ops *ops, void *opaque);
const struct bus_region *bus_find(const struct bus *bus, uint32_t addr);
enum bus_result bus_read(struct bus *bus, uint32_t addr, unsigned int size,
		const struct bus_access *acc, uint32_t *value);
enum bus_result bus_write(struct bus *bus, uint32_t addr, unsigned int size,
		const struct bus_access *acc, uint32_t value);

#endif /* H5SIM_BUS_H */
