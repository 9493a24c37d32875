// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: the Cortex-M33 core on Unicorn 2 (UC_MODE_THUMB | UC_MODE_MCLASS, CPU model
 * Cortex-M33): set-up, the address map as the core sees it, and the run loop.
 * SRAM and system memory are host memory shared with the debug view; user flash is a shadow
 * (cpu_flash.c); everything else the core can reach (OTP/RO/OBK/EDATA windows, peripherals,
 * PPB) is MMIO routed to the chip's system bus, so a loader's stores reach the flash model.
 *
 * Execution is driven by the chip: core_run() executes at most N instructions. A per-
 * instruction hook counts them, advances simulated time, stops on an FPB breakpoint, a DWT
 * watchpoint hit (cpu_watch.c) or a pending system reset, and traps the RSSLIB stubs
 * (rsslib.c). BKPT halts (DFSR.BKPT) when C_DEBUGEN is set. Any other exception, or an
 * instruction Unicorn cannot run, is a fault: the core locks up (DHCSR.S_LOCKUP) with one log
 * line; exception entry is not modelled.
 */

#include <stdlib.h>
#include <string.h>

#include "chip.h"
#include "cpu_internal.h"

struct bus_access h5cpu_access(const struct h5sim_cpu *cpu)
{
	struct bus_access acc = { .secure = cpu->secure, .privileged = true, .debugger = false };
	return acc;
}

void h5cpu_fault(struct h5sim_cpu *cpu, const char *what, uint32_t addr)
{
	uint32_t pc = core_pc(cpu);

	chip_log(cpu->chip, "cpu fault: %s (address 0x%08x) at pc 0x%08x: core locked up", what, addr, pc);
	cpu->fault = true;
	scs_lockup(&cpu->chip->scs);
	uc_emu_stop(cpu->uc);
}

void core_fault(struct h5sim_cpu *cpu, const char *what, uint32_t addr)
{
	h5cpu_fault(cpu, what, addr);
}

static void idle_note_load(struct h5sim_cpu *cpu, uint32_t addr);

static uint64_t mmio_read(uc_engine *uc, uint64_t offset, unsigned int size, void *user)
{
	struct mmio_window *w = user;
	struct h5sim_cpu *cpu = w->cpu;
	uint32_t addr = w->base + (uint32_t)offset;
	struct bus_access acc = h5cpu_access(cpu);
	uint32_t v = 0;
	uint64_t out = 0;

	idle_note_load(cpu, addr);
	if (size > 4 || (addr & (size - 1))) {
		for (unsigned int i = 0; i < size; i++) {
			if (bus_read(&cpu->chip->sysbus, addr + i, 1, &acc, &v) != BUS_OK) {
				h5cpu_fault(cpu, "bus error on read", addr + i);
				return 0;
			}
			out |= (uint64_t)v << (8 * i);
		}
		return out;
	}
	if (bus_read(&cpu->chip->sysbus, addr, size, &acc, &v) != BUS_OK)
		h5cpu_fault(cpu, "bus error on read", addr);
	return v;
}

static void mmio_write(uc_engine *uc, uint64_t offset, unsigned int size, uint64_t value, void *user)
{
	struct mmio_window *w = user;
	struct h5sim_cpu *cpu = w->cpu;
	uint32_t addr = w->base + (uint32_t)offset;
	struct bus_access acc = h5cpu_access(cpu);

	cpu->stores++;
	if (size > 4 || (addr & (size - 1))) {
		for (unsigned int i = 0; i < size; i++)
			if (bus_write(&cpu->chip->sysbus, addr + i, 1, &acc,
						(uint32_t)(value >> (8 * i)) & 0xFF) != BUS_OK) {
				h5cpu_fault(cpu, "bus error on write", addr + i);
				return;
			}
		return;
	}
	if (bus_write(&cpu->chip->sysbus, addr, size, &acc, (uint32_t)value) != BUS_OK)
		h5cpu_fault(cpu, "bus error on write", addr);
}

