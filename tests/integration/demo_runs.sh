#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The README's first command ends in scripts/demo.sh: it must keep working. Each checked step
# of the demo becomes one TAP line; a demo that exits non-zero fails.
set -u
out=$("$H5_TOP_SRCDIR/scripts/demo.sh" 2>&1)
status=$?
echo "$out" | sed -n -E 's/^demo: +([0-9]+)\. +(.*[^ ]) +ok +\(.*$/ok \1 - demo: \2/p; s/^demo: +([0-9]+)\. +(.*[^ ]) +FAILED$/not ok \1 - demo: \2/p'
if [ $status -ne 0 ]; then
	echo "not ok - the demo exited with status $status"
	echo "$out" | sed 's/^/# /' | tail -30
fi
exit $status
