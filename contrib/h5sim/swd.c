// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: SW-DP wire protocol (ADIv5 §B4). The device samples SWDIO on each SWCLK rising edge
 * and, in a cycle it drives, presents its bit before that edge (the host samples it while
 * SWCLK is low). One packet:
 *
 *   cycles | driven by | content
 *   -------+-----------+-----------------------------------------------------------------
 *   8      | host      | start 1, APnDP, RnW, A[2], A[3], parity (even over those 4), stop 0,
 *          |           | park 1
 *   1      | -         | turnaround
 *   3      | device    | acknowledge, LSB first: OK 0b001, WAIT 0b010, FAULT 0b100
 *   33 + 1 | device    | read: data LSB first, parity, then a turnaround
 *   1 + 33 | host      | write: a turnaround, then data LSB first, parity (also after WAIT
 *          |           | or FAULT, as OpenOCD sends it; then it is not performed)
 *   1      | -         | read after WAIT or FAULT: a turnaround, no data phase
 *
 * A line reset is 50 or more cycles with SWDIO high, ended by a 0; the JTAG-to-SWD select
 * sequence (0xE79E) needs no handling of its own: it is followed by a line reset. A request
 * with a bad parity, stop or park bit is a protocol error: the device stays off the line
 * until the next line reset. A write whose data parity is wrong is not performed.
 */

#include "dp.h"
#include "swd.h"

void swd_init(struct h5sim_swd *swd, struct h5sim_dp *dp)
{
	*swd = (struct h5sim_swd){ .dp = dp, .phase = SWD_LOCKED, .out = true };
}

static bool parity32(uint32_t v)
{
	v ^= v >> 16;
	v ^= v >> 8;
	v ^= v >> 4;
	v ^= v >> 2;
	v ^= v >> 1;
	return v & 1;
}

static bool host_drives(enum swd_phase p)
{
	return p != SWD_ACK && p != SWD_READ_DATA;
}

/* the request bits after the start bit: APnDP 0, RnW 1, A[2] 2, A[3] 3, parity 4, stop 5,
 * park 6 */
static void request_done(struct h5sim_swd *swd)
{
	uint32_t r = swd->request;
	bool apndp = r & 1, rnw = r & 2;
	uint32_t a = ((r >> 2) & 3) << 2;
	bool parity_ok = parity32(r & 0xF) == ((r >> 4) & 1);

	if (!parity_ok || (r & 0x20) || !(r & 0x40)) {
		swd->phase = SWD_LOCKED;
		return;
	}
	swd->packets++;
	uint32_t rdata = 0;
	swd->ack = dp_swd_request(swd->dp, apndp, rnw, a, &rdata);
	swd->shift = (uint64_t)rdata | (parity32(rdata) ? 1ull << 32 : 0);
	swd->phase = SWD_TRN_ACK;
}

void swd_clock(struct h5sim_swd *swd, bool swdio)
{
	/* line reset: counted over every cycle the host drives */
	if (host_drives(swd->phase)) {
		if (swdio) {
			if (++swd->ones >= 50 && swd->phase != SWD_RESET) {
				swd->phase = SWD_RESET;
				swd->line_resets++;
			}
		} else {
			swd->ones = 0;
		}
	}

	switch (swd->phase) {
	case SWD_LOCKED:
		break;
	case SWD_RESET:
		if (!swdio)
			swd->phase = SWD_IDLE;
		break;
	case SWD_IDLE:
		if (swdio) {
			swd->phase = SWD_REQUEST;
			swd->request = 0;
			swd->bit = 0;
		}
		break;
	case SWD_REQUEST:
		swd->request |= (uint32_t)swdio << swd->bit;
		if (++swd->bit == 7)
			request_done(swd);
		break;
	case SWD_TRN_ACK:
		swd->phase = SWD_ACK;
		swd->bit = 0;
		break;
	case SWD_ACK:
		if (++swd->bit < 3)
			break;
		swd->bit = 0;
		if (!(swd->request & 2))
			swd->phase = SWD_TRN_WRITE;	/* the data phase comes whatever the ack */
		else if (swd->ack == SWD_ACK_OK)
			swd->phase = SWD_READ_DATA;
		else
			swd->phase = SWD_TRN_END;
		break;
	case SWD_READ_DATA:
		if (++swd->bit == 33)
			swd->phase = SWD_TRN_END;
		break;
	case SWD_TRN_WRITE:
		swd->phase = SWD_WRITE_DATA;
		swd->shift = 0;
		swd->bit = 0;
		break;
	case SWD_WRITE_DATA:
		swd->shift |= (uint64_t)swdio << swd->bit;
		if (++swd->bit == 33) {
			uint32_t data = (uint32_t)swd->shift;
			if (swd->ack == SWD_ACK_OK && parity32(data) == ((swd->shift >> 32) & 1))
				dp_swd_write(swd->dp, swd->request & 1, ((swd->request >> 2) & 3) << 2, data);
			swd->phase = SWD_IDLE;
		}
		break;
	case SWD_TRN_END:
		swd->phase = SWD_IDLE;
		break;
	}

	/* what the device drives in the next cycle */
	if (swd->phase == SWD_ACK)
		swd->out = (swd->ack >> swd->bit) & 1;
	else if (swd->phase == SWD_READ_DATA)
		swd->out = (swd->shift >> swd->bit) & 1;
	else
		swd->out = true;	/* released: the pull-up */
}

bool swd_swdio(const struct h5sim_swd *swd)
{
	return swd->out;
}
