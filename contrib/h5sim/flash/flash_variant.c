// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim flash model: the per-line table (H503, H52x/H53x, H56x/H57x) of what differs between
 * parts: present features, field widths, WRP grouping, SECBB/PRIVBB registers, system-flash size
 * and the defined bits of OPTSR/OPTSR2. Source: h5-flash-ob.md §2.1, §3.1, §3.2, §3.4.
 */

#include "flash_internal.h"

const struct h5flash_variant_info h5flash_variants[] = {
	[H5FLASH_H503] = {
		.name = "H503",
		.trustzone = false, .obk = false, .edata = false, .boot_ube = false,
		.max_sectors_per_bank = 8,
		.snb_mask = 0x7F,
		.sector_field_mask = 0x07,
		.wrp_group = 1, .wrp_mask = 0xFF,
		.secbb_regs = 0, .privbb_regs = 1, .privbb_mask = 0xFF,
		.system_flash_size = 0x8000,
		.optsr_mask = 0x8033FFDF,
		.optsr2_mask = 0x00000658,
	},
	[H5FLASH_H52X] = {
		.name = "H52x/H53x",
		.trustzone = true, .obk = true, .edata = true, .boot_ube = true,
		.max_sectors_per_bank = 32,
		.snb_mask = 0x1F,
		.sector_field_mask = 0x1F,
		.wrp_group = 4, .wrp_mask = 0xFF,
		.secbb_regs = 1, .privbb_regs = 1, .privbb_mask = 0xFFFFFFFF,
		.system_flash_size = 0x10000,
		.optsr_mask = 0xBFF3FFDF,
		.optsr2_mask = 0xFF00015C,
	},
	[H5FLASH_H56X] = {
		.name = "H56x/H57x",
		.trustzone = true, .obk = true, .edata = true, .boot_ube = true,
		.max_sectors_per_bank = 128,
		.snb_mask = 0x7F,
		.sector_field_mask = 0x7F,
		.wrp_group = 4, .wrp_mask = 0xFFFFFFFF,
		.secbb_regs = 4, .privbb_regs = 4, .privbb_mask = 0xFFFFFFFF,
		.system_flash_size = 0x10000,
		.optsr_mask = 0xBFF3FFDF,
		.optsr2_mask = 0xFF00017C,
	},
};
