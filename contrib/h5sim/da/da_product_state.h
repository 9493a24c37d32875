/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim DA: product states as the DA boot ROM sees them: whether DA mode can be entered,
 * whether it may authorise anything, and the PSA lifecycle value reported by DISCOVERY
 * (h5-debug-auth.md §3; h5-flash-ob.md §4.2).
 */

#ifndef H5SIM_DA_PRODUCT_STATE_H
#define H5SIM_DA_PRODUCT_STATE_H

#include <stdbool.h>
#include <stdint.h>

enum da_product_state {
	DA_PS_OPEN		= 0xED,
	DA_PS_PROVISIONING	= 0x17,
	DA_PS_IROT_PROVISIONED	= 0x2E,
	DA_PS_TZ_CLOSED		= 0xC6,
	DA_PS_CLOSED		= 0x72,
	DA_PS_LOCKED		= 0x5C,
	DA_PS_REGRESSION	= 0x9A,
	DA_PS_NS_REGRESSION	= 0xA3,
};

enum da_entry_policy {
	DA_ENTRY_BOOT,		/* no DA: the chip boots (Open, transient or invalid states) */
	DA_ENTRY_SERVE,		/* DA usable: PROVISIONING up to CLOSED */
	DA_ENTRY_REFUSE,	/* DA mode entered, answers DISCOVERY, authorises nothing (Locked) */
};

struct sim_da_product_state_info {
	uint8_t code;
	const char *name;
	enum da_entry_policy policy;
	uint16_t psa_lifecycle;
};

/* Never NULL: unknown codes get an "invalid" entry with policy DA_ENTRY_BOOT */
const struct sim_da_product_state_info *sim_da_product_state_info(uint8_t code);

#endif /* H5SIM_DA_PRODUCT_STATE_H */
