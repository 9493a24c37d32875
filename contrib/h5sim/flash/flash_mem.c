// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim flash model: the memory windows (user flash, system flash, OTP, RO area, OBK, EDATA,
 * with their secure aliases), bus reads with the ECC behaviour of each area, and the routing of
 * bus writes to the write buffer with the register set the alias selects.
 * Facts: h5-flash-ob.md §1.1, §2.1, §2.3, §2.4, §3.4 (ECC), §5.8.
 *
 * Choices ([I]/[U], see flash.c): secure aliases exist only while TZEN=0xB4 is in effect and
 * only for secure masters; with TZ on, the alias must match the security of the sector
 * (reads: bus error; writes: WRPERR or bus error per settings). System flash and the RO area
 * refuse writes with a bus error. A read while an operation runs stalls until it ends.
 * Sectors hidden by HDP (flash_protect.c) give a bus error on read (or zeros, per settings);
 * programming them is refused with WRPERR when the buffer is launched.
 */

#include <string.h>

#include "flash_internal.h"

enum window { WIN_NONE, WIN_USER, WIN_SYSF, WIN_OTP, WIN_RO, WIN_OBK, WIN_EDATA };

struct decoded {
	enum window win;
	bool secure_alias;
	uint32_t offset;
	uint32_t size;
};

static struct decoded decode(const struct h5flash *f, uint32_t addr)
{
	const struct h5flash_variant_info *vi = f->vi;
	struct decoded d = { WIN_NONE, false, 0, 0 };
	const struct {
		enum window win;
		uint32_t base, size;
		bool secure, present;
	} map[] = {
		{ WIN_USER, ADDR_FLASH_NS, f->cfg.flash_size, false, true },
		{ WIN_USER, ADDR_FLASH_S, f->cfg.flash_size, true, vi->trustzone },
		{ WIN_SYSF, ADDR_SYSF_NS, vi->system_flash_size, false, true },
		{ WIN_SYSF, ADDR_SYSF_S, vi->system_flash_size, true, vi->trustzone },
		{ WIN_OTP, ADDR_OTP, OTP_SIZE, false, true },
		{ WIN_RO, ADDR_RO, RO_SIZE, false, true },
		{ WIN_OBK, ADDR_OBK_NS, OBK_SIZE, false, vi->obk },
		{ WIN_OBK, ADDR_OBK_S, OBK_SIZE, true, vi->obk },
		{ WIN_EDATA, ADDR_EDATA_NS, EDATA_SIZE, false, vi->edata },
		{ WIN_EDATA, ADDR_EDATA_S, EDATA_SIZE, true, vi->edata },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		if (!map[i].present || addr < map[i].base || addr - map[i].base >= map[i].size)
			continue;
		d.win = map[i].win;
		d.secure_alias = map[i].secure;
		d.offset = addr - map[i].base;
		d.size = map[i].size;
		break;
	}
	return d;
}

bool h5flash_owns(const struct h5flash *f, uint32_t addr)
{
	return decode(f, addr).win != WIN_NONE;
}

/* Physical bank/sector behind a user-flash or EDATA window offset */
static void user_location(const struct h5flash *f, uint32_t offset, uint32_t *bank, uint32_t *sector)
{
	*bank = h5flash_phys_bank(f, offset);
	*sector = (offset % f->bank_size) / SECTOR_SIZE;
}

static void edata_location(const struct h5flash *f, uint32_t offset, uint32_t *bank,
		uint32_t *k, uint32_t *sector)
{
	*bank = offset / (EDATA_SIZE / 2);
	*k = (offset % (EDATA_SIZE / 2)) / EDATA_SECTOR_SIZE;
	*sector = f->sectors_per_bank - EDATA_SECTORS + *k;
}

