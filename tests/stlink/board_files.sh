#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The four ST board files, unchanged, against the emulated ST-Link of each board (the on-board
# STLINK-V3, SWD, dapdirect_swd), with the TCP backend chosen by the documented one-liner
# before the board file:
#   openocd -c "adapter driver st-link; st-link backend tcp PORT" -f board/BOARD.cfg
# Each connects through OpenOCD's stlink driver, identifies the part through AP0 and the flash
# driver, and programs and verifies a word of flash. Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"
. "$H5_TOP_SRCDIR/tests/stlink/lib.sh"

L=$h5_work/ocd.log
head -c 4096 /dev/urandom >"$h5_work/img.bin"

for pair in st_nucleo_h503rb:H503:STM32H503 st_nucleo_h533re:H533:STM32H52x/H53x \
		st_nucleo_h563zi:H563:STM32H56x/H57x stm32h573i-dk:H573:STM32H56x/H57x; do
	board=${pair%%:*}
	rest=${pair#*:}
	part=${rest%%:*}
	name=${rest#*:}
	rm -f "$h5_work/state"
	if ! stlink_server "$h5_work" --once --part "$part" --state "$h5_work/state" \
			--dump "$h5_work/dump.txt"; then
		h5_tap 0 "$board: the emulated ST-Link starts"
		continue
	fi
	stlink_ocd "$L" -c "adapter driver st-link; st-link backend tcp $STLINK_PORT" \
		-f "board/$board.cfg" \
		-c "init; echo \"IDCODE [format 0x%08x [lindex [stm32h5.ap0 read_memory 0xE0044000 32 1] 0]]\"" \
		-c "reset halt; flash probe 0; program $h5_work/img.bin 0x08000000 verify; shutdown"
	st=$?
	wait "$STLINK_PID"
	h5_tap "$([ $st -eq 0 ] && echo 1 || echo 0)" "$board: OpenOCD runs the board file over the emulated ST-Link"
	h5_check "$board: OpenOCD's stlink driver talks to an STLINK-V3 over TCP" "STLINK V3J7.*VID:PID 0483:374E" "$L"
	h5_check "$board: SWD in dapdirect mode" "SWD DPIDR 0x0be12477" "$L"
	h5_check "$board: DBGMCU_IDCODE read through AP0" "^IDCODE 0x....(0474|0478|0484)" "$L"
	h5_check "$board: the flash driver names the $name" "$name" "$L"
	h5_check "$board: program and verify over the ST-Link" "Verified OK" "$L"
done
h5_finish
