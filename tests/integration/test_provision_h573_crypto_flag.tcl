# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H573
# timeout: 240
# expect-dump: ^product_state 0x72$
# expect-log: rss provisioning.*encrypted
#
# The encryption flag of the DA .obk stm32h5x::provision generates on an STM32H573 (issue 13,
# item 8): a part with cryptography shares its DEV_ID 0x484 with the H562/H563, so provision
# refuses to guess; the board file's stm32h5x::settings(crypto) 1 (STM32H573I-DK) gives flag
# 1, -encrypt 0 against it is refused, and the generated configuration reaches the ROM with
# the flag set (the simulator logs it).
source [find provision_helpers.tcl]
set P $H5_SAMPLES/NUCLEO-H563ZI
set key $P/Keys/key_1_root_pub.pem
init
reset halt
h5_check_error "without -encrypt or a board setting the flag is not guessed" \
	{stm32h5x::provision Closed -root-key $key -dry-run} \
	{cannot tell whether this H56x is a part with cryptography \(H573: encryption flag 1\) or without \(H562/H563: flag 0\).*-encrypt 1 or -encrypt 0.*stm32h5x::settings\(crypto\)}
h5_check_error "-encrypt takes 0 or 1 only" {stm32h5x::provision Closed -root-key $key -encrypt 2 -dry-run} {-encrypt takes 0}
set stm32h5x::settings(crypto) 1	;# what board/stm32h573i-dk.cfg sets
h5_check_output "the board setting gives flag 1, printed in the plan" \
	{stm32h5x::provision Closed -root-key $key -dry-run} \
	{generate and provision the DA configuration \(root key\), encryption flag 1 \(a part with cryptography\)}
h5_check_error "-encrypt 0 against the board setting is refused" \
	{stm32h5x::provision Closed -root-key $key -encrypt 0 -dry-run} \
	{encryption flag 0 does not fit this part: it has cryptography}
h5_check_error "ST's H563 .obk (flag 0) is refused on the crypto part" \
	{stm32h5x::provision Closed -root-key $key -obk $P/Binary/DA_Config.obk -dry-run} \
	{encryption flag 0 does not fit this part}
set rc [catch {capture {set result [stm32h5x::provision Closed -root-key $key -confirm]}} out]
h5_check_equal "provision runs without error" {expr {$rc == 0 ? "ok" : $out}} ok
h5_check_equal "it returns Closed" {set result} Closed
# the step that generates the configuration names its flag; the simulator's log (checked
# above) shows the device received an encrypted (flag 1) configuration
h5_check_match "the real run generates the configuration with flag 1" {set out} \
	{generate and provision the DA configuration \(root key\), encryption flag 1}
h5_done
