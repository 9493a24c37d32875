# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --tzen 1 --secure-sram-kib 640
#
# TZ-Closed on a part whose SRAM is all secure (non-secure accesses read 0 and are ignored): the
# target config finds no SRAM for the loader, and the non-secure bank is programmed by the
# direct path, saying why; the data reads back.

source [find flash_helpers.tcl]
init
reset halt

h5_check "set-up: bank 2 non-secure, then Provisioning and TZ-Closed" {
	flash_enter_tz_closed
}
catch {reset halt}
flash probe 0

h5_check_equal "no work area: no SRAM takes non-secure writes" \
	{[target current] cget -work-area-size} 0
set d [flash_pattern 41 0x3000]
set f [flash_tmp tzc-noram.bin]
flash_write_bin $f $d
h5_check_output "the non-secure write goes by the direct path and says why" \
	{flash erase_sector 0 200 201; flash write_bank 0 $f 0x190000} \
	{TrustZone on in TZ-Closed and no SRAM that non-secure accesses can use: programming without the flash loader}
h5_check_equal "it reads back" {flash_compare 0x08190000 $d} ""

file delete $f
h5_done
