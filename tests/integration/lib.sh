# SPDX-License-Identifier: GPL-2.0-or-later
#
# Shell helpers for integration tests that need several OpenOCD sessions against one simulated
# chip (a power cycle between them: the simulator's --state file persists it). Prints TAP.
# Sourced by tests/integration/*.sh; needs H5_TOP_SRCDIR and H5_BUILDDIR.

: "${H5_TOP_SRCDIR:?}" "${H5_BUILDDIR:?}"
H5_SAMPLES=$H5_TOP_SRCDIR/tests/vectors/st-samples
. "$H5_TOP_SRCDIR/scripts/h5sim-start.sh"
h5_work=$(mktemp -d "${TMPDIR:-/tmp}/h5it.XXXXXX")
trap 'rm -rf "$h5_work"' EXIT
h5_n=0
h5_failed=0

# h5_session "SIMOPTS" "TCL": starts the simulator on the persistent state $h5_work/state,
# runs OpenOCD (board/stm32h5-sim.cfg + target/stm32h5x.cfg) with TCL after init, then waits for
# the simulator to write $h5_work/dump.txt. OpenOCD's output is in $h5_work/ocd.log.
h5_session() {
	# shellcheck disable=SC2086
	if ! h5sim_start "$h5_work" $1; then
		echo "simulator did not start (options: $1):" >"$h5_work/ocd.log"
		cat "$h5_work/h5sim.out" >>"$h5_work/ocd.log"
		h5_status=1
		return
	fi
	timeout 180 "$H5_BUILDDIR/bin/openocd" \
		-f board/stm32h5-sim.cfg -f target/stm32h5x.cfg \
		-f "$H5_TOP_SRCDIR/tests/servers.tcl" \
		-c "init" -c "$2" -c "shutdown" >"$h5_work/ocd.log" 2>&1
	h5_status=$?
	# the simulator exits and writes its dump when OpenOCD disconnects; if OpenOCD never
	# connected (it did not start), stop it rather than wait for ever (it saves on SIGTERM)
	i=0
	while kill -0 "$H5SIM_PID" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	kill "$H5SIM_PID" 2>/dev/null
	wait "$H5SIM_PID"
}

h5_tap() { # h5_tap PASSED NAME
	h5_n=$((h5_n + 1))
	if [ "$1" -eq 1 ]; then
		echo "ok $h5_n - $2"
	else
		echo "not ok $h5_n - $2"
		h5_failed=1
		grep -E 'Error|error|stm32h5x' "$h5_work/ocd.log" | tail -8 | sed 's/^/# /'
	fi
}
# h5_check NAME REGEX FILE: passes if FILE has a line matching REGEX
h5_check() { if grep -qE -- "$2" "$3"; then h5_tap 1 "$1"; else h5_tap 0 "$1"; fi; }
# h5_absent NAME REGEX FILE: passes if no line of FILE matches REGEX
h5_absent() { if grep -qE -- "$2" "$3"; then h5_tap 0 "$1"; else h5_tap 1 "$1"; fi; }
h5_pstate() { h5_check "$1" "^product_state $2" "$h5_work/dump.txt"; }

# h5_fresh_state PART: a new chip, as the factory delivers it (an empty state file)
h5_fresh_state() { rm -f "$h5_work/state"; }

h5_finish() { exit "$h5_failed"; }

# h5_hex FILE OFFSET LENGTH: the bytes as lower-case hex, in memory order
h5_hex() { od -An -v -tx1 -j "$2" -N "$3" "$1" | tr -d ' \n'; }

# h5_seed "SIMOPTS" OBK|otp:HASHFILE|-: a chip that went through provisioning: creates the
# state (one empty session), then adds a user-flash word and, as the RSS or the OTP would hold
# them, the 96 DA bytes of a .obk file at OBK-HDPL1 (0x0FFD0100, current sector) or a password
# hash in OTP block 0 (locked). Used to test DA without depending on the provisioning commands.
h5_seed() {
	rm -f "$h5_work/state"
	h5_session "$1" ""
	lines="user 0x000000 1 11111111111111111111111111111111"
	case $2 in
	otp:*)
		f=${2#otp:}
		i=0
		while [ $i -lt 16 ]; do
			lines="$lines
otp $(printf '0x%03x' $((2 * i))) 1 $(h5_hex "$f" $((2 * i)) 2)"
			i=$((i + 1))
		done
		sed -i 's/^ob otpblr .*/ob otpblr 0x00000001/' "$h5_work/state"
		;;
	-) ;;
	*)
		i=0
		while [ $i -lt 6 ]; do
			lines="$lines
obk 0 $((16 + i)) $(h5_hex "$2" $((12 + 16 * i)) 16)"
			i=$((i + 1))
		done
		;;
	esac
	h5_state_add "$lines"
}

# h5_state_add LINES: adds lines to the persisted chip (before the state file's last "end")
h5_state_add() {
	awk -v add="$1" '{ l[NR] = $0 } /^end$/ { e = NR }
		END { for (i = 1; i <= NR; i++) { if (i == e) print add; print l[i] } }' \
		"$h5_work/state" >"$h5_work/state.new" && mv "$h5_work/state.new" "$h5_work/state"
}

# h5_state_ob NAME VALUE: sets an option-byte word of the persisted chip ("ob NAME VALUE")
h5_state_ob() { sed -i "s/^ob $1 .*/ob $1 $2/" "$h5_work/state"; }
