# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
#
# stm32h5x driver on the H563: probe (part, revision, size, geometry), then "program" of an ELF
# with a section in each bank, verified and read back through the core.

source [find flash_helpers.tcl]
init
reset halt

flash_check_probe "STM32H56x/H57x" 2048
h5_check_output "flash info names revision X" {flash info 0} "rev X"
flash_check_program_both_banks 2048

# TrustZone is off: the secure-alias bank refuses, and says why
set f [flash_tmp h563-s.bin]
flash_write_bin $f [flash_pattern 4 32]
h5_check_output "a secure-alias write with TrustZone off is refused, naming TZEN" \
	{catch {flash write_bank 1 $f 0}} {TrustZone is disabled \(OPTSR2.TZEN = 0xc3\)}
file delete $f
h5_done
