#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The ST-Link in its high-level (hla_swd, interface/stlink.cfg) mode, and ST-Link firmware too
# old for the dap mode, over the emulated probe: plain flashing of an Open part works; every
# command that needs AP0 (Debug Authentication) refuses, naming interface/stm32h5x-stlink-dap.cfg and
# the firmware it needs. A V2 firmware without CSW support (J28) still reaches AP0 in dap mode
# through DAP register accesses. Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

S=$H5_SAMPLES
L=$h5_work/ocd.log
export H5_LINK=stlink
head -c 8192 /dev/urandom >"$h5_work/img.bin"
refusals='foreach c {"da discover" "da auth -password '$S'/NUCLEO-H563ZI/Binary/password.bin" "da close"} {
	catch {stm32h5x {*}$c} e
	echo "REFUSED $c: $e"
}'

export H5_STLINK_TRANSPORT=hla_swd
h5_fresh_state
h5_session "--part H563" "reset halt; program $h5_work/img.bin 0x08000000 verify; $refusals"
h5_check "hla_swd: OpenOCD runs the ST-Link in hla mode" "STLINK V3J7S0 \(API v3\)" "$L"
h5_check "hla_swd: the target file warns and names interface/stm32h5x-stlink-dap.cfg" "high-level adapter.*interface/stm32h5x-stlink-dap.cfg" "$L"
h5_check "hla_swd: an Open part is programmed and verified" "Verified OK" "$L"
h5_check "hla_swd: the image is in flash" "^user 0x000000 " "$h5_work/state"
for c in "da discover" "da auth" "da close"; do
	h5_check "hla_swd: '$c' refuses, naming interface/stm32h5x-stlink-dap.cfg" \
		"^REFUSED $c.*needs AP0.*interface/stm32h5x-stlink-dap.cfg" "$L"
done
h5_pstate "hla_swd: the refusals leave the chip Open" 0xed

# a Closed chip in hla mode: the core cannot be examined and AP0 cannot be reached to tell why
h5_seed "--part H563 --pstate 0x72 --tzen 1" "$S/NUCLEO-H563ZI/Binary/DA_Config.obk"
h5_session "--part H563" "$refusals"
h5_check "hla_swd on a Closed chip: the examine failure names interface/stm32h5x-stlink-dap.cfg" \
	"core cannot be examined.*interface/stm32h5x-stlink-dap.cfg" "$L"
h5_check "hla_swd on a Closed chip: DA refuses, naming interface/stm32h5x-stlink-dap.cfg" \
	"^REFUSED da auth.*interface/stm32h5x-stlink-dap.cfg" "$L"
h5_pstate "hla_swd on a Closed chip: it stays Closed" 0x72

# an ST-LINK/V2 with J23 firmware: no DAP register access, so hla is its only mode
h5_fresh_state
h5_session "--part H563 --stlink-fw V2J23S4" "reset halt; program $h5_work/img.bin 0x08000000 verify; $refusals"
h5_check "V2J23 in hla mode: OpenOCD sees the old firmware" "STLINK V2J23S4 \(API v2\)" "$L"
h5_check "V2J23 in hla mode: an Open part is programmed" "Verified OK" "$L"
h5_check "V2J23 in hla mode: DA refuses, naming the firmware it needs" \
	"^REFUSED da discover.*interface/stm32h5x-stlink-dap.cfg.*firmware V2J24 or later" "$L"

export H5_STLINK_TRANSPORT=dapdirect_swd
h5_session "--part H563 --stlink-fw V2J23S4" ""
h5_check "V2J23 in dap mode: OpenOCD refuses the dap mode" "does not support DAP direct transport|only supports deprecated HLA" "$L"

# J28: dap mode, AP selection but no CSW in memory commands: AP0 through DAP registers
h5_seed "--part H563 --pstate 0x72 --tzen 1" "$S/NUCLEO-H563ZI/Binary/DA_Config.obk"
h5_session "--part H563 --stlink-fw V2J28S7" 'echo "R: [stm32h5x da discover]"'
h5_check "V2J28 in dap mode: OpenOCD sees the firmware" "STLINK V2J28S7" "$L"
h5_check "V2J28 in dap mode: DA discovery answers through AP0" "^lifecycle 0x3072" "$L"
h5_finish
