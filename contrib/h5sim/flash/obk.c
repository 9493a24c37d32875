// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim flash model: OBKeys. Two 8 KiB sectors (current, shown in the OBK window, and
 * alternate), quad-word programming of virgin words only (OBKWERR), slot ownership by HDPL
 * checked against the OBK-HDPL (OBKERR), NS/SECOBKCFGR commands (ALT_SECT, ALT_SECT_ERASE,
 * SWAP_SECT_REQ with SWAP_OFFSET) and the ROM's RSSLIB DataProvisioning service.
 * Facts: h5-flash-ob.md §2.5, §6.1-§6.4, §9.2 (OBK); h5-debug-auth.md §6.3/§6.4.
 *
 * Choices ([I]/[U], see flash.c): the swap selector is the word at index 511 (0x1FF0), owned
 * by no HDPL; a swap is refused with OBKWERR when it is not virgin in the alternate sector,
 * and it is programmed by a swap only when settings.obk_swap_writes_selector is set. A swap
 * raises SWAP_OFFSET to the minimum of the OBK-HDPL (16/144/192), so the keys of lower HDPLs
 * are always carried over. Erasing the alternate sector is allowed at any OBK-HDPL. Reads are
 * not checked against the OBK-HDPL. Programming needs PG in the CR of the alias's register
 * set, not the OBKCFGR unlock (commands do).
 */

#include <string.h>

#include "flash_internal.h"

#define RSS_SUCCESS		0xEAEAEAEAu
#define RSS_ERROR		0xF5F5F5F5u
#define RSS_BAD_PARAM		0xF5F5E0E0u
#define RSS_ENCRYPT		0xF5F5A0AAu
#define RSS_PLAIN		0xCACA0AA0u

static const uint32_t swap_offset_min[4] = { 0, 16, 144, 192 };

int h5flash_obk_owner(uint32_t index)
{
	if (index < 16)
		return 0;
	if (index < 144)
		return 1;
	if (index < 192)
		return 2;
	if (index < OBK_SELECTOR_INDEX)
		return 3;
	return -1;
}

void h5flash_obkcfgr_write(struct h5flash *f, enum reg_set set, uint32_t v)
{
	uint32_t old = f->obkcfgr[set];
	struct pending_op op;

	if (((old ^ v) & OBKCFGR_ALT_SECT) && f->wb.active && f->wb.area == AREA_OBK &&
			f->wb.set == set) {
		h5flash_flag(f, set, SR_OBKERR);
		h5flash_buffer_drop(f);
		h5flash_log(f, "OBK: ALT_SECT changed while the write buffer was filling: OBKERR");
	}
	f->obkcfgr[set] = (old & (OBKCFGR_LOCK | OBKCFGR_SWAP_SECT_REQ | OBKCFGR_ALT_SECT_ERASE)) |
		(v & (OBKCFGR_ALT_SECT | OBKCFGR_SWAP_OFFSET_MSK));
	if (!(v & (OBKCFGR_SWAP_SECT_REQ | OBKCFGR_ALT_SECT_ERASE)))
		return;
	if ((v & OBKCFGR_SWAP_SECT_REQ) && (v & OBKCFGR_ALT_SECT_ERASE)) {
		h5flash_flag(f, set, SR_PGSERR);
		return;
	}
	memset(&op, 0, sizeof(op));
	op.set = set;
	if (v & OBKCFGR_ALT_SECT_ERASE) {
		op.kind = OP_OBK_ALT_ERASE;
		f->obkcfgr[set] |= OBKCFGR_ALT_SECT_ERASE;
	} else {
		uint32_t alt = 1 - f->obk_current;
		if (f->obk_written[alt][OBK_SELECTOR_INDEX]) {
			h5flash_flag(f, set, SR_OBKWERR);
			h5flash_log(f, "OBK swap refused: alternate selector not virgin (OBKWERR)");
			return;
		}
		op.kind = OP_OBK_SWAP;
		op.base = (v & OBKCFGR_SWAP_OFFSET_MSK) >> OBKCFGR_SWAP_OFFSET_POS;
		f->obkcfgr[set] |= OBKCFGR_SWAP_SECT_REQ;
	}
	h5flash_start_op(f, &op, f->cfg.t_sector_erase_ns);
}

static void erase_obk_sector(struct h5flash *f, uint32_t s)
{
	memset(f->obk[s], 0xFF, OBK_SIZE);
	memset(f->obk_written[s], 0, OBK_WORDS);
}

static void swap_sectors(struct h5flash *f, uint32_t offset)
{
	uint32_t cur = f->obk_current, alt = 1 - cur;

	if (offset < swap_offset_min[f->set.obk_hdpl])
		offset = swap_offset_min[f->set.obk_hdpl];
	if (offset > OBK_SELECTOR_INDEX)
		offset = OBK_SELECTOR_INDEX;
	for (uint32_t i = 0; i < offset; i++) {
		if (f->obk_written[alt][i] || !f->obk_written[cur][i])
			continue;
		memcpy(&f->obk[alt][i * QWORD], &f->obk[cur][i * QWORD], QWORD);
		f->obk_written[alt][i] = 1;
	}
	f->obk_current = alt;
	if (f->set.obk_swap_writes_selector) {
		memset(&f->obk[alt][OBK_SELECTOR_INDEX * QWORD], 0, QWORD);
		f->obk_written[alt][OBK_SELECTOR_INDEX] = 1;
	}
	h5flash_log(f, "OBK swap offset=%u: sector %u is now current", offset, alt);
}

