/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * "Did you mean": the known name closest to a misspelt one (edit distance), and the list of
 * valid names for an error message. Used by every command that takes a name from a fixed set
 * (DA settings, option-byte names and values, permission names). Pure C.
 */

#ifndef OPENOCD_TARGET_STM32H5_NAME_MATCH_H
#define OPENOCD_TARGET_STM32H5_NAME_MATCH_H

#include <stddef.h>

/*
 * The name of names[0..n) closest to word (case-insensitive), or NULL when none is close
 * enough to be a likely typo (more than a third of the word's letters, at least 2, differ).
 * NULL entries of names are skipped.
 */
const char *name_match_closest(const char *word, const char *const *names, size_t n);

/* "a, b, c": the non-NULL names joined into buf (cut short with "..." if it does not fit) */
void name_match_list(const char *const *names, size_t n, char *buf, size_t size);

#endif /* OPENOCD_TARGET_STM32H5_NAME_MATCH_H */
