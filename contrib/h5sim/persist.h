/* SPDX-License-Identifier: GPL-2.0-or-later */

/* h5sim: the non-volatile state file (a power cycle) and the text dump for tests. */

#ifndef H5SIM_PERSIST_H
#define H5SIM_PERSIST_H

#include <stdio.h>

struct h5sim_chip;

/* 0 loaded, 1 the file does not exist, -1 error (message printed) */
int persist_load(struct h5sim_chip *chip, const char *path);
/* 0 saved, -1 error (message printed). Written to path.tmp, then renamed. */
int persist_save(struct h5sim_chip *chip, const char *path);
void persist_dump(struct h5sim_chip *chip, FILE *out);

#endif /* H5SIM_PERSIST_H */
