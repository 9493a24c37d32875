#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The test runner itself (tests/run-tests.sh over tests/run-parallel.sh): with tests side by
# side, the report keeps the order given, counts every TAP line, counts a test that fails
# silently or reports nothing as one failure, and exits non-zero when anything failed. Prints
# TAP.
set -u
: "${H5_TOP_SRCDIR:?}"
w=$(mktemp -d "${TMPDIR:-/tmp}/h5runner.XXXXXX")
trap 'rm -rf "$w"' EXIT
n=0
fail=0
tap() { # tap PASSED NAME
	n=$((n + 1))
	if [ "$1" -eq 1 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}

mk() { # mk NAME BODY
	printf '#!/bin/sh\n%s\n' "$2" >"$w/$1"
	chmod +x "$w/$1"
}
# the slow test comes first: a parallel run finishes the others before it
mk slow.sh 'sleep 1; echo "ok 1 - slow"'
mk mixed.sh 'echo "ok 1 - a"; echo "not ok 2 - b"; exit 1'
mk silent.sh 'exit 3'
mk none.sh 'echo "no TAP here"'
mk fast.sh 'echo "ok 1 - fast"; echo "ok 2 - faster"'

run() { # run JOBS TESTS...: the runner's output in $w/out, its status in $st
	jobs=$1
	shift
	H5_TEST_JOBS=$jobs H5_TEST_LOGDIR=$w/logs "$H5_TOP_SRCDIR/tests/run-tests.sh" "$@" >"$w/out" 2>&1
	st=$?
}

for jobs in 1 3; do
	run $jobs "$w/slow.sh" "$w/mixed.sh" "$w/silent.sh" "$w/none.sh" "$w/fast.sh"
	tap "$([ $st -ne 0 ] && echo 1 || echo 0)" "jobs=$jobs: a failure makes the run fail"
	tap "$(tail -1 "$w/out" | grep -qx '4 passed, 3 failed' && echo 1 || echo 0)" \
		"jobs=$jobs: the last line counts 4 passed, 3 failed ($(tail -1 "$w/out"))"
	order=$(sed -n "s|^\(not ok - \)\{0,1\}$w/\([a-z]*\)\.sh.*|\2|p" "$w/out" | uniq | tr '\n' ' ')
	tap "$([ "$order" = "slow mixed silent none fast " ] && echo 1 || echo 0)" \
		"jobs=$jobs: the report keeps the order given ($order)"
	tap "$(grep -q "silent.sh exited with status 3 without reporting a failure" "$w/out" && echo 1 || echo 0)" \
		"jobs=$jobs: a silent non-zero exit is named"
	tap "$(grep -q "none.sh ran no test" "$w/out" && echo 1 || echo 0)" \
		"jobs=$jobs: a test that reports nothing is named"
done

run 3 "$w/fast.sh" "$w/slow.sh"
tap "$([ $st -eq 0 ] && tail -1 "$w/out" | grep -qx '3 passed, 0 failed' && echo 1 || echo 0)" \
	"a run where everything passes exits 0 with 3 passed, 0 failed"
tap "$(ls -A "$w/logs" | grep -c '^\.runs' | grep -qx 0 && echo 1 || echo 0)" \
	"the runner leaves no work directory behind"
run 0 "$w/fast.sh"
tap "$([ $st -ne 0 ] && grep -q "JOBS is a positive number, not '0'" "$w/out" && echo 1 || echo 0)" \
	"H5_TEST_JOBS=0 is refused by name"
exit $fail
