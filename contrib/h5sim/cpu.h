/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim: Cortex-M33 instruction execution with Unicorn 2 against the chip's system bus,
 * and the core register file as DCRSR/DCRDR see it.
 */

#ifndef H5SIM_CPU_H
#define H5SIM_CPU_H

#include <stdbool.h>
#include <stdint.h>

struct h5sim_chip;
struct h5sim_cpu;

struct h5sim_cpu *core_create(struct h5sim_chip *chip);
void core_free(struct h5sim_cpu *cpu);

/* Core reset: registers to their reset values, SP/PC from the vector */
void core_reset(struct h5sim_cpu *cpu, uint32_t sp, uint32_t pc, bool secure);

/* DCRSR REGSEL access. Returns false for a REGSEL the core does not have. */
bool core_reg_read(struct h5sim_cpu *cpu, unsigned int regsel, uint32_t *value);
bool core_reg_write(struct h5sim_cpu *cpu, unsigned int regsel, uint32_t value);

/* Runs at most max instructions (fewer if the core halts or faults). Returns how many ran. */
uint64_t core_run(struct h5sim_cpu *cpu, uint64_t max);
/* Instructions an idle loop did not need emulating (their time still passed) */
uint64_t core_idle_skipped(const struct h5sim_cpu *cpu);

/* A fault raised by a peripheral during a CPU access (e.g. the flash model's double-ECC NMI):
 * the core locks up, since exception entry is not modelled */
void core_fault(struct h5sim_cpu *cpu, const char *what, uint32_t addr);

uint32_t core_pc(struct h5sim_cpu *cpu);
bool core_secure(const struct h5sim_cpu *cpu);
void core_set_secure(struct h5sim_cpu *cpu, bool secure);

#endif /* H5SIM_CPU_H */
