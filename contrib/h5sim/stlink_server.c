// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: the emulated stlink-server (--stlink). One TCP port on 127.0.0.1 serves several
 * probes; each probe is an ST-Link firmware model (stlink_fw.c) wired to its own chip, built
 * from its own options (part, state file, dump, log, faults, serial, firmware version). Several
 * sessions (OpenOCD processes) can be connected at once, each opening the probe it selects
 * with "adapter serial". Requests are served in the order they arrive; a probe belongs to the
 * session that opened it until it is closed or the session ends.
 * Faults: when a chip's fault injection drops the link, the session using that probe is
 * closed without an answer to the request under way; a power loss stops the server.
 * With --once (of the first probe) the server exits when its last session ends. At exit every
 * chip's state and dump are written; the dump gains the probe's counters (count_stlink_*).
 */

#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "bringup.h"
#include "chip.h"
#include "dp.h"
#include "options.h"
#include "rbb.h"
#include "stlink_fw.h"
#include "stlink_server.h"
#include "stlink_tcp.h"

#define MAX_PROBES	8
#define MAX_SESSIONS	8

struct sim_probe {
	struct h5sim_options opt;
	struct stlink_fw_settings set;
	struct h5sim_chip *chip;
	struct h5sim_dp dp;
	struct stlink_fw fw;
};

struct session {
	int fd;			/* -1 = unused */
	size_t have;
	uint8_t buf[STLINK_TCP_MAX_REQUEST];
};

static void usb_command(void *ctx, const uint8_t cmd[16], const uint8_t *out, uint32_t out_len,
		uint8_t *in, uint32_t in_len)
{
	struct sim_probe *p = ctx;

	stlink_fw_command(&p->fw, cmd, out, out_len, in, in_len);
}

static void released(void *ctx)
{
	struct sim_probe *p = ctx;

	stlink_fw_disconnect(&p->fw);
	chip_log(p->chip, "stlink: probe closed");
	if (p->chip->log)
		fflush(p->chip->log);
}

static int setup_probe(struct sim_probe *p, unsigned int index, struct stlink_tcp_probe *tp)
{
	if (!stlink_fw_parse_version(p->opt.stlink_fw, &p->set)) {
		fprintf(stderr, "h5sim: --stlink-fw '%s' is not a firmware version such as V3J7 or V2J45S7\n",
				p->opt.stlink_fw);
		return -1;
	}
	if (p->opt.stlink_default_ap > 255) {
		fprintf(stderr, "h5sim: --stlink-default-ap %u is not an AP number\n", p->opt.stlink_default_ap);
		return -1;
	}
	p->set.nrst_wired = p->opt.stlink_nrst;
	p->set.default_ap = p->opt.stlink_default_ap;
	memset(tp, 0, sizeof(*tp));
	if (p->opt.stlink_serial) {
		if (strlen(p->opt.stlink_serial) > STLINK_TCP_SERIAL_LEN || !p->opt.stlink_serial[0]) {
			fprintf(stderr, "h5sim: --stlink-serial: 1 to %d characters\n", STLINK_TCP_SERIAL_LEN);
			return -1;
		}
		strcpy(tp->serial, p->opt.stlink_serial);
	} else {
		snprintf(tp->serial, sizeof(tp->serial), "%024u", index + 1);
	}
	p->chip = h5sim_bringup(&p->opt);
	if (!p->chip)
		return -1;
	dp_init(&p->dp, p->chip);
	stlink_fw_init(&p->fw, &p->set, p->chip, &p->dp);
	tp->vid = 0x0483;
	tp->pid = p->set.major == 3 ? 0x374E : 0x3748;
	tp->device_id = 0x100 + index;
	tp->owner = -1;
	tp->ctx = p;
	chip_log(p->chip, "stlink: probe %s (%s firmware %s) on the %s", tp->serial,
			p->set.major == 3 ? "STLINK-V3" : "ST-LINK/V2", p->opt.stlink_fw, p->chip->part->name);
	return 0;
}

