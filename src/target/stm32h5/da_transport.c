// SPDX-License-Identifier: GPL-2.0-or-later

/* STM32H5 Debug Authentication mailbox over AP0 (see da_transport.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>

#include <helper/log.h>
#include <helper/time_support.h>
#include <jtag/interface.h>
#include <jtag/jtag.h>
#include <target/arm_adi_v5.h>
#include <target/target.h>
#include <transport/transport.h>

#include "da_trace.h"
#include "da_transport.h"

/* ACK bits: firmware semantics by default, RM wording with ack_bits swapped (§1.3) */
static uint32_t host_pending_bit(const struct da_settings *s)
{
	return s->ack_swapped ? 0x2 : 0x1;
}

static uint32_t device_pending_bit(const struct da_settings *s)
{
	return s->ack_swapped ? 0x1 : 0x2;
}

static int ap0_reconnect(struct da_transport *t)
{
	int rv = dap_dp_init_or_reconnect(t->dap);

	if (rv == ERROR_OK)
		rv = mem_ap_init(t->ap);
	return rv;
}

enum da_err da_transport_read(struct da_transport *t, uint32_t addr, uint32_t *value,
		struct da_diag *diag)
{
	int rv = mem_ap_read_atomic_u32(t->ap, addr, value);

	if (rv != ERROR_OK && ap0_reconnect(t) == ERROR_OK)
		rv = mem_ap_read_atomic_u32(t->ap, addr, value);
	if (rv != ERROR_OK)
		return da_fail(diag, DA_ERR_TRANSPORT,
			"cannot read 0x%08x through AP0 (DAP error %d)", addr, rv);
	return DA_OK;
}

enum da_err da_transport_write(struct da_transport *t, uint32_t addr, uint32_t value,
		struct da_diag *diag)
{
	int rv = mem_ap_write_atomic_u32(t->ap, addr, value);

	if (rv != ERROR_OK && ap0_reconnect(t) == ERROR_OK)
		rv = mem_ap_write_atomic_u32(t->ap, addr, value);
	if (rv != ERROR_OK)
		return da_fail(diag, DA_ERR_TRANSPORT,
			"cannot write 0x%08x through AP0 (DAP error %d)", addr, rv);
	return DA_OK;
}

#define ACK_ANY	0xFFFFFFFFu	/* wait_ack: any bit of the mask */

/* Polls DBG_AUTH_ACK until (ack & mask) == want (any bit of mask: ACK_ANY) or the timeout */
static enum da_err wait_ack(struct da_transport *t, uint32_t mask, uint32_t want,
		unsigned int timeout_ms, uint32_t *ack, struct da_diag *diag)
{
	int64_t start = timeval_ms();
	unsigned int polls = 0;

	for (;;) {
		enum da_err err = da_transport_read(t, DA_DBGMCU_AUTH_ACK, ack, diag);

		if (err != DA_OK)
			return err;
		if (want == ACK_ANY ? (*ack & mask) != 0 : (*ack & mask) == want)
			return DA_OK;
		if (timeval_ms() - start > (int64_t)timeout_ms)
			return da_fail(diag, DA_ERR_TIMEOUT,
				"no handshake in %u ms (DBG_AUTH_ACK = 0x%08x)", timeout_ms, *ack);
		/* the first polls are fast: most words are taken at once */
		if (++polls > 10)
			alive_sleep(1);
		else
			keep_alive();
	}
}

static enum da_err mailbox_put(void *ctx, uint32_t word, unsigned int timeout_ms,
		struct da_diag *diag)
{
	struct da_transport *t = ctx;
	uint32_t ack;
	enum da_err err;

	/* the device must have taken the previous word; while the bit meaning is undecided,
	 * both bits clear (no device word is pending while a request is sent) */
	if (t->settings->auto_mask & DA_AUTO_ACK)
		err = wait_ack(t, 0x3, 0, timeout_ms, &ack, diag);
	else
		err = wait_ack(t, host_pending_bit(t->settings), 0, timeout_ms, &ack, diag);
	if (err == DA_ERR_TIMEOUT && t->entry_word_pending)
		da_diag_prefix(diag, "the device never took the entry word written while NRST was low: "
			"did the reset reach the chip? (check that the adapter's NRST pin is wired to it) ");
	else if (err == DA_ERR_TIMEOUT)
		da_diag_prefix(diag, "the device did not take the previous word: ");
	if (err != DA_OK)
		return err;
	t->entry_word_pending = false;
	/* request headers are shown; the data words of a secret request are not */
	da_trace_word(true, word, ack, t->secret && t->words_put >= 2);
	t->words_put++;
	return da_transport_write(t, DA_DBGMCU_AUTH_HOST, word, diag);
}

