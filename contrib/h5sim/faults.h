/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim: faults on demand for the reliability tests (--fault-drop-after,
 * --fault-power-loss-after, --fault-reset-during-ob).
 */

#ifndef H5SIM_FAULTS_H
#define H5SIM_FAULTS_H

#include <stdbool.h>
#include <stdint.h>

struct h5sim_chip;

struct h5sim_faults {
	bool drop_fired;
	uint64_t ob_reset_at_ns;	/* 0 = none scheduled */
	bool ob_reset_done;
};

/* after each DAP transaction */
void faults_dap_transaction(struct h5sim_chip *chip);
/* a flash operation (program, erase, option change) started with a write to addr */
void faults_flash_op_started(struct h5sim_chip *chip, uint32_t addr);
/* at every synchronisation point: scheduled resets */
void faults_sync(struct h5sim_chip *chip);

#endif /* H5SIM_FAULTS_H */
