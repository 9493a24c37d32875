/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim: the JTAG chain: the debug TAP (4-bit IR, in front of the JTAG-DP) next to TDO and,
 * optionally, the boundary-scan TAP (5-bit IR) next to TDI, as on the silicon.
 */

#ifndef H5SIM_TAP_H
#define H5SIM_TAP_H

#include <stdbool.h>
#include <stdint.h>

#include "dp.h"

enum tap_state {
	TAP_RESET, TAP_IDLE,
	TAP_DRSELECT, TAP_DRCAPTURE, TAP_DRSHIFT, TAP_DREXIT1, TAP_DRPAUSE, TAP_DREXIT2, TAP_DRUPDATE,
	TAP_IRSELECT, TAP_IRCAPTURE, TAP_IRSHIFT, TAP_IREXIT1, TAP_IRPAUSE, TAP_IREXIT2, TAP_IRUPDATE,
};

/* One TAP's share of the chain's shift path */
struct tap_shift {
	uint64_t bits;
	unsigned int length;
};

struct h5sim_tap {
	enum tap_state state;
	unsigned int ir;		/* debug TAP */
	struct tap_shift dbg;
	bool bs_present;		/* boundary-scan TAP */
	uint32_t bs_idcode;
	unsigned int bs_ir;
	struct tap_shift bs;
	struct h5sim_dp *dp;
};

void tap_init(struct h5sim_tap *tap, struct h5sim_dp *dp, bool bs_present, uint32_t bs_idcode);
void tap_reset(struct h5sim_tap *tap);			/* TRST */
void tap_clock(struct h5sim_tap *tap, bool tms, bool tdi);	/* TCK rising edge */
bool tap_tdo(const struct h5sim_tap *tap);
const char *tap_state_name(enum tap_state s);

#endif /* H5SIM_TAP_H */
