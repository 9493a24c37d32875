# SPDX-License-Identifier: GPL-2.0-or-later
# Project-level tests: smoke tests of the build, the flash driver's and the DA host's
# integration tests (OpenOCD + simulator).

INTEGRATION_TESTS += \
	tests/smoke/openocd_starts.sh \
	tests/smoke/loader_is_current.sh \
	tests/smoke/board_files_parse.sh \
	tests/smoke/no_deprecations.sh \
	tests/smoke/register_openocd.sh \
	tests/smoke/test_runner.sh \
	tests/integration/da_regression.sh \
	tests/integration/da_own_credentials.sh \
	tests/integration/da_pkcs11.sh \
	tests/integration/da_variants.sh \
	tests/integration/da_doctor.sh \
	tests/integration/da_trace.sh \
	tests/integration/poll_quiet.sh \
	tests/integration/refusals_catchable.sh \
	tests/integration/flash_progress.sh \
	tests/integration/no_temp_files.sh \
	tests/integration/secrets_not_logged.sh \
	tests/integration/demo_runs.sh \
	tests/integration/faults.sh \
	tests/integration/provision_dry_run.sh \
	tests/integration/provision_interrupted.sh \
	tests/integration/provision_regress.sh \
	tests/integration/reopen_secure_access.sh \
	tests/integration/direct_path_interrupted.sh \
	tests/integration/production_batch.sh \
	tests/integration/production_frontend.sh \
	tests/integration/swd_transport.sh

# one Tcl test per behaviour, each run against a fresh simulator by
# tests/integration/run-tcl-test.sh; every test_*.tcl there is run, none can be forgotten
INTEGRATION_TESTS += $(sort $(wildcard $(top_srcdir)/tests/integration/test_*.tcl))

EXTRA_DIST += tests/run-tests.sh tests/integration/run-tcl-test.sh tests/integration/utils.tcl \
	tests/integration/lib.sh tests/integration/flash_helpers.tcl \
	tests/integration/bad_input_helpers.tcl tests/integration/provision_helpers.tcl \
	tests/integration/readme_walkthrough.tcl tests/integration/cred_lib.sh \
	tests/integration/frontend_env.sh
