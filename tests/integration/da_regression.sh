#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Debug Authentication end to end: OpenOCD's "stm32h5x da" commands against the simulated
# chip, with ST's sample credentials provisioned. Discovery, full and partial regression with
# ST's certificate chain, debug reopen then halt, H503 password regression; and the refusals
# (wrong password, Locked part, wrong key, tampered certificate, permission outside the chain),
# each named and leaving the chip unchanged. Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

S=$H5_SAMPLES
CHAIN="-key $S/NUCLEO-H563ZI/Keys/key_3_leaf.pem -cert $S/NUCLEO-H563ZI/Certificates/cert_leaf_chain.b64"
OBK=$S/NUCLEO-H563ZI/Binary/DA_Config.obk
L=$h5_work/ocd.log
D=$h5_work/dump.txt

h5_seed "--part H563 --pstate 0x72 --tzen 1" "$OBK"
cp "$h5_work/state" "$h5_work/state.h563"
h5_session "--part H563 --pstate 0x72 --tzen 1" 'echo "R: [stm32h5x da discover]"'
h5_check "discover on a provisioned Closed H563 reports lifecycle 0x3072" "^lifecycle 0x3072" "$L"
h5_check "discover reports provisioning integrity 0xEAEAEAEA" "^provisioning_integrity 0xEAEAEAEA" "$L"
h5_check "discover reports the provisioned permission mask 0x5077" "^permissions_allowed 0x00005077" "$L"
h5_check "discover selects the certificate method" "^auth_method certificate" "$L"

cp "$h5_work/state.h563" "$h5_work/state"
h5_session "--part H563 --pstate 0x72 --tzen 1" "echo \"R: [stm32h5x da auth $CHAIN -permissions full_regression]\""
h5_check "full regression with ST's chain is granted" "^R: status SUCCESS" "$L"
h5_check "full regression reports product state Open" "^product_state Open" "$L"
h5_pstate "the chip is Open after the full regression" 0xed
h5_absent "the full regression erased the user flash" "^user " "$h5_work/state"
h5_check "the full regression erased the OBKeys" "^obk_sector 0 words_written 0" "$D"
h5_check "the chip reset itself after the regression (no NRST pulse from the host)" \
	"boot ROM reset after a regression" "$h5_work/ops.log"

# TZ-Closed with TrustZone on in the option bytes: bank 1 secure by watermark, bank 2
# non-secure, a programmed word in each
h5_seed "--part H563 --pstate 0xC6" "$OBK"
h5_state_ob optsr2 0xb4000000
h5_state_ob secwm1r 0x007f0000
h5_state_ob secwm2r 0x00000001
h5_state_add "user 0x100000 1 22222222222222222222222222222222"
h5_session "--part H563" "echo \"R: [stm32h5x da auth $CHAIN -permissions partial_regression]\""
h5_check "partial regression from TZ-Closed reports TZ-Closed" "^product_state TZ-Closed" "$L"
h5_pstate "the chip is TZ-Closed after the partial regression" 0xc6
h5_check "the partial regression kept the secure side (bank 1 word)" "^user 0x000000 " "$h5_work/state"
h5_absent "the partial regression erased the non-secure side (bank 2 word)" "^user 0x100000 " "$h5_work/state"

cp "$h5_work/state.h563" "$h5_work/state"
h5_session "--part H563 --pstate 0x72 --tzen 1" "stm32h5x da auth $CHAIN -permissions debug_open_l3; halt; echo \"S: [stm32h5.cpu curstate]\""
h5_check "after a debug reopen the core halts" "^S: halted" "$L"
h5_pstate "a debug reopen leaves the product state Closed" 0x72

cp "$h5_work/state.h563" "$h5_work/state"
h5_session "--part H563 --pstate 0x5C --tzen 1" "stm32h5x da auth $CHAIN -permissions full_regression"
h5_check "a Locked part is refused before any authentication is sent" "the device is Locked, which is final: Debug Authentication can neither regress nor reopen it" "$L"
h5_pstate "a Locked part stays Locked" 0x5c

cp "$h5_work/state.h563" "$h5_work/state"
h5_session "--part H563 --pstate 0x72 --tzen 1" "stm32h5x da auth -key $S/NUCLEO-H563ZI/Keys/key_1_root.pem -cert $S/NUCLEO-H563ZI/Certificates/cert_leaf_chain.b64 -permissions full_regression"
h5_check "a wrong key is refused naming the leaf" "does not belong to the leaf certificate" "$L"
h5_pstate "a wrong key changes nothing" 0x72
h5_check "a refusal leaves the user flash programmed" "^user 0x000000 " "$h5_work/state"

# flip one bit of the intermediate certificate's permission mask
base64 -d "$S/NUCLEO-H563ZI/Certificates/cert_leaf_chain.b64" >"$h5_work/chain.bin"
byte=$((220 + 8 + 0x24))
v=$(h5_hex "$h5_work/chain.bin" $byte 1)
printf "$(printf '\\%03o' $((0x$v ^ 0x80)))" |
	dd of="$h5_work/chain.bin" bs=1 seek=$byte conv=notrunc 2>/dev/null
base64 -w0 "$h5_work/chain.bin" >"$h5_work/tampered.b64"
cp "$h5_work/state.h563" "$h5_work/state"
h5_session "--part H563 --pstate 0x72 --tzen 1" "stm32h5x da auth -key $S/NUCLEO-H563ZI/Keys/key_3_leaf.pem -cert $h5_work/tampered.b64 -permissions full_regression"
h5_check "a tampered certificate is refused naming it" "certificate 2 \(intermediate\): signature does not verify" "$L"
h5_pstate "a tampered certificate changes nothing" 0x72

cp "$h5_work/state.h563" "$h5_work/state"
h5_session "--part H563 --pstate 0x72 --tzen 1" "stm32h5x da auth $CHAIN -permissions bit3"
h5_check "a permission the chain lacks is refused by name" "permission bit 3 is not granted by the certificate chain" "$L"
h5_pstate "a refused permission changes nothing" 0x72

h5_seed "--part H563 --pstate 0x72 --tzen 0" "$S/NUCLEO-H563ZI/Binary/DA_ConfigWithPassword.obk"
h5_session "--part H563 --pstate 0x72 --tzen 0" 'echo "R: [stm32h5x da discover]"'
h5_check "discover on a TrustZone-off H563 selects the password method" "^auth_method password" "$L"
h5_session "--part H563 --pstate 0x72 --tzen 0" "echo \"R: [stm32h5x da auth -password $S/NUCLEO-H563ZI/Binary/password.bin]\""
h5_check "TrustZone-off H563 password regression reports product state Open" "^product_state Open" "$L"
h5_pstate "the TrustZone-off H563 is Open after the password regression" 0xed

h5_seed "--part H503 --pstate 0x72" "otp:$S/NUCLEO-H503RB/board_password.bin"
cp "$h5_work/state" "$h5_work/state.h503"
h5_session "--part H503 --pstate 0x72" "stm32h5x da auth -password $S/NUCLEO-H563ZI/Binary/password.bin"
h5_check "a wrong password is refused by name" "password refused: the device answered FAILURE" "$L"
h5_pstate "a wrong password leaves the H503 Closed" 0x72

cp "$h5_work/state.h503" "$h5_work/state"
h5_session "--part H503 --pstate 0x72" "echo \"R: [stm32h5x da auth -password $S/NUCLEO-H503RB/da_password.bin]\""
h5_check "H503 password regression reports product state Open" "^product_state Open" "$L"
h5_pstate "the H503 is Open after the password regression" 0xed

h5_finish
