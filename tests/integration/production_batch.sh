#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# stm32h5-lifecycle batch (issue 17, docs/production.md): four simulated H563 boards in parallel
# from one recipe (root key, Closed, one secure image, one option byte):
#   b1, b2  good boards: Closed, image programmed and verified, option byte set;
#   b3      power lost while its image is programmed (h5sim --fault-power-loss-after);
#   b4      carries a foreign DA configuration (ST's password one) in its OBKeys.
# The report names both failures and their steps, b4 is untouched; a rerun with the same
# report (b3's power supply fixed) completes b3 and leaves b1, b2 untouched (their dumps and
# state files unchanged: their simulators are not even started) and refuses b4 again.
# Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

S=$H5_SAMPLES/NUCLEO-H563ZI
. "$H5_TOP_SRCDIR/tests/integration/frontend_env.sh"
W=$h5_work
R=$W/report.jsonl
head -c 16384 /dev/urandom >"$W/app.bin"
. "$H5_TOP_SRCDIR/scripts/sample-recipe.sh"
sample_recipe "$W/product.recipe" widget
mkdir -p "$W/sims/b1" "$W/sims/b2" "$W/sims/b3" "$W/sims/b4"
echo "--part H563 --fault-power-loss-after 12" >"$W/sims/b3/options"
# b4: a chip that went through provisioning for someone else (h5_seed writes the OBKeys)
h5_seed "--part H563" "$S/Binary/DA_ConfigWithPassword.obk"
cp "$W/state" "$W/sims/b4/state"

rec() { grep "\"serial\": \"$1\"" "$R" | tail -1; } # the last record of a board
field() { rec "$1" | grep -q "\"$2\": $3"; }        # field BOARD KEY JSON-VALUE-REGEX
tap_if() { if "$@"; then h5_tap 1 "$NAME"; else h5_tap 0 "$NAME"; echo "# $(rec "$B")"; fi; }

cd "$W" || exit 1
"$FE" --probe sim --sim-dir "$W/sims" --report "$R" batch product.recipe >"$W/batch1.out" 2>&1
rc=$?
cp "$W/batch1.out" "$W/ocd.log"
if [ $rc -eq 1 ]; then h5_tap 1 "first run: exit 1 (a board failed)"; else h5_tap 0 "first run: exit 1 (got $rc)"; fi
h5_check "first run: a live status line per board" "^b3: \[3/7\] program app.bin and verify" "$W/batch1.out"
for B in b1 b2; do
	NAME="$B: done, Closed" tap_if field $B result '"done"'
	NAME="$B: state before Open, after Closed" tap_if sh -c "$(printf '%s' "grep \"\\\"serial\\\": \\\"$B\\\"\" '$R' | tail -1 | grep -q '\"state_before\": \"Open\", \"state_after\": \"Closed\"'")"
	NAME="$B: image programmed and verified, its SHA-256 recorded" tap_if field $B images "\\[{\"file\": \"app.bin\", \"address\": \"0x0C000000\", \"sha256\": \"$(sha256sum "$W/app.bin" | cut -c1-64)\", \"programmed\": true, \"verified\": true}\\]"
	NAME="$B: 96-bit UID, part and revision recorded" tap_if sh -c "grep '\"serial\": \"$B\"' '$R' | tail -1 | grep -Eq '\"dev_id\": \"0x484\", \"rev_id\": \"0x[0-9a-f]{4}\", \"uid\": \"[0-9a-f]{24}\"'"
	h5_check "$B: the chip is Closed (dump)" "^product_state 0x72$" "$W/sims/$B/dump.txt"
done
NAME="the boards have their own UIDs" tap_if test "$(rec b1 | sed 's/.*"uid": "\([0-9a-f]*\)".*/\1/')" != "$(rec b2 | sed 's/.*"uid": "\([0-9a-f]*\)".*/\1/')"
NAME="DA configuration hash recorded (ST's sample's integrity hash), no secret" B=b1 tap_if field b1 da_config_sha256 '"989c08e96934b8b0c754e7b38704dcca9611551838f2f429d30fc056986a757f"'
B=b3
NAME="b3 (power loss): interrupted" tap_if field b3 result '"interrupted"'
NAME="b3 (power loss): the report names the programming step" tap_if field b3 failed_step '"3/7 program app.bin and verify"'
NAME="b3 (power loss): its UID and state before are recorded" tap_if sh -c "grep '\"serial\": \"b3\"' '$R' | tail -1 | grep -Eq '\"uid\": \"[0-9a-f]{24}\", \"state_before\": \"Open\"'"
h5_check "b3: the simulator lost power during a flash operation" "^sim_exit_reason power-loss" "$W/sims/b3/dump.txt"
B=b4
NAME="b4 (foreign DA configuration): refused" tap_if field b4 result '"refused"'
NAME="b4: the report names the check and the foreign configuration" tap_if sh -c "grep '\"serial\": \"b4\"' '$R' | tail -1 | grep -q '\"failed_step\": \"checks\", \"error\": \"stm32h5x::recipe: foreign DA configuration'"
h5_check "b4: nothing was written (no flash operation)" "^count_flash_ops_started 0$" "$W/sims/b4/dump.txt"
h5_check "b4: still Open" "^product_state 0xed$" "$W/sims/b4/dump.txt"

# --- the rerun: b3's power fixed ------------------------------------------------------------------
rm "$W/sims/b3/options"
sum() { sha256sum "$W/sims/$1/dump.txt" "$W/sims/$1/state" | cut -c1-64 | tr '\n' ' '; }
b1sum=$(sum b1)
b2sum=$(sum b2)
"$FE" --probe sim --sim-dir "$W/sims" --report "$R" batch product.recipe >"$W/batch2.out" 2>&1
rc=$?
cp "$W/batch2.out" "$W/ocd.log"
if [ $rc -eq 1 ]; then h5_tap 1 "rerun: exit 1 (b4 still refused)"; else h5_tap 0 "rerun: exit 1 (got $rc)"; fi
h5_check "rerun: b1 skipped (done in the report)" "^b1: done in .*: skipped" "$W/batch2.out"
h5_check "rerun: b2 skipped (done in the report)" "^b2: done in .*: skipped" "$W/batch2.out"
B=b3
NAME="rerun: b3 completed, Closed" tap_if field b3 result '"done"'
NAME="rerun: b3 resumed from Provisioning or Open and verified its image" tap_if field b3 images '\[{"file": "app.bin", "address": "0x0C000000", "sha256": "[0-9a-f]*", "programmed": true, "verified": true}\]'
h5_check "rerun: b3 is Closed (dump)" "^product_state 0x72$" "$W/sims/b3/dump.txt"
NAME="rerun: b1 untouched (its dump and state did not change)" B=b1 tap_if test "$(sum b1)" = "$b1sum"
NAME="rerun: b2 untouched (its dump and state did not change)" B=b2 tap_if test "$(sum b2)" = "$b2sum"
B=b4
NAME="rerun: b4 refused again" tap_if field b4 result '"refused"'
n=$(grep -c '"result": "done"' "$R")
NAME="the report holds three done records (b1, b2 once, b3 once)" tap_if test "$n" -eq 3
h5_finish
