# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --tzen 1 --secure-sram-kib 256
# timeout: 150
#
# Party 2 on a TZ-Closed part (non-secure debug only, SRAM1 secure): GDB's "load" of a
# non-secure image into the non-secure bank 2 goes through the flash loader in non-secure SRAM,
# and "compare-sections" matches. GDB reports back through "monitor h5_report".

source [find flash_helpers.tcl]

set port [flash_gdb_port]
set elf [flash_tmp gdb-tzc.elf]
flash_write_elf $elf [list 0x08104000 [flash_pattern 62 0x3000]]

init
reset halt
h5_check "set-up: TZ-Closed, bank 2 non-secure" {flash_enter_tz_closed}
catch {reset halt}
flash_gdb_start $port $elf {load_and_compare(12288, 1)} {monitor h5_check {the load ran the loader in non-secure SRAM3} {expr {[[target current] cget -work-area-phys] == 0x20050000 && [[target current] cget -work-area-size] > 0}}}
# OpenOCD now serves GDB; GDB ends the session with "monitor h5_done"
