/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The stm32h5x flash driver's interface: the loader ABI shared with the on-target flash loader
 * (contrib/loaders/flash/stm32h5/), the FLASH register and bit names (h5-flash-ob.md §3), and
 * what the driver exports to the lifecycle library in src/target/stm32h5/ (driver-api.md).
 */

#ifndef OPENOCD_FLASH_NOR_STM32H5X_H
#define OPENOCD_FLASH_NOR_STM32H5X_H

#include <stdint.h>

/* ---- FLASH controller: bases, offsets, bits (h5-flash-ob.md §3) -------------------------- */

#define STM32H5X_FLASH_REGS_NS		0x40022000u
#define STM32H5X_FLASH_REGS_S		0x50022000u

/* registers that exist once, at the non-secure block */
#define STM32H5X_OPTKEYR		0x00Cu
#define STM32H5X_OPSR			0x018u
#define STM32H5X_OPTCR			0x01Cu
#define STM32H5X_OPTSR_CUR		0x050u
#define STM32H5X_OPTSR_PRG		0x054u
#define STM32H5X_OPTSR2_CUR		0x070u
#define STM32H5X_OPTSR2_PRG		0x074u
#define STM32H5X_OTPBLR_CUR		0x090u
#define STM32H5X_OTPBLR_PRG		0x094u
#define STM32H5X_SECBB1R1		0x0A0u	/* secure block; bank 2 at +0x100 */
#define STM32H5X_WRP1R_CUR		0x0E8u	/* bank 2 at +0x100 */
#define STM32H5X_WRP1R_PRG		0x0ECu
#define STM32H5X_EDATA1R_CUR		0x0F0u
#define STM32H5X_EDATA1R_PRG		0x0F4u
#define STM32H5X_BANK2_REG_DELTA	0x100u
#define STM32H5X_LAST_REG		0x1FCu

/* NSSR / SECSR */
#define STM32H5X_SR_BSY			0x00000001u
#define STM32H5X_SR_WBNE		0x00000002u
#define STM32H5X_SR_DBNE		0x00000008u
#define STM32H5X_SR_EOP			0x00010000u
#define STM32H5X_SR_WRPERR		0x00020000u
#define STM32H5X_SR_PGSERR		0x00040000u
#define STM32H5X_SR_STRBERR		0x00080000u
#define STM32H5X_SR_INCERR		0x00100000u
#define STM32H5X_SR_OBKERR		0x00200000u
#define STM32H5X_SR_OBKWERR		0x00400000u
#define STM32H5X_SR_OPTCHANGEERR	0x00800000u
#define STM32H5X_SR_BUSY_MASK		(STM32H5X_SR_BSY | STM32H5X_SR_WBNE | STM32H5X_SR_DBNE)
#define STM32H5X_SR_ERROR_MASK		0x00FE0000u	/* bits 17..23 */

/* NSCR / SECCR */
#define STM32H5X_CR_LOCK		0x00000001u
#define STM32H5X_CR_PG			0x00000002u
#define STM32H5X_CR_SER			0x00000004u
#define STM32H5X_CR_BER			0x00000008u
#define STM32H5X_CR_FW			0x00000010u
#define STM32H5X_CR_STRT		0x00000020u
#define STM32H5X_CR_SNB_SHIFT		6
#define STM32H5X_CR_MER			0x00008000u
#define STM32H5X_CR_BKSEL		0x80000000u

/* OPTCR */
#define STM32H5X_OPTCR_OPTLOCK		0x00000001u
#define STM32H5X_OPTCR_OPTSTRT		0x00000002u
#define STM32H5X_OPTCR_SWAP_BANK	0x80000000u

/* keys */
#define STM32H5X_KEY1			0x45670123u
#define STM32H5X_KEY2			0xCDEF89ABu
#define STM32H5X_OPTKEY1		0x08192A3Bu
#define STM32H5X_OPTKEY2		0x4C5D6E7Fu

