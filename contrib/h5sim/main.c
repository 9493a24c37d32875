// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: entry point. Parses the options, builds the chip, loads the state file, applies the
 * starting point (--pstate, --tzen), powers the chip on and serves remote_bitbang clients.
 * At exit (client gone with --once, SIGTERM/SIGINT, injected power loss) it saves the state
 * and writes the dump.
 */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "chip.h"
#include "da/da_device.h"
#include "dp.h"
#include "flash/flash.h"
#include "options.h"
#include "persist.h"
#include "rbb.h"
#include "tap.h"

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	stop_requested = 1;
}

static int finish(struct h5sim_chip *chip, const struct h5sim_options *opt)
{
	int rc = 0;

	if (opt->state_file && persist_save(chip, opt->state_file))
		rc = 1;
	if (opt->dump_file) {
		FILE *d = fopen(opt->dump_file, "w");
		if (!d) {
			perror("h5sim: --dump");
			rc = 1;
		} else {
			persist_dump(chip, d);
			fclose(d);
		}
	}
	return rc;
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

	FILE *log = NULL;
	if (opt.log_file) {
		log = fopen(opt.log_file, "a");
		if (!log) {
			perror("h5sim: --log");
			return 2;
		}
		setvbuf(log, NULL, _IOFBF, 1 << 16);	/* flushed when the client is quiet */
	}
	struct h5sim_chip *chip = chip_create(&opt);
	if (!chip)
		return 2;
	chip->log = log;
	h5flash_set_log(chip->flash, log);

	if (opt.state_file && persist_load(chip, opt.state_file) < 0) {
		chip_free(chip);
		return 2;
	}
	if (opt.pstate >= 0)
		h5flash_force_product_state(chip->flash, (uint8_t)opt.pstate);
	if (opt.tzen >= 0) {
		if (opt.tzen && !chip->part->trustzone) {
			fprintf(stderr, "h5sim: --tzen 1: the %s has no TrustZone\n", chip->part->name);
			chip_free(chip);
			return 2;
		}
		h5flash_force_tzen(chip->flash, opt.tzen == 1);
	}
	chip_power_on(chip);

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
			chip_free(chip);
			return 2;
		}
	}
	if (opt.replay_file) {
		int rfd = open(opt.replay_file, O_RDONLY);
		if (rfd < 0) {
			fprintf(stderr, "h5sim: --replay %s: %s\n", opt.replay_file, strerror(errno));
			chip_free(chip);
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
		chip_free(chip);
		return 2;
	}
	if (opt.port_file) {
		FILE *pf = fopen(opt.port_file, "w");
		if (!pf || fprintf(pf, "%u\n", port) < 0 || fclose(pf)) {
			perror("h5sim: --port-file");
			close(lfd);
			chip_free(chip);
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
	r = finish(chip, &opt);
	chip_free(chip);
	if (log)
		fclose(log);
	return r;
}
