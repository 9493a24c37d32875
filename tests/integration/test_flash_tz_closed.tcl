# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --tzen 1
#
# TZ-Closed: the secure side is closed, so the secure-alias bank refuses with a message that
# names the state; the non-secure bank still programs, without the loader (the RAM is secure).
# Set-up in Open: bank 2 non-secure (SECWM2 empty), then Open -> Provisioning -> TZ-Closed (no
# DA configuration: -confirm), and a reset.

source [find flash_helpers.tcl]
init
reset halt

h5_check "set-up: bank 1 secure, bank 2 non-secure, then Provisioning and TZ-Closed" {
	stm32h5x option_write 0 0xE4 0x007F0000
	stm32h5x option_write 0 0x1E4 0x0000007F
	stm32h5x product_state Provisioning
	stm32h5x product_state TZ-Closed -confirm
	expr {(([stm32h5x option_read 0 0x50] >> 8) & 0xff) == 0xc6}
}
catch {reset halt}
flash probe 0

h5_check_output "flash info names the TZ-Closed state" {flash info 0} {TZ-Closed}
set d [flash_pattern 40 32]
set f [flash_tmp tzc.bin]
flash_write_bin $f $d
h5_check_output "a secure-alias write is refused as closing the secure side" \
	{catch {flash write_bank 1 $f 0}} {closes the secure side}
h5_check_output "a secure-alias erase is refused too" \
	{catch {flash erase_sector 1 0 0}} {closes the secure side}
h5_check_output "a non-secure write goes without the loader" \
	{flash erase_sector 0 200 200; flash write_bank 0 $f 0x190000} {without the flash loader}
h5_check_equal "it reads back" {flash_compare 0x08190000 $d} ""
h5_check_output "an erase in secure bank 1 through the non-secure alias is refused by name" \
	{catch {flash erase_sector 0 4 4}} {sectors 4\.\.4 of bank 1 .*are secure}

file delete $f
h5_done