/* EDATAxR */
#define STM32H5X_EDATA_EN		0x00008000u
#define STM32H5X_EDATA_STRT_MASK	0x7u

/* the programming unit of user flash: one 128-bit flash word */
#define STM32H5X_FLASH_WORD		16u

/* ---- loader ABI (the loader is built with -DSTM32H5X_LOADER_BUILD) ------------------------ */

#define STM32H5X_LDR_STACK_SIZE		64u

/* Written by the host at the start of the work area; the loader writes words_done back. */
struct stm32h5x_loader_params {
	uint32_t flash_sr_addr;		/* NSSR or SECSR */
	uint32_t flash_cr_addr;		/* NSCR or SECCR */
	uint32_t error_mask;		/* SR bits that end the loader */
	uint32_t words_done;		/* flash words programmed without error (out) */
};

/* Work area: params, loader stack, then the FIFO of target_run_flash_async_algorithm
 * (its first word is the write pointer, the second the read pointer, then data). */
struct stm32h5x_work_area {
	struct stm32h5x_loader_params params;
	uint8_t stack[STM32H5X_LDR_STACK_SIZE];
	struct {
		uint32_t wp;
		uint32_t rp;
	} fifo;
};

#ifndef STM32H5X_LOADER_BUILD

#include <stdbool.h>
#include "target/stm32h5/family.h"

struct flash_bank;
struct target;

/* One row of the driver's parts table. */
struct stm32h5x_rev {
	uint16_t rev_id;
	const char *name;
};

struct stm32h5x_part_info {
	uint16_t dev_id;
	const char *name;			/* "STM32H56x/H57x" */
	enum h5_family family;
	bool has_trustzone, has_obk, has_edata;
	unsigned int max_flash_kb;
	const char *rm;				/* reference manual */
	const struct stm32h5x_rev *revs;
	unsigned int num_revs;
	unsigned int wrp_sectors_per_group;	/* sectors per WRPSG bit */
	unsigned int wrp_bits;			/* WRPSG bits per bank register */
	unsigned int secbb_regs_per_bank;	/* SECBBxR1..Rn (0: no TrustZone) */
	unsigned int edata_sectors_per_bank;	/* max sectors that may become EDATA */
	uint32_t sr_error_mask;			/* SR error bits that exist on the line */
};

struct stm32h5x_ob_write {
	uint32_t offset;	/* offset in the NS FLASH register block of a *_PRG register */
	uint32_t value;
	uint32_t mask;		/* bits of value to write; other bits keep their current value */
};

/* The probed stm32h5x bank of this target (the first declared), probing it if needed.
 * Returns ERROR_FAIL with a LOG_ERROR naming the problem if there is none or probe fails. */
int stm32h5x_bank_of_target(struct target *target, struct flash_bank **bank);
const struct stm32h5x_part_info *stm32h5x_part(struct flash_bank *bank);

/* Reads a FLASH register at NS-block offset (e.g. 0x50 OPTSR_CUR, 0x70 OPTSR2_CUR). */
int stm32h5x_read_reg(struct flash_bank *bank, uint32_t offset, uint32_t *value);

/* One option-byte programming cycle (non-secure register set, OPTCR always re-locked, the
 * errors reported by name; returns ERROR_FLASH_OPERATION_FAILED on a flash error). Marks every
 * stm32h5x bank of the target for re-probe. */
int stm32h5x_option_program(struct flash_bank *bank, const struct stm32h5x_ob_write *writes,
		unsigned int count);

/* Programs OTP half-words (addr in 0x08FFF000..0x08FFF7FF, even, len even). Does NOT lock. */
int stm32h5x_otp_program(struct flash_bank *bank, uint32_t addr, const uint8_t *buf, uint32_t len);

#endif /* STM32H5X_LOADER_BUILD */

#endif /* OPENOCD_FLASH_NOR_STM32H5X_H */
