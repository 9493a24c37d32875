// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim flash model: the FLASH register file (non-secure and secure blocks): decoding of
 * offsets per line, reset values, the key state machines of NSCR/SECCR/OPTCR/NS- and
 * SECOBKCFGR, status and clear registers, SECBB/PRIVBB, ECC registers. Operations that the
 * registers start are handed to flash_program.c, flash_erase.c, option_bytes.c and obk.c.
 * Facts: h5-flash-ob.md §3.1, §3.3, §3.4, §5.8.
 *
 * Access rules chosen here ([I], documented in the report):
 *  - the secure block (secure_alias) exists only on TrustZone parts with TZEN=0xB4 in effect
 *    and only for secure masters; otherwise the access is a bus error;
 *  - registers that belong to the secure world (SECKEYR, SECOBKKEYR, SECCR, SECCCR,
 *    SECOBKCFGR, SECBBxRy, SECWMxR_PRG, SECBOOTR_PRG, SECEPOCHR_PRG) read normally but ignore
 *    writes unless the master is secure and TZEN=0xB4 is in effect;
 *  - registers a line does not have (§3.1) read as zero and ignore writes;
 *  - PRIVBBxRy, PRIVCFGR and ACR ignore unprivileged writes; with PRIVCFGR.NSPRIV (SPRIV)
 *    the whole non-secure (secure) block reads as zero and ignores writes for unprivileged
 *    masters (RAZ/WI [I]). PRIVBB sector privilege is stored but not enforced on accesses.
 */

#include <string.h>

#include "flash_internal.h"

static uint32_t lane_mask(uint32_t byte_mask)
{
	uint32_t m = 0;
	for (int i = 0; i < 4; i++)
		if (byte_mask & (1u << i))
			m |= 0xFFu << (8 * i);
	return m;
}

static void stall(struct h5flash *f)
{
	if (f->op.kind != OP_NONE)
		h5flash_advance(f, f->op.remaining_ns);
}

void h5flash_regs_reset(struct h5flash *f)
{
	int i;

	for (i = 0; i < 5; i++)
		f->key[i] = KEY_LOCKED;
	f->cr[SET_NS] = CR_LOCK;
	f->cr[SET_SEC] = CR_LOCK;
	f->sr[SET_NS] = 0;
	f->sr[SET_SEC] = 0;
	for (i = 0; i < 2; i++)
		f->obkcfgr[i] = (0x1FFu << OBKCFGR_SWAP_OFFSET_POS) |
				(f->set.obkcfgr_reset_locked ? OBKCFGR_LOCK : 0);
	f->optcr = OPTCR_OPTLOCK | (f->swap_active ? OPTCR_SWAP_BANK : 0);
	f->acr = 0x13;
	f->privcfgr = 0;
	f->hdpextr = 0;
	memset(f->secbb, 0, sizeof(f->secbb));
	memset(f->privbb, 0, sizeof(f->privbb));
	f->ecccorr = 0;
	f->eccdetr = 0;
	f->eccdr = 0;
	f->nmi_pending = false;
}

/* Is off a register this line has? */
static bool reg_present(const struct h5flash *f, uint32_t off)
{
	const struct h5flash_variant_info *vi = f->vi;
	uint32_t b = off >= REG_BANK2_DELTA + REG_SECBB1R1 ? off - REG_BANK2_DELTA : off;

	switch (off) {
	case REG_SECKEYR: case REG_SECSR: case REG_SECCR: case REG_SECCCR:
	case REG_SECEPOCHR_CUR: case REG_SECEPOCHR_PRG:
	case REG_SECBOOTR_CUR: case REG_SECBOOTR_PRG:
		return vi->trustzone;
	case REG_NSOBKKEYR: case REG_SECOBKKEYR: case REG_NSOBKCFGR: case REG_SECOBKCFGR:
		return vi->obk;
	default:
		break;
	}
	if (b >= REG_SECBB1R1 && b < REG_SECBB1R1 + 0x10)
		return (b - REG_SECBB1R1) / 4 < vi->secbb_regs;
	if (b >= REG_PRIVBB1R1 && b < REG_PRIVBB1R1 + 0x10)
		return (b - REG_PRIVBB1R1) / 4 < vi->privbb_regs;
	if (b == REG_SECWM1R_CUR || b == REG_SECWM1R_PRG)
		return vi->trustzone;
	if (b == REG_EDATA1R_CUR || b == REG_EDATA1R_PRG)
		return vi->edata;
	return true;
}

