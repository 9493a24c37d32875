// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * "stm32h5x ob_names LINE": the option-byte names a line has, from the option-byte table,
 * without a device. A production recipe (tcl/target/stm32h5x_recipe.tcl) checks its option
 * bytes against it before any board is touched.
 *
 * | LINE | enum h5_family  |
 * |------|-----------------|
 * | H503 | H5_FAMILY_H503  |
 * | H52x | H5_FAMILY_H52X  |
 * | H56x | H5_FAMILY_H56X  |
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <helper/command.h>
#include <helper/log.h>
#include <string.h>

#include "array_size.h"
#include "family.h"
#include "lifecycle_commands.h"
#include "option_bytes.h"

static const struct {
	const char *name;
	enum h5_family family;
} ob_name_lines[] = {
	{ "H503", H5_FAMILY_H503 },
	{ "H52x", H5_FAMILY_H52X },
	{ "H56x", H5_FAMILY_H56X },
};

COMMAND_HANDLER(h5_handle_ob_names)
{
	if (CMD_ARGC != 1)
		return ERROR_COMMAND_SYNTAX_ERROR;
	for (size_t i = 0; i < ARRAY_SIZE(ob_name_lines); i++) {
		if (strcmp(CMD_ARGV[0], ob_name_lines[i].name))
			continue;
		size_t count;
		const struct h5_ob_field *f = h5_ob_fields(&count);
		for (size_t j = 0; j < count; j++) {
			if (h5_ob_field_lines(&f[j]) & H5_FAMILY_BIT(ob_name_lines[i].family))
				command_print_sameline(CMD, "%s%s", j ? " " : "", f[j].name);
		}
		return ERROR_OK;
	}
	command_print(CMD, "stm32h5x ob_names: unknown line '%s' (H503, H52x or H56x)", CMD_ARGV[0]);
	return ERROR_COMMAND_ARGUMENT_INVALID;
}

const struct command_registration stm32h5_ob_names_command_handlers[] = {
	{
		.name = "ob_names",
		.handler = h5_handle_ob_names,
		.mode = COMMAND_ANY,
		.usage = "(H503|H52x|H56x)",
		.help = "Returns the option-byte names of a line (no device needed).",
	},
	COMMAND_REGISTRATION_DONE
};
