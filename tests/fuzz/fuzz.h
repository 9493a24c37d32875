/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Fuzz harnesses: each tests/fuzz/fuzz_*.c defines LLVMFuzzerTestOneInput over one parser of
 * outside data. Built with libFuzzer by `make fuzz` (scripts/fuzz.sh), and with
 * tests/fuzz/replay_main.c into a unit test that replays the seed corpus and every crash input
 * kept in tests/fuzz/regressions/<harness>/.
 */

#ifndef H5_TESTS_FUZZ_H
#define H5_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif /* H5_TESTS_FUZZ_H */
