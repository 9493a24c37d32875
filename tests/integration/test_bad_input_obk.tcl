# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --pstate 0x17
# expect-dump: ^product_state 0x17$
# expect-dump: ^count_flash_ops_started 0$
# expect-dump: ^count_flash_option_changes 0$
# expect-dump: ^obk_sector 0 words_written 0$
# expect-dump: ^obk_sector 1 words_written 0$
# expect-dump: ^otp_halfwords_written 0$
# expect-dump: ^da.provisioning: OBK DA configuration integrity hash does not match
#
# Bad input (issue 8), .obk files given to "stm32h5x obk provision" on an H563 in Provisioning
# (the state where a good file would be written): empty, truncated, size field not matching,
# oversized, wrong or unaligned destination, bad encryption flag, bad embedded hash, a PEM, a
# .b64 or a password file given as .obk, a directory, a file that does not exist. All are
# derived from ST's DA_ConfigWithPassword.obk. Each is refused with a message naming the
# problem before anything reaches the device: no OBK word written, no flash operation.
source [find bad_input_helpers.tcl]
init
reset halt
set S $H5_SAMPLES/NUCLEO-H563ZI
# ST's password.bin holds "0123456789012345": no message may quote it, as text or as a word
set bi_secrets {0123456789012345 01234567 89012345 0x33323130 0x34333231 0x38373635 33323130}
# nor the raw 12-byte H503 password 00 01 .. 0b given as .obk (its words as a header)
lappend bi_secrets 0x03020100 0x07060504 0x0B0A0908 0x0b0a0908 117835012 50462976
set good [bi_read $S/Binary/DA_ConfigWithPassword.obk]
set hdr_dest [string range $good 0 3]
set data [string range $good 12 end]
proc obk {name bytes} { return [bi_write $::H5_TMP/$name.obk $bytes] }
proc obk_hdr {dest size enc} { return "[bi_le32 $dest][bi_le32 $size][bi_le32 $enc]" }
proc provision {file} { return [stm32h5x obk provision $file] }
h5_check_equal "ST's sample is 108 bytes (12-byte header, 96-byte DA configuration)" {string length $good} 108

