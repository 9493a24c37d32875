#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make reliability: runs the tests that inject faults, the tests that feed bad input, the
# fuzzers (for a bounded time), the tests under ASan + UBSan and under valgrind, and writes
# docs/reliability.md with the figures of that run. Every number is counted from the TAP lines
# (and the TAP comments) those runs print, never written by hand; the document says what each
# number counts. Exits non-zero if any of those runs failed (the document is written anyway).
#
# How OpenOCD's own output is seen: the bad-input tests print their count ("# bad inputs
# exercised (AREA): N") through OpenOCD, and run-tcl-test.sh keeps only the TAP lines, so the
# tests here run with H5_BUILDDIR pointing at $R/build, whose bin/openocd runs the real one and
# keeps a copy of what it printed in $R/raw/TEST/ (bin/h5sim is the real simulator).
#
# usage: scripts/reliability.sh      (env: H5_TOP_SRCDIR, H5_BUILDDIR,
#   RELIABILITY_FUZZ_SECONDS  seconds per fuzz harness (default 60)
#   RELIABILITY_TEST_TIMEOUT  limit for one test script, seconds (default 1200; a test that
#        hangs counts as failed)
#   RELIABILITY_SANITIZERS_LOG / RELIABILITY_VALGRIND_LOG  the saved output of an earlier
#        `make check-sanitizers` / `make check-valgrind` to count from instead of running it
#        again (the document then says so and gives the file's date))
set -u

: "${H5_TOP_SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${H5_BUILDDIR:=$H5_TOP_SRCDIR/build}"
: "${RELIABILITY_FUZZ_SECONDS:=60}"
: "${RELIABILITY_TEST_TIMEOUT:=1200}"
: "${RELIABILITY_SANITIZERS_LOG:=}"
: "${RELIABILITY_VALGRIND_LOG:=}"
T=$H5_TOP_SRCDIR
top_builddir=$(cd "$(dirname "$H5_BUILDDIR")" && pwd)
R=$H5_BUILDDIR/reliability
rm -rf "$R"
mkdir -p "$R/build/bin" "$R/raw" "$R/tap" "$R/test-logs"
failed=0
started=$(date +%s)

cat >"$R/build/bin/openocd" <<EOF
#!/bin/sh
dir=\${RELIABILITY_RAW:-$R/raw}
mkdir -p "\$dir"
out=\$(mktemp "\$dir/openocd.XXXXXX")
"$H5_BUILDDIR/bin/openocd" "\$@" >"\$out" 2>&1
status=\$?
cat "\$out"
exit \$status
EOF
chmod +x "$R/build/bin/openocd"
ln -s "$H5_BUILDDIR/bin/h5sim" "$R/build/bin/h5sim"

# run TEST: one test through tests/run-tests.sh; its TAP lines (without the "TEST: " prefix
# run-tests.sh adds) in $R/tap/TAG, what OpenOCD printed in $R/raw/TAG/
tag_of() { echo "$1" | sed 's|^\./||' | tr '/' '_'; }
run() {
	tag=$(tag_of "$1")
	timeout "$RELIABILITY_TEST_TIMEOUT" env RELIABILITY_RAW="$R/raw/$tag" H5_TOP_SRCDIR="$T" \
		H5_BUILDDIR="$R/build" H5_TEST_LOGDIR="$R/test-logs" \
		"$T/tests/run-tests.sh" "$1" >"$R/tap/$tag.out" 2>&1
	status=$?
	if [ $status -eq 124 ]; then
		echo "not ok - $1 did not finish within ${RELIABILITY_TEST_TIMEOUT}s" >>"$R/tap/$tag.out"
		echo "0 passed, 1 failed" >>"$R/tap/$tag.out"
	fi
	[ $status -eq 0 ] || failed=1
	sed -n "s|^[^:]*: \(\(not \)\{0,1\}ok .*\)|\1|p" "$R/tap/$tag.out" >"$R/tap/$tag"
	grep -E '^(not )?ok - ' "$R/tap/$tag.out" >>"$R/tap/$tag"
	sed -n '$p' "$R/tap/$tag.out"
}
# tap_name LINE: the test name of a TAP line
tap_names() { sed -E 's/^(not )?ok [0-9]* *- //' "$@"; }
existing() { for f in "$@"; do [ -f "$T/$f" ] && echo "$f"; done; }
cd "$T" || exit 1

