#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Debug Authentication against every simulator variant of the transport facts not confirmed on
# silicon, with the host on its defaults ("auto"): entry word ("STDA" echoed, "OEDA"
# answered "DAOK", or "STDA" not answered at all), DBG_AUTH_ACK bits (standard or swapped),
# who clears the device-word flag (hardware or host) and the data_count unit (words or bytes).
# For each of the 24 variants one simulator + OpenOCD pair runs discovery then a password
# regression on a Closed H563 with TrustZone off, and checks that the host reported the values
# the variant uses. Without an answer word the entry word cannot be detected (the host goes on
# with "STDA") and the ACK bits are decided from the first word of the discovery response.
# Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

S=$H5_SAMPLES
OBK=$S/NUCLEO-H563ZI/Binary/DA_ConfigWithPassword.obk
PW=$S/NUCLEO-H563ZI/Binary/password.bin
L=$h5_work/ocd.log
BASE="--part H563 --pstate 0x72 --tzen 0"

# the seeded chip, kept to restore before each variant
h5_seed "$BASE" "$OBK"
cp "$h5_work/state" "$h5_work/state.seeded"

for entry in STDA OEDA silent; do
	case $entry in
	STDA) entry_opts="--da-magic 0x53544441"; entry_re="entry word 0x53544441 STDA \(answered 0x53544441 STDA, detected\)" ;;
	OEDA) entry_opts="--da-magic 0x4F454441 --da-answer 0x44414F4B"; entry_re="entry word 0x4f454441 OEDA \(answered 0x44414f4b DAOK, detected\)" ;;
	silent) entry_opts="--da-no-answer"; entry_re="entry word 0x53544441 STDA \(no answer word, default, not detected\)" ;;
	esac
	for ack in standard swapped; do
		for flag in hardware host; do
			case $flag in
			hardware) flag_re="device flag cleared by hardware \(detected\)" ;;
			host) flag_re="device flag cleared by the host \(detected\)" ;;
			esac
			for count in words bytes; do
				v="$entry/$ack/$flag/$count"
				cp "$h5_work/state.seeded" "$h5_work/state"
				h5_session "$BASE $entry_opts --da-ack-bits $ack --da-dev-flag $flag --da-count $count" \
					"echo \"D: [stm32h5x da discover]\"; echo \"R: [stm32h5x da auth -password $PW]\""
				h5_check "$v: discovery selects the password method" "auth_method password" "$L"
				h5_check "$v: the host detected the entry word" "$entry_re" "$L"
				h5_check "$v: the host detected ack_bits $ack" "ack_bits $ack \(detected\)" "$L"
				h5_check "$v: the host detected who clears the device flag" "$flag_re" "$L"
				h5_check "$v: the host detected data_count $count" "data_count $count \(detected\)" "$L"
				h5_check "$v: the password regression reports product state Open" "^product_state Open" "$L"
				h5_pstate "$v: the chip is Open after the regression" 0xed
			done
		done
	done
done
h5_finish
