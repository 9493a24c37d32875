/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication host: reading the user's small input files (keys, certificate chains,
 * password TLVs) whole, with a size limit and a reason naming the file on failure. Pure C.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_FILE_H
#define OPENOCD_TARGET_STM32H5_DA_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "da_error.h"

/*
 * Reads the whole file into a new buffer (one extra NUL byte is appended, not counted in
 * *len, so text parsers such as PEM can use it). Files larger than max_len are refused.
 * Free with da_file_free().
 */
enum da_err da_file_read(const char *path, size_t max_len, uint8_t **data, size_t *len,
		struct da_diag *diag);

/* Wipes the buffer (it may hold a key or a password) and frees it. NULL is accepted. */
void da_file_free(uint8_t *data, size_t len);

#endif /* OPENOCD_TARGET_STM32H5_DA_FILE_H */
