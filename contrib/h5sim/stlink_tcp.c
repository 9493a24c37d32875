// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: stlink-server protocol, as OpenOCD 0.12.0's "st-link backend tcp" client speaks it
 * (openocd-internals.md §3.9). Little-endian words; every reply but GET_NB_DEV and
 * GET_SERVER_VERSION starts with a status word (1 = OK).
 *
 *   | request               | code | request bytes                        | reply bytes           |
 *   |-----------------------|------|--------------------------------------|-----------------------|
 *   | REFRESH_DEVICE_LIST   | 00   | 2: code, clear flag                  | 4: status             |
 *   | GET_NB_DEV            | 01   | 1                                    | 4: count              |
 *   | GET_DEV_INFO          | 02   | 8: code, index, -, -, le32 size (41) | 4 + 41: status, le32 device id, 32-char serial, le16 VID, le16 PID, used |
 *   | OPEN_DEV              | 03   | 8: code, -, -, -, le32 device id     | 8: status, connect id |
 *   | CLOSE_DEV             | 04   | 8: code, -, -, -, le32 connect id    | 4: status             |
 *   | SEND_USB_CMD          | 05   | 32 + out: code, -, -, -, le32 connect id, 16-byte command, direction (0 out, 1 in, 3 SWO), -, -, -, le32 size, out data | 4 + size (in) or 4 |
 *   | GET_SERVER_VERSION    | 06   | 4: code, client API, -, -            | 16: API, major, minor, build |
 *   | GET_NB_OF_DEV_CLIENTS | 07   | 8: code, -, -, -, le32 device id     | 8: status, count      |
 */

#include <string.h>

#include "stlink_tcp.h"

#define REQ_REFRESH		0x00
#define REQ_GET_NB_DEV		0x01
#define REQ_GET_DEV_INFO	0x02
#define REQ_OPEN_DEV		0x03
#define REQ_CLOSE_DEV		0x04
#define REQ_SEND_USB_CMD	0x05
#define REQ_GET_VERSION		0x06
#define REQ_GET_NB_CLIENTS	0x07

#define DIR_OUT			0
#define DIR_IN			1
#define DIR_SWO			3

#define SS_OK			0x00000001u
#define SS_BAD_PARAMETER	0x00001002u
#define SS_OPEN_ERR		0x00001003u

#define USB_CMD_HEADER		32
#define DEV_INFO_SIZE		41

#define SERVER_MAJOR		2
#define SERVER_MINOR		1
#define SERVER_BUILD		0

