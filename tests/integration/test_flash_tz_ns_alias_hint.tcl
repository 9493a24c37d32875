# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --tzen 1
#
# TrustZone on, Open, bank 1 secure by watermark: "program app.elf verify reset" of an image
# linked at 0x08000000 is refused before anything is erased or written, with the hint that the
# non-secure alias is secure there (use the 0x0C alias or change SECWM), instead of writing and
# failing at verify. The hint's own command then programs it; a non-secure image in the
# non-secure bank 2 programs as before.

source [find flash_helpers.tcl]
init
reset halt

h5_check "set-up: SECWM1 = bank 1 secure, SECWM2 = none" {
	stm32h5x option_write 0 0xE4 0x007F0000
	stm32h5x option_write 0 0x1E4 0x0000007F
	expr {[stm32h5x option_read 0 0xE0] == 0x007F0000}
}
set old [flash_pattern 80 0x20]
set f_old [flash_tmp old.bin]
flash_write_bin $f_old $old
h5_check "set-up: a secure word at 0x0C000000" {flash write_image erase $f_old 0x0C000000 bin; expr 1}

set app [flash_pattern 81 0x1800]
set elf [flash_tmp app.elf]
flash_write_elf $elf [list 0x08000000 $app]
h5_check_output "program of an image at 0x08000000 into secure sectors is refused with the hint" \
	{catch {program $elf verify reset}} \
	{sectors 0\.\.0 of bank 1 .*are secure \(SECWM1 covers 0\.\.127\).*non-secure alias 0x08000000 cannot reach them.*secure alias 0x0c000000.*flash write_image erase FILE 0x04000000.*SECWM1_STRT}
catch {reset halt}
h5_check_equal "nothing was erased or written: the secure word is still there" \
	{flash_compare 0x0C000000 $old} ""
h5_check_output "a sector erase through the non-secure alias is refused the same way" \
	{catch {flash erase_sector 0 3 3}} {sectors 3\.\.3 of bank 1 .*are secure}
h5_check "the hint's command programs the image at the secure alias" {
	flash write_image erase $elf 0x04000000
	expr 1
}
h5_check_equal "it reads back at 0x0C000000" {flash_compare 0x0C000000 $app} ""

set ns [flash_pattern 82 0x1000]
set elf_ns [flash_tmp ns.elf]
flash_write_elf $elf_ns [list 0x08100000 $ns]
h5_check "a non-secure image in the non-secure bank 2 programs and verifies" {
	program $elf_ns verify
	expr 1
}
h5_check_equal "it reads back at 0x08100000" {flash_compare 0x08100000 $ns} ""

file delete $f_old $elf $elf_ns
h5_done