/* TrustZone check of one access. Returns true when the alias fits the sector. */
static bool security_fits(const struct h5flash *f, const struct decoded *d)
{
	uint32_t bank, sector, k;

	if (!f->tzen_active)
		return true;
	if (d->win == WIN_USER)
		user_location(f, d->offset, &bank, &sector);
	else if (d->win == WIN_EDATA)
		edata_location(f, d->offset, &bank, &k, &sector);
	else
		return true;
	return h5flash_sector_secure(f, bank, sector) == d->secure_alias;
}

/* Does [offset, offset + len) of a user/EDATA window touch a sector hidden by HDP? */
static bool range_hidden(const struct h5flash *f, const struct decoded *d, uint32_t len)
{
	uint32_t bank, sector, k;

	for (uint32_t o = d->offset; o < d->offset + len; o++) {
		if (d->win == WIN_USER)
			user_location(f, o, &bank, &sector);
		else if (d->win == WIN_EDATA)
			edata_location(f, o, &bank, &k, &sector);
		else
			return false;
		if (h5flash_sector_hidden(f, bank, sector))
			return true;
	}
	return false;
}

static bool alias_allowed(const struct h5flash *f, const struct decoded *d,
		const struct h5flash_access *acc)
{
	if (!d->secure_alias)
		return true;
	return f->tzen_active && acc->secure;
}

static void stall(struct h5flash *f)
{
	if (f->op.kind != OP_NONE)
		h5flash_advance(f, f->op.remaining_ns);
}

static void read_user(struct h5flash *f, uint32_t offset, uint8_t *out, uint32_t len)
{
	uint32_t last_word = UINT32_MAX;

	for (uint32_t i = 0; i < len; i++) {
		uint32_t o = offset + i;
		uint32_t phys = h5flash_phys_bank(f, o) * f->bank_size + o % f->bank_size;
		uint32_t w = phys / QWORD;
		out[i] = f->user[phys];
		if (w != last_word && f->user_ecc_bad[w]) {
			uint32_t flags = ((phys % f->bank_size) / QWORD) & 0xFFFFu;
			if (phys >= f->bank_size)
				flags |= ECC_BK;
			h5flash_ecc_detect(f, flags,
					(uint16_t)(f->user[w * QWORD] | f->user[w * QWORD + 1] << 8));
		}
		last_word = w;
	}
}

static void read_ro(const struct h5flash *f, uint32_t offset, uint8_t *out, uint32_t len)
{
	uint8_t ro[RO_SIZE];
	uint32_t kib = f->cfg.flash_size / 1024;

	memset(ro, 0xFF, sizeof(ro));
	memcpy(ro, f->cfg.uid, 12);
	ro[0x0C] = kib & 0xFF;
	ro[0x0D] = kib >> 8;
	ro[0x0E] = f->cfg.package & 0xFF;
	ro[0x0F] = f->cfg.package >> 8;
	memcpy(out, ro + offset, len);
}

static void read_halfwords(struct h5flash *f, enum flash_area area, uint32_t offset,
		uint8_t *out, uint32_t len)
{
	uint32_t first = offset & ~1u, end = offset + len;
	uint8_t hw[2];

	for (uint32_t o = first; o < end; o += 2) {
		h5flash_half_read(f, area, o, hw);
		for (uint32_t j = 0; j < 2; j++)
			if (o + j >= offset && o + j < end)
				out[o + j - offset] = hw[j];
	}
}