static void decide_ack_bits(struct da_settings *s, uint32_t bit);
static enum da_err settle_device_flag(struct da_transport *t, struct da_diag *diag);

/* How long a flag must stay set to be the device's (the host's clears once the device took
 * the word; the device's stays until the host reads DBG_AUTH_DEVICE) */
#define DA_ACK_SETTLE_MS	20

/*
 * ack_bits still on auto (no answer to the entry word): the first bit of DBG_AUTH_ACK that
 * stays set is the device's word-pending flag.
 */
static enum da_err wait_first_device_word(struct da_transport *t, unsigned int timeout_ms,
		uint32_t *ack, struct da_diag *diag)
{
	int64_t start = timeval_ms();

	for (;;) {
		int64_t left = (int64_t)timeout_ms - (timeval_ms() - start);
		uint32_t again;
		enum da_err err = left > 0 ? wait_ack(t, 0x3, ACK_ANY, (unsigned int)left, ack, diag)
			: DA_ERR_TIMEOUT;

		if (err == DA_ERR_TIMEOUT)
			return da_fail(diag, err, "no handshake in %u ms (DBG_AUTH_ACK = 0x%08x)",
				timeout_ms, *ack);
		if (err != DA_OK)
			return err;
		alive_sleep(DA_ACK_SETTLE_MS);
		err = da_transport_read(t, DA_DBGMCU_AUTH_ACK, &again, diag);
		if (err != DA_OK)
			return err;
		again &= *ack & 0x3;
		if (again == 0x1 || again == 0x2) {
			decide_ack_bits(t->settings, again);
			*ack = again;
			return DA_OK;
		}
	}
}

static enum da_err mailbox_get(void *ctx, uint32_t *word, unsigned int timeout_ms,
		struct da_diag *diag)
{
	struct da_transport *t = ctx;
	uint32_t ack = 0;
	enum da_err err;

	if (t->settings->auto_mask & DA_AUTO_ACK)
		err = wait_first_device_word(t, timeout_ms, &ack, diag);
	else
		err = wait_ack(t, device_pending_bit(t->settings), device_pending_bit(t->settings),
			timeout_ms, &ack, diag);
	if (err == DA_ERR_TIMEOUT)
		da_diag_prefix(diag, "the device sent no word: ");
	if (err != DA_OK)
		return err;
	err = da_transport_read(t, DA_DBGMCU_AUTH_DEVICE, word, diag);
	t->words_put = 0;
	if (err != DA_OK)
		return err;
	da_trace_word(false, *word, ack, false);
	/* whether reading DBG_AUTH_DEVICE clears the flag is unconfirmed: clear it if it did
	 * not (on auto, the first word decides) */
	return settle_device_flag(t, diag);
}

/*
 * At debug level 4 (debug_io) OpenOCD's JTAG and adapter layers log the data of every scan or
 * DAP write, which would put the password words in the log. While a secret is on the wire the
 * level is held at 3 (debug); it is restored afterwards.
 */
static void mailbox_secret(void *ctx, bool on)
{
	struct da_transport *t = ctx;

	t->secret = on;
	if (on && t->saved_debug_level < 0) {
		t->saved_debug_level = debug_level;
		if (debug_level > LOG_LVL_DEBUG) {
			LOG_DEBUG("stm32h5x da: debug_io output paused while the password is sent");
			debug_level = LOG_LVL_DEBUG;
		}
	} else if (!on && t->saved_debug_level >= 0) {
		debug_level = t->saved_debug_level;
		t->saved_debug_level = -1;
	}
}

const struct da_link_ops da_transport_link_ops = {
	.put = mailbox_put,
	.get = mailbox_get,
	.secret = mailbox_secret,
};

