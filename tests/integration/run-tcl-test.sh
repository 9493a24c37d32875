#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Runs one integration test (a Tcl file) against a fresh simulator:
#   - starts build/bin/h5sim on an ephemeral port with the options of the test's
#     "# h5sim: ..." header line, its own state file, dump and operation log;
#   - runs build/bin/openocd -f board/stm32h5-sim.cfg [-f target/stm32h5x.cfg] (its GDB, Tcl and
#     telnet ports disabled, so runs side by side do not collide; a test may enable one)
#     -f tests/integration/utils.tcl -f TEST (the test prints TAP lines via utils.tcl);
#   - after both exit, checks each "# expect-dump: REGEX" header line against the simulator's
#     state dump (one TAP line each), and "# expect-log: REGEX" against the operation log.
# Header lines "# no-target-cfg" (do not load target/stm32h5x.cfg) and "# timeout: SECONDS"
# (default 180) are honoured too. Exits non-zero on any failure.
#
# usage: run-tcl-test.sh TEST.tcl     (env: H5_TOP_SRCDIR, H5_BUILDDIR)
set -u

test_file=$1
: "${H5_TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${H5_BUILDDIR:=$H5_TOP_SRCDIR/build}"
case $test_file in /*) ;; *) [ -f "$test_file" ] || test_file=$H5_TOP_SRCDIR/$test_file ;; esac

header() { sed -n "s/^# $1: *//p" "$test_file"; }
sim_opts=$(header h5sim)
timeout_s=$(header timeout)
: "${timeout_s:=180}"

work=$(mktemp -d "${TMPDIR:-/tmp}/h5test.XXXXXX")
mkdir -p "$work/tmp"
# what utils.tcl gives the test: the source tree and a scratch directory
export H5_TOP_SRCDIR H5_BUILDDIR H5_TEST_TMP=$work/tmp
sim_pid=
cleanup() {
	[ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

. "$H5_TOP_SRCDIR/scripts/h5sim-start.sh"
# shellcheck disable=SC2086
if ! h5sim_start "$work" $sim_opts; then
	echo "not ok - simulator did not start (options: $sim_opts)"
	sed 's/^/# /' "$work/h5sim.out"
	exit 1
fi
sim_pid=$H5SIM_PID

target_cfg="-f target/stm32h5x.cfg"
grep -q '^# no-target-cfg' "$test_file" && target_cfg=

# shellcheck disable=SC2086
timeout "$timeout_s" "$H5_BUILDDIR/bin/openocd" \
	-s "$H5_TOP_SRCDIR/tests/integration" \
	-f board/stm32h5-sim.cfg $target_cfg \
	-f "$H5_TOP_SRCDIR/tests/servers.tcl" \
	-f "$H5_TOP_SRCDIR/tests/integration/utils.tcl" -f "$test_file" \
	>"$work/openocd.out" 2>&1
status=$?
# the TAP lines of the test itself, then OpenOCD's messages as comments for a failure
grep -E '^(not )?ok ' "$work/openocd.out"
failed=0
if [ $status -ne 0 ] || grep -q '^not ok ' "$work/openocd.out"; then
	failed=1
	[ $status -eq 124 ] && echo "not ok - openocd did not finish within ${timeout_s}s"
	grep -vE '^(not )?ok ' "$work/openocd.out" | tail -40 | sed 's/^/# /'
fi

# let the simulator write its dump (it exits when OpenOCD disconnects: --once)
i=0
while kill -0 "$sim_pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
kill "$sim_pid" 2>/dev/null
wait "$sim_pid" 2>/dev/null
sim_pid=

check_file() { # check_file KIND FILE: one TAP line per "# expect-KIND: REGEX" header
	rc=0
	header "expect-$1" >"$work/expect"
	while IFS= read -r re; do
		if grep -Eq -- "$re" "$2" 2>/dev/null; then
			echo "ok - $1 matches /$re/"
		else
			echo "not ok - $1 matches /$re/"
			rc=1
		fi
	done <"$work/expect"
	return $rc
}
check_file dump "$work/dump.txt" || failed=1
check_file log "$work/ops.log" || failed=1
if [ $failed -ne 0 ] && [ -f "$work/dump.txt" ]; then
	echo "# simulator dump:"
	sed 's/^/#   /' "$work/dump.txt" | head -60
fi
exit $failed
