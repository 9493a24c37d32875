#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Smoke test: the built OpenOCD starts, is the version of the tree it was built from (0.12.0,
# or 0.12.0+dev for master), runs a command, knows the stm32h5x flash driver, and exits
# cleanly. Prints TAP.
set -u
OPENOCD=$H5_BUILDDIR/bin/openocd
n=0
fail=0
t() { # t NAME COMMAND...: one TAP line from a command's status
	name=$1
	shift
	n=$((n + 1))
	if "$@"; then echo "ok $n - $name"; else echo "not ok $n - $name"; fail=1; fi
}

out=$("$OPENOCD" --version 2>&1)
version=$(sed -n 's/^AC_INIT(\[openocd\], *\[\([^]]*\)\].*/\1/p' "$H5_BUILDDIR/openocd-src/configure.ac")
t "openocd --version reports its tree's version ($version)" \
	sh -c 'echo "$1" | grep -qF "Open On-Chip Debugger $2"' _ "$out" "${version:-unknown}"

out=$("$OPENOCD" -c 'echo "h5-smoke [expr {6 * 7}]"; shutdown' 2>&1)
status=$?
t "openocd runs a command and exits with status 0" test "$status" -eq 0
t "openocd printed the command's result" sh -c 'echo "$1" | grep -q "h5-smoke 42"' _ "$out"
# the flash driver is registered by name and brings its command group
out=$("$OPENOCD" -c 'adapter driver dummy; transport select jtag; jtag newtap x cpu -irlen 4' \
	-c 'target create x.cpu testee -chain-position x.cpu' \
	-c 'flash bank x.flash stm32h5x 0x08000000 0 0 0 x.cpu' \
	-c 'echo "h5-banks driver [dict get [lindex [flash list] 0] driver]"; echo "h5-group [llength [info commands stm32h5x]]"; shutdown' 2>&1)
t "openocd knows the stm32h5x flash driver by name" sh -c 'echo "$1" | grep -q "driver stm32h5x"' _ "$out"
t "declaring an stm32h5x bank registers the stm32h5x command group" \
	sh -c 'echo "$1" | grep -q "h5-group 1"' _ "$out"
exit $fail
