# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H503
# expect-dump: ^product_state 0x72$
# expect-dump: ^otp_lock 0x00000001$
# expect-dump: ^otp_halfwords_written 16$
# expect-dump: ^sector 1\.0 programmed crc32=0xaf060a9a$
# expect-dump: ^nsbootr_cur 0x080000c3$
#
# stm32h5x::provision on the H503 (no TrustZone, no OBKeys), 3rd-party model: ST's H503
# baseline, one image, the password hash of ST's user_password.bin in OTP block 0 (locked for
# ever), final state Closed. The OTP must then hold ST's board_password.bin.
source [find provision_helpers.tcl]
set P $H5_SAMPLES/NUCLEO-H503RB
make_image $H5_TMP/app.bin 4096
# bytes of ST's board_password.bin (xxd -p): SHA-256 of user_password.bin
set board {0xff 0xf3 0xa9 0xbc 0xdd 0x37 0x36 0x3d 0x70 0x3c 0x1c 0x4f 0x95 0x12 0x53 0x36 0x86 0x15 0x78 0x68 0xf0 0xd4 0xf1 0x6a 0x0f 0x02 0xd0 0xf1 0xda 0x24 0xf9 0xa2}
init
reset halt
h5_check_error "a root key is refused on the H503" {stm32h5x::provision Closed -root-key $H5_SAMPLES/NUCLEO-H563ZI/Keys/key_1_root_pub.pem -confirm} {no TrustZone.*-password}
h5_check_error "an .obk is refused on the H503" {stm32h5x::provision Closed -password $P/user_password.bin -obk $H5_SAMPLES/NUCLEO-H563ZI/Binary/DA_ConfigWithPassword.obk -confirm} {no OBKeys}
h5_check_error "TZ-Closed is refused (password)" {stm32h5x::provision TZ-Closed -password $P/user_password.bin -confirm} {TrustZone}
h5_check_equal "check_da_setup before provisioning says no" {stm32h5x::check_da_setup -password $P/user_password.bin} 0
h5_check_match "the refusals left OTP block 0 unlocked" {stm32h5x ob LOCKBL} {^0x0$}
set rc [catch {capture {set result [stm32h5x::provision Closed -password $P/user_password.bin -image $H5_TMP/app.bin 0x08000000 -confirm]}} out]
h5_check_equal "provision runs without error" {expr {$rc == 0 ? "ok" : $out}} ok
h5_check_equal "provision returns Closed" {set result} Closed
h5_check_match "the steps ran in ST's order" {set out} {1/7\] baseline.*2/7\] mass erase.*3/7\] program app.bin.*verified 4096 bytes.*4/7\] product state Provisioning.*5/7\] password hash to OTP.*6/7\] prove.*7/7\] product state Closed}
h5_check "OTP block 0 holds ST's board_password.bin" {same_bytes [read_memory 0x08FFF000 8 32] $board}
h5_check "the image is in flash" {same_bytes [read_memory 0x08000000 8 4096] [image_bytes 4096]}
h5_check_equal "check_da_setup with the password says yes" {stm32h5x::check_da_setup -password $P/user_password.bin} 1
h5_check_equal "check_da_setup with the ST TLV form of the same password says yes" {stm32h5x::check_da_setup -password $P/da_password.bin} 1
h5_check_equal "check_da_setup with another password says no" {stm32h5x::check_da_setup -password $H5_SAMPLES/NUCLEO-H563ZI/Binary/password.bin} 0
h5_done
