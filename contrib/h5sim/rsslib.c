// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: the ROM services behind the RSSLIB stubs of system memory (sysmem.c). The core's
 * per-instruction hook calls h5cpu_rsslib_trap before a stub's "bx lr" executes:
 *  - NSC.DataProvisioning: r0 points at {pSource, pDestination, Size, DoEncryption, Crc};
 *    pSource must lie in SRAM3 (else 0xF5F5E0E0, h5-flash-ob.md §6.3); the copy goes to
 *    h5flash_rss_data_provisioning and its result word is returned in r0. The CRC is not
 *    checked (its algorithm is [U]).
 *  - the other table entries return RSSLIB_ERROR and log "not modelled".
 */

#include "chip.h"
#include "cpu_internal.h"
#include "flash/flash.h"

static void rss_data_provisioning(struct h5sim_cpu *cpu)
{
	struct h5sim_chip *chip = cpu->chip;
	struct bus_access acc = h5cpu_access(cpu);
	uint32_t cfg_addr, cfg[5], result;

	uc_reg_read(cpu->uc, UC_ARM_REG_R0, &cfg_addr);
	for (unsigned int i = 0; i < 5; i++) {
		if (bus_read(&chip->sysbus, cfg_addr + 4 * i, 4, &acc, &cfg[i]) != BUS_OK) {
			chip_log(chip, "rsslib DataProvisioning: cannot read the configuration at 0x%08x",
					cfg_addr);
			result = RSSLIB_ERROR;
			goto out;
		}
	}
	uint32_t src = cfg[0], dst = cfg[1], size = cfg[2], enc = cfg[3];
	if (!ram_in_sram3(&chip->ram, src, size)) {
		chip_log(chip, "rsslib DataProvisioning: source 0x%08x size %u is not inside SRAM3", src, size);
		result = RSSLIB_ERR_ARGS;
		goto out;
	}
	uint32_t off = (src >= RAM_BASE_S ? src - RAM_BASE_S : src - RAM_BASE_NS);
	chip_flash_catchup(chip);
	result = h5flash_rss_data_provisioning(chip->flash, dst, chip->ram.mem + off, size, enc);
	chip_log(chip, "rsslib DataProvisioning: src 0x%08x dst 0x%08x size %u enc 0x%08x crc 0x%08x -> 0x%08x",
			src, dst, size, enc, cfg[4], result);
out:
	uc_reg_write(cpu->uc, UC_ARM_REG_R0, &result);
}

bool h5cpu_rsslib_trap(struct h5sim_cpu *cpu, uint32_t pc)
{
	struct h5sim_chip *chip = cpu->chip;

	if (pc == chip->sysmem.stub_data_provisioning) {
		rss_data_provisioning(cpu);
		return true;
	}
	if (pc == chip->sysmem.stub_unmodelled) {
		uint32_t err = RSSLIB_ERROR, lr;
		uc_reg_read(cpu->uc, UC_ARM_REG_LR, &lr);
		chip_log(chip, "rsslib: function called from 0x%08x is not modelled, returning 0x%08x", lr, err);
		uc_reg_write(cpu->uc, UC_ARM_REG_R0, &err);
		return true;
	}
	return false;
}
