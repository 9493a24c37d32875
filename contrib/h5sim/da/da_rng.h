/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim DA: the device's random source for challenges and fault-mode garbage.
 * Deterministic: an mbedTLS HMAC_DRBG (SHA-256) seeded from da_settings.rng_seed, so a test
 * with a fixed seed sees the same challenges every run. Not a secret-grade generator: it is
 * a simulator.
 */

#ifndef H5SIM_DA_RNG_H
#define H5SIM_DA_RNG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct da_rng;

struct da_rng *sim_da_rng_create(uint64_t seed);
void sim_da_rng_free(struct da_rng *rng);
bool sim_da_rng_fill(struct da_rng *rng, uint8_t *out, size_t len);
uint32_t sim_da_rng_word(struct da_rng *rng);

#endif /* H5SIM_DA_RNG_H */
