#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Smoke test: our Tcl files use no name the running OpenOCD calls deprecated (master prints
# "DEPRECATED" for gdb_port, interface/stlink-dap.cfg, transport dapdirect_swd, ...; 0.12.0
# for its own older names). Loads, with the built OpenOCD:
#   - each ST-Link board file (shutdown before init: no adapter is opened);
#   - the simulator's board file, target/stm32h5x.cfg with the lifecycle procs and the
#     tests' server settings (tests/servers.tcl), then init, reset halt, a product-state read
#     and a provision dry run against the simulator.
# Prints TAP.
set -u
: "${H5_TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${H5_BUILDDIR:=$H5_TOP_SRCDIR/build}"
OPENOCD=$H5_BUILDDIR/bin/openocd
W=$(mktemp -d "${TMPDIR:-/tmp}/h5-deprecations.XXXXXX")
sim_pid=
trap '[ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; rm -rf "$W"' EXIT
. "$H5_TOP_SRCDIR/scripts/h5sim-start.sh"
n=0
fail=0
# clean NAME LOG STATUS: one TAP line: status 0 and no deprecation in the log
clean() {
	n=$((n + 1))
	if [ "$3" -eq 0 ] && ! grep -qi 'deprecated' "$2"; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1 (status $3)"
		grep -i -B2 'deprecated' "$2" | sed 's/^/# /' | head -20
		fail=1
	fi
}

for b in st_nucleo_h503rb st_nucleo_h533re st_nucleo_h563zi stm32h573i-dk; do
	"$OPENOCD" -f "board/$b.cfg" -c shutdown >"$W/$b.log" 2>&1
	clean "board/$b.cfg loads without a deprecation" "$W/$b.log" $?
done

if h5sim_start "$W" --part H563; then
	sim_pid=$H5SIM_PID
	S=$H5_TOP_SRCDIR/tests/vectors/st-samples/NUCLEO-H563ZI
	timeout 120 "$OPENOCD" -f board/stm32h5-sim.cfg -f target/stm32h5x.cfg \
		-f "$H5_TOP_SRCDIR/tests/servers.tcl" -c init -c "reset halt" \
		-c "echo \"h5-state [stm32h5x product_state]\"" \
		-c "stm32h5x::provision iROT-Provisioned -password $S/Binary/password.bin -encrypt 0 -dry-run" \
		-c shutdown >"$W/sim.log" 2>&1
	status=$?
	wait "$sim_pid"
	sim_pid=
	grep -q '^h5-state Open' "$W/sim.log" || status=1
	clean "simulator session (servers, target, procs, dry run) without a deprecation" "$W/sim.log" $status
else
	n=$((n + 1))
	echo "not ok $n - the simulator did not start"
	fail=1
fi
echo "1..$n"
exit $fail
