// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: TAP controllers. Both TAPs of the chain share TMS/TCK, so one state machine drives
 * them. On each TCK rising edge the current state acts (Capture loads, Shift moves every bit
 * one place towards TDO: TDI -> boundary-scan TAP -> debug TAP -> TDO) and the TMS transition
 * is taken; entering Update-IR latches the IRs, entering Update-DR runs the DP transaction.
 * TDO is the debug TAP's shift LSB in Shift-IR/Shift-DR.
 * Debug TAP: Capture-IR 0b0001; ABORT 0x8, DPACC 0xA, APACC 0xB (35-bit DRs), IDCODE 0xE
 * (32 bits, 0x0BA04477), anything else BYPASS. Boundary-scan TAP (h5-flash-ob.md §1.5: irlen 5,
 * present on silicon): Capture-IR 0b00001, IDCODE after reset (its value and instruction code
 * 0x1E are [I]), every other instruction BYPASS (boundary scan itself is not modelled).
 */

#include "tap.h"

static const enum tap_state next_state[16][2] = {
	[TAP_RESET] = { TAP_IDLE, TAP_RESET },
	[TAP_IDLE] = { TAP_IDLE, TAP_DRSELECT },
	[TAP_DRSELECT] = { TAP_DRCAPTURE, TAP_IRSELECT },
	[TAP_DRCAPTURE] = { TAP_DRSHIFT, TAP_DREXIT1 },
	[TAP_DRSHIFT] = { TAP_DRSHIFT, TAP_DREXIT1 },
	[TAP_DREXIT1] = { TAP_DRPAUSE, TAP_DRUPDATE },
	[TAP_DRPAUSE] = { TAP_DRPAUSE, TAP_DREXIT2 },
	[TAP_DREXIT2] = { TAP_DRSHIFT, TAP_DRUPDATE },
	[TAP_DRUPDATE] = { TAP_IDLE, TAP_DRSELECT },
	[TAP_IRSELECT] = { TAP_IRCAPTURE, TAP_RESET },
	[TAP_IRCAPTURE] = { TAP_IRSHIFT, TAP_IREXIT1 },
	[TAP_IRSHIFT] = { TAP_IRSHIFT, TAP_IREXIT1 },
	[TAP_IREXIT1] = { TAP_IRPAUSE, TAP_IRUPDATE },
	[TAP_IRPAUSE] = { TAP_IRPAUSE, TAP_IREXIT2 },
	[TAP_IREXIT2] = { TAP_IRSHIFT, TAP_IRUPDATE },
	[TAP_IRUPDATE] = { TAP_IDLE, TAP_DRSELECT },
};

static const char * const state_names[16] = {
	"RESET", "IDLE", "DRSELECT", "DRCAPTURE", "DRSHIFT", "DREXIT1", "DRPAUSE", "DREXIT2",
	"DRUPDATE", "IRSELECT", "IRCAPTURE", "IRSHIFT", "IREXIT1", "IRPAUSE", "IREXIT2", "IRUPDATE",
};

const char *tap_state_name(enum tap_state s)
{
	return state_names[s];
}

#define BS_IR_IDCODE	0x1E

void tap_init(struct h5sim_tap *tap, struct h5sim_dp *dp, bool bs_present, uint32_t bs_idcode)
{
	tap->dp = dp;
	tap->bs_present = bs_present;
	tap->bs_idcode = bs_idcode;
	tap_reset(tap);
}

void tap_reset(struct h5sim_tap *tap)
{
	tap->state = TAP_RESET;
	tap->ir = IR_IDCODE;
	tap->bs_ir = BS_IR_IDCODE;
	tap->dbg.bits = 0;
	tap->dbg.length = 1;
	tap->bs.bits = 0;
	tap->bs.length = 1;
}

static bool is_dap_ir(unsigned int ir)
{
	return ir == IR_ABORT || ir == IR_DPACC || ir == IR_APACC;
}

static void load(struct tap_shift *sh, uint64_t bits, unsigned int length)
{
	sh->bits = bits;
	sh->length = length;
}

static void capture_dr(struct h5sim_tap *tap)
{
	if (is_dap_ir(tap->ir))
		load(&tap->dbg, dp_capture(tap->dp, tap->ir), 35);
	else if (tap->ir == IR_IDCODE)
		load(&tap->dbg, JTAG_IDCODE, 32);
	else
		load(&tap->dbg, 0, 1);
	if (tap->bs_ir == BS_IR_IDCODE)
		load(&tap->bs, tap->bs_idcode, 32);
	else
		load(&tap->bs, 0, 1);
}

static void capture_ir(struct h5sim_tap *tap)
{
	load(&tap->dbg, 0x1, 4);
	load(&tap->bs, 0x1, 5);
}

/* one bit towards TDO through both TAPs */
static void shift(struct h5sim_tap *tap, bool tdi)
{
	bool into_dbg = tdi;

	if (tap->bs_present) {
		into_dbg = tap->bs.bits & 1;
		tap->bs.bits = (tap->bs.bits >> 1) | ((uint64_t)tdi << (tap->bs.length - 1));
	}
	tap->dbg.bits = (tap->dbg.bits >> 1) | ((uint64_t)into_dbg << (tap->dbg.length - 1));
}

void tap_clock(struct h5sim_tap *tap, bool tms, bool tdi)
{
	switch (tap->state) {
	case TAP_RESET:
		tap->ir = IR_IDCODE;
		tap->bs_ir = BS_IR_IDCODE;
		break;
	case TAP_IRCAPTURE:
		capture_ir(tap);
		break;
	case TAP_DRCAPTURE:
		capture_dr(tap);
		break;
	case TAP_IRSHIFT:
	case TAP_DRSHIFT:
		shift(tap, tdi);
		break;
	default:
		break;
	}
	tap->state = next_state[tap->state][tms ? 1 : 0];
	if (tap->state == TAP_IRUPDATE) {
		tap->ir = (unsigned int)(tap->dbg.bits & 0xF);
		tap->bs_ir = (unsigned int)(tap->bs.bits & 0x1F);
	} else if (tap->state == TAP_DRUPDATE && is_dap_ir(tap->ir)) {
		dp_update(tap->dp, tap->ir, tap->dbg.bits & ((1ull << 35) - 1));
	}
}

bool tap_tdo(const struct h5sim_tap *tap)
{
	if (tap->state == TAP_IRSHIFT || tap->state == TAP_DRSHIFT)
		return tap->dbg.bits & 1;
	return false;
}
