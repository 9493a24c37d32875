#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# A Closed H563 on a NUCLEO-H563ZI, as a user meets it: the unchanged board file over the
# board's (emulated) STLINK-V3 and OpenOCD's stlink driver. The core's AP is closed, yet
# DBGMCU_IDCODE reads through AP0, Debug Authentication discovery answers, a debug reopen lets
# the core halt until 'da close' locks it again, and a full regression with ST's sample
# certificate chain returns the chip to Open with its flash erased. Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"
. "$H5_TOP_SRCDIR/tests/stlink/lib.sh"

S=$H5_SAMPLES
CHAIN="-key $S/NUCLEO-H563ZI/Keys/key_3_leaf.pem -cert $S/NUCLEO-H563ZI/Certificates/cert_leaf_chain.b64"
L=$h5_work/ocd.log
D=$h5_work/dump.txt

# a provisioned Closed chip with a programmed word
h5_seed "--part H563 --pstate 0x72 --tzen 1" "$S/NUCLEO-H563ZI/Binary/DA_Config.obk"
h5_check "the seeded chip holds a programmed flash word" "^user 0x000000 " "$h5_work/state"
cp "$h5_work/state" "$h5_work/state.closed"

board() { # board TCL: the NUCLEO-H563ZI board file over the emulated ST-Link, then TCL
	if ! stlink_server "$h5_work" --once --part H563 --state "$h5_work/state" --dump "$D" \
			--log "$h5_work/ops.log"; then
		echo "the emulated ST-Link did not start" >"$L"
		return
	fi
	stlink_ocd "$L" -c "adapter driver st-link; st-link backend tcp $STLINK_PORT" \
		-f board/st_nucleo_h563zi.cfg -c init -c "$1" -c shutdown
	wait "$STLINK_PID"
}

board 'echo "IDCODE [format 0x%08x [lindex [stm32h5.ap0 read_memory 0xE0044000 32 1] 0]]"
echo "R: [stm32h5x da discover]"'
h5_check "the driver is OpenOCD's stlink over TCP (dapdirect_swd)" "SWD DPIDR 0x0be12477" "$L"
h5_check "the core's AP is closed (the core cannot be examined)" "cannot be examined|examination failed|Error" "$L"
h5_check "DBGMCU_IDCODE of the Closed H563 reads through AP0" "^IDCODE 0x.....484$" "$L"
h5_check "DA discovery answers with the Closed lifecycle" "^lifecycle 0x3072" "$L"
h5_check "DA discovery selects the certificate method" "^auth_method certificate" "$L"
h5_pstate "discovery changes nothing" 0x72

board "stm32h5x da auth $CHAIN -permissions debug_open_l3; halt
echo \"S1: [stm32h5.cpu curstate]\"
echo \"M1: [catch {stm32h5.cpu read_memory 0x20000000 32 1}]\"
echo \"C: [catch {stm32h5x da close -reset} e] \$e\"
echo \"M2: [catch {stm32h5.cpu read_memory 0x20000000 32 1}]\""
h5_check "a debug reopen over the ST-Link lets the core halt" "^S1: halted" "$L"
h5_check "the reopened core reads memory" "^M1: 0" "$L"
h5_check "da close -reset locks the debug access again" "^C: 0 status SUCCESS" "$L"
h5_check "after da close the core's memory is out of reach" "^M2: 1" "$L"
h5_pstate "a debug reopen and close leave the chip Closed" 0x72
cp "$h5_work/state.closed" "$h5_work/state"

board "echo \"R: [stm32h5x da auth $CHAIN -permissions full_regression]\""
h5_check "the full regression is granted over the ST-Link" "^R: status SUCCESS" "$L"
h5_check "the full regression reports product state Open" "^product_state Open" "$L"
h5_pstate "the chip is Open after the full regression" 0xed
h5_absent "the full regression erased the user flash" "^user " "$h5_work/state"
h5_check "the full regression erased the OBKeys" "^obk_sector 0 words_written 0" "$D"

board 'halt; echo "S: [stm32h5.cpu curstate]"'
h5_check "after the regression the core halts over the ST-Link" "^S: halted" "$L"
h5_finish
