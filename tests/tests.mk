# SPDX-License-Identifier: GPL-2.0-or-later
# Project-level tests: the smoke test of the built OpenOCD.

INTEGRATION_TESTS += tests/smoke/openocd_starts.sh
EXTRA_DIST += tests/run-tests.sh $(INTEGRATION_TESTS)
