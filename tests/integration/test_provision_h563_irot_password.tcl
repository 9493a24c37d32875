# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
# expect-dump: ^product_state 0x2e$
# expect-dump: ^tzen 0$
# expect-dump: ^sector 1\.0 programmed crc32=0xaf060a9a$
# expect-dump: ^obk_sector [01] words_written 6$
#
# stm32h5x::provision, 1st-party model on an H563 (TrustZone off, password DA): a generated DA
# configuration, one .bin image, final state iROT-Provisioned. The image's sector CRC in the
# dump is zlib.crc32 of the 4096 image bytes followed by 4096 bytes 0xFF (computed outside).
source [find provision_helpers.tcl]
set P $H5_SAMPLES/NUCLEO-H563ZI
make_image $H5_TMP/app.bin 4096
set stm32h5x::settings(crypto) 0	;# as the board file of this part does
init
reset halt
h5_check_output "a dry run lists the steps and writes nothing" {stm32h5x::provision iROT-Provisioned -password $P/Binary/password.bin -image $H5_TMP/app.bin 0x08000000 -dry-run} {7/7 product state iROT-Provisioned.*nothing was written}
h5_check_match "the dry run left the device Open" {stm32h5x product_state} {^Open$}
h5_check_match "provision returns the final state" {stm32h5x::provision iROT-Provisioned -password $P/Binary/password.bin -image $H5_TMP/app.bin 0x08000000 -confirm} {^iROT-Provisioned$}
h5_check_match "the device reports iROT-Provisioned" {stm32h5x product_state} {^iROT-Provisioned$}
h5_check_match "TrustZone stays off for a password" {stm32h5x ob TZEN} {^0xC3$}
h5_check "the image is in flash" {same_bytes [read_memory 0x08000000 8 4096] [image_bytes 4096]}
h5_check "the word after the image is erased" {expr {[read_memory 0x08001000 32 1] == 0xffffffff}}
h5_check_equal "check_da_setup with the password says yes" {stm32h5x::check_da_setup -password $P/Binary/password.bin} 1
h5_check_equal "check_da_setup with the root key says no (TrustZone off)" {stm32h5x::check_da_setup -root-key $P/Keys/key_1_root_pub.pem} 0
h5_check_equal "check_da_setup with another password says no" {stm32h5x::check_da_setup -password $H5_SAMPLES/NUCLEO-H503RB/user_password.bin} 0
h5_check_match "re-running the same command finds it done" {stm32h5x::provision iROT-Provisioned -password $P/Binary/password.bin -image $H5_TMP/app.bin 0x08000000 -confirm} {^iROT-Provisioned$}
h5_check_error "provisioning again to another state is refused (regress first)" {stm32h5x::provision Closed -password $P/Binary/password.bin -confirm} {iROT-Provisioned.*regress}
h5_done