/*
 * Idle-loop detection. A loop of at most IDLE_LOOP_INSNS instructions within IDLE_LOOP_BYTES,
 * that in IDLE_LOOP_PASSES passes in a row made no store and loaded from the same addresses
 * each pass (a polling loop, unlike a checksum or blank-check loop that walks memory), reads
 * only what it read before: it can leave only when something outside the core changes that
 * (the debugger writes, or a flash operation ends). core_run() then stops emulating it and
 * lets the time pass, which makes a flash loader waiting for its FIFO cost nothing, exactly as
 * it would on silicon. The loop last found idle is remembered: entered again (a flash loader
 * waits for BSY after every word), one such pass is enough. Not while the DWT cycle counter
 * runs: a delay loop reads it.
 * Every pass must also leave the registers as it found them: a loop that reads nothing but
 * counts in a register ("while (n--) __NOP();") is not waiting for anything and runs to its
 * end. Idling ends as soon as the registers differ from those the loop was found idle with
 * (the debugger halted the core and pointed it at other code, as an IDE's load does).
 */
#define IDLE_LOOP_INSNS		16
#define IDLE_LOOP_BYTES		32
#define IDLE_LOOP_PASSES	32

static void idle_note_load(struct h5sim_cpu *cpu, uint32_t addr)
{
	uint32_t word = addr & ~3u;

	cpu->load_sig = cpu->load_sig * 0x100000001B3ull + addr + 1;
	for (unsigned int i = 0; i < cpu->pass_naddrs; i++)
		if (cpu->pass_addrs[i] == word)
			return;
	if (cpu->pass_naddrs < sizeof(cpu->pass_addrs) / sizeof(cpu->pass_addrs[0]))
		cpu->pass_addrs[cpu->pass_naddrs++] = word;
	else
		cpu->pass_overflow = true;
}

static void idle_new_pass(struct h5sim_cpu *cpu)
{
	cpu->loop_insns = 0;
	cpu->loop_stores = cpu->stores;
	cpu->load_sig = 0;
	cpu->pass_naddrs = 0;
	cpu->pass_overflow = false;
}

static const int idle_reg_ids[IDLE_REG_COUNT] = {
	UC_ARM_REG_R0, UC_ARM_REG_R1, UC_ARM_REG_R2, UC_ARM_REG_R3, UC_ARM_REG_R4,
	UC_ARM_REG_R5, UC_ARM_REG_R6, UC_ARM_REG_R7, UC_ARM_REG_R8, UC_ARM_REG_R9,
	UC_ARM_REG_R10, UC_ARM_REG_R11, UC_ARM_REG_R12, UC_ARM_REG_SP, UC_ARM_REG_LR,
	UC_ARM_REG_XPSR,
};

static void idle_read_regs(struct h5sim_cpu *cpu, uint32_t regs[IDLE_REG_COUNT])
{
	void *ptrs[IDLE_REG_COUNT];

	for (unsigned int i = 0; i < IDLE_REG_COUNT; i++)
		ptrs[i] = &regs[i];
	uc_reg_read_batch(cpu->uc, (int *)idle_reg_ids, ptrs, IDLE_REG_COUNT);
}

/* The registers are those of the last quiet pass (and become the reference for the next) */
static bool idle_regs_repeat(struct h5sim_cpu *cpu)
{
	uint32_t regs[IDLE_REG_COUNT];
	bool same;

	idle_read_regs(cpu, regs);
	same = cpu->prev_regs_valid && !memcmp(regs, cpu->prev_regs, sizeof(regs));
	memcpy(cpu->prev_regs, regs, sizeof(regs));
	cpu->prev_regs_valid = true;
	return same;
}

