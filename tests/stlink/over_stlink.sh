#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Runs existing tests, unchanged, over the ST-Link path: H5_LINK=stlink makes h5sim_start
# serve an emulated ST-Link and board/stm32h5-sim.cfg reach it through OpenOCD's own stlink
# driver (interface/stm32h5x-stlink-dap.cfg, st-link backend tcp, SWD; H5_STLINK_TRANSPORT
# picks dapdirect_jtag or hla_swd). Each test's TAP lines are repeated with "[stlink] TEST:"
# (or "[stlink TRANSPORT] TEST:") before their names; a test that fails without saying so
# counts as one failure. Exits non-zero if any failed.
#
# usage: over_stlink.sh TEST...   (tests/integration/test_*.tcl or tests/integration/*.sh)
set -u
: "${H5_TOP_SRCDIR:?}" "${H5_BUILDDIR:?}"
export H5_LINK=stlink
tag=stlink
[ -n "${H5_STLINK_TRANSPORT:-}" ] && tag="stlink $H5_STLINK_TRANSPORT"
failed=0
for t in "$@"; do
	name=$(basename "$t")
	case $t in
	*.tcl) out=$("$H5_TOP_SRCDIR/tests/integration/run-tcl-test.sh" "$H5_TOP_SRCDIR/$t" 2>&1) ;;
	*) out=$("$H5_TOP_SRCDIR/$t" 2>&1) ;;
	esac
	status=$?
	echo "$out" | sed -n -E "s/^(not )?ok( [0-9]+)? - /\1ok - [$tag] $name: /p"
	if [ $status -ne 0 ] || echo "$out" | grep -q '^not ok'; then
		failed=1
		echo "$out" | grep -q '^not ok' || echo "not ok - [$tag] $name exited with status $status"
		echo "$out" | grep -vE '^(not )?ok' | tail -30 | sed 's/^/# /'
	elif ! echo "$out" | grep -q '^ok'; then
		failed=1
		echo "not ok - [$tag] $name ran no test"
	fi
done
exit $failed
