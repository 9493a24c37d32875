#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The ST-Link's dap mode over JTAG (dapdirect_jtag) instead of SWD: the H563 flash test and
# the H563 lifecycle walk, unchanged, over the emulated ST-Link.
set -u
H5_STLINK_TRANSPORT=dapdirect_jtag exec "$H5_TOP_SRCDIR/tests/stlink/over_stlink.sh" \
	tests/integration/test_flash_program_h563.tcl \
	tests/integration/test_lifecycle_h563.tcl
