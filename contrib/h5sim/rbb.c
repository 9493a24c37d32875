// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: remote_bitbang server (openocd-internals.md §3.1). One ASCII character per
 * operation: '0'..'7' drive TCK/TMS/TDI (bits 2/1/0) and the TAP advances on a TCK rising
 * edge; 'R' answers TDO as '0'/'1'; 'r'..'u' drive TRST (bit 1) and SRST (bit 0), 1 meaning
 * asserted; 'B'/'b' (LED) are ignored; 'Q' ends the session. SWD (remote_bitbang of OpenOCD
 * after 0.12.0): 'd'..'g' drive SWCLK/SWDIO (bits 1/0) and the SW-DP (swd.c) advances on an
 * SWCLK rising edge; 'c' answers SWDIO as '0'/'1'; 'O'/'o' (SWDIO direction) are ignored.
 * Answers are sent after each chunk read from the socket. The same loop replays a recorded
 * session from a file (--record / --replay): the model's behaviour depends only on the
 * characters received, so a replay reproduces the session exactly.
 * The log (chip_log, the flash model's log: one buffered stream) is flushed after 200 ms without
 * input and at exit, not after every line: a flash loader logs two lines per flash word.
 */

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "chip.h"
#include "rbb.h"
#include "swd.h"
#include "tap.h"

int rbb_listen(unsigned int port, unsigned int *bound_port)
{
	struct sockaddr_in sa;
	socklen_t len = sizeof(sa);
	int one = 1;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0) {
		perror("h5sim: socket");
		return -1;
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sa.sin_port = htons((uint16_t)port);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		fprintf(stderr, "h5sim: cannot bind 127.0.0.1:%u: %s\n", port, strerror(errno));
		close(fd);
		return -1;
	}
	if (listen(fd, 1) < 0 || getsockname(fd, (struct sockaddr *)&sa, &len) < 0) {
		perror("h5sim: listen");
		close(fd);
		return -1;
	}
	*bound_port = ntohs(sa.sin_port);
	return fd;
}

int rbb_accept(int listen_fd, volatile sig_atomic_t *stop)
{
	while (!*stop) {
		struct pollfd p = { .fd = listen_fd, .events = POLLIN };
		int n = poll(&p, 1, 200);
		if (n < 0 && errno != EINTR) {
			perror("h5sim: poll");
			return -1;
		}
		if (n <= 0)
			continue;
		int fd = accept(listen_fd, NULL, NULL);
		if (fd < 0) {
			if (errno == EINTR)
				continue;
			perror("h5sim: accept");
			return -1;
		}
		int one = 1;
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		return fd;
	}
	return -1;
}

bool rbb_write_all(int fd, const void *data, size_t len)
{
	const char *buf = data;

	if (fd < 0)
		return true;
	while (len) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

void rbb_abort(int fd)
{
	struct linger l = { .l_onoff = 1, .l_linger = 0 };

	if (setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof(l)) != 0)
		perror("h5sim: SO_LINGER");
	close(fd);
}

enum rbb_end rbb_serve(int in_fd, int fd, FILE *record, struct h5sim_tap *tap,
		struct h5sim_chip *chip, volatile sig_atomic_t *stop)
{
	char in[4096], out[4096];
	bool tck = false, swclk = false;
	struct h5sim_swd swd;

	swd_init(&swd, tap->dp);

	for (;;) {
		if (*stop)
			return RBB_STOPPED;
		struct pollfd p = { .fd = in_fd, .events = POLLIN };
		int pn = poll(&p, 1, 200);
		if (pn < 0 && errno != EINTR)
			return RBB_CLIENT_GONE;
		if (pn == 0 && chip->log)
			fflush(chip->log);	/* the client is quiet: make the log current */
		if (pn <= 0)
			continue;
		ssize_t n = read(in_fd, in, sizeof(in));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return RBB_CLIENT_GONE;
		if (record && fwrite(in, 1, (size_t)n, record) != (size_t)n)
			chip_log(chip, "rbb: writing the --record file failed");

		size_t o = 0;
		for (ssize_t i = 0; i < n; i++) {
			char c = in[i];
			if (c >= '0' && c <= '7') {
				unsigned int v = (unsigned int)(c - '0');
				bool new_tck = v & 4;
				if (new_tck && !tck) {
					chip_tck(chip);
					tap_clock(tap, v & 2, v & 1);
				}
				tck = new_tck;
			} else if (c == 'R') {
				out[o++] = tap_tdo(tap) ? '1' : '0';
			} else if (c >= 'r' && c <= 'u') {
				unsigned int v = (unsigned int)(c - 'r');
				if (v & 2)
					tap_reset(tap);
				chip_set_srst(chip, v & 1);
			} else if (c == 'Q') {
				rbb_write_all(fd, out, o);
				return RBB_CLIENT_GONE;
			} else if (c >= 'd' && c <= 'g') {
				unsigned int v = (unsigned int)(c - 'd');
				bool new_swclk = v & 2;
				if (new_swclk && !swclk) {
					chip_tck(chip);
					swd_clock(&swd, v & 1);
				}
				swclk = new_swclk;
			} else if (c == 'c') {
				out[o++] = swd_swdio(&swd) ? '1' : '0';
			}
			/* 'B', 'b' and anything else: ignored */
			if (chip->exit_reason == EXIT_POWER_LOSS)
				return RBB_STOPPED;
			if (chip->drop_connection) {
				chip->drop_connection = false;
				return RBB_DROPPED;
			}
			if (o == sizeof(out)) {
				if (!rbb_write_all(fd, out, o))
					return RBB_CLIENT_GONE;
				o = 0;
			}
		}
		if (o && !rbb_write_all(fd, out, o))
			return RBB_CLIENT_GONE;
	}
}
