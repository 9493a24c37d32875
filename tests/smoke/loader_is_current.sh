#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The committed flash loader (contrib/loaders/flash/stm32h5/stm32h5x.inc, compiled into the
# driver) is what its source builds to with Debian's arm-none-eabi-gcc: an edited loader
# source that was not regenerated fails here. Prints TAP.
set -u
L=$H5_TOP_SRCDIR/contrib/loaders/flash/stm32h5
w=$(mktemp -d "${TMPDIR:-/tmp}/h5loader.XXXXXX")
trap 'rm -rf "$w"' EXIT
# the same layout as the tree: the Makefile finds the driver header four levels up
mkdir -p "$w/a/b/c/d" "$w/src/flash/nor"
cp "$L/stm32h5x.c" "$L/Makefile" "$w/a/b/c/d/"
cp "$H5_TOP_SRCDIR/src/flash/nor/stm32h5x.h" "$w/src/flash/nor/"
if make -s -C "$w/a/b/c/d" stm32h5x.inc >"$w/make.log" 2>&1; then
	echo "ok 1 - the flash loader builds from source with arm-none-eabi-gcc"
else
	echo "not ok 1 - the flash loader builds from source with arm-none-eabi-gcc"
	sed 's/^/# /' "$w/make.log"
	exit 1
fi
if cmp -s "$w/a/b/c/d/stm32h5x.inc" "$L/stm32h5x.inc"; then
	echo "ok 2 - the committed stm32h5x.inc is the build of its source"
else
	echo "not ok 2 - the committed stm32h5x.inc is the build of its source (run make -C contrib/loaders/flash/stm32h5)"
	exit 1
fi
