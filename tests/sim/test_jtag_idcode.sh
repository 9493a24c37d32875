#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The simulator's JTAG chain: the debug TAP answers with the STM32H5 JTAG-DP IDCODE and its DP
# with the DPIDR; the boundary-scan TAP (IR length 5) follows it, or is absent with --bs-tap 0.
. "$(dirname "$0")/lib.sh"

sim_start --part H563
ocd idcode '
init
result dpidr [format 0x%08x [stm32h5.dap dpreg 0]]
result ap0_idr [format 0x%08x [stm32h5.dap apreg 0 0xfc]]
result ap1_idr [format 0x%08x [stm32h5.dap apreg 1 0xfc]]
result ap1_base [format 0x%08x [stm32h5.dap apreg 1 0xf8]]
result ap2_idr [format 0x%08x [stm32h5.dap apreg 2 0xfc]]
shutdown'
sim_wait

check "OpenOCD finds the TAP with IDCODE 0x0ba04477" out_has 'stm32h5.cpu tap/device found: 0x0ba04477'
check "OpenOCD finds the boundary-scan TAP with IDCODE 0x06484041" out_has 'stm32h5.bs tap/device found: 0x06484041'
check_eq "the DP reads DPIDR 0x0be12477" 0x0be12477 "$(result dpidr)"
check_eq "AP0 is an APB-AP (IDR 0x54770002)" 0x54770002 "$(result ap0_idr)"
check_eq "AP1 is an AHB5-AP (IDR 0x14770015)" 0x14770015 "$(result ap1_idr)"
check_eq "AP1 BASE points at the Cortex-M33 ROM table" 0xe00ff003 "$(result ap1_base)"
check_eq "AP2 does not exist (IDR 0)" 0x00000000 "$(result ap2_idr)"
check_eq "the simulator counted the DAP transactions" yes \
	"$([ "$(dump_value count_dap_transactions)" -gt 0 ] 2>/dev/null && echo yes)"
check_eq "the simulator exited cleanly after the client left" 0 "$sim_status"

# a chain with the debug TAP only
rm -f "$work/state"
sim_start --part H503 --bs-tap 0
cat >"$work/single_tap_targets.tcl" <<'EOT'
source $::env(H5_TOP_SRCDIR)/tests/servers.tcl
jtag newtap stm32h5 cpu -irlen 4 -expected-id 0x0ba04477
dap create stm32h5.dap -chain-position stm32h5.cpu
target create stm32h5.ap0 mem_ap -dap stm32h5.dap -ap-num 0
target create stm32h5.cpu cortex_m -dap stm32h5.dap -ap-num 1
EOT
targets_tcl=$work/single_tap_targets.tcl ocd one_tap '
init
echo "RESULT idcode [format 0x%08x [lindex [stm32h5.ap0 read_memory 0xE0044000 32 1] 0]]"
shutdown'
sim_wait
check "with --bs-tap 0 OpenOCD finds the single TAP" out_has 'stm32h5.cpu tap/device found: 0x0ba04477'
check "with --bs-tap 0 the Cortex-M33 is examined" out_has 'Cortex-M33 r0p4 processor detected'
check_eq "with --bs-tap 0 AP0 reads the H503 DBGMCU_IDCODE" 0x10030474 "$(result idcode)"
finish