# --- 1. faults ---------------------------------------------------------------------------------
echo "reliability: fault tests"
# a fault test starts the simulator with a --fault-* option (the bad-input tests whose device
# misbehaves are counted as bad inputs instead); tests/sim/ checks the injection itself
fault_tests=$(grep -l -e '--fault-' tests/integration/*.sh tests/integration/test_*.tcl 2>/dev/null |
	grep -v '/test_bad_input_')
sim_fault_tests=$(grep -l -e '--fault-' tests/sim/test_*.sh 2>/dev/null)
for t in $fault_tests $sim_fault_tests; do run "$t"; done
# one scenario per name prefix before ":" (faults.sh names every check "SCENARIO: check")
: >"$R/faults.tsv"
for t in $fault_tests; do
	tag=$(tag_of "$t")
	awk -v test="$t" '
		{ ok = ($1 == "ok"); sub(/^(not )?ok [0-9]* *- /, "") }
		index($0, ": ") == 0 { next }
		{
			sc = substr($0, 1, index($0, ": ") - 1); chk = substr($0, index($0, ": ") + 2)
			if (!(sc in n)) order[++k] = sc
			n[sc]++; p[sc] += ok
			if (chk ~ /reported|lost power|names the|error/) det[sc] = det[sc] (det[sc] ? "; " : "") chk (ok ? "" : " (FAILED)")
			else if (chk ~ /intact|not touched|still|stays|nothing|unchanged|kept|^no |not written|was not|only the/) iso[sc] = iso[sc] (iso[sc] ? "; " : "") chk (ok ? "" : " (FAILED)")
			else rec[sc] = rec[sc] (rec[sc] ? "; " : "") chk (ok ? "" : " (FAILED)")
		}
		END { for (i = 1; i <= k; i++) { s = order[i]
			printf "%s\t%s\t%d\t%d\t%s\t%s\t%s\n", test, s, n[s], p[s], det[s], rec[s], iso[s] } }
	' "$R/tap/$tag" >>"$R/faults.tsv"
done
f_scen=$(wc -l <"$R/faults.tsv")
f_surv=$(awk -F'\t' '$3 == $4 && $7 != "" { c++ } END { print c + 0 }' "$R/faults.tsv")
f_iso=$(awk -F'\t' '$7 != "" { c++ } END { print c + 0 }' "$R/faults.tsv")
sim_f_ok=0
sim_f_all=0
for t in $sim_fault_tests; do
	tag=$(tag_of "$t")
	sim_f_ok=$((sim_f_ok + $(grep -c '^ok ' "$R/tap/$tag")))
	sim_f_all=$((sim_f_all + $(grep -cE '^(not )?ok ' "$R/tap/$tag")))
done

# --- 2. bad input ------------------------------------------------------------------------------
echo "reliability: bad-input tests"
bad_tests=$(existing tests/integration/test_bad_input_*.tcl)
# the other Tcl tests' refusal checks (h5_check_error: lifecycle, provisioning, ...)
life_tests=$(grep -l '^[[:space:]]*h5_check_error' tests/integration/test_*.tcl 2>/dev/null |
	grep -v '/test_bad_input_')
da_tests=$(existing tests/integration/da_regression.sh)
for t in $bad_tests $life_tests $da_tests; do run "$t"; done
: >"$R/bad.tsv"    # test, tried, refused, state checks passed/all, what is counted
for t in $bad_tests; do
	tag=$(tag_of "$t")
	# bi_refused counts each bad input it tries and prints the count through OpenOCD
	tried=$(cat "$R/raw/$tag"/openocd.* 2>/dev/null |
		sed -n 's/^# bad inputs exercised ([^)]*): *\([0-9]*\)$/\1/p' | awk '{ s += $1 } END { print s + 0 }')
	not_ok=$(grep -c '^not ok ' "$R/tap/$tag")
	refused=$((tried - not_ok))
	[ "$refused" -ge 0 ] || refused=0
	st_all=$(grep -cE '^(not )?ok - (log|dump) matches' "$R/tap/$tag")
	st_ok=$(grep -cE '^ok - (log|dump) matches' "$R/tap/$tag")
	printf '%s\t%s\t%s\t%s/%s\t%s\n' "$t" "$tried" "$refused" "$st_ok" "$st_all" \
		"bi_refused checks (the count the test prints); refused = tried minus any failing check of the file" >>"$R/bad.tsv"
done
for t in $life_tests; do
	tag=$(tag_of "$t")
	# the checks written as h5_check_error (the command must fail with the named problem)
	sed -n 's/^[[:space:]]*h5_check_error[[:space:]]*"\([^"]*\)".*/\1/p; s/^[[:space:]]*h5_check_error[[:space:]]*{\([^}]*\)}.*/\1/p' \
		"$T/$t" | sort -u >"$R/life_names"
	tap_names "$R/tap/$tag" >"$R/life_tap"
	tried=$(grep -cxFf "$R/life_names" "$R/life_tap")
	refused=$(grep -E '^ok ' "$R/tap/$tag" | tap_names | grep -cxFf "$R/life_names")
	st_all=$(grep -cE '^(not )?ok - (log|dump) matches' "$R/tap/$tag")
	st_ok=$(grep -cE '^ok - (log|dump) matches' "$R/tap/$tag")
	printf '%s\t%s\t%s\t%s/%s\t%s\n' "$t" "$tried" "$refused" "$st_ok" "$st_all" \
		"h5_check_error checks (refused with an error matching the named problem)" >>"$R/bad.tsv"
