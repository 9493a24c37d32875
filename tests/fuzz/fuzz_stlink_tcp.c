// SPDX-License-Identifier: GPL-2.0-or-later

/* Fuzz harness: the emulated stlink-server's request parser (contrib/h5sim/stlink_tcp.c): a
 * byte stream from two sessions against two probes, framed and served as h5sim does. */

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../../contrib/h5sim/stlink_tcp.c"

static void fake_probe(void *ctx, const uint8_t cmd[16], const uint8_t *out, uint32_t out_len,
		uint8_t *in, uint32_t in_len)
{
	if (out_len > STLINK_TCP_MAX_REQUEST || in_len > STLINK_TCP_MAX_REPLY - 4)
		abort();
	for (uint32_t i = 0; i < in_len; i++)
		in[i] = cmd[i % 16] ^ (out_len ? out[i % out_len] : 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t reply[STLINK_TCP_MAX_REPLY];
	struct stlink_tcp_probe probes[2] = {
		{ .serial = "000000000000000000000001", .device_id = 0x100, .owner = -1 },
		{ .serial = "SECOND", .device_id = 0x101, .owner = -1 },
	};
	struct stlink_tcp_server srv = {
		.probes = probes, .n_probes = 2, .api_version = 2, .usb_command = fake_probe,
	};
	size_t off = 0;
	int session = 0;

	while (off < size) {
		size_t n = 0;
		enum stlink_tcp_frame f = stlink_tcp_frame(data + off, size - off, &n);
		if (f != STLINK_TCP_COMPLETE)
			break;
		if (n == 0 || n > size - off)
			abort();
		void *ctx;
		size_t r = stlink_tcp_serve(&srv, session, data + off, n, reply, &ctx);
		if (r > STLINK_TCP_MAX_REPLY)
			abort();
		off += n;
		session ^= (data[off - 1] & 1);
		if (data[off - 1] == 0xEE)
			stlink_tcp_session_end(&srv, session);
	}
	return 0;
}
