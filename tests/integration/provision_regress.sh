#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# After stm32h5x::provision, in later OpenOCD sessions (the chip power-cycled in between):
#  - stm32h5x::check_da_setup proves the provisioned DA configuration from the device alone;
#  - stm32h5x::regress: a dry run changes nothing, a refusal is named, "full" with the password
#    brings a Closed H563 back to Open with user flash and OBKeys erased;
#  - stm32h5x::reopen_debug: the wrong key is refused (still Closed), ST's leaf key and chain
#    reopen debug so that the core halts, and the product state stays Closed.
# Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

S=$H5_SAMPLES/NUCLEO-H563ZI
PW=$S/Binary/password.bin
RK=$S/Keys/key_1_root_pub.pem
CHAIN="-key $S/Keys/key_3_leaf.pem -cert $S/Certificates/cert_leaf_chain.b64"
L=$h5_work/ocd.log
D=$h5_work/dump.txt
head -c 8192 /dev/urandom >"$h5_work/app.bin"

# --- TrustZone off, password, Closed; then a full regression ----------------------------------
h5_fresh_state
h5_session "--part H563" "echo \"R: [stm32h5x::provision Closed -password $PW -encrypt 0 -image $h5_work/app.bin 0x08000000 -confirm]\""
h5_check "password: provisioned to Closed" "^R: Closed$" "$L"
h5_session "--part H563" "echo \"R: [stm32h5x::regress full -password $PW -dry-run]\""
h5_check "regress dry run: discovery matches the password" "^R: Closed$" "$L"
h5_pstate "regress dry run: the chip is still Closed" 0x72
h5_check "regress dry run: the image is still there" "^sector 1\.0 programmed" "$D"
h5_session "--part H563" "catch {stm32h5x::regress full $CHAIN -confirm} m; echo \"E: \$m\""
h5_check "regress with a certificate on a password device is refused by name" "^E: .*asks for a password, and a certificate was given" "$L"
h5_pstate "the refused regression changed nothing" 0x72
h5_session "--part H563" "echo \"R: [stm32h5x::regress full -password $PW -confirm]\""
h5_check "regress full returns Open" "^R: Open$" "$L"
h5_pstate "after regress full the chip is Open" 0xed
h5_check "regress full erased the image's sector" "^sector 1\.0 erased" "$D"
h5_check "regress full erased the OBKeys" "^obk_sector 1 words_written 0" "$D"
h5_session "--part H563" "echo \"R: [string trim [stm32h5x product_state]] [format 0x%08x [read_memory 0x08000000 32 1]]\""
h5_check "a new session sees Open and erased flash" "^R: Open 0xffffffff$" "$L"

# --- TrustZone on, root key, TZ-Closed: check_da_setup from the device alone -------------------
h5_fresh_state
h5_session "--part H563" "echo \"R: [stm32h5x::provision TZ-Closed -root-key $RK -encrypt 0 -confirm]\""
h5_check "root key: provisioned to TZ-Closed" "^R: TZ-Closed$" "$L"
h5_session "--part H563" "echo \"Y: [stm32h5x::check_da_setup -root-key $S/Keys/key_1_root.pem]\"; echo \"N: [stm32h5x::check_da_setup -password $PW]\""
h5_check "check_da_setup in a new session: ST's root key matches" "^Y: 1$" "$L"
h5_check "check_da_setup in a new session: a password does not (TrustZone on)" "^N: 0$" "$L"

# --- TrustZone on, root key, Closed: reopen debug ---------------------------------------------
h5_fresh_state
h5_session "--part H563" "echo \"R: [stm32h5x::provision Closed -root-key $RK -encrypt 0 -confirm]\""
h5_check "root key: provisioned to Closed" "^R: Closed$" "$L"
h5_session "--part H563" "catch {stm32h5x::reopen_debug -key $S/Keys/key_2_intermediate.pem -cert $S/Certificates/cert_leaf_chain.b64} m; echo \"E: \$m\""
h5_check "reopen_debug with the intermediate's key is refused naming the leaf" "^E: .*does not belong to the leaf certificate" "$L"
h5_pstate "the refused reopen changed nothing" 0x72
h5_session "--part H563" "echo \"R: [stm32h5x::reopen_debug $CHAIN -level 3]\"; halt; echo \"S: [stm32h5.cpu curstate]\""
h5_check "reopen_debug returns the permission used" "^R: debug_open_l3$" "$L"
h5_check "after reopen_debug the core halts" "^S: halted$" "$L"
h5_pstate "reopen_debug leaves the product state Closed" 0x72

h5_finish
