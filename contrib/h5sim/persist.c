// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: persistence. The state file is a short text header of the simulator's own
 * non-volatile facts followed, after the line "flash-model", by whatever h5flash_save writes
 * (flash, OTP, option bytes, OBK). SRAM, registers and the DA session are volatile and are
 * not kept. The dump is "key value" lines: the simulator's own (sim_*, core_*, count_*), then
 * h5flash_dump and da_device_dump.
 */

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "chip.h"
#include "cpu.h"
#include "da/da_device.h"
#include "flash/flash.h"
#include "persist.h"

#define STATE_MAGIC "h5sim-state 1"

int persist_load(struct h5sim_chip *chip, const char *path)
{
	char line[256];
	bool part_ok = false;
	FILE *f = fopen(path, "r");

	if (!f) {
		if (errno == ENOENT)
			return 1;
		fprintf(stderr, "h5sim: cannot open state file %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!fgets(line, sizeof(line), f) || strncmp(line, STATE_MAGIC, strlen(STATE_MAGIC))) {
		fprintf(stderr, "h5sim: %s is not an h5sim state file (bad first line)\n", path);
		fclose(f);
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (!strcmp(line, "flash-model"))
			break;
		if (!strncmp(line, "part ", 5)) {
			if (strcmp(line + 5, chip->part->name)) {
				fprintf(stderr, "h5sim: state file %s is for part %s, not %s\n", path,
						line + 5, chip->part->name);
				fclose(f);
				return -1;
			}
			part_ok = true;
		}
	}
	if (!part_ok) {
		fprintf(stderr, "h5sim: state file %s names no part\n", path);
		fclose(f);
		return -1;
	}
	if (!h5flash_load(chip->flash, f)) {
		fprintf(stderr, "h5sim: the flash model rejected the state in %s\n", path);
		fclose(f);
		return -1;
	}
	fclose(f);
	chip_log(chip, "state: loaded %s", path);
	return 0;
}

int persist_save(struct h5sim_chip *chip, const char *path)
{
	size_t len = strlen(path) + 5;
	char *tmp = malloc(len);
	FILE *f;

	if (!tmp)
		return -1;
	snprintf(tmp, len, "%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f) {
		fprintf(stderr, "h5sim: cannot write state file %s: %s\n", tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	fprintf(f, "%s\npart %s\nflash-model\n", STATE_MAGIC, chip->part->name);
	chip_flash_catchup(chip);
	bool ok = h5flash_save(chip->flash, f);
	if (fclose(f) || !ok || rename(tmp, path)) {
		fprintf(stderr, "h5sim: saving state to %s failed\n", path);
		remove(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	chip_log(chip, "state: saved %s", path);
	return 0;
}

static const char *core_state(const struct h5sim_chip *chip)
{
	if (chip->exit_reason == EXIT_POWER_LOSS)
		return "off";
	if (chip->srst_asserted)
		return "reset";
	if (chip->in_rom)
		return "rom";
	if (chip->scs.lockup)
		return "lockup";
	return chip->scs.halted ? "halted" : "running";
}

void persist_dump(struct h5sim_chip *chip, FILE *out)
{
	static const char * const gates[] = { "closed", "ns-only", "full" };
	static const char * const reasons[] = { "none", "client-gone", "signal", "power-loss" };
	const struct h5sim_counters *c = &chip->cnt;
	struct h5flash_stats fs;

	chip_flash_catchup(chip);
	fprintf(out, "sim_part %s\n", chip->part->name);
	fprintf(out, "sim_dbgmcu_idcode 0x%08" PRIx32 "\n", chip->dbgmcu.idcode);
	fprintf(out, "sim_time_ns %" PRIu64 "\n", chip->now_ns);
	fprintf(out, "sim_exit_reason %s\n", reasons[chip->exit_reason]);
	fprintf(out, "sim_ap1_gate %s\n", gates[chip_ap1_gate(chip)]);
	fprintf(out, "sim_in_rom %d\n", chip->in_rom);
	fprintf(out, "sim_debug_opened %d\n", chip->debug_opened);
	fprintf(out, "sim_hdplsr 0x%02x\n", chip->sbs.hdpl);
	fprintf(out, "count_jtag_clocks %" PRIu64 "\n", c->jtag_clocks);
	fprintf(out, "count_dap_transactions %" PRIu64 "\n", c->dap_transactions);
	fprintf(out, "count_dp_reads %" PRIu64 "\n", c->dp_reads);
	fprintf(out, "count_dp_writes %" PRIu64 "\n", c->dp_writes);
	fprintf(out, "count_ap_reads %" PRIu64 "\n", c->ap_reads);
	fprintf(out, "count_ap_writes %" PRIu64 "\n", c->ap_writes);
	fprintf(out, "count_ap_errors %" PRIu64 "\n", c->ap_errors);
	fprintf(out, "count_wait_acks %" PRIu64 "\n", c->waits);
	fprintf(out, "count_instructions %" PRIu64 "\n", c->instructions);
	fprintf(out, "count_instructions_idle_skipped %" PRIu64 "\n", core_idle_skipped(chip->cpu));
	fprintf(out, "count_flash_ops_started %" PRIu64 "\n", c->flash_ops_started);
	fprintf(out, "count_system_resets %" PRIu64 "\n", c->system_resets);
	fprintf(out, "count_halts %" PRIu64 "\n", chip->scs.halts);
	fprintf(out, "count_bkpt_halts %" PRIu64 "\n", chip->scs.bkpt_halts);
	fprintf(out, "count_fpb_halts %" PRIu64 "\n", chip->scs.fpb_halts);
	fprintf(out, "count_watch_halts %" PRIu64 "\n", chip->scs.watch_halts);
	fprintf(out, "count_steps %" PRIu64 "\n", chip->scs.steps);
	h5flash_stats(chip->flash, &fs);
	fprintf(out, "count_flash_words_programmed %" PRIu64 "\n", fs.words_programmed);
	fprintf(out, "count_flash_sectors_erased %" PRIu64 "\n", fs.sectors_erased);
	fprintf(out, "count_flash_option_changes %" PRIu64 "\n", fs.option_changes);
	fprintf(out, "count_flash_busy_ns %" PRIu64 "\n", fs.busy_ns);
	fprintf(out, "core_state %s\n", core_state(chip));
	fprintf(out, "core_dhcsr 0x%08" PRIx32 "\n", scs_dhcsr(&chip->scs));
	fprintf(out, "core_dfsr 0x%08" PRIx32 "\n", chip->scs.dfsr);
	fprintf(out, "core_demcr 0x%08" PRIx32 "\n", chip->scs.demcr);
	for (unsigned int r = 0; r <= 16; r++) {
		static const char * const names[] = { "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
			"r8", "r9", "r10", "r11", "r12", "sp", "lr", "pc", "xpsr" };
		uint32_t v = 0;
		core_reg_read(chip->cpu, r, &v);
		fprintf(out, "core_%s 0x%08" PRIx32 "\n", names[r], v);
	}
	h5flash_dump(chip->flash, out);
	da_device_dump(chip->da, out);
}
