// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: system memory. The ROM's real code is not available; the model places:
 *  - at the bootloader vector: initial SP = end of SRAM1, reset handler = an idle loop;
 *  - on parts with RSSLIB, the function table at 0x0BF9FB68: +0x00 NSC.DataProvisioning
 *    points at a stub ("bx lr") whose first instruction the CPU model traps into
 *    h5flash_rss_data_provisioning; the other entries (+0x04 NSSLIB, +0x10..+0x18 JumpHDPL*)
 *    point at a stub that returns RSSLIB_ERROR and logs "not modelled".
 * The stubs sit at system-memory offset size - 0x1000. Writes are bus errors.
 */

#include <stdlib.h>
#include <string.h>

#include "parts.h"
#include "sysmem.h"

#define THUMB_BX_LR	0x4770
#define THUMB_B_SELF	0xE7FE

static void put16(struct h5sim_sysmem *s, uint32_t addr, uint16_t v)
{
	uint32_t off = addr - SYSMEM_BASE_NS;
	s->mem[off] = (uint8_t)v;
	s->mem[off + 1] = (uint8_t)(v >> 8);
}

static void put32(struct h5sim_sysmem *s, uint32_t addr, uint32_t v)
{
	put16(s, addr, (uint16_t)v);
	put16(s, addr + 2, (uint16_t)(v >> 16));
}

int sysmem_init(struct h5sim_sysmem *s, const struct h5sim_part *part)
{
	s->size = part->sysmem_size;
	s->mem = calloc(1, s->size);
	if (!s->mem)
		return -1;

	uint32_t stubs = SYSMEM_BASE_NS + s->size - 0x1000;
	s->stub_data_provisioning = stubs;
	s->stub_unmodelled = stubs + 0x10;
	s->idle_loop = stubs + 0x20;
	put16(s, s->stub_data_provisioning, THUMB_BX_LR);
	put16(s, s->stub_unmodelled, THUMB_BX_LR);
	put16(s, s->idle_loop, THUMB_B_SELF);

	put32(s, part->bootloader_vector, 0x20000000u + part->sram1_size);
	put32(s, part->bootloader_vector + 4, s->idle_loop | 1);

	if (part->has_rsslib) {
		put32(s, RSSLIB_PFUNC_BASE, s->stub_data_provisioning | 1);
		for (uint32_t off = 4; off <= 0x18; off += 4)
			put32(s, RSSLIB_PFUNC_BASE + off, s->stub_unmodelled | 1);
	}
	return 0;
}

void sysmem_free(struct h5sim_sysmem *s)
{
	free(s->mem);
	s->mem = NULL;
}

static enum bus_result sysmem_read(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t *value)
{
	struct h5sim_sysmem *s = opaque;
	uint32_t v = 0;

	for (unsigned int i = 0; i < size; i++)
		v |= (uint32_t)s->mem[off + i] << (8 * i);
	*value = v;
	return BUS_OK;
}

static enum bus_result sysmem_write(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t value)
{
	return BUS_ERROR;
}

const struct bus_region_ops sysmem_ops = {
	.read = sysmem_read,
	.write = sysmem_write,
};
