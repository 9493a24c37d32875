// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/option_bytes.c: names, offsets and widths of
 * h5-flash-ob.md §3.1/§3.2/§3.4, value checks per kind, and the register writes of one
 * option-byte cycle. Expected register values are worked out by hand in the comments.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "target/stm32h5/option_bytes.h"

static const struct h5_ob_part h563_2m = { H5_FAMILY_H56X, 2048 };
static const struct h5_ob_part h563_1m = { H5_FAMILY_H56X, 1024 };
static const struct h5_ob_part h533_512k = { H5_FAMILY_H52X, 512 };
static const struct h5_ob_part h523_256k = { H5_FAMILY_H52X, 256 };
static const struct h5_ob_part h503 = { H5_FAMILY_H503, 128 };
static const struct h5_ob_part h55x = { H5_FAMILY_H54X, 2048 };

static char err[512];

/* Plans the items on the part; returns true if accepted. */
static bool plan_items(struct h5_ob_plan *plan, const struct h5_ob_part *part,
		const char *const *items, unsigned int count)
{
	err[0] = '\0';
	h5_ob_plan_init(plan, part);
	return h5_ob_plan_add_list(plan, items, count, err, sizeof(err));
}

static bool plan_one(struct h5_ob_plan *plan, const struct h5_ob_part *part, const char *item)
{
	return plan_items(plan, part, &item, 1);
}

static bool refused_with(const struct h5_ob_part *part, const char *item, const char *words)
{
	struct h5_ob_plan plan;
	if (plan_one(&plan, part, item))
		return false;
	if (!strstr(err, words)) {
		print_message("message was: %s\n", err);
		return false;
	}
	return true;
}

static const struct h5_ob_write *write_at(const struct h5_ob_plan *plan, uint32_t offset)
{
	for (unsigned int i = 0; i < plan->write_count; i++)
		if (plan->writes[i].offset == offset)
			return &plan->writes[i];
	return NULL;
}

static void assert_write(const struct h5_ob_plan *plan, uint32_t offset, uint32_t value,
		uint32_t mask)
{
	const struct h5_ob_write *w = write_at(plan, offset);
	assert_non_null(w);
	assert_int_equal(w->value, value);
	assert_int_equal(w->mask, mask);
}

static void names_are_found_whatever_their_case(void **state)
{
	const struct h5_ob_field *f = h5_ob_find("tzen");
	assert_non_null(f);
	assert_string_equal(f->name, "TZEN");
	assert_ptr_equal(h5_ob_find("WrPsGn1"), h5_ob_find("WRPSGn1"));
	assert_null(h5_ob_find("TZENABLE"));
	assert_null(h5_ob_find(""));
	assert_null(h5_ob_find(NULL));
}

static void every_stm32cubeprogrammer_name_of_the_brief_is_in_the_table(void **state)
{
	static const char *const names[] = {
		"PRODUCT_STATE", "TZEN", "BOOT_UBE", "SWAP_BANK", "BOR_LEV", "BORH_EN",
		"IWDG_SW", "WWDG_SW", "NRST_STOP", "NRST_STDBY", "IO_VDD_HSLV",
		"IO_VDDIO2_HSLV", "IWDG_STOP", "IWDG_STDBY", "SRAM1_3_RST", "SRAM2_RST",
		"BKPRAM_ECC", "SRAM3_ECC", "SRAM2_ECC", "SRAM1_RST", "SRAM1_ECC", "USBPD_DIS",
		"NSBOOTADD", "NSBOOT_LOCK", "SECBOOTADD", "SECBOOT_LOCK", "SECWM1_STRT",
		"SECWM1_END", "SECWM2_STRT", "SECWM2_END", "WRPSGn1", "WRPSGn2", "HDP1_STRT",
		"HDP1_END", "HDP2_STRT", "HDP2_END", "EDATA1_EN", "EDATA1_STRT", "EDATA2_EN",
		"EDATA2_STRT", "LOCKBL",
	};
	size_t count;
	h5_ob_fields(&count);
	assert_int_equal(count, sizeof(names) / sizeof(names[0]));
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!h5_ob_find(names[i]))
			fail_msg("%s is missing", names[i]);
	}
}

