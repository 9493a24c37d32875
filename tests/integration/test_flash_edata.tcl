# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
#
# EDATA bank (0x09000000, 2 x 8 sectors of 6 KiB): refused while disabled, enabled through
# EDATA1R_PRG (EN | N-1 for the last N sectors of bank 1), then erase and half-word programming
# of an enabled EDATA sector; sectors that are not enabled stay refused.

source [find flash_helpers.tcl]
init
reset halt
flash probe 3

h5_check_output "EDATA write while disabled is refused" {catch {flash fillh 0x09009000 0x1111 1}} \
	{not enabled}
h5_check "option_write EDATA1R_PRG = EN | 1 (last 2 sectors)" {stm32h5x option_write 0 0xF4 0x8001; expr 1}
h5_check_equal "EDATA1R_CUR reads 0x8001" {stm32h5x option_read 0 0xF0} 0x8001
h5_check_output "flash info counts 2 EDATA sectors in bank 1" {flash info 3} \
	{EDATA sectors enabled: bank 1: 2, bank 2: 0}
h5_check "erase of EDATA sector 6 succeeds" {flash erase_sector 3 6 6; expr 1}
h5_check "flash fillh of 8 half-words at 0x09009000 succeeds" {flash fillh 0x09009000 0xa5c3 8; expr 1}
h5_check_equal "they read back" {read_memory 0x09009000 16 2} {0xa5c3 0xa5c3}
h5_check "EDATA sector 7 (0x0900A800) programs too" {flash fillh 0x0900A800 0x0102 1; expr 1}
h5_check_equal "it reads back" {read_memory 0x0900A800 16 1} 0x0102
h5_check_output "EDATA sector 0 (not enabled) is refused" {catch {flash fillh 0x09000000 0x1111 1}} \
	{not enabled}
h5_check_output "erase of EDATA sector 0 (not enabled) is refused" {catch {flash erase_sector 3 0 0}} \
	{not enabled}
h5_check "erase of EDATA sector 6 again, then the same half-word programs again" {
	flash erase_sector 3 6 6
	flash fillh 0x09009000 0x5a3c 1
	expr {[read_memory 0x09009000 16 1] == 0x5a3c}
}
h5_check "option_write EDATA1R_PRG = 0 disables EDATA again" {stm32h5x option_write 0 0xF4 0; expr 1}

h5_done
