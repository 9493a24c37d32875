#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Long flash operations show progress through OpenOCD's usual output: a 1 MiB write logs
# "programming: N of 1024 KiB (P%)" about every second, rising to 100% once; a short write,
# done in one piece, logs none (whatever its speed). Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

L=$h5_work/ocd.log
head -c 1048576 /dev/zero | tr '\0' '\125' >"$h5_work/1m.bin"
head -c 16384 /dev/zero | tr '\0' '\125' >"$h5_work/16k.bin"

h5_fresh_state
h5_session "--part H563" "reset halt; flash write_image erase $h5_work/1m.bin 0x08000000 bin"
h5_check "the 1 MiB write succeeded" "wrote 1048576 bytes" "$L"
n=$(grep -c "stm32h5x: programming: [0-9]* of 1024 KiB ([0-9]*%)" "$L")
# at least one before the end: the write takes many seconds over remote_bitbang, in pieces of
# at most about 3 s, and a line comes once a second has passed
[ "$n" -ge 2 ] && h5_tap 1 "the 1 MiB write logged progress lines ($n)" || h5_tap 0 "the 1 MiB write logged progress lines ($n)"
grep -o "programming: [0-9]* of 1024 KiB" "$L" | awk '{print $2}' >"$h5_work/kib"
sort -n -c "$h5_work/kib" 2>/dev/null && h5_tap 1 "the progress only rises" || h5_tap 0 "the progress only rises"
n=$(grep -c "programming: 1024 of 1024 KiB (100%)" "$L")
[ "$n" -eq 1 ] && h5_tap 1 "it ends once at 100%" || h5_tap 0 "it ends once at 100% ($n lines)"

h5_fresh_state
h5_session "--part H563" "reset halt; flash write_image erase $h5_work/16k.bin 0x08000000 bin"
h5_check "the short write succeeded" "wrote 16384 bytes" "$L"
h5_absent "a write done in one piece (16 KiB) logs no progress" "stm32h5x: programming:" "$L"
h5_finish
