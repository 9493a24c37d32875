# SPDX-License-Identifier: GPL-2.0-or-later
# The tests CI runs against the OpenOCD master snapshot (scripts/check-upstream.sh; `make check`
# there would run them all). CI's time is bounded, and the 0.12.0 leg already runs every test,
# so the master leg runs what depends on OpenOCD's side of the API and Tcl:
#
#   part                     | why
#   -------------------------+---------------------------------------------------------------
#   unit tests (no fuzz)     | our plain C, built against master's headers
#   smoke tests              | the registration, the board files, no deprecation warning
#   SWD over remote_bitbang  | only master's remote_bitbang speaks SWD
#   lifecycle, provisioning, | the lifecycle procs, halting, option bytes, OBKeys and Debug
#   Debug Authentication     | Authentication through master's DAP, target and reset code
#   one flash programming    | the flash driver and its loader through master's algorithm API
#
# Left to the 0.12.0 leg: the simulator's own tests (they run Debian's stock OpenOCD), the
# fuzz replays (no OpenOCD in them), the ST-Link path (OpenOCD's stlink driver, unchanged by
# us) and the remaining flash, bad-input, fault and production tests.

UPSTREAM_TESTS = \
	$(filter-out tests/fuzz/%,$(UNIT_TESTS)) \
	$(filter tests/smoke/%,$(INTEGRATION_TESTS)) \
	tests/integration/swd_transport.sh \
	tests/integration/da_regression.sh \
	tests/integration/provision_dry_run.sh \
	tests/integration/provision_regress.sh \
	$(filter %/test_lifecycle_h563.tcl %/test_lifecycle_h503.tcl %/test_provision_h563_closed_rootkey.tcl \
		%/test_provision_h533_irot_password.tcl %/test_provision_h503_closed.tcl \
		%/test_provision_running_firmware.tcl %/test_provision_refusals.tcl \
		%/test_pstate_closed_from_da.tcl %/test_da_open_part.tcl %/test_flash_program_h563.tcl, \
		$(INTEGRATION_TESTS))

.PHONY: check-upstream-set list-upstream-tests
check-upstream-set: openocd $(noinst_PROGRAMS) $(check_PROGRAMS)
	@H5_TOP_SRCDIR="$(abs_top_srcdir)" H5_BUILDDIR="$(abs_top_builddir)/build" \
		$(top_srcdir)/tests/run-tests.sh $(UPSTREAM_TESTS)
list-upstream-tests:
	@echo $(UPSTREAM_TESTS)
