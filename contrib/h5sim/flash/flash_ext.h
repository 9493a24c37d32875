/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim flash model: extensions beyond the flash.h contract. The settings for facts the
 * reference marks [U] (defaults documented in flash.c), the HDPL inputs the model needs from
 * SBS, and the double-ECC NMI line. flash.h stays unchanged; code that does not need these
 * can ignore this header.
 */

#ifndef H5SIM_FLASH_EXT_H
#define H5SIM_FLASH_EXT_H

#include "flash.h"

/* What programming a quad-word that is not erased does (h5-flash-ob.md §5.3 [U]) */
enum h5flash_reprogram_policy {
	H5FLASH_REPROG_PGSERR_AND_CORRUPT,	/* default: PGSERR, cells ANDed, ECC corrupted */
	H5FLASH_REPROG_PGSERR_ONLY,		/* PGSERR, word left unchanged */
	H5FLASH_REPROG_CORRUPT_ONLY,		/* no flag, cells ANDed, ECC corrupted */
};

/* What a refused access to a secure sector does for a write/erase (§10.5 [U]) */
enum h5flash_secure_refusal {
	H5FLASH_SECREF_WRPERR,			/* default: WRPERR, nothing written */
	H5FLASH_SECREF_BUS_ERROR,		/* the bus access itself fails */
};

struct h5flash_settings {
	enum h5flash_reprogram_policy reprogram;
	enum h5flash_secure_refusal secure_write_refusal;
	bool debugger_may_write_regression;	/* default false: 0x9A/0xA3 only from firmware */
	bool provisioning_to_open;		/* default false: Provisioning -> Open refused */
	bool regression_resets_option_bytes;	/* default false: OB kept by a regression */
	bool obk_swap_writes_selector;		/* default false: see obk.c */
	bool obkcfgr_reset_locked;		/* default true: OBKCFGR.LOCK = 1 after reset */
	bool hdp_hidden_reads_zero;		/* default false: hidden HDP reads are bus errors */
	bool tzen_makes_flash_secure;		/* default true: enabling TZ sets SECWM = all */
	uint8_t hdpl;				/* CPU HDPL (SBS), 0..3, default 1 */
	uint8_t obk_hdpl;			/* OBK-HDPL = HDPL + NEXTHDPL, default 1 */
};

void h5flash_get_settings(const struct h5flash *f, struct h5flash_settings *out);
void h5flash_set_settings(struct h5flash *f, const struct h5flash_settings *in);
/* SBS glue: the current HDPL and OBK-HDPL (0..3) */
void h5flash_set_hdpl(struct h5flash *f, uint8_t hdpl, uint8_t obk_hdpl);
/* True once per double-ECC detection (ECCDETR.ECCD newly set): the chip raises an NMI */
bool h5flash_take_nmi(struct h5flash *f);

#endif /* H5SIM_FLASH_EXT_H */
