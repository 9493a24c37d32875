#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make bench (production rows; alone: make bench-production): the throughput of a production
# station on this machine. stm32h5-lifecycle batch runs one recipe (root key, Closed, a 64 KiB
# secure image, one option byte) over 1, 2 and 4 fresh simulated H563 boards; boards per
# minute = boards / batch wall time. One board's wall time is split by step from its report
# record ("steps"). Writes the section "Production line" of docs/performance.md.
#
# usage: scripts/bench-production.sh   (env: H5_TOP_SRCDIR, H5_BUILDDIR, BENCH_BATCHES="1 2 4")
set -u
: "${H5_TOP_SRCDIR:?}" "${H5_BUILDDIR:?}"
: "${BENCH_BATCHES:=1 2 4}"
FE=$H5_BUILDDIR/bin/stm32h5-lifecycle
W=$(mktemp -d "${TMPDIR:-/tmp}/h5bench-prod.XXXXXX")
trap 'rm -rf "$W"' EXIT
head -c 65536 /dev/urandom >"$W/app.bin"
. "$H5_TOP_SRCDIR/scripts/sample-recipe.sh"
sample_recipe "$W/bench.recipe" bench
rows=""
for n in $BENCH_BATCHES; do
	rm -rf "$W/sims" "$W/r$n.jsonl"*
	i=1
	while [ $i -le "$n" ]; do mkdir -p "$W/sims/board$i"; i=$((i + 1)); done
	t0=$(date +%s%N)
	(cd "$W" && "$FE" --probe sim --sim-dir sims --report "$W/r$n.jsonl" batch bench.recipe \
		>"$W/b$n.out" 2>&1)
	rc=$?
	t1=$(date +%s%N)
	done_n=$(grep -c '"result": "done"' "$W/r$n.jsonl")
	ms=$(((t1 - t0) / 1000000))
	bpm=$(awk -v b="$done_n" -v ms="$ms" 'BEGIN { printf "%.1f", b * 60000 / ms }')
	echo "batch of $n: $done_n done (exit $rc) in $ms ms: $bpm boards/minute"
	rows="$rows| $n | $done_n | $ms | $bpm |
"
done
# one board's steps, from the batch of 1
steps=$(grep '"result": "done"' "$W/r1.jsonl" | head -1 | grep -o '{"step": "[^"]*", "ms": [0-9]*}' |
	sed 's/{"step": "\(.*\)", "ms": \([0-9]*\)}/| \1 | \2 |/')
wall=$(grep '"result": "done"' "$W/r1.jsonl" | head -1 | sed -n 's/.*"wall_ms": \([0-9]*\).*/\1/p')
echo "$steps"
section="## Production line

\`make bench-production\` (also run by \`make bench\`): \`stm32h5-lifecycle batch\` of one recipe
(root key, Closed, a 64 KiB secure image, one option byte) over fresh simulated H563 boards,
one OpenOCD and one simulator per board, on this machine ($(nproc) cores, $(date -u +%Y-%m-%d)).
Against silicon the flash and the probe set the pace instead; these rows plan the station's
host side.

| boards in the batch | done | batch wall ms | boards per minute |
|---|---|---|---|
$rows
One board's recipe (batch of 1, ${wall:-?} ms from start to report), by step:

| step | wall ms |
|---|---|
$steps
"
P=$H5_TOP_SRCDIR/docs/performance.md
awk -v sec="$section" '
	/^## Production line$/ { skip = 1; print sec; done = 1; next }
	skip && /^## / { skip = 0 }
	!skip { print }
	END { if (!done) print "\n" sec }' "$P" >"$W/perf.md" && cp "$W/perf.md" "$P"
echo "written to docs/performance.md (section Production line)"
