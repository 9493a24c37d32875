// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim flash model: the write buffer and programming. User flash and OBK are programmed one
 * 128-bit quad-word at a time through a 16-byte buffer filled by accesses of any width (each
 * byte once: STRBERR otherwise); OTP and EDATA one half-word at a time through a 2-byte buffer
 * (6-bit ECC path, DBNE). FW forces a partly filled buffer out with the missing bytes = 0xFF.
 * Facts: h5-flash-ob.md §3.4 (SR/CR), §5.3, §5.7, §9.2 (write buffer).
 */

#include <string.h>

#include "flash_internal.h"

static const char *const area_name[] = {
	[AREA_USER] = "user", [AREA_OBK] = "obk", [AREA_OTP] = "otp", [AREA_EDATA] = "edata",
};

void h5flash_buffer_drop(struct h5flash *f)
{
	memset(&f->wb, 0, sizeof(f->wb));
}

static uint32_t user_program_check(struct h5flash *f, uint32_t phys)
{
	uint32_t bank = phys / f->bank_size;
	uint32_t sector = (phys % f->bank_size) / SECTOR_SIZE;
	uint32_t err = 0;

	if (h5flash_sector_wrp(f, bank, sector) || h5flash_sector_hidden(f, bank, sector))
		return SR_WRPERR;
	if (f->user_programmed[phys / QWORD])
		err |= NOT_ERASED;
	return err;
}

/* The buffer is complete (or forced): check and start programming */
static void launch(struct h5flash *f)
{
	struct write_buffer wb = f->wb;
	struct pending_op op;
	uint32_t err;

	h5flash_buffer_drop(f);
	memset(&op, 0, sizeof(op));
	op.set = wb.set;
	op.area = wb.area;
	op.base = wb.base;
	op.width = wb.width;
	op.obk_alt = wb.obk_alt;
	memcpy(op.data, wb.data, sizeof(op.data));

	switch (wb.area) {
	case AREA_USER:
		err = user_program_check(f, wb.base);
		break;
	case AREA_OBK:
		err = h5flash_obk_program_check(f, wb.base, wb.obk_alt);
		break;
	default:
		err = h5flash_half_program_check(f, wb.area, wb.base);
		break;
	}
	if (err & NOT_ERASED) {
		err &= ~NOT_ERASED;
		switch (f->set.reprogram) {
		case H5FLASH_REPROG_PGSERR_AND_CORRUPT:
			err |= SR_PGSERR;
			op.corrupt = true;
			break;
		case H5FLASH_REPROG_PGSERR_ONLY:
			err |= SR_PGSERR;
			break;
		case H5FLASH_REPROG_CORRUPT_ONLY:
			op.corrupt = true;
			break;
		}
		if (!op.corrupt) {
			h5flash_flag(f, wb.set, err);
			h5flash_log(f, "program %s offset=0x%05x refused: not erased",
					area_name[wb.area], wb.base);
			return;
		}
	}
	if (err && !op.corrupt) {
		h5flash_flag(f, wb.set, err);
		h5flash_log(f, "program %s offset=0x%05x refused: sr flags 0x%08x",
				area_name[wb.area], wb.base, err);
		return;
	}
	h5flash_flag(f, wb.set, err);	/* PGSERR of a program over a non-erased word */
	op.kind = wb.width == QWORD ? OP_PROGRAM : OP_PROGRAM_HALF;
	h5flash_start_op(f, &op, wb.width == QWORD ? f->cfg.t_program_ns : f->cfg.t_program_half_ns);
}