# size and shape
bi_refused "an empty .obk" {provision [obk empty ""]} {empty.obk: the file is 0 bytes long: too short for the 12-byte .obk header}
bi_refused "a .obk of 5 bytes (header cut)" {provision [obk hdr5 [string range $good 0 4]]} {the file is 5 bytes long: too short for the 12-byte .obk header}
bi_refused "a .obk of the header only" {provision [obk hdronly [string range $good 0 11]]} {truncated: its header announces 96 data bytes but only 0 follow}
bi_refused "a .obk cut 4 bytes short of its size field" {provision [obk cut [string range $good 0 103]]} {truncated: its header announces 96 data bytes but only 92 follow}
bi_refused "a .obk with 16 bytes appended" {provision [obk long "$good[bi_bytes 16 1]"]} {112 bytes after the header, more than the 96 its header announces}
bi_refused "a .obk whose size field says 112 for 96 bytes" {provision [obk size112 "[obk_hdr 0x0FFD0100 112 0]$data"]} {announces 112 data bytes but only 96 follow}
bi_refused "a .obk whose size field says 80 for 96 bytes" {provision [obk size80 "[obk_hdr 0x0FFD0100 80 0]$data"]} {96 bytes after the header, more than the 80 its header announces}
bi_refused "a .obk whose size field is 0" {provision [obk size0 [obk_hdr 0x0FFD0100 0 0]]} {the header announces no data \(size 0\)}
bi_refused "a .obk whose size field is 0xFFFFFFFF" {provision [obk sizemax "[obk_hdr 0x0FFD0100 0xFFFFFFFF 0]$data"]} {announces 4294967295 data bytes but only 96 follow}
bi_refused "a .obk of 8 KiB + 16 bytes (larger than the OBK area)" {provision [obk huge "[obk_hdr 0x0FFD0100 0x2010 0][bi_bytes 0x2010 2]"]} {huge.obk' is too large}
bi_refused "a DA configuration .obk of 112 bytes" {provision [obk da112 "[obk_hdr 0x0FFD0100 112 0]$data[bi_bytes 16 3]"]} {Debug Authentication configuration \(destination 0x0FFD0100\) is 96 bytes; this file has 112}
bi_refused "a .obk whose data is not a multiple of 16 bytes" {provision [obk odd "[obk_hdr 0x0FFD0200 20 0][bi_bytes 20 4]"]} {data size 20 is not a multiple of 16 bytes}

# destination and flags
bi_refused "a .obk for SRAM (0x20000000)" {provision [obk sram "[obk_hdr 0x20000000 96 0]$data"]} {destination 0x20000000 is outside the OBK area}
bi_refused "a .obk for user flash (0x08000000)" {provision [obk flash "[obk_hdr 0x08000000 96 0]$data"]} {destination 0x08000000 is outside the OBK area}
bi_refused "a .obk with an unaligned destination" {provision [obk unaligned "[obk_hdr 0x0FFD0104 96 0]$data"]} {destination 0x0FFD0104 is not 16-byte aligned}
bi_refused "a .obk for ST's HDPL0 slot" {provision [obk hdpl0 "[obk_hdr 0x0FFD0000 96 0]$data"]} {destination 0x0FFD0000 is in the HDPL0 slot, which belongs to ST}
bi_refused "a .obk reaching past the end of the OBK area" {provision [obk pastend "[obk_hdr 0x0FFD1FF0 32 0][bi_bytes 32 5]"]} {destination 0x0FFD1FF0 is in the last 16 bytes of the OBK area, which belong to no slot}
bi_refused "a .obk for the HDPL3 non-secure slot at its secure address" {provision [obk nsalias "[obk_hdr 0x0FFD1800 32 0][bi_bytes 32 7]"]} {destination 0x0FFD1800: the HDPL3 non-secure slot is reached only at its non-secure address 0x0BFD1800}
bi_refused "a .obk of 4 KiB for the 512-byte HDPL2 slot" {provision [obk hdpl2big "[obk_hdr 0x0FFD0A00 0x1000 0][bi_bytes 0x1000 8]"]} {the 4096 data bytes at 0x0FFD0A00 run past the end of the HDPL2 slot}
bi_refused "a .obk with encryption flag 2" {provision [obk enc2 "[obk_hdr 0x0FFD0100 96 2]$data"]} {encryption flag \(header bytes 8..11\) is neither 0 nor 1}
bi_refused "a .obk with encryption flag 0xFFFFFFFF" {provision [obk encff "[obk_hdr 0x0FFD0100 96 0xFFFFFFFF]$data"]} {encryption flag \(header bytes 8..11\) is neither 0 nor 1}

# content
set flipped "[string range $good 0 11][format %c [expr {[unpack [string index $good 12] -uintle 0 8] ^ 1}]][string range $good 13 end]"
bi_refused "a DA .obk whose embedded SHA-256 has one bit flipped" {provision [obk badhash $flipped]} {embedded SHA-256 \(data bytes 0x00..0x1F\) does not match}
set perm_off [expr {12 + 0x40}]
set flipped2 "[string range $good 0 [expr {$perm_off - 1}]][format %c 0x78][string range $good [expr {$perm_off + 1}] end]"
bi_refused "a DA .obk whose permissions were changed after hashing" {provision [obk badperm $flipped2]} {embedded SHA-256 \(data bytes 0x00..0x1F\) does not match}
bi_refused "a DA .obk of 108 bytes of garbage" {provision [obk garbage [bi_bytes 108 6]]} {garbage.obk: .*this is not a .obk file}
bi_refused "a PEM key given as .obk" {provision $S/Keys/key_1_root_pub.pem} {key_1_root_pub.pem: .*this is not a .obk file}
bi_refused "a .b64 chain given as .obk" {provision $S/Certificates/cert_leaf_chain.b64} {cert_leaf_chain.b64: .*this is not a .obk file}
bi_refused "a password file given as .obk" {provision $S/Binary/password.bin} {password.bin: .*this is not a .obk file}
bi_refused "a directory given as .obk" {provision $H5_TMP} {stm32h5x: '.*/tmp' cannot be read}
bi_refused "a .obk that does not exist" {provision $H5_TMP/none.obk} {cannot open '.*none.obk'}
bi_refused "the raw H503 password file given as .obk" {provision $H5_SAMPLES/NUCLEO-H503RB/user_password.bin} {user_password.bin: .*this is not a .obk file}
bi_refused "/dev/null given as .obk" {provision /dev/null} {/dev/null: the file is 0 bytes long: too short for the 12-byte .obk header}
bi_refused "/dev/zero given as .obk (endless)" {provision /dev/zero} {/dev/zero' is too large}
bi_refused "an empty file name" {provision ""} {cannot open ''}

h5_check_match "the device is still in Provisioning" {stm32h5x product_state} {^Provisioning$}
bi_summary obk-files
h5_done
