/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * STM32H5 named option bytes: one table of every option-byte field under its STM32CubeProgrammer
 * name (TZEN, SWAP_BANK, SECWM1_STRT, WRPSGn1, LOCKBL, ...), where it lives per line, how its
 * value is checked and shown, and when a change takes effect (h5-flash-ob.md §3.1, §3.2, §3.4,
 * §4.5, §4.6). Turns "NAME=value ..." lists into the *_PRG register writes of ONE option-byte
 * programming cycle. Pure C, no OpenOCD dependency.
 */

#ifndef OPENOCD_TARGET_STM32H5_OPTION_BYTES_H
#define OPENOCD_TARGET_STM32H5_OPTION_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "family.h"

/* Number of lines in enum h5_family */
#define H5_OB_LINE_COUNT	5

/* The pair of 8-bit "magic" values of TZEN, BOOT_UBE and *BOOT_LOCK (h5-flash-ob.md §4.2) */
#define H5_OB_MAGIC_B4		0xB4u
#define H5_OB_MAGIC_C3		0xC3u

/* How a field's value is checked */
enum h5_ob_kind {
	H5_OB_KIND_FLAG,		/* one bit: 0 or 1 */
	H5_OB_KIND_NUMBER,		/* any value that fits the field */
	H5_OB_KIND_MAGIC,		/* 0xB4 or 0xC3 only */
	H5_OB_KIND_SECTOR,		/* sector number inside one bank of the actual part */
	H5_OB_KIND_WRP_GROUPS,		/* one bit per group of sectors, 0 = write-protected */
	H5_OB_KIND_BOOT_ADDR_NS,	/* non-secure boot address >> 8, in flash or SRAM */
	H5_OB_KIND_BOOT_ADDR_S,		/* secure boot address >> 8, in secure flash or SRAM */
	H5_OB_KIND_SET_ONLY,		/* bits can only be set, never cleared (OTP block locks) */
	H5_OB_KIND_PRODUCT_STATE,	/* read here, written only by the product_state command */
};

/* When a programmed value starts to act */
enum h5_ob_effect {
	H5_OB_EFFECT_NOW,		/* at the end of the option-byte change */
	H5_OB_EFFECT_RESET,		/* only after the next reset */
	H5_OB_EFFECT_UNKNOWN,		/* not confirmed by the reference: reset to be sure */
};

/* A symbolic name for one value of a field ("enabled" for TZEN=0xB4) */
struct h5_ob_value_name {
	uint32_t value;
	const char *name;
};

/* One named option-byte field */
struct h5_ob_field {
	const char *name;		/* STM32CubeProgrammer name */
	uint16_t cur_offset;		/* *_CUR register, offset in the NS FLASH block */
	uint16_t prg_offset;		/* *_PRG register */
	uint8_t shift;
	uint8_t width[H5_OB_LINE_COUNT];	/* bits per line (enum h5_family); 0 = absent */
	enum h5_ob_kind kind;
	enum h5_ob_effect effect;
	const struct h5_ob_value_name *value_names;	/* NULL-name terminated, or NULL */
	const char *meaning;		/* one line */
};

/* What validation needs to know about the actual part */
struct h5_ob_part {
	enum h5_family family;
	unsigned int flash_kb;		/* user flash of both banks; 0 = the line's maximum */
};

/* One read-modify-write of a *_PRG register; same fields as the driver's
 * struct stm32h5x_ob_write (driver-api.md) */
struct h5_ob_write {
	uint32_t offset;
	uint32_t value;
	uint32_t mask;
};

#define H5_OB_PLAN_MAX_FIELDS	48
#define H5_OB_PLAN_MAX_WRITES	16

/* The register writes of one option-byte programming cycle, and what the user must be told */
struct h5_ob_plan {
	struct h5_ob_part part;
	struct h5_ob_write writes[H5_OB_PLAN_MAX_WRITES];
	unsigned int write_count;
	const struct h5_ob_field *fields[H5_OB_PLAN_MAX_FIELDS];	/* in the order given */
	uint32_t values[H5_OB_PLAN_MAX_FIELDS];
	unsigned int field_count;
	bool needs_reset;	/* a field acts only after a reset (or it is not known) */
	bool irreversible;	/* a field can never be undone (LOCKBL) */
};

/* The whole table, in display order, and its length */
const struct h5_ob_field *h5_ob_fields(size_t *count);

/* Looks a field up by name, case-insensitively; NULL if there is none. */
const struct h5_ob_field *h5_ob_find(const char *name);

/* True if the reference describes the option-byte layout of this line (H503, H52x, H56x). */
bool h5_ob_line_is_known(enum h5_family family);

/* Bit set of H5_FAMILY_BIT() for the lines that have the field */
unsigned int h5_ob_field_lines(const struct h5_ob_field *field);

/* Width of the field on a line (0 if absent) and its mask inside the register */
unsigned int h5_ob_field_width(const struct h5_ob_field *field, enum h5_family family);
uint32_t h5_ob_field_mask(const struct h5_ob_field *field, enum h5_family family);

/* Extracts the field from a register value / inserts a value into a register image. */
uint32_t h5_ob_field_get(const struct h5_ob_field *field, enum h5_family family, uint32_t reg);

/* Sectors in one bank of the part (8 KiB sectors, two banks) */
unsigned int h5_ob_sectors_per_bank(const struct h5_ob_part *part);

/*
 * Writes the value as it should be shown: number, plus the symbolic name of magic values
 * ("0xB4 (enabled)"), the boot address ("0x080000 (0x08000000)"), or "(invalid)" for a magic
 * field holding anything but 0xB4/0xC3.
 */
void h5_ob_format_value(const struct h5_ob_field *field, enum h5_family family, uint32_t value,
		char *buf, size_t size);

/* Human words for when a field takes effect ("at once", "after a reset", ...) */
const char *h5_ob_effect_text(enum h5_ob_effect effect);

/*
 * Checks that value is acceptable for the field on this part. On failure returns false and
 * writes a sentence naming the problem into err.
 */
bool h5_ob_check_value(const struct h5_ob_field *field, const struct h5_ob_part *part,
		uint32_t value, char *err, size_t err_size);

/*
 * Parses a value given by a user for the field: a number (0x.., decimal), a symbolic value
 * name ("enabled"), or for boot addresses either the field value (0x80000) or the full
 * 256-byte aligned address (0x08000000). Does not range-check (see h5_ob_check_value).
 */
bool h5_ob_parse_value(const struct h5_ob_field *field, const char *text, uint32_t *value,
		char *err, size_t err_size);

/* Starts an empty plan for one option-byte cycle on this part. */
void h5_ob_plan_init(struct h5_ob_plan *plan, const struct h5_ob_part *part);

/*
 * Adds one "NAME=value" to the plan. Refuses, with a sentence in err: a malformed item, an
 * unknown name, a field absent on this line, an invalid value, a field already in the plan,
 * and PRODUCT_STATE (it has its own guarded command).
 */
bool h5_ob_plan_add(struct h5_ob_plan *plan, const char *item, char *err, size_t err_size);

/* Adds every item of a list; stops at the first refusal. */
bool h5_ob_plan_add_list(struct h5_ob_plan *plan, const char *const *items, unsigned int count,
		char *err, size_t err_size);

#endif /* OPENOCD_TARGET_STM32H5_OPTION_BYTES_H */
