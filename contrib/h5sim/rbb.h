/* SPDX-License-Identifier: GPL-2.0-or-later */

/* h5sim: the wire front-end: OpenOCD's remote_bitbang protocol over TCP on 127.0.0.1. */

#ifndef H5SIM_RBB_H
#define H5SIM_RBB_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct h5sim_tap;
struct h5sim_chip;

enum rbb_end {
	RBB_CLIENT_GONE,	/* EOF, error or 'Q' */
	RBB_DROPPED,		/* fault injection closed the connection */
	RBB_STOPPED,		/* a signal or a power loss ends the simulator */
};

/* Listens on 127.0.0.1:port (0 = ephemeral). Returns the socket, or -1 with a message. */
int rbb_listen(unsigned int port, unsigned int *bound_port);
/* Waits for a client; returns its socket, or -1 if *stop became set. */
int rbb_accept(int listen_fd, volatile sig_atomic_t *stop);
/* Closes a client's socket with a reset (RST), as a board that loses power does not end the
 * session politely: the client's next read or write fails at once, whatever it had sent. */
void rbb_abort(int fd);
/* Writes all of buf to fd (fd < 0: discards it); false if the peer is gone. */
bool rbb_write_all(int fd, const void *buf, size_t len);
/* Serves one session: characters from in_fd, answers to out_fd (-1: discarded), every
 * character received also appended to record (if not NULL). */
enum rbb_end rbb_serve(int in_fd, int out_fd, FILE *record, struct h5sim_tap *tap,
		struct h5sim_chip *chip, volatile sig_atomic_t *stop);

#endif /* H5SIM_RBB_H */
