# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
# timeout: 150
#
# GDB as users drive it: gdb-multiarch, "target extended-remote", "load" of an ELF with a
# segment in each bank (the last one of an unaligned length), then "compare-sections". GDB
# reports its results back through "monitor h5_report" and ends the session with h5_done.

source [find flash_helpers.tcl]

set port [flash_gdb_port]
set elf [flash_tmp gdb.elf]
flash_write_elf $elf [list 0x08000000 [flash_pattern 60 0x3000] 0x08100000 [flash_pattern 61 0x1357]]

init
reset halt
flash_gdb_start $port $elf {load_and_compare(17239, 2)} {monitor h5_check {the padding after the bank 2 segment reads 0xFF} {flash_is_blank 0x08101357 9}}
# OpenOCD now serves GDB; GDB ends the session with "monitor h5_done"
