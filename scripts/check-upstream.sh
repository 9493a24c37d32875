#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Builds this project against a pinned OpenOCD master snapshot and runs its tests there (CI's
# second build; the first, against 0.12.0, is the README's own): by default `make check`, every
# test (they run side by side, see tests/run-tests.sh). The second build lives in its own copy
# of the project under build-upstream/, so it shares no file with the first: neither its
# configure, its OpenOCD tree nor its test logs.
#
#   build-upstream/src         | the project's files as checked out (git ls-files), configured
#                              | --with-openocd-tarball=SNAPSHOT
#   build-upstream/src/build   | its OpenOCD tree and build, its test logs (test-logs/)
#
# usage: scripts/check-upstream.sh SNAPSHOT_TARBALL [make target...]   (default: check)
set -eu

snapshot=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
[ $# -gt 0 ] || set -- check
cd "$(dirname "$0")/.."
top=$(pwd)
W=$top/build-upstream/src

# refresh the copy: changed files are rewritten (so make sees them), others left untouched,
# files the project no longer has removed (the overlay would still link them)
mkdir -p "$W"
list=$(mktemp "${TMPDIR:-/tmp}/h5-upstream-files.XXXXXX")
trap 'rm -f "$list"' EXIT
git ls-files -z --cached --others --exclude-standard | tr '\0' '\n' |
	while read -r f; do [ -f "$f" ] && printf '%s\n' "$f"; done > "$list"
while read -r f; do
	if ! cmp -s "$f" "$W/$f"; then
		mkdir -p "$W/$(dirname "$f")"
		cp -p "$f" "$W/$f"
	fi
done < "$list"
if [ -f "$W/.h5-files" ]; then
	sort "$list" > "$list.new"
	sort "$W/.h5-files" | comm -23 - "$list.new" | while read -r f; do rm -f "$W/$f"; done
	rm -f "$list.new"
fi
cp "$list" "$W/.h5-files"

cd "$W"
if [ ! -x configure ] || [ configure.ac -nt configure ]; then
	autoreconf -fi >/dev/null 2>&1
fi
if [ ! -f Makefile ] || ! grep -qF "$snapshot" build/openocd.env 2>/dev/null; then
	./configure --with-openocd-tarball="$snapshot" >configure.out 2>&1 || {
		tail -20 configure.out >&2
		exit 1
	}
fi
jobs=$(nproc 2>/dev/null || echo 2)
make -j"$jobs"
make "$@"
