// SPDX-License-Identifier: GPL-2.0-or-later

/* h5sim: bus dispatch. The first region (in table order) that claims an address serves it. */

#include <stdio.h>
#include <stdlib.h>

#include "bus.h"

void bus_init(struct bus *bus, const char *name, uint32_t raz_base, uint32_t raz_size)
{
	bus->name = name;
	bus->count = 0;
	bus->raz_base = raz_base;
	bus->raz_size = raz_size;
	bus->last_error_addr = 0;
}

void bus_add(struct bus *bus, const char *name, uint32_t base, uint32_t size,
		const struct bus_region_ops *ops, void *opaque)
{
	if (bus->count >= BUS_MAX_REGIONS) {
		fprintf(stderr, "h5sim: bus %s: too many regions (adding %s)\n", bus->name, name);
		abort();
	}
	struct bus_region *r = &bus->regions[bus->count++];
	r->name = name;
	r->base = base;
	r->size = size;
	r->ops = ops;
	r->opaque = opaque;
}

const struct bus_region *bus_find(const struct bus *bus, uint32_t addr)
{
	for (unsigned int i = 0; i < bus->count; i++) {
		const struct bus_region *r = &bus->regions[i];
		if (r->size == 0) {
			if (r->ops->claims && r->ops->claims(r->opaque, addr))
				return r;
			continue;
		}
		if (addr - r->base < r->size)
			return r;
	}
	return NULL;
}

enum bus_result bus_read(struct bus *bus, uint32_t addr, unsigned int size,
		const struct bus_access *acc, uint32_t *value)
{
	const struct bus_region *r = bus_find(bus, addr);

	*value = 0;
	if (!r) {
		if (addr - bus->raz_base < bus->raz_size)
			return BUS_OK;
		bus->last_error_addr = addr;
		return BUS_ERROR;
	}
	enum bus_result res = r->ops->read(r->opaque, r->size ? addr - r->base : addr, size, acc, value);
	if (res != BUS_OK)
		bus->last_error_addr = addr;
	return res;
}

enum bus_result bus_write(struct bus *bus, uint32_t addr, unsigned int size,
		const struct bus_access *acc, uint32_t value)
{
	const struct bus_region *r = bus_find(bus, addr);

	if (acc->debugger)
		for (unsigned int i = 0; i < bus->nwatch; i++)
			if (bus->watch[i] == (addr & ~3u) || bus->watch[i] == ((addr + size - 1) & ~3u))
				bus->watch_hits++;
	if (!r) {
		if (addr - bus->raz_base < bus->raz_size)
			return BUS_OK;
		bus->last_error_addr = addr;
		return BUS_ERROR;
	}
	if (!r->ops->write) {
		bus->last_error_addr = addr;
		return BUS_ERROR;
	}
	enum bus_result res = r->ops->write(r->opaque, r->size ? addr - r->base : addr, size, acc, value);
	if (res != BUS_OK)
		bus->last_error_addr = addr;
	return res;
}
