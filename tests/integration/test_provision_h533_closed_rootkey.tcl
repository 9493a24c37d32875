# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H533 --tzen 1
# expect-dump: ^product_state 0x72$
# expect-dump: ^tzen 1$
# expect-dump: ^sector 1\.0 erased
# expect-dump: ^sector 2\.31 erased
# expect-dump: ^obk_sector [01] words_written 6$
# expect-log: rss provisioning.*encrypted
#
# stm32h5x::provision on an H533 with TrustZone on, no image, a DA configuration generated from
# ST's root key (encryption flag 1 on the H52x/H53x line, as ST's sample), final state Closed.
set stm32h5x::settings(crypto) 1	;# as the board file of this part does
init
reset halt
set P $H5_SAMPLES/NUCLEO-H533RE
set rc [catch {capture {set result [stm32h5x::provision Closed -root-key $P/Keys/key_1_root_pub.pem -confirm]}} out]
h5_check_equal "provision runs without error" {expr {$rc == 0 ? "ok" : $out}} ok
h5_check_equal "provision returns Closed" {set result} Closed
h5_check_match "the device reports Closed" {stm32h5x product_state} {^Closed$}
h5_done
