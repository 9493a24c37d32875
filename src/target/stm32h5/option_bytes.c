// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * STM32H5 named option bytes (see option_bytes.h): the field table, value checks and display,
 * and the "NAME=value" planner for one option-byte programming cycle.
 *
 * Facts: h5-flash-ob.md §3.1 (register offsets and presence per line), §3.2 (widths per
 * line), §3.4 (field encodings), §4.5 (defaults), §4.6 (what acts when). The layouts of
 * H54x/H55x (RM0539) and H5Ex/H5Fx (RM0517) are not in the reference, so no field is
 * declared on those lines.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array_size.h"
#include "name_match.h"
#include "option_bytes.h"
#include "product_state.h"

static_assert(H5_FAMILY_H5EF + 1 == H5_OB_LINE_COUNT, "one width per line of enum h5_family");

/* Register offsets in the NS FLASH block (h5-flash-ob.md §3.1); bank 2 = bank 1 + 0x100 */
#define OPTSR_CUR	0x050
#define OPTSR_PRG	0x054
#define OPTSR2_CUR	0x070
#define OPTSR2_PRG	0x074
#define NSBOOTR_CUR	0x080
#define NSBOOTR_PRG	0x084
#define SECBOOTR_CUR	0x088
#define SECBOOTR_PRG	0x08C
#define OTPBLR_CUR	0x090
#define OTPBLR_PRG	0x094
#define SECWM1R_CUR	0x0E0
#define SECWM1R_PRG	0x0E4
#define WRP1R_CUR	0x0E8
#define WRP1R_PRG	0x0EC
#define EDATA1R_CUR	0x0F0
#define EDATA1R_PRG	0x0F4
#define HDP1R_CUR	0x0F8
#define HDP1R_PRG	0x0FC
#define BANK2		0x100

/* Memory the boot addresses may point to (h5-flash-ob.md §2.1) */
#define FLASH_NS_BASE	0x08000000u
#define FLASH_S_BASE	0x0C000000u
#define SRAM_NS_BASE	0x20000000u
#define SRAM_S_BASE	0x30000000u

/* What the option-byte rules need to know about each line (h5-flash-ob.md §2.1, §3.2) */
struct line_desc {
	const char *name;
	bool layout_known;
	unsigned int max_flash_kb;
	unsigned int sram_kb;		/* SRAM1 + SRAM2 + SRAM3, contiguous from 0x20000000 */
	unsigned int wrp_group_sectors;	/* sectors per WRPSG bit */
};

static const struct line_desc lines[H5_OB_LINE_COUNT] = {
	[H5_FAMILY_H503] = { "STM32H503", true, 128, 16 + 16, 1 },
	[H5_FAMILY_H52X] = { "STM32H52x/H53x", true, 512, 128 + 80 + 64, 4 },
	[H5_FAMILY_H56X] = { "STM32H56x/H57x", true, 2048, 256 + 64 + 320, 4 },
	[H5_FAMILY_H54X] = { "STM32H54x/H55x", false, 0, 0, 0 },
	[H5_FAMILY_H5EF] = { "STM32H5Ex/H5Fx", false, 0, 0, 0 },
};

/* Widths per line: H503, H52x/H53x, H56x/H57x (the other lines are not described) */
#define ON(a, b, c)	{ [H5_FAMILY_H503] = (a), [H5_FAMILY_H52X] = (b), [H5_FAMILY_H56X] = (c) }