void h5flash_obk_done(struct h5flash *f, const struct pending_op *op)
{
	if (op->kind == OP_OBK_ALT_ERASE) {
		erase_obk_sector(f, 1 - f->obk_current);
		f->obkcfgr[op->set] &= ~OBKCFGR_ALT_SECT_ERASE;
		f->stats.sectors_erased++;
		h5flash_log(f, "OBK alternate sector erased");
	} else {
		swap_sectors(f, op->base);
		f->obkcfgr[op->set] &= ~OBKCFGR_SWAP_SECT_REQ;
	}
	h5flash_flag(f, op->set, SR_EOP);
}

uint32_t h5flash_obk_program_check(struct h5flash *f, uint32_t offset, bool alt)
{
	uint32_t index = offset / QWORD;
	uint32_t s = alt ? 1 - f->obk_current : f->obk_current;

	if (h5flash_obk_owner(index) != (int)f->set.obk_hdpl)
		return SR_OBKERR;
	if (f->obk_written[s][index])
		return SR_OBKWERR;
	return 0;
}

void h5flash_obk_program(struct h5flash *f, uint32_t offset, bool alt, const uint8_t *data)
{
	uint32_t s = alt ? 1 - f->obk_current : f->obk_current;

	memcpy(&f->obk[s][offset & ~(QWORD - 1)], data, QWORD);
	f->obk_written[s][offset / QWORD] = 1;
	h5flash_log(f, "program obk %s offset=0x%04x (HDPL%d slot)", alt ? "alternate" : "current",
			offset, h5flash_obk_owner(offset / QWORD));
}

void h5flash_obk_erase_hdpl(struct h5flash *f, uint32_t first_index, uint32_t end_index)
{
	for (uint32_t s = 0; s < 2; s++) {
		memset(&f->obk[s][first_index * QWORD], 0xFF, (end_index - first_index) * QWORD);
		memset(&f->obk_written[s][first_index], 0, end_index - first_index);
	}
}

uint32_t h5flash_rss_data_provisioning(struct h5flash *f, uint32_t dst, const void *src,
		uint32_t len, uint32_t do_encryption)
{
	uint32_t base, off, cur, alt, i;

	if (!f->vi->obk || !src) {
		h5flash_log(f, "rss provisioning refused: no OBK on this part or no source");
		return RSS_ERROR;
	}
	if (h5flash_product_state(f) != PS_PROVISIONING) {
		h5flash_log(f, "rss provisioning refused: product state 0x%02x is not Provisioning",
				h5flash_product_state(f));
		return RSS_ERROR;
	}
	if (do_encryption != RSS_ENCRYPT && do_encryption != RSS_PLAIN) {
		h5flash_log(f, "rss provisioning refused: DoEncryption 0x%08x", do_encryption);
		return RSS_ERROR;
	}
	if (dst >= ADDR_OBK_NS && dst - ADDR_OBK_NS < OBK_SIZE)
		base = ADDR_OBK_NS;
	else if (dst >= ADDR_OBK_S && dst - ADDR_OBK_S < OBK_SIZE)
		base = ADDR_OBK_S;
	else
		base = 0;
	off = dst - base;
	if (!base || off % QWORD || len == 0 || len % QWORD ||
			off < 0x100 || len > OBK_SELECTOR_INDEX * QWORD - off) {
		h5flash_log(f, "rss provisioning refused: dst 0x%08x len %u not an allowed OBK range",
				dst, len);
		return RSS_BAD_PARAM;
	}
	if (f->op.kind != OP_NONE)
		h5flash_advance(f, f->op.remaining_ns);
	/* the ROM rewrites the keys through the alternate sector and swaps */
	cur = f->obk_current;
	alt = 1 - cur;
	erase_obk_sector(f, alt);
	for (i = 0; i < OBK_SELECTOR_INDEX; i++) {
		if (i * QWORD >= off && i * QWORD < off + len) {
			memcpy(&f->obk[alt][i * QWORD], (const uint8_t *)src + (i * QWORD - off), QWORD);
			f->obk_written[alt][i] = 1;
		} else if (f->obk_written[cur][i]) {
			memcpy(&f->obk[alt][i * QWORD], &f->obk[cur][i * QWORD], QWORD);
			f->obk_written[alt][i] = 1;
		}
	}
	f->obk_current = alt;
	f->stats.words_programmed += len / QWORD;
	h5flash_log(f, "rss provisioning dst=0x%08x len=%u %s: ok", dst, len,
			do_encryption == RSS_ENCRYPT ? "encrypted (stored as given)" : "plain");
	return RSS_SUCCESS;
}
