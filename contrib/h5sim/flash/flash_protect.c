// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim flash model: protection attributes of user-flash sectors: TrustZone security (SECBB
 * bits or the SECWM watermark, only while TZEN=0xB4 is in effect), write protection (WRPSG bit
 * = 0 protects a group of sectors), the HDP areas hidden by the HDPL, and the
 * logical-to-physical bank mapping under SWAP_BANK.
 * Facts: h5-flash-ob.md §2.2, §3.4 (SECBB, SECWMxR, WRPxR, HDPxR, HDPEXTR), §7.2.
 */

#include "flash_internal.h"

bool h5flash_sector_secure(const struct h5flash *f, uint32_t bank, uint32_t sector)
{
	if (!f->tzen_active || bank > 1)
		return false;
	if (f->vi->secbb_regs > sector / 32 && (f->secbb[bank][sector / 32] >> (sector % 32)) & 1)
		return true;
	uint32_t wm = f->cur.secwmr[bank];
	uint32_t strt = wm & f->vi->sector_field_mask;
	uint32_t end = (wm >> 16) & f->vi->sector_field_mask;
	return strt <= end && sector >= strt && sector <= end;
}

bool h5flash_sector_wrp(const struct h5flash *f, uint32_t bank, uint32_t sector)
{
	uint32_t group = sector / f->vi->wrp_group;

	if (bank > 1 || group >= 32)
		return false;
	return !((f->cur.wrpr[bank] & f->vi->wrp_mask) >> group & 1);
}

/* HDP area (HDPxR_CUR) above HDPL1, HDP extension (HDPEXTR) above HDPL2 (§7.2 [I]) */
bool h5flash_sector_hidden(const struct h5flash *f, uint32_t bank, uint32_t sector)
{
	uint32_t m = f->vi->sector_field_mask;
	uint32_t strt = f->cur.hdpr[bank] & m, end = (f->cur.hdpr[bank] >> 16) & m;
	uint32_t ext = (f->hdpextr >> (16 * bank)) & m;

	if (bank > 1 || end < strt)
		return false;
	if (sector >= strt && sector <= end)
		return f->set.hdpl > 1;
	if (sector > end && sector <= end + ext)
		return f->set.hdpl > 2;
	return false;
}

uint32_t h5flash_phys_bank(const struct h5flash *f, uint32_t logical_offset)
{
	uint32_t bank = logical_offset >= f->bank_size ? 1 : 0;
	return f->swap_active ? 1 - bank : bank;
}
