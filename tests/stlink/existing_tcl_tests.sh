#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Every Tcl integration test (tests/integration/test_*.tcl: flash on both banks, the secure
# alias, OTP, EDATA, option bytes, GDB load, the lifecycle, provisioning in each party model,
# the bad-input refusals) again over the emulated ST-Link and OpenOCD's stlink driver. Left
# out: test_bad_input_da_silent.tcl (35 s of DA timeouts that do not depend on the link).
set -u
cd "$H5_TOP_SRCDIR" || exit 1
exec "$H5_TOP_SRCDIR/tests/stlink/over_stlink.sh" \
	$(ls tests/integration/test_*.tcl | grep -v '/test_bad_input_da_silent\.tcl$')
