#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Secrets never reach OpenOCD's log: at every debug level (-d0 .. -d4), a password
# authentication, a certificate authentication (leaf private key) and a password .obk
# generation leave no trace of the password (as text or as the 32-bit words that carry it
# through the mailbox) nor of the private key (its PEM body) in the log. Prints TAP.
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

h5_seed "--part H563 --pstate 0x72 --tzen 0" "$S/NUCLEO-H563ZI/Binary/DA_ConfigWithPassword.obk"
cp "$h5_work/state" "$h5_work/state.pw"
h5_seed "--part H563 --pstate 0x72 --tzen 1" "$S/NUCLEO-H563ZI/Binary/DA_Config.obk"
cp "$h5_work/state" "$h5_work/state.cert"

for level in 0 1 2 3 4; do
	cp "$h5_work/state.pw" "$h5_work/state"
	h5_session "--part H563 --pstate 0x72 --tzen 0" \
		"debug_level $level; echo \"R: [stm32h5x da auth -password $PW]\"; stm32h5x obk make_da_config -out $h5_work/pw.obk -password $PW"
	h5_check "-d$level: the password authentication ran" "^product_state Open" "$h5_work/ocd.log"
	if leaks "$h5_work/ocd.log"; then h5_tap 0 "-d$level: no password in the log"; else h5_tap 1 "-d$level: no password in the log"; fi

	cp "$h5_work/state.cert" "$h5_work/state"
	h5_session "--part H563 --pstate 0x72 --tzen 1" \
		"debug_level $level; echo \"R: [stm32h5x da auth -key $KEY -cert $CERT -permissions full_regression]\""
	h5_check "-d$level: the certificate authentication ran" "^product_state Open" "$h5_work/ocd.log"
	if leaks "$h5_work/ocd.log"; then h5_tap 0 "-d$level: no private key material in the log"; else h5_tap 1 "-d$level: no private key material in the log"; fi
done

# the check itself finds a leak when there is one
printf 'Debug: 0123456789012345\n' >"$h5_work/planted.log"
if leaks "$h5_work/planted.log"; then h5_tap 1 "a planted password is detected"; else h5_tap 0 "a planted password is detected"; fi
h5_finish
