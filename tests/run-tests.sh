#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Runs test programs and scripts, each of which prints TAP lines ("ok N - name" /
# "not ok N - name"), and ends with the line "N passed, N failed" over all of them.
# A program that exits non-zero without reporting a failure, or that reports no test at all,
# counts as one failure: a test run can never pass by saying nothing.
#
# usage: run-tests.sh PROGRAM...     (env: H5_TOP_SRCDIR, H5_BUILDDIR, H5_TEST_LOGDIR)
set -u

: "${H5_TOP_SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${H5_BUILDDIR:=$H5_TOP_SRCDIR/build}"
: "${H5_TEST_LOGDIR:=$H5_BUILDDIR/test-logs}"
export H5_TOP_SRCDIR H5_BUILDDIR H5_TEST_LOGDIR
export CMOCKA_MESSAGE_OUTPUT=TAP
mkdir -p "$H5_TEST_LOGDIR"

passed=0
failed=0
for prog in "$@"; do
	prog=${prog#./}
	case $prog in
	/*) path=$prog ;;
	*) if [ -e "./$prog" ]; then path=./$prog; else path=$H5_TOP_SRCDIR/$prog; fi ;;
	esac
	log=$H5_TEST_LOGDIR/$(echo "$prog" | tr '/' '_').log
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
	passed=$((passed + ok))
	failed=$((failed + not_ok))
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
