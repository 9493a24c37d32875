# SPDX-License-Identifier: GPL-2.0-or-later
# Driver-less TAPs, DAP and targets for the simulator tests (no flash driver involved):
# AP0 as a mem_ap target (DBGMCU), the Cortex-M33 on AP1, and a helper that prints results.

# several tests run in parallel: no server ports
source $::env(H5_TOP_SRCDIR)/tests/servers.tcl

# the debug TAP next to TDO, then the boundary-scan TAP (h5sim --bs-tap 1, the default)
jtag newtap stm32h5 cpu -irlen 4 -expected-id 0x0ba04477
jtag newtap stm32h5 bs -irlen 5
dap create stm32h5.dap -chain-position stm32h5.cpu
target create stm32h5.ap0 mem_ap -dap stm32h5.dap -ap-num 0
target create stm32h5.cpu cortex_m -dap stm32h5.dap -ap-num 1
targets stm32h5.cpu

# result KEY VALUE: one line the shell test greps
proc result {key value} {
	echo "RESULT $key $value"
}

# rd32 TARGET ADDR: one 32-bit word as 0x%08x, or "error"
proc rd32 {tgt addr} {
	if {[catch {set v [$tgt read_memory $addr 32 1]}]} {
		return error
	}
	return [format 0x%08x [lindex $v 0]]
}

proc rdw {tgt addr width} {
	if {[catch {set v [$tgt read_memory $addr $width 1]}]} {
		return error
	}
	return [format 0x%x [lindex $v 0]]
}

proc reg32 {name} {
	return [format 0x%08x [lindex [stm32h5.cpu get_reg $name] 1]]
}
