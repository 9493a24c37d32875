#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The simulator's SW-DP (contrib/h5sim/swd.c) behind remote_bitbang, on an OpenOCD whose
# remote_bitbang speaks SWD (master; board/stm32h5-sim.cfg with H5SIM_TRANSPORT=swd):
# line reset and JTAG-to-SWD switch (DPIDR read), examine, reset halt, flash programming,
# provisioning to Closed (RSSLIB, option bytes) and Debug Authentication's entry under reset
# with a full regression back to Open, all over SWD. On OpenOCD 0.12.0, whose remote_bitbang
# is JTAG-only, it checks that the SWD transport is refused there, by name.
# Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

S=$H5_SAMPLES/NUCLEO-H563ZI
PW=$S/Binary/password.bin
L=$h5_work/ocd.log
D=$h5_work/dump.txt
head -c 8192 /dev/urandom >"$h5_work/app.bin"

"$H5_BUILDDIR/bin/openocd" -c 'adapter driver remote_bitbang' -c 'transport select swd' \
	-c shutdown >"$h5_work/probe.log" 2>&1
if ! grep -q 'shutdown command invoked' "$h5_work/probe.log"; then
	version=$("$H5_BUILDDIR/bin/openocd" --version 2>&1 | head -1)
	case $version in
	*"Debugger 0.12.0 "* | *"Debugger 0.12.0")
		h5_check "OpenOCD 0.12.0's remote_bitbang offers JTAG only and refuses SWD" \
			"only one transport option; autoselect 'jtag'" "$h5_work/probe.log"
		;;
	*)
		h5_tap 0 "remote_bitbang of $version takes the SWD transport"
		sed 's/^/# /' "$h5_work/probe.log"
		;;
	esac
	h5_finish
fi

export H5SIM_TRANSPORT=swd
h5_fresh_state
h5_session "--part H563" "reset halt; echo \"R: [stm32h5.cpu curstate] [string trim [stm32h5x product_state]]\""
h5_check "SWD: the DP answers DPIDR 0x0be12477 after the switch from JTAG" "SWD DPIDR 0x0be12477" "$L"
h5_check "SWD: the core is examined" "Cortex-M33 r0p4 processor detected" "$L"
h5_check "SWD: reset halt halts the core; the product state reads Open" "^R: halted Open$" "$L"
h5_session "--part H563" "program $h5_work/app.bin 0x08000000 verify; echo \"R: [format 0x%08x [read_memory 0x08001ffc 32 1]]\""
h5_check "SWD: programming 8 KiB verifies" "Verified OK|verified 8192 bytes" "$L"
h5_check "SWD: the last word reads back as written" "^R: 0x$(h5_hex "$h5_work/app.bin" 8188 4 | sed 's/\(..\)\(..\)\(..\)\(..\)/\4\3\2\1/')$" "$L"
h5_session "--part H563" "echo \"R: [stm32h5x::provision Closed -password $PW -encrypt 0 -image $h5_work/app.bin 0x08000000 -confirm]\""
h5_check "SWD: provision to Closed" "^R: Closed$" "$L"
h5_pstate "SWD: the chip is Closed" 0x72
h5_session "--part H563" "echo \"R: [stm32h5x::regress full -password $PW -confirm]\""
h5_check "SWD: Debug Authentication under reset regresses the chip to Open" "^R: Open$" "$L"
h5_pstate "SWD: the chip is Open again" 0xed
h5_check "SWD: the regression erased the image's sector" "^sector 1\.0 erased" "$D"
h5_finish
