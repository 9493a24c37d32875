/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication transport of the STM32H5 in OpenOCD: the DBGMCU mailbox reached through
 * AP0 (DBG_AUTH_HOST / DEVICE / ACK, h5-debug-auth.md §1.2-§1.4), word by word with the ACK
 * handshake and timeouts, and the entry sequence (NRST asserted, entry word written, NRST
 * released). Works while the core's AP1 is closed and the target cannot be examined.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_TRANSPORT_H
#define OPENOCD_TARGET_STM32H5_DA_TRANSPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "da_error.h"
#include "da_protocol.h"
#include "da_settings.h"

struct target;
struct adiv5_dap;
struct adiv5_ap;

/* DBGMCU as seen from AP0 */
#define DA_DBGMCU_IDCODE	0xE0044000
#define DA_DBGMCU_SR		0xE00440FC
#define DA_DBGMCU_AUTH_HOST	0xE0044100
#define DA_DBGMCU_AUTH_DEVICE	0xE0044104
#define DA_DBGMCU_AUTH_ACK	0xE0044108
#define DA_DBGMCU_SR_AP1_ENABLED	0x00020000u	/* AP_ENABLED[31:16], bit n = APn */

struct da_transport {
	struct target *target;
	struct adiv5_dap *dap;
	struct adiv5_ap *ap;		/* AP0 */
	struct da_settings *settings;	/* the session's: detection updates it */
	int saved_debug_level;		/* while a secret is on the wire; -1 otherwise */
	bool entry_word_pending;	/* the entry word was still untaken after the NRST pulse */
	bool secret;			/* the request being sent carries a secret */
	unsigned int words_put;		/* words of the request being sent so far */
	/* what the last entry sequence showed (for "stm32h5x da doctor") */
	uint32_t ack_under_reset;	/* DBG_AUTH_ACK right after the entry word, NRST low */
	uint32_t ack_after_entry;	/* DBG_AUTH_ACK once the answer came or did not */
};

/* The struct da_link_ops of the mailbox (ctx is the struct da_transport) */
extern const struct da_link_ops da_transport_link_ops;

/*
 * Takes AP0 of the target's DAP and checks that the DBGMCU answers (DBGMCU_IDCODE). Refuses a
 * high-level adapter (hla), which has no AP0, with a reason saying what to use instead.
 */
enum da_err da_transport_open(struct target *target, struct da_settings *settings,
		struct da_transport *t, uint32_t *idcode, struct da_diag *diag);

void da_transport_close(struct da_transport *t);

/*
 * Entry sequence: NRST asserted, entry word into DBG_AUTH_HOST, NRST released, then up to
 * entry_ack_timeout_ms for the device's answer word (*answered false if none came; not an
 * error, its presence and value are unknown for the H5). With ack_bits or clear_dev_ack on
 * auto, an answer decides them (da_detect.h): the bit the host's word set under reset is the
 * host bit, the one the answer sets is the device bit, and a device bit still set after the
 * answer was read means the host clears it.
 */
enum da_err da_transport_enter(struct da_transport *t, bool *answered, uint32_t *answer,
		struct da_diag *diag);

/* A plain NRST pulse (no entry word): the chip boots normally */
enum da_err da_transport_pulse_reset(struct da_transport *t, struct da_diag *diag);

/* One DBGMCU register through AP0; reconnects the DP and retries once after a failure */
enum da_err da_transport_read(struct da_transport *t, uint32_t addr, uint32_t *value,
		struct da_diag *diag);
enum da_err da_transport_write(struct da_transport *t, uint32_t addr, uint32_t value,
		struct da_diag *diag);

/* One word through the core's AP1 (when DBGMCU_SR says it is enabled); no reconnect */
enum da_err da_transport_read_ap1(struct da_transport *t, uint32_t addr, uint32_t *value,
		struct da_diag *diag);

#endif /* OPENOCD_TARGET_STM32H5_DA_TRANSPORT_H */
