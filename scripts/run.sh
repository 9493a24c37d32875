#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# One command from a fresh Debian 12 machine to a result: installs the Debian packages,
# configures and builds (incrementally on later runs), then runs the demo or all the tests.
#
# usage: scripts/run.sh demo|test   (LINK=stlink: the demo over OpenOCD's stlink driver)
set -eu

mode=${1:-}
case $mode in
demo | test) ;;
*)
	echo "usage: $0 demo|test" >&2
	exit 2
	;;
esac

cd "$(dirname "$0")/.."
scripts/install-deps.sh
if [ ! -x configure ] || [ configure.ac -nt configure ]; then
	echo "run: autoreconf -fi (generating ./configure)"
	autoreconf -fi
fi
if [ ! -f Makefile ]; then
	./configure
fi
jobs=$(nproc 2>/dev/null || echo 2)
make -j"$jobs"
if [ "$mode" = demo ]; then
	make demo
else
	# every test, then the same tests with our code under ASan + UBSan, then under valgrind
	# memcheck (OpenOCD, the simulator and the unit tests)
	make check
	make check-sanitizers
	make check-valgrind
fi
