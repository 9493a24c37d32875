# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H533 --tzen 1
# expect-dump: ^product_state 0x2e$
# expect-dump: ^tzen 0$
# expect-dump: ^sector 1\.0 programmed crc32=0xaf060a9a$
# expect-dump: ^obk_sector [01] words_written 6$
#
# stm32h5x::provision, 1st-party model on an H533 that starts with TrustZone ON: the password
# credential turns it off (TZEN=0xC3, as AN6008 requires for password DA), ST's
# DA_ConfigWithPassword.obk is provisioned, final state iROT-Provisioned.
source [find provision_helpers.tcl]
set P $H5_SAMPLES/NUCLEO-H533RE
make_image $H5_TMP/app.bin 4096
set stm32h5x::settings(crypto) 1	;# as the board file of this part does
init
reset halt
h5_check_match "starts with TrustZone on" {stm32h5x ob TZEN} {^0xB4$}
set rc [catch {capture {set result [stm32h5x::provision iROT-Provisioned -password $P/Binary/password.bin -obk $P/Binary/DA_ConfigWithPassword.obk -image $H5_TMP/app.bin 0x08000000 -confirm]}} out]
h5_check_equal "provision runs without error" {expr {$rc == 0 ? "ok" : $out}} ok
h5_check_equal "provision returns iROT-Provisioned" {set result} iROT-Provisioned
h5_check_match "the image was programmed and verified in the session" {set out} {program app.bin and verify.*verified 4096 bytes}
h5_check_match "TrustZone is off" {stm32h5x ob TZEN} {^0xC3$}
h5_check "the image is in flash" {same_bytes [read_memory 0x08000000 8 4096] [image_bytes 4096]}
h5_check_equal "check_da_setup with ST's password says yes" {stm32h5x::check_da_setup -password $P/Binary/password.bin} 1
h5_done