enum da_err da_transport_open(struct target *target, struct da_settings *settings,
		struct da_transport *t, uint32_t *idcode, struct da_diag *diag)
{
	struct adiv5_private_config *pc = target->private_config;
	enum da_err err;

	memset(t, 0, sizeof(*t));
	t->target = target;
	t->settings = settings;
	t->saved_debug_level = -1;
	if (transport_is_hla())
		return da_fail(diag, DA_ERR_UNSUPPORTED,
			"Debug Authentication needs AP0 (the DBGMCU mailbox), which a high-level "
			"adapter (hla) cannot reach: with an ST-Link use its DAP mode, "
			"interface/stm32h5x-stlink-dap.cfg (ST-Link firmware V2J24 or later, or any "
			"STLINK-V3), or a CMSIS-DAP or J-Link adapter");
	if (!pc || !pc->dap)
		return da_fail(diag, DA_ERR_UNSUPPORTED,
			"target %s has no DAP (create it with -dap)", target_name(target));
	t->dap = pc->dap;
	t->ap = dap_get_ap(t->dap, 0);
	if (!t->ap)
		return da_fail(diag, DA_ERR_TRANSPORT, "cannot get AP0 of the DAP");
	if (mem_ap_init(t->ap) != ERROR_OK && ap0_reconnect(t) != ERROR_OK) {
		da_transport_close(t);
		return da_fail(diag, DA_ERR_TRANSPORT,
			"AP0 does not answer: unable to detect the DBGMCU mailbox");
	}
	err = da_transport_read(t, DA_DBGMCU_IDCODE, idcode, diag);
	if (err != DA_OK) {
		da_transport_close(t);
		da_diag_prefix(diag, "unable to detect the DBGMCU mailbox: ");
	}
	return err;
}

enum da_err da_transport_read_ap1(struct da_transport *t, uint32_t addr, uint32_t *value,
		struct da_diag *diag)
{
	struct adiv5_ap *ap1 = dap_get_ap(t->dap, 1);
	int rv = ap1 ? mem_ap_init(ap1) : ERROR_FAIL;

	if (rv == ERROR_OK)
		rv = mem_ap_read_atomic_u32(ap1, addr, value);
	if (ap1)
		dap_put_ap(ap1);
	if (rv != ERROR_OK)
		return da_fail(diag, DA_ERR_TRANSPORT, "cannot read 0x%08x through AP1", addr);
	return DA_OK;
}

void da_transport_close(struct da_transport *t)
{
	if (t->ap)
		dap_put_ap(t->ap);
	t->ap = NULL;
}

static enum da_err drive_reset(bool asserted, struct da_diag *diag)
{
	int rv = asserted ? adapter_assert_reset() : adapter_deassert_reset();

	if (rv == ERROR_OK && transport_is_jtag())
		rv = jtag_execute_queue();
	if (rv != ERROR_OK)
		return da_fail(diag, DA_ERR_TRANSPORT, "cannot %s NRST",
			asserted ? "assert" : "release");
	return DA_OK;
}

enum da_err da_transport_pulse_reset(struct da_transport *t, struct da_diag *diag)
{
	enum da_err err;

	if (!(jtag_get_reset_config() & RESET_HAS_SRST))
		return da_fail(diag, DA_ERR_STATE, "no NRST line declared (reset_config)");
	err = drive_reset(true, diag);
	if (err != DA_OK)
		return err;
	alive_sleep(t->settings->reset_hold_ms);
	return drive_reset(false, diag);
}

/*
 * The device's answer to the entry word decides ack_bits on auto: host_seen is what ACK showed
 * right after the host's word under reset (its host bit, if the register shows it then).
 */
static uint32_t answer_bit_wanted(const struct da_settings *s, uint32_t host_seen)
{
	if (!(s->auto_mask & DA_AUTO_ACK))
		return device_pending_bit(s);
	if (host_seen == 0x1)
		return 0x2;
	if (host_seen == 0x2)
		return 0x1;
	return 0x3;
}

static void decide_ack_bits(struct da_settings *s, uint32_t bit)
{
	if (!(s->auto_mask & DA_AUTO_ACK) || (bit != 0x1 && bit != 0x2))
		return;
	s->ack_swapped = bit == 0x1;
	s->auto_mask &= ~DA_AUTO_ACK;
	s->detected |= DA_AUTO_ACK;
}