static const struct h5_ob_value_name names_bor_lev[] = {
	{ 0, "level 1, ~2.1 V" }, { 1, "level 2, ~2.4 V" }, { 2, "level 3, ~2.7 V" },
	{ 3, "level 1, ~2.1 V" }, { 0, NULL }
};
static const struct h5_ob_value_name names_enable[] = {
	{ 0, "disabled" }, { 1, "enabled" }, { 0, NULL }
};
static const struct h5_ob_value_name names_wdg_sw[] = {
	{ 0, "hardware" }, { 1, "software" }, { 0, NULL }
};
static const struct h5_ob_value_name names_nrst[] = {
	{ 0, "reset" }, { 1, "no reset" }, { 0, NULL }
};
static const struct h5_ob_value_name names_iwdg_lp[] = {
	{ 0, "frozen" }, { 1, "running" }, { 0, NULL }
};
static const struct h5_ob_value_name names_sram_rst[] = {
	{ 0, "erased on reset" }, { 1, "kept on reset" }, { 0, NULL }
};
static const struct h5_ob_value_name names_ecc[] = {
	{ 0, "ECC on" }, { 1, "ECC off" }, { 0, NULL }
};
static const struct h5_ob_value_name names_swap[] = {
	{ 0, "not swapped" }, { 1, "swapped" }, { 0, NULL }
};
static const struct h5_ob_value_name names_tzen[] = {
	{ H5_OB_MAGIC_B4, "enabled" }, { H5_OB_MAGIC_C3, "disabled" }, { 0, NULL }
};
static const struct h5_ob_value_name names_boot_ube[] = {
	{ H5_OB_MAGIC_B4, "OEM-iRoT" }, { H5_OB_MAGIC_C3, "ST-iRoT" }, { 0, NULL }
};
static const struct h5_ob_value_name names_boot_lock[] = {
	{ H5_OB_MAGIC_B4, "locked" }, { H5_OB_MAGIC_C3, "unlocked" }, { 0, NULL }
};

