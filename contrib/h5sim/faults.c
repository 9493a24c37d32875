// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: fault injection.
 *  - drop after N DAP transactions: the connection is closed right after the Nth
 *    transaction (once per run); with --once the simulator then exits and saves its state.
 *  - power loss after N flash operations: when the Nth operation starts (BSY rises after a
 *    write), h5flash_power_loss() cuts it short, the core stops, the state is saved as the cut
 *    left it and the simulator exits (sim_exit_reason power-loss in the dump).
 *  - reset during an option-byte change: when the first option change starts (a write to
 *    OPTCR that raises BSY), a system reset (as SRST would do) is scheduled halfway through
 *    its t_option_change_ns, i.e. while BSY is still set.
 */

#include <inttypes.h>

#include "chip.h"
#include "faults.h"
#include "flash/flash.h"
#include "flash_bus.h"

void faults_dap_transaction(struct h5sim_chip *chip)
{
	struct h5sim_faults *f = &chip->faults;

	if (chip->opt->fault_drop_after && !f->drop_fired &&
			chip->cnt.dap_transactions >= chip->opt->fault_drop_after) {
		f->drop_fired = true;
		chip_log(chip, "fault: dropping the connection after %" PRIu64 " DAP transactions",
				chip->cnt.dap_transactions);
		chip->drop_connection = true;
	}
}

void faults_flash_op_started(struct h5sim_chip *chip, uint32_t addr)
{
	struct h5sim_faults *f = &chip->faults;
	const struct h5sim_options *opt = chip->opt;

	if (opt->fault_power_loss_after && chip->cnt.flash_ops_started == opt->fault_power_loss_after &&
			chip->exit_reason != EXIT_POWER_LOSS) {
		chip_log(chip, "fault: power loss during flash operation %" PRIu64, chip->cnt.flash_ops_started);
		h5flash_power_loss(chip->flash);
		chip->nvm_epoch++;
		chip->exit_reason = EXIT_POWER_LOSS;
		chip->drop_connection = true;
	}
	if (opt->fault_reset_during_ob && !f->ob_reset_done && !f->ob_reset_at_ns &&
			(addr == FLASH_REGS_NS + FLASH_OPTCR || addr == FLASH_REGS_S + FLASH_OPTCR)) {
		uint64_t half = opt->t_option_change_ns / 2;
		f->ob_reset_at_ns = chip->now_ns + (half ? half : 1);
		chip_log(chip, "fault: system reset scheduled at %" PRIu64 " ns, during the option change",
				f->ob_reset_at_ns);
	}
}

void faults_sync(struct h5sim_chip *chip)
{
	struct h5sim_faults *f = &chip->faults;

	if (f->ob_reset_at_ns && chip->now_ns >= f->ob_reset_at_ns) {
		f->ob_reset_at_ns = 0;
		f->ob_reset_done = true;
		chip_log(chip, "fault: reset during the option-byte change (flash busy: %d)",
				h5flash_busy(chip->flash));
		chip_system_reset(chip, "fault: reset during option-byte change");
	}
}
