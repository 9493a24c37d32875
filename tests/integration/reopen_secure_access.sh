#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# AP1 security follows what Debug Authentication granted. On a TZ-Closed H563 (bank 1 secure
# by watermark, bank 2 non-secure, a programmed word in each):
#  - stm32h5x::reopen_debug -level 3 (secure + non-secure): after it, the secure alias reads
#    without any manual AP setting, and so does the non-secure bank;
#  - stm32h5x::reopen_debug -level 1 -ns: the device grants non-secure debug only, so the secure
#    alias stays unreadable while the non-secure bank reads.
# Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

S=$H5_SAMPLES/NUCLEO-H563ZI
CHAIN="-key $S/Keys/key_3_leaf.pem -cert $S/Certificates/cert_leaf_chain.b64"
L=$h5_work/ocd.log

h5_seed "--part H563 --pstate 0xC6" "$S/Binary/DA_Config.obk"
h5_state_ob optsr2 0xb4000000
h5_state_ob secwm1r 0x007f0000
h5_state_ob secwm2r 0x00000001
h5_state_add "user 0x100000 1 22222222222222222222222222222222"
cp "$h5_work/state" "$h5_work/state.tzc"

READS='halt
if {[catch {set v [read_memory 0x0C000000 32 1]}]} { echo "S: error" } else { echo [format "S: 0x%08x" $v] }
if {[catch {set v [read_memory 0x08100000 32 1]}]} { echo "N: error" } else { echo [format "N: 0x%08x" $v] }'

h5_session "--part H563" "$READS"
h5_check "before any reopening the secure alias does not read (TZ-Closed)" "^S: error$" "$L"
h5_check "... and the non-secure bank reads" "^N: 0x22222222$" "$L"

cp "$h5_work/state.tzc" "$h5_work/state"
h5_session "--part H563" "stm32h5x::reopen_debug $CHAIN -level 3
$READS"
h5_check "after a level 3 reopening the config says secure debug is granted" \
	"TZ-Closed, TrustZone on, secure and non-secure debug" "$L"
h5_check "after a level 3 reopening the secure alias reads the secure word" "^S: 0x11111111$" "$L"
h5_check "... and the non-secure bank still reads" "^N: 0x22222222$" "$L"

cp "$h5_work/state.tzc" "$h5_work/state"
h5_session "--part H563" "stm32h5x::reopen_debug $CHAIN -level 1 -ns
$READS"
h5_check "a non-secure-only reopening grants no secure memory" "^S: error$" "$L"
h5_check "... but the non-secure bank reads" "^N: 0x22222222$" "$L"

h5_finish