done
for t in $da_tests; do
	tag=$(tag_of "$t")
	# refusal checks by name ("... is refused ...", "... refuses ..."); the checks that a refusal
	# changed nothing ("a refusal leaves ...", "a refused ... changes nothing")
	tried=$(tap_names "$R/tap/$tag" | grep -E 'is refused|refuses' | grep -cvE 'leaves|changes nothing')
	refused=$(grep '^ok ' "$R/tap/$tag" | tap_names | grep -E 'is refused|refuses' | grep -cvE 'leaves|changes nothing')
	st_all=$(tap_names "$R/tap/$tag" | grep -cE 'refus.*(leaves|changes nothing)')
	st_ok=$(grep '^ok ' "$R/tap/$tag" | tap_names | grep -cE 'refus.*(leaves|changes nothing)')
	printf '%s\t%s\t%s\t%s/%s\t%s\n' "$t" "$tried" "$refused" "$st_ok" "$st_all" \
		"checks named \"... is refused ...\"/\"... refuses ...\" (the device's or the host's named refusal)" >>"$R/bad.tsv"
done
b_tried=$(awk -F'\t' '{ s += $2 } END { print s + 0 }' "$R/bad.tsv")
b_refused=$(awk -F'\t' '{ s += $3 } END { print s + 0 }' "$R/bad.tsv")
# refused, and the chip's state checked unchanged after the run (every state check passed)
b_kept=$(awk -F'\t' '{ split($4, c, "/") } c[2] > 0 && c[1] == c[2] { s += $3 } END { print s + 0 }' "$R/bad.tsv")

