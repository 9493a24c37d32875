#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Stock OpenOCD's cortex_m examines the Cortex-M33 on AP1 of an Open chip.
. "$(dirname "$0")/lib.sh"

sim_start --part H563
ocd examine '
init
result examined [stm32h5.cpu was_examined]
result cpuid [rd32 stm32h5.cpu 0xE000ED00]
result dbgmcu_cpu_view [rd32 stm32h5.cpu 0x44024000]
result dp_sr [rd32 stm32h5.ap0 0xE00440FC]
shutdown'
sim_wait

check "OpenOCD detects a Cortex-M33 r0p4" out_has 'Cortex-M33 r0p4 processor detected'
check "OpenOCD sees 8 breakpoints and 4 watchpoints" out_has 'target has 8 breakpoints, 4 watchpoints'
check_eq "the Cortex-M33 target is examined" 1 "$(result examined)"
check_eq "CPUID reads 0x410fd214" 0x410fd214 "$(result cpuid)"
check_eq "DBGMCU_IDCODE of the H563 (rev X 0x1007, DEV_ID 0x484) at the CPU view" 0x10070484 \
	"$(result dbgmcu_cpu_view)"
check_eq "DBGMCU_SR shows AP0 and AP1 present and enabled" 0x00030003 "$(result dp_sr)"
finish
