#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The multi-session integration tests again over the emulated ST-Link and OpenOCD's stlink
# driver: the demo; Debug Authentication with password and certificate, full and partial
# regression, debug reopen, the refusals; provisioning dry runs, interruptions and regression;
# the faults (link dropped mid-write and mid-DA, power loss, reset during an option change);
# no secret in any log.
set -u
exec "$H5_TOP_SRCDIR/tests/stlink/over_stlink.sh" \
	tests/integration/demo_runs.sh \
	tests/integration/da_regression.sh \
	tests/integration/provision_dry_run.sh \
	tests/integration/provision_interrupted.sh \
	tests/integration/provision_regress.sh \
	tests/integration/faults.sh \
	tests/integration/secrets_not_logged.sh
