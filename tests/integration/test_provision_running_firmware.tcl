# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
# expect-dump: ^product_state 0x2e$
# expect-dump: ^sector 1\.0 programmed crc32=0xaf060a9a$
#
# stm32h5x::provision started while the chip runs firmware: nothing has halted the core (no
# poll ever halts running firmware), so provision must halt it itself before it erases.
# The firmware counts in SRAM: a word that keeps changing proves the core runs.
#
#   address    | content
#   -----------+--------------------------------------------------------------
#   0x08000000 | initial SP 0x20004000
#   0x08000004 | reset vector 0x08000009 (Thumb)
#   0x08000008 | ldr r0, =0x20000100; loop: ldr r1, [r0]; adds r1, #1;
#              | str r1, [r0]; b loop; nop
#   0x08000014 | literal 0x20000100
source [find provision_helpers.tcl]
set P $H5_SAMPLES/NUCLEO-H563ZI
set COUNTER 0x20000100

# write_firmware PATH: the table above as a .bin, made with the target (Jim Tcl writes no
# raw bytes above 0x7f): the words go to SRAM, dump_image saves them (the core is halted)
proc write_firmware {path} {
	write_memory 0x20002000 32 {0x20004000 0x08000009 0x68014802 0x60013101 0xbf00e7fb
		0x20000100}
	dump_image $path 0x20002000 24
}

make_image $H5_TMP/app.bin 4096
init
reset halt
write_firmware $H5_TMP/firmware.bin
flash write_image erase $H5_TMP/firmware.bin 0x08000000
reset run
h5_check_match "the core runs the firmware after reset run" {[target current] curstate} {^running$}
set first [read_memory $COUNTER 32 1]
set second [read_memory $COUNTER 32 1]
h5_check "the firmware counts (the core is not halted)" {expr {$first != $second}}
h5_check_match "a mass erase of the running chip is refused, with the reason as the error" \
	{catch {stm32h5x mass_erase 0} e; set e} {^stm32h5x: mass erase: target not halted \(halt it first}
h5_check_match "provision on the running chip returns the final state" {stm32h5x::provision iROT-Provisioned -password $P/Binary/password.bin -encrypt 0 -image $H5_TMP/app.bin 0x08000000 -confirm} {^iROT-Provisioned$}
h5_check_match "the device reports iROT-Provisioned" {stm32h5x product_state} {^iROT-Provisioned$}
h5_check "the image replaced the firmware" {same_bytes [read_memory 0x08000000 8 4096] [image_bytes 4096]}
h5_done
