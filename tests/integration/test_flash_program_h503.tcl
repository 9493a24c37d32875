# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H503
#
# stm32h5x driver on the H503: probe (part, revision, size, geometry), then "program" of an ELF
# with a section in each bank, verified and read back through the core.

source [find flash_helpers.tcl]
init
reset halt

flash_check_probe "STM32H503" 128
h5_check_output "flash info names revision Y" {flash info 0} "rev Y"
flash_check_program_both_banks 128

# the H503 has no TrustZone: its secure-alias bank refuses, and says why
set f [flash_tmp h503-s.bin]
flash_write_bin $f [flash_pattern 3 32]
h5_check_output "a write to the secure alias of an H503 is refused as 'no TrustZone'" {
	catch {flash write_bank 1 $f 0}
} {has no TrustZone}
# WRP groups are single sectors on the H503
h5_check_output "H503 WRP groups are single sectors" {flash info 0} {WRP groups of 1 sector($|[^s])}
h5_check_output "an EDATA write on the H503 is refused as 'no EDATA area'" \
	{catch {flash fillh 0x09000000 0x1234 1}} {has no EDATA area}
file delete $f
h5_done
