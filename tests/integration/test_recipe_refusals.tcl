# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
# expect-dump: ^product_state 0xed$
# expect-dump: ^count_flash_ops_started 0$
# expect-dump: ^count_flash_option_changes 0$
# expect-dump: ^obk_sector 0 words_written 0$
# expect-dump: ^obk_sector 1 words_written 0$
#
# Production recipes (tcl/target/stm32h5x_recipe.tcl, docs/production.md): a bad recipe is
# refused as a whole, every problem named in one error, before anything is written (the dump:
# no flash operation, no option change, OBKeys blank, still Open); a good one passes and its dry
# run prints the plan; a recipe for another line is refused on the device.
source [find provision_helpers.tcl]
set P $H5_SAMPLES/NUCLEO-H563ZI
set RK $P/Keys/key_1_root_pub.pem
make_image $H5_TMP/app.bin 4096
proc recipe {name text} {
	global H5_TMP
	set f [open $H5_TMP/$name w]
	puts $f $text
	close $f
	return $H5_TMP/$name
}
set good [recipe good.recipe "# a product\npart H563\nstate Closed\ncredential {root-key $RK}\nimages {{app.bin 0x0C000000}}\noption_bytes {BOR_LEV 2}"]
set missing [recipe missing.recipe "part H563\nstate Closed\ncredential {root-key $RK}\nimages {{nope.bin 0x0C000000}}"]
set outside [recipe outside.recipe "part H563\nstate Closed\ncredential {root-key $RK}\nimages {{app.bin 0x0C1FF800}}"]
set pwtz [recipe pwtz.recipe "part H563\nstate Closed\ntrustzone on\ncredential {password $P/Binary/password.bin}"]
set unknown_ob [recipe ob.recipe "part H563\nstate Closed\ncredential {root-key $RK}\noption_bytes {NO_SUCH_OB 1}"]
set owned_ob [recipe owned.recipe "part H563\nstate Closed\ncredential {root-key $RK}\noption_bytes {TZEN 0xC3}"]
set locked_no [recipe locked_no.recipe "part H563\nstate Locked\ncredential {root-key $RK}"]
set locked_yes [recipe locked_yes.recipe "part H563\nstate Locked\nlocked_consent yes\ncredential {root-key $RK}"]
set private [recipe private.recipe "part H563\nstate Closed\ncredential {root-key $P/Keys/key_1_root.pem}"]
set other_line [recipe h503.recipe "part H503\nstate Closed\ncredential {password $P/Binary/password.bin}"]
set many [recipe many.recipe "part H563\nstate Closed\ncolour blue\ncredential {root-key $RK}\nimages {{nope.bin 0x0C000000}}\noption_bytes {NO_SUCH_OB 1}"]

h5_check_match "a good recipe passes the check" {dict get [stm32h5x::recipe_check $good] part} {^H563$}
h5_check_error "a missing image" {stm32h5x::recipe_check $missing} {image '.*nope.bin' does not exist}
h5_check_error "an image outside the flash" {stm32h5x::recipe_check $outside} {image 'app.bin': 0x0c1ff800..0x0c2007ff is outside the H563's flash}
h5_check_error "a password credential with TrustZone on" {stm32h5x::recipe_check $pwtz} {trustzone on with a password credential}
h5_check_error "an unknown option byte" {stm32h5x::recipe_check $unknown_ob} {unknown option byte 'NO_SUCH_OB'}
h5_check_error "an option byte provisioning sets itself" {stm32h5x::recipe_check $owned_ob} {option byte TZEN is set by provisioning itself}
h5_check_error "Locked without the recipe's consent" {stm32h5x::recipe_check $locked_no -allow-locked} {the recipe must say 'locked_consent yes'}
h5_check_error "Locked without the command line's consent" {stm32h5x::recipe_check $locked_yes} {the command line must allow it too}
h5_check_match "Locked with both consents passes" {dict get [stm32h5x::recipe_check $locked_yes -allow-locked] state} {^Locked$}
h5_check_error "a private key as the credential" {stm32h5x::recipe_check $private} {is a private key}
h5_check_error "every problem is named in one error" {stm32h5x::recipe_check $many} {3 problems\): unknown key 'colour'.*; image .*nope.bin.*; unknown option byte 'NO_SUCH_OB'}
init
reset halt
h5_check_error "the real run refuses a bad recipe before touching the device" {stm32h5x::recipe_apply $outside -confirm} {is outside the H563's flash}
h5_check_error "a recipe for another line is refused on the device" {stm32h5x::recipe_apply $other_line -dry-run} {the recipe is for the H503 \(H503 line\), the device is a H56x}
h5_check_error "a real run needs -confirm" {stm32h5x::recipe_apply $good} {add -confirm}
h5_check_output "the dry run prints the plan" {stm32h5x::recipe_apply $good -dry-run} {option bytes BOR_LEV=2.*program app.bin and verify.*product state Closed}
h5_check_match "the device is still Open" {stm32h5x product_state} {^Open$}
h5_done
