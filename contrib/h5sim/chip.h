/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim: the chip. Owns the buses, the peripherals, the flash model, the DA device and the
 * core, and holds the simulated clock. Everything below the wire front-end talks to this.
 */

#ifndef H5SIM_CHIP_H
#define H5SIM_CHIP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "bus.h"
#include "dbgmcu.h"
#include "faults.h"
#include "options.h"
#include "parts.h"
#include "ram.h"
#include "sbs.h"
#include "scs.h"
#include "sysmem.h"

struct h5flash;
struct da_device;
struct h5sim_cpu;

struct h5sim_counters {
	uint64_t jtag_clocks;
	uint64_t dap_transactions;
	uint64_t dp_reads, dp_writes;
	uint64_t ap_reads, ap_writes;
	uint64_t ap_errors;
	uint64_t waits;
	uint64_t instructions;
	uint64_t flash_ops_started;
	uint64_t system_resets;
};

/* What AP1 may do */
enum ap1_gate {
	AP1_CLOSED,		/* DeviceEn = 0, every transfer errors */
	AP1_NS_ONLY,		/* non-secure transfers only (TZ-Closed, iROT-Provisioned) */
	AP1_FULL,
};

enum exit_reason {
	EXIT_NONE,
	EXIT_CLIENT_GONE,
	EXIT_SIGNAL,
	EXIT_POWER_LOSS,
};

struct h5sim_chip {
	const struct h5sim_options *opt;
	const struct h5sim_part *part;
	struct h5flash *flash;
	struct da_device *da;
	struct h5sim_cpu *cpu;

	struct bus sysbus;		/* CPU and AP1 view */
	struct bus dbgbus;		/* AP0 view (debug APB) */
	struct h5sim_ram ram;
	struct h5sim_sysmem sysmem;
	struct h5sim_dbgmcu dbgmcu;
	struct h5sim_sbs sbs;
	struct h5sim_scs scs;

	/* reset and debug gating */
	bool srst_asserted;
	bool in_rom;			/* DA holds the chip in the boot ROM */
	bool debug_opened;		/* DA reopened AP1 until the next reset */
	enum ap1_gate opened_gate;	/* ... as far as the granted permissions go */
	bool rom_reset_pending;		/* a granted regression is done: the boot ROM resets the chip */
	enum ap1_gate gate_at_reset;	/* product-state gating evaluated at the last reset */

	/* simulated time */
	uint64_t now_ns;
	uint64_t flash_ns;		/* time already given to the flash model */
	uint64_t cpu_budget_ns;		/* time the running core still has to execute */

	/* flash operation tracking, faults and how the run ends */
	bool was_flash_busy;
	struct h5sim_faults faults;
	bool drop_connection;
	enum exit_reason exit_reason;

	uint64_t nvm_epoch;		/* bumped when flash contents change outside operations */
	struct h5sim_counters cnt;
	FILE *log;
};

struct h5sim_chip *chip_create(const struct h5sim_options *opt);
void chip_free(struct h5sim_chip *chip);

/* One TCK rising edge of the debug port */
void chip_tck(struct h5sim_chip *chip);
/* Bring the core and the flash model up to the current simulated time (before a DAP access) */
void chip_sync(struct h5sim_chip *chip);
/* Give the flash model the time elapsed so far (before any flash access) */
void chip_flash_catchup(struct h5sim_chip *chip);
/* Called after every bus write to the flash model: operation-start detection, faults */
void chip_flash_written(struct h5sim_chip *chip, uint32_t addr);

enum ap1_gate chip_ap1_gate(const struct h5sim_chip *chip);
enum ap1_gate chip_gate_for_state(uint8_t pstate);
bool chip_core_accessible(const struct h5sim_chip *chip);

void chip_log(struct h5sim_chip *chip, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Resets (reset.c) */
void chip_power_on(struct h5sim_chip *chip);
void chip_set_srst(struct h5sim_chip *chip, bool asserted);
void chip_system_reset(struct h5sim_chip *chip, const char *why);
/* DA opened the debug while the chip sat in the boot ROM: the ROM goes on to boot [I] */
void chip_boot_after_da(struct h5sim_chip *chip);
/* Called after every DA mailbox access: ROM reset after a regression, boot after RESUME_BOOT */
void chip_after_da_access(struct h5sim_chip *chip);

#endif /* H5SIM_CHIP_H */