static bool secure_world_reg(uint32_t off)
{
	uint32_t b = off >= REG_BANK2_DELTA + REG_SECBB1R1 ? off - REG_BANK2_DELTA : off;

	switch (off) {
	case REG_SECKEYR: case REG_SECOBKKEYR: case REG_SECCR: case REG_SECCCR:
	case REG_SECOBKCFGR: case REG_SECBOOTR_PRG: case REG_SECEPOCHR_PRG:
		return true;
	default:
		break;
	}
	return (b >= REG_SECBB1R1 && b < REG_SECBB1R1 + 0x10) || b == REG_SECWM1R_PRG;
}

static uint32_t sr_value(const struct h5flash *f, enum reg_set set)
{
	uint32_t v = f->sr[set];
	if (f->wb.active && f->wb.set == set)
		v |= f->wb.width == QWORD ? SR_WBNE : SR_DBNE;
	return v;
}

static uint32_t cr_value(const struct h5flash *f, enum reg_set set)
{
	return f->cr[set];
}

/* PRIVCFGR: SPRIV (b0) / NSPRIV (b1) make the secure / non-secure block privileged-only */
static bool privilege_refused(const struct h5flash *f, bool secure_alias,
		const struct h5flash_access *acc)
{
	if (acc->privileged)
		return false;
	return f->privcfgr & (secure_alias ? BIT32(0) : BIT32(1));
}

enum h5flash_bus h5flash_reg_read(struct h5flash *f, uint32_t off, bool secure_alias,
		const struct h5flash_access *acc, uint32_t *value)
{
	uint32_t v = 0, b;

	if (secure_alias && (!f->vi->trustzone || !f->tzen_active || !acc->secure))
		return H5FLASH_BUS_ERROR;
	off &= 0x1FCu;
	if (!reg_present(f, off) || privilege_refused(f, secure_alias, acc)) {
		*value = 0;
		return H5FLASH_BUS_OK;
	}
	if (h5flash_ob_reg_read(f, off, value))
		return H5FLASH_BUS_OK;
	b = off >= REG_BANK2_DELTA + REG_SECBB1R1 ? off - REG_BANK2_DELTA : off;
	uint32_t bank = off >= REG_BANK2_DELTA + REG_SECBB1R1 ? 1 : 0;

	switch (off) {
	case REG_ACR: v = f->acr; break;
	case REG_OPSR: v = f->opsr; break;
	case REG_OPTCR: v = f->optcr; break;
	case REG_NSSR: v = sr_value(f, SET_NS); break;
	case REG_SECSR: v = sr_value(f, SET_SEC); break;
	case REG_NSCR: v = cr_value(f, SET_NS); break;
	case REG_SECCR: v = cr_value(f, SET_SEC); break;
	case REG_PRIVCFGR: v = f->privcfgr; break;
	case REG_NSOBKCFGR: v = f->obkcfgr[SET_NS]; break;
	case REG_SECOBKCFGR: v = f->obkcfgr[SET_SEC]; break;
	case REG_HDPEXTR: v = f->hdpextr; break;
	case REG_ECCCORR: v = f->ecccorr; break;
	case REG_ECCDETR: v = f->eccdetr; break;
	case REG_ECCDR: v = f->eccdr; break;
	default:
		if (b >= REG_SECBB1R1 && b < REG_SECBB1R1 + 0x10)
			v = f->secbb[bank][(b - REG_SECBB1R1) / 4];
		else if (b >= REG_PRIVBB1R1 && b < REG_PRIVBB1R1 + 0x10)
			v = f->privbb[bank][(b - REG_PRIVBB1R1) / 4];
		/* key, clear and reserved registers read as zero */
		break;
	}
	*value = v;
	return H5FLASH_BUS_OK;
}

/* Key state machine (§3.3). Returns true when the guarded register becomes unlocked. */
static bool key_write(struct h5flash *f, enum key_index k, uint32_t value, uint32_t key1,
		uint32_t key2, bool currently_locked)
{
	switch (f->key[k]) {
	case KEY_LOCKED:
		if (!currently_locked) {
			/* unlocked by an earlier sequence, then LOCK cannot be 0 here */
			f->key[k] = KEY_LOCKED_UNTIL_RESET;
			return false;
		}
		f->key[k] = value == key1 ? KEY_FIRST_SEEN : KEY_LOCKED_UNTIL_RESET;
		return false;
	case KEY_FIRST_SEEN:
		if (value == key2) {
			f->key[k] = KEY_UNLOCKED;
			return true;
		}
		f->key[k] = KEY_LOCKED_UNTIL_RESET;
		return false;
	case KEY_UNLOCKED:
		/* a second unlock sequence locks until reset */
		f->key[k] = KEY_LOCKED_UNTIL_RESET;
		return false;
	case KEY_LOCKED_UNTIL_RESET:
		return false;
	}
	return false;
}

