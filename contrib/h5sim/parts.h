/* SPDX-License-Identifier: GPL-2.0-or-later */

/* h5sim: the table of STM32H5 parts the simulator can be (h5-flash-ob.md §1, §2.1). */

#ifndef H5SIM_PARTS_H
#define H5SIM_PARTS_H

#include <stdbool.h>
#include <stdint.h>

#include "flash/flash.h"

struct h5sim_part {
	const char *name;		/* "H563" */
	uint16_t dev_id;		/* DBGMCU_IDCODE.DEV_ID */
	uint16_t rev_id;		/* default REV_ID ([U] for H52x/H53x) */
	enum h5flash_variant variant;
	uint32_t flash_size;		/* bytes, both banks */
	bool trustzone;			/* secure aliases, secure FLASH registers, SECBB... */
	bool crypto;			/* H533/H573 */
	bool has_rsslib;		/* RSSLIB function table at 0x0BF9FB68 */
	uint32_t sram1_size, sram2_size, sram3_size;	/* contiguous from 0x20000000 */
	uint32_t sysmem_size;		/* system memory from 0x0BF80000 */
	uint32_t bootloader_vector;	/* system bootloader entry */
	uint16_t package;		/* default package code (u16 at 0x08FFF80E) */
};

const struct h5sim_part *h5sim_part_find(const char *name);
void h5sim_parts_print(void);

static inline uint32_t h5sim_part_sram_size(const struct h5sim_part *p)
{
	return p->sram1_size + p->sram2_size + p->sram3_size;
}

#endif /* H5SIM_PARTS_H */
