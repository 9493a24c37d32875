# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H503
# expect-dump: ^product_state 0xed$
# expect-dump: ^otp_lock 0x00000001$
# expect-dump: ^otp_halfwords_written 16$
#
# stm32h5x::provision on an H503 whose OTP block 0 is already locked with another password's
# hash (issue 13, item 5): the dry run refuses, and so does the real run, before anything is
# written (no erase, no image, the device stays Open). The same password still passes.
source [find provision_helpers.tcl]
set P $H5_SAMPLES/NUCLEO-H503RB
set other $H5_SAMPLES/NUCLEO-H563ZI/Binary/password.bin
make_image $H5_TMP/app.bin 4096
init
reset halt
h5_check_equal "set-up: another password's hash locked in OTP block 0" \
	{string trim [stm32h5x da_password_provision $other -confirm]} locked
h5_check "set-up: a marker word in flash that an erase would remove" {
	flash fillw 0x08000000 0x12345678 1
	expr {[read_memory 0x08000000 32 1] == 0x12345678}
}
h5_check_error "the dry run refuses: the OTP hash is another password's" \
	{stm32h5x::provision Closed -password $P/da_password.bin -image $H5_TMP/app.bin 0x08000000 -dry-run} \
	{OTP block 0 is already locked with another password's hash}
h5_check_error "the real run refuses the same way" \
	{stm32h5x::provision Closed -password $P/da_password.bin -image $H5_TMP/app.bin 0x08000000 -confirm} \
	{OTP block 0 is already locked with another password's hash}
h5_check_equal "nothing was erased" {read_memory 0x08000000 32 1} 0x12345678
h5_check_match "the device is still Open" {stm32h5x product_state} {^Open$}
h5_check_match "the dry run with the password OTP holds passes" \
	{h5_output {stm32h5x::provision Closed -password $other -image $H5_TMP/app.bin 0x08000000 -dry-run}} \
	{every check passed}
h5_done