#define F(n, cur, prg, sh, w, k, e, vn, m) \
	{ .name = n, .cur_offset = cur, .prg_offset = prg, .shift = sh, .width = w, \
	  .kind = H5_OB_KIND_##k, .effect = H5_OB_EFFECT_##e, .value_names = vn, .meaning = m }

static const struct h5_ob_field fields[] = {
	/* FLASH_OPTSR (h5-flash-ob.md §3.4) */
	F("PRODUCT_STATE", OPTSR_CUR, OPTSR_PRG, 8, ON(8, 8, 8), PRODUCT_STATE, NOW, NULL,
		"lifecycle state (use the product_state command to change it)"),
	F("BOR_LEV", OPTSR_CUR, OPTSR_PRG, 0, ON(2, 2, 2), NUMBER, UNKNOWN, names_bor_lev,
		"brown-out reset threshold"),
	F("BORH_EN", OPTSR_CUR, OPTSR_PRG, 2, ON(1, 1, 1), FLAG, UNKNOWN, names_enable,
		"brown-out high enable"),
	F("IWDG_SW", OPTSR_CUR, OPTSR_PRG, 3, ON(1, 1, 1), FLAG, RESET, names_wdg_sw,
		"independent watchdog started by hardware (0) or software (1)"),
	F("WWDG_SW", OPTSR_CUR, OPTSR_PRG, 4, ON(1, 1, 1), FLAG, RESET, names_wdg_sw,
		"window watchdog started by hardware (0) or software (1)"),
	F("NRST_STOP", OPTSR_CUR, OPTSR_PRG, 6, ON(1, 1, 1), FLAG, RESET, names_nrst,
		"reset generated when entering Stop mode (0) or not (1)"),
	F("NRST_STDBY", OPTSR_CUR, OPTSR_PRG, 7, ON(1, 1, 1), FLAG, RESET, names_nrst,
		"reset generated when entering Standby mode (0) or not (1)"),
	F("IO_VDD_HSLV", OPTSR_CUR, OPTSR_PRG, 16, ON(1, 1, 1), FLAG, RESET, names_enable,
		"high-speed I/O at low VDD (set only with VDD < 2.7 V)"),
	F("IO_VDDIO2_HSLV", OPTSR_CUR, OPTSR_PRG, 17, ON(1, 1, 1), FLAG, RESET, names_enable,
		"high-speed I/O at low VDDIO2 (set only with VDDIO2 < 2.7 V)"),
	F("IWDG_STOP", OPTSR_CUR, OPTSR_PRG, 20, ON(1, 1, 1), FLAG, RESET, names_iwdg_lp,
		"independent watchdog frozen (0) or running (1) in Stop mode"),
	F("IWDG_STDBY", OPTSR_CUR, OPTSR_PRG, 21, ON(1, 1, 1), FLAG, RESET, names_iwdg_lp,
		"independent watchdog frozen (0) or running (1) in Standby mode"),
	F("BOOT_UBE", OPTSR_CUR, OPTSR_PRG, 22, ON(0, 8, 8), MAGIC, RESET, names_boot_ube,
		"unique boot entry: 0xB4 OEM-iRoT (user flash), 0xC3 ST-iRoT (system flash)"),
	F("SWAP_BANK", OPTSR_CUR, OPTSR_PRG, 31, ON(1, 1, 1), FLAG, RESET, names_swap,
		"bank 1 and bank 2 addresses swapped"),
	/* FLASH_OPTSR2 */
	F("SRAM1_3_RST", OPTSR2_CUR, OPTSR2_PRG, 2, ON(0, 1, 1), FLAG, RESET, names_sram_rst,
		"SRAM1 and SRAM3 erased on system reset (0) or kept (1)"),
	F("SRAM2_RST", OPTSR2_CUR, OPTSR2_PRG, 3, ON(1, 1, 1), FLAG, RESET, names_sram_rst,
		"SRAM2 erased on system reset (0) or kept (1)"),
	F("BKPRAM_ECC", OPTSR2_CUR, OPTSR2_PRG, 4, ON(1, 1, 1), FLAG, RESET, names_ecc,
		"backup RAM ECC enabled (0) or disabled (1)"),
	F("SRAM3_ECC", OPTSR2_CUR, OPTSR2_PRG, 5, ON(0, 0, 1), FLAG, RESET, names_ecc,
		"SRAM3 ECC enabled (0) or disabled (1)"),
	F("SRAM2_ECC", OPTSR2_CUR, OPTSR2_PRG, 6, ON(1, 1, 1), FLAG, RESET, names_ecc,
		"SRAM2 ECC enabled (0) or disabled (1)"),
	F("USBPD_DIS", OPTSR2_CUR, OPTSR2_PRG, 8, ON(0, 1, 1), FLAG, RESET, names_enable,
		"USB power-delivery dead-battery pull-downs disabled"),
	F("SRAM1_RST", OPTSR2_CUR, OPTSR2_PRG, 9, ON(1, 0, 0), FLAG, RESET, names_sram_rst,
		"SRAM1 erased on system reset (0) or kept (1)"),
	F("SRAM1_ECC", OPTSR2_CUR, OPTSR2_PRG, 10, ON(1, 0, 0), FLAG, RESET, names_ecc,
		"SRAM1 ECC enabled (0) or disabled (1)"),
	F("TZEN", OPTSR2_CUR, OPTSR2_PRG, 24, ON(0, 8, 8), MAGIC, RESET, names_tzen,
		"TrustZone: 0xB4 enabled, 0xC3 disabled"),
	/* FLASH_NSBOOTR / FLASH_SECBOOTR */
	F("NSBOOTADD", NSBOOTR_CUR, NSBOOTR_PRG, 8, ON(24, 24, 24), BOOT_ADDR_NS, RESET, NULL,
		"non-secure boot address >> 8"),
	F("NSBOOT_LOCK", NSBOOTR_CUR, NSBOOTR_PRG, 0, ON(8, 8, 8), MAGIC, RESET, names_boot_lock,
		"0xB4 freezes SWAP_BANK and NSBOOTADD, 0xC3 leaves them free"),
	F("SECBOOTADD", SECBOOTR_CUR, SECBOOTR_PRG, 8, ON(0, 24, 24), BOOT_ADDR_S, RESET, NULL,
		"secure boot address >> 8"),
	F("SECBOOT_LOCK", SECBOOTR_CUR, SECBOOTR_PRG, 0, ON(0, 8, 8), MAGIC, RESET, names_boot_lock,
		"0xB4 freezes BOOT_UBE, SWAP_BANK and SECBOOTADD, 0xC3 leaves them free"),
	/* FLASH_SECWMxR */
	F("SECWM1_STRT", SECWM1R_CUR, SECWM1R_PRG, 0, ON(0, 5, 7), SECTOR, UNKNOWN,
		NULL, "first secure sector of bank 1 (none when STRT > END)"),
	F("SECWM1_END", SECWM1R_CUR, SECWM1R_PRG, 16, ON(0, 5, 7), SECTOR, UNKNOWN, NULL,
		"last secure sector of bank 1"),
	F("SECWM2_STRT", SECWM1R_CUR + BANK2, SECWM1R_PRG + BANK2, 0, ON(0, 5, 7), SECTOR, UNKNOWN,
		NULL, "first secure sector of bank 2 (none when STRT > END)"),
	F("SECWM2_END", SECWM1R_CUR + BANK2, SECWM1R_PRG + BANK2, 16, ON(0, 5, 7), SECTOR, UNKNOWN,
		NULL, "last secure sector of bank 2"),
	/* FLASH_WRPxR */
	F("WRPSGn1", WRP1R_CUR, WRP1R_PRG, 0, ON(8, 8, 32), WRP_GROUPS, UNKNOWN, NULL,
		"bank 1 write protection, one bit per sector group, 0 = protected"),
	F("WRPSGn2", WRP1R_CUR + BANK2, WRP1R_PRG + BANK2, 0, ON(8, 8, 32), WRP_GROUPS, UNKNOWN,
		NULL, "bank 2 write protection, one bit per sector group, 0 = protected"),
	/* FLASH_HDPxR */
	F("HDP1_STRT", HDP1R_CUR, HDP1R_PRG, 0, ON(3, 5, 7), SECTOR, UNKNOWN, NULL,
		"first sector of the bank 1 hide-protection area (none when END < STRT)"),
	F("HDP1_END", HDP1R_CUR, HDP1R_PRG, 16, ON(3, 5, 7), SECTOR, UNKNOWN, NULL,
		"last sector of the bank 1 hide-protection area"),
	F("HDP2_STRT", HDP1R_CUR + BANK2, HDP1R_PRG + BANK2, 0, ON(3, 5, 7), SECTOR, UNKNOWN,
		NULL, "first sector of the bank 2 hide-protection area (none when END < STRT)"),
	F("HDP2_END", HDP1R_CUR + BANK2, HDP1R_PRG + BANK2, 16, ON(3, 5, 7), SECTOR, UNKNOWN,
		NULL, "last sector of the bank 2 hide-protection area"),
	/* FLASH_EDATAxR */
	F("EDATA1_EN", EDATA1R_CUR, EDATA1R_PRG, 15, ON(0, 1, 1), FLAG, NOW, names_enable,
		"bank 1 high-cycle data area enabled"),
	F("EDATA1_STRT", EDATA1R_CUR, EDATA1R_PRG, 0, ON(0, 3, 3), NUMBER, NOW, NULL,
		"bank 1 high-cycle data: the last (value + 1) sectors of the bank"),
	F("EDATA2_EN", EDATA1R_CUR + BANK2, EDATA1R_PRG + BANK2, 15, ON(0, 1, 1), FLAG, NOW,
		names_enable, "bank 2 high-cycle data area enabled"),
	F("EDATA2_STRT", EDATA1R_CUR + BANK2, EDATA1R_PRG + BANK2, 0, ON(0, 3, 3), NUMBER, NOW,
		NULL, "bank 2 high-cycle data: the last (value + 1) sectors of the bank"),
	/* FLASH_OTPBLR */
	F("LOCKBL", OTPBLR_CUR, OTPBLR_PRG, 0, ON(32, 32, 32), SET_ONLY, NOW, NULL,
		"OTP block locks, one bit per 64-byte block; a set bit can never be cleared"),
};

#define N_FIELDS (ARRAY_SIZE(fields))

const struct h5_ob_field *h5_ob_fields(size_t *count)
{
	if (count)
		*count = N_FIELDS;
	return fields;
}

const struct h5_ob_field *h5_ob_find(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < N_FIELDS; i++)
		if (strcasecmp(fields[i].name, name) == 0)
			return &fields[i];
	return NULL;
}

