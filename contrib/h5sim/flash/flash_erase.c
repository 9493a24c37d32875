// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim flash model: sector, bank and mass erase of the user flash (SER/BER/MER + STRT, BKSEL
 * = physical bank, SWAP_BANK ignored), their checks (PGSERR on bad combinations, WRPERR with
 * nothing erased when any sector in range is write-protected or of the wrong security), and
 * the partial state an interrupted erase leaves. EDATA content lives in the last 8 sectors of
 * each bank and is erased with them.
 * Facts: h5-flash-ob.md §2.2, §2.3, §3.4 (NSCR), §5.4, §5.5, §9.2 (erase).
 */

#include <string.h>

#include "flash_internal.h"

static bool security_blocks(const struct h5flash *f, enum reg_set set, uint32_t bank, uint32_t sector)
{
	if (!f->tzen_active)
		return false;
	return h5flash_sector_secure(f, bank, sector) != (set == SET_SEC);
}

/* Checks every sector of [first, last] in the banks of mask; returns the SR error or 0 */
static uint32_t range_check(const struct h5flash *f, enum reg_set set, uint32_t bank_mask,
		uint32_t first, uint32_t last)
{
	for (uint32_t b = 0; b < 2; b++) {
		if (!(bank_mask & (1u << b)))
			continue;
		for (uint32_t s = first; s <= last; s++) {
			if (h5flash_sector_wrp(f, b, s) || security_blocks(f, set, b, s) ||
					h5flash_sector_hidden(f, b, s))
				return SR_WRPERR;
		}
	}
	return 0;
}

void h5flash_erase_start(struct h5flash *f, enum reg_set set, uint32_t cr)
{
	uint32_t ops = cr & (CR_SER | CR_BER | CR_MER);
	uint32_t bank = (cr & CR_BKSEL) ? 1 : 0;
	uint32_t snb = (cr >> CR_SNB_POS) & f->vi->snb_mask;
	struct pending_op op;
	uint32_t err = 0;
	uint64_t t;

	memset(&op, 0, sizeof(op));
	op.set = set;
	op.bank = bank;
	op.sector = snb;
	if ((cr & CR_PG) || (ops != CR_SER && ops != CR_BER && ops != CR_MER)) {
		err = SR_PGSERR;
	} else if (ops == CR_SER) {
		if (snb >= f->sectors_per_bank)
			err = SR_PGSERR;
		else
			err = range_check(f, set, 1u << bank, snb, snb);
		op.kind = OP_SECTOR_ERASE;
	} else if (ops == CR_BER) {
		err = range_check(f, set, 1u << bank, 0, f->sectors_per_bank - 1);
		op.kind = OP_BANK_ERASE;
	} else {
		err = range_check(f, set, 3, 0, f->sectors_per_bank - 1);
		op.kind = OP_MASS_ERASE;
	}
	if (err) {
		h5flash_flag(f, set, err);
		f->cr[set] &= ~CR_STRT;
		h5flash_log(f, "erase refused (CR=0x%08x): %s", cr,
				err == SR_WRPERR ? "WRPERR, nothing erased" : "PGSERR");
		return;
	}
	f->cr[set] |= CR_STRT;
	t = op.kind == OP_SECTOR_ERASE ? f->cfg.t_sector_erase_ns : f->cfg.t_bank_erase_ns;
	h5flash_start_op(f, &op, op.kind == OP_MASS_ERASE ? 2 * t : t);
}

void h5flash_erase_sector_now(struct h5flash *f, uint32_t bank, uint32_t sector)
{
	uint32_t base = bank * f->bank_size + sector * SECTOR_SIZE;

	memset(f->user + base, 0xFF, SECTOR_SIZE);
	memset(f->user_programmed + base / QWORD, 0, SECTOR_SIZE / QWORD);
	memset(f->user_ecc_bad + base / QWORD, 0, SECTOR_SIZE / QWORD);
	h5flash_edata_erase_sector(f, bank, sector);
	f->stats.sectors_erased++;
}

void h5flash_erase_done(struct h5flash *f, const struct pending_op *op)
{
	uint32_t b, s;

	switch (op->kind) {
	case OP_SECTOR_ERASE:
		h5flash_erase_sector_now(f, op->bank, op->sector);
		h5flash_log(f, "erase sector bank=%u sector=%u", op->bank + 1, op->sector);
		break;
	case OP_BANK_ERASE:
		for (s = 0; s < f->sectors_per_bank; s++)
			h5flash_erase_sector_now(f, op->bank, s);
		h5flash_log(f, "erase bank=%u", op->bank + 1);
		break;
	case OP_MASS_ERASE:
		for (b = 0; b < 2; b++)
			for (s = 0; s < f->sectors_per_bank; s++)
				h5flash_erase_sector_now(f, b, s);
		h5flash_log(f, "mass erase");
		break;
	default:
		return;
	}
	h5flash_flag(f, op->set, SR_EOP);
}

/* Interrupted erase: see the power-loss notes in flash.c */
void h5flash_erase_partial(struct h5flash *f, const struct pending_op *op)
{
	uint32_t b, s, half;

	switch (op->kind) {
	case OP_SECTOR_ERASE: {
		uint32_t base = op->bank * f->bank_size + op->sector * SECTOR_SIZE;
		memset(f->user + base, 0xFF, SECTOR_SIZE / 2);
		memset(f->user_programmed + base / QWORD, 0, SECTOR_SIZE / QWORD / 2);
		memset(f->user_ecc_bad + base / QWORD, 0, SECTOR_SIZE / QWORD / 2);
		if (op->sector >= f->sectors_per_bank - EDATA_SECTORS && f->vi->edata) {
			uint32_t k = op->sector - (f->sectors_per_bank - EDATA_SECTORS);
			memset(f->edata[op->bank][k], 0xFF, EDATA_SECTOR_SIZE / 2);
			memset(f->edata_written[op->bank][k], 0, EDATA_SECTOR_SIZE / 4);
		}
		h5flash_log(f, "interrupted erase bank=%u sector=%u: first half erased",
				op->bank + 1, op->sector);
		break;
	}
	case OP_BANK_ERASE:
	case OP_MASS_ERASE:
		half = f->sectors_per_bank / 2;
		for (b = 0; b < 2; b++) {
			if (op->kind == OP_BANK_ERASE && b != op->bank)
				continue;
			for (s = 0; s < half; s++)
				h5flash_erase_sector_now(f, b, s);
		}
		h5flash_log(f, "interrupted %s erase: sectors 0..%u erased",
				op->kind == OP_BANK_ERASE ? "bank" : "mass", half - 1);
		break;
	case OP_OBK_ALT_ERASE: {
		uint32_t alt = 1 - f->obk_current;
		memset(f->obk[alt], 0xFF, OBK_SIZE / 2);
		memset(f->obk_written[alt], 0, OBK_WORDS / 2);
		h5flash_log(f, "interrupted OBK alternate erase: first half erased");
		break;
	}
	default:
		break;
	}
}