static void registers_and_bit_positions_match_the_reference(void **state)
{
	const struct h5_ob_field *f;

	f = h5_ob_find("PRODUCT_STATE");	/* OPTSR [15:8] */
	assert_int_equal(f->cur_offset, 0x50);
	assert_int_equal(f->prg_offset, 0x54);
	assert_int_equal(h5_ob_field_mask(f, H5_FAMILY_H56X), 0x0000FF00);
	f = h5_ob_find("BOOT_UBE");		/* OPTSR [29:22] */
	assert_int_equal(h5_ob_field_mask(f, H5_FAMILY_H56X), 0x3FC00000);
	f = h5_ob_find("TZEN");			/* OPTSR2 [31:24] */
	assert_int_equal(f->cur_offset, 0x70);
	assert_int_equal(f->prg_offset, 0x74);
	assert_int_equal(h5_ob_field_mask(f, H5_FAMILY_H52X), 0xFF000000);
	f = h5_ob_find("SECBOOTADD");		/* SECBOOTR_PRG [31:8] */
	assert_int_equal(f->prg_offset, 0x8C);
	assert_int_equal(h5_ob_field_mask(f, H5_FAMILY_H56X), 0xFFFFFF00);
	f = h5_ob_find("SECWM2_END");		/* SECWM2R_PRG [22:16] */
	assert_int_equal(f->cur_offset, 0x1E0);
	assert_int_equal(f->prg_offset, 0x1E4);
	assert_int_equal(h5_ob_field_mask(f, H5_FAMILY_H56X), 0x007F0000);
	assert_int_equal(h5_ob_field_mask(f, H5_FAMILY_H52X), 0x001F0000);
	f = h5_ob_find("HDP2_STRT");		/* HDP2R_PRG, 3/5/7 bits */
	assert_int_equal(f->prg_offset, 0x1FC);
	assert_int_equal(h5_ob_field_mask(f, H5_FAMILY_H503), 0x7);
	assert_int_equal(h5_ob_field_mask(f, H5_FAMILY_H52X), 0x1F);
	f = h5_ob_find("WRPSGn2");		/* WRP2R_PRG: 8 or 32 bits */
	assert_int_equal(f->cur_offset, 0x1E8);
	assert_int_equal(f->prg_offset, 0x1EC);
	assert_int_equal(h5_ob_field_mask(f, H5_FAMILY_H503), 0xFF);
	assert_int_equal(h5_ob_field_mask(f, H5_FAMILY_H56X), 0xFFFFFFFF);
	f = h5_ob_find("EDATA2_EN");		/* EDATA2R_PRG bit 15 */
	assert_int_equal(f->prg_offset, 0x1F4);
	assert_int_equal(h5_ob_field_mask(f, H5_FAMILY_H56X), 0x8000);
	f = h5_ob_find("LOCKBL");		/* OTPBLR */
	assert_int_equal(f->cur_offset, 0x90);
	assert_int_equal(f->prg_offset, 0x94);
	f = h5_ob_find("SRAM1_ECC");		/* OPTSR2 bit 10, H503 only */
	assert_int_equal(h5_ob_field_mask(f, H5_FAMILY_H503), 0x400);
}

static void fields_exist_only_on_the_lines_that_have_them(void **state)
{
	const unsigned int h503_bit = 1u << H5_FAMILY_H503;
	const unsigned int h52x_bit = 1u << H5_FAMILY_H52X;
	const unsigned int h56x_bit = 1u << H5_FAMILY_H56X;

	assert_int_equal(h5_ob_field_lines(h5_ob_find("TZEN")), h52x_bit | h56x_bit);
	assert_int_equal(h5_ob_field_lines(h5_ob_find("SRAM3_ECC")), h56x_bit);
	assert_int_equal(h5_ob_field_lines(h5_ob_find("SRAM1_RST")), h503_bit);
	assert_int_equal(h5_ob_field_lines(h5_ob_find("LOCKBL")), h503_bit | h52x_bit | h56x_bit);
	assert_int_equal(h5_ob_field_lines(h5_ob_find("EDATA1_EN")), h52x_bit | h56x_bit);
}

