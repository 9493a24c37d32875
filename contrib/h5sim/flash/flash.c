// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim flash model: life cycle of the model (create/free), simulated time and the running
 * operation (BSY), resets, power loss, the state getters and setters of flash.h, the operation
 * log and the statistics. Facts: h5-flash-ob.md (cited as §n).
 *
 * Facts the reference marks [U] (or [I] with a real choice) and that are settings here
 * (struct h5flash_settings in flash_ext.h, or struct h5flash_config), with their defaults:
 *  1. reprogram = H5FLASH_REPROG_PGSERR_AND_CORRUPT: programming a quad-word (or OTP/EDATA
 *     half-word) that is not erased raises PGSERR, the cells are ANDed with the new data and
 *     the word's ECC is corrupted (reads then give a double-ECC error). §5.3 "A simulator
 *     should flag it and corrupt the word's ECC [I]".
 *  2. secure_write_refusal = H5FLASH_SECREF_WRPERR: with TZEN=0xB4, a program/erase of a
 *     sector whose security does not match the alias/register set is refused with WRPERR and
 *     nothing changes (§7.2 "program/erase gives WRPERR" for hidden areas [I]). Reads that do
 *     not match (NS alias -> secure sector, secure alias -> NS sector, NS master -> secure
 *     alias) always return a bus error (§10.5 [U]).
 *  3. debugger_may_write_regression = false: only firmware (struct h5flash_access.debugger
 *     false) running at HDPL1 may write PRODUCT_STATE 0x9A/0xA3 (§4.4, F-REG).
 *  4. provisioning_to_open = false: Provisioning -> Open by option-byte write is refused
 *     with OPTCHANGEERR (§10.2 [U]).
 *  5. regression_resets_option_bytes = false: a regression keeps WRP/HDP/SECWM/boot/EDATA/
 *     TZEN/BOOT_UBE (§4.4 [U], §10.4). When true they go back to the §4.5 defaults.
 *  6. obk_swap_writes_selector = false: a swap does not program the alternate-sector selector
 *     (index 511); OBKWERR on swap only when that word is not virgin (§6.2/§10.7 [U]).
 *  7. obkcfgr_reset_locked = true: NS/SECOBKCFGR.LOCK = 1 after reset, like every LOCK (§6.2 [U]).
 *  8. hdp_hidden_reads_zero = false: user-flash sectors of the HDPxR area are hidden once the
 *     HDPL is above 1, the HDPEXTR extension (HDPx_EXT sectors after HDPx_END) once it is
 *     above 2 (§7.2 [I]); a hidden read is a bus error (true: reads as zero) (§10.6 [U]),
 *     a program/erase of a hidden sector is refused with WRPERR.
 *  9. tzen_makes_flash_secure = true: an option change that sets TZEN 0xC3 -> 0xB4 (and
 *     h5flash_force_tzen(true)) also sets SECWM1R/SECWM2R to STRT=0, END=max (all user
 *     flash secure) unless the same change writes SECWMxR_PRG (§3.4 HOT README [I]).
 * 10. hdpl = 1, obk_hdpl = 1: the HDPL and OBK-HDPL the SBS would give (settable with
 *     h5flash_set_hdpl); a debugger halting at the reset vector sees HDPL1 (§7.2 [U]).
 * 11. cfg.optsr_factory / cfg.optsr2_factory: the factory OPTSR/OPTSR2 words (§10.1 [U]);
 *     PRODUCT_STATE, TZEN and BOOT_UBE inside them are forced to the known defaults
 *     0xED / 0xC3 / 0xB4 only when the given field is not a valid code.
 * Further choices, fixed (documented, not settings):
 *  - Invalid PRODUCT_STATE codes written to OPTSR_PRG are refused with OPTCHANGEERR (§4.2 [U]).
 *  - Direct transitions allowed (§4.4): Open->Provisioning/iROT-Provisioned; Provisioning->
 *    iROT-Provisioned/TZ-Closed/Closed/Locked; iROT-Provisioned->TZ-Closed/Closed/Locked;
 *    TZ-Closed->Closed/Locked; Closed->Locked; 0x9A from iROT-Provisioned/TZ-Closed/Closed and
 *    0xA3 from TZ-Closed/Closed with TZ on (firmware at HDPL1 only); Locked and the regression
 *    codes are final for option-byte writes. TZ-Closed and 0xA3 need OPTSR2_CUR.TZEN=0xB4.
 *  - TZEN may change only in Open (§4.6 [I]); BOOT_LOCK=0xB4 freezes its fields (§2.2, §3.4)
 *    and may itself be released only in Open.
 *  - The OPTSR_CUR.SWAP_BANK bit changes at OPTSTRT completion; OPTCR.SWAP_BANK (the swap in
 *    effect), TZEN and the boot address are consumed at the next reset (§4.6).
 *  - INCERR: a buffer fill that moves to another flash word, area or security attribute before
 *    completion; the buffered data and the new access are dropped (§5.7 [I]).
 *  - PGSERR also for: a flash write with PG=0, PG together with SER/BER/MER, STRT with no or
 *    several of SER/BER/MER, SNB beyond the part's sectors, OPTSTRT written while OPTLOCK=1.
 *  - A mass erase takes twice cfg.t_bank_erase_ns (two banks).
 *  - An access that arrives while BSY=1 (flash write, new STRT/OPTSTRT/OBK command) stalls
 *    the bus on the chip; the model finishes the running operation first.
 *  - The OBK swap always carries over the keys below the minimum SWAP_OFFSET of the OBK-HDPL
 *    (16/144/192), i.e. the offset is raised to the minimum (§6.2 [I]).
 *  - EDATA sectors that EDATAxR_CUR does not enable give a bus error through the EDATA window.
 *  - SECBB and SECWM are ignored while TZEN=0xC3 is in effect (§3.4 [U], "probably not").
 *  - With TZ on, a bank/mass erase through a register set whose security differs from any
 *    sector of the range is refused with WRPERR (§5.5 [U]).
 *  - Option-byte changes need only the OPTKEYR unlock, not NSCR (§10.10 [U]); OBK programming
 *    needs PG in NSCR/SECCR, not the OBKCFGR unlock (which only guards its commands).
 *  - PRIVBB sector privilege is stored, not enforced; PRIVCFGR gates the register blocks.
 *  - Single-error correction (ECCCORR.ECCC) never happens; only double errors are modelled.
 *  - RSSLIB DataProvisioning only in Provisioning; data stored as given (the DHUK encryption
 *    of crypto parts is not modelled; the flag is checked and logged).
 *
 * Power loss / reset during an operation (h5flash_power_loss, h5flash_system_reset):
 *  - quad-word program: the word is left programmed (cells ANDed with the data) with a
 *    corrupted ECC: it reads back as a double-ECC error and is not erased;
 *  - OTP/EDATA half-word program: same, for that half-word;
 *  - OBK quad-word program: the word is left written (cells ANDed); OBK ECC is not modelled;
 *  - sector erase: the first half of the sector (and of its EDATA slot) reads erased, the
 *    second half keeps its old content and ECC; bank/mass erase: the lower half of the sectors
 *    of each bank being erased are erased, the upper half untouched;
 *  - OBK alternate-sector erase: the first half of the alternate sector is erased;
 *  - option-byte change and OBK swap: nothing is committed (old values stay);
 *  - OPSR then reports CODE_OP and the address/area of the interrupted operation.
 */

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "flash_internal.h"

