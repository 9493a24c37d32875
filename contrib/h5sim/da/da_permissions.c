// SPDX-License-Identifier: GPL-2.0-or-later

/* h5sim DA: permission masks and the action a granted mask selects. */

#include <string.h>

#include "da_permissions.h"

void sim_da_permissions_all(uint8_t mask[DA_PERMISSIONS_SIZE])
{
	memset(mask, 0xFF, DA_PERMISSIONS_SIZE);
}

void sim_da_permissions_and(uint8_t mask[DA_PERMISSIONS_SIZE], const uint8_t with[DA_PERMISSIONS_SIZE])
{
	for (unsigned int i = 0; i < DA_PERMISSIONS_SIZE; i++)
		mask[i] &= with[i];
}

uint32_t sim_da_permissions_low_word(const uint8_t mask[DA_PERMISSIONS_SIZE])
{
	return da_get_le32(mask);
}

struct da_action sim_da_permissions_decide(uint32_t granted, bool trustzone)
{
	struct da_action action = { DA_ACTION_NONE, 0 };

	if (granted & DA_PERM_FULL_REGRESSION) {
		action.kind = DA_ACTION_FULL_REGRESSION;
	} else if (trustzone && (granted & DA_PERM_PARTIAL_REGRESSION)) {
		action.kind = DA_ACTION_PARTIAL_REGRESSION;
	} else if (granted & DA_PERM_DEBUG_ALL) {
		action.kind = DA_ACTION_OPEN_DEBUG;
		action.permissions = granted & DA_PERM_DEBUG_ALL;
	}
	return action;
}

static const char *const da_action_names[] = {
	[DA_ACTION_NONE] = "none",
	[DA_ACTION_FULL_REGRESSION] = "full regression",
	[DA_ACTION_PARTIAL_REGRESSION] = "partial regression",
	[DA_ACTION_OPEN_DEBUG] = "open debug",
	[DA_ACTION_LOCK_DEBUG] = "lock debug",
	[DA_ACTION_RESUME_BOOT] = "resume boot",
};

const char *sim_da_action_name(enum da_action_kind kind)
{
	if ((unsigned int)kind >= sizeof(da_action_names) / sizeof(da_action_names[0]))
		return "unknown";
	return da_action_names[kind];
}
