#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A Thumb routine placed in RAM unlocks FLASH and programs two 16-byte words through the
# FLASH registers (resume + wait_halt on its BKPT); they read back through AP1 and through the
# CPU, the simulator's dump shows them programmed, a "reset halt" boots from the vector they
# hold, the core runs the reset handler from flash, and the words survive a power cycle.
. "$(dirname "$0")/lib.sh"

as=${ARM_AS:-arm-none-eabi-as}
objcopy=${ARM_OBJCOPY:-arm-none-eabi-objcopy}
if ! "$as" -o "$work/routine.o" "$H5_TOP_SRCDIR/tests/sim/flash_routine.S" 2>"$work/as.err" ||
		! "$objcopy" -O binary "$work/routine.o" "$work/routine.bin"; then
	not_ok "the flash routine assembles with $as" "$(cat "$work/as.err")"
	exit 1
fi
ok "the flash routine assembles with $as"
done_off=$(${ARM_NM:-arm-none-eabi-nm} "$work/routine.o" | sed -n 's/^\([0-9a-f]*\) T done$/\1/p')

sim_start --part H563
ocd program "
init
halt
result before [rd32 stm32h5.cpu 0x08000000]
load_image $work/routine.bin 0x20000000 bin
reg msp 0x20002000
resume 0x20000000
wait_halt 5000
result state [stm32h5.cpu curstate]
result pc [reg32 pc]
result nscr_after_unlock [reg32 r5]
result nssr [reg32 r4]
result cpu_read [reg32 r6]
result w0 [rd32 stm32h5.cpu 0x08000000]
result w1 [rd32 stm32h5.cpu 0x08000004]
result w2 [rd32 stm32h5.cpu 0x08000008]
result w3 [rd32 stm32h5.cpu 0x0800000C]
result code [rd32 stm32h5.cpu 0x08000010]
result next [rd32 stm32h5.cpu 0x08000020]
reset halt
result boot_pc [reg32 pc]
result boot_msp [reg32 msp]
resume
wait_halt 5000
result flash_run_pc [reg32 pc]
result flash_run_r0 [reg32 r0]
shutdown"
sim_wait

check_eq "the flash word is erased before the routine runs" 0xffffffff "$(result before)"
check_eq "the routine stops on its BKPT" halted "$(result state)"
check_eq "the core halts at the BKPT instruction" \
	"$(printf 0x%08x $((0x20000000 + 0x${done_off:-0})))" "$(result pc)"
check_eq "NSCR.LOCK is 0 after the key sequence" 0 "$(( $(result nscr_after_unlock) & 1 ))"
check_eq "NSSR reports no error after programming (bits 17..23 clear)" 0 "$(( $(result nssr) & 0x00FE0000 ))"
check_eq "word 0 reads back 0x20001000" 0x20001000 "$(result w0)"
check_eq "word 1 reads back 0x08000011" 0x08000011 "$(result w1)"
check_eq "word 2 reads back 0xcafef00d" 0xcafef00d "$(result w2)"
check_eq "word 3 reads back 0x12345678" 0x12345678 "$(result w3)"
check_eq "the CPU's own data read of flash sees the new word" 0xcafef00d "$(result cpu_read)"
check_eq "the second word (the reset handler) reads back" 0xbe012042 "$(result code)"
check_eq "the next flash word stays erased" 0xffffffff "$(result next)"
check_eq "reset halt loads PC from the programmed vector" 0x08000010 "$(result boot_pc)"
check_eq "reset halt loads MSP from the programmed vector" 0x20001000 "$(result boot_msp)"
check_eq "the reset handler runs from flash up to its BKPT" 0x08000012 "$(result flash_run_pc)"
check_eq "the reset handler's instruction executed (r0 = 0x42)" 0x00000042 "$(result flash_run_r0)"
check_eq "the dump counts two programmed flash words" 2 "$(dump_value count_flash_words_programmed)"
check_eq "the dump counts two flash operations started" 2 "$(dump_value count_flash_ops_started)"
check_eq "the core executed instructions" yes "$([ "$(dump_value count_instructions)" -gt 10 ] && echo yes)"

# power cycle: a new simulator on the same state file still has the word
sim_start --part H563
ocd readback '
init
result w0 [rd32 stm32h5.cpu 0x08000000]
result w3 [rd32 stm32h5.cpu 0x0800000C]
shutdown'
sim_wait
check_eq "after a power cycle word 0 is still programmed" 0x20001000 "$(result w0)"
check_eq "after a power cycle word 3 is still programmed" 0x12345678 "$(result w3)"
finish
