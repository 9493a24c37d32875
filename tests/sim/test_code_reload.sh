#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Code that the debugger rewrites in SRAM runs as rewritten: two different routines loaded at
# the same address one after the other (as OpenOCD does with flash loaders, CRC and blank-check
# algorithms) each run their own instructions, not code compiled from the first one.
. "$(dirname "$0")/lib.sh"

# movs r0, #N; str r0, [r1]; bkpt #0   (Thumb, little-endian half-words)
sim_start --part H563
ocd reload '
init
halt
mww 0x20001000 0
mww 0x20000000 0x60082001
mww 0x20000004 0x0000BE00
reg r1 0x20001000
reg xpsr 0x01000000
resume 0x20000000
wait_halt 1000
result first [rd32 stm32h5.cpu 0x20001000]
mww 0x20000000 0x60082002
reg r1 0x20001000
resume 0x20000000
wait_halt 1000
result second [rd32 stm32h5.cpu 0x20001000]
shutdown'
sim_wait

check_eq "the first routine stores 1" 0x00000001 "$(result first)"
check_eq "the routine rewritten at the same address stores 2" 0x00000002 "$(result second)"
finish