static void idle_track(struct h5sim_cpu *cpu, uint32_t pc)
{
	if (pc == cpu->loop_head) {
		uint32_t pass_end = cpu->loop_end;
		bool quiet = cpu->loop_insns <= IDLE_LOOP_INSNS && cpu->stores == cpu->loop_stores &&
			cpu->loop_end - cpu->loop_head <= IDLE_LOOP_BYTES && !cpu->pass_overflow;
		/* the registers are read only for a pass that could be idle (a loop walking memory
		 * loads other words each pass) */
		bool loads_repeat = cpu->load_sig == cpu->prev_load_sig ||
			(cpu->known_valid && cpu->load_sig == cpu->known_sig);
		if (quiet && loads_repeat)
			quiet = idle_regs_repeat(cpu);
		else
			cpu->prev_regs_valid = false;
		bool same = quiet && cpu->load_sig == cpu->prev_load_sig;
		/* one quiet pass of the loop last found idle, reading what it read then */
		bool known = quiet && cpu->known_valid && cpu->loop_head == cpu->known_head &&
			pass_end == cpu->known_end && cpu->load_sig == cpu->known_sig;
		cpu->loop_passes = same ? cpu->loop_passes + 1 : 0;
		cpu->loop_end = pc;
		cpu->prev_load_sig = cpu->load_sig;
		if ((cpu->loop_passes >= IDLE_LOOP_PASSES || known) && !(cpu->chip->scs.dwt_ctrl & 1)) {
			/* the words this pass read are what can wake the loop */
			struct bus *bus = &cpu->chip->sysbus;
			memcpy(bus->watch, cpu->pass_addrs, sizeof(bus->watch));
			bus->nwatch = cpu->pass_naddrs;
			memcpy(cpu->idle_regs, cpu->prev_regs, sizeof(cpu->idle_regs));
			cpu->idle_code_lo = cpu->loop_head;
			cpu->idle_code_end = pass_end + 4;	/* past its last instruction */
			cpu->idle_seen = true;
			cpu->known_valid = true;
			cpu->known_head = cpu->loop_head;
			cpu->known_end = pass_end;
			cpu->known_sig = cpu->load_sig;
		}
		idle_new_pass(cpu);
	} else if (pc <= cpu->last_pc) {
		/* a backward jump (or "b ."): a new candidate loop starts here */
		cpu->loop_head = pc;
		cpu->loop_end = pc;
		cpu->loop_passes = 0;
		cpu->prev_load_sig = ~0ull;
		cpu->prev_regs_valid = false;
		idle_new_pass(cpu);
	}
	if (pc > cpu->loop_end)
		cpu->loop_end = pc;
	cpu->loop_insns++;
	cpu->last_pc = pc;
}

static void idle_forget(struct h5sim_cpu *cpu)
{
	cpu->chip->sysbus.nwatch = 0;
	cpu->idle = false;
	cpu->idle_seen = false;
	cpu->loop_head = 0;
	cpu->loop_passes = 0;
	cpu->last_pc = 0;
	cpu->prev_regs_valid = false;
}

/* The core is where the idle loop left it: same registers (the pc is the loop head) */
static bool idle_regs_unchanged(struct h5sim_cpu *cpu)
{
	uint32_t regs[IDLE_REG_COUNT];

	idle_read_regs(cpu, regs);
	return core_pc(cpu) == cpu->idle_code_lo && !memcmp(regs, cpu->idle_regs, sizeof(regs));
}

static void hook_store(uc_engine *uc, uc_mem_type type, uint64_t address, int size,
		int64_t value, void *user)
{
	struct h5sim_cpu *cpu = user;

	cpu->stores++;
}

static void hook_load(uc_engine *uc, uc_mem_type type, uint64_t address, int size,
		int64_t value, void *user)
{
	idle_note_load(user, (uint32_t)address);
}

static void hook_code(uc_engine *uc, uint64_t address, uint32_t size, void *user)
{
	struct h5sim_cpu *cpu = user;
	struct h5sim_chip *chip = cpu->chip;
	uint32_t pc = (uint32_t)address;

	if (cpu->executed >= cpu->limit || chip->scs.halted || cpu->fault || cpu->watch_hit ||
			chip->scs.pending_system_reset || chip->exit_reason == EXIT_POWER_LOSS) {
		uc_emu_stop(uc);
		return;
	}
	if (scs_fpb_hit(&chip->scs, pc)) {
		chip->scs.fpb_halts++;
		scs_halt(&chip->scs, DFSR_BKPT);
		uc_emu_stop(uc);
		return;
	}
	idle_track(cpu, pc);
	if (cpu->idle_seen) {
		uc_emu_stop(uc);
		return;
	}
	h5cpu_rsslib_trap(cpu, pc);
	cpu->executed++;
	chip->now_ns += chip->opt->ns_per_insn;
	if (chip->scs.dwt_ctrl & 1)
		chip->scs.dwt_cyccnt++;
}

