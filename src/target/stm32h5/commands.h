/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The lifecycle library's commands, chained into the flash driver's "stm32h5x" command group
 * (src/flash/nor/stm32h5x.c), so every command lives under one name: "stm32h5x product_state",
 * "stm32h5x ob", "stm32h5x obk ...", "stm32h5x da ...".
 */

#ifndef OPENOCD_TARGET_STM32H5_COMMANDS_H
#define OPENOCD_TARGET_STM32H5_COMMANDS_H

#include <helper/command.h>

extern const struct command_registration stm32h5_lifecycle_command_handlers[];

#endif /* OPENOCD_TARGET_STM32H5_COMMANDS_H */