static int save_probe(struct sim_probe *p)
{
	int rc = h5sim_save(p->chip, &p->opt);

	if (p->opt.dump_file) {
		FILE *d = fopen(p->opt.dump_file, "a");
		if (d) {
			fprintf(d, "count_stlink_commands %" PRIu64 "\n", p->fw.cnt.commands);
			fprintf(d, "count_stlink_bytes_out %" PRIu64 "\n", p->fw.cnt.bytes_out);
			fprintf(d, "count_stlink_bytes_in %" PRIu64 "\n", p->fw.cnt.bytes_in);
			fprintf(d, "count_stlink_mem_bytes %" PRIu64 "\n", p->fw.cnt.mem_bytes);
			fclose(d);
		}
	}
	return rc;
}

static void end_session(struct stlink_tcp_server *srv, struct session *s, int index, const char *why)
{
	stlink_tcp_session_end(srv, index);
	close(s->fd);
	s->fd = -1;
	s->have = 0;
	for (unsigned int i = 0; i < srv->n_probes; i++) {
		struct sim_probe *p = srv->probes[i].ctx;
		chip_log(p->chip, "stlink: session %d ended (%s)", index, why);
	}
}

/* Serves what session s has received; returns false if the session must end. */
static bool serve_session(struct stlink_tcp_server *srv, struct session *s, int index, bool *stop,
		const char **why)
{
	static uint8_t reply[STLINK_TCP_MAX_REPLY];
	size_t size = 0;

	for (;;) {
		enum stlink_tcp_frame f = stlink_tcp_frame(s->buf, s->have, &size);
		if (f == STLINK_TCP_INCOMPLETE)
			return true;
		if (f == STLINK_TCP_BAD) {
			*why = "not an stlink-server request";
			return false;
		}
		void *ctx = NULL;
		size_t n = stlink_tcp_serve(srv, index, s->buf, size, reply, &ctx);
		memmove(s->buf, s->buf + size, s->have - size);
		s->have -= size;
		struct sim_probe *p = ctx;
		if (p && p->chip->exit_reason == EXIT_POWER_LOSS) {
			*stop = true;
			*why = "power loss";
			return false;
		}
		if (p && p->chip->drop_connection) {
			p->chip->drop_connection = false;
			*why = "dropped by fault injection";
			return false;
		}
		if (!rbb_write_all(s->fd, reply, n)) {
			*why = "write failed";
			return false;
		}
	}
}

