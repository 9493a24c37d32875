#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Debug Authentication entry as the chip glue sees it: the entry word written to
# DBG_AUTH_HOST through AP0 under SRST makes the chip stay in the boot ROM with AP1 closed;
# a plain reset afterwards boots normally (h5-debug-auth.md §1.4). Provisioning (0x17): AP1 is
# open there, so only the boot ROM can close it.
. "$(dirname "$0")/lib.sh"

sim_start --part H563 --pstate 0x17
ocd da '
init
adapter assert srst
result optsr_in_reset [rd32 stm32h5.cpu 0x40022050]
stm32h5.ap0 mww 0xE0044100 0x53544441
adapter deassert srst
result sr_in_rom [rd32 stm32h5.ap0 0xE00440FC]
result csw_in_rom [format 0x%08x [stm32h5.dap apreg 1 0x00]]
result ap1_in_rom [rd32 stm32h5.cpu 0x20000000]
adapter assert srst
adapter deassert srst
result sr_after [rd32 stm32h5.ap0 0xE00440FC]
result ap1_after [rd32 stm32h5.cpu 0xE000ED00]
result optsr_after [rd32 stm32h5.cpu 0x40022050]
shutdown'
sim_wait

check_eq "OPTSR_CUR reads 0 while SRST is asserted" 0x00000000 "$(result optsr_in_reset)"
check_eq "in the boot ROM DBGMCU_SR shows AP1 disabled" 0x00010003 "$(result sr_in_rom)"
check_eq "in the boot ROM AP1 CSW.DeviceEn is 0" 0 "$(( $(result csw_in_rom) >> 6 & 1 ))"
check_eq "in the boot ROM an AP1 memory read fails" error "$(result ap1_in_rom)"
check "the simulator logged the DA entry" grep -q "the chip stays in the boot ROM" "$work/ops.log"
check_eq "after a plain reset DBGMCU_SR shows AP1 enabled again" 0x00030003 "$(result sr_after)"
check_eq "after a plain reset AP1 reads CPUID" 0x410fd214 "$(result ap1_after)"
check_eq "OPTSR_CUR shows Provisioning (0x17) again after reset" 0x17 \
	"$(printf 0x%02x $(( ($(result optsr_after) >> 8) & 0xff )))"
check_eq "the dump shows the chip out of the ROM" 0 "$(dump_value sim_in_rom)"
finish