void h5flash_program_done(struct h5flash *f, const struct pending_op *op)
{
	uint32_t i;

	switch (op->area) {
	case AREA_USER: {
		uint32_t w = op->base / QWORD;
		for (i = 0; i < QWORD; i++) {
			if (op->corrupt)
				f->user[op->base + i] &= op->data[i];
			else
				f->user[op->base + i] = op->data[i];
		}
		f->user_programmed[w] = 1;
		f->user_ecc_bad[w] = op->corrupt;
		h5flash_log(f, "program user bank=%u sector=%u offset=0x%05x%s",
				op->base / f->bank_size + 1, (op->base % f->bank_size) / SECTOR_SIZE,
				op->base % f->bank_size, op->corrupt ? " over non-erased word: ECC corrupted" : "");
		break;
	}
	case AREA_OBK:
		h5flash_obk_program(f, op->base, op->obk_alt, op->data);
		break;
	case AREA_OTP:
	case AREA_EDATA:
		h5flash_half_program(f, op->area, op->base, op->data, op->corrupt);
		break;
	}
	f->stats.words_programmed++;
	h5flash_flag(f, op->set, SR_EOP);
}

static enum h5flash_bus write_part(struct h5flash *f, enum reg_set set, enum flash_area area,
		uint32_t offset, bool secure, uint32_t value, uint32_t len)
{
	uint32_t width = (area == AREA_OTP || area == AREA_EDATA) ? 2 : QWORD;
	uint32_t base = offset & ~(width - 1), pos = offset & (width - 1);
	uint32_t cr = f->cr[set];
	uint32_t i;

	if (f->op.kind != OP_NONE)
		h5flash_advance(f, f->op.remaining_ns);	/* the bus stalls while BSY */
	if (!(cr & CR_PG) || (cr & (CR_SER | CR_BER | CR_MER))) {
		h5flash_flag(f, set, SR_PGSERR);
		h5flash_log(f, "write %s offset=0x%05x refused: PGSERR (CR=0x%08x)",
				area_name[area], offset, cr);
		return H5FLASH_BUS_OK;
	}
	if (f->wb.active && (f->wb.area != area || f->wb.base != base || f->wb.secure != secure ||
			f->wb.set != set)) {
		h5flash_flag(f, f->wb.set, SR_INCERR);
		h5flash_log(f, "write %s offset=0x%05x: INCERR, buffer dropped",
				area_name[area], offset);
		h5flash_buffer_drop(f);
		return H5FLASH_BUS_OK;
	}
	if (!f->wb.active) {
		f->wb.active = true;
		f->wb.set = set;
		f->wb.area = area;
		f->wb.secure = secure;
		f->wb.base = base;
		f->wb.width = width;
		f->wb.obk_alt = f->obkcfgr[set] & OBKCFGR_ALT_SECT;
		memset(f->wb.data, 0xFF, sizeof(f->wb.data));
		f->wb.filled = 0;
	}
	for (i = 0; i < len; i++) {
		uint16_t bit = (uint16_t)(1u << (pos + i));
		if (f->wb.filled & bit) {
			h5flash_flag(f, set, SR_STRBERR);
			h5flash_log(f, "write %s offset=0x%05x: STRBERR, buffer dropped",
					area_name[area], offset);
			h5flash_buffer_drop(f);
			return H5FLASH_BUS_OK;
		}
		f->wb.data[pos + i] = (value >> (8 * i)) & 0xFF;
		f->wb.filled |= bit;
	}
	if (f->wb.filled == (uint16_t)((1u << width) - 1))
		launch(f);
	return H5FLASH_BUS_OK;
}

enum h5flash_bus h5flash_buffer_write(struct h5flash *f, enum reg_set set, enum flash_area area,
		uint32_t offset, bool secure, uint32_t value, uint32_t len)
{
	/* a 32-bit access to a half-word area is two half-word programs, one after the other */
	if ((area == AREA_OTP || area == AREA_EDATA) && len == 4) {
		enum h5flash_bus r = write_part(f, set, area, offset, secure, value & 0xFFFF, 2);
		if (r != H5FLASH_BUS_OK)
			return r;
		return write_part(f, set, area, offset + 2, secure, value >> 16, 2);
	}
	return write_part(f, set, area, offset, secure, value, len);
}

void h5flash_force_write(struct h5flash *f, enum reg_set set, bool secure)
{
	if (!f->wb.active || f->wb.set != set || f->wb.secure != secure)
		return;
	h5flash_log(f, "force write %s offset=0x%05x filled mask=0x%04x",
			area_name[f->wb.area], f->wb.base, f->wb.filled);
	launch(f);
}
