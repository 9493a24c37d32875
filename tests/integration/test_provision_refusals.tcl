# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
# expect-dump: ^product_state 0xed$
# expect-dump: ^tzen 0$
# expect-dump: ^count_flash_ops_started 0$
# expect-dump: ^count_flash_option_changes 0$
# expect-dump: ^obk_sector 0 words_written 0$
# expect-dump: ^obk_sector 1 words_written 0$
# expect-dump: ^sector 1\.0 erased
#
# Bad arguments to the lifecycle procs: each is refused with a message naming the problem, and
# nothing at all is written (the dump: no flash operation started, no option change, OBKeys
# blank, the chip still Open).
set P $H5_SAMPLES/NUCLEO-H563ZI
set PW $P/Binary/password.bin
set RK $P/Keys/key_1_root_pub.pem
set f [open $H5_TMP/app.bin wb]
puts -nonewline $f [string repeat "\x11\x22\x33\x44" 1024]
close $f
# ST's DA_Config.obk with one padding byte changed (offset 100)
set f [open $P/Binary/DA_Config.obk rb]
set obk [read $f]
close $f
set f [open $H5_TMP/tampered.obk wb]
puts -nonewline $f "[string range $obk 0 99]\x01[string range $obk 101 end]"
close $f
set stm32h5x::settings(crypto) 0	;# as the board file of this part does
init
reset halt
h5_check_error "an unknown final state" {stm32h5x::provision Sealed -password $PW -confirm} {'Sealed' is not a final state}
h5_check_error "Locked is not offered" {stm32h5x::provision Locked -password $PW -confirm} {Locked is not a final state.*product_state Locked}
h5_check_error "TZ-Closed with a password" {stm32h5x::provision TZ-Closed -password $PW -confirm} {TZ-Closed needs TrustZone.*-root-key}
h5_check_error "no credential" {stm32h5x::provision Closed -confirm} {no credential}
h5_check_error "two credentials" {stm32h5x::provision Closed -password $PW -root-key $RK -confirm} {one credential}
h5_check_error "a credential file that does not exist" {stm32h5x::provision Closed -password $H5_TMP/nope.bin -confirm} {credential file .*nope.bin' does not exist}
h5_check_error "a root key that is not a key" {stm32h5x::provision Closed -root-key $H5_TMP/app.bin -confirm} {credential .*app.bin' cannot be used}
h5_check_error "an .obk with another credential's hash" {stm32h5x::provision Closed -root-key $RK -obk $P/Binary/DA_ConfigWithPassword.obk -confirm} {does not carry the hash of the credential}
h5_check_error "an .obk whose integrity hash no longer matches" {stm32h5x::provision Closed -root-key $RK -obk $H5_TMP/tampered.obk -confirm} {integrity hash or padding is wrong}
h5_check_error "a file that is not a DA .obk" {stm32h5x::provision Closed -root-key $RK -obk $H5_TMP/app.bin -confirm} {is not a DA configuration .obk}
h5_check_error "-permissions together with -obk" {stm32h5x::provision Closed -root-key $RK -obk $P/Binary/DA_Config.obk -permissions 0x5077 -confirm} {-permissions applies to a generated}
h5_check_error "permissions without full regression" {stm32h5x::provision Closed -password $PW -permissions 0x1077 -confirm} {do not allow a full regression}
h5_check_error "an image that does not exist" {stm32h5x::provision Closed -password $PW -image $H5_TMP/nope.elf -confirm} {image .*nope.elf' does not exist}
h5_check_error "a .bin without address" {stm32h5x::provision Closed -password $PW -image $H5_TMP/app.bin -confirm} {needs an ADDRESS}
h5_check_error "an image outside the flash" {stm32h5x::provision Closed -password $PW -image $H5_TMP/app.bin 0x081FF800 -confirm} {outside the user flash}
h5_check_error "no -confirm" {stm32h5x::provision Closed -password $PW -image $H5_TMP/app.bin 0x08000000} {add -confirm.*-dry-run}
h5_check_error "an unknown option" {stm32h5x::provision Closed -password $PW -force} {unexpected argument '-force'}
h5_check_error "regress: neither full nor partial" {stm32h5x::regress all -password $PW -confirm} {full or partial}
h5_check_error "regress: no -confirm" {stm32h5x::regress full -password $PW} {add -confirm}
h5_check_error "regress: partial with a password" {stm32h5x::regress partial -password $PW -confirm} {partial regression needs TrustZone}
h5_check_error "regress: no credential" {stm32h5x::regress full -confirm} {no credential}
h5_check_error "regress: a key without its chain" {stm32h5x::regress full -key $P/Keys/key_3_leaf.pem -confirm} {no credential}
h5_check_error "reopen_debug: level 4" {stm32h5x::reopen_debug -key $P/Keys/key_3_leaf.pem -cert $P/Certificates/cert_leaf_chain.b64 -level 4} {-level takes 1, 2 or 3}
h5_check_error "reopen_debug: a password" {stm32h5x::reopen_debug -password $PW} {password allows only the full regression}
h5_check_error "check_da_setup: no credential" {stm32h5x::check_da_setup} {usage}
h5_check_equal "check_da_setup on a blank chip says no" {stm32h5x::check_da_setup -password $PW} 0
h5_check_output "check_da_setup names the reason" {stm32h5x::check_da_setup -password $PW} {OBK-HDPL1 is erased}
h5_check_error "regress on an Open device: nothing to regress" {stm32h5x::regress full -password $PW -dry-run} {DA discovery failed.*Open}
reset halt
h5_check_match "after all that the device is still Open" {stm32h5x product_state} {^Open$}
h5_done
