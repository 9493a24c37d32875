// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: chip composition (buses and peripherals from the part table), simulated time,
 * AP1 gating per product state (h5-flash-ob.md §7.3) and per granted DA debug level (non-secure
 * levels open no secure access, h5-debug-auth.md §5) and the glue the DA device uses.
 *
 * Time: every TCK rising edge is opt->tck_ns of simulated time. While the core runs, that
 * time is given to it as an instruction budget (opt->ns_per_insn each), spent at the next
 * synchronisation point (every DAP transaction); the flash model is advanced to the current
 * time before every access to it. Nothing depends on wall-clock time.
 */

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "chip.h"
#include "cpu.h"
#include "da/da_device.h"
#include "flash/flash.h"
#include "flash/flash_ext.h"
#include "flash_bus.h"

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

void chip_log(struct h5sim_chip *chip, const char *fmt, ...)
{
	va_list ap;

	if (chip->log) {
		fprintf(chip->log, "[%12" PRIu64 " ns] ", chip->now_ns);
		va_start(ap, fmt);
		vfprintf(chip->log, fmt, ap);
		va_end(ap);
		fputc('\n', chip->log);	/* flushed when the client is quiet (rbb.c) */
	}
	if (chip->opt->verbose) {
		fprintf(stderr, "h5sim: ");
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
}

enum ap1_gate chip_gate_for_state(uint8_t pstate)
{
	switch (pstate) {
	case 0xED:		/* Open */
	case 0x17:		/* Provisioning: the debugger connects hot-plug [I] */
		return AP1_FULL;
	case 0x2E:		/* iROT-Provisioned: non-secure debug */
	case 0xC6:		/* TZ-Closed: non-secure debug */
		return AP1_NS_ONLY;
	case 0x72:		/* Closed */
	case 0x5C:		/* Locked */
	case 0x9A:		/* Regression (transient) [I] */
	case 0xA3:		/* NS-Regression (transient) [I] */
	default:		/* not a valid state [U]: closed */
		return AP1_CLOSED;
	}
}

static enum ap1_gate gate_for_chip_state(const struct h5sim_chip *chip)
{
	enum ap1_gate g = chip_gate_for_state(h5flash_product_state(chip->flash));

	/* without TrustZone there is no secure side to keep closed */
	if (g == AP1_NS_ONLY && !(chip->part->trustzone && h5flash_tzen(chip->flash)))
		g = AP1_FULL;
	return g;
}

enum ap1_gate chip_ap1_gate(const struct h5sim_chip *chip)
{
	if (chip->debug_opened && chip->opened_gate == AP1_FULL)
		return AP1_FULL;
	if (chip->in_rom)
		return AP1_CLOSED;
	enum ap1_gate g = chip->opt->gate_at_once ? gate_for_chip_state(chip) : chip->gate_at_reset;
	if (chip->debug_opened && g < chip->opened_gate)
		g = chip->opened_gate;	/* a non-secure reopening adds no secure access */
	return g;
}

bool chip_core_accessible(const struct h5sim_chip *chip)
{
	return chip_ap1_gate(chip) != AP1_CLOSED;
}

static bool core_running(const struct h5sim_chip *chip)
{
	return !chip->scs.halted && !chip->scs.lockup && !chip->srst_asserted && !chip->in_rom &&
		chip->exit_reason != EXIT_POWER_LOSS;
}

void chip_flash_catchup(struct h5sim_chip *chip)
{
	if (chip->now_ns > chip->flash_ns) {
		h5flash_advance(chip->flash, chip->now_ns - chip->flash_ns);
		chip->flash_ns = chip->now_ns;
	}
	chip->was_flash_busy = h5flash_busy(chip->flash);
}

void chip_flash_written(struct h5sim_chip *chip, uint32_t addr)
{
	bool busy = h5flash_busy(chip->flash);

	if (busy && !chip->was_flash_busy) {
		chip->cnt.flash_ops_started++;
		chip_log(chip, "flash: operation %" PRIu64 " started by a write to 0x%08x",
				chip->cnt.flash_ops_started, addr);
		faults_flash_op_started(chip, addr);
	}
	chip->was_flash_busy = busy;
}

void chip_tck(struct h5sim_chip *chip)
{
	chip->cnt.jtag_clocks++;
	if (core_running(chip))
		chip->cpu_budget_ns += chip->opt->tck_ns;
	else
		chip->now_ns += chip->opt->tck_ns;
}

void chip_sync(struct h5sim_chip *chip)
{
	uint64_t ns = chip->opt->ns_per_insn;

	if (core_running(chip) && chip->cpu_budget_ns >= ns) {
		uint64_t n = chip->cpu_budget_ns / ns;
		uint64_t done = core_run(chip->cpu, n);
		chip->cnt.instructions += done;
		chip->cpu_budget_ns -= done * ns;
	}
	if (!core_running(chip)) {
		chip->now_ns += chip->cpu_budget_ns;
		chip->cpu_budget_ns = 0;
	}
	chip_flash_catchup(chip);
	if (chip->scs.pending_system_reset)
		chip_system_reset(chip, "AIRCR.SYSRESETREQ");
	faults_sync(chip);
}

/* ---- DA glue ---- */

static uint8_t da_product_state(void *ctx)
{
	struct h5sim_chip *chip = ctx;
	return h5flash_product_state(chip->flash);
}

static bool da_tzen(void *ctx)
{
	struct h5sim_chip *chip = ctx;
	return h5flash_tzen(chip->flash);
}

/*
 * The boot ROM reads its provisioned data whatever the TrustZone setting. With TZEN off the
 * secure aliases (0x0Cxxxxxx/0x0Dxxxxxx/0x0Fxxxxxx) do not decode, so it reads the same flash
 * through the non-secure alias, 0x04000000 lower [I] (h5-flash-ob.md §2.1).
 */
#define SECURE_ALIAS_OFFSET	0x04000000u

static bool da_read_nvm(void *ctx, uint32_t addr, void *buf, uint32_t len)
{
	struct h5sim_chip *chip = ctx;
	struct h5flash_access acc = { .secure = true, .privileged = true, .debugger = false };

	chip_flash_catchup(chip);
	if (!(chip->part->trustzone && h5flash_tzen(chip->flash)) &&
			addr >= 0x0C000000u && addr < 0x10000000u) {
		addr -= SECURE_ALIAS_OFFSET;
		acc.secure = false;
	}
	return h5flash_mem_read(chip->flash, addr, &acc, buf, len) == H5FLASH_BUS_OK;
}

static void da_full_regression(void *ctx)
{
	struct h5sim_chip *chip = ctx;

	chip_log(chip, "da: full regression (user flash, EDATA, OBK HDPL1..3, SRAM)");
	chip_flash_catchup(chip);
	h5flash_full_regression(chip->flash);
	chip->nvm_epoch++;
	ram_erase(&chip->ram);
	chip->rom_reset_pending = true;
}

static void da_partial_regression(void *ctx)
{
	struct h5sim_chip *chip = ctx;

	/* SRAM security (GTZC) is not modelled; SRAM is secure by default, so none is erased [I] */
	chip_log(chip, "da: partial regression (non-secure flash, OBK HDPL3-NS)");
	chip_flash_catchup(chip);
	h5flash_partial_regression(chip->flash);
	chip->nvm_epoch++;
	chip->rom_reset_pending = true;
}

static void da_open_debug(void *ctx, uint32_t permissions)
{
	struct h5sim_chip *chip = ctx;

	/* what was granted, no more: only the S+NS levels (bits 4..6) open the secure side */
	bool secure = permissions & 0x70u;

	chip_log(chip, "da: debug opened (permissions 0x%08x, %s) until the next reset", permissions,
			secure ? "secure and non-secure" : "non-secure only");
	chip->debug_opened = true;
	chip->opened_gate = secure ? AP1_FULL : AP1_NS_ONLY;
	if (!secure && !(chip->part->trustzone && h5flash_tzen(chip->flash)))
		chip->opened_gate = AP1_FULL;	/* no secure side to keep closed */
	if (chip->in_rom)
		chip_boot_after_da(chip);
}

static void da_lock_debug(void *ctx)
{
	struct h5sim_chip *chip = ctx;

	chip_log(chip, "da: debug locked");
	chip->debug_opened = false;
}

static void da_log(void *ctx, const char *fmt, ...)
{
	struct h5sim_chip *chip = ctx;
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	chip_log(chip, "da: %s", line);
}

static void sbs_hdpl_changed(void *ctx, unsigned int hdpl, unsigned int obk_hdpl)
{
	struct h5sim_chip *chip = ctx;

	h5flash_set_hdpl(chip->flash, (uint8_t)hdpl, (uint8_t)obk_hdpl);
}

/* ---- creation ---- */

static bool ram_tz_active(void *ctx)
{
	struct h5sim_chip *chip = ctx;

	return h5flash_tzen(chip->flash);
}

static int build_buses(struct h5sim_chip *chip)
{
	const struct h5sim_part *p = chip->part;
	struct bus *sb = &chip->sysbus;

	/* peripherals that are not modelled read as zero and ignore writes [I]; the secure
	 * peripheral alias (0x5xxxxxxx) exists only with TrustZone */
	bus_init(sb, "system", 0x40000000u, p->trustzone ? 0x20000000u : 0x10000000u);
	bus_add(sb, "sram", RAM_BASE_NS, chip->ram.size, p->trustzone ? &ram_ns_ops : &ram_ops,
			&chip->ram);
	if (p->trustzone)
		bus_add(sb, "sram-s", RAM_BASE_S, chip->ram.size, &ram_ops, &chip->ram);
	bus_add(sb, "sysmem", SYSMEM_BASE_NS, chip->sysmem.size, &sysmem_ops, &chip->sysmem);
	if (p->trustzone)
		bus_add(sb, "sysmem-s", SYSMEM_BASE_S, chip->sysmem.size, &sysmem_ops, &chip->sysmem);
	bus_add(sb, "flash-regs", FLASH_REGS_NS, FLASH_REGS_SIZE, &flash_regs_ns_ops, chip);
	if (p->trustzone)
		bus_add(sb, "flash-regs-s", FLASH_REGS_S, FLASH_REGS_SIZE, &flash_regs_s_ops, chip);
	bus_add(sb, "sbs", SBS_BASE_NS, SBS_SIZE, &sbs_ops, &chip->sbs);
	if (p->trustzone)
		bus_add(sb, "sbs-s", SBS_BASE_S, SBS_SIZE, &sbs_ops, &chip->sbs);
	bus_add(sb, "dbgmcu", DBGMCU_BASE_CPU, DBGMCU_SIZE, &dbgmcu_cpu_ops, &chip->dbgmcu);
	bus_add(sb, "ppb", PPB_BASE, PPB_SIZE, &scs_ops, &chip->scs);
	bus_add(sb, "flash", 0, 0, &flash_window_ops, chip);

	bus_init(&chip->dbgbus, "debug-apb", 0, 0);
	bus_add(&chip->dbgbus, "dbgmcu", DBGMCU_BASE_DEBUG, DBGMCU_SIZE, &dbgmcu_debug_ops, &chip->dbgmcu);
	return 0;
}

struct h5sim_chip *chip_create(const struct h5sim_options *opt)
{
	struct h5sim_chip *chip = calloc(1, sizeof(*chip));
	if (!chip)
		return NULL;
	chip->opt = opt;
	chip->part = h5sim_part_find(opt->part);
	const struct h5sim_part *p = chip->part;

	struct h5flash_config cfg = {
		.variant = p->variant,
		.flash_size = p->flash_size,
		.crypto = p->crypto,
		.optsr_factory = opt->optsr,
		.optsr2_factory = opt->optsr2,
		.package = opt->package >= 0 ? (uint16_t)opt->package : p->package,
		.t_program_ns = opt->t_program_ns,
		.t_program_half_ns = opt->t_program_half_ns,
		.t_sector_erase_ns = opt->t_sector_erase_ns,
		.t_bank_erase_ns = opt->t_bank_erase_ns,
		.t_option_change_ns = opt->t_option_change_ns,
	};
	uint64_t seed = opt->seed;
	for (unsigned int i = 0; i < 12; i += 4) {
		uint64_t r = splitmix64(&seed);
		memcpy(&cfg.uid[i], &r, 4);
	}

	chip->flash = h5flash_create(&cfg);
	if (!chip->flash) {
		fprintf(stderr, "h5sim: the flash model refused the configuration of %s\n", p->name);
		goto fail;
	}
	uint32_t sram3_off = p->sram3_size ? p->sram1_size + p->sram2_size : h5sim_part_sram_size(p);
	if (ram_init(&chip->ram, h5sim_part_sram_size(p), sram3_off) || sysmem_init(&chip->sysmem, p)) {
		fprintf(stderr, "h5sim: out of memory\n");
		goto fail;
	}
	if (p->trustzone) {
		uint64_t kib = opt->secure_sram_kib;
		chip->ram.secure_size = kib * 1024 < chip->ram.size ? (uint32_t)(kib * 1024) : chip->ram.size;
		chip->ram.tz_active = ram_tz_active;
		chip->ram.tz_ctx = chip;
	}
	chip->dbgmcu.chip = chip;
	chip->dbgmcu.idcode = (uint32_t)(opt->rev_id >= 0 ? (unsigned int)opt->rev_id : p->rev_id) << 16 | p->dev_id;
	chip->sbs.hdpl_at_boot = opt->hdpl_at_boot;
	chip->sbs.hdpl_changed = sbs_hdpl_changed;
	chip->sbs.ctx = chip;
	chip->scs.chip = chip;

	struct da_chip dc = {
		.ctx = chip,
		.dev_id = p->dev_id,
		.has_trustzone = p->trustzone,
		.has_obk = p->variant != H5FLASH_H503,
		.product_state = da_product_state,
		.tzen = da_tzen,
		.read_nvm = da_read_nvm,
		.full_regression = da_full_regression,
		.partial_regression = da_partial_regression,
		.open_debug = da_open_debug,
		.lock_debug = da_lock_debug,
		.log = da_log,
	};
	memcpy(dc.uid, cfg.uid, sizeof(dc.uid));
	struct da_settings ds;
	da_device_defaults(&ds);
	ds.entry_magic = opt->da_magic;
	ds.echo_magic = !opt->da_no_answer;
	ds.answer_custom = opt->da_answer_set;
	ds.answer_word = opt->da_answer;
	ds.ack_swapped = opt->da_ack_swapped;
	ds.dev_flag_by_host = opt->da_dev_flag_by_host;
	ds.data_count_in_bytes = opt->da_count_in_bytes;
	ds.rng_seed = opt->seed;
	chip->da = da_device_create(&dc, &ds);
	if (!chip->da) {
		fprintf(stderr, "h5sim: the DA device could not be created\n");
		goto fail;
	}
	da_device_set_fault(chip->da, opt->fault_da);
	build_buses(chip);
	chip->cpu = core_create(chip);
	if (!chip->cpu)
		goto fail;
	return chip;
fail:
	chip_free(chip);
	return NULL;
}

void chip_free(struct h5sim_chip *chip)
{
	if (!chip)
		return;
	core_free(chip->cpu);
	if (chip->da)
		da_device_free(chip->da);
	if (chip->flash)
		h5flash_free(chip->flash);
	ram_free(&chip->ram);
	sysmem_free(&chip->sysmem);
	free(chip);
}
