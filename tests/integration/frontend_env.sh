# SPDX-License-Identifier: GPL-2.0-or-later
#
# Sourced by the front end's tests: FE, the stm32h5-lifecycle to run. In a build tree that
# "make" built, build/bin/stm32h5-lifecycle (it finds OpenOCD and h5sim next to itself);
# FE_BUILD_TREE=1. In the sanitizer and valgrind variants (H5_BUILDDIR holds only the
# variant's programs) the source tree's script, pointed at them by STM32H5_OPENOCD and H5SIM;
# FE_BUILD_TREE=0.
if [ -e "$H5_BUILDDIR/bin/stm32h5-lifecycle" ]; then
	FE=$H5_BUILDDIR/bin/stm32h5-lifecycle
	FE_BUILD_TREE=1
else
	FE=$H5_TOP_SRCDIR/frontend/stm32h5-lifecycle
	FE_BUILD_TREE=0
	STM32H5_OPENOCD=$H5_BUILDDIR/bin/openocd
	H5SIM=$H5_BUILDDIR/bin/h5sim
	export STM32H5_OPENOCD H5SIM
fi
