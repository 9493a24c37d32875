# SPDX-License-Identifier: GPL-2.0-or-later
#
# Shell helpers for the tests of the ST-Link path: h5sim as an emulated stlink-server
# (--stlink, possibly several probes) and OpenOCD's stlink driver in front of it. Sourced after
# tests/integration/lib.sh (h5_tap, h5_check, $h5_work).

# stlink_server DIR [h5sim options, "--probe" between probes...]: starts one server (its first
# probe keeps DIR/state, DIR/dump.txt, DIR/ops.log) and waits until it listens; sets
# STLINK_PORT and STLINK_PID. Without --once it runs until stlink_stop.
stlink_server() {
	sdir=$1
	shift
	rm -f "$sdir/port"
	"${H5SIM:-$H5_BUILDDIR/bin/h5sim}" --stlink --port 0 --port-file "$sdir/port" "$@" \
		>"$sdir/h5sim.out" 2>&1 &
	STLINK_PID=$!
	si=0
	while [ ! -s "$sdir/port" ]; do
		si=$((si + 1))
		if [ $si -gt 200 ] || ! kill -0 "$STLINK_PID" 2>/dev/null; then
			cat "$sdir/h5sim.out" >&2
			return 1
		fi
		sleep 0.05
	done
	STLINK_PORT=$(cat "$sdir/port")
}

# stlink_stop: ends the server (it saves every chip's state and dump on SIGTERM)
stlink_stop() {
	kill "$STLINK_PID" 2>/dev/null
	wait "$STLINK_PID" 2>/dev/null
}

# stlink_ocd LOG ARGS...: OpenOCD with its servers disabled, output to LOG
stlink_ocd() {
	slog=$1
	shift
	timeout 180 "$H5_BUILDDIR/bin/openocd" \
		-f "$H5_TOP_SRCDIR/tests/servers.tcl" "$@" >"$slog" 2>&1
}
