// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Gathers the command tables of the lifecycle library (one table per concept file) into the
 * single chain that the stm32h5x flash driver registers under its "stm32h5x" group.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "commands.h"
#include "da_commands.h"
#include "lifecycle_commands.h"

const struct command_registration stm32h5_lifecycle_command_handlers[] = {
	{ .chain = stm32h5_ob_command_handlers },
	{ .chain = stm32h5_ob_names_command_handlers },
	{ .chain = stm32h5_obk_command_handlers },
	{ .chain = stm32h5_da_command_handlers },
	COMMAND_REGISTRATION_DONE
};
