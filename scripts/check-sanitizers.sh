#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make check-sanitizers: builds a copy of the tree with --enable-sanitizers (our library, unit
# tests and the simulator under AddressSanitizer + UndefinedBehaviorSanitizer, OpenOCD reused
# from the main build) and runs the same tests with it. Any sanitizer report fails the test
# that triggered it (-fno-sanitize-recover=all, halt_on_error).
set -eu

: "${H5_TOP_SRCDIR:?}" "${H5_BUILDDIR:?}"
S=$H5_BUILDDIR/sanitize
mkdir -p "$S/src"

# the sources as git sees them (tracked + untracked-not-ignored), else everything but build/
if git -C "$H5_TOP_SRCDIR" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	(cd "$H5_TOP_SRCDIR" && git ls-files -z --cached --others --exclude-standard |
		xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$S/src"
else
	(cd "$H5_TOP_SRCDIR" && tar -cf - --exclude=./build .) | tar -xf - -C "$S/src"
fi

cd "$S/src"
if [ ! -x configure ] || [ configure.ac -nt configure ]; then
	autoreconf -fi >"$S/autoreconf.log" 2>&1
fi
if [ ! -f Makefile ]; then
	./configure --enable-sanitizers >"$S/configure.log" 2>&1
fi
make -j"$(nproc 2>/dev/null || echo 2)" check-programs >"$S/make.log" 2>&1 || {
	tail -30 "$S/make.log" >&2
	exit 1
}
# the main build's OpenOCD with the sanitized simulator
mkdir -p build/bin
ln -sf "$H5_BUILDDIR/bin/openocd" build/bin/openocd
ln -sfn "$H5_BUILDDIR/openocd-src" build/openocd-src # its tree, whose version it reports

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# the brief fuzzing pass is left out here: it is built with the sanitizers already
tests=$(make -s list-tests | tr ' ' '\n' | grep -v '^tests/fuzz/fuzz_brief.sh$')
# shellcheck disable=SC2086
H5_TOP_SRCDIR=$S/src H5_BUILDDIR=$S/src/build H5_TEST_LOGDIR=$S/test-logs \
	"$S/src/tests/run-tests.sh" $tests
