#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make check-valgrind: the tests of `make check` with our programs under valgrind memcheck.
# Nothing is rebuilt and no test is edited: the script makes a directory $V/build/bin whose
# openocd and h5sim are wrappers that run the main build's programs under
#   valgrind --tool=memcheck --error-exitcode=99 --leak-check=full
#            --errors-for-leak-kinds=definite --suppressions=tests/valgrind.supp
# and runs tests/run-tests.sh with H5_BUILDDIR pointing at it; each unit test program runs
# under the same command. Every process writes its own valgrind log. After each test, any log
# with an error (a memory error or a definite leak) adds a "not ok" line naming the program,
# with the log's first lines as TAP comments, so a valgrind finding fails the run even where a
# harness does not look at the program's exit status (the simulator's, for instance).
#
# Time limits: valgrind slows the programs down, so `timeout` is replaced (through PATH, for
# the test scripts only) by one that multiplies its limit by VALGRIND_TIMEOUT_SCALE.
#
# Left out: tests/fuzz/fuzz_brief.sh (libFuzzer builds run under ASan; valgrind cannot run
# them), and the Debian OpenOCD that tests/sim/*.sh drive (not ours: only their h5sim is).
#
# What runs, to keep the CI run near 40 minutes (memcheck slows a program 20-50 times):
#   - OpenOCD, with our driver and library, is under valgrind in every test;
#   - the simulator is under valgrind in its own tests (tests/sim/*, which drive it through
#     every part of its model) and runs natively in the others (VALGRIND_H5SIM=all puts it
#     under valgrind everywhere, =none nowhere);
#   - VALGRIND_SKIP names tests left out by default: da_variants.sh repeats discovery and a
#     regression for each combination of the transport settings (the DA tests run that code
#     under valgrind already) and test_bad_input_da_silent.tcl mostly waits for timeouts.
#   - VALGRIND_JOBS tests run side by side (tests/run-parallel.sh; default: one per core, as
#     memcheck keeps a core busy). Each test's processes log into a directory of their own,
#     so a finding is charged to the test that caused it.
#
# usage: scripts/check-valgrind.sh [TEST...]     (default: every test of `make list-tests`
#        but VALGRIND_SKIP)
#   env: H5_TOP_SRCDIR, H5_BUILDDIR, VALGRIND_H5SIM (sim: in tests/sim/* only, the default;
#        all; none), VALGRIND_SKIP, VALGRIND_TIMEOUT_SCALE (default 4), VALGRIND_TEST_TIMEOUT
#        (limit for one whole test script, default 1800 s: a hung test fails instead of
#        blocking the run), VALGRIND_OPTS (more valgrind options), VALGRIND_JOBS
set -u

: "${H5_TOP_SRCDIR:?}" "${H5_BUILDDIR:?}"
: "${VALGRIND_H5SIM:=sim}"
: "${VALGRIND_SKIP:=tests/integration/da_variants.sh tests/integration/test_bad_input_da_silent.tcl}"
case $VALGRIND_H5SIM in
sim | all | none) ;;
*) echo "not ok - check-valgrind: VALGRIND_H5SIM is sim, all or none, not '$VALGRIND_H5SIM'"; exit 1 ;;
esac
: "${VALGRIND_TIMEOUT_SCALE:=4}"
: "${VALGRIND_TEST_TIMEOUT:=1800}"
: "${VALGRIND_OPTS:=}"
: "${VALGRIND_JOBS:=$(nproc 2>/dev/null || echo 1)}"
T=$H5_TOP_SRCDIR
self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
top_builddir=$(cd "$(dirname "$H5_BUILDDIR")" && pwd)
V=$H5_BUILDDIR/valgrind
VG_EXIT=99

command -v valgrind >/dev/null || { echo "not ok - check-valgrind: valgrind is not installed"; exit 1; }
real_openocd=$(sed -n 's/^exec "\([^"]*\)".*/\1/p' "$H5_BUILDDIR/bin/openocd")
real_scripts=$(sed -n 's/^exec "[^"]*" -s "\([^"]*\)".*/\1/p' "$H5_BUILDDIR/bin/openocd")
if [ ! -x "$real_openocd" ] || [ ! -d "$real_scripts" ]; then
	echo "not ok - check-valgrind: cannot find the OpenOCD binary behind $H5_BUILDDIR/bin/openocd"
	exit 1
fi

