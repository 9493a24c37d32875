#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Faults injected by the simulator in the middle of an operation: power loss while flash is
# programmed and while a sector is erased, the probe's connection dropped mid-write, a reset in
# the middle of an option-byte change, and the connection dropped in the middle of a Debug
# Authentication exchange. For each: the failure is reported, running the same command again
# completes the job, and nothing outside the operation's scope changed (a sentinel word
# programmed elsewhere beforehand, and the product state, checked in the simulator's state).
# Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

S=$H5_SAMPLES
head -c 65536 /dev/urandom >"$h5_work/img.bin"
head -c 16 /dev/urandom >"$h5_work/sentinel.bin"
sentinel_kept() { h5_check "$1: the sentinel word in bank 2 is intact" "^user 0x100000 1 " "$h5_work/state"; }
failed_run() { # failed_run WHAT: the faulty session must end in an error, not silently
	if [ "$h5_status" -ne 0 ] && grep -q 'Error' "$h5_work/ocd.log"; then
		h5_tap 1 "$1: the failure is reported"
	else
		h5_tap 0 "$1: the failure is reported"
	fi
}

fresh_chip() { # a new H563 with the sentinel programmed in bank 2
	rm -f "$h5_work/state"
	h5_session "--part H563" "reset halt; program $h5_work/sentinel.bin 0x08100000 verify"
}

# --- power loss while programming -----------------------------------------------------------
fresh_chip
h5_session "--part H563 --fault-power-loss-after 40" "reset halt; program $h5_work/img.bin 0x08000000 verify"
failed_run "power loss while programming"
h5_check "power loss while programming: the simulator lost power" "^sim_exit_reason power-loss" "$h5_work/dump.txt"
h5_session "--part H563" "reset halt; program $h5_work/img.bin 0x08000000 verify"
h5_check "power loss while programming: the same program command then completes" "Verified OK" "$h5_work/ocd.log"
sentinel_kept "power loss while programming"

# --- power loss while erasing a sector ------------------------------------------------------
fresh_chip
h5_session "--part H563" "reset halt; program $h5_work/img.bin 0x08000000 verify"
h5_session "--part H563 --fault-power-loss-after 1" "reset halt; flash erase_sector 0 0 0"
failed_run "power loss while erasing"
h5_session "--part H563" "reset halt; flash erase_sector 0 0 0; flash erase_check 0"
h5_absent "power loss while erasing: erasing again leaves sector 0 erased" "#  *0: .*not erased" "$h5_work/ocd.log"
h5_check "power loss while erasing: sector 1 was not touched" "#  *1: .*not erased" "$h5_work/ocd.log"
sentinel_kept "power loss while erasing"

# --- the probe's connection dropped while writing -------------------------------------------
fresh_chip
h5_session "--part H563 --fault-drop-after 3000" "reset halt; program $h5_work/img.bin 0x08000000 verify"
failed_run "connection dropped while writing"
h5_session "--part H563" "reset halt; program $h5_work/img.bin 0x08000000 verify"
h5_check "connection dropped while writing: the same program command then completes" "Verified OK" "$h5_work/ocd.log"
sentinel_kept "connection dropped while writing"

# --- reset in the middle of an option-byte change -------------------------------------------
fresh_chip
h5_session "--part H563 --fault-reset-during-ob" "reset halt; stm32h5x ob WRPSGn1=0xFFFFFFFE"
h5_check "reset during an option-byte change: the value that did not take is reported" \
	"WRPSGn1 was not changed: the device dropped the write \\(it still reads 0xFFFFFFFF\\)" "$h5_work/ocd.log"
h5_session "--part H563" "reset halt; echo \"R: [stm32h5x ob WRPSGn1=0xFFFFFFFE]\"; echo \"V: [stm32h5x ob WRPSGn1]\""
h5_check "reset during an option-byte change: setting it again works" "^V: 0xFFFFFFFE" "$h5_work/ocd.log"
h5_pstate "reset during an option-byte change: the product state is still Open" 0xed
sentinel_kept "reset during an option-byte change"

# --- connection dropped in the middle of a Debug Authentication exchange --------------------
h5_seed "--part H563 --pstate 0x72 --tzen 1" "$S/NUCLEO-H563ZI/Binary/DA_Config.obk"
DA="stm32h5x da auth -key $S/NUCLEO-H563ZI/Keys/key_3_leaf.pem -cert $S/NUCLEO-H563ZI/Certificates/cert_leaf_chain.b64 -permissions full_regression"
h5_session "--part H563 --pstate 0x72 --tzen 1 --fault-drop-after 400" "$DA"
failed_run "connection dropped during DA"
h5_check "connection dropped during DA: the chip is still Closed" "^product_state 0x72" "$h5_work/dump.txt"
h5_check "connection dropped during DA: nothing was erased" "^user 0x000000 " "$h5_work/state"
h5_session "--part H563 --pstate 0x72 --tzen 1" "echo \"R: [$DA]\""
h5_check "connection dropped during DA: the same authentication then regresses the chip" "^product_state Open" "$h5_work/ocd.log"

h5_finish