static void key_relock(struct h5flash *f, enum key_index k)
{
	if (f->key[k] != KEY_LOCKED_UNTIL_RESET)
		f->key[k] = KEY_LOCKED;
}

/* The key pair and the LOCK bit each key register guards (§3.3) */
static const struct {
	uint32_t key1, key2, lockbit;
} key_table[] = {
	[KEY_NS] = { KEY1_FLASH, KEY2_FLASH, CR_LOCK },
	[KEY_SEC] = { KEY1_FLASH, KEY2_FLASH, CR_LOCK },
	[KEY_OPT] = { KEY1_OPT, KEY2_OPT, OPTCR_OPTLOCK },
	[KEY_NSOBK] = { KEY1_OBK, KEY2_OBK, OBKCFGR_LOCK },
	[KEY_SECOBK] = { KEY1_OBK, KEY2_OBK, OBKCFGR_LOCK },
};

static uint32_t *guarded_register(struct h5flash *f, enum key_index k)
{
	switch (k) {
	case KEY_NS: return &f->cr[SET_NS];
	case KEY_SEC: return &f->cr[SET_SEC];
	case KEY_OPT: return &f->optcr;
	case KEY_NSOBK: return &f->obkcfgr[SET_NS];
	default: return &f->obkcfgr[SET_SEC];
	}
}

static void keyr_write(struct h5flash *f, enum key_index k, uint32_t value)
{
	uint32_t *lockreg = guarded_register(f, k);
	uint32_t lockbit = key_table[k].lockbit;
	bool was_locked = *lockreg & lockbit;

	if (key_write(f, k, value, key_table[k].key1, key_table[k].key2, was_locked))
		*lockreg &= ~lockbit;
	else if (f->key[k] == KEY_LOCKED_UNTIL_RESET)
		*lockreg |= lockbit;
}

static void cr_write(struct h5flash *f, enum reg_set s, const struct h5flash_access *acc, uint32_t v)
{
	uint32_t wmask;

	if (f->cr[s] & CR_LOCK)
		return;
	if (v & CR_LOCK) {
		/* LOCK 0 -> 1: the other bits do not change */
		f->cr[s] |= CR_LOCK;
		key_relock(f, s == SET_NS ? KEY_NS : KEY_SEC);
		return;
	}
	wmask = CR_PG | CR_SER | CR_BER | CR_MER | CR_BKSEL | (f->vi->snb_mask << CR_SNB_POS) |
		0x007F0000u;
	if (s == SET_NS)
		wmask |= BIT32(23);
	else
		wmask |= CR_INV;
	if (!f->vi->obk)
		wmask &= ~(BIT32(21) | BIT32(22));
	if ((v & (CR_STRT | CR_FW)) && f->op.kind != OP_NONE)
		stall(f);
	f->cr[s] = (f->cr[s] & (CR_LOCK | CR_STRT)) | (v & wmask);
	if (v & CR_FW)
		h5flash_force_write(f, s, acc->secure);
	if (v & CR_STRT)
		h5flash_erase_start(f, s, f->cr[s]);
}

static void optcr_write(struct h5flash *f, const struct h5flash_access *acc, uint32_t v)
{
	if (f->optcr & OPTCR_OPTLOCK) {
		if (v & OPTCR_OPTSTRT)
			h5flash_flag(f, SET_NS, SR_PGSERR);
		return;
	}
	if (v & OPTCR_OPTLOCK) {
		f->optcr |= OPTCR_OPTLOCK;
		key_relock(f, KEY_OPT);
		return;
	}
	if (!(v & OPTCR_OPTSTRT))
		return;
	if (f->sr[SET_NS] & SR_OPTCHANGEERR)
		return;		/* OPTSTRT cannot be set while OPTCHANGEERR = 1 */
	stall(f);
	h5flash_ob_start(f, acc);
}

static void obkcfgr_write(struct h5flash *f, enum reg_set s, uint32_t v)
{
	if (f->obkcfgr[s] & OBKCFGR_LOCK)
		return;
	if (v & OBKCFGR_LOCK) {
		f->obkcfgr[s] |= OBKCFGR_LOCK;
		key_relock(f, s == SET_NS ? KEY_NSOBK : KEY_SECOBK);
		return;
	}
	if ((v & (OBKCFGR_SWAP_SECT_REQ | OBKCFGR_ALT_SECT_ERASE)) && f->op.kind != OP_NONE)
		stall(f);
	h5flash_obkcfgr_write(f, s, v);
}

