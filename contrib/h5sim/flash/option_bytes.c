// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim flash model: option bytes. The non-volatile store, the _CUR and _PRG registers, the
 * OPTSTRT change (the rules that refuse it with OPTCHANGEERR and change nothing), the
 * product-state transition table, what takes effect at the next reset (OPTCR.SWAP_BANK, TZEN,
 * boot address) and the full / NS regressions.
 * Facts: h5-flash-ob.md §3.4 (OPTSR, OPTSR2, BOOTR, OTPBLR, WRP, SECWM, EDATA, HDP), §4.2-§4.6,
 * §5.6, §9.2. The [U] choices are listed in flash.c.
 */

#include <stddef.h>
#include <string.h>

#include "flash_internal.h"

#define OPTSR_PSTATE_MASK	0x0000FF00u
#define OPTSR_BOOT_UBE_POS	22
#define OPTSR_BOOT_UBE_MASK	(0xFFu << OPTSR_BOOT_UBE_POS)
#define OPTSR_SWAP_BANK		BIT32(31)
#define BOOTR_ADDR_MASK		0xFFFFFF00u
#define BOOTR_LOCK_MASK		0x000000FFu

static bool pstate_valid(uint8_t ps)
{
	switch (ps) {
	case PS_OPEN: case PS_PROVISIONING: case PS_IROT_PROVISIONED: case PS_TZ_CLOSED:
	case PS_CLOSED: case PS_LOCKED: case PS_REGRESSION: case PS_NS_REGRESSION:
		return true;
	default:
		return false;
	}
}

void h5flash_ob_defaults(struct h5flash *f, struct h5flash_ob *ob)
{
	const struct h5flash_variant_info *vi = f->vi;
	uint32_t field = vi->sector_field_mask;

	memset(ob, 0, sizeof(*ob));
	ob->optsr = f->cfg.optsr_factory & vi->optsr_mask;
	if (!pstate_valid((ob->optsr >> 8) & 0xFF))
		ob->optsr = (ob->optsr & ~OPTSR_PSTATE_MASK) | (uint32_t)PS_OPEN << 8;
	if (vi->boot_ube) {
		uint32_t ube = (ob->optsr & OPTSR_BOOT_UBE_MASK) >> OPTSR_BOOT_UBE_POS;
		if (ube != MAGIC_ON && ube != MAGIC_OFF)
			ob->optsr = (ob->optsr & ~OPTSR_BOOT_UBE_MASK) |
				(uint32_t)MAGIC_ON << OPTSR_BOOT_UBE_POS;
	}
	ob->optsr2 = f->cfg.optsr2_factory & vi->optsr2_mask;
	if (vi->trustzone) {
		uint32_t tz = ob->optsr2 >> 24;
		if (tz != MAGIC_ON && tz != MAGIC_OFF)
			ob->optsr2 = (ob->optsr2 & 0x00FFFFFFu) | (uint32_t)MAGIC_OFF << 24;
	}
	ob->nsbootr = ADDR_FLASH_NS | MAGIC_OFF;
	if (vi->trustzone) {
		ob->secbootr = ADDR_FLASH_S | MAGIC_OFF;
		ob->secwmr[0] = ob->secwmr[1] = 1 & field;	/* STRT=1, END=0: nothing secure */
	}
	ob->otpblr = 0;
	ob->wrpr[0] = ob->wrpr[1] = vi->wrp_mask;
	ob->hdpr[0] = ob->hdpr[1] = 1;			/* STRT=1, END=0: no HDP area */
	ob->edatar[0] = ob->edatar[1] = 0;
}

/* Register offset -> option-byte field, and the bits it holds */
static uint32_t *ob_field(struct h5flash_ob *ob, uint32_t off, uint32_t *mask,
		const struct h5flash_variant_info *vi)
{
	uint32_t field = vi->sector_field_mask | vi->sector_field_mask << 16;
	uint32_t base = off & ~4u;	/* _CUR and _PRG differ by 4 */
	uint32_t bank = 0;

	if (base >= REG_SECWM1R_CUR + REG_BANK2_DELTA) {
		base -= REG_BANK2_DELTA;
		bank = 1;
	}
	switch (base) {
	case REG_OPTSR_CUR: *mask = vi->optsr_mask; return &ob->optsr;
	case REG_OPTSR2_CUR: *mask = vi->optsr2_mask; return &ob->optsr2;
	case REG_NSEPOCHR_CUR: *mask = 0x00FFFFFF; return &ob->nsepochr;
	case REG_SECEPOCHR_CUR: *mask = 0x00FFFFFF; return vi->trustzone ? &ob->secepochr : NULL;
	case REG_NSBOOTR_CUR: *mask = 0xFFFFFFFF; return &ob->nsbootr;
	case REG_SECBOOTR_CUR: *mask = 0xFFFFFFFF; return vi->trustzone ? &ob->secbootr : NULL;
	case REG_OTPBLR_CUR: *mask = 0xFFFFFFFF; return &ob->otpblr;
	case REG_SECWM1R_CUR: *mask = field; return vi->trustzone ? &ob->secwmr[bank] : NULL;
	case REG_WRP1R_CUR: *mask = vi->wrp_mask; return &ob->wrpr[bank];
	case REG_EDATA1R_CUR: *mask = 0x8007; return vi->edata ? &ob->edatar[bank] : NULL;
	case REG_HDP1R_CUR: *mask = field; return &ob->hdpr[bank];
	default: return NULL;
	}
}

