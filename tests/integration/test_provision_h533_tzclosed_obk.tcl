# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H533
# expect-dump: ^product_state 0xc6$
# expect-dump: ^tzen 1$
# expect-dump: ^secwm1r_cur 0x00000000$
# expect-dump: ^secwm2r_cur 0x00000001$
# expect-dump: ^sector 1\.0 programmed crc32=0xaf060a9a$
# expect-dump: ^obk_sector [01] words_written 6$
# expect-log: rss provisioning.*encrypted
#
# stm32h5x::provision, 2nd-party model on an H533 (starts TrustZone off): ST's NUCLEO-H533RE
# DA_Config.obk (encryption flag 1, for the device to encrypt it), TrustZone turned on with
# ST's baseline, the default split (the secure image's one sector secure, every other sector
# non-secure for the second party), final state TZ-Closed.
source [find provision_helpers.tcl]
set P $H5_SAMPLES/NUCLEO-H533RE
make_image $H5_TMP/app.bin 4096
set stm32h5x::settings(crypto) 1	;# as the board file of this part does
init
reset halt
set rc [catch {capture {set result [stm32h5x::provision TZ-Closed -root-key $P/Keys/key_1_root_pub.pem -obk $P/Binary/DA_Config.obk -image $H5_TMP/app.bin 0x0C000000 -confirm]}} out]
h5_check_equal "provision runs without error" {expr {$rc == 0 ? "ok" : $out}} ok
h5_check_equal "provision returns TZ-Closed" {set result} TZ-Closed
h5_check_match "the plan names the default split" {set out} {mass erase, secure area bank1 sectors 0-0, bank2 none}
h5_check_match "the image was programmed and verified in the session" {set out} {program app.bin and verify.*verified 4096 bytes}
h5_check_match "the device reports TZ-Closed" {stm32h5x product_state} {^TZ-Closed$}
h5_check_match "TrustZone is on" {stm32h5x ob TZEN} {^0xB4$}
h5_check_equal "check_da_setup with ST's root key says yes" {stm32h5x::check_da_setup -root-key $P/Keys/key_1_root_pub.pem} 1
h5_done
