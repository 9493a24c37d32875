# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
#
# WRP through "flash protect" on an H563 (groups of 4 sectors, WRPSG bit 0 = protected): flash
# info shows it, a write into a protected group fails with WRPERR named, the neighbour group
# and the other bank stay writable, and bank-2 groups go to WRP2R (not WRP1R).

source [find flash_helpers.tcl]
init
reset halt
flash probe 0
flash erase_sector 0 0 7

set d [flash_pattern 30 32]
set f [flash_tmp protect.bin]
flash_write_bin $f $d

h5_check "flash protect of group 0 succeeds" {flash protect 0 0 0 on; expr 1}
h5_check_output "flash info shows group 0 (32 KiB) protected" {flash info 0} \
	{#\s*0: 0x00000000 \(0x8000 32kB\) protected}
h5_check_output "flash info shows group 1 not protected" {flash info 0} \
	{#\s*1: 0x00008000 \(0x8000 32kB\) not protected}
h5_check_equal "WRP1R_CUR has bit 0 cleared" {expr {[stm32h5x option_read 0 0xE8] & 1}} 0
h5_check_output "a write into the protected group fails with WRPERR named" {
	catch {flash write_bank 0 $f 0x100}
} {WRPERR}
h5_check "the protected group is unchanged" {flash_is_blank 0x08000100 32}
h5_check "a write into group 1 succeeds" {flash write_bank 0 $f 0x8000; expr 1}
h5_check_equal "group 1 reads back" {flash_compare 0x08008000 $d} ""
h5_check_equal "NSCR is locked after the failed write" {expr {[stm32h5x option_read 0 0x28] & 1}} 1

h5_check "flash protect of group 0 off succeeds" {flash protect 0 0 0 off; expr 1}
h5_check_output "flash info shows group 0 not protected" {flash info 0} \
	{#\s*0: 0x00000000 \(0x8000 32kB\) not protected}
h5_check "a write into group 0 now succeeds" {flash write_bank 0 $f 0x100; expr 1}
h5_check_equal "group 0 reads back" {flash_compare 0x08000100 $d} ""

# bank 2 group 0 is protection block 32
h5_check "flash protect of block 32 (bank 2 group 0) succeeds" {flash protect 0 32 32 on; expr 1}
h5_check_equal "WRP2R_CUR has bit 0 cleared" {expr {[stm32h5x option_read 0 0x1E8] & 1}} 0
h5_check_equal "WRP1R_CUR is untouched by it" {expr {[stm32h5x option_read 0 0xE8] & 1}} 1
h5_check "bank 2 protection off again" {flash protect 0 32 32 off; expr 1}
h5_check_equal "WRP2R_CUR has bit 0 set again" {expr {[stm32h5x option_read 0 0x1E8] & 1}} 1

file delete $f
h5_done