# --one TEST (run by run-parallel.sh, several side by side): TEST with every valgrind log of its
# processes in its own directory, so that each finding is charged to the test that caused it;
# prints its lines, and its counts into $V/counts/TAG
if [ "${1:-}" = --one ]; then
	t=$2
	tag=$(echo "$t" | tr '/' '_')
	VG_LOGDIR="$V/logs/$tag"
	case $VALGRIND_H5SIM/$t in
	all/* | sim/tests/sim/*) VG_H5SIM=1 ;;
	*) VG_H5SIM=0 ;;
	esac
	export VG_LOGDIR VG_H5SIM
	mkdir -p "$VG_LOGDIR" "$V/counts"
	t0=$(date +%s)
	out=$(timeout "$VALGRIND_TEST_TIMEOUT" env PATH="$V/path:$PATH" H5_TOP_SRCDIR="$T" \
		H5_BUILDDIR="$V/build" H5_TEST_LOGDIR="$V/test-logs" H5_TEST_JOBS=1 \
		"$T/tests/run-tests.sh" "$t" 2>&1)
	[ $? -eq 124 ] && out="$out
not ok - $t did not finish within ${VALGRIND_TEST_TIMEOUT}s under valgrind
0 passed, 1 failed"
	echo "$out" | sed '$d'
	passed=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	failed=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	passed=${passed:-0}
	failed=${failed:-1}
	vg_errors=0
	vg_processes=0
	vg_suppressed=0
	for log in "$VG_LOGDIR"/*.log; do
		[ -f "$log" ] || continue
		vg_processes=$((vg_processes + 1))
		sup=$(sed -n 's/^==[0-9]*== ERROR SUMMARY: .*(suppressed: \([0-9]*\) from.*/\1/p' "$log" | tail -1)
		vg_suppressed=$((vg_suppressed + ${sup:-0}))
		n=$(sed -n 's/^==[0-9]*== ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$log" | tail -1)
		if [ -z "$n" ]; then
			# valgrind ended without its summary: the process was killed hard
			echo "not ok - valgrind: $t: $(basename "$log" .log) ended without a valgrind summary (log: $log)"
			tail -5 "$log" | sed 's/^/#   /'
			failed=$((failed + 1))
		elif [ "$n" -gt 0 ]; then
			echo "not ok - valgrind: $t: $n errors in $(basename "$log" .log) (log: $log)"
			"$V/vg-excerpt" "$log" | sed 's/^/#   /'
			failed=$((failed + 1))
			vg_errors=$((vg_errors + n))
		fi
	done
	echo "# $t: $(($(date +%s) - t0)) s under valgrind"
	echo "$passed $failed $vg_processes $vg_errors $vg_suppressed" >"$V/counts/$tag"
	exit 0
fi

rm -rf "$V"
mkdir -p "$V/build/bin" "$V/path" "$V/tree" "$V/logs" "$V/test-logs"
ln -s "$H5_BUILDDIR/openocd-src" "$V/build/openocd-src" # the tree OpenOCD was built from

# vg-excerpt LOG: the program's command line, then the first 40 lines from its first finding
cat >"$V/vg-excerpt" <<'EOF'
#!/bin/sh
sed -n 's/^==[0-9]*== //p' "$1" | awk '
	/^Command: / { print; next }
	!on && /^(Invalid |Conditional jump|Syscall param|Use of uninit|Mismatched free|Source and destination|Argument .* of function|Process terminating|[0-9,]+ bytes in [0-9,]+ blocks are definitely)/ { on = 1 }
	on && n < 40 { print; n++ }'
EOF
chmod +x "$V/vg-excerpt"

# vg-run NAME PROGRAM ARGS...: PROGRAM under memcheck, its log in $VG_LOGDIR/NAME.PID.log; on
# an error, a "not ok" line and the log's summary on stdout (what a harness shows), status 99.
# Signals are passed on to valgrind, so a harness that stops the program stops it.
cat >"$V/vg-run" <<EOF
#!/bin/sh
name=\$1
prog=\$2
shift 2
logdir=\${VG_LOGDIR:-$V/logs}
mkdir -p "\$logdir"
log=\$logdir/\$name.\$\$.log
exec 3<&0
valgrind --tool=memcheck --error-exitcode=$VG_EXIT --leak-check=full \\
	--errors-for-leak-kinds=definite --show-leak-kinds=definite --num-callers=30 \\
	--suppressions="$T/tests/valgrind.supp" $VALGRIND_OPTS --log-file="\$log" \\
	"\$prog" "\$@" <&3 &
child=\$!
trap 'kill -TERM \$child 2>/dev/null' TERM INT HUP
while :; do
	wait \$child
	status=\$?
	kill -0 \$child 2>/dev/null || break
done
if [ \$status -eq $VG_EXIT ]; then
	echo "not ok - valgrind memcheck found errors in \$name (log: \$log)"
	"$V/vg-excerpt" "\$log" | sed 's/^/# /'
fi
exit \$status
EOF
chmod +x "$V/vg-run"

printf '#!/bin/sh\nexec "%s" openocd "%s" -s "%s" "$@"\n' "$V/vg-run" "$real_openocd" "$real_scripts" \
	>"$V/build/bin/openocd"
# the simulator: under valgrind when the test runs with VG_H5SIM=1 (set per test below)
printf '#!/bin/sh\n[ "$VG_H5SIM" = 1 ] || exec "%s" "$@"\nexec "%s" h5sim "%s" "$@"\n' \
	"$H5_BUILDDIR/bin/h5sim" "$V/vg-run" "$H5_BUILDDIR/bin/h5sim" >"$V/build/bin/h5sim"
chmod +x "$V/build/bin/openocd" "$V/build/bin/h5sim"

# the time limits of the harnesses (timeout SECONDS ...), scaled
cat >"$V/path/timeout" <<EOF
#!/bin/sh
case \$1 in
*[!0-9]* | '') exec /usr/bin/timeout "\$@" ;;
esac
s=\$1
shift
exec /usr/bin/timeout \$((s * $VALGRIND_TIMEOUT_SCALE)) "\$@"
EOF
chmod +x "$V/path/timeout"

