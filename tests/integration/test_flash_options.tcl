# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
#
# Raw option access as ST's fork scripts use it: "stm32h5x option_read <bank> <offset>" returns
# the register value, "stm32h5x option_write <bank> <offset> <value> [mask]" read-modify-writes
# a *_PRG register, commits it and re-locks OPTCR; bad offsets are refused by name.

source [find flash_helpers.tcl]
init
reset halt

h5_check_equal "option_read 0 0x50: PRODUCT_STATE is Open (0xED)" \
	{expr {([stm32h5x option_read 0 0x50] >> 8) & 0xff}} 0xed
h5_check_equal "OPTCR is locked before" {expr {[stm32h5x option_read 0 0x1C] & 1}} 1
h5_check_equal "WRP1R_CUR starts all ones" {stm32h5x option_read 0 0xE8} 0xffffffff

h5_check "option_write 0 0xEC 0 0x2 (mask) succeeds" {stm32h5x option_write 0 0xEC 0 0x2; expr 1}
h5_check_equal "WRP1R_CUR now has only bit 1 cleared" {stm32h5x option_read 0 0xE8} 0xfffffffd
h5_check_equal "OPTCR is locked again" {expr {[stm32h5x option_read 0 0x1C] & 1}} 1
h5_check_equal "NSCR is locked again" {expr {[stm32h5x option_read 0 0x28] & 1}} 1
h5_check "option_write without mask writes the whole register" {
	stm32h5x option_write 0 0xEC 0xffffffff
	expr {[stm32h5x option_read 0 0xE8] == 0xffffffff}
}
h5_check_output "option_read of offset 0x201 is refused by name" \
	{catch {stm32h5x option_read 0 0x201}} {not a FLASH register offset}
h5_check_output "option_write of offset 0x3 is refused by name" \
	{catch {stm32h5x option_write 0 0x3 0}} {not a FLASH register offset}
h5_check_output "option_write refuses to change PRODUCT_STATE (product_state checks it)" \
	{catch {stm32h5x option_write 0 0x54 0x1700 0xFF00}} {would change PRODUCT_STATE.*nothing was written}
h5_check_match "the product state is still Open" {stm32h5x product_state} {^Open$}
h5_check_output "option_write refuses to lock an OTP block (otp_lock asks for confirm)" \
	{catch {stm32h5x option_write 0 0x94 0x1 0x1}} {lock OTP blocks for ever.*nothing was written}
h5_check_equal "no OTP block is locked" {expr {[stm32h5x option_read 0 0x90] & 0x1}} 0
h5_check "option_write of OPTSR_PRG bits other than PRODUCT_STATE still works" {
	stm32h5x option_write 0 0x54 [string trim [stm32h5x option_read 0 0x50]] 0x00FF0000
	expr 1
}
h5_check_output "option_write with a missing value is a syntax error" \
	{catch {stm32h5x option_write 0 0xEC} msg; set msg} {option_write}

h5_done
