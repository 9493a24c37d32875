/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim DA: permission bits (h5-debug-auth.md §5.1) and the decision of what a granted
 * mask does. Bits 14, 6 and 1 are sourced [C]; 12, 5, 4, 2, 0 inferred [I].
 */

#ifndef H5SIM_DA_PERMISSIONS_H
#define H5SIM_DA_PERMISSIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "da_adac.h"

#define DA_PERM_FULL_REGRESSION		(1u << 14)
#define DA_PERM_PARTIAL_REGRESSION	(1u << 12)
#define DA_PERM_DEBUG_L3_SECURE		(1u << 6)
#define DA_PERM_DEBUG_L2_SECURE		(1u << 5)
#define DA_PERM_DEBUG_L1_SECURE		(1u << 4)
#define DA_PERM_DEBUG_L3_NONSECURE	(1u << 2)
#define DA_PERM_DEBUG_L2_NONSECURE	(1u << 1)
#define DA_PERM_DEBUG_L1_NONSECURE	(1u << 0)
#define DA_PERM_DEBUG_ALL		0x00000077u

enum da_action_kind {
	DA_ACTION_NONE,
	DA_ACTION_FULL_REGRESSION,
	DA_ACTION_PARTIAL_REGRESSION,
	DA_ACTION_OPEN_DEBUG,
	DA_ACTION_LOCK_DEBUG,
	DA_ACTION_RESUME_BOOT,
};

struct da_action {
	enum da_action_kind kind;
	uint32_t permissions;		/* DA_ACTION_OPEN_DEBUG: the debug bits granted */
};

/* 128-bit masks, little-endian byte arrays */
void sim_da_permissions_all(uint8_t mask[DA_PERMISSIONS_SIZE]);
void sim_da_permissions_and(uint8_t mask[DA_PERMISSIONS_SIZE], const uint8_t with[DA_PERMISSIONS_SIZE]);
uint32_t sim_da_permissions_low_word(const uint8_t mask[DA_PERMISSIONS_SIZE]);

/*
 * What a granted mask does: full regression wins over everything (it erases it all), then
 * partial regression (TrustZone only), then debug opening with the granted debug bits.
 * Returns DA_ACTION_NONE when nothing actionable is granted.
 */
struct da_action sim_da_permissions_decide(uint32_t granted, bool trustzone);

const char *sim_da_action_name(enum da_action_kind kind);

#endif /* H5SIM_DA_PERMISSIONS_H */
