// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: JTAG-DP. A scan carries RnW (bit 0), A[3:2] (bits 2:1) and 32 data bits (34:3);
 * its capture returns the ACK (OK/FAULT 0b010, or WAIT 0b001 while the previous AP access
 * is still running, see --ap-latency-tck) and the result of the previous read. A scan that
 * got WAIT is discarded and, with CTRL/STAT.ORUNDETECT, sets STICKYORUN; the access that
 * caused the WAIT counts as complete from then on (the simulated time does not pass while
 * the host handles the WAIT, so one WAIT per access stands for that wait). With STICKYERR or
 * STICKYORUN set, AP transactions are not performed (the capture keeps returning the last
 * read result) until the debugger clears the flags (CTRL/STAT write-one-to-clear, or
 * ABORT). DPIDR at A=0x0 (DPv2 value 0x0BE12477), CTRL/STAT at 0x4 (bank 0; other DPBANKSEL
 * values read 0), SELECT at 0x8, RDBUFF at 0xC reads 0 (its capture carries the AP result).
 * AP0: APB-AP (IDR 0x54770002) on the debug APB; AP1: AHB5-AP (IDR 0x14770015) on the system
 * bus, BASE = the Cortex-M33 ROM table. Other APSEL values read 0 (no AP).
 */

#include <string.h>

#include "chip.h"
#include "dp.h"

#define DP_CTRL_STAT	0x4
#define DP_SELECT	0x8
#define DP_RDBUFF	0xC

#define CS_ORUNDETECT	(1u << 0)
#define CS_STICKYORUN	(1u << 1)
#define CS_STICKYCMP	(1u << 4)
#define CS_STICKYERR	(1u << 5)
#define CS_CDBGRSTREQ	(1u << 26)
#define CS_CDBGRSTACK	(1u << 27)
#define CS_CDBGPWRUPREQ	(1u << 28)
#define CS_CDBGPWRUPACK	(1u << 29)
#define CS_CSYSPWRUPREQ	(1u << 30)
#define CS_CSYSPWRUPACK	(1u << 31)
#define CS_WRITABLE	(CS_ORUNDETECT | 0x00000F0Cu | 0x001FF000u | CS_CDBGRSTREQ | \
			 CS_CDBGPWRUPREQ | CS_CSYSPWRUPREQ)

void dp_init(struct h5sim_dp *dp, struct h5sim_chip *chip)
{
	memset(dp, 0, sizeof(*dp));	/* every field, the APs' too, starts defined */

	dp->chip = chip;
	dp->ctrl_stat = 0;
	dp->sticky_err = dp->sticky_orun = dp->sticky_cmp = false;
	dp->select = 0;
	dp->read_result = 0;
	dp->busy_until_tck = 0;
	dp->captured_wait = false;

	struct mem_ap *ap0 = &dp->ap[0];
	ap0->name = "AP0";
	ap0->chip = chip;
	ap0->bus = &chip->dbgbus;
	ap0->apb = true;
	ap0->gated = false;
	ap0->idr = 0x54770002u;
	ap0->base = 0x00000002u;	/* no ROM table entry [U] */
	ap0->cfg = 0;
	ap0->absent = chip->opt->fault_no_ap0;
	ap0->csw_reset = 0x80000042u;
	mem_ap_reset(ap0);

	struct mem_ap *ap1 = &dp->ap[1];
	ap1->name = "AP1";
	ap1->chip = chip;
	ap1->bus = &chip->sysbus;
	ap1->apb = false;
	ap1->gated = true;
	ap1->idr = 0x14770015u;
	ap1->base = 0xE00FF003u;
	ap1->cfg = 0;
	ap1->absent = false;
	ap1->csw_reset = 0x03000042u;
	mem_ap_reset(ap1);
}

