// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of the emulated stlink-server's protocol layer (contrib/h5sim/stlink_tcp.c):
 * request framing, the probe list OpenOCD's "st-link backend tcp" client reads, probe
 * ownership between sessions and the transport of ST-Link commands.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "stlink_tcp.h"

static uint8_t last_cmd[16];
static uint32_t last_out_len, last_in_len;
static int released_count;

static void usb_command(void *ctx, const uint8_t cmd[16], const uint8_t *out, uint32_t out_len,
		uint8_t *in, uint32_t in_len)
{
	memcpy(last_cmd, cmd, 16);
	last_out_len = out_len;
	last_in_len = in_len;
	for (uint32_t i = 0; i < in_len; i++)
		in[i] = (uint8_t)(0xA0 + i);
}

static void released(void *ctx)
{
	released_count++;
}

static struct stlink_tcp_probe probes[2];
static struct stlink_tcp_server srv;
static uint8_t reply[STLINK_TCP_MAX_REPLY];

static int setup(void **state)
{
	memset(probes, 0, sizeof(probes));
	strcpy(probes[0].serial, "000000000000000000000001");
	probes[0].device_id = 0x100;
	probes[0].owner = -1;
	probes[0].vid = 0x0483;
	probes[0].pid = 0x374E;
	strcpy(probes[1].serial, "BOARD2");
	probes[1].device_id = 0x101;
	probes[1].owner = -1;
	memset(&srv, 0, sizeof(srv));
	srv.probes = probes;
	srv.n_probes = 2;
	srv.api_version = 2;
	srv.usb_command = usb_command;
	srv.released = released;
	released_count = 0;
	return 0;
}

