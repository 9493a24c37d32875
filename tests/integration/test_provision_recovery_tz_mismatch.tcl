# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
# timeout: 240
# expect-dump: ^product_state 0xed$
#
# docs/provisioning.md, Recovery, "Provisioning with a DA setup that does not match TrustZone"
# (issue 13, item 9): party 1 stops in Provisioning with TrustZone on (root key); then a
# password configuration is provisioned by hand, confirmed over the refusal. The device asks
# for a certificate that configuration cannot answer: a regression with the password is
# refused, and so is one with the certificate. The documented recovery, run here command for
# command: provision a configuration that matches TrustZone, reset, then the full
# regression with that credential. The device is Open again.
source [find provision_helpers.tcl]
set P $H5_SAMPLES/NUCLEO-H563ZI
set pw $P/Binary/password.bin
set key $P/Keys/key_1_root_pub.pem
set chain [list -key $P/Keys/key_3_leaf.pem -cert $P/Certificates/cert_leaf_chain.b64]
set stm32h5x::settings(crypto) 0	;# as the board file of this part does
init
reset halt
h5_check_equal "set-up: party 1 stops in Provisioning, TrustZone on" \
	{stm32h5x::provision Provisioning -root-key $key -confirm} Provisioning
h5_check "set-up: a password configuration provisioned by hand (-confirm over the refusal)" {
	set r [stm32h5x obk provision $P/Binary/DA_ConfigWithPassword.obk -password $pw -confirm]
	reset halt
	expr {[string trim $r] eq "RSSLIB_SUCCESS"}
}
h5_check_equal "check_da_setup with the root key says no" {stm32h5x::check_da_setup -root-key $key} 0
h5_check_error "a resumed provision with the password refuses and points to the recovery" \
	{stm32h5x::provision Closed -password $pw -confirm} \
	{TrustZone is not changed in Provisioning.*Recovery \(provision a configuration that matches TrustZone}
h5_check_error "a full regression with the password is refused (the device asks for a certificate)" \
	{stm32h5x::regress full -password $pw -confirm} {the device asks for a certificate, and a password was given}
# the recovery of docs/provisioning.md
h5_check "recovery: reset halt (the refused attempts left the device in the boot ROM's DA)" {reset halt; expr 1}
h5_check_match "recovery: the device is still in Provisioning" {stm32h5x product_state} {^Provisioning$}
h5_check_match "recovery: stm32h5x obk make_da_config -out da.obk -root-key key_1_root_pub.pem" \
	{stm32h5x obk make_da_config -out $H5_TMP/da.obk -root-key $key} {da\.obk$}
h5_check_match "recovery: stm32h5x obk provision da.obk -root-key key_1_root_pub.pem" \
	{stm32h5x obk provision $H5_TMP/da.obk -root-key $key} {^RSSLIB_SUCCESS$}
h5_check "recovery: reset halt" {reset halt; expr 1}
h5_check_equal "recovery: check_da_setup now says yes" {stm32h5x::check_da_setup -root-key $key} 1
h5_check_equal "recovery: stm32h5x::regress full -key ... -cert ... -confirm returns Open" \
	{stm32h5x::regress full {*}$chain -confirm} Open
h5_check_match "the device is Open" {stm32h5x product_state} {^Open$}
h5_done
