#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The front end stm32h5-lifecycle (docs/production.md) against a simulated H563, from the build
# tree (build/bin) and from PATH after "make install DESTDIR=...": every command, text and
# --json results on stdout, OpenOCD's log in the --log file, and the exit codes (0 done,
# 2 refused, 3 interrupted). Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"
. "$H5_TOP_SRCDIR/tests/integration/frontend_env.sh"

S=$H5_SAMPLES/NUCLEO-H563ZI
W=$h5_work
cd "$W" || exit 1
head -c 8192 /dev/urandom >app.bin
. "$H5_TOP_SRCDIR/scripts/sample-recipe.sh"
sample_recipe good.recipe widget
cat >bad.recipe <<EOR
part        H563
state       Closed
trustzone   on
credential  {password $S/Binary/password.bin}
images      { {app.bin 0x0C1FF000} }
EOR
cat >locked.recipe <<EOR
part           H563
state          Locked
locked_consent yes
credential     {password $S/Binary/password.bin}
images         { {app.bin 0x08000000} }
EOR
mkdir -p sims bsims/broken
echo "--part H563 --no-such-option" >bsims/broken/options

# t NAME EXPECTED-EXIT REGEX COMMAND...: runs COMMAND, checks its exit code and that its
# stdout+stderr match REGEX (- : the exit code only)
t() {
	name=$1 want=$2 re=$3
	shift 3
	"$@" >out.txt 2>&1
	got=$?
	cp out.txt ocd.log
	if [ "$got" -eq "$want" ] && { [ "$re" = - ] || grep -qE -- "$re" out.txt; }; then
		h5_tap 1 "$name"
	else
		h5_tap 0 "$name"
		echo "# exit $got (wanted $want): $(head -c 300 out.txt)"
	fi
}

run_all() { # run_all LABEL FRONTEND
	L=$1
	F=$2
	rm -rf sims/b
	sim="--probe sim --sim-dir sims --serial b --log $L.log"
	t "$L: state" 0 '^Open$' $F $sim state
	t "$L: OpenOCD's log is in the --log file" 0 - grep -q 'Open On-Chip Debugger' $L.log
	t "$L: state --json" 0 '^\{"command": "state", "result": "ok", "output": "Open", "log": ' $F $sim --json state
	t "$L: ob TZEN reads one option byte" 0 '^0xC3$' $F $sim ob TZEN
	t "$L: ob lists every option byte" 0 'BOR_LEV' $F $sim ob
	t "$L: ob BOR_LEV=2 sets it" 0 'BOR_LEV=0x2' $F $sim ob BOR_LEV=2
	t "$L: and it reads back" 0 '^0x2$' $F $sim ob BOR_LEV
	t "$L: check of a good recipe" 0 'good \(H563, final state Closed\)' $F check good.recipe
	t "$L: check of a bad recipe: refused (2), every problem named" 2 'refused \(2 problems\): trustzone on with a password credential.*outside the H563' $F check bad.recipe
	t "$L: provision --dry-run prints the plan" 0 'Closed' $F $sim provision good.recipe --dry-run
	t "$L: the plan is in the log" 0 - grep -q 'program app.bin and verify' $L.log
	t "$L: provision without --confirm: refused (2)" 2 'add -confirm' $F $sim provision good.recipe
	t "$L: provision a bad recipe: refused (2) before the board" 2 'recipe .bad.recipe. refused' $F $sim provision bad.recipe --confirm
	t "$L: the board is still Open" 0 '^Open$' $F $sim state
	t "$L: provision --confirm" 0 '^Closed$' $F $sim provision good.recipe --confirm
	t "$L: discover on the Closed board" 0 'lifecycle 0x3072' $F $sim discover
	t "$L: regress without --confirm: refused (2)" 2 'confirm' $F $sim regress full --key $S/Keys/key_3_leaf.pem --cert $S/Certificates/cert_leaf_chain.b64
	t "$L: regress full --confirm" 0 '^Open$' $F $sim regress full --key $S/Keys/key_3_leaf.pem --cert $S/Certificates/cert_leaf_chain.b64 --confirm
	t "$L: Locked without --allow-locked: refused (2)" 2 'the command line must allow it too' $F $sim provision locked.recipe --confirm
	t "$L: the board is still Open after the refusals" 0 '^Open$' $F $sim state
	t "$L: a board whose simulator does not start: failed (1) at connect" 1 "broken: failed at connect: the simulator of 'broken' did not start" $F --probe sim --sim-dir bsims --serial broken --report $L-broken.jsonl batch good.recipe
	t "$L: doctor prints stm32h5x da doctor's gates" 0 '^failed_gate ' $F $sim doctor
	t "$L: probes lists the simulated boards" 0 '^b$' $F --probe sim --sim-dir sims probes
	t "$L: a CMSIS-DAP that is not connected: failed (1), named" 1 'did not reach the board.*CMSIS-DAP' $F --probe cmsis-dap --serial NOPE1 --log $L-probe.log state
	t "$L: an unknown probe: refused (2)" 2 "--probe 'usb' is not" $F --probe usb state
	t "$L: an unknown command: refused (2)" 2 "unknown command 'frobnicate'" $F $sim frobnicate
}