enum h5flash_bus h5flash_mem_read(struct h5flash *f, uint32_t addr, const struct h5flash_access *acc,
		void *buf, uint32_t len)
{
	struct decoded d = decode(f, addr);
	uint8_t *out = buf;

	if (d.win == WIN_NONE || len == 0 || len > d.size - d.offset)
		return H5FLASH_BUS_ERROR;
	if (!alias_allowed(f, &d, acc))
		return H5FLASH_BUS_ERROR;
	stall(f);
	/* security per sector: check first and last byte (a read never spans many sectors) */
	for (uint32_t o = d.offset; o < d.offset + len; o += SECTOR_SIZE / 4) {
		struct decoded p = d;
		p.offset = o;
		if (!security_fits(f, &p))
			return H5FLASH_BUS_ERROR;
	}
	struct decoded last = d;
	last.offset = d.offset + len - 1;
	if (!security_fits(f, &last))
		return H5FLASH_BUS_ERROR;

	if (range_hidden(f, &d, len)) {
		if (!f->set.hdp_hidden_reads_zero)
			return H5FLASH_BUS_ERROR;
		memset(out, 0, len);
		return H5FLASH_BUS_OK;
	}

	switch (d.win) {
	case WIN_USER:
		read_user(f, d.offset, out, len);
		break;
	case WIN_SYSF:
		memset(out, 0xFF, len);	/* the caller overlays the ROM */
		break;
	case WIN_OTP:
		read_halfwords(f, AREA_OTP, d.offset, out, len);
		break;
	case WIN_RO:
		read_ro(f, d.offset, out, len);
		break;
	case WIN_OBK:
		memcpy(out, &f->obk[f->obk_current][d.offset], len);
		break;
	case WIN_EDATA:
		for (uint32_t o = d.offset; o < d.offset + len; o++) {
			uint32_t bank, k, sector;
			edata_location(f, o, &bank, &k, &sector);
			if (!h5flash_edata_sector_enabled(f, bank, k))
				return H5FLASH_BUS_ERROR;
		}
		read_halfwords(f, AREA_EDATA, d.offset, out, len);
		break;
	case WIN_NONE:
		return H5FLASH_BUS_ERROR;
	}
	return H5FLASH_BUS_OK;
}

enum h5flash_bus h5flash_mem_write(struct h5flash *f, uint32_t addr, const struct h5flash_access *acc,
		uint32_t value, uint32_t len)
{
	struct decoded d = decode(f, addr);
	enum reg_set set;
	uint32_t offset, bank, sector, k;

	if (d.win == WIN_NONE || (len != 1 && len != 2 && len != 4) || addr % len != 0 ||
			len > d.size - d.offset)
		return H5FLASH_BUS_ERROR;
	if (!alias_allowed(f, &d, acc))
		return H5FLASH_BUS_ERROR;
	set = d.secure_alias ? SET_SEC : SET_NS;

	switch (d.win) {
	case WIN_USER:
		if (!security_fits(f, &d)) {
			if (f->set.secure_write_refusal == H5FLASH_SECREF_BUS_ERROR)
				return H5FLASH_BUS_ERROR;
			h5flash_flag(f, set, SR_WRPERR);
			h5flash_log(f, "program refused: 0x%08x security does not match the alias", addr);
			return H5FLASH_BUS_OK;
		}
		user_location(f, d.offset, &bank, &sector);
		offset = bank * f->bank_size + d.offset % f->bank_size;
		return h5flash_buffer_write(f, set, AREA_USER, offset, acc->secure, value, len);
	case WIN_OTP:
		/* OTP is always programmed through NSCR (§2.4) */
		return h5flash_buffer_write(f, SET_NS, AREA_OTP, d.offset, acc->secure, value, len);
	case WIN_EDATA:
		edata_location(f, d.offset, &bank, &k, &sector);
		if (!h5flash_edata_sector_enabled(f, bank, k))
			return H5FLASH_BUS_ERROR;
		if (!security_fits(f, &d)) {
			if (f->set.secure_write_refusal == H5FLASH_SECREF_BUS_ERROR)
				return H5FLASH_BUS_ERROR;
			h5flash_flag(f, set, SR_WRPERR);
			return H5FLASH_BUS_OK;
		}
		return h5flash_buffer_write(f, set, AREA_EDATA, d.offset, acc->secure, value, len);
	case WIN_OBK:
		return h5flash_buffer_write(f, set, AREA_OBK, d.offset, acc->secure, value, len);
	case WIN_SYSF:
	case WIN_RO:
	case WIN_NONE:
		break;
	}
	return H5FLASH_BUS_ERROR;
}