make -s -C "$top_builddir" check-programs >"$V/make.log" 2>&1 || {
	echo "not ok - check-valgrind: the test programs do not build (log: $V/make.log)"
	tail -20 "$V/make.log" | sed 's/^/# /'
	exit 1
}
all_tests=$(make -s -C "$top_builddir" list-tests)
tests=$*
if [ -z "$tests" ]; then
	tests=$(echo "$all_tests" | tr ' ' '\n' | sed 's|^\./||' | grep -v '^tests/fuzz/fuzz_brief.sh$')
	for skip in $VALGRIND_SKIP; do
		tests=$(echo "$tests" | grep -vxF "$skip")
	done
fi

# each unit test program (the tests that are not scripts): a wrapper of the same relative name
# in $V/tree (run-tests.sh prefers ./NAME), run from the top build directory as make check does
for u in $tests; do
	case $u in *.sh | *.tcl) continue ;; esac
	[ -f "$top_builddir/$u" ] || continue
	mkdir -p "$V/tree/$(dirname "$u")"
	printf '#!/bin/sh\ncd "%s" && exec "%s" "%s" "%s" "$@"\n' "$top_builddir" "$V/vg-run" \
		"$(echo "$u" | tr '/' '_')" "$top_builddir/$u" >"$V/tree/$u"
	chmod +x "$V/tree/$u"
done

# the check can fail: a planted leak and a planted out-of-bounds read must both be reported
cat >"$V/planted.c" <<'EOF'
#include <stdlib.h>
#include <string.h>
int main(void)
{
	char *lost = malloc(16);
	char *small = malloc(4);

	memset(lost, 1, 16);
	lost = NULL;
	memset(small, 0, 4);
	return small[4] == 7;
}
EOF
planted_ok=1
if cc -g -O0 -o "$V/planted" "$V/planted.c" 2>"$V/planted.log"; then
	VG_LOGDIR=$V/logs/planted "$V/vg-run" planted "$V/planted" >/dev/null 2>&1
	[ $? -eq $VG_EXIT ] || planted_ok=0
	grep -q 'definitely lost in' "$V"/logs/planted/*.log || planted_ok=0
	grep -q 'Invalid read of size 1' "$V"/logs/planted/*.log || planted_ok=0
else
	planted_ok=0
fi

# VALGRIND_JOBS tests side by side (memcheck keeps a core busy: one per core by default)
cd "$V/tree" || exit 1
passed=0
failed=0
if [ $planted_ok -eq 1 ]; then
	echo "ok - valgrind: a planted definite leak and out-of-bounds read are reported (status $VG_EXIT)"
	passed=1
else
	echo "not ok - valgrind: a planted definite leak and out-of-bounds read are reported (logs: $V/logs/planted)"
	failed=1
fi
started=$(date +%s)
# shellcheck disable=SC2086
"$T/tests/run-parallel.sh" "$VALGRIND_JOBS" "$V/runs" "$self" --one -- $tests
vg_errors=0
vg_processes=0
vg_suppressed=0
for t in $tests; do
	# PASSED FAILED PROCESSES ERRORS SUPPRESSED, written by the test's --one run
	if read -r p f np ne ns <"$V/counts/$(echo "$t" | tr '/' '_')"; then
		passed=$((passed + p))
		failed=$((failed + f))
		vg_processes=$((vg_processes + np))
		vg_errors=$((vg_errors + ne))
		vg_suppressed=$((vg_suppressed + ns))
	else
		echo "not ok - check-valgrind: $t left no result"
		failed=$((failed + 1))
	fi
done
echo "# valgrind: $vg_processes processes checked, $vg_errors errors, $(($(date +%s) - started)) s in all;" \
	"$vg_suppressed suppressed by tests/valgrind.supp (code that is not ours)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
