/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication commands of the "stm32h5x" group: "stm32h5x da discover | auth | close
 * | config". The lead chains this table into stm32h5_lifecycle_command_handlers.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_COMMANDS_H
#define OPENOCD_TARGET_STM32H5_DA_COMMANDS_H

#include <helper/command.h>

extern const struct command_registration stm32h5_da_command_handlers[];

/* The DA transport settings of "stm32h5x da config" (shared by the da subcommands) */
struct da_settings *stm32h5_da_config(void);

#endif /* OPENOCD_TARGET_STM32H5_DA_COMMANDS_H */
