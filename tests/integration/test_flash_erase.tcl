# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
#
# stm32h5x erase paths on an H563: sector erase in each bank leaves the neighbours alone, erase
# check sees programmed and erased sectors, a whole-bank range (BER) and "stm32h5x mass_erase"
# (MER) blank everything.

source [find flash_helpers.tcl]
init
reset halt
flash probe 0

set half 0x100000
set d [flash_pattern 10 0x4000]
set f [flash_tmp erase.bin]
flash_write_bin $f $d

# sectors 0-1 of bank 1 and sectors 0-1 of bank 2 (flat sectors 128-129)
flash erase_sector 0 0 1
flash erase_sector 0 128 129
flash write_bank 0 $f 0
flash write_bank 0 $f $half

h5_check "sector erase of bank 1 sector 1 succeeds" {flash erase_sector 0 1 1; expr 1}
h5_check "bank 1 sector 1 reads erased" {flash_is_blank 0x08002000 0x2000}
h5_check_equal "bank 1 sector 0 keeps its data" {flash_compare 0x08000000 [string range $d 0 0x1fff]} ""
h5_check_equal "bank 2 keeps its data" {flash_compare [expr {0x08000000 + $half}] $d} ""

h5_check "sector erase of bank 2 sector 0 (flat 128) succeeds" {flash erase_sector 0 128 128; expr 1}
h5_check "bank 2 sector 0 reads erased" {flash_is_blank [expr {0x08000000 + $half}] 0x2000}
h5_check_equal "bank 2 sector 1 keeps its data" \
	{flash_compare [expr {0x08002000 + $half}] [string range $d 0x2000 end]} ""
h5_check_equal "bank 1 sector 0 still keeps its data" {flash_compare 0x08000000 [string range $d 0 0x1fff]} ""

# one erase check of the whole 2 MiB (it is slow when it has to read everything)
set erase_check_out [h5_output {flash erase_check 0}]
h5_check "erase check lists programmed sectors as not erased" {
	expr {[regexp {#\s*0: 0x00000000 \(0x2000 8kB\) not erased} $erase_check_out] &&
		[regexp {#\s*129: 0x00102000 \(0x2000 8kB\) not erased} $erase_check_out]}
}
h5_check "erase check does not list the erased sectors (bank 1 sector 1, bank 2 sector 0)" {
	expr {![regexp {#\s*1: } $erase_check_out] && ![regexp {#\s*128: } $erase_check_out]}
}

h5_check "a whole-bank range (bank 1) erases" {flash erase_sector 0 0 127; expr 1}
h5_check "bank 1 sector 0 reads erased after the bank erase" {flash_is_blank 0x08000000 0x2000}
h5_check_equal "bank 2 sector 1 survives the bank 1 erase" \
	{flash_compare [expr {0x08002000 + $half}] [string range $d 0x2000 end]} ""

h5_check_output "stm32h5x mass_erase completes" {stm32h5x mass_erase 0} {mass erase complete}
h5_check "bank 2 sector 1 reads erased after the mass erase" {flash_is_blank [expr {0x08002000 + $half}] 0x2000}

h5_check_output "OTP erase is refused" {catch {flash erase_sector 2 0 0}} {OTP cannot be erased}
h5_check_output "mass_erase of a non-user bank is refused" {catch {stm32h5x mass_erase 2}} \
	{mass erase works on a user-flash bank}

file delete $f
h5_done
