#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# With --ap-latency-tck 20the DP answers WAIT to scans that come before the previous AP access
# completed; OpenOCD retries and the data is still right.
. "$(dirname "$0")/lib.sh"

sim_start --part H503 --ap-latency-tck 20
ocd wait '
init
halt
mww 0x20000000 0x11223344
mwh 0x20000002 0xBEEF
result word [rd32 stm32h5.cpu 0x20000000]
result idcode [rd32 stm32h5.ap0 0xE0044000]
shutdown'
sim_wait

check_eq "RAM round trip is right despite WAIT answers" 0xbeef3344 "$(result word)"
check_eq "DBGMCU_IDCODE of the H503 (rev 0x1003, DEV_ID 0x474)" 0x10030474 "$(result idcode)"
check_eq "the simulator answered WAIT at least once" yes "$([ "$(dump_value count_wait_acks)" -gt 0 ] && echo yes)"
finish
