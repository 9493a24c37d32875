#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# While the core's access port is closed, OpenOCD's poller must not repeat its examine errors:
# one line when access is lost, one when it returns; when our own DA entry closes it, no poll
# fails at all (polling is paused at once). "sleep" runs the poller at every
# millisecond, so 3 s of it are thousands of poll periods (with the default 100 ms period and
# OpenOCD's back-off up to 5 s, the same number would take many minutes of a real session).
# Two cases: a DA discovery leaves a Provisioning chip in its boot ROM, then a reset lets it
# boot; a reset into Closed, which only a failed poll reveals; and a Closed chip from
# power-on. Prints TAP.
set -u
. "$H5_TOP_SRCDIR/tests/integration/lib.sh"

L=$h5_work/ocd.log
# h5_count NAME REGEX WANT: passes if exactly WANT lines of the log match REGEX
h5_count() {
	n=$(grep -cE -- "$2" "$L")
	if [ "$n" -eq "$3" ]; then h5_tap 1 "$1"; else h5_tap 0 "$1 (found $n, expected $3)"; fi
}

h5_fresh_state
h5_session "--part H563 --pstate 0x17" "echo \"E1: [stm32h5.cpu was_examined]\"; stm32h5x da discover; sleep 3000; echo \"E2: [stm32h5.cpu was_examined]\"; adapter assert srst; adapter deassert srst; sleep 3000; echo \"E3: [stm32h5.cpu was_examined]\""
h5_check "the core is examined in Provisioning" "^E1: 1$" "$L"
# from the DA entry on (an erased chip's first poll at init may report its lockup)
sed -n '/device answered the entry word/,$p' "$h5_work/ocd.log" >"$h5_work/after"
L=$h5_work/after
h5_count "no poll error repeats, while AP1 is closed or after" "Polling target|Examination failed|Failed to read memory" 0
h5_count "one line says the access port is closed" "the core's access port is closed .*polling paused" 1
h5_count "no error line: the DA entry pauses polling before a poll fails" "Error:" 0
h5_check "the core is left unexamined meanwhile" "^E2: 0$" "$h5_work/ocd.log"
h5_count "one line says access returned" "access port is open again; polling resumed" 1
h5_check "the core is examined again" "^E3: 1$" "$h5_work/ocd.log"

# a reset into Closed: OpenOCD's poll fails once (0.12.0 re-examines nothing, master once),
# then polling pauses and nothing repeats over thousands of poll periods
h5_fresh_state
L=$h5_work/ocd.log
h5_session "--part H563 --pstate 0x17" "reset halt; stm32h5x product_state Closed -confirm; catch {reset run}; sleep 3000; echo \"E4: [stm32h5.cpu was_examined]\""
sed -n '/product state is now Closed/,$p' "$h5_work/ocd.log" >"$h5_work/after"
L=$h5_work/after
h5_count "reset into Closed: one line says the access port is closed" "the core's access port is closed .*polling paused" 1
n=$(grep -cE "Polling target|Polling failed|Examination failed" "$L")
if [ "$n" -le 2 ]; then h5_tap 1 "reset into Closed: one failed poll, at most one examination ($n lines)"; else h5_tap 0 "reset into Closed: one failed poll, at most one examination (found $n lines, expected at most 2)"; fi
sed -n '/polling paused/,$p' "$L" >"$h5_work/paused"
L=$h5_work/paused
h5_count "reset into Closed: no error once paused" "Error:" 0
h5_check "reset into Closed: the core is left unexamined" "^E4: 0$" "$h5_work/ocd.log"

h5_fresh_state
L=$h5_work/ocd.log
h5_session "--part H563 --pstate 0x72" "sleep 3000"
h5_count "a Closed chip: no poll error over thousands of poll periods" "Polling target|Polling failed" 0
# the examination at init fails once (OpenOCD master says so itself; 0.12.0 does not)
n=$(grep -c "Examination failed" "$L")
if [ "$n" -le 1 ]; then h5_tap 1 "a Closed chip: no examination is retried ($n)"; else h5_tap 0 "a Closed chip: no examination is retried (found $n, expected at most 1)"; fi
h5_finish
