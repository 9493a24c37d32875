// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: routes bus accesses to the flash model (flash/flash.h). Register accesses become
 * an aligned 32-bit word plus a byte-enable mask; window accesses keep their size. The
 * flash model is brought to the current simulated time before every access, and every
 * write is reported to the chip (operation-start counting, fault injection). A double ECC
 * error on a CPU read raises the NMI, which locks the core up (exception entry is not
 * modelled); on a debugger read it is only logged. While SRST is asserted the OPTSR/OPTSR2
 * registers read as zero.
 */

#include "chip.h"
#include "cpu.h"
#include "flash/flash.h"
#include "flash/flash_ext.h"
#include "flash_bus.h"

static struct h5flash_access to_flash_access(const struct bus_access *acc)
{
	struct h5flash_access fa = {
		.secure = acc->secure,
		.privileged = acc->privileged,
		.debugger = acc->debugger,
	};
	return fa;
}

/* "when reset is asserted OPTSR registers are read as zero" (h5-flash-ob.md §1.5 [C]) */
static bool is_optsr(uint32_t off)
{
	return off == 0x50 || off == 0x54 || off == 0x70 || off == 0x74;
}

static enum bus_result regs_read(struct h5sim_chip *chip, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t *value, bool secure_alias)
{
	struct h5flash_access fa = to_flash_access(acc);
	uint32_t word = 0;

	chip_flash_catchup(chip);
	if (h5flash_reg_read(chip->flash, off & ~3u, secure_alias, &fa, &word) != H5FLASH_BUS_OK)
		return BUS_ERROR;
	if (chip->srst_asserted && is_optsr(off & ~3u))
		word = 0;
	*value = (word >> (8 * (off & 3))) & (size == 4 ? 0xFFFFFFFFu : (1u << (8 * size)) - 1);
	return BUS_OK;
}

static enum bus_result regs_write(struct h5sim_chip *chip, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t value, bool secure_alias)
{
	struct h5flash_access fa = to_flash_access(acc);
	uint32_t shift = 8 * (off & 3);
	uint32_t lanes = size == 4 ? 0xFFFFFFFFu : ((1u << (8 * size)) - 1) << shift;
	uint32_t byte_mask = 0;

	for (unsigned int i = 0; i < 4; i++)
		if (lanes & (0xFFu << (8 * i)))
			byte_mask |= 1u << i;
	chip_flash_catchup(chip);
	enum h5flash_bus r = h5flash_reg_write(chip->flash, off & ~3u, secure_alias, &fa,
			(value << shift) & lanes, byte_mask);
	chip_flash_written(chip, (secure_alias ? FLASH_REGS_S : FLASH_REGS_NS) + (off & ~3u));
	return r == H5FLASH_BUS_OK ? BUS_OK : BUS_ERROR;
}

static enum bus_result regs_ns_read(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t *value)
{
	return regs_read(opaque, off, size, acc, value, false);
}

static enum bus_result regs_s_read(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t *value)
{
	return regs_read(opaque, off, size, acc, value, true);
}

static enum bus_result regs_ns_write(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t value)
{
	return regs_write(opaque, off, size, acc, value, false);
}

static enum bus_result regs_s_write(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t value)
{
	return regs_write(opaque, off, size, acc, value, true);
}

const struct bus_region_ops flash_regs_ns_ops = {
	.read = regs_ns_read,
	.write = regs_ns_write,
};

const struct bus_region_ops flash_regs_s_ops = {
	.read = regs_s_read,
	.write = regs_s_write,
};

static bool window_claims(void *opaque, uint32_t addr)
{
	struct h5sim_chip *chip = opaque;

	return h5flash_owns(chip->flash, addr);
}

static enum bus_result window_read(void *opaque, uint32_t addr, unsigned int size,
		const struct bus_access *acc, uint32_t *value)
{
	struct h5sim_chip *chip = opaque;
	struct h5flash_access fa = to_flash_access(acc);
	uint8_t buf[4] = { 0 };

	chip_flash_catchup(chip);
	enum h5flash_bus r = h5flash_mem_read(chip->flash, addr, &fa, buf, size);
	if (h5flash_take_nmi(chip->flash)) {
		if (acc->debugger)
			chip_log(chip, "flash: double ECC error at 0x%08x raises an NMI (debugger read)", addr);
		else
			core_fault(chip->cpu, "NMI: double ECC error on a flash read", addr);
	}
	if (r != H5FLASH_BUS_OK)
		return BUS_ERROR;
	*value = 0;
	for (unsigned int i = 0; i < size; i++)
		*value |= (uint32_t)buf[i] << (8 * i);
	return BUS_OK;
}

static enum bus_result window_write(void *opaque, uint32_t addr, unsigned int size,
		const struct bus_access *acc, uint32_t value)
{
	struct h5sim_chip *chip = opaque;
	struct h5flash_access fa = to_flash_access(acc);

	chip_flash_catchup(chip);
	enum h5flash_bus r = h5flash_mem_write(chip->flash, addr, &fa, value, size);
	chip_flash_written(chip, addr);
	return r == H5FLASH_BUS_OK ? BUS_OK : BUS_ERROR;
}

const struct bus_region_ops flash_window_ops = {
	.read = window_read,
	.write = window_write,
	.claims = window_claims,
};