# --- 3. fuzzing --------------------------------------------------------------------------------
echo "reliability: fuzzing, ${RELIABILITY_FUZZ_SECONDS}s per harness"
FUZZ_SECONDS=$RELIABILITY_FUZZ_SECONDS make -s -C "$top_builddir" fuzz >"$R/fuzz.out" 2>&1 || failed=1
grep -E '^(not )?ok |^# fuzz total' "$R/fuzz.out"
# "ok N - fuzz H: RUNS executions in Ss, no crash" / "not ok N - fuzz H: RUNS executions, crash ..."
sed -nE 's/^(not )?ok [0-9]+ - fuzz ([a-z_0-9]+): ([0-9]+) executions.*/\2\t\3\t\1/p' "$R/fuzz.out" |
	awk -F'\t' '{ printf "%s\t%s\t%d\n", $1, $2, ($3 == "not " ? 1 : 0) }' >"$R/fuzz.tsv"
z_runs=$(awk -F'\t' '{ s += $2 } END { print s + 0 }' "$R/fuzz.tsv")
z_crash=$(awk -F'\t' '{ s += $3 } END { print s + 0 }' "$R/fuzz.tsv")
z_harn=$(wc -l <"$R/fuzz.tsv")
z_regr=$(find "$T/tests/fuzz/regressions" -type f 2>/dev/null | wc -l)

