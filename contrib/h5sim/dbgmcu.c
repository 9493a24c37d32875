// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: DBGMCU. IDCODE = REV_ID << 16 | DEV_ID; CR and the freeze registers are plain
 * read/write; SR reports AP0/AP1 present and which of them is enabled; the DA mailbox
 * (0x100..0x108) belongs to the DA device and is reached only from the debug APB.
 * The CoreSight ID registers of this block are [U] and read 0.
 */

#include "chip.h"
#include "da/da_device.h"
#include "dbgmcu.h"

#define DBGMCU_IDCODE	0x000
#define DBGMCU_CR	0x004
#define DBGMCU_FZ_FIRST	0x008
#define DBGMCU_FZ_LAST	0x020
#define DBGMCU_SR	0x0FC
#define DBGMCU_CR_MASK	0x000100F6u	/* DBG_STOP, DBG_STANDBY, TRACE_*, DCRT */

void dbgmcu_reset(struct h5sim_dbgmcu *d)
{
	d->cr = 0;
	for (unsigned int i = 0; i < 7; i++)
		d->fz[i] = 0;
}

uint32_t dbgmcu_sr(const struct h5sim_dbgmcu *d)
{
	uint32_t present = 0x3;		/* AP0, AP1 */
	uint32_t enabled = 0x1;		/* AP0 always */

	if (chip_ap1_gate(d->chip) != AP1_CLOSED)
		enabled |= 0x2;
	return enabled << 16 | present;
}

static enum bus_result dbgmcu_reg_read(struct h5sim_dbgmcu *d, uint32_t off, bool debug_view,
		uint32_t *value)
{
	off &= ~3u;
	if (off == DBGMCU_IDCODE) {
		*value = d->idcode;
	} else if (off == DBGMCU_CR) {
		*value = d->cr;
	} else if (off >= DBGMCU_FZ_FIRST && off <= DBGMCU_FZ_LAST) {
		*value = d->fz[(off - DBGMCU_FZ_FIRST) / 4];
	} else if (off == DBGMCU_SR) {
		*value = dbgmcu_sr(d);
	} else if (debug_view && (off == DA_REG_AUTH_HOST || off == DA_REG_AUTH_DEVICE ||
				off == DA_REG_AUTH_ACK)) {
		*value = da_device_read(d->chip->da, off);
		chip_after_da_access(d->chip);
	} else {
		*value = 0;
	}
	return BUS_OK;
}

static enum bus_result dbgmcu_reg_write(struct h5sim_dbgmcu *d, uint32_t off, bool debug_view,
		uint32_t value)
{
	off &= ~3u;
	if (off == DBGMCU_CR) {
		d->cr = value & DBGMCU_CR_MASK;
	} else if (off >= DBGMCU_FZ_FIRST && off <= DBGMCU_FZ_LAST) {
		d->fz[(off - DBGMCU_FZ_FIRST) / 4] = value;
	} else if (debug_view && (off == DA_REG_AUTH_HOST || off == DA_REG_AUTH_DEVICE ||
				off == DA_REG_AUTH_ACK)) {
		da_device_write(d->chip->da, off, value);
		chip_after_da_access(d->chip);
	}
	return BUS_OK;
}

/* The block is 32-bit only: narrower accesses see the whole word on their lanes. */
static enum bus_result dbgmcu_read_view(void *opaque, uint32_t off, unsigned int size,
		uint32_t *value, bool debug_view)
{
	uint32_t word;
	enum bus_result r = dbgmcu_reg_read(opaque, off, debug_view, &word);

	*value = (word >> (8 * (off & 3))) & (size == 4 ? 0xFFFFFFFFu : (1u << (8 * size)) - 1);
	return r;
}

static enum bus_result dbgmcu_debug_read(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t *value)
{
	return dbgmcu_read_view(opaque, off, size, value, true);
}

static enum bus_result dbgmcu_cpu_read(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t *value)
{
	return dbgmcu_read_view(opaque, off, size, value, false);
}

static enum bus_result dbgmcu_debug_write(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t value)
{
	if (size != 4)
		return BUS_OK;	/* narrow writes to 32-bit registers are ignored */
	return dbgmcu_reg_write(opaque, off, true, value);
}

static enum bus_result dbgmcu_cpu_write(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t value)
{
	if (size != 4)
		return BUS_OK;
	return dbgmcu_reg_write(opaque, off, false, value);
}

const struct bus_region_ops dbgmcu_debug_ops = {
	.read = dbgmcu_debug_read,
	.write = dbgmcu_debug_write,
};

const struct bus_region_ops dbgmcu_cpu_ops = {
	.read = dbgmcu_cpu_read,
	.write = dbgmcu_cpu_write,
};