static bool is_ob_offset(uint32_t off)
{
	return (off >= REG_OPTSR_CUR && off <= REG_OTPBLR_PRG) ||
		(off >= REG_SECWM1R_CUR && off <= REG_HDP1R_PRG) ||
		(off >= REG_SECWM1R_CUR + REG_BANK2_DELTA && off <= REG_HDP1R_PRG + REG_BANK2_DELTA);
}

bool h5flash_ob_reg_read(const struct h5flash *f, uint32_t off, uint32_t *value)
{
	uint32_t mask;
	uint32_t *p;

	if (!is_ob_offset(off))
		return false;
	p = ob_field((struct h5flash_ob *)((off & 4) ? &f->prg : &f->cur), off, &mask, f->vi);
	*value = p ? *p & mask : 0;
	return true;
}

bool h5flash_ob_prg_write(struct h5flash *f, uint32_t off, const struct h5flash_access *acc,
		uint32_t value)
{
	uint32_t mask;
	uint32_t *p;

	if (!is_ob_offset(off))
		return false;
	if (!(off & 4))
		return true;		/* _CUR registers are read-only */
	if ((f->optcr & OPTCR_OPTLOCK) || f->op.kind == OP_OPTION_CHANGE)
		return true;
	p = ob_field(&f->prg, off, &mask, f->vi);
	if (p)
		*p = value & mask;
	return true;
}

void h5flash_ob_start(struct h5flash *f, const struct h5flash_access *acc)
{
	struct pending_op op;

	memset(&op, 0, sizeof(op));
	op.kind = OP_OPTION_CHANGE;
	op.set = SET_NS;
	op.acc = *acc;
	f->optcr |= OPTCR_OPTSTRT;
	h5flash_start_op(f, &op, f->cfg.t_option_change_ns);
}

static bool tz_committed(const struct h5flash *f)
{
	return f->vi->trustzone && (f->cur.optsr2 >> 24) == MAGIC_ON;
}

/* The product-state transitions an option-byte write may make (§4.4) */
static bool transition_allowed(const struct h5flash *f, uint8_t from, uint8_t to,
		const struct h5flash_access *acc)
{
	bool tz = tz_committed(f);
	bool may_regress = acc->debugger ? f->set.debugger_may_write_regression : f->set.hdpl == 1;

	if (from == to)
		return true;
	if ((to == PS_TZ_CLOSED || to == PS_NS_REGRESSION) && !tz)
		return false;
	switch (from) {
	case PS_OPEN:
		return to == PS_PROVISIONING || to == PS_IROT_PROVISIONED;
	case PS_PROVISIONING:
		return to == PS_IROT_PROVISIONED || to == PS_TZ_CLOSED || to == PS_CLOSED ||
			to == PS_LOCKED || (to == PS_OPEN && f->set.provisioning_to_open);
	case PS_IROT_PROVISIONED:
		return to == PS_TZ_CLOSED || to == PS_CLOSED || to == PS_LOCKED ||
			(to == PS_REGRESSION && may_regress);
	case PS_TZ_CLOSED:
	case PS_CLOSED:
		if (to == PS_REGRESSION || to == PS_NS_REGRESSION)
			return may_regress;
		return to == PS_LOCKED || (from == PS_TZ_CLOSED && to == PS_CLOSED);
	default:
		return false;	/* Locked, Regression, NS-Regression, invalid codes: final */
	}
}