# --- 4. sanitizers and valgrind ----------------------------------------------------------------
from_log() { # from_log NAME SAVED-LOG MAKE-TARGET: the output of the target, run or reused
	if [ -n "$2" ]; then
		cp "$2" "$R/$1.out"
		echo "reused $2 ($(date -u -r "$2" '+%Y-%m-%d %H:%M UTC'))" >"$R/$1.how"
	else
		echo "reliability: make $3"
		make -s -C "$top_builddir" "$3" >"$R/$1.out" 2>&1 || failed=1
		echo "run by this make reliability" >"$R/$1.how"
	fi
	tail -1 "$R/$1.out"
}
from_log sanitizers "$RELIABILITY_SANITIZERS_LOG" check-sanitizers
from_log valgrind "$RELIABILITY_VALGRIND_LOG" check-valgrind
totals() { sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$1" | tail -1; }
# shellcheck disable=SC2046
set -- $(totals "$R/sanitizers.out") x x
s_pass=$1 s_fail=$2
s_reports=$(grep -cE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$R/sanitizers.out")
# shellcheck disable=SC2046
set -- $(totals "$R/valgrind.out") x x
v_pass=$1 v_fail=$2
v_procs=$(sed -n 's/^# valgrind: \([0-9]*\) processes checked.*/\1/p' "$R/valgrind.out" | tail -1)
v_errors=$(sed -n 's/^# valgrind: [0-9]* processes checked, \([0-9]*\) errors.*/\1/p' "$R/valgrind.out" | tail -1)
v_tests=$(grep -c '^# .* s under valgrind$' "$R/valgrind.out")
v_supp=$(sed -n 's/^# valgrind: .* \([0-9]*\) suppressed by.*/\1/p' "$R/valgrind.out" | tail -1)
for v in s_pass s_fail v_pass v_fail; do eval "[ \"\$$v\" = x ] && $v=?"; done
[ "$s_fail" = 0 ] || failed=1
[ "$v_fail" = 0 ] || failed=1

# --- the document ------------------------------------------------------------------------------
# shellcheck disable=SC2016
list() { echo "$*" | tr ' ' '\n' | sed '/^$/d; s/.*/`&`/' | paste -sd, - | sed 's/,/, /g'; }
doc=$T/docs/reliability.md
{
	echo "# Reliability (generated by \`make reliability\`)"
	echo
	echo "Figures of one run of scripts/reliability.sh, counted from the TAP output of the tests"
	echo "it runs (nothing here is written by hand). Reproduce with \`make reliability\`"
	echo "(RELIABILITY_FUZZ_SECONDS=$RELIABILITY_FUZZ_SECONDS per fuzz harness); the raw outputs are kept in build/reliability/."
	echo "Machine: $(uname -m), $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)."
	echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); the run took $((($(date +%s) - started) / 60)) min."
	echo "Source: $(git -C "$T" describe --always --dirty 2>/dev/null || echo 'not a git checkout')."
	echo
	echo "| what | figure | what is counted |"
	echo "|---|---|---|"
	echo "| fault scenarios injected | $f_scen | distinct scenarios (check-name prefix) in $(list "$fault_tests") |"
	echo "| fault scenarios survived, nothing outside changed | $f_surv | scenarios whose every check passed and that check at least one thing outside the operation (a sentinel word, the product state, the flash not erased) — $f_iso of $f_scen have such a check |"
	echo "| simulator fault-injection checks | $sim_f_ok / $sim_f_all passed | the simulator injects the faults it is asked for: $(list "$sim_fault_tests") |"
	echo "| bad inputs tried | $b_tried | see the bad-input table |"
	echo "| bad inputs refused with a named error | $b_refused | see the bad-input table |"
	echo "| bad inputs refused, chip state checked unchanged afterwards | $b_kept | refused inputs of the tests whose state checks (below) all passed |"
	echo "| fuzz executions | $z_runs over $z_harn harnesses | libFuzzer executions (\"stat::number_of_executed_units\", via scripts/fuzz.sh) in ${RELIABILITY_FUZZ_SECONDS} s per harness, with ASan + UBSan |"
	echo "| fuzz crashes | $z_crash | harnesses that crashed in this run; $z_regr past inputs kept in tests/fuzz/regressions/ are replayed by make check |"
	echo "| tests under ASan + UBSan | $s_pass passed, $s_fail failed | \`make check-sanitizers\` TAP lines; $s_reports sanitizer reports in its output ($(cat "$R/sanitizers.how")) |"
	echo "| tests under valgrind memcheck | $v_pass passed, $v_fail failed | \`make check-valgrind\` TAP lines over ${v_tests} tests; ${v_procs:-?} OpenOCD, simulator and unit-test processes checked, ${v_errors:-?} valgrind errors (memory errors and definite leaks); ${v_supp:-?} suppressed, all in code that is not ours (tests/valgrind.supp says which and why) ($(cat "$R/valgrind.how")) |"
	echo
	echo "## Faults"
	echo
	echo "Each scenario injects one fault in the simulator in the middle of an operation (or starts"
	echo "from the state such a fault leaves, e.g. an OTP write cut halfway), then checks that the"
	echo "failure is seen, that running the same command again completes the job, and that nothing"
	echo "outside the operation's scope changed. The columns sort the scenario's checks by their"
	echo "names (\"reported\", \"names the step\" / \"intact\", \"still\", \"stays\", \"not touched\", ...)."
	echo
	echo "| test | scenario | checks passed | the fault is seen | the job completes afterwards | nothing else changed |"
	echo "|---|---|---|---|---|---|"
	awk -F'\t' '{ printf "| %s | %s | %d / %d | %s | %s | %s |\n", $1, $2, $4, $3, $5, $6, $7 }' "$R/faults.tsv"
	echo
	echo "## Bad input"
	echo
	echo "\"tried\" and \"refused\" count single bad inputs (a malformed file, a wrong parameter, a"
	echo "device that answers garbage); a refusal passes only if the command fails with a message"
	echo "naming the problem. \"state checks\" are the checks of the simulated chip after the"
	echo "whole test: the \"# expect-dump\" lines of a Tcl test (no flash or option-byte operation"
	echo "started, no OBKey or OTP word written, product state unchanged) or, in da_regression.sh,"
	echo "the checks that a refusal left the chip as it was. Tests showing 0/0 have no such check"
	echo "after the run (the lifecycle tests check the state inside the test: \"still Open\")."
	echo
	echo "| test | tried | refused | state checks passed | what is counted |"
	echo "|---|---|---|---|---|"
	awk -F'\t' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }' "$R/bad.tsv"
	echo
	echo "## Fuzzing"
	echo
	echo "| harness | executions | crashes |"
	echo "|---|---|---|"
	awk -F'\t' '{ printf "| %s | %s | %s |\n", $1, $2, $3 }' "$R/fuzz.tsv"
} >"$doc"

echo "reliability: written to docs/reliability.md"
sed -n '/^| what/,/^$/p' "$doc"
[ "$failed" -eq 0 ]
