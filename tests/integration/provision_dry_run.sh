#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# stm32h5x::provision -dry-run changes nothing: for a TrustZone part (H563, TrustZone on, a
# certificate credential and an image) and for the H503 (password, whose real run would write
# OTP for ever), the simulator's state dump after an idle session and after a dry-run session
# are identical once the counters, the simulated time and the core registers are left out.
# The dry run must also have printed its steps and returned the final state. Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

S=$H5_SAMPLES
L=$h5_work/ocd.log
head -c 8192 /dev/urandom >"$h5_work/app.bin"
# what may differ between two sessions that write nothing
stable() { grep -vE '^(count_|sim_time_ns |core_|stats |da\.commands_served)' "$1"; }

dry_run_changes_nothing() { # NAME SIMOPTS PROVISION-ARGS
	rm -f "$h5_work/state"
	h5_session "$2" ""
	stable "$h5_work/dump.txt" >"$h5_work/idle.txt"
	h5_session "$2" "echo \"R: [stm32h5x::provision $3 -dry-run]\""
	h5_check "$1: the dry run returns the final state" "^R: (Closed|iROT-Provisioned)$" "$L"
	h5_check "$1: the dry run prints the steps it would run" "^stm32h5x::provision: +[0-9]/[0-9] product state Provisioning" "$L"
	h5_check "$1: the dry run says nothing was written" "dry run: nothing was written" "$L"
	stable "$h5_work/dump.txt" >"$h5_work/dry.txt"
	if cmp -s "$h5_work/idle.txt" "$h5_work/dry.txt"; then
		h5_tap 1 "$1: the state dump after the dry run equals the idle one"
	else
		h5_tap 0 "$1: the state dump after the dry run equals the idle one"
		diff "$h5_work/idle.txt" "$h5_work/dry.txt" | head -10 | sed 's/^/# /'
	fi
	# the comparison itself must be able to fail: a real write shows up in the same filter
	# (through the secure alias with TrustZone on: the non-secure one refuses secure sectors)
	case $2 in *"--tzen 1"*) ctl=0x0C010000 ;; *) ctl=0x08010000 ;; esac
	h5_session "$2" "reset halt; flash fillw $ctl 0x12345678 1"
	stable "$h5_work/dump.txt" >"$h5_work/after.txt"
	if cmp -s "$h5_work/dry.txt" "$h5_work/after.txt"; then
		h5_tap 0 "$1: (control) a one-word write does change the compared dump"
	else
		h5_tap 1 "$1: (control) a one-word write does change the compared dump"
	fi
}

dry_run_changes_nothing "H563 TrustZone on, root key, image" "--part H563 --tzen 1" \
	"Closed -root-key $S/NUCLEO-H563ZI/Keys/key_1_root_pub.pem -encrypt 0 -image $h5_work/app.bin 0x0C000000"
dry_run_changes_nothing "H563 TrustZone on, password (would turn TrustZone off)" "--part H563 --tzen 1" \
	"iROT-Provisioned -password $S/NUCLEO-H563ZI/Binary/password.bin -obk $S/NUCLEO-H563ZI/Binary/DA_ConfigWithPassword.obk"
dry_run_changes_nothing "H503 password to OTP" "--part H503" \
	"Closed -password $S/NUCLEO-H503RB/user_password.bin -image $h5_work/app.bin 0x08000000"

h5_finish
