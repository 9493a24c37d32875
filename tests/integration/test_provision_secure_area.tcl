# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
# timeout: 240
# expect-dump: ^product_state 0xc6$
# expect-dump: ^tzen 1$
# expect-dump: ^secwm1r_cur 0x00020000$
# expect-dump: ^secwm2r_cur 0x00000001$
#
# stm32h5x::provision's secure / non-secure split (issue 13, item 1): the default area is the
# secure images' sectors, -secure-area overrides it, both are printed in the plan, images on
# the wrong side of the split are refused before anything is written, and a non-secure image
# linked for 0x08000000 is programmed after the split is set. Afterwards the second party
# programs the non-secure side of the TZ-Closed part with "program ... verify".
source [find flash_helpers.tcl]
set P $H5_SAMPLES/NUCLEO-H563ZI
set key $P/Keys/key_1_root_pub.pem
# secure image: sectors 0-1 of bank 1 (12 KiB at the secure alias); non-secure: sector 4
set s_data [flash_pattern 70 0x3000]
set ns_data [flash_pattern 71 0x1000]
set secure [flash_tmp secure.elf]
set nonsecure [flash_tmp nonsecure.elf]
flash_write_elf $secure [list 0x0C000000 $s_data]
flash_write_elf $nonsecure [list 0x08008000 $ns_data]
set stm32h5x::settings(crypto) 0	;# as the board file of this part does
init
reset halt

h5_check_output "the default split is the secure image's sectors, printed in the plan" \
	{stm32h5x::provision TZ-Closed -root-key $key -image $secure -image $nonsecure -dry-run} \
	{mass erase, secure area bank1 sectors 0-1, bank2 none \(every other sector non-secure\)}
h5_check_output "-secure-area is printed in the plan as given" \
	{stm32h5x::provision TZ-Closed -root-key $key -image $secure -secure-area bank1:0-3,bank2:0-1 -dry-run} \
	{secure area bank1 sectors 0-3, bank2 sectors 0-1}
h5_check_error "a non-secure image inside the secure area is refused" \
	{stm32h5x::provision TZ-Closed -root-key $key -image $secure -image $nonsecure -secure-area bank1:0-7 -dry-run} \
	{nonsecure.elf': 0x08008000 is at the non-secure alias but its sector is already in the secure area}
h5_check_error "a secure image outside the secure area is refused" \
	{stm32h5x::provision TZ-Closed -root-key $key -image $secure -secure-area bank1:0-0 -dry-run} \
	{secure.elf': 0x0c002000 is at the secure alias but its sector is not in the secure area}
h5_check_error "a bank that does not exist is refused" \
	{stm32h5x::provision TZ-Closed -root-key $key -secure-area bank3:0-1 -dry-run} {is not bankN:FIRST-LAST}
h5_check_error "a sector past the bank is refused" \
	{stm32h5x::provision TZ-Closed -root-key $key -secure-area bank1:0-128 -dry-run} {bank 1 has sectors 0..127}
h5_check_error "a reversed range is refused" \
	{stm32h5x::provision TZ-Closed -root-key $key -secure-area bank2:5-2 -dry-run} {first sector is after the last}
h5_check_error "-secure-area with a password (TrustZone off) is refused" \
	{stm32h5x::provision iROT-Provisioned -password $P/Binary/password.bin -secure-area bank1:0-1 -dry-run} {needs TrustZone}
h5_check_match "the refusals and dry runs wrote nothing (still Open)" {stm32h5x product_state} {^Open$}

set rc [catch {capture {set result [stm32h5x::provision TZ-Closed -root-key $key -image $secure \
	-image $nonsecure -secure-area bank1:0-2 -confirm]}} out]
h5_check_equal "provision with both images runs without error" {expr {$rc == 0 ? "ok" : $out}} ok
h5_check_equal "it returns TZ-Closed" {set result} TZ-Closed
h5_check_match "the non-secure image was programmed at the non-secure alias and verified" {set out} \
	{program [^ ]*nonsecure.elf and verify.*verified 4096 bytes}

# party 2 on the TZ-Closed part: the non-secure application, as on an open part
catch {reset halt}
set ns2_data [flash_pattern 72 0x2000]
set ns2 [flash_tmp app2.elf]
flash_write_elf $ns2 [list 0x08010000 $ns2_data]
h5_check "party 2: program nonsecure.elf verify on the TZ-Closed part" {
	program $ns2 verify
	expr 1
}
h5_check_equal "party 2's image reads back through the non-secure alias" {flash_compare 0x08010000 $ns2_data} ""
h5_check_equal "party 1's non-secure image is still there" {flash_compare 0x08008000 $ns_data} ""
h5_done
