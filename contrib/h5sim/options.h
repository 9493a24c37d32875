/* SPDX-License-Identifier: GPL-2.0-or-later */

/* h5sim: command-line settings (every [U] fact the simulator depends on is one of these). */

#ifndef H5SIM_OPTIONS_H
#define H5SIM_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "da/da_device.h"

struct h5sim_options {
	/* wire */
	unsigned int port;		/* 0 = ephemeral */
	const char *port_file;
	bool once;
	/* the emulated ST-Link (stlink_server.c) instead of remote_bitbang */
	bool stlink;
	const char *stlink_serial;	/* NULL = 24 digits from the probe's index */
	const char *stlink_fw;		/* firmware version, default V3J7 */
	int stlink_nrst;		/* NRST wired to the chip (1, default) */
	unsigned int stlink_default_ap;	/* [U] AP of hla memory commands (default 1) */
	unsigned int stlink_api;	/* stlink-server API version reported (default 2) */
	int next_probe_arg;		/* index of a "--probe" that ends these options, 0 = none */
	/* part and starting point */
	const char *part;
	const char *state_file;
	const char *dump_file;
	const char *log_file;
	const char *record_file;
	const char *replay_file;
	int pstate;			/* -1 = keep */
	int tzen;			/* -1 = keep, 0, 1 */
	bool optsr_set, optsr2_set;
	uint32_t optsr, optsr2;		/* factory words [U] */
	int bs_tap;			/* boundary-scan TAP in the chain (1, as on silicon) */
	int64_t bs_idcode;		/* -1 = 0x06<DEV_ID>041 [I] */
	int rev_id;			/* -1 = part default */
	int package;			/* -1 = part default */
	uint64_t seed;
	/* timing (simulated ns) */
	uint64_t tck_ns;
	uint64_t ns_per_insn;
	unsigned int ap_latency_tck;	/* > 0: AP accesses answer WAIT until this many TCKs passed */
	uint64_t t_program_ns, t_program_half_ns, t_sector_erase_ns, t_bank_erase_ns,
		 t_option_change_ns;
	/* [U] behaviours */
	bool gate_at_once;		/* product-state debug gating follows OPTSR_CUR at once */
	uint8_t hdpl_at_boot;		/* SBS_HDPLSR value a debugger sees after reset */
	unsigned int secure_sram_kib;	/* TrustZone on: SRAM from 0x20000000 that is secure-only */
	uint32_t da_magic;		/* DA entry word */
	bool da_answer_set;		/* --da-answer given: answer with da_answer, not an echo */
	bool da_no_answer;		/* --da-no-answer: no answer word at all */
	uint32_t da_answer;
	const char *da_ack_bits;	/* --da-ack-bits as given; NULL = standard */
	const char *da_dev_flag;	/* --da-dev-flag as given; NULL = hardware */
	const char *da_count;		/* --da-count as given; NULL = words */
	bool da_ack_swapped, da_dev_flag_by_host, da_count_in_bytes;	/* parsed from those */
	/* faults */
	uint64_t fault_drop_after;		/* 0 = off */
	uint64_t fault_power_loss_after;	/* 0 = off */
	bool fault_reset_during_ob;
	bool fault_no_nrst;		/* NRST not wired: SRST from the adapter has no effect */
	bool fault_no_ap0;		/* AP0 absent: the DBGMCU mailbox cannot be reached */
	const char *fault_da_name;	/* --fault-da MODE as given; NULL = none */
	enum da_fault fault_da;		/* the DA device misbehaves this way from the start */
	int verbose;
};

/* Returns 0 to run, 1 if --help was printed (exit 0), -1 on a bad option (message printed). */
int h5sim_options_parse(struct h5sim_options *o, int argc, char **argv);

#endif /* H5SIM_OPTIONS_H */
