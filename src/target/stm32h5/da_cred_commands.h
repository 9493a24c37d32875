/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * "stm32h5x da make_key | make_certificate | make_chain": a Debug Authentication credential
 * set (keys, ST-format certificate chain) made without ST's tools. Chained into the "da"
 * group by da_commands.c.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_CRED_COMMANDS_H
#define OPENOCD_TARGET_STM32H5_DA_CRED_COMMANDS_H

#include <helper/command.h>

extern const struct command_registration stm32h5_da_cred_command_handlers[];

#endif /* OPENOCD_TARGET_STM32H5_DA_CRED_COMMANDS_H */