static uint32_t ctrl_stat_value(const struct h5sim_dp *dp)
{
	uint32_t v = dp->ctrl_stat;

	if (v & CS_CDBGPWRUPREQ)
		v |= CS_CDBGPWRUPACK;
	if (v & CS_CSYSPWRUPREQ)
		v |= CS_CSYSPWRUPACK;
	if (v & CS_CDBGRSTREQ)
		v |= CS_CDBGRSTACK;
	if (dp->sticky_err)
		v |= CS_STICKYERR;
	if (dp->sticky_orun)
		v |= CS_STICKYORUN;
	if (dp->sticky_cmp)
		v |= CS_STICKYCMP;
	return v;
}

uint64_t dp_capture(struct h5sim_dp *dp, unsigned int ir)
{
	struct h5sim_chip *chip = dp->chip;

	dp->captured_wait = ir != IR_ABORT && chip->cnt.jtag_clocks < dp->busy_until_tck;
	if (dp->captured_wait) {
		chip->cnt.waits++;
		dp->busy_until_tck = 0;	/* the host's retry comes after the access completed */
		/* overrun detection: a WAIT makes the DP ignore AP transactions until cleared */
		if (dp->ctrl_stat & CS_ORUNDETECT)
			dp->sticky_orun = true;
		return ACK_WAIT;
	}
	return (uint64_t)dp->read_result << 3 | ACK_OK_FAULT;
}

static void dp_reg_access(struct h5sim_dp *dp, uint32_t a, bool rnw, uint32_t data)
{
	struct h5sim_chip *chip = dp->chip;

	if (rnw) {
		chip->cnt.dp_reads++;
		switch (a) {
		case 0x0:
			dp->read_result = DP_DPIDR;
			break;
		case DP_CTRL_STAT:
			dp->read_result = (dp->select & 0xF) ? 0 : ctrl_stat_value(dp);
			break;
		case DP_SELECT:
			dp->read_result = dp->select;
			break;
		default:
			dp->read_result = 0;
			break;
		}
		return;
	}
	chip->cnt.dp_writes++;
	switch (a) {
	case DP_CTRL_STAT:
		if (dp->select & 0xF)
			break;
		if (data & CS_STICKYERR)
			dp->sticky_err = false;
		if (data & CS_STICKYORUN)
			dp->sticky_orun = false;
		if (data & CS_STICKYCMP)
			dp->sticky_cmp = false;
		dp->ctrl_stat = data & CS_WRITABLE;
		break;
	case DP_SELECT:
		dp->select = data;
		break;
	default:
		break;
	}
}

static void ap_access(struct h5sim_dp *dp, uint32_t a, bool rnw, uint32_t data)
{
	struct h5sim_chip *chip = dp->chip;
	unsigned int apsel = dp->select >> 24;
	uint32_t reg = (dp->select & 0xF0) | a;
	enum bus_result r = BUS_OK;

	if (rnw)
		chip->cnt.ap_reads++;
	else
		chip->cnt.ap_writes++;
	if (dp->sticky_err || dp->sticky_orun)
		return;		/* not performed (the pending read result stays) until cleared */
	dp->read_result = 0;
	if (chip->opt->ap_latency_tck)
		dp->busy_until_tck = chip->cnt.jtag_clocks + chip->opt->ap_latency_tck;
	if (apsel < 2) {
		struct mem_ap *ap = &dp->ap[apsel];
		if (rnw)
			r = mem_ap_read(ap, reg, &dp->read_result);
		else
			r = mem_ap_write(ap, reg, data);
	}
	if (r != BUS_OK) {
		dp->sticky_err = true;
		chip->cnt.ap_errors++;
		if (chip->opt->verbose)
			chip_log(chip, "dap: AP%u %s reg 0x%02x failed (TAR 0x%08x): STICKYERR",
					apsel, rnw ? "read" : "write", reg,
					apsel < 2 ? dp->ap[apsel].tar : 0);
	}
	if (chip->opt->verbose > 1)
		chip_log(chip, "dap: AP%u %s reg 0x%02x = 0x%08x", apsel, rnw ? "read" : "write", reg,
				rnw ? dp->read_result : data);
}