static void fields_are_read_out_of_a_register_value(void **state)
{
	/* 0x2D30EDD8: PRODUCT_STATE 0xED, BOOT_UBE (bits 29:22) 0xB4, IWDG_SW 1, BOR_LEV 0 */
	assert_int_equal(h5_ob_field_get(h5_ob_find("PRODUCT_STATE"), H5_FAMILY_H56X, 0x2D30EDD8),
			0xED);
	assert_int_equal(h5_ob_field_get(h5_ob_find("BOOT_UBE"), H5_FAMILY_H56X, 0x2D30EDD8), 0xB4);
	assert_int_equal(h5_ob_field_get(h5_ob_find("IWDG_SW"), H5_FAMILY_H56X, 0x2D30EDD8), 1);
	assert_int_equal(h5_ob_field_get(h5_ob_find("BOR_LEV"), H5_FAMILY_H56X, 0x2D30EDD8), 0);
	assert_int_equal(h5_ob_field_get(h5_ob_find("TZEN"), H5_FAMILY_H56X, 0xC3000000), 0xC3);
	assert_int_equal(h5_ob_field_get(h5_ob_find("NSBOOTADD"), H5_FAMILY_H503, 0x080000C3),
			0x080000);
}

static void magic_values_are_shown_with_their_names(void **state)
{
	char buf[64];

	h5_ob_format_value(h5_ob_find("TZEN"), H5_FAMILY_H56X, 0xB4, buf, sizeof(buf));
	assert_string_equal(buf, "0xB4 (enabled)");
	h5_ob_format_value(h5_ob_find("TZEN"), H5_FAMILY_H56X, 0xC3, buf, sizeof(buf));
	assert_string_equal(buf, "0xC3 (disabled)");
	h5_ob_format_value(h5_ob_find("TZEN"), H5_FAMILY_H56X, 0x00, buf, sizeof(buf));
	assert_string_equal(buf, "0x00 (invalid)");
	h5_ob_format_value(h5_ob_find("SECBOOT_LOCK"), H5_FAMILY_H56X, 0xB4, buf, sizeof(buf));
	assert_string_equal(buf, "0xB4 (locked)");
	h5_ob_format_value(h5_ob_find("BOOT_UBE"), H5_FAMILY_H52X, 0xC3, buf, sizeof(buf));
	assert_string_equal(buf, "0xC3 (ST-iRoT)");
	h5_ob_format_value(h5_ob_find("PRODUCT_STATE"), H5_FAMILY_H56X, 0x72, buf, sizeof(buf));
	assert_string_equal(buf, "0x72 (Closed)");
	h5_ob_format_value(h5_ob_find("PRODUCT_STATE"), H5_FAMILY_H56X, 0x73, buf, sizeof(buf));
	assert_string_equal(buf, "0x73 (unknown state)");
}

static void other_values_are_shown_plainly(void **state)
{
	char buf[64];

	h5_ob_format_value(h5_ob_find("NSBOOTADD"), H5_FAMILY_H56X, 0x080000, buf, sizeof(buf));
	assert_string_equal(buf, "0x080000 (0x08000000)");
	h5_ob_format_value(h5_ob_find("BOR_LEV"), H5_FAMILY_H56X, 1, buf, sizeof(buf));
	assert_string_equal(buf, "1 (level 2, ~2.4 V)");
	h5_ob_format_value(h5_ob_find("WRPSGn1"), H5_FAMILY_H503, 0xFF, buf, sizeof(buf));
	assert_string_equal(buf, "0xFF");
	h5_ob_format_value(h5_ob_find("WRPSGn1"), H5_FAMILY_H56X, 0xFFFFFFFF, buf, sizeof(buf));
	assert_string_equal(buf, "0xFFFFFFFF");
	h5_ob_format_value(h5_ob_find("SECWM1_END"), H5_FAMILY_H56X, 127, buf, sizeof(buf));
	assert_string_equal(buf, "127");
}

static void tzen_enable_is_one_masked_write_of_optsr2_prg(void **state)
{
	struct h5_ob_plan plan;
	assert_true(plan_one(&plan, &h563_2m, "TZEN=0xB4"));
	assert_int_equal(plan.write_count, 1);
	assert_write(&plan, 0x74, 0xB4000000, 0xFF000000);
	assert_true(plan.needs_reset);
	assert_false(plan.irreversible);
}

