#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Runs test programs and scripts, each of which prints TAP lines ("ok N - name" /
# "not ok N - name"), and ends with the line "N passed, N failed" over all of them.
# A program that exits non-zero without reporting a failure, or that reports no test at all,
# counts as one failure: a test run can never pass by saying nothing.
#
# H5_TEST_JOBS tests run side by side (tests/run-parallel.sh; default twice the number of
# cores: the tests mostly wait on the simulator's link); the output is that of a serial run,
# in the order given. H5_TEST_JOBS=1 runs one at a time.
#
# usage: run-tests.sh PROGRAM...     (env: H5_TOP_SRCDIR, H5_BUILDDIR, H5_TEST_LOGDIR,
#                                     H5_TEST_JOBS)
#        run-tests.sh --one PROGRAM  (one test: its report lines, its counts in LOG.counts)
set -u

: "${H5_TOP_SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${H5_BUILDDIR:=$H5_TOP_SRCDIR/build}"
: "${H5_TEST_LOGDIR:=$H5_BUILDDIR/test-logs}"
: "${H5_TEST_JOBS:=$((2 * $(nproc 2>/dev/null || echo 1)))}"
export H5_TOP_SRCDIR H5_BUILDDIR H5_TEST_LOGDIR
export CMOCKA_MESSAGE_OUTPUT=TAP
mkdir -p "$H5_TEST_LOGDIR"

log_of() { echo "$H5_TEST_LOGDIR/$(echo "${1#./}" | tr '/' '_').log"; }

if [ "${1:-}" = --one ]; then
	prog=${2#./}
	case $prog in
	/*) path=$prog ;;
	*) if [ -e "./$prog" ]; then path=./$prog; else path=$H5_TOP_SRCDIR/$prog; fi ;;
	esac
	log=$(log_of "$prog")
	case $prog in
	*.tcl) "$H5_TOP_SRCDIR/tests/integration/run-tcl-test.sh" "$path" >"$log" 2>&1 ;;
	*) "$path" >"$log" 2>&1 ;;
	esac
	status=$?
	ok=$(grep -c '^ok ' "$log")
	not_ok=$(grep -c '^not ok ' "$log")
	grep -E '^(not )?ok ' "$log" | sed "s|^|$prog: |"
	if [ "$not_ok" -gt 0 ]; then
		grep -E '^#|^not ok ' "$log" | sed "s|^|    |" | head -40
	fi
	if [ "$status" -ne 0 ] && [ "$not_ok" -eq 0 ]; then
		echo "not ok - $prog exited with status $status without reporting a failure (log: $log)"
		tail -15 "$log" | sed 's|^|    |'
		not_ok=1
	elif [ "$ok" -eq 0 ] && [ "$not_ok" -eq 0 ]; then
		echo "not ok - $prog ran no test (log: $log)"
		tail -15 "$log" | sed 's|^|    |'
		not_ok=1
	fi
	echo "$ok $not_ok" >"$log.counts"
	exit 0
fi

for prog in "$@"; do rm -f "$(log_of "$prog").counts"; done
runs=$(mktemp -d "$H5_TEST_LOGDIR/.runs.XXXXXX")
"$H5_TOP_SRCDIR/tests/run-parallel.sh" "$H5_TEST_JOBS" "$runs" "$(cd "$(dirname "$0")" && pwd)/$(basename "$0")" --one -- "$@"
rm -rf "$runs"

passed=0
failed=0
for prog in "$@"; do
	if counts=$(cat "$(log_of "$prog").counts" 2>/dev/null); then
		passed=$((passed + ${counts% *}))
		failed=$((failed + ${counts#* }))
	else
		echo "not ok - $prog: no result (log: $(log_of "$prog"))"
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
