// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim flash model: the two 6-bit-ECC half-word areas. OTP (2 KiB, 32 blocks of 64 bytes,
 * never erased, block lock by OTPBLR_CUR.LOCKBL -> WRPERR) and EDATA (the last N sectors of each
 * bank as 6 KiB of half-words when EDATAxR_CUR.EDATA_EN, N = EDATA_STRT + 1). A half-word that
 * was never written reads 0xFFFF with a double-ECC error (ECCDETR.ECCD, area flag, ADDR_ECC
 * latched only when no flag is set, ECCDR = data, NMI).
 * Facts: h5-flash-ob.md §2.3, §2.4, §3.4 (ECC registers, observed ADDR_ECC values).
 * ADDR_ECC units are [U]: OTP uses 0x600 + half-word index, EDATA uses physical sector * 0x200
 * + byte offset / 4, which reproduces the observed values of §3.4.
 */

#include <string.h>

#include "flash_internal.h"

bool h5flash_edata_sector_enabled(const struct h5flash *f, uint32_t bank, uint32_t k)
{
	uint32_t r;

	if (!f->vi->edata || bank > 1 || k >= EDATA_SECTORS)
		return false;
	r = f->cur.edatar[bank];
	if (!(r & BIT32(15)))
		return false;
	return k >= EDATA_SECTORS - ((r & 7) + 1);
}

static void edata_split(const struct h5flash *f, uint32_t offset, uint32_t *bank, uint32_t *k,
		uint32_t *o)
{
	*bank = offset / (EDATA_SIZE / 2);
	*k = (offset % (EDATA_SIZE / 2)) / EDATA_SECTOR_SIZE;
	*o = offset % EDATA_SECTOR_SIZE;
}

static uint8_t *half_state(struct h5flash *f, enum flash_area area, uint32_t offset, uint8_t **data)
{
	uint32_t bank, k, o;

	if (area == AREA_OTP) {
		*data = &f->otp[offset & ~1u];
		return &f->otp_written[offset / 2];
	}
	edata_split(f, offset, &bank, &k, &o);
	*data = &f->edata[bank][k][o & ~1u];
	return &f->edata_written[bank][k][o / 2];
}

uint32_t h5flash_half_program_check(struct h5flash *f, enum flash_area area, uint32_t offset)
{
	uint8_t *data;
	uint8_t *written = half_state(f, area, offset, &data);

	if (area == AREA_OTP) {
		if ((f->cur.otpblr >> (offset / 64)) & 1)
			return SR_WRPERR;
	} else {
		uint32_t bank, k, o;
		edata_split(f, offset, &bank, &k, &o);
		uint32_t sector = f->sectors_per_bank - EDATA_SECTORS + k;
		if (h5flash_sector_wrp(f, bank, sector) || h5flash_sector_hidden(f, bank, sector))
			return SR_WRPERR;
	}
	return *written ? NOT_ERASED : 0;
}

void h5flash_half_program(struct h5flash *f, enum flash_area area, uint32_t offset,
		const uint8_t *in, bool corrupt)
{
	uint8_t *data;
	uint8_t *written = half_state(f, area, offset, &data);

	if (corrupt) {
		data[0] &= in[0];
		data[1] &= in[1];
		*written = 2;
	} else {
		data[0] = in[0];
		data[1] = in[1];
		*written = 1;
	}
	h5flash_log(f, "program %s offset=0x%05x half-word=0x%04x%s",
			area == AREA_OTP ? "otp" : "edata", offset, data[0] | data[1] << 8,
			corrupt ? " over written half-word: ECC corrupted" : "");
}

void h5flash_ecc_detect(struct h5flash *f, uint32_t flags_addr, uint16_t data)
{
	if (f->eccdetr & ECC_ECCD)
		return;		/* latched only while no flag is set */
	f->eccdetr = ECC_ECCD | flags_addr;
	f->eccdr = data;
	f->nmi_pending = true;
}

void h5flash_half_read(struct h5flash *f, enum flash_area area, uint32_t offset, uint8_t *out2)
{
	uint8_t *data;
	uint8_t *written = half_state(f, area, offset, &data);
	uint32_t flags;

	if (*written == 1) {
		out2[0] = data[0];
		out2[1] = data[1];
		return;
	}
	if (*written == 0) {
		out2[0] = 0xFF;
		out2[1] = 0xFF;
	} else {
		out2[0] = data[0];
		out2[1] = data[1];
	}
	if (area == AREA_OTP) {
		flags = ECC_OTP | ((0x600 + offset / 2) & 0xFFFF);
	} else {
		uint32_t bank, k, o;
		edata_split(f, offset, &bank, &k, &o);
		flags = ECC_DATA | (bank ? ECC_BK : 0) |
			(((f->sectors_per_bank - EDATA_SECTORS + k) * 0x200 + o / 4) & 0xFFFF);
	}
	h5flash_ecc_detect(f, flags, (uint16_t)(out2[0] | out2[1] << 8));
}

void h5flash_edata_erase_sector(struct h5flash *f, uint32_t bank, uint32_t sector)
{
	uint32_t k;

	if (!f->vi->edata || sector < f->sectors_per_bank - EDATA_SECTORS)
		return;
	k = sector - (f->sectors_per_bank - EDATA_SECTORS);
	memset(f->edata[bank][k], 0xFF, EDATA_SECTOR_SIZE);
	memset(f->edata_written[bank][k], 0, EDATA_SECTOR_SIZE / 2);
}
