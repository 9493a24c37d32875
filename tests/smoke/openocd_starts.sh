#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Smoke test: the built OpenOCD starts, is 0.12.0, runs a command, knows the stm32h5x flash
# driver, and exits cleanly. Prints TAP.
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
t "openocd --version reports 0.12.0" sh -c 'echo "$1" | grep -q "Open On-Chip Debugger 0.12.0"' _ "$out"

out=$("$OPENOCD" -c 'echo "h5-smoke [expr {6 * 7}]"; shutdown' 2>&1)
status=$?
t "openocd runs a command and exits with status 0" test "$status" -eq 0
t "openocd printed the command's result" sh -c 'echo "$1" | grep -q "h5-smoke 42"' _ "$out"
# the flash driver is registered by name and brings its command group
out=$("$OPENOCD" -c 'adapter driver dummy; transport select jtag; jtag newtap x cpu -irlen 4' \
	-c 'target create x.cpu testee -chain-position x.cpu' \
	-c 'flash bank x.flash stm32h5x 0x08000000 0 0 0 x.cpu' \
	-c 'echo "h5-banks [flash list]"; echo "h5-group [llength [info commands stm32h5x]]"; shutdown' 2>&1)
t "openocd knows the stm32h5x flash driver by name" sh -c 'echo "$1" | grep -q "driver stm32h5x"' _ "$out"
t "declaring an stm32h5x bank registers the stm32h5x command group" \
	sh -c 'echo "$1" | grep -q "h5-group 1"' _ "$out"
exit $fail
