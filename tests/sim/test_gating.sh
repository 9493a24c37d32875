#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# When product-state gating of AP1 takes effect: a debugger takes an Open chip through
# Provisioning (0x17) to Closed (0x72) with option-byte changes (h5-flash-ob.md §4.4, §5.6).
# By default AP1 stays open until the next reset and closes then; with --gate-at-once it
# closes as soon as OPTSR_CUR says Closed. AP0 keeps working in both cases.
. "$(dirname "$0")/lib.sh"

ob_tcl='
proc ob_pstate {code} {
	set base 0x40022000
	if {[rd32 stm32h5.cpu [expr {$base + 0x1C}]] & 1} {
		mww [expr {$base + 0x0C}] 0x08192A3B
		mww [expr {$base + 0x0C}] 0x4C5D6E7F
	}
	set prg [rd32 stm32h5.cpu [expr {$base + 0x54}]]
	mww [expr {$base + 0x54}] [expr {($prg & ~0xFF00) | ($code << 8)}]
	mww [expr {$base + 0x1C}] [expr {[rd32 stm32h5.cpu [expr {$base + 0x1C}]] | 2}]
	for {set i 0} {$i < 2000} {incr i} {
		set sr [rd32 stm32h5.cpu [expr {$base + 0x20}]]
		if {$sr == "error" || !($sr & 1)} { break }
	}
	catch {mww [expr {$base + 0x1C}] 1}
	return $sr
}
init
halt
result sr_prov [ob_pstate 0x17]
result optsr_prov [rd32 stm32h5.cpu 0x40022050]
result sr_closed [ob_pstate 0x72]
result ap1_after_close [rd32 stm32h5.cpu 0x20000000]
result dbgmcu_sr_before_reset [rd32 stm32h5.ap0 0xE00440FC]
adapter assert srst
adapter deassert srst
result ap1_after_reset [rd32 stm32h5.cpu 0x20000000]
result dbgmcu_sr_after_reset [rd32 stm32h5.ap0 0xE00440FC]
shutdown'

sim_start --part H563
ocd at_reset "$ob_tcl"
sim_wait
check_eq "Open -> Provisioning: the option change ends without error" 0 "$(( $(result sr_prov) & 0x00FE0000 ))"
check_eq "OPTSR_CUR shows Provisioning" 0x17 "$(printf 0x%02x $(( ($(result optsr_prov) >> 8) & 0xff )))"
check_eq "Provisioning -> Closed: the option change ends without error" 0 "$(( $(result sr_closed) & 0x00FE0000 ))"
check_eq "default: AP1 stays open until the next reset" 0x00000000 "$(result ap1_after_close)"
check_eq "default: DBGMCU_SR still shows AP1 enabled before the reset" 0x00030003 "$(result dbgmcu_sr_before_reset)"
check_eq "default: after the reset AP1 is closed" error "$(result ap1_after_reset)"
check_eq "default: after the reset DBGMCU_SR shows AP1 disabled" 0x00010003 "$(result dbgmcu_sr_after_reset)"
check_eq "the product state is Closed in the dump" 0x72 "$(dump_value product_state)"

rm -f "$work/state"
sim_start --part H563 --gate-at-once
ocd at_once "$ob_tcl"
sim_wait
check_eq "--gate-at-once: AP1 closes as soon as the chip is Closed" error "$(result ap1_after_close)"
check_eq "--gate-at-once: DBGMCU_SR shows AP1 disabled at once" 0x00010003 "$(result dbgmcu_sr_before_reset)"
check_eq "--gate-at-once: AP1 stays closed after the reset" error "$(result ap1_after_reset)"
finish
