# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
# expect-dump: ^product_state 0x72$
# expect-dump: ^tzen 1$
# expect-dump: ^secwm1r_cur 0x007f0000$
# expect-dump: ^secwm2r_cur 0x007f0000$
# expect-dump: ^sector 1\.0 programmed crc32=0xaf060a9a$
# expect-dump: ^obk_sector [01] words_written 6$
#
# stm32h5x::provision, 3rd-party model on an H563 that starts with TrustZone off: ST's sample
# root key turns TrustZone on (TZEN=0xB4), ST's TZ-on baseline and the all-secure watermarks
# (sectors 0..127 of each bank, given as -secure-area) are written, the image goes to the secure alias, a generated
# certificate DA configuration is provisioned and proven, final state Closed.
source [find provision_helpers.tcl]
set P $H5_SAMPLES/NUCLEO-H563ZI
make_image $H5_TMP/app.bin 4096
set stm32h5x::settings(crypto) 0	;# as the board file of this part does
init
reset halt
h5_check_match "starts with TrustZone off" {stm32h5x ob TZEN} {^0xC3$}
h5_check_error "a non-secure image address is refused inside the secure area" {stm32h5x::provision Closed -root-key $P/Keys/key_1_root_pub.pem -image $H5_TMP/app.bin 0x08000000 -secure-area bank1:0-127,bank2:0-127 -dry-run} {0x08000000 is at the non-secure alias but its sector is already in the secure area}
set rc [catch {capture {set result [stm32h5x::provision Closed -root-key $P/Keys/key_1_root_pub.pem -image $H5_TMP/app.bin 0x0C000000 -secure-area bank1:0-127,bank2:0-127 -confirm]}} out]
h5_check_equal "provision runs without error" {expr {$rc == 0 ? "ok" : $out}} ok
h5_check_equal "provision returns Closed" {set result} Closed
h5_check_match "the image was programmed and verified in the session" {set out} {program app.bin and verify.*verified 4096 bytes}
h5_check_match "the device reports Closed (until the next reset)" {stm32h5x product_state} {^Closed$}
h5_check_match "TrustZone is on" {stm32h5x ob TZEN} {^0xB4$}
h5_check_match "BOOT_UBE of ST's TZ-on baseline" {stm32h5x ob BOOT_UBE} {^0xB4$}
h5_check_match "SECBOOTADD of ST's TZ-on baseline" {stm32h5x ob SECBOOTADD} {^0xC0000$}
h5_check_equal "check_da_setup with the root key says yes" {stm32h5x::check_da_setup -root-key $P/Keys/key_1_root_pub.pem} 1
h5_check_equal "check_da_setup with a password says no (TrustZone on)" {stm32h5x::check_da_setup -password $P/Binary/password.bin} 0
h5_done
