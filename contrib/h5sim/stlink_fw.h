/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim: a model of the ST-Link firmware in front of one chip: the 16-byte commands OpenOCD's
 * stlink driver sends (dapdirect_swd, dapdirect_jtag and hla modes), executed as SW-DP/JTAG-DP
 * transfers on the simulator's debug port. See docs/simulator.md, "The emulated ST-Link".
 */

#ifndef H5SIM_STLINK_FW_H
#define H5SIM_STLINK_FW_H

#include <stdbool.h>
#include <stdint.h>

struct h5sim_chip;
struct h5sim_dp;

/* What the probe is: firmware version and wiring (settings, see --stlink-*) */
struct stlink_fw_settings {
	uint8_t major;		/* 2 = ST-LINK/V2(-1), 3 = STLINK-V3 */
	uint8_t jtag;		/* J version */
	uint8_t swim;		/* S version (V2) */
	uint8_t msd;		/* M version (V3) */
	uint8_t bridge;		/* B version (V3) */
	bool nrst_wired;	/* the probe's NRST pin reaches the chip */
	unsigned int default_ap;	/* AP of memory commands with AP 0 and no CSW (hla) */
};

/* Parses "V3J7", "V3J7M3B1", "V2J24S4"...; returns false if it is not a version. */
bool stlink_fw_parse_version(const char *s, struct stlink_fw_settings *set);

struct stlink_fw_counters {
	uint64_t commands;		/* USB commands (one round trip each on a real probe) */
	uint64_t bytes_out, bytes_in;	/* payload host -> probe, probe -> host */
	uint64_t mem_bytes;		/* bytes moved by the memory commands */
};

struct stlink_fw {
	const struct stlink_fw_settings *set;
	struct h5sim_chip *chip;
	struct h5sim_dp *dp;
	uint8_t mode;			/* STLINK_DEV_*_MODE reported by GET_CURRENT_MODE */
	bool jtag;			/* entered in JTAG (else SWD) */
	uint8_t ap_open[32];		/* INIT_AP done, one bit per AP number (0..255) */
	uint8_t last_rw_status;		/* status of the last memory command */
	uint32_t last_rw_fault_addr;
	struct stlink_fw_counters cnt;
};

void stlink_fw_init(struct stlink_fw *fw, const struct stlink_fw_settings *set,
		struct h5sim_chip *chip, struct h5sim_dp *dp);
/* The probe lost its host (USB/TCP session closed): leaves debug mode, closes the APs. */
void stlink_fw_disconnect(struct stlink_fw *fw);

/*
 * Runs one command. cmd: the 16 command bytes. out/out_len: data the host sends after it
 * (write direction). in/in_len: the reply the host reads (read direction), filled completely.
 */
void stlink_fw_command(struct stlink_fw *fw, const uint8_t cmd[16], const uint8_t *out,
		uint32_t out_len, uint8_t *in, uint32_t in_len);

#endif /* H5SIM_STLINK_FW_H */
