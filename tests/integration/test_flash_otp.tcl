# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
#
# OTP bank (0x08FFF000, 32 blocks of 64 bytes): half-word programming, no erase, and the
# irreversible "stm32h5x otp_lock" that refuses without "-confirm", then locks exactly the
# block asked for; a locked block refuses programming with WRPERR named.

source [find flash_helpers.tcl]
init
reset halt
flash probe 2

h5_check "flash fillh of 4 half-words in OTP block 0 succeeds" {flash fillh 0x08FFF000 0x1234 4; expr 1}
h5_check_equal "they read back" {read_memory 0x08FFF000 16 4} {0x1234 0x1234 0x1234 0x1234}
h5_check "a single half-word at 0x08FFF042 (block 1) programs" {flash fillh 0x08FFF042 0xbeef 1; expr 1}
h5_check_equal "it reads back" {read_memory 0x08FFF042 16 1} 0xbeef

h5_check_output "OTP erase is refused" {catch {flash erase_sector 2 0 0}} {OTP cannot be erased}
h5_check_output "flash protect on OTP is refused and points to otp_lock" \
	{catch {flash protect 2 0 0 on}} {stm32h5x otp_lock}

h5_check_error "otp_lock without -confirm is refused" {stm32h5x otp_lock 2 0} \
	{irreversible.*-confirm}
h5_check_equal "OTPBLR_CUR is still 0 after the refusal" {stm32h5x option_read 0 0x90} 0
h5_check_error "otp_lock of block 32 is refused" {stm32h5x otp_lock 2 32 -confirm} \
	{OTP blocks are 0..31}

h5_check_output "otp_lock 2 0 -confirm locks block 0" {stm32h5x otp_lock 2 0 -confirm} {locked}
h5_check_equal "OTPBLR_CUR is 1" {stm32h5x option_read 0 0x90} 1
h5_check_output "flash info shows OTP block 0 locked, block 1 not" {flash info 2} \
	{#\s*0: 0x00000000 \(0x40 0kB\) protected.*#\s*1: 0x00000040 \(0x40 0kB\) not protected}
h5_check_output "programming the locked block fails with WRPERR named" \
	{catch {flash fillh 0x08FFF010 0x5555 1}} {WRPERR}
h5_check "block 1 is still programmable" {flash fillh 0x08FFF044 0x4321 1; expr 1}
h5_check_equal "block 1 reads back" {read_memory 0x08FFF044 16 1} 0x4321
h5_check_equal "NSCR is locked at the end" {expr {[stm32h5x option_read 0 0x28] & 1}} 1
h5_check_equal "OPTCR is locked at the end" {expr {[stm32h5x option_read 0 0x1C] & 1}} 1

h5_done