static uint32_t le32(const uint8_t *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

enum stlink_tcp_frame stlink_tcp_frame(const uint8_t *buf, size_t have, size_t *size)
{
	size_t need;

	if (!have)
		return STLINK_TCP_INCOMPLETE;
	switch (buf[0]) {
	case REQ_REFRESH:
		need = 2;
		break;
	case REQ_GET_NB_DEV:
		need = 1;
		break;
	case REQ_GET_VERSION:
		need = 4;
		break;
	case REQ_GET_DEV_INFO:
	case REQ_OPEN_DEV:
	case REQ_CLOSE_DEV:
	case REQ_GET_NB_CLIENTS:
		need = 8;
		break;
	case REQ_SEND_USB_CMD:
		if (have < USB_CMD_HEADER)
			return STLINK_TCP_INCOMPLETE;
		uint8_t dir = buf[24];
		uint32_t data = le32(buf + 28);
		if (dir != DIR_OUT && dir != DIR_IN && dir != DIR_SWO)
			return STLINK_TCP_BAD;
		if (dir == DIR_OUT) {
			if (data > STLINK_TCP_MAX_REQUEST - USB_CMD_HEADER)
				return STLINK_TCP_BAD;
			need = USB_CMD_HEADER + data;
		} else {
			if (data > STLINK_TCP_MAX_REPLY - 4)
				return STLINK_TCP_BAD;
			need = USB_CMD_HEADER;
		}
		break;
	default:
		return STLINK_TCP_BAD;
	}
	if (have < need)
		return STLINK_TCP_INCOMPLETE;
	*size = need;
	return STLINK_TCP_COMPLETE;
}

static struct stlink_tcp_probe *probe_by_device(struct stlink_tcp_server *srv, uint32_t id)
{
	for (unsigned int i = 0; i < srv->n_probes; i++)
		if (srv->probes[i].device_id == id)
			return &srv->probes[i];
	return NULL;
}

static struct stlink_tcp_probe *probe_by_connection(struct stlink_tcp_server *srv, int session,
		uint32_t connect_id)
{
	for (unsigned int i = 0; i < srv->n_probes; i++)
		if (srv->probes[i].owner == session && srv->probes[i].connect_id == connect_id)
			return &srv->probes[i];
	return NULL;
}

static void release(struct stlink_tcp_server *srv, struct stlink_tcp_probe *p)
{
	p->owner = -1;
	p->connect_id = 0;
	if (srv->released)
		srv->released(p->ctx);
}

static size_t usb_command(struct stlink_tcp_server *srv, int session, const uint8_t *req, size_t len,
		uint8_t *reply, void **probe_ctx)
{
	struct stlink_tcp_probe *p = probe_by_connection(srv, session, le32(req + 4));
	uint8_t dir = req[24];
	uint32_t size = le32(req + 28);
	size_t reply_len = dir == DIR_OUT ? 4 : 4 + (size_t)size;

	memset(reply, 0, reply_len);
	if (!p) {
		put32(reply, SS_BAD_PARAMETER);
		return reply_len;
	}
	put32(reply, SS_OK);
	*probe_ctx = p->ctx;
	if (dir == DIR_SWO)
		return reply_len;	/* no trace data */
	if (dir == DIR_OUT)
		srv->usb_command(p->ctx, req + 8, req + USB_CMD_HEADER, (uint32_t)(len - USB_CMD_HEADER), NULL, 0);
	else
		srv->usb_command(p->ctx, req + 8, NULL, 0, reply + 4, size);
	return reply_len;
}

size_t stlink_tcp_serve(struct stlink_tcp_server *srv, int session, const uint8_t *req, size_t len,
		uint8_t *reply, void **probe_ctx)
{
	struct stlink_tcp_probe *p;

	*probe_ctx = NULL;
	switch (req[0]) {
	case REQ_REFRESH:
		put32(reply, SS_OK);
		return 4;
	case REQ_GET_NB_DEV:
		put32(reply, srv->n_probes);
		return 4;
	case REQ_GET_VERSION:
		put32(reply, srv->api_version);
		put32(reply + 4, SERVER_MAJOR);
		put32(reply + 8, SERVER_MINOR);
		put32(reply + 12, SERVER_BUILD);
		return 16;
	case REQ_GET_DEV_INFO: {
		uint32_t size = le32(req + 4);
		if (size > STLINK_TCP_MAX_REPLY - 4)
			size = STLINK_TCP_MAX_REPLY - 4;
		memset(reply, 0, 4 + size);
		if (req[1] >= srv->n_probes || size < DEV_INFO_SIZE) {
			put32(reply, SS_BAD_PARAMETER);
			return 4 + size;
		}
		p = &srv->probes[req[1]];
		put32(reply, SS_OK);
		put32(reply + 4, p->device_id);
		memcpy(reply + 8, p->serial, strlen(p->serial));
		reply[40] = (uint8_t)p->vid;
		reply[41] = (uint8_t)(p->vid >> 8);
		reply[42] = (uint8_t)p->pid;
		reply[43] = (uint8_t)(p->pid >> 8);
		reply[44] = p->owner >= 0;
		return 4 + size;
	}
	case REQ_OPEN_DEV:
		memset(reply, 0, 8);
		p = probe_by_device(srv, le32(req + 4));
		if (!p) {
			put32(reply, SS_BAD_PARAMETER);
		} else if (p->owner >= 0) {
			put32(reply, SS_OPEN_ERR);
		} else {
			p->owner = session;
			p->connect_id = ++srv->next_connect_id;
			put32(reply, SS_OK);
			put32(reply + 4, p->connect_id);
		}
		return 8;
	case REQ_CLOSE_DEV:
		p = probe_by_connection(srv, session, le32(req + 4));
		if (p)
			release(srv, p);
		put32(reply, p ? SS_OK : SS_BAD_PARAMETER);
		return 4;
	case REQ_GET_NB_CLIENTS:
		p = probe_by_device(srv, le32(req + 4));
		put32(reply, p ? SS_OK : SS_BAD_PARAMETER);
		put32(reply + 4, p && p->owner >= 0);
		return 8;
	case REQ_SEND_USB_CMD:
		return usb_command(srv, session, req, len, reply, probe_ctx);
	default:
		return 0;
	}
}

void stlink_tcp_session_end(struct stlink_tcp_server *srv, int session)
{
	for (unsigned int i = 0; i < srv->n_probes; i++)
		if (srv->probes[i].owner == session)
			release(srv, &srv->probes[i]);
}
