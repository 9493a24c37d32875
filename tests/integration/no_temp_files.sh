#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Temporary files: the read-only checks of stm32h5x::provision (credential hash, a dry run)
# write no .obk at all; a real provisioning writes its generated .obk in a new private
# directory (mkdtemp, mode 0700), never under a predictable name, and removes both. TMPDIR
# points at an empty directory watched before and after. Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

L=$h5_work/ocd.log
P=$H5_SAMPLES/NUCLEO-H563ZI
mkdir -p "$h5_work/tmp"
export TMPDIR="$h5_work/tmp"

h5_fresh_state
h5_session "--part H563" "echo \"D: [stm32h5x::provision Closed -encrypt 0 -password $P/Binary/password.bin -dry-run]\"; echo \"C: [stm32h5x::check_da_setup -password $P/Binary/password.bin]\""
h5_check "the dry run ran" "^D: Closed$" "$L"
h5_absent "the read-only checks wrote no .obk" "wrote .*\.obk" "$L"
[ -z "$(ls -A "$h5_work/tmp")" ] && h5_tap 1 "the temporary directory stays empty" || h5_tap 0 "the temporary directory stays empty"

h5_fresh_state
h5_session "--part H563" "echo \"R: [stm32h5x::provision Provisioning -encrypt 0 -password $P/Binary/password.bin -confirm]\""
h5_check "a provisioning to Provisioning ran" "^R: Provisioning$" "$L"
h5_check "a real run prints its plan before the steps" "stm32h5x::provision: H56x, product state Open: every check passed; the plan:" "$L"
h5_check "the plan lists the steps" "stm32h5x::provision:   1/[0-9] baseline option bytes" "$L"
h5_check "its generated .obk went into a private mkdtemp directory" "wrote $h5_work/tmp/stm32h5x\.[A-Za-z0-9]{6}/da_config\.obk" "$L"
[ -z "$(ls -A "$h5_work/tmp")" ] && h5_tap 1 "the file and its directory are removed afterwards" || h5_tap 0 "the file and its directory are removed afterwards ($(ls -A "$h5_work/tmp"))"
h5_finish
