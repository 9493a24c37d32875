# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
#
# Bank swap (OPTSR.SWAP_BANK, in effect after a reset): the driver keeps sector numbers tied to
# addresses, so erasing sector 0 of the bank at 0x08000000 erases what is mapped there (the
# physical bank 2), not physical bank 1 (BKSEL selects physical banks, h5-flash-ob.md §2.2).

source [find flash_helpers.tcl]
init
reset halt
flash probe 0

set a [flash_pattern 70 32]
set b [flash_pattern 71 32]
set f [flash_tmp swap.bin]
flash erase_sector 0 0 0
flash erase_sector 0 128 128
flash_write_bin $f $a
flash write_bank 0 $f 0
flash_write_bin $f $b
flash write_bank 0 $f 0x100000

h5_check "SWAP_BANK set in OPTSR_PRG, then a reset" {
	stm32h5x option_write 0 0x54 0x80000000 0x80000000
	reset halt
	expr {([stm32h5x option_read 0 0x1C] >> 31) == 1}
}
h5_check_output "flash info says the banks are swapped" {flash info 0} {banks swapped}
h5_check_equal "0x08000000 now shows the data written to physical bank 2" {flash_compare 0x08000000 $b} ""
h5_check_equal "0x08100000 now shows the data written to physical bank 1" {flash_compare 0x08100000 $a} ""
h5_check "erase of sector 0 (0x08000000) succeeds" {flash erase_sector 0 0 0; expr 1}
h5_check "0x08000000 reads erased" {flash_is_blank 0x08000000 32}
h5_check_equal "0x08100000 (physical bank 1) is untouched" {flash_compare 0x08100000 $a} ""
h5_check "a write at 0x08000040 lands at 0x08000040" {
	flash write_bank 0 $f 0x40
	expr {[flash_compare 0x08000040 $b] eq ""}
}
h5_check "SWAP_BANK cleared again, then a reset" {
	stm32h5x option_write 0 0x54 0 0x80000000
	reset halt
	expr {([stm32h5x option_read 0 0x1C] >> 31) == 0}
}
h5_check_equal "unswapped, 0x08100040 shows that write (physical bank 2)" {flash_compare 0x08100040 $b} ""

file delete $f
h5_done
