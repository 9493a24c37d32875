// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: DWT data-address watchpoints for the Unicorn core. While C_DEBUGEN is set and a
 * comparator is armed as OpenOCD 0.12.0 arms them on ARMv8-M (FUNCTION.MATCH 4 read/write,
 * 5 write, 6 read; ACTION 1 = debug event; DATAVSIZE = log2 of the watched size), a memory hook
 * over the whole address space checks every access. A match sets FUNCTION.MATCHED and the core
 * halts after the accessing instruction (DFSR.DWTTRAP). The hook exists only while armed.
 */

#include "chip.h"
#include "cpu_internal.h"

/* DWT comparator n as a data-address watchpoint: MATCH 4 (read/write), 5 (write), 6 (read)
 * with ACTION = debug event; the watched range is 2^DATAVSIZE bytes at DWT_COMP. */
static bool dwt_watch(const struct h5sim_scs *scs, unsigned int n, bool write, uint32_t addr,
		uint32_t size)
{
	uint32_t fn = scs->dwt_function[n];
	uint32_t match = fn & 0xF;
	uint32_t len = 1u << ((fn >> 10) & 3);
	uint32_t base = scs->dwt_comp[n] & ~(len - 1);

	if (((fn >> 4) & 3) != 1 || match < 4 || match > 6)
		return false;
	if ((match == 5 && !write) || (match == 6 && write))
		return false;
	return addr < base + len && base < addr + size;
}

static bool dwt_armed(const struct h5sim_scs *scs)
{
	for (unsigned int n = 0; n < DWT_NUM_COMP; n++) {
		uint32_t fn = scs->dwt_function[n];
		if (((fn >> 4) & 3) == 1 && (fn & 0xF) >= 4 && (fn & 0xF) <= 6)
			return true;
	}
	return false;
}

static void hook_watch(uc_engine *uc, uc_mem_type type, uint64_t address, int size,
		int64_t value, void *user)
{
	struct h5sim_cpu *cpu = user;
	struct h5sim_scs *scs = &cpu->chip->scs;
	bool write = type == UC_MEM_WRITE;

	for (unsigned int n = 0; n < DWT_NUM_COMP; n++) {
		if (dwt_watch(scs, n, write, (uint32_t)address, (uint32_t)size)) {
			scs->dwt_function[n] |= 1u << 24;	/* MATCHED */
			cpu->watch_hit = true;	/* hook_code stops before the next instruction */
		}
	}
}

void h5cpu_watch_update(struct h5sim_cpu *cpu)
{
	bool want = (cpu->chip->scs.dhcsr_ctrl & 1) && dwt_armed(&cpu->chip->scs);

	if (want == cpu->watch_hook_on)
		return;
	if (want)
		uc_hook_add(cpu->uc, &cpu->watch_hook, UC_HOOK_MEM_READ | UC_HOOK_MEM_WRITE,
				hook_watch, cpu, 1, 0);
	else
		uc_hook_del(cpu->uc, cpu->watch_hook);
	cpu->watch_hook_on = want;
}
