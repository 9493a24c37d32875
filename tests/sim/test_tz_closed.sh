#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# TZ-Closed (0xC6, TrustZone on): AP1 allows non-secure transfers only (h5-flash-ob.md §7.3).
# Stock OpenOCD's default CSW is secure, so examine fails until CSW.HNONSEC is set.
. "$(dirname "$0")/lib.sh"

sim_start --part H573 --tzen 1 --pstate 0xC6
ocd tzc '
init
result examined_secure [stm32h5.cpu was_examined]
stm32h5.dap apsel 1
stm32h5.dap apcsw 0x40000000 0x40000000
stm32h5.cpu arp_examine
result examined_ns [stm32h5.cpu was_examined]
result csw [format 0x%08x [stm32h5.dap apreg 1 0x00]]
stm32h5.cpu mww 0x20000000 0x5a5a1234
result ns_ram [rd32 stm32h5.cpu 0x20000000]
result sr [rd32 stm32h5.ap0 0xE00440FC]
result dauth [rd32 stm32h5.cpu 0xE000EFB8]
stm32h5.dap apcsw 0x00000000 0x40000000
result secure_read [rd32 stm32h5.cpu 0x20000000]
shutdown'
sim_wait

check_eq "with a secure CSW the Cortex-M33 cannot be examined" 0 "$(result examined_secure)"
check_eq "with CSW.HNONSEC = 1 the Cortex-M33 is examined" 1 "$(result examined_ns)"
check_eq "AP1 CSW.SPIStatus is 0 (no secure debug)" 0 "$(( $(result csw) >> 23 & 1 ))"
check_eq "AP1 CSW.DeviceEn is 1" 1 "$(( $(result csw) >> 6 & 1 ))"
check_eq "non-secure RAM access works" 0x5a5a1234 "$(result ns_ram)"
check_eq "DBGMCU_SR shows AP1 enabled" 0x00030003 "$(result sr)"
check_eq "DAUTHSTATUS: secure debug implemented, not enabled (SID = 2)" 0xaf "$(printf 0x%x $(( $(result dauth) )))"
check_eq "a secure transfer fails" error "$(result secure_read)"
check_eq "the dump shows AP1 non-secure only" ns-only "$(dump_value sim_ap1_gate)"
finish
