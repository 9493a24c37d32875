/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication host settings: every transport detail h5-debug-auth.md marks unknown
 * ([U], §9) is a named setting with the best-supported default, changeable with
 * "stm32h5x da config <name> <value>" until silicon confirms it. Pure C.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_SETTINGS_H
#define OPENOCD_TARGET_STM32H5_DA_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "adac_packet.h"
#include "da_error.h"

/* The settings that can be "auto": decided from the device during a session (da_detect.h) */
#define DA_AUTO_ENTRY	0x1u	/* entry_word: "STDA", then "OEDA" */
#define DA_AUTO_ACK	0x2u	/* ack_swapped: from the bit the device's first word sets */
#define DA_AUTO_CLEAR	0x4u	/* clear_dev_ack: from the ACK after that word is read */
#define DA_AUTO_COUNT	0x8u	/* count_unit: from the discovery response's length */

struct da_settings {
	unsigned int auto_mask;		/* DA_AUTO_*: still to be decided from the device */
	unsigned int detected;		/* DA_AUTO_*: decided from the device in this session */
	uint32_t entry_word;		/* [U] §1.4: written to DBG_AUTH_HOST under reset; "STDA" */
	bool ack_swapped;		/* [U] §1.3: false = firmware semantics: bit0 host word
					 * pending, bit1 device word pending; true = RM wording */
	bool clear_dev_ack;		/* [U] §1.3: after reading a device word, clear its
					 * pending bit by a write if the read left it set */
	enum adac_count_unit count_unit;	/* [U] §2.1: data_count in words (psa-adac) */
	uint16_t close_command;		/* [U] §2.2: command of "da close"; LOCK_DEBUG 0x0006 */
	bool resume_after_debug_open;	/* [U]: send RESUME_BOOT after a successful debug
					 * opening so that the boot reaches the opened HDPL */
	unsigned int word_timeout_ms;	/* ST's mailbox code waits 1000 ms per word */
	unsigned int response_timeout_ms;	/* first word of an answer (ECDSA check) */
	unsigned int entry_ack_timeout_ms;	/* wait for the device's answer to the entry word */
	unsigned int reset_hold_ms;	/* NRST held low around the entry word */
	unsigned int reconnect_timeout_ms;	/* self-reset, erase and reboot after a regression */
	unsigned int regression_reset_ms;	/* [U] pulse NRST if the core is not back by then
						 * after a regression (0 = never) */
};

void da_settings_defaults(struct da_settings *s);

/* Number of settings, and the name of setting i (for listing) */
size_t da_settings_count(void);
const char *da_settings_name(size_t i);

/* Formats the value of a setting ("0x53544441", "words", "1000"); false if unknown name */
bool da_settings_get(const struct da_settings *s, const char *name, char *buf, size_t size);

/*
 * Sets a setting from text: numbers (C syntax), "words"/"bytes" for data_count,
 * "standard"/"swapped" for ack_bits, 0/1/on/off/true/false for flags, and "auto" for
 * entry_word, ack_bits, clear_dev_ack and data_count. The reason names the setting and the
 * values it accepts (with "did you mean" for a misspelt name).
 */
enum da_err da_settings_set(struct da_settings *s, const char *name, const char *value,
		struct da_diag *diag);

#endif /* OPENOCD_TARGET_STM32H5_DA_SETTINGS_H */
