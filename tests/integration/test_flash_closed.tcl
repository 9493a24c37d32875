# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --pstate 0x72
#
# Closed: the core's access port is closed. target/stm32h5x.cfg must say so through AP0 (not
# fail with a Tcl error), and the driver must refuse with a message instead of hanging.

source [find flash_helpers.tcl]

set init_out [h5_output {init}]
h5_check "init completes and explains through AP0 that the product state forbids debug" {
	regexp {DEV_ID 0x484 seen through AP0, but the core's access port is closed} $init_out
}
h5_check "no Tcl error from the examine-fail handler" {
	expr {![regexp {invalid command name|can't read|no such variable} $init_out]}
}
h5_check_output "flash probe fails with a message naming the closed access port" \
	{catch {flash probe 0}} {access port is closed}
h5_check_equal "AP0 still reads DBGMCU_IDCODE" {expr {[stm32h5.ap0 read_memory 0xE0044000 32 1] & 0xfff}} 0x484

h5_done