static void hook_intr(uc_engine *uc, uint32_t intno, void *user)
{
	struct h5sim_cpu *cpu = user;

	if (intno == QEMU_EXCP_BKPT && !(cpu->chip->scs.dhcsr_ctrl & 1)) {
		h5cpu_fault(cpu, "BKPT with halting debug disabled (HardFault)", core_pc(cpu));
		return;
	}
	if (intno == QEMU_EXCP_BKPT) {
		cpu->chip->scs.bkpt_halts++;
		scs_halt(&cpu->chip->scs, DFSR_BKPT);
		uc_emu_stop(uc);
		return;
	}
	char what[48];
	snprintf(what, sizeof(what), "exception %u (exception entry not modelled)", intno);
	h5cpu_fault(cpu, what, core_pc(cpu));
}

static int map_mmio(struct h5sim_cpu *cpu, uint32_t base, uint32_t end)
{
	if (end <= base)
		return 0;
	if (cpu->nwin >= MAX_WINDOWS)
		return -1;
	struct mmio_window *w = &cpu->win[cpu->nwin++];
	w->cpu = cpu;
	w->base = base;
	return uc_mmio_map(cpu->uc, base, end - base, mmio_read, w, mmio_write, w) == UC_ERR_OK ? 0 : -1;
}

struct h5sim_cpu *core_create(struct h5sim_chip *chip)
{
	struct h5sim_cpu *cpu = calloc(1, sizeof(*cpu));
	const struct h5sim_part *p = chip->part;
	uint32_t sys_end_ns = SYSMEM_BASE_NS + chip->sysmem.size;
	uint32_t sys_end_s = SYSMEM_BASE_S + chip->sysmem.size;
	int err = 0;

	if (!cpu)
		return NULL;
	cpu->chip = chip;
	if (uc_open(UC_ARCH_ARM, UC_MODE_THUMB | UC_MODE_MCLASS, &cpu->uc) != UC_ERR_OK) {
		free(cpu);
		return NULL;
	}
	err |= uc_ctl_set_cpu_model(cpu->uc, UC_CPU_ARM_CORTEX_M33) != UC_ERR_OK;
	err |= uc_mem_map_ptr(cpu->uc, RAM_BASE_NS, chip->ram.size, UC_PROT_ALL, chip->ram.mem) != UC_ERR_OK;
	err |= uc_mem_map_ptr(cpu->uc, SYSMEM_BASE_NS, chip->sysmem.size, UC_PROT_READ | UC_PROT_EXEC,
			chip->sysmem.mem) != UC_ERR_OK;
	err |= h5cpu_flash_map(cpu);
	err |= map_mmio(cpu, FLASH_NS + p->flash_size, SYSMEM_BASE_NS);
	if (p->trustzone) {
		err |= uc_mem_map_ptr(cpu->uc, RAM_BASE_S, chip->ram.size, UC_PROT_ALL, chip->ram.mem) != UC_ERR_OK;
		err |= uc_mem_map_ptr(cpu->uc, SYSMEM_BASE_S, chip->sysmem.size, UC_PROT_READ | UC_PROT_EXEC,
				chip->sysmem.mem) != UC_ERR_OK;
		err |= map_mmio(cpu, sys_end_ns, FLASH_S);
		err |= map_mmio(cpu, FLASH_S + p->flash_size, SYSMEM_BASE_S);
		err |= map_mmio(cpu, sys_end_s, 0x10000000u);
	} else {
		err |= map_mmio(cpu, sys_end_ns, 0x10000000u);
	}
	err |= map_mmio(cpu, 0x40000000u, 0x60000000u);
	err |= map_mmio(cpu, PPB_BASE, PPB_BASE + PPB_SIZE);
	err |= uc_hook_add(cpu->uc, &cpu->code_hook, UC_HOOK_CODE, hook_code, cpu, 1, 0) != UC_ERR_OK;
	err |= uc_hook_add(cpu->uc, &cpu->intr_hook, UC_HOOK_INTR, hook_intr, cpu, 1, 0) != UC_ERR_OK;
	err |= uc_hook_add(cpu->uc, &cpu->store_hook, UC_HOOK_MEM_WRITE, hook_store, cpu, 1, 0) != UC_ERR_OK;
	err |= uc_hook_add(cpu->uc, &cpu->load_hook, UC_HOOK_MEM_READ, hook_load, cpu, 1, 0) != UC_ERR_OK;
	if (err) {
		fprintf(stderr, "h5sim: cannot set up the Unicorn Cortex-M33\n");
		core_free(cpu);
		return NULL;
	}
	return cpu;
}