static bool family_in_range(enum h5_family family)
{
	return (unsigned int)family < H5_OB_LINE_COUNT;
}

bool h5_ob_line_is_known(enum h5_family family)
{
	return family_in_range(family) && lines[family].layout_known;
}

unsigned int h5_ob_field_width(const struct h5_ob_field *field, enum h5_family family)
{
	if (!h5_ob_line_is_known(family))
		return 0;
	return field->width[family];
}

unsigned int h5_ob_field_lines(const struct h5_ob_field *field)
{
	unsigned int bits = 0;
	for (unsigned int f = 0; f < H5_OB_LINE_COUNT; f++)
		if (h5_ob_field_width(field, (enum h5_family)f))
			bits |= H5_FAMILY_BIT(f);
	return bits;
}

static uint32_t low_mask(unsigned int width)
{
	return width >= 32 ? 0xFFFFFFFFu : (1u << width) - 1;
}

uint32_t h5_ob_field_mask(const struct h5_ob_field *field, enum h5_family family)
{
	return low_mask(h5_ob_field_width(field, family)) << field->shift;
}

uint32_t h5_ob_field_get(const struct h5_ob_field *field, enum h5_family family, uint32_t reg)
{
	return (reg & h5_ob_field_mask(field, family)) >> field->shift;
}

