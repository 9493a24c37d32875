// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: entry point. Parses the options, brings the chip up (bringup.c) and serves
 * remote_bitbang clients; with --stlink, stlink_server.c serves emulated ST-Links instead.
 * At exit (client gone with --once, SIGTERM/SIGINT, injected power loss) it saves the state
 * and writes the dump.
 */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bringup.h"
#include "chip.h"
#include "dp.h"
#include "options.h"
#include "rbb.h"
#include "stlink_server.h"
#include "tap.h"

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	stop_requested = 1;
}

int main(int argc, char **argv)
{
	struct h5sim_options opt;
	int r = h5sim_options_parse(&opt, argc, argv);

	if (r)
		return r > 0 ? 0 : 2;

	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (opt.stlink)
		return stlink_server_main(argc, argv, &opt, &stop_requested);
	if (opt.next_probe_arg) {
		fprintf(stderr, "h5sim: --probe needs --stlink\n");
		return 2;
	}
	struct h5sim_chip *chip = h5sim_bringup(&opt);
	if (!chip)
		return 2;
	FILE *log = chip->log;

	struct h5sim_dp dp;
	struct h5sim_tap tap;
	dp_init(&dp, chip);
	uint32_t bs_idcode = opt.bs_idcode >= 0 ? (uint32_t)opt.bs_idcode :
		0x06000041u | (uint32_t)chip->part->dev_id << 12;
	tap_init(&tap, &dp, opt.bs_tap == 1, bs_idcode);

	FILE *record = NULL;
	if (opt.record_file) {
		record = fopen(opt.record_file, "a");
		if (!record) {
			perror("h5sim: --record");
			h5sim_bringdown(chip);
			return 2;
		}
	}
	if (opt.replay_file) {
		int rfd = open(opt.replay_file, O_RDONLY);
		if (rfd < 0) {
			fprintf(stderr, "h5sim: --replay %s: %s\n", opt.replay_file, strerror(errno));
			h5sim_bringdown(chip);
			return 2;
		}
		chip_log(chip, "rbb: replaying %s", opt.replay_file);
		enum rbb_end end = rbb_serve(rfd, -1, record, &tap, chip, &stop_requested);
		close(rfd);
		if (chip->exit_reason == EXIT_NONE)
			chip->exit_reason = end == RBB_STOPPED ? EXIT_SIGNAL : EXIT_CLIENT_GONE;
		goto out;
	}

	unsigned int port;
	int lfd = rbb_listen(opt.port, &port);
	if (lfd < 0) {
		h5sim_bringdown(chip);
		return 2;
	}
	if (opt.port_file) {
		FILE *pf = fopen(opt.port_file, "w");
		if (!pf || fprintf(pf, "%u\n", port) < 0 || fclose(pf)) {
			perror("h5sim: --port-file");
			close(lfd);
			h5sim_bringdown(chip);
			return 2;
		}
	}
	chip_log(chip, "h5sim: %s listening on 127.0.0.1:%u", chip->part->name, port);
	if (opt.verbose)
		fprintf(stderr, "h5sim: %s listening on 127.0.0.1:%u\n", chip->part->name, port);

	for (;;) {
		if (log)
			fflush(log);	/* the log is buffered (rbb.c): current while no client */
		int fd = rbb_accept(lfd, &stop_requested);
		if (fd < 0) {
			chip->exit_reason = EXIT_SIGNAL;
			break;
		}
		chip_log(chip, "rbb: client connected");
		enum rbb_end end = rbb_serve(fd, fd, record, &tap, chip, &stop_requested);
		/* a power loss resets the connection: OpenOCD 0.12.0's remote_bitbang takes an
		 * orderly end of stream for "no answer yet" and aborts on an assertion, which would
		 * hide what the driver says about the interrupted operation */
		if (chip->exit_reason == EXIT_POWER_LOSS)
			rbb_abort(fd);
		else
			close(fd);
		chip_log(chip, "rbb: client disconnected (%s)",
				end == RBB_DROPPED ? "dropped by fault injection" :
				end == RBB_STOPPED ? "simulator stopping" : "client closed");
		if (end == RBB_STOPPED) {
			if (chip->exit_reason == EXIT_NONE)
				chip->exit_reason = EXIT_SIGNAL;
			break;
		}
		/* a new connection starts from a fresh TAP; the chip keeps running */
		tap_reset(&tap);
		if (opt.once) {
			chip->exit_reason = EXIT_CLIENT_GONE;
			break;
		}
	}
	close(lfd);
out:
	if (record)
		fclose(record);
	if (chip->exit_reason == EXIT_POWER_LOSS)
		fprintf(stderr, "h5sim: power loss injected; state saved as the power cut left it\n");
	r = h5sim_save(chip, &opt);
	h5sim_bringdown(chip);
	return r;
}
