/* SPDX-License-Identifier: GPL-2.0-or-later */

/* h5sim: what the files of the Cortex-M33 model (cpu*.c, rsslib.c) share; not for others. */

#ifndef H5SIM_CPU_INTERNAL_H
#define H5SIM_CPU_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <unicorn/unicorn.h>

#include "bus.h"
#include "cpu.h"

#define QEMU_EXCP_BKPT	7
#define FLASH_NS	0x08000000u
#define FLASH_S		0x0C000000u
#define SECTOR_SIZE	0x2000u
#define INVALID_BYTE	0xDE	/* 0xDEDE = UDF #0xDE */

struct mmio_window {
	struct h5sim_cpu *cpu;
	uint32_t base;
};

#define MAX_WINDOWS 12

struct h5sim_cpu {
	struct h5sim_chip *chip;
	uc_engine *uc;
	uc_hook code_hook, intr_hook;
	struct mmio_window win[MAX_WINDOWS];
	unsigned int nwin;
	bool secure;
	uint64_t limit, executed;
	bool fault;
	/* ARMv8-M registers Unicorn does not expose, indexed by REGSEL 0x18..0x1F, and the
	 * other security state's CONTROL/FAULTMASK/BASEPRI/PRIMASK word */
	uint32_t banked[8];
	uint32_t special_other;
	/* user flash shadow for instruction fetches */
	uint8_t *shadow;
	uint32_t flash_size;
	uint8_t *sector_valid;
	/* per sector: the bytes whose shadow or translations may differ from the invalid
	 * pattern (filled, read or written by the core since the last invalidation) */
	struct shadow_touched {
		bool any;
		uint16_t lo, hi;	/* offsets in the sector, inclusive */
	} *touched;
	uint64_t flash_generation;
	bool shadow_dirty;
	uc_hook mem_hooks[4];
	/* DWT data watchpoints: a hook over all memory, present only while one is armed */
	uc_hook watch_hook;
	bool watch_hook_on;
	bool watch_hit;
	/* idle-loop skipping (cpu.c): a short loop that stores nothing, seen repeating, can only
	 * leave when something outside the core changes what it reads */
	uc_hook store_hook, load_hook;
#define IDLE_REG_COUNT	16		/* r0-r12, sp, lr, xpsr */
	uint64_t stores;		/* stores by the core (memory and MMIO) */
	uint64_t load_sig, prev_load_sig;	/* the addresses one loop pass loaded from */
	uint32_t prev_regs[IDLE_REG_COUNT];	/* the registers at the last quiet loop head */
	bool prev_regs_valid;
	uint32_t idle_regs[IDLE_REG_COUNT];	/* ... when the loop was found idle */
	uint32_t pass_addrs[4];			/* ... as a set of words (a polling loop reads few) */
	unsigned int pass_naddrs;
	bool pass_overflow;
	uint32_t last_pc, loop_head, loop_end;
	uint32_t loop_insns, loop_passes;
	uint64_t loop_stores;
	bool idle_seen;			/* set by the code hook, acted on by core_run */
	bool idle;			/* skipping: the wake conditions below are armed */
	uint32_t idle_code_lo, idle_code_end;	/* the idle loop's instructions */
	bool known_valid;			/* the loop last found idle: head, last pc, loads */
	uint32_t known_head, known_end;
	uint64_t known_sig;
	uint64_t idle_watch_hits;
	bool idle_flash_busy;
	uint64_t idle_skipped;		/* instructions not emulated (counter) */
};

/* the core's own bus attributes; a fault locks the core up and stops Unicorn */
struct bus_access h5cpu_access(const struct h5sim_cpu *cpu);
void h5cpu_fault(struct h5sim_cpu *cpu, const char *what, uint32_t addr);

/* user-flash shadow (cpu_flash.c) */
int h5cpu_flash_map(struct h5sim_cpu *cpu);
/* true if the flash may have changed since the last call (the shadow was reset) */
bool h5cpu_flash_sync(struct h5sim_cpu *cpu);
bool h5cpu_flash_fill(struct h5sim_cpu *cpu, uint32_t addr);

/* DWT data watchpoints (cpu_watch.c) */
void h5cpu_watch_update(struct h5sim_cpu *cpu);

/* RSSLIB services behind the system-memory stubs (rsslib.c): true if pc is a stub entry */
bool h5cpu_rsslib_trap(struct h5sim_cpu *cpu, uint32_t pc);

#endif /* H5SIM_CPU_INTERNAL_H */