unsigned int h5_ob_sectors_per_bank(const struct h5_ob_part *part)
{
	if (!h5_ob_line_is_known(part->family))
		return 0;
	unsigned int kb = part->flash_kb ? part->flash_kb : lines[part->family].max_flash_kb;
	return kb / 2 / 8;
}

static const char *value_name(const struct h5_ob_field *field, uint32_t value)
{
	if (!field->value_names)
		return NULL;
	for (const struct h5_ob_value_name *n = field->value_names; n->name; n++)
		if (n->value == value)
			return n->name;
	return NULL;
}

const char *h5_ob_effect_text(enum h5_ob_effect effect)
{
	switch (effect) {
	case H5_OB_EFFECT_NOW:
		return "at once";
	case H5_OB_EFFECT_RESET:
		return "after a reset";
	default:
		return "at a time not known for sure (reset to be sure)";
	}
}

void h5_ob_format_value(const struct h5_ob_field *field, enum h5_family family, uint32_t value,
		char *buf, size_t size)
{
	unsigned int width = h5_ob_field_width(field, family);
	const char *name;

	switch (field->kind) {
	case H5_OB_KIND_PRODUCT_STATE:
		name = h5_pstate_name((uint8_t)value);
		snprintf(buf, size, "0x%02X (%s)", (unsigned int)value, name ? name : "unknown state");
		return;
	case H5_OB_KIND_MAGIC:
		name = value_name(field, value);
		snprintf(buf, size, "0x%02X (%s)", (unsigned int)value, name ? name : "invalid");
		return;
	case H5_OB_KIND_BOOT_ADDR_NS:
	case H5_OB_KIND_BOOT_ADDR_S:
		snprintf(buf, size, "0x%06X (0x%08X)", (unsigned int)value, (unsigned int)(value << 8));
		return;
	case H5_OB_KIND_WRP_GROUPS:
	case H5_OB_KIND_SET_ONLY:
		snprintf(buf, size, "0x%0*X", (int)((width + 3) / 4), (unsigned int)value);
		return;
	default:
		name = value_name(field, value);
		if (name)
			snprintf(buf, size, "%u (%s)", (unsigned int)value, name);
		else
			snprintf(buf, size, "%u", (unsigned int)value);
		return;
	}
}

/* Checks that the byte address lies in [base, base + kb KiB) */
static bool in_window(uint32_t addr, uint32_t base, unsigned int kb)
{
	return addr >= base && addr - base < kb * 1024u;
}

