# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --tzen 1
#
# What Provisioning allows (docs/lifecycle.md): the debugger keeps secure and non-secure
# access, so secure firmware is installed through the secure alias (ST: "Secure Firmware install
# can be launched in this state"), without the flash loader; user code does not run: after a
# reset the core stays in the boot ROM, where in Open it starts the firmware.

source [find flash_helpers.tcl]
init
reset halt

# vector table (SP, reset handler 0x0C000009) and "movs r0, #0x42; b ." at 0x0C000008
set fw ""
pack fw 0x20004000 -intle 32 0
pack fw 0x0C000009 -intle 32 32
pack fw 0xE7FE2042 -intle 32 64
pack fw 0xBF00BF00 -intle 32 96
set f [flash_tmp fw.bin]
flash_write_bin $f $fw
h5_check "set-up in Open: firmware at the secure boot address 0x0C000000" {
	flash write_image erase $f 0x0C000000 bin
	expr 1
}
reset halt
h5_check_equal "in Open a reset starts the firmware (halted at its reset handler)" \
	{format 0x%08x [lindex [[target current] get_reg pc] 1]} 0x0c000008

h5_check "Open -> Provisioning" {
	stm32h5x product_state Provisioning
	expr {(([stm32h5x option_read 0 0x50] >> 8) & 0xff) == 0x17}
}
reset halt
h5_check "in Provisioning a reset leaves the core in the boot ROM, not in the firmware" {
	set pc [lindex [[target current] get_reg pc] 1]
	expr {$pc >= 0x0BF80000 && $pc < 0x0BFA0000}
}
[target current] set_reg {r0 0}
resume
for {set i 0} {$i < 20} {incr i} { read_memory 0x20000000 32 4 }
halt
h5_check_equal "left running, the firmware never ran (r0 is not its 0x42)" \
	{format 0x%x [lindex [[target current] get_reg r0] 1]} 0x0

set sfw [flash_pattern 90 0x3000]
set g [flash_tmp sfw.bin]
flash_write_bin $g $sfw
set r [flash_run "flash write_image erase $g 0x0C010000 bin"]
h5_check_equal "secure firmware is installed through the secure alias in Provisioning" \
	{lindex $r 0} 0
h5_check "... without the flash loader, saying why" {
	regexp {Provisioning: no code runs on the core, programming without the flash loader} \
		[lindex $r 1]
}
h5_check_equal "it reads back through the secure alias" {flash_compare 0x0C010000 $sfw} ""

file delete $f $g
h5_done