static const struct h5flash_settings default_settings = {
	.reprogram = H5FLASH_REPROG_PGSERR_AND_CORRUPT,
	.secure_write_refusal = H5FLASH_SECREF_WRPERR,
	.debugger_may_write_regression = false,
	.provisioning_to_open = false,
	.regression_resets_option_bytes = false,
	.obk_swap_writes_selector = false,
	.obkcfgr_reset_locked = true,
	.hdp_hidden_reads_zero = false,
	.tzen_makes_flash_secure = true,
	.hdpl = 1,
	.obk_hdpl = 1,
};

struct h5flash *h5flash_create(const struct h5flash_config *cfg)
{
	if (!cfg || (unsigned int)cfg->variant > H5FLASH_H56X)
		return NULL;
	const struct h5flash_variant_info *vi = &h5flash_variants[cfg->variant];
	uint32_t max_size = 2 * vi->max_sectors_per_bank * SECTOR_SIZE;
	if (cfg->flash_size == 0 || cfg->flash_size > max_size ||
			cfg->flash_size % (2 * SECTOR_SIZE) != 0)
		return NULL;
	if (vi->edata && cfg->flash_size / 2 / SECTOR_SIZE < EDATA_SECTORS)
		return NULL;

	struct h5flash *f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->cfg = *cfg;
	f->vi = vi;
	f->set = default_settings;
	f->bank_size = cfg->flash_size / 2;
	f->sectors_per_bank = f->bank_size / SECTOR_SIZE;
	f->user = malloc(cfg->flash_size);
	f->user_programmed = calloc(cfg->flash_size / QWORD, 1);
	f->user_ecc_bad = calloc(cfg->flash_size / QWORD, 1);
	if (!f->user || !f->user_programmed || !f->user_ecc_bad) {
		h5flash_free(f);
		return NULL;
	}
	memset(f->user, 0xFF, cfg->flash_size);
	memset(f->edata, 0xFF, sizeof(f->edata));
	memset(f->otp, 0xFF, sizeof(f->otp));
	memset(f->obk, 0xFF, sizeof(f->obk));
	h5flash_ob_defaults(f, &f->store);
	h5flash_system_reset(f);
	f->opsr = 0;
	return f;
}