/* Returns NULL when the change is allowed, else the reason */
static const char *change_refused(const struct h5flash *f, const struct h5flash_access *acc)
{
	const struct h5flash_ob *c = &f->cur, *p = &f->prg;
	uint8_t from = (c->optsr >> 8) & 0xFF, to = (p->optsr >> 8) & 0xFF;
	bool open = from == PS_OPEN;

	if (to != from && !pstate_valid(to))
		return "invalid PRODUCT_STATE code";
	if (!transition_allowed(f, from, to, acc))
		return "product-state transition not allowed";
	if (f->vi->trustzone && (c->optsr2 ^ p->optsr2) >> 24) {
		uint32_t tz = p->optsr2 >> 24;
		if (tz != MAGIC_ON && tz != MAGIC_OFF)
			return "invalid TZEN code";
		if (!open)
			return "TZEN change outside Open";
	}
	if (f->vi->boot_ube && (c->optsr ^ p->optsr) & OPTSR_BOOT_UBE_MASK) {
		uint32_t ube = (p->optsr & OPTSR_BOOT_UBE_MASK) >> OPTSR_BOOT_UBE_POS;
		if (ube != MAGIC_ON && ube != MAGIC_OFF)
			return "invalid BOOT_UBE code";
	}
	if (c->otpblr & ~p->otpblr)
		return "OTPBLR bits can only be set";
	if ((c->nsbootr & BOOTR_LOCK_MASK) == MAGIC_ON) {
		if ((c->optsr ^ p->optsr) & OPTSR_SWAP_BANK)
			return "SWAP_BANK frozen by NSBOOT_LOCK";
		if ((c->nsbootr ^ p->nsbootr) & BOOTR_ADDR_MASK)
			return "NSBOOTADD frozen by NSBOOT_LOCK";
		if ((c->nsbootr ^ p->nsbootr) & BOOTR_LOCK_MASK && !open)
			return "NSBOOT_LOCK released outside Open";
	}
	if (f->vi->trustzone && (c->secbootr & BOOTR_LOCK_MASK) == MAGIC_ON) {
		if ((c->optsr ^ p->optsr) & OPTSR_SWAP_BANK)
			return "SWAP_BANK frozen by SECBOOT_LOCK";
		if ((c->optsr ^ p->optsr) & OPTSR_BOOT_UBE_MASK)
			return "BOOT_UBE frozen by SECBOOT_LOCK";
		if ((c->secbootr ^ p->secbootr) & BOOTR_ADDR_MASK)
			return "SECBOOTADD frozen by SECBOOT_LOCK";
		if ((c->secbootr ^ p->secbootr) & BOOTR_LOCK_MASK && !open)
			return "SECBOOT_LOCK released outside Open";
	}
	return NULL;
}

const struct h5flash_ob_word h5flash_ob_words[] = {
	{ "optsr", offsetof(struct h5flash_ob, optsr) },
	{ "optsr2", offsetof(struct h5flash_ob, optsr2) },
	{ "nsepochr", offsetof(struct h5flash_ob, nsepochr) },
	{ "secepochr", offsetof(struct h5flash_ob, secepochr) },
	{ "nsbootr", offsetof(struct h5flash_ob, nsbootr) },
	{ "secbootr", offsetof(struct h5flash_ob, secbootr) },
	{ "otpblr", offsetof(struct h5flash_ob, otpblr) },
	{ "secwm1r", offsetof(struct h5flash_ob, secwmr[0]) },
	{ "secwm2r", offsetof(struct h5flash_ob, secwmr[1]) },
	{ "wrp1r", offsetof(struct h5flash_ob, wrpr[0]) },
	{ "wrp2r", offsetof(struct h5flash_ob, wrpr[1]) },
	{ "edata1r", offsetof(struct h5flash_ob, edatar[0]) },
	{ "edata2r", offsetof(struct h5flash_ob, edatar[1]) },
	{ "hdp1r", offsetof(struct h5flash_ob, hdpr[0]) },
	{ "hdp2r", offsetof(struct h5flash_ob, hdpr[1]) },
};
const size_t h5flash_ob_word_count = sizeof(h5flash_ob_words) / sizeof(h5flash_ob_words[0]);

static void log_changes(struct h5flash *f, const struct h5flash_ob *a, const struct h5flash_ob *b)
{
	for (size_t i = 0; i < h5flash_ob_word_count; i++) {
		const struct h5flash_ob_word *w = &h5flash_ob_words[i];
		uint32_t va, vb;
		memcpy(&va, (const char *)a + w->off, sizeof(va));
		memcpy(&vb, (const char *)b + w->off, sizeof(vb));
		if (va != vb)
			h5flash_log(f, "option change %s 0x%08x -> 0x%08x", w->name, va, vb);
	}
}

