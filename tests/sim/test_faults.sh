#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Faults on demand: a dropped connection after N DAP transactions, a power loss when the Nth
# flash operation starts (state saved as the cut left it), and a reset in the middle of an
# option-byte change.
. "$(dirname "$0")/lib.sh"

# 1. drop after 150 DAP transactions
sim_start --part H563 --fault-drop-after 150
ocd drop '
init
for {set i 0} {$i < 100} {incr i} { catch {stm32h5.ap0 read_memory 0xE0044000 32 1} }
shutdown'
sim_wait
check "the simulator logged the dropped connection" \
	grep -q "fault: dropping the connection after 150 DAP transactions" "$work/ops.log"
check_eq "the connection closed right after transaction 150" 150 "$(dump_value count_dap_transactions)"
check_eq "the simulator exited normally after the drop (--once)" 0 "$sim_status"
check "OpenOCD saw the connection go away" out_has '[Ee]rror'

# 2. power loss when the first flash operation starts
if arm-none-eabi-as -o "$work/routine.o" "$H5_TOP_SRCDIR/tests/sim/flash_routine.S" &&
		arm-none-eabi-objcopy -O binary "$work/routine.o" "$work/routine.bin"; then
	rm -f "$work/state" "$work/ops.log"
	sim_start --part H563 --fault-power-loss-after 1
	ocd power "
init
halt
load_image $work/routine.bin 0x20000000 bin
resume 0x20000000
catch {wait_halt 2000}
shutdown"
	sim_wait
	check "the simulator logged the power loss" \
		grep -q "fault: power loss during flash operation 1" "$work/ops.log"
	check_eq "the dump says the run ended by a power loss" power-loss "$(dump_value sim_exit_reason)"
	check_eq "the core is off in the dump" off "$(dump_value core_state)"
	check "the state file was saved" test -s "$work/state"
	sim_start --part H563
	ocd after_power '
init
result idcode [rd32 stm32h5.ap0 0xE0044000]
shutdown'
	sim_wait
	check_eq "the chip powers up again from the saved state" 0x10070484 "$(result idcode)"
	check "the state file loaded" grep -q "state: loaded" "$work/ops.log"
else
	not_ok "the flash routine assembles"
fi

# 3. system reset halfway through an option-byte change
rm -f "$work/state" "$work/ops.log"
sim_start --part H563 --fault-reset-during-ob
ocd ob '
init
halt
set base 0x40022000
mww [expr {$base + 0x0C}] 0x08192A3B
mww [expr {$base + 0x0C}] 0x4C5D6E7F
result optcr_unlocked [rd32 stm32h5.cpu [expr {$base + 0x1C}]]
set prg [rd32 stm32h5.cpu [expr {$base + 0x54}]]
mww [expr {$base + 0x54}] $prg
mww [expr {$base + 0x1C}] [expr {[rd32 stm32h5.cpu [expr {$base + 0x1C}]] | 2}]
set busy_seen 0
for {set i 0} {$i < 400} {incr i} {
	set sr [rd32 stm32h5.cpu [expr {$base + 0x20}]]
	if {$sr != "error" && ($sr & 1)} { set busy_seen 1 }
}
result busy_seen $busy_seen
shutdown'
sim_wait
check_eq "OPTCR unlocks with the option keys" 0 "$(( $(result optcr_unlocked) & 1 ))"
check_eq "the option change ran (NSSR.BSY seen)" 1 "$(result busy_seen)"
check "the simulator reset the chip while the option change was busy" \
	grep -q "fault: reset during the option-byte change (flash busy: 1)" "$work/ops.log"
check_eq "two resets in all (power-on and the injected one)" 2 "$(dump_value count_system_resets)"
finish