static void values_may_be_given_by_name(void **state)
{
	struct h5_ob_plan plan;
	assert_true(plan_one(&plan, &h533_512k, "TZEN=disabled"));
	assert_write(&plan, 0x74, 0xC3000000, 0xFF000000);
}

static void tzen_takes_only_b4_or_c3(void **state)
{
	assert_true(refused_with(&h563_2m, "TZEN=0xB5", "only 0xB4 (enabled) or 0xC3 (disabled)"));
	assert_true(refused_with(&h563_2m, "TZEN=1", "not 0x01"));
	/* misspelt names and values: a suggestion, and the valid values */
	assert_true(refused_with(&h563_2m, "TZNE=0xB4", "unknown option byte 'TZNE' (did you mean 'TZEN'?"));
	assert_true(refused_with(&h563_2m, "IWDG_SW=softwre", "(did you mean 'software'?); valid: hardware, software"));
	assert_true(refused_with(&h563_2m, "TZEN=0x1B4", "does not fit"));
}

static void boot_lock_takes_only_b4_or_c3(void **state)
{
	struct h5_ob_plan plan;
	assert_true(refused_with(&h563_2m, "SECBOOT_LOCK=0", "only 0xB4 (locked) or 0xC3"));
	assert_true(refused_with(&h503, "NSBOOT_LOCK=0xFF", "only 0xB4"));
	assert_true(plan_one(&plan, &h503, "NSBOOT_LOCK=0xC3"));
	assert_write(&plan, 0x84, 0xC3, 0xFF);
}

static void boot_ube_takes_only_b4_or_c3(void **state)
{
	assert_true(refused_with(&h533_512k, "BOOT_UBE=0xA5", "only 0xB4 (OEM-iRoT) or 0xC3"));
}

static void a_field_absent_on_the_line_is_refused(void **state)
{
	struct h5_ob_plan plan;
	assert_true(refused_with(&h503, "TZEN=0xC3", "TZEN does not exist on the STM32H503 line"));
	assert_true(refused_with(&h503, "SECWM1_STRT=1", "does not exist"));
	assert_true(refused_with(&h503, "EDATA1_EN=1", "does not exist"));
	assert_true(refused_with(&h533_512k, "SRAM3_ECC=1", "does not exist on the STM32H52x"));
	assert_true(refused_with(&h563_2m, "SRAM1_RST=0", "does not exist on the STM32H56x"));
	assert_true(plan_one(&plan, &h503, "SRAM1_RST=0"));
}

static void lines_without_a_described_layout_are_refused(void **state)
{
	assert_false(h5_ob_line_is_known(H5_FAMILY_H54X));
	assert_false(h5_ob_line_is_known(H5_FAMILY_H5EF));
	assert_true(refused_with(&h55x, "SWAP_BANK=0", "not known to this tool"));
}

static void watermarks_must_stay_inside_the_bank_of_the_actual_part(void **state)
{
	struct h5_ob_plan plan;
	/* 2 MiB: 128 sectors per bank (0..127) */
	assert_true(plan_one(&plan, &h563_2m, "SECWM1_END=0x7F"));
	/* 1 MiB: 64 sectors per bank */
	assert_true(refused_with(&h563_1m, "SECWM1_END=0x7F", "64 sectors per bank: 0..63"));
	assert_true(plan_one(&plan, &h563_1m, "SECWM2_END=63"));
	/* H533: 5-bit field and 32 sectors */
	assert_true(refused_with(&h533_512k, "SECWM1_END=0x7F", "does not fit"));
	assert_true(plan_one(&plan, &h533_512k, "SECWM1_END=31"));
	/* 256 KiB H523: 16 sectors although the field holds 31 */
	assert_true(refused_with(&h523_256k, "SECWM2_STRT=16", "16 sectors per bank"));
}

static void hdp_areas_must_stay_inside_the_bank_of_the_actual_part(void **state)
{
	struct h5_ob_plan plan;
	assert_true(plan_one(&plan, &h503, "HDP1_END=7"));
	assert_true(refused_with(&h503, "HDP1_END=8", "does not fit"));
	assert_true(refused_with(&h563_1m, "HDP2_STRT=100", "0..63"));
}

