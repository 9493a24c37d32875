#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Command line: --help lists every option the simulator accepts (each also in
# docs/simulator.md), bad input gets an error naming the problem, and the part table shapes
# the memory map (no secure aliases on the H503).
. "$(dirname "$0")/lib.sh"

# Unicorn is a QEMU inside a shared library: a function of ours with the name of one of its
# exported symbols replaces it for Unicorn itself (this happened with cpu_reset)
uc_lib=$(ldd "$H5SIM" | sed -n 's/.*libunicorn[^ ]* => \([^ ]*\).*/\1/p')
clash=$(nm -D --defined-only "$H5SIM" | awk '{print $3}' | sort -u |
	comm -12 - "$(nm -D --defined-only "$uc_lib" | awk '{print $3}' | sort -u >"$work/uc.syms"; echo "$work/uc.syms")")
check_eq "h5sim exports no symbol that Unicorn also defines" "" "$clash"

help=$("$H5SIM" --help)
check_eq "--help exits with status 0" 0 $?
opts=$(printf '%s\n' "$help" | sed -n 's/^  \(--[a-z0-9-]*\).*/\1/p')
check_eq "--help lists options" yes "$([ "$(printf '%s\n' "$opts" | wc -l)" -gt 20 ] && echo yes)"
missing=
for o in $opts; do
	grep -q -- "$o" "$H5_TOP_SRCDIR/docs/simulator.md" || missing="$missing $o"
done
check_eq "docs/simulator.md documents every option of --help" "" "$missing"

err=$("$H5SIM" --no-such-option 2>&1)
check_eq "an unknown option exits with status 2" 2 $?
check "an unknown option is named in the error" sh -c 'echo "$1" | grep -q "unknown option .--no-such-option"' _ "$err"
err=$("$H5SIM" --part H999 2>&1)
check "an unknown part is named in the error" sh -c 'echo "$1" | grep -q "unknown part .H999"' _ "$err"
err=$("$H5SIM" --port banana 2>&1)
check "a bad number is named in the error" sh -c 'echo "$1" | grep -q "port: .banana. is not a number"' _ "$err"
err=$("$H5SIM" --part H503 --tzen 1 2>&1)
check "TrustZone on a part without it is refused" sh -c 'echo "$1" | grep -q "has no TrustZone"' _ "$err"
printf 'garbage\n' >"$work/bad.state"
err=$("$H5SIM" --part H503 --state "$work/bad.state" --port 0 2>&1)
check "a state file that is not one is refused" sh -c 'echo "$1" | grep -q "is not an h5sim state file"' _ "$err"

sim_start --part H503
check_eq "--port-file holds a port number" yes "$(echo "$sim_port" | grep -Eq '^[0-9]+$' && echo yes)"
ocd h503 '
init
result sram_end [rd32 stm32h5.cpu 0x20007FFC]
result past_sram [rd32 stm32h5.cpu 0x20008000]
result secure_sram [rd32 stm32h5.cpu 0x30000000]
result flash_regs_s [rd32 stm32h5.cpu 0x50022000]
result flash_regs_ns [rd32 stm32h5.cpu 0x40022028]
result rsslib [rd32 stm32h5.cpu 0x0BF9FB68]
shutdown'
sim_wait
check_eq "H503: the last SRAM2 word (32 KiB in all) reads" 0x00000000 "$(result sram_end)"
check_eq "H503: past SRAM2 is a bus error" error "$(result past_sram)"
check_eq "H503: no secure SRAM alias" error "$(result secure_sram)"
check_eq "H503: no secure FLASH register block" error "$(result flash_regs_s)"
check_eq "H503: NSCR reads its reset value (LOCK)" 0x00000001 "$(result flash_regs_ns)"
check_eq "H503: no RSSLIB table (outside the 32 KiB system memory)" error "$(result rsslib)"

# SIGTERM: state and dump are written, exit status 0
rm -f "$work/state" "$work/dump.txt"
"$H5SIM" --part H563 --port 0 --port-file "$work/port2" --state "$work/state" \
	--dump "$work/dump.txt" >"$work/term.out" 2>&1 &
term_pid=$!
i=0
while [ ! -s "$work/port2" ] && [ $i -lt 200 ]; do i=$((i + 1)); sleep 0.05; done
kill -TERM "$term_pid"
wait "$term_pid"
check_eq "SIGTERM ends the simulator with status 0" 0 $?
check "SIGTERM saves the state file" test -s "$work/state"
check_eq "SIGTERM writes the dump" signal "$(dump_value sim_exit_reason)"
finish
