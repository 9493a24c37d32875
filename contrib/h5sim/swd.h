/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim: the SW-DP wire protocol (ADIv5 serial wire debug) in front of the same DP and APs
 * as the JTAG-DP: line reset, packet request, turnaround, acknowledge, data with parity.
 * Driven one SWCLK rising edge at a time by the remote_bitbang front end (rbb.c).
 */

#ifndef H5SIM_SWD_H
#define H5SIM_SWD_H

#include <stdbool.h>
#include <stdint.h>

struct h5sim_dp;

/* acknowledges, as sent on the wire (LSB first) */
#define SWD_ACK_OK	0x1
#define SWD_ACK_WAIT	0x2
#define SWD_ACK_FAULT	0x4

enum swd_phase {
	SWD_LOCKED,	/* after a protocol error or at start: waits for a line reset */
	SWD_RESET,	/* 50 or more ones seen: waits for the first 0 */
	SWD_IDLE,	/* waits for a start bit */
	SWD_REQUEST,	/* APnDP, RnW, A[2:3], parity, stop, park */
	SWD_TRN_ACK,	/* turnaround before the acknowledge */
	SWD_ACK,	/* 3 acknowledge bits, device driven */
	SWD_READ_DATA,	/* 32 data bits and parity, device driven, then a turnaround */
	SWD_TRN_WRITE,	/* turnaround before write data */
	SWD_WRITE_DATA,	/* 32 data bits and parity, host driven */
	SWD_TRN_END,	/* turnaround after a read or a refused request */
};

struct h5sim_swd {
	struct h5sim_dp *dp;
	enum swd_phase phase;
	unsigned int ones;		/* consecutive host-driven ones (line reset at 50) */
	unsigned int bit;		/* bit index inside the phase */
	uint32_t request;		/* the request bits after the start bit */
	unsigned int ack;
	uint64_t shift;			/* data (and parity) in or out */
	bool out;			/* what the device drives in the current cycle */
	uint64_t line_resets;		/* statistics, for the tests */
	uint64_t packets;
};

void swd_init(struct h5sim_swd *swd, struct h5sim_dp *dp);
/* One SWCLK rising edge; swdio is the level the host drives (ignored while the device drives) */
void swd_clock(struct h5sim_swd *swd, bool swdio);
/* The level on SWDIO before the next rising edge, as the host samples it */
bool swd_swdio(const struct h5sim_swd *swd);

#endif /* H5SIM_SWD_H */
