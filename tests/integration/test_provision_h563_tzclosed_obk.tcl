# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --tzen 1
# expect-dump: ^product_state 0xc6$
# expect-dump: ^tzen 1$
# expect-dump: ^sector 1\.0 programmed crc32=0xaf060a9a$
# expect-dump: ^obk_sector [01] words_written 6$
#
# stm32h5x::provision, 2nd-party model on an H563 with TrustZone on: ST's own DA_Config.obk
# (checked against ST's root key before anything is written), final state TZ-Closed.
source [find provision_helpers.tcl]
set P $H5_SAMPLES/NUCLEO-H563ZI
make_image $H5_TMP/app.bin 4096
set stm32h5x::settings(crypto) 0	;# as the board file of this part does
init
reset halt
h5_check_error "ST's password .obk with the root key is refused (hash mismatch)" {stm32h5x::provision TZ-Closed -root-key $P/Keys/key_1_root_pub.pem -obk $P/Binary/DA_ConfigWithPassword.obk -confirm} {does not carry the hash}
set rc [catch {capture {set result [stm32h5x::provision TZ-Closed -root-key $P/Keys/key_1_root_pub.pem -obk $P/Binary/DA_Config.obk -image $H5_TMP/app.bin 0x0C000000 -confirm]}} out]
h5_check_equal "provision runs without error" {expr {$rc == 0 ? "ok" : $out}} ok
h5_check_equal "provision with ST's DA_Config.obk returns TZ-Closed" {set result} TZ-Closed
h5_check_match "the image was programmed and verified in the session" {set out} {program app.bin and verify.*verified 4096 bytes}
h5_check_match "the device reports TZ-Closed" {stm32h5x product_state} {^TZ-Closed$}
h5_check_equal "check_da_setup with the private root key says yes too" {stm32h5x::check_da_setup -root-key $P/Keys/key_1_root.pem} 1
h5_check_equal "check_da_setup with the intermediate key says no" {stm32h5x::check_da_setup -root-key $P/Keys/key_2_intermediate_pub.pem} 0
h5_done
