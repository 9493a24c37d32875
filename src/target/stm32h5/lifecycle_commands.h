/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Command tables of the lifecycle part of the library, chained by commands.c under the
 * "stm32h5x" group: product_state and ob (lifecycle_commands.c); obk provision,
 * obk make_da_config and da_password_provision (lifecycle_obk_commands.c).
 */

#ifndef OPENOCD_TARGET_STM32H5_LIFECYCLE_COMMANDS_H
#define OPENOCD_TARGET_STM32H5_LIFECYCLE_COMMANDS_H

#include <helper/command.h>

extern const struct command_registration stm32h5_ob_command_handlers[];
extern const struct command_registration stm32h5_ob_names_command_handlers[];
extern const struct command_registration stm32h5_obk_command_handlers[];

#endif /* OPENOCD_TARGET_STM32H5_LIFECYCLE_COMMANDS_H */