bool h5_ob_check_value(const struct h5_ob_field *field, const struct h5_ob_part *part,
		uint32_t value, char *err, size_t err_size)
{
	unsigned int width = h5_ob_field_width(field, part->family);
	uint32_t max = low_mask(width);

	if (!width) {
		snprintf(err, err_size, "%s does not exist on the %s line", field->name,
				family_in_range(part->family) ? lines[part->family].name : "unknown");
		return false;
	}
	if (value > max) {
		snprintf(err, err_size, "%s=0x%X does not fit the field (%u bit%s, at most 0x%X)",
				field->name, (unsigned int)value, width, width == 1 ? "" : "s",
				(unsigned int)max);
		return false;
	}

	const struct line_desc *line = &lines[part->family];
	unsigned int sectors = h5_ob_sectors_per_bank(part);

	switch (field->kind) {
	case H5_OB_KIND_MAGIC:
		if (value != H5_OB_MAGIC_B4 && value != H5_OB_MAGIC_C3) {
			snprintf(err, err_size, "%s takes only 0xB4 (%s) or 0xC3 (%s), not 0x%02X",
					field->name, value_name(field, H5_OB_MAGIC_B4),
					value_name(field, H5_OB_MAGIC_C3), (unsigned int)value);
			return false;
		}
		return true;
	case H5_OB_KIND_SECTOR:
		if (value >= sectors) {
			snprintf(err, err_size, "%s=%u is past the last sector of the bank "
					"(this part has %u sectors per bank: 0..%u)",
					field->name, (unsigned int)value, sectors, sectors - 1);
			return false;
		}
		return true;
	case H5_OB_KIND_WRP_GROUPS: {
		unsigned int groups = sectors / line->wrp_group_sectors;
		uint32_t existing = low_mask(groups);
		uint32_t protected_bits = ~value & max;
		if (protected_bits & ~existing) {
			snprintf(err, err_size, "%s=0x%X protects sector groups that this part does not "
					"have (it has %u group%s of %u sector%s per bank: bits 0..%u; "
					"the other bits must stay 1)", field->name, (unsigned int)value,
					groups, groups == 1 ? "" : "s", line->wrp_group_sectors,
					line->wrp_group_sectors == 1 ? "" : "s", groups - 1);
			return false;
		}
		return true;
	}
	case H5_OB_KIND_BOOT_ADDR_NS:
	case H5_OB_KIND_BOOT_ADDR_S: {
		bool secure = field->kind == H5_OB_KIND_BOOT_ADDR_S;
		uint32_t addr = value << 8;
		uint32_t flash = secure ? FLASH_S_BASE : FLASH_NS_BASE;
		uint32_t sram = secure ? SRAM_S_BASE : SRAM_NS_BASE;
		unsigned int flash_kb = part->flash_kb ? part->flash_kb : line->max_flash_kb;
		if (!in_window(addr, flash, flash_kb) && !in_window(addr, sram, line->sram_kb)) {
			snprintf(err, err_size, "%s=0x%06X is boot address 0x%08X, which is neither in "
					"the %suser flash (0x%08X, %u KiB) nor in the %sSRAM "
					"(0x%08X, %u KiB)", field->name, (unsigned int)value,
					(unsigned int)addr, secure ? "secure " : "", (unsigned int)flash,
					flash_kb, secure ? "secure " : "", (unsigned int)sram, line->sram_kb);
			return false;
		}
		return true;
	}
	case H5_OB_KIND_SET_ONLY:
		if (value == 0) {
			snprintf(err, err_size, "%s=0 sets no bit: lock bits can only be set, never "
					"cleared", field->name);
			return false;
		}
		return true;
	case H5_OB_KIND_PRODUCT_STATE:
		snprintf(err, err_size, "PRODUCT_STATE is changed with 'stm32h5x product_state "
				"<name>', which checks the transition and the Debug Authentication "
				"configuration first");
		return false;
	default:
		return true;
	}
}

bool h5_ob_parse_value(const struct h5_ob_field *field, const char *text, uint32_t *value,
		char *err, size_t err_size)
{
	if (!text || !*text) {
		snprintf(err, err_size, "%s has no value", field->name);
		return false;
	}
	if (field->value_names) {
		for (const struct h5_ob_value_name *n = field->value_names; n->name; n++) {
			if (strcasecmp(n->name, text) == 0) {
				*value = n->value;
				return true;
			}
		}
	}

	/* hexadecimal with 0x, else decimal (a leading zero does not mean octal) */
	bool hex = text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
	char *end;
	errno = 0;
	unsigned long long v = strtoull(hex ? text + 2 : text, &end, hex ? 16 : 10);
	if (hex && !isxdigit((unsigned char)text[2]))
		end = (char *)text;
	if (*text == '-' || *text == '+' || isspace((unsigned char)*text) || *end != '\0'
			|| errno == ERANGE || v > 0xFFFFFFFFull) {
		if (!field->value_names) {
			snprintf(err, err_size, "%s: '%s' is not a number", field->name, text);
			return false;
		}
		/* the value names, each once, for the suggestion and the list */
		const char *names[16];
		size_t n = 0;
		for (const struct h5_ob_value_name *vn = field->value_names; vn->name && n < 16; vn++) {
			bool seen = false;
			for (size_t k = 0; k < n; k++)
				seen = seen || strcmp(names[k], vn->name) == 0;
			if (!seen)
				names[n++] = vn->name;
		}
		const char *near = name_match_closest(text, names, n);
		char valid[200];
		name_match_list(names, n, valid, sizeof(valid));
		snprintf(err, err_size, "%s: '%s' is not a number or a value name%s%s%s; valid: %s",
				field->name, text, near ? " (did you mean '" : "", near ? near : "",
				near ? "'?)" : "", valid);
		return false;
	}

	if ((field->kind == H5_OB_KIND_BOOT_ADDR_NS || field->kind == H5_OB_KIND_BOOT_ADDR_S)
			&& v > 0xFFFFFFull) {
		/* a full address rather than the field value */
		if (v & 0xFF) {
			snprintf(err, err_size, "%s: boot address 0x%08llX is not a multiple of 256 "
					"bytes", field->name, v);
			return false;
		}
		v >>= 8;
	}
	*value = (uint32_t)v;
	return true;
}

