#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# A board whose NRST line does not reach the ST-Link (h5sim --stlink-nrst 0: the probe drives
# its pin, the chip never sees it). Debug Authentication, which enters through a reset, fails
# with an error that points at the NRST wiring and changes nothing; with NRST wired the same
# chip answers (control). Flashing an Open part does not need NRST. Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

S=$H5_SAMPLES
L=$h5_work/ocd.log
export H5_LINK=stlink
h5_seed "--part H563 --pstate 0x72 --tzen 1" "$S/NUCLEO-H563ZI/Binary/DA_Config.obk"
cp "$h5_work/state" "$h5_work/state.closed"

h5_session "--part H563 --stlink-nrst 0" 'if {[catch {stm32h5x da discover} e]} { echo "REFUSED: $e" }'
h5_check "NRST not wired: DA discovery fails" "^REFUSED: " "$L"
h5_check "NRST not wired: the error points at the NRST wiring" "^REFUSED: .*NRST pin is wired" "$L"
h5_check "NRST not wired: the probe drove NRST and the chip did not see it" "NRST low: the pin is not wired" "$h5_work/ops.log"
h5_pstate "NRST not wired: the chip stays Closed" 0x72
h5_check "NRST not wired: nothing was erased" "^user 0x000000 " "$h5_work/state"

cp "$h5_work/state.closed" "$h5_work/state"
h5_session "--part H563" 'echo "R: [stm32h5x da discover]"'
h5_check "NRST wired (control): the same chip answers DA discovery" "^lifecycle 0x3072" "$L"
h5_absent "NRST wired (control): no NRST hint" "NRST pin is wired" "$L"

h5_fresh_state
head -c 4096 /dev/urandom >"$h5_work/img.bin"
h5_session "--part H563 --stlink-nrst 0" "reset halt; program $h5_work/img.bin 0x08000000 verify"
h5_check "NRST not wired: an Open part is still programmed and verified" "Verified OK" "$L"
h5_finish
