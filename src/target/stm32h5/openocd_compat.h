/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Where OpenOCD 0.12.0 and master differ in an API this library uses, the one place that
 * tells them apart. One entry per difference, with its reason:
 *
 *   entry                    | 0.12.0                          | master
 *   -------------------------+---------------------------------+---------------------------
 *   H5_POLL_FAILED_EVENT     | a failed poll fires             | a failed poll re-examines at
 *                            | TARGET_EVENT_GDB_HALT before it | once; a failed examination
 *                            | re-examines                     | fires EXAMINE_FAIL
 *   H5_POLL_PAUSE()          | the poller skips unexamined     | the poller skips targets
 *                            | targets (the caller clears      | whose active_polled is
 *                            | examined), and re-examines one  | false; it stays true once
 *                            | whose poll failed unless its    | examined, and re-examines
 *                            | backoff.times is 0: zero it     | an unexamined one: clear it
 *   H5_TRANSPORT_NAME()      | struct transport has a name     | transports are ids; the
 *                            |                                 | name comes from
 *                            |                                 | get_current_transport_name()
 *
 * Each tree is told by a macro that came with the change: TARGET_MAX_POLLING_INTERVAL_MS
 * (target.h) with master's polling backoff (struct backoff_timer's next_attempt/interval in
 * place of times/count; active_polled is in the same poller, on master since before the
 * snapshot), TRANSPORT_VALID_MASK (transport.h) with its transport ids.
 */

#ifndef OPENOCD_TARGET_STM32H5_OPENOCD_COMPAT_H
#define OPENOCD_TARGET_STM32H5_OPENOCD_COMPAT_H

#include <target/target.h>
#include <transport/transport.h>

#ifdef TARGET_MAX_POLLING_INTERVAL_MS
#define H5_POLL_FAILED_EVENT		TARGET_EVENT_EXAMINE_FAIL
#define H5_POLL_PAUSE(target)		((target)->active_polled = false)
#else
#define H5_POLL_FAILED_EVENT		TARGET_EVENT_GDB_HALT
#define H5_POLL_PAUSE(target)		((target)->backoff.times = 0)
#endif

#ifdef TRANSPORT_VALID_MASK
#define H5_TRANSPORT_NAME(tr)	((void)(tr), get_current_transport_name())
#else
#define H5_TRANSPORT_NAME(tr)	((tr)->name)
#endif

#endif /* OPENOCD_TARGET_STM32H5_OPENOCD_COMPAT_H */
