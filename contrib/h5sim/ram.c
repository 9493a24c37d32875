// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: SRAM. Unwritten RAM reads 0; an erase (regression) zeroes it. Little-endian.
 * Non-secure alias of a TrustZone part: with TrustZone in effect, a non-secure access to the
 * first secure_size bytes (secure blocks) reads as zero and a write is ignored [I].
 */

#include <stdlib.h>
#include <string.h>

#include "ram.h"

static enum bus_result ram_read(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t *value)
{
	struct h5sim_ram *ram = opaque;
	uint32_t v = 0;

	for (unsigned int i = 0; i < size; i++)
		v |= (uint32_t)ram->mem[off + i] << (8 * i);
	*value = v;
	return BUS_OK;
}

static enum bus_result ram_write(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t value)
{
	struct h5sim_ram *ram = opaque;

	for (unsigned int i = 0; i < size; i++)
		ram->mem[off + i] = (uint8_t)(value >> (8 * i));
	if (acc->debugger) {
		if (!ram->code_dirty || off < ram->dirty_lo)
			ram->dirty_lo = off;
		if (!ram->code_dirty || off + size - 1 > ram->dirty_hi)
			ram->dirty_hi = off + size - 1;
		ram->code_dirty = true;
	}
	return BUS_OK;
}

const struct bus_region_ops ram_ops = {
	.read = ram_read,
	.write = ram_write,
};

static bool ns_blocked(const struct h5sim_ram *ram, uint32_t off, const struct bus_access *acc)
{
	return !acc->secure && off < ram->secure_size && ram->tz_active && ram->tz_active(ram->tz_ctx);
}

static enum bus_result ram_ns_read(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t *value)
{
	if (ns_blocked(opaque, off, acc)) {
		*value = 0;
		return BUS_OK;
	}
	return ram_read(opaque, off, size, acc, value);
}

static enum bus_result ram_ns_write(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t value)
{
	if (ns_blocked(opaque, off, acc))
		return BUS_OK;
	return ram_write(opaque, off, size, acc, value);
}

const struct bus_region_ops ram_ns_ops = {
	.read = ram_ns_read,
	.write = ram_ns_write,
};

int ram_init(struct h5sim_ram *ram, uint32_t size, uint32_t sram3_offset)
{
	ram->mem = calloc(1, size);
	ram->size = size;
	ram->sram3_offset = sram3_offset;
	return ram->mem ? 0 : -1;
}

void ram_free(struct h5sim_ram *ram)
{
	free(ram->mem);
	ram->mem = NULL;
}

void ram_erase(struct h5sim_ram *ram)
{
	memset(ram->mem, 0, ram->size);
	ram->code_dirty = true;
	ram->dirty_lo = 0;
	ram->dirty_hi = ram->size - 1;
}

bool ram_in_sram3(const struct h5sim_ram *ram, uint32_t addr, uint32_t len)
{
	uint32_t off;

	if (addr - RAM_BASE_NS < ram->size)
		off = addr - RAM_BASE_NS;
	else if (addr - RAM_BASE_S < ram->size)
		off = addr - RAM_BASE_S;
	else
		return false;
	return ram->sram3_offset < ram->size && off >= ram->sram3_offset &&
		len <= ram->size - off;
}
