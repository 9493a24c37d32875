#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# stm32h5x::provision interrupted, then re-run (docs/provisioning.md, "Recovery"):
#  1. power lost while the image is programmed (simulator --fault-power-loss-after): OpenOCD
#     loses the probe; the last progress line names the step, the chip is still Open (as the
#     Recovery table says) and the same command, run again, completes to Closed;
#  2. the probe's connection dropped during the DA-configuration step of a chip in
#     Provisioning (--fault-drop-after, placed just after the read-only checks and the halt from
#     reset, whose length a dry run followed by "reset halt" measures): the error names the step, the chip stays in Provisioning, and the same
#     command resumes and completes;
#  3. H503 in Provisioning whose OTP block 0 holds the first 6 half-words of the password hash
#     (an OTP write interrupted): the re-run programs only the 10 missing half-words, then
#     locks; with other data there it stops at the DA step and locks nothing.
# Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

S=$H5_SAMPLES/NUCLEO-H563ZI
L=$h5_work/ocd.log
D=$h5_work/dump.txt
head -c 8192 /dev/urandom >"$h5_work/app.bin"
CMD="stm32h5x::provision Closed -password $S/Binary/password.bin -encrypt 0 -image $h5_work/app.bin 0x08000000 -confirm"
last_step() { grep '^stm32h5x::provision: \[' "$L" | tail -1; }

# --- 1. power loss while programming the image ------------------------------------------------
h5_fresh_state
h5_session "--part H563 --fault-power-loss-after 10" "$CMD"
h5_check "power loss: the simulator lost power during a flash operation" "^sim_exit_reason power-loss" "$D"
if last_step | grep -q '\[3/7\] program app.bin and verify'; then
	h5_tap 1 "power loss: the last progress line names the image step (3/7)"
else
	h5_tap 0 "power loss: the last progress line names the image step (3/7)"
	echo "# last progress line: $(last_step)"
fi
h5_pstate "power loss: the chip is still Open (Recovery: re-run)" 0xed
h5_check "power loss: no DA configuration was written" "^obk_sector 1 words_written 0" "$D"
h5_session "--part H563" "echo \"R: [$CMD]\""
h5_check "power loss: the same command, run again, completes" "^R: Closed$" "$L"
h5_check "power loss: the re-run programmed and verified the image" "verified 8192 bytes" "$L"
h5_pstate "power loss: the chip is now Closed" 0x72
h5_check "power loss: the DA configuration is in the OBKeys" "^obk_sector [01] words_written 6" "$D"

# --- 2. connection dropped in the DA-configuration step ---------------------------------------
RESUME="stm32h5x::provision Closed -password $S/Binary/password.bin -encrypt 0 -confirm"
h5_fresh_state
h5_session "--part H563 --pstate 0x17" "stm32h5x::provision Closed -password $S/Binary/password.bin -encrypt 0 -dry-run; reset halt"
checks=$(sed -n 's/^count_dap_transactions //p' "$D")
h5_check "drop: the dry run sees a chip in Provisioning and would resume" "resuming" "$L"
h5_session "--part H563 --fault-drop-after $((checks + 50))" "$RESUME"
# OpenOCD 0.12.0's remote_bitbang driver may abort on the lost socket (an assert in
# remote_bitbang_read_sample) before the proc can report: then the last progress line is what
# names the step, as it would be for the user
if grep -q "step 1/3 (generate and provision the DA configuration (password), encryption flag 0 (given), reset) failed" "$L"; then
	h5_tap 1 "drop: the error names the DA-configuration step"
	h5_check "drop: the error points to the Recovery section" "Recovery: re-running the same command resumes" "$L"
elif grep -q "remote_bitbang_read_sample: Assertion" "$L" &&
	last_step | grep -q '\[1/3\] generate and provision the DA configuration'; then
	h5_tap 1 "drop: OpenOCD aborted on the lost socket; the last progress line names the DA-configuration step"
else
	h5_tap 0 "drop: the error (or the last progress line) names the DA-configuration step"
	echo "# last progress line: $(last_step)"
fi
h5_pstate "drop: the chip stays in Provisioning" 0x17
h5_session "--part H563" "echo \"R: [$RESUME]\""
h5_check "drop: the same command resumes (skipping baseline, erase, programming)" "resuming" "$L"
h5_check "drop: and completes" "^R: Closed$" "$L"
h5_pstate "drop: the chip is now Closed" 0x72
h5_check "drop: the DA configuration is in the OBKeys" "^obk_sector [01] words_written 6" "$D"

# --- 3. H503: OTP block 0 partly written by an interrupted run ----------------------------------
P3=$H5_SAMPLES/NUCLEO-H503RB
H503CMD="stm32h5x::provision Closed -password $P3/user_password.bin -confirm"
otp_lines() { # otp_lines FILE N: the first N half-words of FILE as state-file lines
	i=0
	out=""
	while [ "$i" -lt "$2" ]; do
		out="$out
otp $(printf '0x%03x' $((2 * i))) 1 $(h5_hex "$1" $((2 * i)) 2)"
		i=$((i + 1))
	done
	echo "$out" | sed "/^$/d"
}
h5_fresh_state
h5_session "--part H503 --pstate 0x17" ""
h5_state_add "$(otp_lines "$P3/board_password.bin" 6)"
h5_session "--part H503" "echo \"R: [$H503CMD]\""
h5_check "H503: the first half of the hash already in OTP: the re-run completes" "^R: Closed$" "$L"
h5_check "H503: only the 10 missing half-words were programmed" "programmed the 10 missing ones" "$L"
h5_check "H503: OTP block 0 is locked" "^otp_lock 0x00000001" "$D"
h5_check "H503: OTP holds the 16 half-words of the hash" "^otp_halfwords_written 16" "$D"
printf '\001\002' >"$h5_work/other.bin"
h5_fresh_state
h5_session "--part H503 --pstate 0x17" ""
h5_state_add "$(otp_lines "$h5_work/other.bin" 1)"
h5_session "--part H503" "$H503CMD"
h5_check "H503: other data in OTP block 0: refused before anything is written" \
	"OTP block 0 \\(not locked\\) already holds data that is not this password's hash" "$L"
h5_absent "H503: no step ran" "\\[1/3\\]" "$L"
h5_check "H503: the block was not locked" "^otp_lock 0x00000000" "$D"
h5_pstate "H503: the chip stays in Provisioning" 0x17

h5_finish
