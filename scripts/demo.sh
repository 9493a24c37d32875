#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The README's first command ends here. Until the lifecycle demo against the simulator exists
# (issue: "Whole lifecycle sequences in Tcl, board configs, the demo"), it shows that the
# OpenOCD build with the STM32H5 extension runs, and says so.
set -eu
: "${H5_BUILDDIR:=$(cd "$(dirname "$0")/.." && pwd)/build}"
echo "demo: the lifecycle demo against the simulator is not written yet;"
echo "demo: this build's OpenOCD (with the stm32h5 extension compiled in):"
"$H5_BUILDDIR/bin/openocd" --version
