/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim: the stlink-server TCP protocol (framing, probe list, open/close, USB command
 * transport), independent of sockets and of the chip so that it can be fuzzed and unit-tested.
 */

#ifndef H5SIM_STLINK_TCP_H
#define H5SIM_STLINK_TCP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STLINK_TCP_MAX_REQUEST	10240	/* the client's send buffer */
#define STLINK_TCP_MAX_REPLY	10240	/* the client's receive buffer */
#define STLINK_TCP_SERIAL_LEN	32

struct stlink_tcp_probe {
	char serial[STLINK_TCP_SERIAL_LEN + 1];
	uint16_t vid, pid;
	uint32_t device_id;
	int owner;		/* session that opened it, -1 = free */
	uint32_t connect_id;
	void *ctx;		/* passed to the callbacks */
};

struct stlink_tcp_server {
	struct stlink_tcp_probe *probes;
	unsigned int n_probes;
	uint32_t api_version;	/* reported by GET_SERVER_VERSION */
	uint32_t next_connect_id;
	/* one 16-byte ST-Link command with its data (see stlink_fw_command) */
	void (*usb_command)(void *ctx, const uint8_t cmd[16], const uint8_t *out, uint32_t out_len,
			uint8_t *in, uint32_t in_len);
	/* the probe was closed or its session ended */
	void (*released)(void *ctx);
};

enum stlink_tcp_frame {
	STLINK_TCP_INCOMPLETE,	/* more bytes needed */
	STLINK_TCP_COMPLETE,	/* *size bytes form one request */
	STLINK_TCP_BAD,		/* not a request this server knows: close the session */
};

/* How long the request at the start of buf (have bytes received so far) is. */
enum stlink_tcp_frame stlink_tcp_frame(const uint8_t *buf, size_t have, size_t *size);

/*
 * Serves one complete request of session. Writes the reply to reply (STLINK_TCP_MAX_REPLY
 * bytes) and returns its length. *probe_ctx is set to the ctx of the probe a USB command went
 * to (NULL otherwise).
 */
size_t stlink_tcp_serve(struct stlink_tcp_server *srv, int session, const uint8_t *req, size_t len,
		uint8_t *reply, void **probe_ctx);

/* The session's connection is gone: its probes become free. */
void stlink_tcp_session_end(struct stlink_tcp_server *srv, int session);

#endif /* H5SIM_STLINK_TCP_H */