enum h5flash_bus h5flash_reg_write(struct h5flash *f, uint32_t off, bool secure_alias,
		const struct h5flash_access *acc, uint32_t value, uint32_t byte_mask)
{
	uint32_t m = lane_mask(byte_mask), b, bank, y, cur = 0;

	if (secure_alias && (!f->vi->trustzone || !f->tzen_active || !acc->secure))
		return H5FLASH_BUS_ERROR;
	off &= 0x1FCu;
	if (!reg_present(f, off) || privilege_refused(f, secure_alias, acc))
		return H5FLASH_BUS_OK;
	if (secure_world_reg(off) && !(acc->secure && f->tzen_active))
		return H5FLASH_BUS_OK;
	h5flash_reg_read(f, off, false, &(struct h5flash_access){ .secure = true,
			.privileged = true }, &cur);
	/* write-1 bits and command bits never come from the merged current value */
	if (off == REG_NSCCR || off == REG_SECCCR || off == REG_ECCCORR || off == REG_ECCDETR)
		cur = 0;
	else if (off == REG_NSCR || off == REG_SECCR)
		cur &= ~(CR_STRT | CR_FW);
	else if (off == REG_OPTCR)
		cur &= ~OPTCR_OPTSTRT;
	else if (off == REG_NSOBKCFGR || off == REG_SECOBKCFGR)
		cur &= ~(OBKCFGR_SWAP_SECT_REQ | OBKCFGR_ALT_SECT_ERASE);
	uint32_t v = (cur & ~m) | (value & m);
	if (off == REG_NSKEYR || off == REG_SECKEYR || off == REG_OPTKEYR ||
			off == REG_NSOBKKEYR || off == REG_SECOBKKEYR)
		v = value & m;

	if (h5flash_ob_prg_write(f, off, acc, v))
		return H5FLASH_BUS_OK;

	b = off >= REG_BANK2_DELTA + REG_SECBB1R1 ? off - REG_BANK2_DELTA : off;
	bank = off >= REG_BANK2_DELTA + REG_SECBB1R1 ? 1 : 0;

	switch (off) {
	case REG_ACR:
		if (acc->privileged)
			f->acr = v & 0x13Fu;
		break;
	case REG_NSKEYR: keyr_write(f, KEY_NS, v); break;
	case REG_SECKEYR: keyr_write(f, KEY_SEC, v); break;
	case REG_OPTKEYR: keyr_write(f, KEY_OPT, v); break;
	case REG_NSOBKKEYR: keyr_write(f, KEY_NSOBK, v); break;
	case REG_SECOBKKEYR: keyr_write(f, KEY_SECOBK, v); break;
	case REG_OPTCR: optcr_write(f, acc, v); break;
	case REG_NSCR: cr_write(f, SET_NS, acc, v); break;
	case REG_SECCR: cr_write(f, SET_SEC, acc, v); break;
	case REG_NSCCR: f->sr[SET_NS] &= ~(v & 0x00FF0000u); break;
	case REG_SECCCR: f->sr[SET_SEC] &= ~(v & 0x007F0000u); break;
	case REG_PRIVCFGR:
		if (acc->privileged)
			f->privcfgr = v & 0x3u;
		break;
	case REG_NSOBKCFGR: obkcfgr_write(f, SET_NS, v); break;
	case REG_SECOBKCFGR: obkcfgr_write(f, SET_SEC, v); break;
	case REG_HDPEXTR:
		f->hdpextr = v & (f->vi->sector_field_mask | f->vi->sector_field_mask << 16);
		break;
	case REG_ECCCORR:
		f->ecccorr = (f->ecccorr & ~ECC_ECCCIE) | (v & ECC_ECCCIE);
		if (v & ECC_ECCC)
			f->ecccorr &= ~ECC_ECCC;
		break;
	case REG_ECCDETR:
		if (v & ECC_ECCD)
			f->eccdetr &= ~ECC_ECCD;
		break;
	default:
		if (b >= REG_SECBB1R1 && b < REG_SECBB1R1 + 0x10) {
			y = (b - REG_SECBB1R1) / 4;
			uint32_t valid;
			if (f->sectors_per_bank >= 32 * (y + 1))
				valid = 0xFFFFFFFFu;
			else if (f->sectors_per_bank <= 32 * y)
				valid = 0;
			else
				valid = (1u << (f->sectors_per_bank - 32 * y)) - 1;
			f->secbb[bank][y] = v & valid;
		} else if (b >= REG_PRIVBB1R1 && b < REG_PRIVBB1R1 + 0x10) {
			y = (b - REG_PRIVBB1R1) / 4;
			if (acc->privileged)
				f->privbb[bank][y] = v & f->vi->privbb_mask;
		}
		break;
	}
	return H5FLASH_BUS_OK;
}
