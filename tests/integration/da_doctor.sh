#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# "stm32h5x da doctor" names the failing gate for each injected fault: NRST not wired, a wrong
# entry word forced, AP0 absent, a Locked part, no DA configuration; on a healthy Closed part
# every gate is ok and the product state is read from DA discovery. One simulator + OpenOCD
# pair per case. Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

S=$H5_SAMPLES
OBK=$S/NUCLEO-H563ZI/Binary/DA_Config.obk
L=$h5_work/ocd.log
DOCTOR='set r [stm32h5x da doctor]; echo "F: [dict get $r failed_gate]"; foreach k {nrst da_entry ap0 discovery product_state credentials} { echo "$k: [dict get $r $k]" }'

h5_seed "--part H563 --pstate 0x72 --tzen 1" "$OBK"
cp "$h5_work/state" "$h5_work/state.closed"

h5_session "--part H563" "set r [stm32h5x da doctor -key $S/NUCLEO-H563ZI/Keys/key_3_leaf.pem -cert $S/NUCLEO-H563ZI/Certificates/cert_leaf_chain.b64]; echo \"F: [dict get \$r failed_gate]\"; echo \"P: [dict get \$r product_state]\"; echo \"C: [dict get \$r credentials]\""
h5_check "a healthy Closed part passes every gate" "^F: none$" "$L"
h5_check "the product state of a closed AP1 comes from DA discovery" "^P: status \{ok\} value \{0x72 Closed \(from DA discovery" "$L"
h5_check "the named certificate chain is checked locally" "^C: status \{ok\} value \{the certificate chain fits this device" "$L"
h5_check "the doctor prints a table row per gate" "Info : +da_entry +ok +0x53544441 STDA answered" "$L"
h5_pstate "the doctor changes nothing" 0x72

cp "$h5_work/state.closed" "$h5_work/state"
h5_session "--part H563 --fault-no-nrst" "$DOCTOR"
h5_check "NRST not wired: the doctor names the nrst gate" "^F: nrst$" "$L"
h5_check "NRST not wired: it says what to do" "^nrst: status \{failed\} value .*never taken.* todo \{wire NRST" "$L"
h5_check "NRST not wired: the DA entry is not reached" "^da_entry: status \{not reached\}" "$L"

cp "$h5_work/state.closed" "$h5_work/state"
h5_session "--part H563" "stm32h5x da config entry_word 0x4F454441; $DOCTOR"
h5_check "a wrong entry word forced: the doctor names the da_entry gate" "^F: da_entry$" "$L"
h5_check "a wrong entry word forced: it names the word that was answered and the fix" \
	"^da_entry: status \{failed\} value \{entry_word 0x4f454441 \(set\) got no answer; 0x53544441 STDA was answered.*todo \{use 'stm32h5x da config entry_word auto'" "$L"
h5_check "a wrong entry word forced: NRST is seen working" "^nrst: status \{ok\}" "$L"

cp "$h5_work/state.closed" "$h5_work/state"
h5_session "--part H563 --fault-no-ap0" "$DOCTOR"
h5_check "AP0 absent: the doctor names the ap0 gate" "^F: ap0$" "$L"

cp "$h5_work/state.closed" "$h5_work/state"
h5_session "--part H563 --pstate 0x5C" "$DOCTOR"
h5_check "a Locked part: the doctor names the discovery gate" "^F: discovery$" "$L"
h5_check "a Locked part: it says Locked is final" "^discovery: status \{failed\} value \{the device is Locked.*todo \{none: Locked is final" "$L"

h5_seed "--part H563 --pstate 0x72 --tzen 1" "-"
h5_session "--part H563" "$DOCTOR"
h5_check "no DA configuration: the doctor names the discovery gate" "^F: discovery$" "$L"
h5_check "no DA configuration: it says so and what to do" "^discovery: status \{failed\} value \{no DA configuration provisioned.*todo \{provision a DA configuration" "$L"
h5_finish
