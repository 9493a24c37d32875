/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * STM32H5 product state: the codes of FLASH_OPTSR.PRODUCT_STATE, their names, and the
 * rules a debugger must check before it asks for a transition (RM0481 lifecycle, see
 * h5-flash-ob.md §4). Pure C, no OpenOCD dependency, so it is unit-tested on its own.
 */

#ifndef OPENOCD_TARGET_STM32H5_PRODUCT_STATE_H
#define OPENOCD_TARGET_STM32H5_PRODUCT_STATE_H

#include <stdbool.h>
#include <stdint.h>

/* PRODUCT_STATE byte values (Hamming-coded, any two differ in at least 4 bits) */
enum h5_pstate {
	H5_PSTATE_OPEN = 0xED,
	H5_PSTATE_PROVISIONING = 0x17,
	H5_PSTATE_IROT_PROVISIONED = 0x2E,
	H5_PSTATE_TZ_CLOSED = 0xC6,
	H5_PSTATE_CLOSED = 0x72,
	H5_PSTATE_LOCKED = 0x5C,
	H5_PSTATE_REGRESSION = 0x9A,
	H5_PSTATE_NS_REGRESSION = 0xA3,
};

/* Where PRODUCT_STATE lives in FLASH_OPTSR_CUR / FLASH_OPTSR_PRG */
#define H5_OPTSR_PRODUCT_STATE_SHIFT	8
#define H5_OPTSR_PRODUCT_STATE_MASK	(0xFFu << H5_OPTSR_PRODUCT_STATE_SHIFT)

/* What the rules need to know about the device besides its current state */
struct h5_pstate_context {
	bool has_trustzone;	/* false on the H503 */
	bool tzen;		/* OPTSR2.TZEN == 0xB4 */
};

/* Verdict of a transition check */
enum h5_pstate_verdict {
	H5_PSTATE_ALLOWED,		/* the option-byte write may be attempted */
	H5_PSTATE_ALREADY,		/* the device is already in that state: nothing to do */
	H5_PSTATE_REFUSED,		/* the hardware or the lifecycle forbids it */
};

/* Returns the canonical name ("Open", "TZ-Closed", ...) or NULL for an unknown code. */
const char *h5_pstate_name(uint8_t code);

/* Returns true if code is one of the eight defined states. */
bool h5_pstate_is_valid(uint8_t code);

/*
 * Parses a state given by a user: canonical names and the usual spellings
 * (case-insensitive, '-', '_' and spaces ignored: "tz_closed", "iROT-Provisioned",
 * "nsregression"), or a number (0x72). Returns false for anything else.
 */
bool h5_pstate_parse(const char *text, uint8_t *code);

/*
 * Checks a transition requested through an option-byte write by a debugger.
 * On H5_PSTATE_REFUSED, *reason (if not NULL) points to a sentence saying why and what to
 * do instead. Unknown codes on either side are refused.
 */
enum h5_pstate_verdict h5_pstate_check_transition(uint8_t from, uint8_t to,
		const struct h5_pstate_context *ctx, const char **reason);

/* True for states that cut debug access to the secure or whole device (needs DA to leave). */
bool h5_pstate_closes_debug(uint8_t code);

/* True for a state that can never be left (Locked). */
bool h5_pstate_is_final(uint8_t code);

#endif /* OPENOCD_TARGET_STM32H5_PRODUCT_STATE_H */
