// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: the reset model.
 *  - Power-on: debug registers (DHCSR, DEMCR, FPB, DWT) cleared, then a system reset.
 *  - SRST assert: the DA device sees the NRST edge; the core stops and S_RESET_ST holds.
 *    (The debug port keeps working: srst_nogate.)
 *  - SRST release, AIRCR.SYSRESETREQ, fault-injected resets: the flash model's system reset
 *    (option bytes reloaded, pending regressions), then da_device_reset(false): if the DA
 *    device claims the boot, the chip stays in the boot ROM with AP1 closed; otherwise the
 *    core loads SP/PC from the boot address and halts if C_DEBUGEN && VC_CORERESET. In
 *    Provisioning no user code runs: the core starts in the boot ROM's idle loop instead.
 *  - Product-state gating of AP1 is evaluated here; a DA debug opening ends here.
 */

#include "chip.h"
#include "cpu.h"
#include "da/da_device.h"
#include "flash/flash.h"

#define PSTATE_PROVISIONING	0x17
#define DEMCR_VC_CORERESET	(1u << 0)
#define C_DEBUGEN		(1u << 0)
#define C_HALT			(1u << 1)

static void boot_core(struct h5sim_chip *chip)
{
	struct bus_access acc = { .secure = true, .privileged = true, .debugger = false };
	uint32_t vector = h5flash_boot_address(chip->flash);

	if (h5flash_product_state(chip->flash) == PSTATE_PROVISIONING) {
		/* no user code runs in Provisioning (F-PROV): the ROM waits for the provisioning
		 * host (modelled as its idle loop) */
		vector = chip->part->bootloader_vector;
		chip_log(chip, "reset: Provisioning: the boot ROM keeps the core, user code does not run");
	}
	uint32_t sp = 0, pc = 0;
	bool tz = chip->part->trustzone && h5flash_tzen(chip->flash);

	chip_flash_catchup(chip);
	if (bus_read(&chip->sysbus, vector, 4, &acc, &sp) != BUS_OK ||
			bus_read(&chip->sysbus, vector + 4, 4, &acc, &pc) != BUS_OK)
		chip_log(chip, "reset: the boot vector at 0x%08x cannot be read", vector);
	core_reset(chip->cpu, sp & ~3u, pc & ~1u, tz);
	chip_log(chip, "reset: boot from 0x%08x, sp 0x%08x pc 0x%08x, product state 0x%02x, tzen %d",
			vector, sp, pc, h5flash_product_state(chip->flash), tz);
	if ((chip->scs.dhcsr_ctrl & C_DEBUGEN) &&
			((chip->scs.demcr & DEMCR_VC_CORERESET) || (chip->scs.dhcsr_ctrl & C_HALT))) {
		bool vcatch = chip->scs.demcr & DEMCR_VC_CORERESET;
		scs_halt(&chip->scs, vcatch ? DFSR_VCATCH : DFSR_HALTED);
		chip_log(chip, "reset: core halted at the reset vector (%s)",
				vcatch ? "vector catch" : "halt request");
	}
}

void chip_boot_after_da(struct h5sim_chip *chip)
{
	chip->in_rom = false;
	boot_core(chip);
}

/*
 * After each DA mailbox access: the boot ROM leaves DA mode on its own. Once a granted
 * regression has erased what it must, the ROM resets the chip, which then boots in its new
 * product state [I] (h5-debug-auth.md §5.2, §8.1: "after a regression the device
 * resets/erases"; a host must not have to pulse NRST in the middle of an erase). After
 * RESUME_BOOT the core boots without a reset.
 */
void chip_after_da_access(struct h5sim_chip *chip)
{
	if (chip->rom_reset_pending) {
		chip->rom_reset_pending = false;
		chip_system_reset(chip, "boot ROM reset after a regression");
	} else if (chip->in_rom && !da_device_active(chip->da)) {
		chip_log(chip, "reset: the boot ROM left debug authentication (RESUME_BOOT)");
		chip_boot_after_da(chip);
	}
}

static void release(struct h5sim_chip *chip, const char *why)
{
	static const char * const gate_names[] = { "closed", "ns-only", "full" };

	chip->cnt.system_resets++;
	chip->debug_opened = false;
	chip->rom_reset_pending = false;
	chip->cpu_budget_ns = 0;
	chip_flash_catchup(chip);
	h5flash_system_reset(chip->flash);
	chip->was_flash_busy = h5flash_busy(chip->flash);
	sbs_reset(&chip->sbs);
	scs_system_reset(&chip->scs);
	chip->gate_at_reset = chip_gate_for_state(h5flash_product_state(chip->flash));
	if (chip->gate_at_reset == AP1_NS_ONLY && !(chip->part->trustzone && h5flash_tzen(chip->flash)))
		chip->gate_at_reset = AP1_FULL;
	chip_log(chip, "reset: %s released, AP1 %s", why, gate_names[chip->gate_at_reset]);

	if (da_device_reset(chip->da, false)) {
		chip->in_rom = true;
		chip_log(chip, "reset: debug authentication requested, the chip stays in the boot ROM");
		return;
	}
	chip->in_rom = false;
	boot_core(chip);
}

void chip_power_on(struct h5sim_chip *chip)
{
	scs_debug_reset(&chip->scs);
	dbgmcu_reset(&chip->dbgmcu);
	chip->srst_asserted = false;
	da_device_reset(chip->da, true);
	release(chip, "power-on reset");
}

void chip_set_srst(struct h5sim_chip *chip, bool asserted)
{
	if (asserted == chip->srst_asserted || chip->opt->fault_no_nrst)
		return;
	chip_sync(chip);
	chip->srst_asserted = asserted;
	if (asserted) {
		chip_log(chip, "reset: SRST asserted");
		da_device_reset(chip->da, true);
		/* the boot ROM does not run while NRST is held: its DA session ends and AP1 follows
		 * the product state again (a debugger can set up a reset halt, as on an open part) */
		chip->in_rom = false;
		chip->scs.halted = false;
		chip->scs.lockup = false;
		chip->scs.s_reset_st = true;
		return;
	}
	release(chip, "SRST");
}

void chip_system_reset(struct h5sim_chip *chip, const char *why)
{
	chip->scs.pending_system_reset = false;
	if (chip->srst_asserted)
		return;
	chip_log(chip, "reset: system reset (%s)", why);
	da_device_reset(chip->da, true);
	release(chip, why);
}
