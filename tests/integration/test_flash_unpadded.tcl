# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
#
# The 16-byte programming unit: a write whose last flash word is partial must program that word
# once, padded with 0xFF (so its bytes read back right and the rest reads erased), and leave
# the controller ready for the next word; a write starting inside a flash word likewise.

source [find flash_helpers.tcl]
init
reset halt
flash probe 0
flash erase_sector 0 2 3

# 0x25 bytes at 0x08004000: two whole words and 5 bytes of a third
set d [flash_pattern 20 0x25]
set f [flash_tmp unpadded.bin]
flash_write_bin $f $d
h5_check "write_bank of 0x25 bytes succeeds" {flash write_bank 0 $f 0x4000; expr 1}
h5_check_equal "all 0x25 bytes read back" {flash_compare 0x08004000 $d} ""
h5_check "the 11 padding bytes of the last word read 0xFF" {flash_is_blank 0x08004025 11}

# the next flash word must still be programmable (nothing left in the write buffer)
set d2 [flash_pattern 21 16]
flash_write_bin $f $d2
h5_check "the following flash word programs" {flash write_bank 0 $f 0x4030; expr 1}
h5_check_equal "the following flash word reads back" {flash_compare 0x08004030 $d2} ""
h5_check_equal "the padded word is unchanged" {flash_compare 0x08004000 $d} ""

# an image that starts and ends inside one flash word (7 bytes at offset 5)
set d3 [flash_pattern 22 7]
set elf [flash_tmp unaligned.elf]
flash_write_elf $elf [list 0x08006105 $d3]
h5_check "flash write_image of 7 bytes at 0x08006105 succeeds" {flash write_image $elf; expr 1}
h5_check_equal "the 7 bytes read back" {flash_compare 0x08006105 $d3} ""
h5_check "the bytes before them in the word read 0xFF" {flash_is_blank 0x08006100 5}
h5_check "the bytes after them in the word read 0xFF" {flash_is_blank 0x0800610c 4}
h5_check "verify_image agrees" {verify_image $elf; expr 1}

# a 1-byte write in bank 2
set d4 [flash_pattern 23 1]
flash_write_bin $f $d4
flash erase_sector 0 130 130
h5_check "a 1-byte write in bank 2 succeeds" {flash write_bank 0 $f 0x104000; expr 1}
h5_check_equal "the byte reads back" {flash_compare 0x08104000 $d4} ""
h5_check "the other 15 bytes of its word read 0xFF" {flash_is_blank 0x08104001 15}

file delete $f $elf
h5_done
