# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H503
# expect-dump: ^product_state 0x2e$
# expect-dump: ^otp_lock 0x00000001$
# expect-dump: ^sector 1\.0 erased
#
# stm32h5x::provision on the H503, 1st-party model: no image, ST's TLV password file
# (da_password.bin), final state iROT-Provisioned. Then a second provision is refused.
init
reset halt
set P $H5_SAMPLES/NUCLEO-H503RB
set rc [catch {capture {set result [stm32h5x::provision iROT-Provisioned -password $P/da_password.bin -confirm]}} out]
h5_check_equal "provision runs without error" {expr {$rc == 0 ? "ok" : $out}} ok
h5_check_equal "provision returns iROT-Provisioned" {set result} iROT-Provisioned
h5_check_match "the device reports iROT-Provisioned" {stm32h5x product_state} {^iROT-Provisioned$}
h5_check_match "OTP block 0 is locked" {stm32h5x ob LOCKBL} {^0x1$}
h5_check_equal "check_da_setup with the raw form of the password says yes" {stm32h5x::check_da_setup -password $P/user_password.bin} 1
h5_check_error "provision to Closed from iROT-Provisioned is refused" {stm32h5x::provision Closed -password $P/da_password.bin -confirm} {iROT-Provisioned.*regress}
h5_done
