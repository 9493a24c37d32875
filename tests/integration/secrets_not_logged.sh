#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Secrets never reach OpenOCD's log: at every debug level (-d0 .. -d4), a password
# authentication, a certificate authentication (leaf private key) and a password .obk
# generation leave no trace of the password (as text or as the 32-bit words that carry it
# through the mailbox) nor of the private key (its PEM body) in the log. Neither do a PKCS#11
# token's PIN (SoftHSM2, PIN from a file and from the environment) nor what an external
# signer (-sign-cmd) says. Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

S=$H5_SAMPLES
PW=$S/NUCLEO-H563ZI/Binary/password.bin        # the 16-byte password "0123456789012345"
KEY=$S/NUCLEO-H563ZI/Keys/key_3_leaf.pem
CERT=$S/NUCLEO-H563ZI/Certificates/cert_leaf_chain.b64

# needles: the password as text, as little-endian mailbox words (hex), and the key's PEM body
printf '%s\n' 0123456789012345 33323130 37363534 31303938 35343332 >"$h5_work/needles"
grep -v '^-----' "$KEY" >>"$h5_work/needles"

leaks() { # leaks LOG: passes (returns 1) if no needle occurs in LOG, case-insensitively
	grep -Fiq -f "$h5_work/needles" "$1"
}
no_leak() { # no_leak NAME: one TAP line, passing if OpenOCD's last log holds no needle
	if leaks "$h5_work/ocd.log"; then h5_tap 0 "$1"; else h5_tap 1 "$1"; fi
}

h5_seed "--part H563 --pstate 0x72 --tzen 0" "$S/NUCLEO-H563ZI/Binary/DA_ConfigWithPassword.obk"
cp "$h5_work/state" "$h5_work/state.pw"
h5_seed "--part H563 --pstate 0x72 --tzen 1" "$S/NUCLEO-H563ZI/Binary/DA_Config.obk"
cp "$h5_work/state" "$h5_work/state.cert"

for level in 0 1 2 3 4; do
	cp "$h5_work/state.pw" "$h5_work/state"
	h5_session "--part H563 --pstate 0x72 --tzen 0" \
		"debug_level $level; echo \"R: [stm32h5x da auth -password $PW]\"; stm32h5x obk make_da_config -out $h5_work/pw.obk -password $PW"
	h5_check "-d$level: the password authentication ran" "^product_state Open" "$h5_work/ocd.log"
	no_leak "-d$level: no password in the log"

	cp "$h5_work/state.cert" "$h5_work/state"
	h5_session "--part H563 --pstate 0x72 --tzen 1" \
		"debug_level $level; echo \"R: [stm32h5x da auth -key $KEY -cert $CERT -permissions full_regression]\""
	h5_check "-d$level: the certificate authentication ran" "^product_state Open" "$h5_work/ocd.log"
	no_leak "-d$level: no private key material in the log"
done

# --- PKCS#11 PIN and external signer, at the most verbose level --------------------------------
. "$H5_TOP_SRCDIR/tests/integration/cred_lib.sh"
P=$h5_work/hsm
HSM_PIN=97531864
h5_softhsm_token "$P" h5sec "$HSM_PIN"
(umask 077 && printf '%s\n' "$HSM_PIN" >"$P/pin")
URI="pkcs11:token=h5sec;object=leaf?module-path=$H5_SOFTHSM_MODULE"
# a chain whose leaf is the token's key (ST's root and intermediate sign it)
h5_offline "stm32h5x da make_certificate -role leaf -subject-key {$URI&pin-source=file:$P/pin} -signer-key $S/NUCLEO-H563ZI/Keys/key_2_intermediate.pem -parent $S/NUCLEO-H563ZI/Certificates/cert_intermediate_chain.b64 -permissions full_regression -out $P/leaf.b64
stm32h5x da make_chain -out $P/chain.b64 $S/NUCLEO-H563ZI/Certificates/cert_intermediate_chain.b64 $P/leaf.b64"
printf '%s\n' "$HSM_PIN" SIGNER-SECRET-7f3a9c >>"$h5_work/needles"

cp "$h5_work/state.cert" "$h5_work/state"
STM32H5X_PKCS11_PIN=$HSM_PIN h5_session "--part H563 --pstate 0x72 --tzen 1" \
	"debug_level 4; echo \"R: [stm32h5x da auth -key {$URI} -cert $P/chain.b64 -permissions full_regression]\""
h5_check "-d4: the token-signed authentication ran (PIN from the environment)" "^product_state Open" "$h5_work/ocd.log"
no_leak "-d4: no PIN (environment) in the log"
cp "$h5_work/state.cert" "$h5_work/state"
h5_session "--part H563 --pstate 0x72 --tzen 1" \
	"debug_level 4; echo \"R: [stm32h5x da auth -key {$URI&pin-source=file:$P/pin} -cert $P/chain.b64 -permissions full_regression]\""
h5_check "-d4: the token-signed authentication ran (PIN from a file)" "^product_state Open" "$h5_work/ocd.log"
no_leak "-d4: no PIN (file) in the log"
cp "$h5_work/state.cert" "$h5_work/state"
h5_session "--part H563 --pstate 0x72 --tzen 1" \
	"debug_level 4; echo \"R: [stm32h5x da auth -sign-cmd {$H5_TEST_SIGNER chatty $KEY} -cert $CERT -permissions full_regression]\""
h5_check "-d4: the signing command's authentication ran" "^product_state Open" "$h5_work/ocd.log"
no_leak "-d4: nothing the signer said is in the log"

# the check itself finds a leak when there is one
printf 'Debug: 0123456789012345\n' >"$h5_work/planted.log"
if leaks "$h5_work/planted.log"; then h5_tap 1 "a planted password is detected"; else h5_tap 0 "a planted password is detected"; fi
h5_finish