static void fields_of_one_register_merge_into_one_write(void **state)
{
	static const char *const items[] = {
		"SECWM1_STRT=0x0", "SECWM1_END=0x7F", "SECWM2_STRT=0x0", "SECWM2_END=0x7F",
	};
	struct h5_ob_plan plan;
	assert_true(plan_items(&plan, &h563_2m, items, 4));
	assert_int_equal(plan.write_count, 2);
	assert_write(&plan, 0xE4, 0x007F0000, 0x007F007F);
	assert_write(&plan, 0x1E4, 0x007F0000, 0x007F007F);
	assert_int_equal(plan.field_count, 4);
}

/* ST's ob_programming.sh, TrustZone variant (anchors.md §7a), in one cycle */
static void st_trustzone_reset_line_plans_ten_register_writes(void **state)
{
	static const char *const items[] = {
		"WRPSGn1=0xffffffff", "WRPSGn2=0xffffffff", "HDP1_STRT=1", "HDP1_END=0",
		"HDP2_STRT=1", "HDP2_END=0", "SECWM1_STRT=1", "SECWM1_END=0", "SECWM2_STRT=1",
		"SECWM2_END=0", "SECBOOT_LOCK=0xC3", "SWAP_BANK=0", "SRAM2_RST=0", "SRAM2_ECC=0",
		"NSBOOTADD=0x80000", "SECBOOTADD=0xC0000", "BOOT_UBE=0xB4",
	};
	struct h5_ob_plan plan;
	assert_true(plan_items(&plan, &h563_2m, items, sizeof(items) / sizeof(items[0])));
	assert_int_equal(plan.write_count, 10);
	/* OPTSR: SWAP_BANK bit 31 = 0, BOOT_UBE 0xB4 << 22 = 0x2D000000 */
	assert_write(&plan, 0x54, 0x2D000000, 0xBFC00000);
	/* OPTSR2: SRAM2_RST bit 3, SRAM2_ECC bit 6 */
	assert_write(&plan, 0x74, 0, 0x48);
	assert_write(&plan, 0x84, 0x08000000, 0xFFFFFF00);
	assert_write(&plan, 0x8C, 0x0C0000C3, 0xFFFFFFFF);
	assert_write(&plan, 0xE4, 0x00000001, 0x007F007F);
	assert_write(&plan, 0x1E4, 0x00000001, 0x007F007F);
	assert_write(&plan, 0xEC, 0xFFFFFFFF, 0xFFFFFFFF);
	assert_write(&plan, 0x1EC, 0xFFFFFFFF, 0xFFFFFFFF);
	assert_write(&plan, 0xFC, 0x00000001, 0x007F007F);
	assert_write(&plan, 0x1FC, 0x00000001, 0x007F007F);
	assert_true(plan.needs_reset);
}

/* ST's NUCLEO-H503RB ob_programming.sh (anchors.md §7b) */
static void st_h503_reset_line_is_accepted_on_the_h503(void **state)
{
	static const char *const items[] = {
		"WRPSGn1=0xff", "WRPSGn2=0xff", "HDP1_STRT=1", "HDP1_END=0", "HDP2_STRT=1",
		"HDP2_END=0", "NSBOOT_LOCK=0xC3", "SRAM2_RST=0", "SRAM2_ECC=0", "SRAM1_RST=0",
		"SRAM1_ECC=0", "NSBOOTADD=0x80000", "SWAP_BANK=0",
	};
	struct h5_ob_plan plan;
	assert_true(plan_items(&plan, &h503, items, sizeof(items) / sizeof(items[0])));
	/* OPTSR2: bits 3, 6, 9, 10 */
	assert_write(&plan, 0x74, 0, 0x648);
	/* HDP 3-bit fields */
	assert_write(&plan, 0xFC, 0x00000001, 0x00070007);
	assert_write(&plan, 0x84, 0x080000C3, 0xFFFFFFFF);
	assert_write(&plan, 0xEC, 0xFF, 0xFF);
}

static void a_field_given_twice_is_refused(void **state)
{
	static const char *const items[] = { "TZEN=0xB4", "tzen=0xC3" };
	struct h5_ob_plan plan;
	assert_false(plan_items(&plan, &h563_2m, items, 2));
	assert_non_null(strstr(err, "TZEN is given twice"));
}

