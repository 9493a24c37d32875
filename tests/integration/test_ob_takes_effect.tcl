# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --tzen 1
#
# Option-byte writes either take effect or fail. In Provisioning the debugger keeps secure
# access, so a legal SECWM change (the secure/non-secure split) is made and reads back; in
# TZ-Closed the debugger is non-secure only, the secure option registers drop its writes,
# and "stm32h5x ob" says so as its error instead of succeeding.

source [find flash_helpers.tcl]
init
reset halt

h5_check "set-up: Open -> Provisioning, then a reset" {
	stm32h5x product_state Provisioning
	expr {(([stm32h5x option_read 0 0x50] >> 8) & 0xff) == 0x17}
}
catch {reset halt}

h5_check "in Provisioning, stm32h5x ob SECWM2_STRT=1 SECWM2_END=0 succeeds" {
	stm32h5x ob SECWM2_STRT=1 SECWM2_END=0
	expr 1
}
h5_check_equal "SECWM2R_CUR reads STRT=1, END=0 (bank 2 non-secure)" \
	{expr {[stm32h5x option_read 0 0x1E0] & 0x007F007F}} 0x00000001
h5_check "bank 1 split in Provisioning: SECWM1 sectors 0..31 secure" {
	stm32h5x ob SECWM1_STRT=0 SECWM1_END=31
	expr 1
}
h5_check_equal "SECWM1R_CUR reads STRT=0, END=31" \
	{expr {[stm32h5x option_read 0 0xE0] & 0x007F007F}} 0x001F0000

h5_check "Provisioning -> TZ-Closed, then a reset" {
	stm32h5x product_state TZ-Closed -confirm
	expr {(([stm32h5x option_read 0 0x50] >> 8) & 0xff) == 0xc6}
}
catch {reset halt}

h5_check_error "in TZ-Closed a SECWM change is an error that names the cause" \
	{stm32h5x ob SECWM2_STRT=0 SECWM2_END=127} \
	{SECWM2_STRT was not changed: the device dropped the write.*secure accesses}
h5_check_equal "SECWM2R_CUR is unchanged" \
	{expr {[stm32h5x option_read 0 0x1E0] & 0x007F007F}} 0x00000001

h5_done
