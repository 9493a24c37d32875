/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication permissions of the STM32H5 (h5-debug-auth.md §5.1): the 128-bit masks
 * carried by certificates, tokens and discovery, the bits by name, and parsing of a user's list
 * ("full_regression", "debug_open_l3,0x40"). Pure C.
 *
 * Only bits 14 (full regression), 6 (level 3 debug) and 1 (level 2 non-secure debug) are
 * confirmed by sources; the others follow ST's symmetric pattern and CubeProgrammer's letter
 * order and are marked inferred in the table.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_PERMISSIONS_H
#define OPENOCD_TARGET_STM32H5_DA_PERMISSIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "da_error.h"

#define DA_PERMS_BYTES	16

/* A 128-bit permission mask; word[0] holds bits 0..31 (LE bit order of the wire fields) */
struct da_perms {
	uint32_t word[4];
};

struct da_permission_desc {
	unsigned int bit;
	const char *name;	/* command-line name, e.g. "full_regression" */
	char letter;		/* STM32CubeProgrammer per=<letter> */
	const char *meaning;	/* ST's wording */
	bool inferred;		/* true: bit number inferred, not confirmed ([I]) */
};

#define DA_PERM_FULL_REGRESSION		14
#define DA_PERM_PARTIAL_REGRESSION	12

extern const struct da_permission_desc da_permission_table[];
extern const size_t da_permission_count;

const struct da_permission_desc *da_permission_by_bit(unsigned int bit);

/* Case-insensitive; '-' and '_' are the same; the CubeProgrammer letter is also accepted. */
const struct da_permission_desc *da_permission_by_name(const char *name);

void da_perms_clear(struct da_perms *p);
void da_perms_set_bit(struct da_perms *p, unsigned int bit);
bool da_perms_test_bit(const struct da_perms *p, unsigned int bit);
void da_perms_all(struct da_perms *p);
void da_perms_from_bytes(const uint8_t bytes[DA_PERMS_BYTES], struct da_perms *p);
void da_perms_to_bytes(const struct da_perms *p, uint8_t bytes[DA_PERMS_BYTES]);
void da_perms_and(const struct da_perms *a, const struct da_perms *b, struct da_perms *out);
bool da_perms_is_zero(const struct da_perms *p);
bool da_perms_equal(const struct da_perms *a, const struct da_perms *b);

/*
 * Parses a list of permissions separated by ',' or white space: names of the table, single
 * CubeProgrammer letters, "bitN", or numbers (0x40, 64) that are OR-ed in as masks.
 * An empty list, an unknown name, a number that does not fit 32 bits, or a total of 0 is
 * refused with a reason naming the item.
 */
enum da_err da_perms_parse(const char *list, struct da_perms *out, struct da_diag *diag);

/*
 * Checks that every requested bit is in granted; otherwise names the first missing
 * permission and what was granted ("who" says by whom, e.g. "the certificate chain").
 */
enum da_err da_perms_check_request(const struct da_perms *requested,
		const struct da_perms *granted, const char *who, struct da_diag *diag);

/* "0x00005077" (or the full 128 bits, most significant word first, if bits >= 32 are set) */
void da_perms_format_hex(const struct da_perms *p, char *buf, size_t size);

/* "full_regression,debug_open_l3,bit3" in bit order; "none" for 0; truncated to size */
void da_perms_format_names(const struct da_perms *p, char *buf, size_t size);

#endif /* OPENOCD_TARGET_STM32H5_DA_PERMISSIONS_H */