void core_free(struct h5sim_cpu *cpu)
{
	if (!cpu)
		return;
	if (cpu->uc)
		uc_close(cpu->uc);
	free(cpu->shadow);
	free(cpu->sector_valid);
	free(cpu->touched);
	free(cpu);
}

void core_reset(struct h5sim_cpu *cpu, uint32_t sp, uint32_t pc, bool secure)
{
	uint32_t zero = 0, xpsr = 0x01000000u, pc_t = pc | 1u;

	idle_forget(cpu);
	for (int r = UC_ARM_REG_R0; r <= UC_ARM_REG_R12; r++)
		uc_reg_write(cpu->uc, r, &zero);
	uc_reg_write(cpu->uc, UC_ARM_REG_CONTROL, &zero);
	uc_reg_write(cpu->uc, UC_ARM_REG_PRIMASK, &zero);
	uc_reg_write(cpu->uc, UC_ARM_REG_BASEPRI, &zero);
	uc_reg_write(cpu->uc, UC_ARM_REG_FAULTMASK, &zero);
	uc_reg_write(cpu->uc, UC_ARM_REG_PSP, &zero);
	uc_reg_write(cpu->uc, UC_ARM_REG_MSP, &sp);
	uc_reg_write(cpu->uc, UC_ARM_REG_SP, &sp);
	uint32_t lr = 0xFFFFFFFFu;
	uc_reg_write(cpu->uc, UC_ARM_REG_LR, &lr);
	uc_reg_write(cpu->uc, UC_ARM_REG_XPSR, &xpsr);
	uc_reg_write(cpu->uc, UC_ARM_REG_PC, &pc_t);
	for (unsigned int i = 0; i < 8; i++)
		cpu->banked[i] = 0;
	cpu->special_other = 0;
	cpu->secure = secure;
	cpu->fault = false;
}

uint32_t core_pc(struct h5sim_cpu *cpu)
{
	uint32_t pc = 0;

	uc_reg_read(cpu->uc, UC_ARM_REG_PC, &pc);
	return pc & ~1u;
}

bool core_secure(const struct h5sim_cpu *cpu)
{
	return cpu->secure;
}

void core_set_secure(struct h5sim_cpu *cpu, bool secure)
{
	cpu->secure = secure;
}

static bool in_sram(const struct h5sim_cpu *cpu, uint32_t addr, uint32_t *offset)
{
	uint32_t size = cpu->chip->ram.size;

	if (addr - RAM_BASE_NS < size) {
		*offset = addr - RAM_BASE_NS;
		return true;
	}
	if (cpu->chip->part->trustzone && addr - RAM_BASE_S < size) {
		*offset = addr - RAM_BASE_S;
		return true;
	}
	return false;
}

/*
 * The debugger wrote SRAM over the idle loop's own code (its instructions lie in
 * [idle_code_lo, idle_code_end)). Writes elsewhere, e.g. a flash loader's FIFO data, cannot
 * change what the loop does (the words it reads are watched): their translations are dropped
 * when the core runs again, and the loop keeps idling.
 */
static bool idle_code_written(const struct h5sim_cpu *cpu)
{
	const struct h5sim_ram *ram = &cpu->chip->ram;
	uint32_t lo;

	if (!ram->code_dirty || !in_sram(cpu, cpu->idle_code_lo, &lo))
		return false;	/* nothing written, or the loop runs from flash or system memory */
	return ram->dirty_lo < lo + (cpu->idle_code_end - cpu->idle_code_lo) && ram->dirty_hi >= lo;
}