/* After the answer word was read: clear the device flag if the read left it set */
static enum da_err settle_device_flag(struct da_transport *t, struct da_diag *diag)
{
	struct da_settings *s = t->settings;
	uint32_t dev_bit = device_pending_bit(s), ack;
	bool still_set;

	if (!s->clear_dev_ack && !(s->auto_mask & DA_AUTO_CLEAR))
		return DA_OK;
	if (da_transport_read(t, DA_DBGMCU_AUTH_ACK, &ack, NULL) != DA_OK)
		return DA_OK;
	still_set = ack & dev_bit;
	if (s->auto_mask & DA_AUTO_CLEAR) {
		s->clear_dev_ack = still_set;
		s->auto_mask &= ~DA_AUTO_CLEAR;
		s->detected |= DA_AUTO_CLEAR;
	}
	if (still_set)
		return da_transport_write(t, DA_DBGMCU_AUTH_ACK, ack & ~dev_bit, diag);
	return DA_OK;
}

enum da_err da_transport_enter(struct da_transport *t, bool *answered, uint32_t *answer,
		struct da_diag *diag)
{
	struct da_settings *s = t->settings;
	enum reset_types cfg = jtag_get_reset_config();
	uint32_t ack, host_seen = 0, wanted;
	enum da_err err;

	*answered = false;
	if (!(cfg & RESET_HAS_SRST))
		return da_fail(diag, DA_ERR_STATE,
			"Debug Authentication needs the NRST line: declare it with "
			"'reset_config srst_only srst_nogate' and wire NRST to the adapter");
	if (!(cfg & RESET_SRST_NO_GATING))
		LOG_WARNING("stm32h5x da: reset_config lacks srst_nogate: the entry word is "
			"written while NRST is low and may be lost");

	da_trace_note("entry: NRST asserted");
	err = drive_reset(true, diag);
	if (err != DA_OK)
		return err;
	alive_sleep(s->reset_hold_ms);
	err = da_transport_write(t, DA_DBGMCU_AUTH_HOST, s->entry_word, diag);
	t->ack_under_reset = 0;
	t->ack_after_entry = 0;
	if (err == DA_OK && da_transport_read(t, DA_DBGMCU_AUTH_ACK, &ack, NULL) == DA_OK)
		t->ack_under_reset = ack;
	if (s->auto_mask & DA_AUTO_ACK)
		host_seen = t->ack_under_reset & 0x3;
	da_trace_word(true, s->entry_word, t->ack_under_reset, false);
	if (err != DA_OK) {
		drive_reset(false, NULL);
		da_diag_prefix(diag, "writing the entry word under reset: ");
		return err;
	}
	alive_sleep(s->reset_hold_ms);
	err = drive_reset(false, diag);
	if (err != DA_OK)
		return err;

	/* the boot ROM may answer the entry word; its presence and value are unknown */
	da_trace_note("entry: NRST released");
	wanted = answer_bit_wanted(s, host_seen);
	err = wait_ack(t, wanted, ACK_ANY, s->entry_ack_timeout_ms, &ack, NULL);
	t->ack_after_entry = ack;
	if (err != DA_OK)
		da_trace_note("entry: no answer in %u ms (DBG_AUTH_ACK 0x%08" PRIx32 ")",
			s->entry_ack_timeout_ms, ack);
	if (err == DA_OK) {
		decide_ack_bits(s, ack & wanted);
		err = da_transport_read(t, DA_DBGMCU_AUTH_DEVICE, answer, diag);
		if (err != DA_OK)
			return err;
		da_trace_word(false, *answer, ack, false);
		*answered = true;
		return settle_device_flag(t, diag);
	}
	if (err == DA_ERR_TIMEOUT) {
		/* without a reset (NRST not wired) the entry word stays in the mailbox */
		t->entry_word_pending = da_transport_read(t, DA_DBGMCU_AUTH_ACK, &ack, NULL) == DA_OK &&
			(ack & host_pending_bit(s));
		return DA_OK;
	}
	return da_fail(diag, err, "AP0 lost after releasing NRST");
}