static void product_state_is_refused_and_points_to_its_command(void **state)
{
	assert_true(refused_with(&h563_2m, "PRODUCT_STATE=0x72", "stm32h5x product_state"));
	assert_true(refused_with(&h563_2m, "product_state=0x17", "stm32h5x product_state"));
}

static void unknown_names_and_malformed_items_are_refused(void **state)
{
	assert_true(refused_with(&h563_2m, "TZEN_X=0xB4", "unknown option byte 'TZEN_X'"));
	assert_true(refused_with(&h563_2m, "TZEN", "is not NAME=value"));
	assert_true(refused_with(&h563_2m, "=0xB4", "is not NAME=value"));
	assert_true(refused_with(&h563_2m, "TZEN=", "has no value"));
	assert_true(refused_with(&h563_2m, "TZEN=0xZZ", "is not a number"));
	assert_true(refused_with(&h563_2m, "SWAP_BANK=-1", "is not a number"));
	assert_true(refused_with(&h563_2m, "SWAP_BANK=2", "does not fit"));
	assert_true(refused_with(&h563_2m, "LOCKBL=0x100000000", "is not a number"));
}

static void numbers_are_hexadecimal_with_0x_and_decimal_otherwise(void **state)
{
	struct h5_ob_plan plan;
	assert_true(plan_one(&plan, &h563_2m, "SECWM1_END=010"));	/* ten, not eight */
	assert_write(&plan, 0xE4, 10 << 16, 0x007F0000);
	assert_true(plan_one(&plan, &h563_2m, "SECWM1_END=0X1f"));
	assert_write(&plan, 0xE4, 31 << 16, 0x007F0000);
	assert_true(refused_with(&h563_2m, "SECWM1_END=0x", "is not a number"));
	assert_true(refused_with(&h563_2m, "SECWM1_END=1f", "is not a number"));
}

static void lock_bits_can_only_be_set(void **state)
{
	struct h5_ob_plan plan;
	assert_true(plan_one(&plan, &h503, "LOCKBL=0x1"));
	/* mask covers only the bit being set: the other locks are left as they are */
	assert_write(&plan, 0x94, 0x1, 0x1);
	assert_true(plan.irreversible);
	assert_false(plan.needs_reset);
	assert_true(refused_with(&h503, "LOCKBL=0", "can only be set"));
}

static void boot_addresses_are_field_values_or_aligned_addresses(void **state)
{
	struct h5_ob_plan plan;
	assert_true(plan_one(&plan, &h563_2m, "NSBOOTADD=0x08000000"));
	assert_write(&plan, 0x84, 0x08000000, 0xFFFFFF00);
	assert_true(plan_one(&plan, &h563_2m, "NSBOOTADD=0x080000"));
	assert_write(&plan, 0x84, 0x08000000, 0xFFFFFF00);
	assert_true(refused_with(&h563_2m, "NSBOOTADD=0x08000080", "multiple of 256"));
}

static void boot_addresses_must_point_into_flash_or_sram(void **state)
{
	struct h5_ob_plan plan;
	/* SRAM at 0x20000000 */
	assert_true(plan_one(&plan, &h563_2m, "NSBOOTADD=0x200000"));
	/* 2 MiB flash ends at 0x081FFFFF */
	assert_true(plan_one(&plan, &h563_2m, "NSBOOTADD=0x081FFF"));
	assert_true(refused_with(&h563_2m, "NSBOOTADD=0x082000", "boot address 0x08200000"));
	/* the secure flash alias is not a non-secure boot address */
	assert_true(refused_with(&h563_2m, "NSBOOTADD=0x0C0000", "neither in the user flash"));
	assert_true(refused_with(&h563_2m, "SECBOOTADD=0x080000", "neither in the secure"));
	assert_true(plan_one(&plan, &h563_2m, "SECBOOTADD=0x300000"));
	/* H503: 128 KiB of flash, 32 KiB of SRAM */
	assert_true(refused_with(&h503, "NSBOOTADD=0x080200", "0x08020000"));
	assert_true(plan_one(&plan, &h503, "NSBOOTADD=0x20007F00"));
	assert_true(refused_with(&h503, "NSBOOTADD=0x20008000", "SRAM"));
	assert_true(refused_with(&h503, "NSBOOTADD=0", "0x00000000"));
}

