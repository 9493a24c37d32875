# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
#
# Lifecycle commands on an H563 with TrustZone off (issue 5): named option bytes, the
# product-state rules and lock-out guards, .obk generation byte-identical to ST's and
# provisioning through the ROM, then Closed with a password proof.
init
reset halt
h5_check_match "starts Open" {stm32h5x product_state} {^Open$}
h5_check_error "Open -> Closed is refused before any write" {stm32h5x product_state Closed -confirm} {Provisioning}
h5_check_match "still Open" {stm32h5x product_state} {^Open$}
h5_check_match "TZEN reads 0xC3" {stm32h5x ob TZEN} {^0xC3$}
h5_check_error "TZEN=0x12 is refused" {stm32h5x ob TZEN=0x12} {0xB4}
h5_check_error "PRODUCT_STATE through ob is refused" {stm32h5x ob PRODUCT_STATE=0x17} {product_state}
h5_check "ST's protections-off line in one cycle" {stm32h5x ob WRPSGn1=0xffffffff WRPSGn2=0xffffffff HDP1_STRT=1 HDP1_END=0 HDP2_STRT=1 HDP2_END=0 NSBOOTADD=0x80000; expr 1}
h5_check_match "HDP1_STRT reads 1" {stm32h5x ob HDP1_STRT} {^0x1$}
h5_check "ob list" {set l [stm32h5x ob]; expr {[string first "TZEN" $l] >= 0}}
h5_check_match "Open -> Provisioning" {stm32h5x product_state Provisioning} {^Provisioning$}
reset halt
h5_check_match "make_da_config (password) on the connected device" {stm32h5x obk make_da_config -out $H5_TMP/gen_pw.obk -password $H5_SAMPLES/NUCLEO-H563ZI/Binary/password.bin} {/gen_pw\.obk$}
h5_check_error "make_da_config with a root key refused for TZEN off" {stm32h5x obk make_da_config -out $H5_TMP/gen_cert.obk -root-key $H5_SAMPLES/NUCLEO-H563ZI/Keys/key_1_root_pub.pem} {password}
h5_check_match "make_da_config -trustzone on: a root key for a TrustZone setting the device has not yet" {stm32h5x obk make_da_config -out $H5_TMP/gen_cert.obk -root-key $H5_SAMPLES/NUCLEO-H563ZI/Keys/key_1_root_pub.pem -trustzone on} {/gen_cert\.obk$}
h5_check_error "make_da_config -trustzone on refuses a password" {stm32h5x obk make_da_config -out $H5_TMP/gen_pw2.obk -password $H5_SAMPLES/NUCLEO-H563ZI/Binary/password.bin -trustzone on} {refused for -trustzone on}
h5_check_error "make_da_config -trustzone takes on or off only" {stm32h5x obk make_da_config -out $H5_TMP/gen_pw2.obk -password $H5_SAMPLES/NUCLEO-H563ZI/Binary/password.bin -trustzone yes} {on or off}
h5_check "make_da_config -trustzone on wrote ST's DA_Config.obk byte for byte" {
	set a [open $H5_TMP/gen_cert.obk rb]; set x [read $a]; close $a
	set b [open $H5_SAMPLES/NUCLEO-H563ZI/Binary/DA_Config.obk rb]; set y [read $b]; close $b
	expr {$x eq $y}
}
h5_check_match "provision ST's sample .obk" {stm32h5x obk provision $H5_SAMPLES/NUCLEO-H563ZI/Binary/DA_ConfigWithPassword.obk -password $H5_SAMPLES/NUCLEO-H563ZI/Binary/password.bin} {^RSSLIB_SUCCESS$}
proc slurp {f} { set h [open $f rb]; set d [read $h]; close $h; return $d }
h5_check "generated password .obk equals ST's byte for byte" {expr {[slurp $H5_TMP/gen_pw.obk] eq [slurp $H5_SAMPLES/NUCLEO-H563ZI/Binary/DA_ConfigWithPassword.obk]}}
h5_check_match "provision the generated .obk too" {stm32h5x obk provision $H5_TMP/gen_pw.obk -password $H5_SAMPLES/NUCLEO-H563ZI/Binary/password.bin} {^RSSLIB_SUCCESS$}
reset halt
h5_check_error "Closed without proof needs -confirm" {stm32h5x product_state Closed} {-password}
h5_check_error "Closed with the wrong kind of proof needs -confirm" {stm32h5x product_state Closed -root-key $H5_SAMPLES/NUCLEO-H563ZI/Keys/key_1_root_pub.pem} {confirm}
h5_check_error "Locked without confirmation is refused" {stm32h5x product_state Locked -password $H5_SAMPLES/NUCLEO-H563ZI/Binary/password.bin} {final}
h5_check_match "Closed with the password proof" {stm32h5x product_state Closed -password $H5_SAMPLES/NUCLEO-H563ZI/Binary/password.bin} {^Closed$}
h5_done
