/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim DA: command dispatch and response packets (h5-debug-auth.md §2.1-§2.3):
 * a complete request is checked, handed to its command, and the response
 * (status << 16, data_count, data) is queued on the mailbox, shaped by the fault mode.
 */

#ifndef H5SIM_DA_PROTOCOL_H
#define H5SIM_DA_PROTOCOL_H

#include <stdint.h>

struct da_device;

/* Serves the complete request in da->req (and resets it) */
void sim_da_protocol_serve(struct da_device *da);
/* Answers a request whose header announced an absurd size */
void sim_da_protocol_reject_oversized(struct da_device *da);

#endif /* H5SIM_DA_PROTOCOL_H */
