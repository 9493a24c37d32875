/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication session of the STM32H5 in OpenOCD: opening the mailbox (with or without
 * the entry sequence), running the protocol with progress in the log, and what follows a
 * granted authentication: waiting for the self-reset of a regression, reconnecting the DAP,
 * re-examining the core and reading the new product state (h5-debug-auth.md §5.2, §8.1).
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_SESSION_H
#define OPENOCD_TARGET_STM32H5_DA_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "da_protocol.h"
#include "da_transport.h"

struct target;

struct da_session {
	struct da_settings used;	/* the settings as configured, "auto" ones decided */
	struct da_transport transport;
	struct da_link link;
	bool entered;		/* the entry sequence ran */
	bool answered;		/* the device answered the entry word ... */
	uint32_t answer;	/* ... with this word */
	uint32_t idcode;	/* DBGMCU_IDCODE read through AP0 */
	bool open;
	bool ap1_open_after_entry;	/* the chip booted instead of staying in RSS_DA */
};

/*
 * Takes AP0; with enter, runs the entry sequence (NRST, entry word) first. With entry_word on
 * auto each candidate of da_detect.h gets its own NRST cycle until one is answered; if none
 * is, the first candidate is entered again and the session goes on without an answer.
 */
enum da_err da_session_open(struct da_session *ss, struct target *target,
		const struct da_settings *settings, bool enter, struct da_diag *diag);

void da_session_close(struct da_session *ss);

/* One line: which transport values the session used and how each was chosen */
void da_session_describe(const struct da_session *ss, char *buf, size_t size);

/* Adds the likely cause to a timeout in a session whose chip did not stay in RSS_DA */
void da_session_explain(const struct da_session *ss, enum da_err err, struct da_diag *diag);

/*
 * Waits until the core's AP1 is enabled again (DBGMCU_SR), reconnects the DAP and examines the
 * core, for up to timeout_ms; then reads FLASH_OPTSR_CUR through the core. If reset_after_ms
 * is not 0 and the core is not back by then, NRST is pulsed once (a chip that did not reset
 * itself after a regression). *pstate_valid is false if the product state could not be read
 * (the session still succeeded).
 */
enum da_err da_session_wait_core(struct da_session *ss, unsigned int timeout_ms,
		unsigned int reset_after_ms, uint8_t *pstate, bool *pstate_valid,
		struct da_diag *diag);

#endif /* OPENOCD_TARGET_STM32H5_DA_SESSION_H */
