# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
#
# The IDE flow "attach, halt, load" with firmware spinning in an empty loop: the core is halted
# where it spins, and the next image goes through the flash loader (no time-out, no fall-back
# to the direct path), then reads back and runs.

source [find flash_helpers.tcl]
init
reset halt

# vector table (SP, reset handler 0x08000009) and "1: nop; b 1b" at 0x08000008 (a compiler's
# "while (1) {}")
set spin ""
pack spin 0x20004000 -intle 32 0
pack spin 0x08000009 -intle 32 32
pack spin 0xE7FDBF00 -intle 32 64
pack spin 0xBF00BF00 -intle 32 96
set f [flash_tmp spin.bin]
flash_write_bin $f $spin
h5_check "set-up: the spinning firmware is programmed" {
	flash write_image erase $f 0x08000000 bin
	expr 1
}
reset run
for {set i 0} {$i < 50} {incr i} { read_memory 0x20000000 32 4 }
h5_check_equal "the firmware spins (running)" {[target current] curstate} running
halt
h5_check_match "halting it stops in the loop" \
	{format 0x%08x [lindex [[target current] get_reg pc] 1]} {^0x0800000[8a]$}

set d [flash_pattern 70 0x10000]
set g [flash_tmp load.bin]
flash_write_bin $g $d
set r [flash_run "flash write_image erase $g 0x08000000 bin"]
h5_check_equal "load with the core halted in the loop succeeds" {lindex $r 0} 0
if {[lindex $r 0]} { echo "load output: [lindex $r 1]" }
h5_check "... through the flash loader, without a time-out or the direct path" {
	expr {![regexp {loader failed|without the flash loader|timed out|PGSERR} [lindex $r 1]]}
}
h5_check_equal "the image reads back" {flash_compare 0x08000000 $d} ""

file delete $f $g
h5_done
