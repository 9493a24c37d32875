#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Core debug: halt, SRST "reset halt" (vector catch), single step, a hardware breakpoint (FPB),
# a data watchpoint (DWT) and AIRCR.SYSRESETREQ, with stock OpenOCD on an Open H563 with erased flash.
. "$(dirname "$0")/lib.sh"

sim_start --part H563
ocd halt '
init
halt
result halted [stm32h5.cpu curstate]
result dhcsr_halt [expr {([rd32 stm32h5.cpu 0xE000EDF0] >> 17) & 1}]
reset halt
result reset_state [stm32h5.cpu curstate]
result reset_pc [reg32 pc]
# movs r0,#1 ; movs r1,#2 ; b .
stm32h5.cpu write_memory 0x20000000 16 {0x2001 0x2102 0xe7fe}
reg pc 0x20000000
step
result step_pc [reg32 pc]
result step_r0 [reg32 r0]
bp 0x20000004 2 hw
resume 0x20000000
wait_halt 2000
result bp_state [stm32h5.cpu curstate]
result bp_pc [reg32 pc]
result bp_r1 [reg32 r1]
rbp 0x20000004
# movs r0,#5 ; str r0,[r1] ; movs r2,#7 ; b .   with a write watchpoint on [r1]
stm32h5.cpu write_memory 0x20000010 16 {0x2005 0x6008 0x2207 0xe7fe}
reg r1 0x20000100
reg r2 0
wp 0x20000100 4 w
resume 0x20000010
wait_halt 2000
result wp_state [stm32h5.cpu curstate]
result wp_pc [reg32 pc]
result wp_r2 [reg32 r2]
result wp_mem [rd32 stm32h5.cpu 0x20000100]
rwp 0x20000100
# system reset request from the debugger, with vector catch on
mww 0xE000EDFC 0x01000001
mww 0xE000ED0C 0x05FA0004
result sysreset_dhcsr [rd32 stm32h5.cpu 0xE000EDF0]
shutdown'
sim_wait

check_eq "halt stops the core" halted "$(result halted)"
check_eq "DHCSR.S_HALT is set while halted" 1 "$(result dhcsr_halt)"
check_eq "SRST reset halt leaves the core halted" halted "$(result reset_state)"
check_eq "after reset the PC comes from the erased vector (0xfffffffe)" 0xfffffffe "$(result reset_pc)"
check "the reset halt is a vector catch (simulator log)" grep -q "core halted at the reset vector (vector catch)" "$work/ops.log"
check_eq "a single step executes one instruction (pc)" 0x20000002 "$(result step_pc)"
check_eq "a single step executes one instruction (r0 = 1)" 0x00000001 "$(result step_r0)"
check_eq "a hardware breakpoint halts the running core" halted "$(result bp_state)"
check_eq "the core halts at the breakpoint address" 0x20000004 "$(result bp_pc)"
check_eq "the code before the breakpoint ran (r1 = 2)" 0x00000002 "$(result bp_r1)"
check_eq "a write watchpoint halts the core" halted "$(result wp_state)"
check "OpenOCD reports the halt as a watchpoint" out_has 'halted due to watchpoint'
check_eq "the core halts right after the watched store" 0x20000014 "$(result wp_pc)"
check_eq "the instruction after the store did not run (r2 = 0)" 0x00000000 "$(result wp_r2)"
check_eq "the watched store itself completed" 0x00000005 "$(result wp_mem)"
d=$(result sysreset_dhcsr)
check "AIRCR.SYSRESETREQ runs a system reset (simulator log)" \
	grep -q "system reset (AIRCR.SYSRESETREQ)" "$work/ops.log"
check "OpenOCD notices the reset it did not request" out_has 'external reset detected'
check_eq "the core halts at the vector catch after SYSRESETREQ (DHCSR.S_HALT)" 1 "$(( d >> 17 & 1 ))"
check "OpenOCD saw no JTAG/DAP error" sh -c '! grep -Eq "JTAG-DP STICKY|Invalid ACK" "$1"' _ "$work/halt.out"
finish
