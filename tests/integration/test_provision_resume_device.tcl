# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
# timeout: 240
# expect-dump: ^product_state 0x72$
# expect-dump: ^tzen 1$
#
# A resumed stm32h5x::provision decides from the device, not from the session (issue 13,
# item 6): party 1 provisions the DA configuration of ST's root key and stops in
# Provisioning; in the same OpenOCD session a manual "stm32h5x obk provision other.obk"
# replaces it. The resumed run must see that the device holds another configuration,
# provision the right one again and close; check_da_setup must say no in between.
source [find provision_helpers.tcl]
provision_start_h563
h5_check_equal "party 1 stops in Provisioning with the root key's configuration" \
	{stm32h5x::provision Provisioning -root-key $key -confirm} Provisioning
h5_check_equal "check_da_setup says yes" {stm32h5x::check_da_setup -root-key $key} 1
h5_check "a manual obk provision of another key's configuration" {
	stm32h5x obk make_da_config -out $H5_TMP/other.obk -root-key $P/Keys/key_2_intermediate_pub.pem
	set r [stm32h5x obk provision $H5_TMP/other.obk -root-key $P/Keys/key_2_intermediate_pub.pem]
	reset halt
	expr {[string trim $r] eq "RSSLIB_SUCCESS"}
}
h5_check_equal "check_da_setup now says no (the device holds the other key's hash)" \
	{stm32h5x::check_da_setup -root-key $key} 0
h5_check_error "-secure-area on a resume is refused (the split is set in Open only)" \
	{stm32h5x::provision Closed -root-key $key -secure-area bank1:0-3 -dry-run} {applies to a run from Open}
set rc [catch {capture {set result [stm32h5x::provision Closed -root-key $key -confirm]}} out]
h5_check_equal "the resumed provision runs without error" {expr {$rc == 0 ? "ok" : $out}} ok
h5_check_equal "it returns Closed" {set result} Closed
h5_check "it did not take the session's memory for the device" {expr {![string match "*already provisioned*" $out]}}
h5_check_match "it provisioned the configuration again" {set out} {generate and provision the DA configuration.*holds this root key's hash}
h5_done