void h5flash_free(struct h5flash *f)
{
	if (!f)
		return;
	free(f->user);
	free(f->user_programmed);
	free(f->user_ecc_bad);
	free(f);
}

void h5flash_log(struct h5flash *f, const char *fmt, ...)
{
	if (!f->log)
		return;
	va_list ap;
	va_start(ap, fmt);
	fputs("h5flash: ", f->log);
	vfprintf(f->log, fmt, ap);
	fputc('\n', f->log);
	va_end(ap);	/* the owner of the stream flushes it */
}

void h5flash_set_log(struct h5flash *f, FILE *log)
{
	f->log = log;
}

void h5flash_flag(struct h5flash *f, enum reg_set set, uint32_t flags)
{
	if (set == SET_SEC)
		flags &= ~SR_OPTCHANGEERR;	/* NSSR only */
	if (!f->vi->obk)
		flags &= ~(SR_OBKERR | SR_OBKWERR);
	f->sr[set] |= flags;
}

void h5flash_start_op(struct h5flash *f, const struct pending_op *op, uint64_t duration_ns)
{
	f->op = *op;
	f->op.remaining_ns = duration_ns;
	f->sr[op->set] |= SR_BSY;
	if (op->kind == OP_PROGRAM_HALF)
		f->sr[op->set] |= SR_DBNE;
	if (duration_ns == 0)
		h5flash_finish_op(f);
}

void h5flash_finish_op(struct h5flash *f)
{
	struct pending_op op = f->op;

	if (op.kind == OP_NONE)
		return;
	f->op.kind = OP_NONE;
	switch (op.kind) {
	case OP_PROGRAM:
	case OP_PROGRAM_HALF:
		h5flash_program_done(f, &op);
		break;
	case OP_SECTOR_ERASE:
	case OP_BANK_ERASE:
	case OP_MASS_ERASE:
		h5flash_erase_done(f, &op);
		f->cr[op.set] &= ~CR_STRT;
		break;
	case OP_OPTION_CHANGE:
		h5flash_ob_done(f, &op);
		f->optcr &= ~OPTCR_OPTSTRT;
		break;
	case OP_OBK_ALT_ERASE:
	case OP_OBK_SWAP:
		h5flash_obk_done(f, &op);
		break;
	case OP_NONE:
		break;
	}
	f->sr[op.set] &= ~(SR_BSY | SR_DBNE);
}

