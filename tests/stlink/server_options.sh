#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Bad command lines of the emulated ST-Link (h5sim --stlink) are refused with exit status 2
# and a message naming the problem, before anything listens. Prints TAP.
set -u
n=0
failed=0
refused() { # refused NAME REGEX ARGS...: h5sim ARGS exits 2 and says REGEX
	name=$1
	re=$2
	shift 2
	n=$((n + 1))
	out=$(timeout 10 "${H5SIM:-$H5_BUILDDIR/bin/h5sim}" "$@" 2>&1)
	st=$?
	if [ $st -eq 2 ] && echo "$out" | grep -qE -- "$re"; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name (status $st)"
		echo "$out" | sed 's/^/# /'
		failed=1
	fi
}
refused "an unknown firmware version" "--stlink-fw 'V9' is not a firmware version" \
	--stlink --port 0 --stlink-fw V9
refused "a firmware version without J" "is not a firmware version" --stlink --port 0 --stlink-fw V3
refused "a serial number longer than 32 characters" "--stlink-serial: 1 to 32 characters" \
	--stlink --port 0 --stlink-serial 012345678901234567890123456789012
refused "two probes with one serial number" "two probes have the serial A" \
	--stlink --port 0 --stlink-serial A --probe --stlink-serial A
refused "a server option after --probe" "--once is an option of the server" \
	--stlink --port 0 --probe --once
refused "--probe without --stlink" "--probe needs --stlink" --port 0 --probe
refused "an AP number over 255" "--stlink-default-ap 256 is not an AP number" \
	--stlink --port 0 --stlink-default-ap 256
refused "--replay with --stlink" "--record and --replay are remote_bitbang options" \
	--stlink --port 0 --replay /dev/null
refused "a bad option of a later probe" "unknown option '--bogus'" --stlink --port 0 --probe --bogus
exit $failed