void h5flash_ob_done(struct h5flash *f, const struct pending_op *op)
{
	const char *why = change_refused(f, &op->acc);

	if (why) {
		h5flash_flag(f, SET_NS, SR_OPTCHANGEERR);
		h5flash_log(f, "option change refused (OPTCHANGEERR): %s", why);
		return;
	}
	if (f->vi->trustzone && f->set.tzen_makes_flash_secure &&
			(f->cur.optsr2 >> 24) != MAGIC_ON && (f->prg.optsr2 >> 24) == MAGIC_ON) {
		for (int b = 0; b < 2; b++)
			if (f->prg.secwmr[b] == f->cur.secwmr[b])
				f->prg.secwmr[b] = f->vi->sector_field_mask << 16;
	}
	log_changes(f, &f->store, &f->prg);
	f->store = f->prg;
	f->cur = f->prg;
	f->stats.option_changes++;
}

static uint32_t compute_boot_address(const struct h5flash *f)
{
	if (f->tzen_active) {
		uint32_t ube = (f->cur.optsr & OPTSR_BOOT_UBE_MASK) >> OPTSR_BOOT_UBE_POS;
		if (f->vi->boot_ube && ube == MAGIC_OFF)
			return ADDR_SYSF_S;	/* ST-iRoT in system flash */
		return f->cur.secbootr & BOOTR_ADDR_MASK;
	}
	return f->cur.nsbootr & BOOTR_ADDR_MASK;
}

void h5flash_ob_reload(struct h5flash *f)
{
	f->cur = f->store;
	f->prg = f->store;
	f->swap_active = f->store.optsr & OPTSR_SWAP_BANK;
	f->tzen_active = f->vi->trustzone && (f->store.optsr2 >> 24) == MAGIC_ON;
	f->boot_address = compute_boot_address(f);
}

static void set_pstate(struct h5flash *f, uint8_t ps)
{
	f->store.optsr = (f->store.optsr & ~OPTSR_PSTATE_MASK) | (uint32_t)ps << 8;
}

static void reset_ob_to_defaults(struct h5flash *f)
{
	struct h5flash_ob d;

	h5flash_ob_defaults(f, &d);
	d.optsr = (d.optsr & ~OPTSR_BOOT_UBE_MASK) | (f->store.optsr & ~OPTSR_BOOT_UBE_MASK &
			~OPTSR_SWAP_BANK);
	d.optsr2 = (f->store.optsr2 & 0x00FFFFFFu) | (d.optsr2 & 0xFF000000u);
	d.otpblr = f->store.otpblr;		/* OTP is not erasable */
	d.nsepochr = f->store.nsepochr;
	d.secepochr = f->store.secepochr;
	f->store = d;
}

static void after_regression(struct h5flash *f, uint8_t ps)
{
	set_pstate(f, ps);
	if (f->set.regression_resets_option_bytes)
		reset_ob_to_defaults(f);
	f->cur = f->store;
	f->prg = f->store;
}

void h5flash_do_full_regression(struct h5flash *f)
{
	for (uint32_t b = 0; b < 2; b++)
		for (uint32_t s = 0; s < f->sectors_per_bank; s++)
			h5flash_erase_sector_now(f, b, s);
	if (f->vi->obk)
		h5flash_obk_erase_hdpl(f, 16, OBK_SELECTOR_INDEX);
	after_regression(f, PS_OPEN);
	f->stats.option_changes++;
	h5flash_log(f, "full regression: user flash, EDATA, OBK HDPL1..3 erased; product_state 0xed");
}

void h5flash_do_partial_regression(struct h5flash *f)
{
	for (uint32_t b = 0; b < 2; b++)
		for (uint32_t s = 0; s < f->sectors_per_bank; s++)
			if (!h5flash_sector_secure(f, b, s))
				h5flash_erase_sector_now(f, b, s);
	if (f->vi->obk)
		h5flash_obk_erase_hdpl(f, 0x1800 / QWORD, OBK_SELECTOR_INDEX);
	after_regression(f, PS_TZ_CLOSED);
	f->stats.option_changes++;
	h5flash_log(f, "NS regression: NS user flash, OBK HDPL3-NS erased; product_state 0xc6");
}

void h5flash_regression_at_reset(struct h5flash *f)
{
	uint8_t ps = (f->store.optsr >> 8) & 0xFF;

	if (ps == PS_REGRESSION) {
		h5flash_do_full_regression(f);
	} else if (ps == PS_NS_REGRESSION) {
		/* the security in effect before the reset decides what is non-secure */
		f->tzen_active = f->vi->trustzone && (f->store.optsr2 >> 24) == MAGIC_ON;
		f->cur = f->store;
		memset(f->secbb, 0, sizeof(f->secbb));
		h5flash_do_partial_regression(f);
	}
}