void h5flash_advance(struct h5flash *f, uint64_t ns)
{
	while (ns > 0 && f->op.kind != OP_NONE) {
		if (ns >= f->op.remaining_ns) {
			ns -= f->op.remaining_ns;
			f->stats.busy_ns += f->op.remaining_ns;
			f->op.remaining_ns = 0;
			h5flash_finish_op(f);
		} else {
			f->op.remaining_ns -= ns;
			f->stats.busy_ns += ns;
			ns = 0;
		}
	}
}

bool h5flash_busy(const struct h5flash *f)
{
	return f->op.kind != OP_NONE;
}

static uint32_t opsr_for(const struct h5flash *f, const struct pending_op *op)
{
	uint32_t code = OPSR_NONE, addr = 0, flags = 0;

	switch (op->kind) {
	case OP_PROGRAM:
	case OP_PROGRAM_HALF:
		code = OPSR_SINGLE_WRITE;
		if (op->area == AREA_USER) {
			addr = op->base % f->bank_size;
			if (op->base >= f->bank_size)
				flags |= BIT32(22);
		} else if (op->area == AREA_EDATA) {
			addr = op->base % (EDATA_SIZE / 2);
			flags |= BIT32(21);
			if (op->base >= EDATA_SIZE / 2)
				flags |= BIT32(22);
		} else {
			addr = op->base;
			flags |= BIT32(24);
		}
		break;
	case OP_SECTOR_ERASE:
		code = OPSR_SECTOR_ERASE;
		addr = op->sector * SECTOR_SIZE;
		flags |= op->bank ? BIT32(22) : 0;
		break;
	case OP_BANK_ERASE:
		code = OPSR_BANK_ERASE;
		flags |= op->bank ? BIT32(22) : 0;
		break;
	case OP_MASS_ERASE:
		code = OPSR_MASS_ERASE;
		break;
	case OP_OPTION_CHANGE:
		code = OPSR_OPTION_CHANGE;
		break;
	case OP_OBK_ALT_ERASE:
		code = OPSR_OBK_ALT_ERASE;
		flags |= BIT32(24);
		break;
	case OP_OBK_SWAP:
		code = OPSR_OBK_SWAP;
		flags |= BIT32(24);
		break;
	case OP_NONE:
		break;
	}
	return code << 29 | flags | (addr & 0xFFFFF);
}

/* Cut the running operation short, leaving the partial state documented above */
static void interrupt_op(struct h5flash *f)
{
	struct pending_op *op = &f->op;
	uint32_t i;

	if (op->kind == OP_NONE)
		return;
	f->opsr = opsr_for(f, op);
	switch (op->kind) {
	case OP_PROGRAM:
		if (op->area == AREA_USER) {
			uint32_t w = op->base / QWORD;
			for (i = 0; i < QWORD; i++)
				f->user[op->base + i] &= op->data[i];
			f->user_programmed[w] = 1;
			f->user_ecc_bad[w] = 1;
		} else {
			uint32_t s = op->obk_alt ? 1 - f->obk_current : f->obk_current;
			for (i = 0; i < QWORD; i++)
				f->obk[s][op->base + i] &= op->data[i];
			f->obk_written[s][op->base / QWORD] = 1;
		}
		h5flash_log(f, "interrupted program area=%d offset=0x%05x: word left with bad ECC",
				op->area, op->base);
		break;
	case OP_PROGRAM_HALF: {
		uint8_t *d, *w;
		if (op->area == AREA_OTP) {
			d = &f->otp[op->base];
			w = &f->otp_written[op->base / 2];
		} else {
			uint32_t bank = op->base / (EDATA_SIZE / 2);
			uint32_t in_bank = op->base % (EDATA_SIZE / 2);
			uint32_t k = in_bank / EDATA_SECTOR_SIZE, o = in_bank % EDATA_SECTOR_SIZE;
			d = &f->edata[bank][k][o];
			w = &f->edata_written[bank][k][o / 2];
		}
		d[0] &= op->data[0];
		d[1] &= op->data[1];
		*w = 2;
		h5flash_log(f, "interrupted half-word program area=%d offset=0x%05x: bad ECC",
				op->area, op->base);
		break;
	}
	case OP_SECTOR_ERASE:
	case OP_BANK_ERASE:
	case OP_MASS_ERASE:
	case OP_OBK_ALT_ERASE:
		h5flash_erase_partial(f, op);
		break;
	case OP_OPTION_CHANGE:
		h5flash_log(f, "interrupted option change: nothing committed");
		break;
	case OP_OBK_SWAP:
		h5flash_log(f, "interrupted OBK swap: sectors not swapped");
		break;
	case OP_NONE:
		break;
	}
	op->kind = OP_NONE;
}

