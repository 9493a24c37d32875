#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Closed (0x72): AP1 is closed, the Cortex-M33 cannot be examined, DBGMCU stays readable
# through AP0 (h5-flash-ob.md §7.3, h5-debug-auth.md §1.1).
. "$(dirname "$0")/lib.sh"

sim_start --part H523 --pstate 0x72
ocd closed '
init
result examined [stm32h5.cpu was_examined]
result idcode [rd32 stm32h5.ap0 0xE0044000]
result sr [rd32 stm32h5.ap0 0xE00440FC]
result ap1_csw [format 0x%08x [stm32h5.dap apreg 1 0x00]]
result ap1_read [rd32 stm32h5.cpu 0x20000000]
result idcode_again [rd32 stm32h5.ap0 0xE0044000]
shutdown'
sim_wait

check_eq "the Cortex-M33 on AP1 is not examined" 0 "$(result examined)"
check_eq "DBGMCU_IDCODE of the H523 (DEV_ID 0x478) reads through AP0" 0x10000478 "$(result idcode)"
check_eq "DBGMCU_SR: AP0 and AP1 present, only AP0 enabled" 0x00010003 "$(result sr)"
check_eq "AP1 CSW reports DeviceEn = 0" 0 "$(( $(result ap1_csw) >> 6 & 1 ))"
check_eq "a memory read through AP1 fails" error "$(result ap1_read)"
check_eq "AP0 still works after the AP1 error" 0x10000478 "$(result idcode_again)"
check_eq "the dump shows AP1 closed" closed "$(dump_value sim_ap1_gate)"
check_eq "the flash model reports product state 0x72" 0x72 "$(dump_value product_state)"
finish
