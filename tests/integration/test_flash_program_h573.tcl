# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H573
#
# stm32h5x driver on the H573: probe (part, revision, size, geometry), then "program" of an ELF
# with a section in each bank, verified and read back through the core.

source [find flash_helpers.tcl]
init
reset halt

flash_check_probe "STM32H56x/H57x" 2048
h5_check_output "flash info names revision X" {flash info 0} "rev X"
flash_check_program_both_banks 2048
h5_done