static int run(struct stlink_tcp_server *srv, int lfd, bool once, volatile sig_atomic_t *stop)
{
	struct session sessions[MAX_SESSIONS];
	bool had_session = false, power_loss = false;

	for (unsigned int i = 0; i < MAX_SESSIONS; i++)
		sessions[i].fd = -1;
	while (!*stop && !power_loss) {
		struct pollfd pf[MAX_SESSIONS + 1];
		int idx[MAX_SESSIONS + 1];
		unsigned int n = 0, active = 0;
		pf[n].fd = lfd;
		pf[n].events = POLLIN;
		idx[n++] = -1;
		for (int i = 0; i < MAX_SESSIONS; i++) {
			if (sessions[i].fd < 0)
				continue;
			pf[n].fd = sessions[i].fd;
			pf[n].events = POLLIN;
			idx[n++] = i;
			active++;
		}
		if (once && had_session && !active)
			break;
		int r = poll(pf, n, 200);
		if (r < 0 && errno != EINTR) {
			perror("h5sim: poll");
			return 1;
		}
		if (r <= 0) {
			for (unsigned int i = 0; i < srv->n_probes; i++) {
				struct sim_probe *p = srv->probes[i].ctx;
				if (p->chip->log)
					fflush(p->chip->log);	/* quiet: make the logs current */
			}
			continue;
		}
		for (unsigned int k = 0; k < n; k++) {
			if (!(pf[k].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			if (idx[k] < 0) {
				int fd = rbb_accept(lfd, stop);
				if (fd < 0)
					continue;
				int free_slot = -1;
				for (int i = 0; i < MAX_SESSIONS && free_slot < 0; i++)
					if (sessions[i].fd < 0)
						free_slot = i;
				if (free_slot < 0) {
					close(fd);
					continue;
				}
				sessions[free_slot].fd = fd;
				sessions[free_slot].have = 0;
				had_session = true;
				active++;
				for (unsigned int i = 0; i < srv->n_probes; i++) {
					struct sim_probe *p = srv->probes[i].ctx;
					chip_log(p->chip, "stlink: session %d connected, %u session(s) active",
							free_slot, active);
				}
				continue;
			}
			struct session *s = &sessions[idx[k]];
			ssize_t got = read(s->fd, s->buf + s->have, sizeof(s->buf) - s->have);
			if (got < 0 && errno == EINTR)
				continue;
			const char *why = "client closed";
			bool stop_all = false;
			if (got > 0) {
				s->have += (size_t)got;
				if (serve_session(srv, s, idx[k], &stop_all, &why))
					continue;
			}
			end_session(srv, s, idx[k], why);
			if (stop_all)
				power_loss = true;
		}
	}
	for (int i = 0; i < MAX_SESSIONS; i++)
		if (sessions[i].fd >= 0)
			end_session(srv, &sessions[i], i, "simulator stopping");
	return 0;
}

int stlink_server_main(int argc, char **argv, const struct h5sim_options *first,
		volatile sig_atomic_t *stop)
{
	static struct sim_probe probes[MAX_PROBES];
	struct stlink_tcp_probe tprobes[MAX_PROBES];
	unsigned int n = 0;
	int rc = 2;

	probes[n++].opt = *first;
	for (int next = first->next_probe_arg; next; next = probes[n - 1].opt.next_probe_arg) {
		if (n == MAX_PROBES) {
			fprintf(stderr, "h5sim: at most %d probes\n", MAX_PROBES);
			return 2;
		}
		/* argv + next: "--probe" stands where the program name would */
		int off = next;
		int r = h5sim_options_parse(&probes[n].opt, argc - off, argv + off);
		if (r)
			return r > 0 ? 0 : 2;
		if (probes[n].opt.next_probe_arg)
			probes[n].opt.next_probe_arg += off;
		const struct h5sim_options *o = &probes[n].opt;
		const char *server_option = o->port != first->port && o->port != 9999 ? "--port" :
			o->port_file ? "--port-file" : o->once ? "--once" :
			o->stlink_api != first->stlink_api ? "--stlink-api" :
			o->record_file || o->replay_file ? "--record/--replay" : NULL;
		if (server_option) {
			fprintf(stderr, "h5sim: %s is an option of the server: give it before the first --probe\n",
					server_option);
			return 2;
		}
		n++;
	}
	if (first->replay_file || first->record_file) {
		fprintf(stderr, "h5sim: --record and --replay are remote_bitbang options\n");
		return 2;
	}

	unsigned int made = 0;
	for (; made < n; made++)
		if (setup_probe(&probes[made], made, &tprobes[made]))
			goto out;
	for (unsigned int i = 0; i < n; i++)
		for (unsigned int j = 0; j < i; j++)
			if (!strcmp(tprobes[i].serial, tprobes[j].serial)) {
				fprintf(stderr, "h5sim: two probes have the serial %s\n", tprobes[i].serial);
				goto out;
			}

	struct stlink_tcp_server srv = {
		.probes = tprobes,
		.n_probes = n,
		.api_version = first->stlink_api,
		.usb_command = usb_command,
		.released = released,
	};
	unsigned int port;
	int lfd = rbb_listen(first->port, &port);
	if (lfd < 0)
		goto out;
	if (first->port_file) {
		FILE *pf = fopen(first->port_file, "w");
		if (!pf || fprintf(pf, "%u\n", port) < 0 || fclose(pf)) {
			perror("h5sim: --port-file");
			close(lfd);
			goto out;
		}
	}
	for (unsigned int i = 0; i < n; i++)
		chip_log(probes[i].chip, "h5sim: stlink-server with %u probe(s) listening on 127.0.0.1:%u", n, port);
	if (first->verbose)
		fprintf(stderr, "h5sim: stlink-server with %u probe(s) listening on 127.0.0.1:%u\n", n, port);
	rc = run(&srv, lfd, first->once, stop);
	close(lfd);
	for (unsigned int i = 0; i < n; i++) {
		struct h5sim_chip *chip = probes[i].chip;
		if (chip->exit_reason == EXIT_NONE)
			chip->exit_reason = *stop ? EXIT_SIGNAL : EXIT_CLIENT_GONE;
		if (chip->exit_reason == EXIT_POWER_LOSS)
			fprintf(stderr, "h5sim: power loss injected; state saved as the power cut left it\n");
		if (save_probe(&probes[i]))
			rc = 1;
	}
out:
	for (unsigned int i = 0; i < made; i++)
		h5sim_bringdown(probes[i].chip);
	return rc;
}