void h5_ob_plan_init(struct h5_ob_plan *plan, const struct h5_ob_part *part)
{
	memset(plan, 0, sizeof(*plan));
	plan->part = *part;
}

static bool add_write(struct h5_ob_plan *plan, uint32_t offset, uint32_t value, uint32_t mask)
{
	for (unsigned int i = 0; i < plan->write_count; i++) {
		if (plan->writes[i].offset == offset) {
			plan->writes[i].value = (plan->writes[i].value & ~mask) | value;
			plan->writes[i].mask |= mask;
			return true;
		}
	}
	if (plan->write_count >= H5_OB_PLAN_MAX_WRITES)
		return false;
	plan->writes[plan->write_count++] = (struct h5_ob_write){ offset, value, mask };
	return true;
}

bool h5_ob_plan_add(struct h5_ob_plan *plan, const char *item, char *err, size_t err_size)
{
	const char *eq = item ? strchr(item, '=') : NULL;
	char name[32];

	if (!eq || eq == item || (size_t)(eq - item) >= sizeof(name)) {
		snprintf(err, err_size, "'%s' is not NAME=value", item ? item : "");
		return false;
	}
	memcpy(name, item, eq - item);
	name[eq - item] = '\0';

	const struct h5_ob_field *field = h5_ob_find(name);
	if (!field) {
		const char *names[N_FIELDS];
		for (size_t i = 0; i < N_FIELDS; i++)
			names[i] = fields[i].name;
		const char *near = name_match_closest(name, names, N_FIELDS);
		if (near)
			snprintf(err, err_size, "unknown option byte '%s' (did you mean '%s'? "
					"'stm32h5x ob' lists them all)", name, near);
		else
			snprintf(err, err_size, "unknown option byte '%s' ('stm32h5x ob' lists them)",
					name);
		return false;
	}
	if (!h5_ob_line_is_known(plan->part.family)) {
		snprintf(err, err_size, "the option-byte layout of the %s line is not known to this "
				"tool, so %s cannot be set safely",
				family_in_range(plan->part.family) ? lines[plan->part.family].name
				: "unknown", field->name);
		return false;
	}
	if (field->kind == H5_OB_KIND_PRODUCT_STATE) {
		h5_ob_check_value(field, &plan->part, 0, err, err_size);
		return false;
	}
	if (!h5_ob_field_width(field, plan->part.family)) {
		h5_ob_check_value(field, &plan->part, 0, err, err_size);
		return false;
	}
	for (unsigned int i = 0; i < plan->field_count; i++) {
		if (plan->fields[i] == field) {
			snprintf(err, err_size, "%s is given twice", field->name);
			return false;
		}
	}
	if (plan->field_count >= H5_OB_PLAN_MAX_FIELDS) {
		snprintf(err, err_size, "too many fields for one option-byte cycle");
		return false;
	}

	uint32_t value;
	if (!h5_ob_parse_value(field, eq + 1, &value, err, err_size))
		return false;
	if (!h5_ob_check_value(field, &plan->part, value, err, err_size))
		return false;

	uint32_t mask = h5_ob_field_mask(field, plan->part.family);
	if (field->kind == H5_OB_KIND_SET_ONLY)
		mask = value << field->shift;	/* only the bits being set: the others stay */
	if (!add_write(plan, field->prg_offset, value << field->shift, mask)) {
		snprintf(err, err_size, "too many registers for one option-byte cycle");
		return false;
	}

	plan->fields[plan->field_count] = field;
	plan->values[plan->field_count] = value;
	plan->field_count++;
	if (field->effect != H5_OB_EFFECT_NOW)
		plan->needs_reset = true;
	if (field->kind == H5_OB_KIND_SET_ONLY)
		plan->irreversible = true;
	return true;
}

bool h5_ob_plan_add_list(struct h5_ob_plan *plan, const char *const *items, unsigned int count,
		char *err, size_t err_size)
{
	for (unsigned int i = 0; i < count; i++)
		if (!h5_ob_plan_add(plan, items[i], err, err_size))
			return false;
	return true;
}
