/* SPDX-License-Identifier: GPL-2.0-or-later */

/* h5sim: the emulated stlink-server: sockets, sessions and the probes with their chips. */

#ifndef H5SIM_STLINK_SERVER_H
#define H5SIM_STLINK_SERVER_H

#include <signal.h>

struct h5sim_options;

/*
 * Serves the probes described by argv: the first probe's options are first (already parsed
 * into first), each "--probe" starts the options of one more probe. Returns the exit status.
 */
int stlink_server_main(int argc, char **argv, const struct h5sim_options *first,
		volatile sig_atomic_t *stop);

#endif /* H5SIM_STLINK_SERVER_H */
