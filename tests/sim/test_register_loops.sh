#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The idle-loop skipping never changes what firmware does. A loop that loads nothing but
# changes a register each pass (a software delay, "while (n--) __NOP();") runs to its end; a
# "while (1) {}" loop idles, and once the debugger halts it and points the core at other code (an IDE's
# attach, halt and load runs its flash loader this way) that code runs; a loop polling the
# flash BSY flag idles while the erase runs and leaves when it ends.
. "$(dirname "$0")/lib.sh"

# Thumb at 0x20000000: loop: subs r0, #1 (0x3801); bne loop (0xD1FD); bkpt #0 (0xBE00); nop
count_w0=0xD1FD3801
count_w1=0xBF00BE00
# 0x20000100: loop: nop (0xBF00); b loop (0xE7FD), a compiler's "while (1) {}"
spin_w0=0xE7FDBF00
# 0x20000200: movs r0, #7 (0x2007); bkpt #0 (0xBE00)
other_w0=0xBE002007
# 0x20000300: loop: ldr r2, [r1] (0x680A); lsls r2, r2, #31 (0x07D2); bne loop (0xD1FC);
# bkpt #0 (0xBE00)
poll_w0=0x07D2680A
poll_w1=0xBE00D1FC

sim_start --part H563 --t-sector-erase-ns 50000000
ocd loops "
proc run_at {pc} {
	reg xpsr 0x01000000
	reg msp 0x20004000
	resume \$pc
}
# run_to_halt NAME PC MS: runs from PC, records the state after at most MS ms as NAME_state,
# then halts the core and records r0 and pc
proc run_to_halt {name pc ms} {
	run_at \$pc
	catch {wait_halt \$ms}
	result \${name}_state [stm32h5.cpu curstate]
	halt
	result \${name}_r0 [reg32 r0]
	result \${name}_pc [reg32 pc]
}
init
halt
mww 0x20000000 $count_w0
mww 0x20000004 $count_w1
mww 0x20000100 $spin_w0
mww 0x20000200 $other_w0
mww 0x20000300 $poll_w0
mww 0x20000304 $poll_w1

reg r0 0x20000
run_to_halt count 0x20000000 5000

run_at 0x20000100
for {set i 0} {\$i < 32} {incr i} { mdw 0x20000100 }
result spin_state [stm32h5.cpu curstate]
halt
result spin_pc [reg32 pc]
reg r0 0
run_to_halt other 0x20000200 1000

mww 0x40022004 0x45670123
mww 0x40022004 0xCDEF89AB
mww 0x40022028 [expr {0x04 | (100 << 6)}]
mww 0x40022028 [expr {0x24 | (100 << 6)}]
reg r1 0x40022020
run_at 0x20000300
result poll_busy [stm32h5.cpu curstate]
catch {wait_halt 5000}
result poll_state [stm32h5.cpu curstate]
halt
result poll_pc [reg32 pc]
result poll_bsy [expr {[rd32 stm32h5.cpu 0x40022020] & 1}]
shutdown"
sim_wait

check_eq "a register-only countdown loop runs to its end" halted "$(result count_state)"
check_eq "the countdown reached zero" 0x00000000 "$(result count_r0)"
check_eq "the countdown halted on its BKPT" 0x20000004 "$(result count_pc)"
check_eq "an empty loop keeps running while the debugger reads memory" running "$(result spin_state)"
case $(result spin_pc) in
0x20000100 | 0x20000102) ok "halting it stops in the loop" ;;
*) not_ok "halting it stops in the loop" "pc $(result spin_pc)" ;;
esac
check_eq "code the debugger starts after halting the empty loop runs" halted "$(result other_state)"
check_eq "that code did its work" 0x00000007 "$(result other_r0)"
check_eq "a loop polling BSY waits while the erase runs" running "$(result poll_busy)"
check_eq "it leaves the loop when the erase ends" halted "$(result poll_state)"
check_eq "it halted on the BKPT after the loop" 0x20000306 "$(result poll_pc)"
check_eq "BSY reads 0 then" 0 "$(result poll_bsy)"
skipped=$(dump_value count_instructions_idle_skipped)
check "the empty loop and the BSY poll were idle-skipped (count_instructions_idle_skipped > 0)" \
	test "${skipped:-0}" -gt 0
finish
