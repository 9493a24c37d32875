# SPDX-License-Identifier: GPL-2.0-or-later
#
# Shared helpers of the simulator tests (sourced). Each test starts its own h5sim on an
# ephemeral port with its own state file, dump and log in a temp dir, runs Debian's stock
# OpenOCD (or $OPENOCD) against it with tcl/board/stm32h5-sim.cfg plus tests/sim/targets.tcl,
# and prints TAP lines. The script exits non-zero if any check failed.
#
# env: H5_TOP_SRCDIR, H5_BUILDDIR (h5sim is $H5_BUILDDIR/bin/h5sim unless $H5SIM is set),
#      OPENOCD (default /usr/bin/openocd)

: "${H5_TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${H5_BUILDDIR:=$H5_TOP_SRCDIR/build}"
export H5_TOP_SRCDIR
: "${H5SIM:=$H5_BUILDDIR/bin/h5sim}"
: "${OPENOCD:=/usr/bin/openocd}"

. "$H5_TOP_SRCDIR/scripts/h5sim-start.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/h5simtest.XXXXXX")
sim_pid=
tap_n=0
tap_fail=0

cleanup() {
	if [ -n "$sim_pid" ] && kill -0 "$sim_pid" 2>/dev/null; then
		kill "$sim_pid" 2>/dev/null
		wait "$sim_pid" 2>/dev/null
	fi
	rm -rf "$work"
}
trap cleanup EXIT

ok() { # ok NAME: one passing TAP line
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1"
}

not_ok() { # not_ok NAME [DETAIL]: one failing TAP line, detail as a TAP comment
	tap_n=$((tap_n + 1))
	tap_fail=1
	echo "not ok $tap_n - $1"
	[ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/# /'
	return 0
}

check() { # check NAME COMMAND...: TAP line from a command's status
	name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}

check_eq() { # check_eq NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "expected '$2', got '$3'"; fi
}

# sim_start [h5sim options...]: fresh simulator, same state file across restarts of one test
sim_start() {
	if ! h5sim_start "$work" "$@"; then
		not_ok "simulator starts with options: $*" "$(cat "$work/h5sim.out")"
		exit 1
	fi
	sim_pid=$H5SIM_PID
	sim_port=$H5SIM_PORT
}

# sim_wait: the simulator exits by itself once OpenOCD disconnects (--once)
sim_wait() {
	i=0
	while kill -0 "$sim_pid" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt 200 ]; then
			kill "$sim_pid" 2>/dev/null
			break
		fi
		sleep 0.05
	done
	wait "$sim_pid" 2>/dev/null
	sim_status=$?
	sim_pid=
}

# ocd NAME TCL: runs OpenOCD with the board file, the driver-less targets ($targets_tcl if
# set) and TCL (which must end with shutdown); output in $work/NAME.out and in $ocd_out
ocd() {
	printf '%s\n' "$2" >"$work/$1.tcl"
	H5SIM_PORT=$sim_port timeout 120 "$OPENOCD" -s "$H5_TOP_SRCDIR/tcl" \
		-f board/stm32h5-sim.cfg -f "${targets_tcl:-$H5_TOP_SRCDIR/tests/sim/targets.tcl}" \
		-f "$work/$1.tcl" >"$work/$1.out" 2>&1
	ocd_status=$?
	ocd_out=$(cat "$work/$1.out")
}

# result KEY: the value of a "RESULT KEY VALUE" line the Tcl printed
result() {
	printf '%s\n' "$ocd_out" | sed -n "s/^RESULT $1 //p" | head -1
}

# dump_value KEY: the value of a "KEY VALUE" line of the simulator's dump
dump_value() {
	sed -n "s/^$1 //p" "$work/dump.txt" | head -1
}

out_has() { # out_has REGEX: the last OpenOCD output matches
	printf '%s\n' "$ocd_out" | grep -Eq "$1"
}

finish() {
	if [ $tap_fail -ne 0 ]; then
		echo "# logs: OpenOCD output and simulator log follow"
		for f in "$work"/*.out "$work/ops.log"; do
			[ -f "$f" ] && sed "s|^|# $(basename "$f"): |" "$f" | tail -40
		done
	fi
	exit $tap_fail
}