void h5flash_system_reset(struct h5flash *f)
{
	interrupt_op(f);
	h5flash_buffer_drop(f);
	h5flash_regression_at_reset(f);
	h5flash_ob_reload(f);
	h5flash_regs_reset(f);
}

void h5flash_power_loss(struct h5flash *f)
{
	h5flash_log(f, "power loss");
	h5flash_system_reset(f);
}

uint8_t h5flash_product_state(const struct h5flash *f)
{
	return (f->cur.optsr >> 8) & 0xFF;
}

bool h5flash_tzen(const struct h5flash *f)
{
	return f->tzen_active;
}

uint32_t h5flash_boot_address(const struct h5flash *f)
{
	return f->boot_address;
}

void h5flash_full_regression(struct h5flash *f)
{
	interrupt_op(f);
	h5flash_do_full_regression(f);
}

void h5flash_partial_regression(struct h5flash *f)
{
	interrupt_op(f);
	h5flash_do_partial_regression(f);
}

void h5flash_force_product_state(struct h5flash *f, uint8_t pstate)
{
	uint32_t v = (uint32_t)pstate << 8;
	f->store.optsr = (f->store.optsr & ~0xFF00u) | v;
	f->cur.optsr = (f->cur.optsr & ~0xFF00u) | v;
	f->prg.optsr = (f->prg.optsr & ~0xFF00u) | v;
	h5flash_log(f, "force product_state 0x%02x", pstate);
}

void h5flash_force_tzen(struct h5flash *f, bool enabled)
{
	if (!f->vi->trustzone)
		return;
	uint32_t v = (uint32_t)(enabled ? MAGIC_ON : MAGIC_OFF) << 24;
	f->store.optsr2 = (f->store.optsr2 & 0x00FFFFFFu) | v;
	f->cur.optsr2 = (f->cur.optsr2 & 0x00FFFFFFu) | v;
	f->prg.optsr2 = (f->prg.optsr2 & 0x00FFFFFFu) | v;
	if (enabled && f->set.tzen_makes_flash_secure) {
		uint32_t all = f->vi->sector_field_mask << 16;
		f->store.secwmr[0] = f->store.secwmr[1] = all;
	}
	h5flash_ob_reload(f);
	h5flash_log(f, "force tzen %s", enabled ? "0xB4" : "0xC3");
}

void h5flash_stats(const struct h5flash *f, struct h5flash_stats *out)
{
	*out = f->stats;
}

void h5flash_get_settings(const struct h5flash *f, struct h5flash_settings *out)
{
	*out = f->set;
}

void h5flash_set_settings(struct h5flash *f, const struct h5flash_settings *in)
{
	f->set = *in;
	if (f->set.hdpl > 3)
		f->set.hdpl = 3;
	if (f->set.obk_hdpl > 3)
		f->set.obk_hdpl = 3;
}

void h5flash_set_hdpl(struct h5flash *f, uint8_t hdpl, uint8_t obk_hdpl)
{
	f->set.hdpl = hdpl > 3 ? 3 : hdpl;
	f->set.obk_hdpl = obk_hdpl > 3 ? 3 : obk_hdpl;
}

bool h5flash_take_nmi(struct h5flash *f)
{
	bool nmi = f->nmi_pending;
	f->nmi_pending = false;
	return nmi;
}
