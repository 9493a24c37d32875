# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H503
#
# Lifecycle commands on an H503 (issue 5): the DA password hash goes to OTP block 0, which is
# locked; a second provisioning is refused.
init
reset halt
h5_check_error "obk provision refused on the H503" {stm32h5x obk provision $H5_SAMPLES/NUCLEO-H563ZI/Binary/DA_Config.obk} {no OBKeys}
h5_check_error "TZEN absent on the H503" {stm32h5x ob TZEN=0xC3} {does not exist}
h5_check_error "da_password_provision needs -confirm" {stm32h5x da_password_provision $H5_SAMPLES/NUCLEO-H503RB/user_password.bin} {confirm}
h5_check_match "Open -> Provisioning" {stm32h5x product_state Provisioning} {^Provisioning$}
h5_check_error "Closed without password needs -confirm" {stm32h5x product_state Closed} {no DA password|confirm}
h5_check_match "da_password_provision" {stm32h5x da_password_provision $H5_SAMPLES/NUCLEO-H503RB/user_password.bin -confirm} {^locked$}
# bytes of ST's board_password.bin (xxd -p), i.e. SHA-256 of user_password.bin
set board {0xff 0xf3 0xa9 0xbc 0xdd 0x37 0x36 0x3d 0x70 0x3c 0x1c 0x4f 0x95 0x12 0x53 0x36 0x86 0x15 0x78 0x68 0xf0 0xd4 0xf1 0x6a 0x0f 0x02 0xd0 0xf1 0xda 0x24 0xf9 0xa2}
proc same_bytes {mem want} {
	if {[llength $mem] != [llength $want]} { return 0 }
	foreach a $mem b $want { if {$a != $b} { return 0 } }
	return 1
}
h5_check_match "OTP holds ST's board_password.bin" {same_bytes [read_memory 0x08FFF000 8 32] $board} {^1$}
h5_check_error "second provisioning refused" {stm32h5x da_password_provision $H5_SAMPLES/NUCLEO-H503RB/user_password.bin -confirm} {already locked}
h5_check_match "Closed (password provisioned this session)" {stm32h5x product_state Closed} {^Closed$}
h5_done
