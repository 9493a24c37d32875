#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Debug Authentication signed by a PKCS#11 token (SoftHSM2, in a private directory): the test
# initialises a token, generates the leaf key inside it (OpenSC's pkcs11-tool), the project
# makes the leaf certificate from the token's public key and the chain; then a full regression
# (da auth) and a debug reopen (stm32h5x::reopen_debug) of a simulated H563 with TrustZone on are
# signed by the token, with the PIN from a pin-source file and from the environment. A wrong
# PIN, a PIN on the command line, a missing token and a missing module are refused by name.
# Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

. "$H5_TOP_SRCDIR/tests/integration/cred_lib.sh"

C=$h5_work/cred
P=$h5_work/hsm
L=$h5_work/ocd.log
mkdir -p "$C"
PIN=24681357
h5_softhsm_token "$P" h5leaf "$PIN"
(umask 077 && printf '%s\n' "$PIN" >"$P/pin")
h5_check "SoftHSM2 made a P-256 key pair inside the token" "EC_POINT|EC Public Key|Public Key Object" "$P/keygen.log"

URI="pkcs11:token=h5leaf;object=leaf?module-path=$H5_SOFTHSM_MODULE&pin-source=file:$P/pin"
h5_offline "stm32h5x da make_key -out $C/root.pem -public $C/root_pub.pem
stm32h5x da make_key -out $C/int.pem -public $C/int_pub.pem
stm32h5x da make_certificate -role root -subject-key $C/root_pub.pem -signer-key $C/root.pem -permissions 0x5077 -out $C/root.b64
stm32h5x da make_certificate -role intermediate -subject-key $C/int_pub.pem -signer-key $C/root.pem -parent $C/root.b64 -permissions 0x5077 -out $C/int.b64
stm32h5x da make_certificate -role leaf -subject-key {$URI} -signer-key $C/int.pem -parent $C/int.b64 -permissions full_regression,debug_open_l3 -out $C/leaf.b64
stm32h5x da make_chain -out $C/chain.b64 $C/root.b64 $C/int.b64 $C/leaf.b64
stm32h5x obk make_da_config -out $C/da.obk -root-key $C/root_pub.pem"
h5_check "the leaf certificate is made from the token's public key" "wrote .*/chain.b64: 3 certificates, verified" "$L"

h5_seed "--part H563 --pstate 0x72 --tzen 1" "$C/da.obk"
cp "$h5_work/state" "$h5_work/state.closed"
h5_session "--part H563" "echo \"R: [stm32h5x da auth -key {$URI} -cert $C/chain.b64 -permissions full_regression]\""
h5_check "the token signs a full regression (PIN from pin-source)" "^product_state Open" "$L"
h5_pstate "the chip is Open after the token-signed regression" 0xed

cp "$h5_work/state.closed" "$h5_work/state"
STM32H5X_PKCS11_PIN=$PIN h5_session "--part H563" "echo \"R: [stm32h5x::reopen_debug -key {pkcs11:token=h5leaf;object=leaf?module-path=$H5_SOFTHSM_MODULE} -cert $C/chain.b64 -level 3]\"; halt; echo \"S: [stm32h5.cpu curstate]\""
h5_check "the token signs a debug reopen through the lifecycle proc (PIN from the environment)" "^S: halted" "$L"
h5_pstate "the token-signed reopen leaves the chip Closed" 0x72

cp "$h5_work/state.closed" "$h5_work/state"
(umask 077 && printf '11112222\n' >"$P/badpin")
h5_session "--part H563" "catch {stm32h5x da auth -key {pkcs11:token=h5leaf;object=leaf?module-path=$H5_SOFTHSM_MODULE&pin-source=file:$P/badpin} -cert $C/chain.b64 -permissions full_regression} m; echo \"E1: \$m\"
catch {stm32h5x da auth -key {pkcs11:token=h5leaf;object=leaf?module-path=$H5_SOFTHSM_MODULE&pin-value=$PIN} -cert $C/chain.b64 -permissions full_regression} m; echo \"E2: \$m\"
catch {stm32h5x da auth -key {pkcs11:token=nosuch;object=leaf?module-path=$H5_SOFTHSM_MODULE&pin-source=file:$P/pin} -cert $C/chain.b64 -permissions full_regression} m; echo \"E3: \$m\"
catch {stm32h5x da auth -key {pkcs11:token=h5leaf;object=leaf?module-path=/nonexistent/libnone.so} -cert $C/chain.b64 -permissions full_regression} m; echo \"E4: \$m\"
catch {stm32h5x da auth -key {pkcs11:token=h5leaf;object=leaf?module-path=$H5_SOFTHSM_MODULE} -cert $C/chain.b64 -permissions full_regression} m; echo \"E5: \$m\""
h5_check "a wrong PIN is refused by name" "^E1: .*token refused the PIN" "$L"
h5_check "a PIN on the command line is refused" "^E2: .*pin-value is refused" "$L"
h5_check "a missing token is named" "^E3: .*no PKCS#11 token matches token=nosuch" "$L"
h5_check "a missing module is named" "^E4: .*cannot load the PKCS#11 module /nonexistent/libnone.so" "$L"
h5_check "no PIN at all is named with where to give it" "^E5: .*token needs a PIN: give pin-source=FILE" "$L"
h5_pstate "the refusals changed nothing" 0x72

h5_finish
