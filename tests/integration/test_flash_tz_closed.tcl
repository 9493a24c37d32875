# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --tzen 1 --secure-sram-kib 256
#
# TZ-Closed: the secure side is closed, so the secure-alias bank refuses with a message that
# names the state; the non-secure bank (party 2) still programs, through the flash loader in
# the SRAM that non-secure accesses can use (SRAM1 is secure here, as ST's TrustZone examples
# leave it; the loader goes to SRAM3) and the non-secure flash registers.
# Set-up in Open: bank 2 non-secure (SECWM2 empty), then Open -> Provisioning -> TZ-Closed (no
# DA configuration: -confirm), and a reset.

source [find flash_helpers.tcl]
init
reset halt

h5_check "set-up: bank 1 secure, bank 2 non-secure, then Provisioning and TZ-Closed" {
	flash_enter_tz_closed
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
set r [flash_run "flash erase_sector 0 200 200; flash write_bank 0 $f 0x190000"]
h5_check_equal "a non-secure write succeeds" {lindex $r 0} 0
h5_check "... through the flash loader (not the direct path)" {
	expr {![regexp {without the flash loader|loader failed} [lindex $r 1]]}
}
h5_check_output "the work area is in non-secure SRAM3, outside the secure SRAM1" \
	{stm32h5x_select_work_area; [target current] cget -work-area-phys} {0x20050000|537198592}
h5_check_equal "it reads back" {flash_compare 0x08190000 $d} ""
h5_check_equal "choosing the work area on a halt leaves the non-secure application's RAM as it was" {
	write_memory 0x20050000 32 {0x11111111 0x22222222}
	write_memory 0x20057ff8 32 {0x33333333 0x44444444}
	stm32h5x_select_work_area
	concat [read_memory 0x20050000 32 2] [read_memory 0x20057ff8 32 2]
} {0x11111111 0x22222222 0x33333333 0x44444444}
h5_check_output "an erase in secure bank 1 through the non-secure alias is refused by name" \
	{catch {flash erase_sector 0 4 4}} {sectors 4\.\.4 of bank 1 .*are secure}

file delete $f
h5_done
