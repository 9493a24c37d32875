/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * "stm32h5x da doctor": walks the gates between the debug probe and a Debug Authentication
 * one by one and prints a table, each row ok / failed / not reached with the value seen and
 * what to do; returns the table as a Tcl dictionary. Sends nothing but DISCOVERY.
 *
 * | gate          | checked by                                                      |
 * |---------------|-----------------------------------------------------------------|
 * | probe         | adapter driver and transport (hla cannot reach AP0)             |
 * | dp_idcode     | JTAG TAP IDCODE or SWD DPIDR                                    |
 * | ap0           | DBGMCU_SR through AP0: AP0 present and enabled                  |
 * | dbgmcu_idcode | DBGMCU_IDCODE: part (DEV_ID) and revision                       |
 * | ap1           | DBGMCU_SR.AP_ENABLED bit 1: the core's port open or closed      |
 * | product_state | FLASH_OPTSR_CUR through AP1, else DISCOVERY's lifecycle         |
 * | nrst          | the entry word taken or answered after an NRST pulse            |
 * | da_entry      | which entry word, what the device answered                      |
 * | discovery     | DISCOVERY: method, permissions, provisioning integrity, state   |
 * | credentials   | optional local check of -password or -key/-cert against it      |
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_DOCTOR_H
#define OPENOCD_TARGET_STM32H5_DA_DOCTOR_H

#include <helper/command.h>

/* The handler of "stm32h5x da doctor", registered in da_commands.c */
__COMMAND_HANDLER(stm32h5_da_doctor_handler);

#endif /* OPENOCD_TARGET_STM32H5_DA_DOCTOR_H */
