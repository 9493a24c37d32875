# SPDX-License-Identifier: GPL-2.0-or-later
#
# Sourced by the demo, the benchmark and the test harnesses: starts the simulator for one
# OpenOCD session and waits until it listens.
#
# h5sim_start DIR [h5sim options...]
#   runs $H5SIM (default $H5_BUILDDIR/bin/h5sim) in the background on an ephemeral port of
#   127.0.0.1, for one client (--once), keeping the chip in DIR/state (it persists across
#   sessions) and writing DIR/dump.txt at exit, DIR/ops.log and its output DIR/h5sim.out.
#   Sets and exports H5SIM_PORT (read by board/stm32h5-sim.cfg) and sets H5SIM_PID.
#   Returns 1 if the simulator exits or does not listen within 10 s.
#   With H5_LINK=stlink the simulator serves an emulated ST-Link (--stlink) instead, which
#   board/stm32h5-sim.cfg then reaches through OpenOCD's stlink driver.

h5sim_start() {
	h5sim_dir=$1
	shift
	rm -f "$h5sim_dir/port" "$h5sim_dir/dump.txt"
	h5sim_link=
	[ "${H5_LINK:-}" = stlink ] && h5sim_link=--stlink
	# shellcheck disable=SC2086
	"${H5SIM:-$H5_BUILDDIR/bin/h5sim}" $h5sim_link --port 0 --port-file "$h5sim_dir/port" --once \
		--state "$h5sim_dir/state" --dump "$h5sim_dir/dump.txt" --log "$h5sim_dir/ops.log" \
		"$@" >"$h5sim_dir/h5sim.out" 2>&1 &
	H5SIM_PID=$!
	h5sim_i=0
	while [ ! -s "$h5sim_dir/port" ]; do
		h5sim_i=$((h5sim_i + 1))
		if [ $h5sim_i -gt 200 ] || ! kill -0 "$H5SIM_PID" 2>/dev/null; then
			return 1
		fi
		sleep 0.05
	done
	H5SIM_PORT=$(cat "$h5sim_dir/port")
	export H5SIM_PORT
}
