#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Runs one command per item, up to JOBS at a time, and prints each item's output in the items'
# order as soon as it and every earlier item have ended: a serial run's text, in a parallel
# run's time. The tests mostly wait on the simulator's link, so several run side by side on a
# 2-core machine (they share no port, file or directory). Used by run-tests.sh and
# check-valgrind.sh.
#
#   OUTDIR/cmd     the command, PROGRAM ARG..., as a script
#   OUTDIR/N.out   what "PROGRAM ARG... ITEM" printed (stdout and stderr); N is the item's
#                  position
#   OUTDIR/N.rc    its exit status, written by rename once it has ended
#
# usage: run-parallel.sh JOBS OUTDIR PROGRAM [ARG...] -- ITEM...
# exit status: 0 if every command exited 0, 1 otherwise
set -u

jobs=$1
out=$2
shift 2
case $jobs in
'' | *[!0-9]* | 0) echo "run-parallel: JOBS is a positive number, not '$jobs'" >&2; exit 2 ;;
esac
mkdir -p "$out"
rm -f "$out"/*.out "$out"/*.rc "$out"/*.rc.tmp
quote() { printf "'%s' " "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
{
	printf '#!/bin/sh\nexec '
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		quote "$1"
		shift
	done
	printf '"$@"\n'
} >"$out/cmd"
chmod +x "$out/cmd"
[ "${1:-}" = -- ] || { echo "run-parallel: no -- before the items" >&2; exit 2; }
shift
cmd=$out/cmd

i=0
# shellcheck disable=SC2016 # the script's $0..$3 are sh -c's arguments: OUTDIR, CMD, N, ITEM
for item in "$@"; do
	i=$((i + 1))
	printf '%s %s\n' "$i" "$item"
done | xargs -n 2 -P "$jobs" sh -c \
	'"$1" "$3" >"$0/$2.out" 2>&1; echo $? >"$0/$2.rc.tmp"; mv "$0/$2.rc.tmp" "$0/$2.rc"' \
	"$out" "$cmd" &
runner=$!

status=0
i=0
for item in "$@"; do
	i=$((i + 1))
	while [ ! -f "$out/$i.rc" ]; do
		if ! kill -0 "$runner" 2>/dev/null && [ ! -f "$out/$i.rc" ]; then
			echo "run-parallel: $item was never run" >"$out/$i.out"
			echo 1 >"$out/$i.rc"
			break
		fi
		sleep 0.2
	done
	cat "$out/$i.out"
	[ "$(cat "$out/$i.rc")" = 0 ] || status=1
done
wait "$runner"
exit $status
