#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Determinism: the model depends only on the characters it receives (simulated time, no
# wall clock). A session that runs a flash routine is recorded; replaying the recording into a
# fresh simulator gives the same dump, line for line (core, counters, flash, DA).
. "$(dirname "$0")/lib.sh"

if ! arm-none-eabi-as -o "$work/routine.o" "$H5_TOP_SRCDIR/tests/sim/flash_routine.S" 2>"$work/as.err" ||
		! arm-none-eabi-objcopy -O binary "$work/routine.o" "$work/routine.bin"; then
	not_ok "the flash routine assembles" "$(cat "$work/as.err")"
	exit 1
fi

sim_start --part H573 --record "$work/session.rbb"
ocd live "
init
halt
load_image $work/routine.bin 0x20000000 bin
reg msp 0x20002000
resume 0x20000000
wait_halt 5000
result w0 [rd32 stm32h5.cpu 0x08000000]
reset halt
shutdown"
sim_wait
check_eq "the recorded session programmed flash" 0x20001000 "$(result w0)"
check "the session was recorded" test -s "$work/session.rbb"

"$H5SIM" --part H573 --replay "$work/session.rbb" --state "$work/state2" \
	--dump "$work/dump2.txt" --log "$work/replay.log" >"$work/replay.out" 2>&1
check_eq "the replay exits with status 0" 0 $?
check_eq "the replay ran as many instructions" "$(dump_value count_instructions)" \
	"$(sed -n 's/^count_instructions //p' "$work/dump2.txt")"
check "the replay's dump equals the live session's dump" cmp -s "$work/dump.txt" "$work/dump2.txt"
[ $tap_fail -ne 0 ] && diff "$work/dump.txt" "$work/dump2.txt" | head -20 | sed 's/^/# /'
finish
