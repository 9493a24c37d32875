// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: chip bring-up from the options: opens the log, builds the chip, loads the state file,
 * applies the starting point (--pstate, --tzen) and powers the chip on; at exit saves the
 * state and writes the dump. Shared by the remote_bitbang front end (main.c) and the emulated
 * ST-Link (stlink_server.c).
 */

#include <stdio.h>

#include "bringup.h"
#include "chip.h"
#include "flash/flash.h"
#include "options.h"
#include "persist.h"

struct h5sim_chip *h5sim_bringup(const struct h5sim_options *opt)
{
	FILE *log = NULL;

	if (opt->log_file) {
		log = fopen(opt->log_file, "a");
		if (!log) {
			perror("h5sim: --log");
			return NULL;
		}
		setvbuf(log, NULL, _IOFBF, 1 << 16);	/* flushed when the client is quiet */
	}
	struct h5sim_chip *chip = chip_create(opt);
	if (!chip) {
		if (log)
			fclose(log);
		return NULL;
	}
	chip->log = log;
	h5flash_set_log(chip->flash, log);

	if (opt->state_file && persist_load(chip, opt->state_file) < 0)
		goto fail;
	if (opt->pstate >= 0)
		h5flash_force_product_state(chip->flash, (uint8_t)opt->pstate);
	if (opt->tzen >= 0) {
		if (opt->tzen && !chip->part->trustzone) {
			fprintf(stderr, "h5sim: --tzen 1: the %s has no TrustZone\n", chip->part->name);
			goto fail;
		}
		h5flash_force_tzen(chip->flash, opt->tzen == 1);
	}
	chip_power_on(chip);
	return chip;
fail:
	h5sim_bringdown(chip);
	return NULL;
}

int h5sim_save(struct h5sim_chip *chip, const struct h5sim_options *opt)
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

void h5sim_bringdown(struct h5sim_chip *chip)
{
	FILE *log = chip->log;

	chip_free(chip);
	if (log)
		fclose(log);
}
