# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --tzen 1
#
# TrustZone on, Open: the driver programs secure and non-secure areas through the secure
# register set and the secure alias, makes every sector secure during the operation (SECBB) and
# restores the previous SECBB values afterwards. Bank 1 is made secure by its watermark
# (SECWM1 = sectors 0..127), bank 2 stays non-secure (SECWM2 empty).

source [find flash_helpers.tcl]
init
reset halt

h5_check "SECWM1R_PRG = whole bank 1 secure, SECWM2R_PRG = none" {
	stm32h5x option_write 0 0xE4 0x007F0000
	stm32h5x option_write 0 0x1E4 0x0000007F
	expr {[stm32h5x option_read 0 0xE0] == 0x007F0000}
}
flash probe 1
h5_check_output "flash info says TrustZone on and the secure register set" {flash info 1} \
	{TrustZone on.*secure register set}

set secbb_before [read_memory 0x500220A0 32 4]
set secbb2_before [read_memory 0x500221A0 32 4]

set ds [flash_pattern 50 0x2345]
set dn [flash_pattern 51 0x1001]
set elf_s [flash_tmp tz-s.elf]
set elf_n [flash_tmp tz-ns.elf]
flash_write_elf $elf_s [list 0x0C004000 $ds]
flash_write_elf $elf_n [list 0x08104000 $dn]

h5_check "program of a secure image (secure alias, bank 1)" {program $elf_s verify; expr 1}
h5_check_equal "it reads back through the secure alias" {flash_compare 0x0C004000 $ds} ""
h5_check "the padding of its last flash word reads 0xFF" {
	flash_is_blank [expr {0x0C004000 + 0x2345}] [expr {16 - 0x2345 % 16}]
}
h5_check "program of a non-secure image (non-secure alias, bank 2)" {program $elf_n verify; expr 1}
h5_check_equal "it reads back through the non-secure alias" {flash_compare 0x08104000 $dn} ""
h5_check_equal "the secure image is still there" {flash_compare 0x0C004000 $ds} ""

h5_check_equal "SECBB1R1..4 are restored" {read_memory 0x500220A0 32 4} $secbb_before
h5_check_equal "SECBB2R1..4 are restored" {read_memory 0x500221A0 32 4} $secbb2_before
h5_check_equal "SECCR is locked at the end" {expr {[read_memory 0x5002202C 32 1] & 1}} 1
h5_check_equal "NSCR is locked at the end" {expr {[read_memory 0x40022028 32 1] & 1}} 1
h5_check "sector erase through the secure alias" {
	flash erase_sector 1 2 2
	flash_is_blank 0x0C004000 0x2000
}
h5_check_equal "SECBB1R1..4 are restored after the erase" {read_memory 0x500220A0 32 4} $secbb_before

file delete $elf_s $elf_n
h5_done
