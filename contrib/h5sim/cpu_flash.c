// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: user flash as the core sees it. Unicorn executes only from host memory, so both
 * user-flash aliases are mapped from one shadow buffer:
 *  - data reads go through a read hook that first copies the bytes from the flash model
 *    (with its semantics: security, ECC, bus errors); data writes go through a write hook to
 *    the flash model (programming through the write buffer);
 *  - instruction fetches see a per-8 KiB-sector copy filled lazily: an invalid sector holds
 *    0xDE bytes (UDF #0xDE), and executing one makes the run loop call h5cpu_flash_fill,
 *    which copies the sector from the flash model and drops its translations;
 *  - whenever the flash may have changed (program, erase, option change, reset, regression,
 *    power loss, a CPU store into the window) every sector is invalidated before the next run.
 *    Only the sectors whose shadow bytes or translations can differ from the invalid state
 *    (filled, read or written by the core since the last invalidation: "touched") need work,
 *    so programming a word does not cost a pass over the whole flash.
 */

#include <stdlib.h>
#include <string.h>

#include "chip.h"
#include "cpu_internal.h"
#include "flash/flash.h"

static bool in_user_flash(const struct h5sim_cpu *cpu, uint32_t addr, uint32_t *offset)
{
	if (addr - FLASH_NS < cpu->flash_size) {
		*offset = addr - FLASH_NS;
		return true;
	}
	if (cpu->chip->part->trustzone && addr - FLASH_S < cpu->flash_size) {
		*offset = addr - FLASH_S;
		return true;
	}
	return false;
}

static void flush_flash_translations(struct h5sim_cpu *cpu, uint32_t offset, uint32_t len)
{
	uc_ctl_remove_cache(cpu->uc, FLASH_NS + offset, FLASH_NS + offset + len);
	if (cpu->chip->part->trustzone)
		uc_ctl_remove_cache(cpu->uc, FLASH_S + offset, FLASH_S + offset + len);
}

static uint64_t flash_generation(const struct h5sim_cpu *cpu)
{
	struct h5flash_stats st;

	h5flash_stats(cpu->chip->flash, &st);
	return st.words_programmed + st.sectors_erased + st.option_changes +
		cpu->chip->cnt.system_resets + cpu->chip->nvm_epoch;
}

/* The shadow bytes [offset, offset + len) may no longer be the invalid pattern */
static void touch(struct h5sim_cpu *cpu, uint32_t offset, uint32_t len)
{
	for (uint32_t at = offset; at < offset + len && at < cpu->flash_size;
			at = (at / SECTOR_SIZE + 1) * SECTOR_SIZE) {
		struct shadow_touched *t = &cpu->touched[at / SECTOR_SIZE];
		uint32_t in = at % SECTOR_SIZE;
		uint32_t last = offset + len - 1 - (at - in);

		if (last >= SECTOR_SIZE)
			last = SECTOR_SIZE - 1;
		if (!t->any || in < t->lo)
			t->lo = (uint16_t)in;
		if (!t->any || last > t->hi)
			t->hi = (uint16_t)last;
		t->any = true;
	}
}

/*
 * Every sector back to the invalid pattern without translations. Only the touched bytes can
 * differ from it: untouched bytes hold the pattern, and the only translations that can cover
 * them alone are of the pattern itself (dropping the translations that overlap the touched
 * bytes removes every other one).
 */
static void invalidate_shadow(struct h5sim_cpu *cpu)
{
	for (uint32_t s = 0; s < cpu->flash_size / SECTOR_SIZE; s++) {
		struct shadow_touched *t = &cpu->touched[s];

		if (!t->any)
			continue;
		uint32_t off = s * SECTOR_SIZE + t->lo, len = (uint32_t)t->hi - t->lo + 1;
		memset(cpu->shadow + off, INVALID_BYTE, len);
		cpu->sector_valid[s] = 0;
		t->any = false;
		flush_flash_translations(cpu, off, len);
	}
	cpu->shadow_dirty = false;
}

/* Fills the sector holding addr from the flash model; false if addr is not user flash or
 * the sector was already valid (so the UDF there is real). */
bool h5cpu_flash_fill(struct h5sim_cpu *cpu, uint32_t addr)
{
	uint32_t off;
	struct h5flash_access fa = { .secure = cpu->secure, .privileged = true, .debugger = false };

	if (!in_user_flash(cpu, addr, &off) || cpu->sector_valid[off / SECTOR_SIZE])
		return false;
	uint32_t base = addr - (off % SECTOR_SIZE);
	off -= off % SECTOR_SIZE;
	chip_flash_catchup(cpu->chip);
	for (uint32_t i = 0; i < SECTOR_SIZE; i += 16) {
		uint8_t buf[16];
		if (h5flash_mem_read(cpu->chip->flash, base + i, &fa, buf, 16) == H5FLASH_BUS_OK)
			memcpy(cpu->shadow + off + i, buf, 16);
		/* an unreadable word keeps the UDF pattern: executing it faults */
	}
	cpu->sector_valid[off / SECTOR_SIZE] = 1;
	touch(cpu, off, SECTOR_SIZE);
	flush_flash_translations(cpu, off, SECTOR_SIZE);
	return true;
}

static void hook_flash_read(uc_engine *uc, uc_mem_type type, uint64_t address, int size,
		int64_t value, void *user)
{
	struct h5sim_cpu *cpu = user;
	uint32_t addr = (uint32_t)address, off;
	struct bus_access acc = h5cpu_access(cpu);

	if (!in_user_flash(cpu, addr, &off))
		return;
	touch(cpu, off, (uint32_t)size);
	for (int i = 0; i < size; i++) {
		uint32_t v = 0;
		if (bus_read(&cpu->chip->sysbus, addr + (uint32_t)i, 1, &acc, &v) != BUS_OK) {
			h5cpu_fault(cpu, "bus error on read", addr + (uint32_t)i);
			return;
		}
		if (off + (uint32_t)i < cpu->flash_size)
			cpu->shadow[off + (uint32_t)i] = (uint8_t)v;
	}
}

static void hook_flash_write(uc_engine *uc, uc_mem_type type, uint64_t address, int size,
		int64_t value, void *user)
{
	struct h5sim_cpu *cpu = user;
	uint32_t addr = (uint32_t)address;
	struct bus_access acc = h5cpu_access(cpu);
	enum bus_result r;
	uint32_t off;

	/* the store also lands in the shadow: forget the shadow before the next run */
	cpu->shadow_dirty = true;
	if (in_user_flash(cpu, addr, &off))
		touch(cpu, off, (uint32_t)size);
	if (size <= 4 && !(addr & (uint32_t)(size - 1))) {
		r = bus_write(&cpu->chip->sysbus, addr, (unsigned int)size, &acc, (uint32_t)value);
	} else {
		r = BUS_OK;
		for (int i = 0; i < size && r == BUS_OK; i++)
			r = bus_write(&cpu->chip->sysbus, addr + (uint32_t)i, 1, &acc,
					(uint32_t)((uint64_t)value >> (8 * i)) & 0xFF);
	}
	if (r != BUS_OK)
		h5cpu_fault(cpu, "bus error on write", addr);
}

int h5cpu_flash_map(struct h5sim_cpu *cpu)
{
	const struct h5sim_part *p = cpu->chip->part;
	int err = 0;

	cpu->flash_size = p->flash_size;
	cpu->shadow = malloc(cpu->flash_size);
	cpu->sector_valid = calloc(1, cpu->flash_size / SECTOR_SIZE);
	cpu->touched = calloc(cpu->flash_size / SECTOR_SIZE, sizeof(*cpu->touched));
	if (!cpu->shadow || !cpu->sector_valid || !cpu->touched)
		return -1;
	memset(cpu->shadow, INVALID_BYTE, cpu->flash_size);
	err |= uc_mem_map_ptr(cpu->uc, FLASH_NS, cpu->flash_size, UC_PROT_ALL, cpu->shadow) != UC_ERR_OK;
	err |= uc_hook_add(cpu->uc, &cpu->mem_hooks[0], UC_HOOK_MEM_READ, hook_flash_read, cpu,
			FLASH_NS, FLASH_NS + cpu->flash_size - 1) != UC_ERR_OK;
	err |= uc_hook_add(cpu->uc, &cpu->mem_hooks[1], UC_HOOK_MEM_WRITE, hook_flash_write, cpu,
			FLASH_NS, FLASH_NS + cpu->flash_size - 1) != UC_ERR_OK;
	if (p->trustzone) {
		err |= uc_mem_map_ptr(cpu->uc, FLASH_S, cpu->flash_size, UC_PROT_ALL, cpu->shadow) != UC_ERR_OK;
		err |= uc_hook_add(cpu->uc, &cpu->mem_hooks[2], UC_HOOK_MEM_READ, hook_flash_read, cpu,
				FLASH_S, FLASH_S + cpu->flash_size - 1) != UC_ERR_OK;
		err |= uc_hook_add(cpu->uc, &cpu->mem_hooks[3], UC_HOOK_MEM_WRITE, hook_flash_write, cpu,
				FLASH_S, FLASH_S + cpu->flash_size - 1) != UC_ERR_OK;
	}
	return err ? -1 : 0;
}

bool h5cpu_flash_sync(struct h5sim_cpu *cpu)
{
	uint64_t gen = flash_generation(cpu);

	if (gen == cpu->flash_generation && !cpu->shadow_dirty)
		return false;
	invalidate_shadow(cpu);
	cpu->flash_generation = gen;
	return true;
}
