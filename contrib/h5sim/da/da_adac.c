// SPDX-License-Identifier: GPL-2.0-or-later

/* h5sim DA: names of the PSA-ADAC status codes and commands, for logs and dumps. */

#include "da_adac.h"

struct da_name {
	uint16_t value;
	const char *name;
};

static const struct da_name da_status_names[] = {
	{ DA_STATUS_SUCCESS, "SUCCESS" },
	{ DA_STATUS_FAILURE, "FAILURE" },
	{ DA_STATUS_NEED_MORE_DATA, "NEED_MORE_DATA" },
	{ DA_STATUS_UNSUPPORTED, "UNSUPPORTED" },
	{ DA_STATUS_UNAUTHORIZED, "UNAUTHORIZED" },
	{ DA_STATUS_INVALID_PARAMETERS, "INVALID_PARAMETERS" },
	{ DA_STATUS_INVALID_COMMAND, "INVALID_COMMAND" },
};

static const struct da_name da_command_names[] = {
	{ DA_CMD_DISCOVERY, "DISCOVERY" },
	{ DA_CMD_AUTH_START, "AUTH_START" },
	{ DA_CMD_AUTH_RESPONSE, "AUTH_RESPONSE" },
	{ DA_CMD_RESUME_BOOT, "RESUME_BOOT" },
	{ DA_CMD_LOCK_DEBUG, "LOCK_DEBUG" },
	{ DA_CMD_LCS_CHANGE, "LCS_CHANGE" },
};

static const char *da_lookup(const struct da_name *table, size_t count, uint16_t value)
{
	for (size_t i = 0; i < count; i++)
		if (table[i].value == value)
			return table[i].name;
	return "unknown";
}

const char *sim_da_status_name(uint16_t status)
{
	return da_lookup(da_status_names, sizeof(da_status_names) / sizeof(da_status_names[0]),
			 status);
}

const char *sim_da_command_name(uint16_t command)
{
	return da_lookup(da_command_names, sizeof(da_command_names) / sizeof(da_command_names[0]),
			 command);
}
