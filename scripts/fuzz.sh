#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make fuzz: builds every tests/fuzz/fuzz_*.c harness with clang's libFuzzer (+ ASan, UBSan)
# over the OpenOCD-independent library sources, and runs each for FUZZ_SECONDS (default 60)
# starting from its seeds (tests/fuzz/seeds/<name>, ST's sample files) and its past crashes
# (tests/fuzz/regressions/<name>). A crash input is copied into tests/fuzz/regressions/<name>/,
# where the replay unit tests of `make check` will run it from then on, and fails the run.
# Prints one TAP line per harness with the number of executions, and a total.
#
# usage: scripts/fuzz.sh [HARNESS...]   (env: H5_TOP_SRCDIR, H5_BUILDDIR, FUZZ_SECONDS, CORE_SOURCES)
set -u

: "${H5_TOP_SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${H5_BUILDDIR:=$H5_TOP_SRCDIR/build}"
: "${FUZZ_SECONDS:=60}"
T=$H5_TOP_SRCDIR
F=$H5_BUILDDIR/fuzz
ST=$T/tests/vectors/st-samples
mkdir -p "$F/obj"

if [ -z "${CORE_SOURCES:-}" ]; then
	echo "not ok - fuzz: CORE_SOURCES not set (run through make fuzz)"
	exit 1
fi

seeds_of() {
	case $1 in
	cert_chain) echo "$ST/NUCLEO-H563ZI/Certificates $ST/NUCLEO-H533RE/Certificates" ;;
	credentials) echo "$ST/NUCLEO-H563ZI/Keys $ST/NUCLEO-H563ZI/Binary $ST/NUCLEO-H503RB" ;;
	obk) echo "$ST/NUCLEO-H563ZI/Binary $ST/NUCLEO-H533RE/Binary" ;;
	da_xml) echo "$ST/NUCLEO-H563ZI/Config $ST/NUCLEO-H533RE/Config $T/tests/fuzz/seeds/da_xml" ;;
	*) echo "$T/tests/fuzz/seeds/$1" ;;
	esac
}

CFLAGS="-g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -I$T/src -I$T/tests/fuzz $(pkg-config --cflags p11-kit-1)"
# the library, once, as clang objects (only what changed is recompiled)
objs=
for src in $CORE_SOURCES; do
	case $src in *.c) ;; *) continue ;; esac
	obj=$F/obj/$(echo "$src" | tr '/' '_').o
	if [ ! -f "$obj" ] || [ "$T/$src" -nt "$obj" ] || [ -n "$(find "$T/src" -name '*.h' -newer "$obj" | head -1)" ]; then
		# shellcheck disable=SC2086
		clang $CFLAGS -c "$T/$src" -o "$obj" || { echo "not ok - fuzz: $src does not build with clang"; exit 1; }
	fi
	objs="$objs $obj"
done

harnesses=$*
[ -n "$harnesses" ] || harnesses=$(cd "$T/tests/fuzz" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')

n=0
failed=0
total=0
for h in $harnesses; do
	n=$((n + 1))
	bin=$F/fuzz_$h
	# shellcheck disable=SC2086
	clang $CFLAGS -fsanitize=fuzzer "$T/tests/fuzz/fuzz_$h.c" $objs -lmbedcrypto -lexpat $(pkg-config --libs p11-kit-1) -o "$bin" ||
		{ echo "not ok $n - fuzz $h: harness does not build"; failed=1; continue; }
	corpus=$F/corpus/$h
	crashes=$F/crashes/$h
	mkdir -p "$corpus" "$crashes"
	dirs=
	for d in $(seeds_of "$h") "$T/tests/fuzz/regressions/$h"; do [ -d "$d" ] && dirs="$dirs $d"; done
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$FUZZ_SECONDS" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$crashes/" "$corpus" $dirs >"$F/$h.log" 2>&1
	status=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$F/$h.log" | tail -1)
	: "${runs:=0}"
	total=$((total + runs))
	if [ $status -ne 0 ] || [ -n "$(ls "$crashes" 2>/dev/null)" ]; then
		mkdir -p "$T/tests/fuzz/regressions/$h"
		cp "$crashes"/* "$T/tests/fuzz/regressions/$h/" 2>/dev/null
		echo "not ok $n - fuzz $h: $runs executions, crash kept in tests/fuzz/regressions/$h/ (log: $F/$h.log)"
		grep -E 'ERROR|SUMMARY|#0 |#1 |#2 ' "$F/$h.log" | head -10 | sed 's/^/# /'
		failed=1
	else
		echo "ok $n - fuzz $h: $runs executions in ${FUZZ_SECONDS}s, no crash"
	fi
done
echo "# fuzz total: $total executions"
exit $failed
