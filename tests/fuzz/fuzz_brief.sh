#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make check's short fuzzing pass: every harness for FUZZ_BRIEF_SECONDS (default 5) seconds.
# The long run is `make fuzz`.
set -u
top_builddir=$(dirname "$H5_BUILDDIR")
CORE_SOURCES=$(make -s -C "$top_builddir" list-core-sources) \
FUZZ_SECONDS=${FUZZ_BRIEF_SECONDS:-5} exec "$H5_TOP_SRCDIR/scripts/fuzz.sh"
