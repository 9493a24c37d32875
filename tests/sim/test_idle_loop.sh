#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A core waiting in a polling loop (as a flash loader waits for its FIFO) is idle-skipped, and
# skipping never changes what it does: debugger writes elsewhere in SRAM (a loader's FIFO data)
# leave it waiting, a write to the word it polls releases it, and a rewrite of the loop's own
# instructions takes effect. Code in flash runs as last programmed, also in a sector the core
# executed, or read as data, before an erase and the programming.
. "$(dirname "$0")/lib.sh"

# Thumb, at 0x20000000: loop: ldr r2, [r1]; cmp r2, #0; beq loop; bkpt #0
loop_w0=0x2A00680A	# ldr r2, [r1] (0x680A); cmp r2, #0 (0x2A00)
loop_w1=0xBE00D0FC	# beq loop (0xD0FC); bkpt #0 (0xBE00)
exit_w1=0xBE00BF00	# nop (0xBF00) in place of the beq; bkpt #0

sim_start --part H563 --record "$work/idle.rbb"
ocd idle "
init
halt
mww 0x20001000 0
mww 0x20000000 $loop_w0
mww 0x20000004 $loop_w1
reg r1 0x20001000
reg xpsr 0x01000000
resume 0x20000000
for {set i 0} {\$i < 64} {incr i} { mww [expr {0x20002000 + 4 * \$i}] \$i }
result after_fifo_writes [stm32h5.cpu curstate]
result fifo_last [rd32 stm32h5.cpu 0x200020FC]
mww 0x20001000 1
wait_halt 1000
result after_flag [stm32h5.cpu curstate]
result flag_pc [reg32 pc]
mww 0x20001000 0
reg r1 0x20001000
resume 0x20000000
for {set i 0} {\$i < 16} {incr i} { mdw 0x20002000 }
mww 0x20000004 $exit_w1
wait_halt 1000
result after_rewrite [stm32h5.cpu curstate]
result rewrite_pc [reg32 pc]
result rewrite_flag [rd32 stm32h5.cpu 0x20001000]
shutdown"
sim_wait

check_eq "the polling core keeps running while SRAM elsewhere is written" running \
	"$(result after_fifo_writes)"
check_eq "the written SRAM reads back" 0x0000003f "$(result fifo_last)"
check_eq "a write to the polled word releases the loop" halted "$(result after_flag)"
check_eq "the released loop halts on its BKPT" 0x20000006 "$(result flag_pc)"
check_eq "rewriting the loop's own instruction releases it" halted "$(result after_rewrite)"
check_eq "the rewritten loop halts on its BKPT" 0x20000006 "$(result rewrite_pc)"
check_eq "the rewritten loop left while the polled word was still 0" 0x00000000 \
	"$(result rewrite_flag)"
skipped=$(dump_value count_instructions_idle_skipped)
check "the waiting core was idle-skipped (count_instructions_idle_skipped > 0)" \
	test "${skipped:-0}" -gt 0
"$H5SIM" --part H563 --replay "$work/idle.rbb" --dump "$work/idle-replay.txt" \
	>"$work/replay.out" 2>&1
check "a replay of the idle session gives the same dump, line for line" \
	cmp -s "$work/dump.txt" "$work/idle-replay.txt"

# flash (Tcl): program_word ADDR W0 W1 W2 W3 programs one 16-byte word through the non-secure
# registers; erase_sector N erases sector N of bank 1; run_at PC runs until the BKPT
prog='
proc flash_unlock {} {
	mww 0x40022004 0x45670123
	mww 0x40022004 0xCDEF89AB
}
proc flash_wait {} {
	for {set i 0} {$i < 1000 && ([rd32 stm32h5.cpu 0x40022020] & 1)} {incr i} {}
	mww 0x40022028 0x00000001
}
proc program_word {addr w0 w1 w2 w3} {
	flash_unlock
	mww 0x40022028 0x00000002
	mww $addr $w0
	mww [expr {$addr + 4}] $w1
	mww [expr {$addr + 8}] $w2
	mww [expr {$addr + 12}] $w3
	flash_wait
}
proc erase_sector {n} {
	flash_unlock
	mww 0x40022028 [expr {0x04 | ($n << 6)}]
	mww 0x40022028 [expr {0x24 | ($n << 6)}]
	flash_wait
}
proc run_at {pc} {
	reg xpsr 0x01000000
	reg msp 0x20004000
	resume $pc
	wait_halt 1000
}'
# Thumb: movs r0, #N; bkpt #0 -> 0xBE0020NN; ldr r0, [r1]; bkpt #0 -> 0xBE006808
sim_start --part H563
ocd flash "$prog
init
halt
program_word 0x08000000 0xBE002001 0xFFFFFFFF 0xFFFFFFFF 0xFFFFFFFF
run_at 0x08000000
result first_r0 [reg32 r0]
program_word 0x08000010 0xBE002002 0xFFFFFFFF 0xFFFFFFFF 0xFFFFFFFF
run_at 0x08000010
result second_r0 [reg32 r0]
program_word 0x08002000 0xBE002004 0xFFFFFFFF 0xFFFFFFFF 0xFFFFFFFF
mww 0x20000000 0xBE006808
reg r1 0x08002000
run_at 0x20000000
result data_read [reg32 r0]
erase_sector 1
result erased [rd32 stm32h5.cpu 0x08002000]
program_word 0x08002000 0xBE002005 0xFFFFFFFF 0xFFFFFFFF 0xFFFFFFFF
run_at 0x08002000
result third_r0 [reg32 r0]
shutdown"
sim_wait

check_eq "code programmed into erased flash runs" 0x00000001 "$(result first_r0)"
check_eq "code programmed later in a sector the core executed runs as programmed" \
	0x00000002 "$(result second_r0)"
check_eq "the core reads a programmed flash word as data" 0xbe002004 "$(result data_read)"
check_eq "the sector erase is complete" 0xffffffff "$(result erased)"
check_eq "code programmed where the core had read other code as data runs as programmed" \
	0x00000005 "$(result third_r0)"
finish
