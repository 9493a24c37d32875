#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# A direct-path program (no work area: the debugger writes each flash word) cut by a power loss
# in the middle of a word: the failure names the word that may be half-written and the command
# that recovers it; that command, then the same program, completes and verifies.
# Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

# 65 flash words: a block of 64, then one
head -c 1040 /dev/urandom >"$h5_work/img.bin"
L=$h5_work/ocd.log
DIRECT='reset halt; [target current] configure -work-area-size 0'

rm -f "$h5_work/state"
# 1 sector erase, 64 words, then the last word is cut
h5_session "--part H563 --fault-power-loss-after 66" "$DIRECT; flash write_image erase $h5_work/img.bin 0x08000000"
if [ "$h5_status" -ne 0 ] && grep -q "Error" "$L"; then
	h5_tap 1 "the interrupted direct-path program fails"
else
	h5_tap 0 "the interrupted direct-path program fails"
fi
h5_check "the simulator lost power in the middle of it" "^sim_exit_reason power-loss" "$h5_work/dump.txt"
h5_check "the error names the word that may be half-written and how to recover it" \
	"flash word at 0x08000400 may be half-written.*'flash erase_sector 0 0 0'" "$L"
h5_session "--part H563" "$DIRECT; flash erase_sector 0 0 0; flash write_image erase $h5_work/img.bin 0x08000000; verify_image $h5_work/img.bin 0x08000000"
h5_check "after the recovery command the same program completes and verifies" "verified 1040 bytes" "$L"

h5_finish
