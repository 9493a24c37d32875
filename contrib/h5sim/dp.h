/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim: the JTAG-DP (ADIv5): DPACC/APACC/ABORT transactions behind 35-bit scans,
 * CTRL/STAT with power-up acknowledges and sticky flags, SELECT, RDBUFF, and the two APs.
 */

#ifndef H5SIM_DP_H
#define H5SIM_DP_H

#include <stdbool.h>
#include <stdint.h>

#include "mem_ap.h"

#define JTAG_IDCODE	0x0BA04477u
#define DP_DPIDR	0x0BE12477u

#define IR_ABORT	0x8
#define IR_DPACC	0xA
#define IR_APACC	0xB
#define IR_IDCODE	0xE
#define IR_BYPASS	0xF

#define ACK_OK_FAULT	0x2
#define ACK_WAIT	0x1

struct h5sim_chip;

struct h5sim_dp {
	struct h5sim_chip *chip;
	uint32_t ctrl_stat;		/* request bits as written */
	bool sticky_err, sticky_orun, sticky_cmp;
	uint32_t select;
	uint32_t read_result;		/* returned by the next scan's capture */
	uint64_t busy_until_tck;	/* the last AP access completes at this JTAG clock */
	bool captured_wait;
	struct mem_ap ap[2];
};

void dp_init(struct h5sim_dp *dp, struct h5sim_chip *chip);
/* Capture-DR for ABORT/DPACC/APACC: the 35-bit value shifted out */
uint64_t dp_capture(struct h5sim_dp *dp, unsigned int ir);
/* Update-DR: run the transaction shifted in */
void dp_update(struct h5sim_dp *dp, unsigned int ir, uint64_t dr);
/* SW-DP (swd.c): a request's acknowledge (OK reads are done, *rdata set), then a write's data */
unsigned int dp_swd_request(struct h5sim_dp *dp, bool apndp, bool rnw, uint32_t a, uint32_t *rdata);
void dp_swd_write(struct h5sim_dp *dp, bool apndp, uint32_t a, uint32_t data);

#endif /* H5SIM_DP_H */