/* The code of the remembered idle loop may have changed: [lo, end) of SRAM was written, or
 * (in_flash) the flash changed. */
static void idle_known_check(struct h5sim_cpu *cpu, bool in_flash, uint64_t lo, uint64_t end)
{
	uint32_t at;

	if (!cpu->known_valid)
		return;
	if (!in_sram(cpu, cpu->known_head, &at))
		cpu->known_valid = !in_flash;
	else if (!in_flash && lo < at + (uint64_t)(cpu->known_end + 4 - cpu->known_head) && end > at)
		cpu->known_valid = false;
}

/* The idle loop "runs" n instructions: their time passes, nothing else changes */
static uint64_t idle_skip(struct h5sim_cpu *cpu, uint64_t n)
{
	cpu->chip->now_ns += n * cpu->chip->opt->ns_per_insn;
	cpu->idle_skipped += n;
	return n;
}

uint64_t core_run(struct h5sim_cpu *cpu, uint64_t max)
{
	struct h5sim_chip *chip = cpu->chip;
	uint64_t total = 0;

	if (!max)
		return 0;
	if (cpu->idle) {
		if (chip->sysbus.watch_hits == cpu->idle_watch_hits &&
				h5flash_busy(chip->flash) == cpu->idle_flash_busy && !idle_code_written(cpu) &&
				idle_regs_unchanged(cpu))
			return idle_skip(cpu, max);
		idle_forget(cpu);
	}
	if (h5cpu_flash_sync(cpu))
		idle_known_check(cpu, true, 0, 0);
	if (chip->ram.code_dirty) {
		/* The debugger wrote SRAM (a flash loader, an algorithm): Unicorn must not run the
		 * code it compiled from the old contents. Only what was written is dropped: a
		 * loader's FIFO is written all the time, its code is not. */
		uint64_t lo = chip->ram.dirty_lo, end = (uint64_t)chip->ram.dirty_hi + 1;
		idle_known_check(cpu, false, lo, end);
		uc_ctl_remove_cache(cpu->uc, RAM_BASE_NS + lo, RAM_BASE_NS + end);
		if (chip->part->trustzone)
			uc_ctl_remove_cache(cpu->uc, RAM_BASE_S + lo, RAM_BASE_S + end);
		chip->ram.code_dirty = false;
	}
	cpu->fault = false;
	cpu->watch_hit = false;
	h5cpu_watch_update(cpu);
	while (total < max) {
		cpu->limit = max - total;
		cpu->executed = 0;
		uc_err e = uc_emu_start(cpu->uc, core_pc(cpu) | 1u, 0, 0, 0);
		total += cpu->executed;
		if (cpu->idle_seen && e == UC_ERR_OK && !cpu->fault && !cpu->watch_hit &&
				!chip->scs.halted) {
			cpu->idle = true;
			cpu->idle_seen = false;
			cpu->idle_watch_hits = chip->sysbus.watch_hits;
			cpu->idle_flash_busy = h5flash_busy(chip->flash);
			total += idle_skip(cpu, max - total);
			break;
		}
		cpu->idle_seen = false;
		if (cpu->watch_hit && !cpu->fault) {
			chip->scs.watch_halts++;
			scs_halt(&chip->scs, DFSR_DWTTRAP);
			break;
		}
		if (e == UC_ERR_OK || cpu->fault)
			break;
		uint32_t at = core_pc(cpu);
		if (e == UC_ERR_INSN_INVALID && h5cpu_flash_fill(cpu, at)) {
			/* the UDF of an invalid shadow sector did not really execute */
			total--;
			chip->now_ns -= chip->opt->ns_per_insn;
			continue;
		}
		h5cpu_fault(cpu, uc_strerror(e), at);
		break;
	}
	if (total)
		chip->scs.s_retire_st = true;
	return total;
}

uint64_t core_idle_skipped(const struct h5sim_cpu *cpu)
{
	return cpu->idle_skipped;
}