static uint32_t le32(const uint8_t *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static size_t serve(int session, const uint8_t *req, size_t len)
{
	size_t n = 0;
	void *ctx;

	assert_int_equal(stlink_tcp_frame(req, len, &n), STLINK_TCP_COMPLETE);
	assert_int_equal(n, len);
	return stlink_tcp_serve(&srv, session, req, len, reply, &ctx);
}

static uint32_t open_probe(int session, uint32_t device_id)
{
	uint8_t req[8] = { 0x03 };

	put32(req + 4, device_id);
	assert_int_equal(serve(session, req, 8), 8);
	return le32(reply) == 1 ? le32(reply + 4) : 0;
}

static void a_usb_command_is_incomplete_until_its_data_arrived(void **state)
{
	uint8_t req[32 + 8] = { 0x05 };
	size_t n;

	req[24] = 0;	/* host to probe */
	put32(req + 28, 8);
	assert_int_equal(stlink_tcp_frame(req, 1, &n), STLINK_TCP_INCOMPLETE);
	assert_int_equal(stlink_tcp_frame(req, 31, &n), STLINK_TCP_INCOMPLETE);
	assert_int_equal(stlink_tcp_frame(req, 39, &n), STLINK_TCP_INCOMPLETE);
	assert_int_equal(stlink_tcp_frame(req, 40, &n), STLINK_TCP_COMPLETE);
	assert_int_equal(n, 40);
	req[24] = 1;	/* probe to host: no data follows the header */
	assert_int_equal(stlink_tcp_frame(req, 40, &n), STLINK_TCP_COMPLETE);
	assert_int_equal(n, 32);
}

static void unknown_requests_directions_and_oversize_data_are_refused(void **state)
{
	uint8_t req[32] = { 0x05 };
	size_t n;

	assert_int_equal(stlink_tcp_frame((const uint8_t *)"\x42", 1, &n), STLINK_TCP_BAD);
	req[24] = 2;
	assert_int_equal(stlink_tcp_frame(req, 32, &n), STLINK_TCP_BAD);
	req[24] = 0;
	put32(req + 28, STLINK_TCP_MAX_REQUEST);
	assert_int_equal(stlink_tcp_frame(req, 32, &n), STLINK_TCP_BAD);
	req[24] = 1;
	put32(req + 28, STLINK_TCP_MAX_REPLY);
	assert_int_equal(stlink_tcp_frame(req, 32, &n), STLINK_TCP_BAD);
}

static void the_device_list_gives_serial_ids_and_the_used_flag(void **state)
{
	uint8_t nb[1] = { 0x01 };
	uint8_t info[8] = { 0x02, 0 };

	assert_int_equal(serve(0, nb, 1), 4);
	assert_int_equal(le32(reply), 2);
	put32(info + 4, 41);
	assert_int_equal(serve(0, info, 8), 45);
	assert_int_equal(le32(reply), 1);
	assert_int_equal(le32(reply + 4), 0x100);
	assert_memory_equal(reply + 8, "000000000000000000000001", 24);
	assert_int_equal(reply[8 + 24], 0);	/* NUL-padded to 32 characters */
	assert_int_equal(reply[40] | reply[41] << 8, 0x0483);
	assert_int_equal(reply[42] | reply[43] << 8, 0x374E);
	assert_int_equal(reply[44], 0);
	assert_int_not_equal(open_probe(5, 0x100), 0);
	assert_int_equal(serve(0, info, 8), 45);
	assert_int_equal(reply[44], 1);
	info[1] = 2;	/* no third probe */
	assert_int_equal(serve(0, info, 8), 45);
	assert_int_not_equal(le32(reply), 1);
}

static void a_probe_belongs_to_the_session_that_opened_it(void **state)
{
	uint32_t id = open_probe(1, 0x101);

	assert_int_not_equal(id, 0);
	assert_int_equal(open_probe(2, 0x101), 0);
	assert_int_equal(le32(reply), 0x1003);	/* open error */
	/* another session cannot use or close it */
	uint8_t close_req[8] = { 0x04 };
	put32(close_req + 4, id);
	assert_int_equal(serve(2, close_req, 8), 4);
	assert_int_not_equal(le32(reply), 1);
	assert_int_equal(released_count, 0);
	/* its session ending frees it */
	stlink_tcp_session_end(&srv, 1);
	assert_int_equal(released_count, 1);
	assert_int_not_equal(open_probe(2, 0x101), 0);
}

static void usb_commands_carry_the_command_and_the_reply_size(void **state)
{
	uint32_t id = open_probe(0, 0x100);
	uint8_t req[32 + 4] = { 0x05 };

	put32(req + 4, id);
	req[8] = 0xF2;
	req[9] = 0x07;
	req[24] = 1;
	put32(req + 28, 12);
	assert_int_equal(serve(0, req, 32), 16);
	assert_int_equal(le32(reply), 1);
	assert_int_equal(last_cmd[0], 0xF2);
	assert_int_equal(last_cmd[1], 0x07);
	assert_int_equal(last_in_len, 12);
	assert_int_equal(reply[4], 0xA0);
	assert_int_equal(reply[15], 0xAB);
	/* write direction: the data goes to the probe, the reply is the status alone */
	req[24] = 0;
	put32(req + 28, 4);
	assert_int_equal(serve(0, req, 36), 4);
	assert_int_equal(last_out_len, 4);
	/* a command for a connection this session does not hold: refused, still the full size */
	put32(req + 4, id + 7);
	req[24] = 1;
	put32(req + 28, 6);
	assert_int_equal(serve(0, req, 32), 10);
	assert_int_not_equal(le32(reply), 1);
}

static void the_server_version_reply_has_no_status_word(void **state)
{
	uint8_t req[4] = { 0x06, 1 };

	assert_int_equal(serve(0, req, 4), 16);
	assert_int_equal(le32(reply), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(a_usb_command_is_incomplete_until_its_data_arrived, setup),
		cmocka_unit_test_setup(unknown_requests_directions_and_oversize_data_are_refused, setup),
		cmocka_unit_test_setup(the_device_list_gives_serial_ids_and_the_used_flag, setup),
		cmocka_unit_test_setup(a_probe_belongs_to_the_session_that_opened_it, setup),
		cmocka_unit_test_setup(usb_commands_carry_the_command_and_the_reply_size, setup),
		cmocka_unit_test_setup(the_server_version_reply_has_no_status_word, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