run_all build "$FE"

# interrupted: the whole run stopped by SIGTERM while it provisions -> exit 3
rm -rf sims/b
mkdir -p sims/b
echo "--part H563 --t-program-ns 4000000" >sims/b/options # slow programming: a window to stop in
# the run in its own process group (setsid), stopped as a line controller or Ctrl-C stops it
setsid "$FE" --probe sim --sim-dir sims --serial b \
	--log int.log provision good.recipe --confirm >int.out 2>&1 &
pid=$!
i=0
while ! grep -q 'program app.bin' int.log 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
/bin/kill -s TERM -- -"$pid"
wait "$pid"
rc=$?
if [ $rc -eq 3 ]; then h5_tap 1 "interrupted by SIGTERM: exit 3"; else h5_tap 0 "interrupted by SIGTERM: exit 3 (got $rc)"; fi
rm -f sims/b/options

rm -rf sims/b
t "Locked with the recipe's and the command line's consent" 0 '^Locked$' "$FE" --probe sim --sim-dir sims --serial b --allow-locked provision locked.recipe --confirm
h5_check "the chip is Locked (dump)" "^product_state 0x5c$" sims/b/dump.txt

# installed: make install DESTDIR=..., then from PATH (the simulator is not installed: $H5SIM).
# Only in the build tree "make" built: the sanitizer and valgrind variants have no install.
if [ "$FE_BUILD_TREE" = 0 ]; then
	echo "# variant build: the install part runs in make check"
	h5_finish
fi
D=$W/destdir
if make -C "$H5_BUILDDIR/.." install DESTDIR="$D" >install.log 2>&1; then
	h5_tap 1 "make install DESTDIR=... installs"
else
	h5_tap 0 "make install DESTDIR=... installs"
	tail -5 install.log | sed 's/^/# /'
fi
BIN=$(dirname "$(find "$D" -name stm32h5-lifecycle -type f | head -1)")
t "installed: stm32h5-lifecycle and openocd are in bindir" 0 - test -x "$BIN/stm32h5-lifecycle" -a -x "$BIN/openocd"
# a few commands from PATH (the full list above ran from the build tree)
export H5SIM="$H5_BUILDDIR/bin/h5sim"
P=$BIN:/usr/bin:/bin
rm -rf sims/b
sim="--probe sim --sim-dir sims --serial b --log installed.log"
t "installed: state from PATH" 0 '^Open$' env PATH="$P" stm32h5-lifecycle $sim state
t "installed: it ran the installed OpenOCD with the installed scripts" 0 - grep -q "$D" installed.log
t "installed: check of a bad recipe: refused (2)" 2 'trustzone on with a password' env PATH="$P" stm32h5-lifecycle check bad.recipe
t "installed: provision --confirm" 0 '^Closed$' env PATH="$P" stm32h5-lifecycle $sim provision good.recipe --confirm
rm -rf sims/b
t "installed: batch (its part from the installed share directory)" 0 'batch: 1 of 1 board\(s\) done' env PATH="$P" stm32h5-lifecycle --probe sim --sim-dir sims --serial b --report installed.jsonl batch good.recipe
h5_finish