void dp_update(struct h5sim_dp *dp, unsigned int ir, uint64_t dr)
{
	struct h5sim_chip *chip = dp->chip;
	bool rnw = dr & 1;
	uint32_t a = (uint32_t)((dr >> 1) & 3) << 2;
	uint32_t data = (uint32_t)(dr >> 3);

	if (ir == IR_ABORT) {
		if (data & 1) {	/* DAPABORT: cancel the running transaction, clear the flags */
			dp->busy_until_tck = 0;
			dp->sticky_err = dp->sticky_orun = dp->sticky_cmp = false;
		}
		return;
	}
	if (dp->captured_wait)
		return;
	chip_sync(chip);
	chip->cnt.dap_transactions++;
	if (ir == IR_DPACC)
		dp_reg_access(dp, a, rnw, data);
	else
		ap_access(dp, a, rnw, data);
	chip_sync(chip);
	faults_dap_transaction(chip);
}

/* --- the SW-DP's view (swd.c): the same registers, SWD's rules --------------------------- */

/*
 * A request's acknowledge: WAIT while an AP access is still running, FAULT while a sticky flag
 * is set (except DPIDR and CTRL/STAT reads and ABORT writes), else OK. An OK read is done at
 * once: a DP register's value, or for an AP the previous AP read's result (posted reads; the
 * new one is then in RDBUFF). An OK write is done by dp_swd_write after its data phase.
 */
unsigned int dp_swd_request(struct h5sim_dp *dp, bool apndp, bool rnw, uint32_t a, uint32_t *rdata)
{
	struct h5sim_chip *chip = dp->chip;
	bool sticky = dp->sticky_err || dp->sticky_orun;
	bool always = !apndp && ((rnw && (a == 0x0 || a == DP_CTRL_STAT)) || (!rnw && a == 0x0));

	*rdata = 0;
	if (apndp && chip->cnt.jtag_clocks < dp->busy_until_tck) {
		chip->cnt.waits++;
		dp->busy_until_tck = 0;	/* the host's retry comes after the access completed */
		if (dp->ctrl_stat & CS_ORUNDETECT)
			dp->sticky_orun = true;
		return 0x2;
	}
	if (sticky && !always)
		return 0x4;
	if (!rnw)
		return 0x1;
	chip_sync(chip);
	chip->cnt.dap_transactions++;
	uint32_t rdbuff = dp->read_result;
	if (!apndp) {
		if (a == 0x8 || a == 0xC) {	/* RESEND, RDBUFF */
			chip->cnt.dp_reads++;
			*rdata = rdbuff;
		} else {
			dp_reg_access(dp, a, true, 0);
			*rdata = dp->read_result;
			dp->read_result = rdbuff;
		}
	} else {
		*rdata = rdbuff;
		ap_access(dp, a, true, 0);
	}
	chip_sync(chip);
	faults_dap_transaction(chip);
	return 0x1;
}

void dp_swd_write(struct h5sim_dp *dp, bool apndp, uint32_t a, uint32_t data)
{
	struct h5sim_chip *chip = dp->chip;

	chip_sync(chip);
	chip->cnt.dap_transactions++;
	if (apndp) {
		ap_access(dp, a, false, data);
	} else if (a == 0x0) {		/* ABORT */
		chip->cnt.dp_writes++;
		if (data & 0x01)		/* DAPABORT */
			dp->busy_until_tck = 0;
		if (data & 0x02)		/* STKCMPCLR */
			dp->sticky_cmp = false;
		if (data & 0x04)		/* STKERRCLR */
			dp->sticky_err = false;
		if (data & 0x10)		/* ORUNERRCLR */
			dp->sticky_orun = false;
	} else if (a == DP_CTRL_STAT) {	/* sticky flags are cleared through ABORT only */
		chip->cnt.dp_writes++;
		if (!(dp->select & 0xF))
			dp->ctrl_stat = data & CS_WRITABLE;
	} else {
		dp_reg_access(dp, a, false, data);	/* SELECT; TARGETSEL is not modelled */
	}
	chip_sync(chip);
	faults_dap_transaction(chip);
}
