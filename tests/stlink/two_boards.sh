#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Two boards on one emulated stlink-server (a NUCLEO-H563ZI and a NUCLEO-H533RE, each its own
# probe with its own serial number and chip): two OpenOCD processes, each picking its board with
# "adapter serial", provision them at the same time (stm32h5x::provision, password DA, to
# iROT-Provisioned). A probe in use is refused to a third process; an unknown serial is refused.
# Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"
. "$H5_TOP_SRCDIR/tests/stlink/lib.sh"

S=$H5_SAMPLES
mkdir -p "$h5_work/a" "$h5_work/b"
head -c 4096 /dev/urandom >"$h5_work/app.bin"
stlink_server "$h5_work" --part H563 --stlink-serial BOARD-H563 --state "$h5_work/a/state" \
	--dump "$h5_work/a/dump.txt" --log "$h5_work/a/ops.log" \
	--probe --part H533 --stlink-serial BOARD-H533 --state "$h5_work/b/state" \
	--dump "$h5_work/b/dump.txt" --log "$h5_work/b/ops.log" ||
	{ echo "not ok 1 - the emulated stlink-server with two probes starts"; exit 1; }

# board SERIAL BOARDFILE LOG TCL...: one OpenOCD on the probe SERIAL
board() {
	serial=$1
	file=$2
	log=$3
	shift 3
	stlink_ocd "$log" -c "adapter driver st-link; st-link backend tcp $STLINK_PORT; adapter serial $serial" \
		-f "board/$file.cfg" -c init "$@" -c shutdown
}
provision() { # provision BOARD: the TCL that provisions with the board's sample password
	echo "reset halt; echo \"R: [stm32h5x::provision iROT-Provisioned -password $S/$1/Binary/password.bin -image $h5_work/app.bin 0x08000000 -confirm]\""
}

board BOARD-H563 st_nucleo_h563zi "$h5_work/a.log" -c "$(provision NUCLEO-H563ZI)" &
pa=$!
board BOARD-H533 st_nucleo_h533re "$h5_work/b.log" -c "$(provision NUCLEO-H533RE)" &
pb=$!
wait $pa
sa=$?
wait $pb
sb=$?
h5_tap "$([ $sa -eq 0 ] && echo 1 || echo 0)" "the OpenOCD on BOARD-H563 succeeds"
h5_tap "$([ $sb -eq 0 ] && echo 1 || echo 0)" "the OpenOCD on BOARD-H533 succeeds"
h5_check "BOARD-H563's OpenOCD found an H56x" "STM32H56x/H57x" "$h5_work/a.log"
h5_check "BOARD-H533's OpenOCD found an H53x" "STM32H52x/H53x" "$h5_work/b.log"
h5_check "BOARD-H563 is provisioned to iROT-Provisioned" "^R: iROT-Provisioned$" "$h5_work/a.log"
h5_check "BOARD-H533 is provisioned to iROT-Provisioned" "^R: iROT-Provisioned$" "$h5_work/b.log"
h5_check "the two sessions ran at the same time" "2 session\(s\) active" "$h5_work/a/ops.log"

# a probe in use is refused to a third process, while another holds it
board BOARD-H563 st_nucleo_h563zi "$h5_work/hold.log" -c "sleep 3000" &
ph=$!
i=0
while ! grep -q "SWD DPIDR" "$h5_work/hold.log" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
board BOARD-H563 st_nucleo_h563zi "$h5_work/c.log"
sc=$?
wait $ph
h5_tap "$([ $sc -ne 0 ] && echo 1 || echo 0)" "a third OpenOCD cannot open a probe in use"
h5_check "the refusal says the device is used" "already used" "$h5_work/c.log"
board NO-SUCH-BOARD st_nucleo_h563zi "$h5_work/d.log"
h5_tap "$([ $? -ne 0 ] && echo 1 || echo 0)" "an unknown serial number is refused"
h5_check "the refusal names the serial mismatch" "serial mismatch" "$h5_work/d.log"

stlink_stop
h5_check "BOARD-H563's chip is iROT-Provisioned (0x2E)" "^product_state 0x2e$" "$h5_work/a/dump.txt"
h5_check "BOARD-H533's chip is iROT-Provisioned (0x2E)" "^product_state 0x2e$" "$h5_work/b/dump.txt"
h5_check "BOARD-H533's chip is an H533" "^sim_part H533" "$h5_work/b/dump.txt"
h5_finish