static void write_protection_only_of_groups_the_part_has(void **state)
{
	struct h5_ob_plan plan;
	/* 1 MiB H563: 64 sectors = 16 groups of 4 per bank */
	/* (bits 16..31 cleared would protect groups 16..31, which do not exist) */
	assert_true(refused_with(&h563_1m, "WRPSGn1=0x0000FFFF", "16 groups of 4 sectors"));
	assert_true(plan_one(&plan, &h563_1m, "WRPSGn1=0xFFFF0000"));
	assert_write(&plan, 0xEC, 0xFFFF0000, 0xFFFFFFFF);
	/* H503: 8 groups of 1 sector, 8-bit field */
	assert_true(refused_with(&h503, "WRPSGn2=0x1FF", "does not fit"));
	assert_true(plan_one(&plan, &h503, "WRPSGn2=0xFE"));
}

static void edata_takes_effect_at_once_and_needs_no_reset(void **state)
{
	static const char *const items[] = { "EDATA1_EN=1", "EDATA1_STRT=7" };
	struct h5_ob_plan plan;
	assert_true(plan_items(&plan, &h563_2m, items, 2));
	assert_write(&plan, 0xF4, 0x8007, 0x8007);
	assert_false(plan.needs_reset);
	assert_true(refused_with(&h563_2m, "EDATA2_STRT=8", "does not fit"));
}

static void swap_bank_needs_a_reset(void **state)
{
	struct h5_ob_plan plan;
	assert_true(plan_one(&plan, &h563_2m, "SWAP_BANK=1"));
	assert_write(&plan, 0x54, 0x80000000, 0x80000000);
	assert_true(plan.needs_reset);
	assert_int_equal(h5_ob_find("SWAP_BANK")->effect, H5_OB_EFFECT_RESET);
	assert_string_equal(h5_ob_effect_text(H5_OB_EFFECT_RESET), "after a reset");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_are_found_whatever_their_case),
		cmocka_unit_test(every_stm32cubeprogrammer_name_of_the_brief_is_in_the_table),
		cmocka_unit_test(registers_and_bit_positions_match_the_reference),
		cmocka_unit_test(fields_exist_only_on_the_lines_that_have_them),
		cmocka_unit_test(fields_are_read_out_of_a_register_value),
		cmocka_unit_test(magic_values_are_shown_with_their_names),
		cmocka_unit_test(other_values_are_shown_plainly),
		cmocka_unit_test(tzen_enable_is_one_masked_write_of_optsr2_prg),
		cmocka_unit_test(values_may_be_given_by_name),
		cmocka_unit_test(tzen_takes_only_b4_or_c3),
		cmocka_unit_test(boot_lock_takes_only_b4_or_c3),
		cmocka_unit_test(boot_ube_takes_only_b4_or_c3),
		cmocka_unit_test(a_field_absent_on_the_line_is_refused),
		cmocka_unit_test(lines_without_a_described_layout_are_refused),
		cmocka_unit_test(watermarks_must_stay_inside_the_bank_of_the_actual_part),
		cmocka_unit_test(hdp_areas_must_stay_inside_the_bank_of_the_actual_part),
		cmocka_unit_test(fields_of_one_register_merge_into_one_write),
		cmocka_unit_test(st_trustzone_reset_line_plans_ten_register_writes),
		cmocka_unit_test(st_h503_reset_line_is_accepted_on_the_h503),
		cmocka_unit_test(a_field_given_twice_is_refused),
		cmocka_unit_test(product_state_is_refused_and_points_to_its_command),
		cmocka_unit_test(unknown_names_and_malformed_items_are_refused),
		cmocka_unit_test(numbers_are_hexadecimal_with_0x_and_decimal_otherwise),
		cmocka_unit_test(lock_bits_can_only_be_set),
		cmocka_unit_test(boot_addresses_are_field_values_or_aligned_addresses),
		cmocka_unit_test(boot_addresses_must_point_into_flash_or_sram),
		cmocka_unit_test(write_protection_only_of_groups_the_part_has),
		cmocka_unit_test(edata_takes_effect_at_once_and_needs_no_reset),
		cmocka_unit_test(swap_bank_needs_a_reset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
