# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --pstate 0x17 --fault-da garbage
# timeout: 150
# expect-dump: ^da.fault: garbage$
# expect-dump: ^da.certificates_accepted: 0$
# expect-dump: ^da.last_granted_permissions: 0x00000000$
# expect-dump: ^da.pending_action: none$
# expect-dump: ^product_state 0x17$
# expect-dump: ^count_flash_ops_started 0$
# expect-dump: ^count_flash_option_changes 0$
# expect-dump: ^obk_sector 0 words_written 0$
# expect-dump: ^obk_sector 1 words_written 0$
#
# Bad input (issue 8), a faulty device: the simulated Debug Authentication device
# answers every request with random words
# (h5sim --fault-da garbage). Discovery, authentication by password and by certificate, and
# closing each end with an error naming the step and what went wrong, quoting no
# secret (a command that never gives up runs into the test's time limit); nothing is granted or
# written, and after a reset the chip answers normally.
source [find bad_input_helpers.tcl]
init
bi_da_faulty_device da-device-garbage {
	discover
		{stm32h5x da discover: DISCOVERY: response header word 0x[0-9a-f]{8} has reserved bits \[15:0\] set}
	auth_password
		{stm32h5x da auth: DISCOVERY: response header word 0x[0-9a-f]{8} has reserved bits \[15:0\] set}
	auth_certificate
		{stm32h5x da auth: DISCOVERY: response header word 0x[0-9a-f]{8} has reserved bits \[15:0\] set}
	close
		{stm32h5x da close: no DA session to close \(try -reset\): LOCK_DEBUG: sending word 2 of 2: the device did not take the previous word: no handshake in 1000 ms}
	close_reset
		{stm32h5x da close: LOCK_DEBUG: response header word 0x[0-9a-f]{8} has reserved bits \[15:0\] set}
	discover_noreset
		{stm32h5x da discover: DISCOVERY: sending word 2 of 2: the device did not take the previous word: no handshake in 1000 ms}
}
h5_done
