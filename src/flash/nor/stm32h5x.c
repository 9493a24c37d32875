// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Flash driver "stm32h5x" for every STM32H5 line (H503, H52x/H53x, H56x/H57x, H54x/H55x,
 * H5E/H5F): user flash (non-secure alias 0x08000000, secure alias 0x0C000000), OTP
 * (0x08FFF000) and EDATA (0x09000000 / 0x0D000000) banks; probe, erase, write through an
 * on-target loader or directly, WRP protection, raw option-byte access, and the "stm32h5x"
 * command group that also carries the lifecycle library's commands.
 * Facts: h5-flash-ob.md (§ numbers below refer to it).
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "imp.h"
#include <helper/binarybuffer.h>
#include <helper/time_support.h>
#include <target/algorithm.h>
#include <target/armv7m.h>
#include "stm32h5x.h"
#include "target/stm32h5/ap1_watch.h"
#include "target/stm32h5/commands.h"
#include "target/stm32h5/product_state.h"
#include "target/stm32h5/progress.h"

/* ---- fixed addresses (§1.1, §2.1) ------------------------------------------------------- */

#define STM32H5X_DBGMCU_IDCODE		0x44024000u
#define STM32H5X_FLASHSIZE_ADDR		0x08FFF80Cu
#define STM32H5X_OTP_BASE		0x08FFF000u
#define STM32H5X_OTP_SIZE		0x800u
#define STM32H5X_OTP_BLOCK_SIZE		64u
#define STM32H5X_SECTOR_SIZE		0x2000u
#define STM32H5X_EDATA_SECTOR_SIZE	0x1800u		/* 8 KiB sector as 6 KiB of EDATA */
#define STM32H5X_SECURE_ALIAS_DELTA	0x04000000u	/* 0x08.. -> 0x0C.., 0x09.. -> 0x0D.. */

#define STM32H5X_TZEN_ENABLED		0xB4u
#define STM32H5X_SECWM1R_CUR		0x0E0u		/* bank 2 at +0x100; STRT [6:0], END [22:16] */

/* timeouts, in ms (generous: datasheet maxima are far lower) */
#define STM32H5X_TIMEOUT_WORD		100
#define STM32H5X_TIMEOUT_SECTOR		2000
#define STM32H5X_TIMEOUT_BANK		30000
#define STM32H5X_TIMEOUT_OPTION		5000
#define STM32H5X_POLL_SLEEP_AFTER	50

/* direct path: flash words written as one queued block between two status checks */
#define STM32H5X_DIRECT_BLOCK		64

/*
 * Loader FIFO: at least this much, at most this much. OpenOCD's async algorithm fills the
 * whole free FIFO before it publishes the write pointer, so the flash waits for the first fill
 * and, after the last byte has crossed the link, still has the last fill to program: both cost
 * about FIFO / rate and overlap nothing. The FIFO only has to cover the host's gap between two
 * refills (a 2 ms sleep when full, plus a few adapter round trips); 4 KiB is 256 flash words,
 * about 15 ms of programming at the [U] 60 us per word. A bigger FIFO makes the fill and the
 * drain longer and gains nothing once that gap is covered.
 */
#define STM32H5X_FIFO_MIN		256u
#define STM32H5X_FIFO_MAX		4096u

/* ---- parts table (§1.2, §1.3, §3.2) ------------------------------------------------------ */

static const struct stm32h5x_rev stm32h503_revs[] = {
	{ 0x1000, "A" }, { 0x1001, "Z" }, { 0x1003, "Y" },
};

static const struct stm32h5x_rev stm32h56x_revs[] = {
	{ 0x1000, "A" }, { 0x1001, "Z" }, { 0x1007, "X" },
};

static const struct stm32h5x_rev stm32h5ef_revs[] = {
	{ 0x1000, "A" }, { 0x1001, "Z" },
};

static const struct stm32h5x_part_info stm32h5x_parts[] = {
	{
		.dev_id = 0x474, .name = "STM32H503", .family = H5_FAMILY_H503,
		.has_trustzone = false, .has_obk = false, .has_edata = false,
		.max_flash_kb = 128, .rm = "RM0492",
		.revs = stm32h503_revs, .num_revs = ARRAY_SIZE(stm32h503_revs),
		.wrp_sectors_per_group = 1, .wrp_bits = 8,
		.secbb_regs_per_bank = 0, .edata_sectors_per_bank = 0,
		.sr_error_mask = 0x009E0000,	/* no OBKERR/OBKWERR on the H503 */
	},
	{
		.dev_id = 0x478, .name = "STM32H52x/H53x", .family = H5_FAMILY_H52X,
		.has_trustzone = true, .has_obk = true, .has_edata = true,
		.max_flash_kb = 512, .rm = "RM0481",
		.revs = NULL, .num_revs = 0,	/* REV_ID names unknown (§10.8) */
		.wrp_sectors_per_group = 4, .wrp_bits = 8,
		.secbb_regs_per_bank = 1, .edata_sectors_per_bank = 8,
		.sr_error_mask = STM32H5X_SR_ERROR_MASK,
	},
	{
		.dev_id = 0x484, .name = "STM32H56x/H57x", .family = H5_FAMILY_H56X,
		.has_trustzone = true, .has_obk = true, .has_edata = true,
		.max_flash_kb = 2048, .rm = "RM0481",
		.revs = stm32h56x_revs, .num_revs = ARRAY_SIZE(stm32h56x_revs),
		.wrp_sectors_per_group = 4, .wrp_bits = 32,
		.secbb_regs_per_bank = 4, .edata_sectors_per_bank = 8,
		.sr_error_mask = STM32H5X_SR_ERROR_MASK,
	},
	{
		/* only the ID and the maximum size are confirmed; the rest follows RM0481 parts */
		.dev_id = 0x47C, .name = "STM32H54x/H55x", .family = H5_FAMILY_H54X,
		.has_trustzone = true, .has_obk = true, .has_edata = true,
		.max_flash_kb = 1024, .rm = "RM0539",
		.revs = NULL, .num_revs = 0,
		.wrp_sectors_per_group = 4, .wrp_bits = 32,
		.secbb_regs_per_bank = 2, .edata_sectors_per_bank = 8,
		.sr_error_mask = STM32H5X_SR_ERROR_MASK,
	},
	{
		/* 4 MiB line: WRP beyond sector 127 of a bank lives in WRPx2R, not handled (§3.1) */
		.dev_id = 0x47A, .name = "STM32H5Ex/H5Fx", .family = H5_FAMILY_H5EF,
		.has_trustzone = true, .has_obk = true, .has_edata = true,
		.max_flash_kb = 4096, .rm = "RM0517",
		.revs = stm32h5ef_revs, .num_revs = ARRAY_SIZE(stm32h5ef_revs),
		.wrp_sectors_per_group = 4, .wrp_bits = 32,
		.secbb_regs_per_bank = 8, .edata_sectors_per_bank = 8,
		.sr_error_mask = STM32H5X_SR_ERROR_MASK,
	},
};

/* ---- register sets (§3.1, §5.8): data, not code ----------------------------------------- */

struct stm32h5x_reg_set {
	const char *name;
	uint32_t base;
	uint32_t keyr, sr, cr, ccr;
};

static const struct stm32h5x_reg_set stm32h5x_ns_regs = {
	.name = "non-secure", .base = STM32H5X_FLASH_REGS_NS,
	.keyr = 0x04, .sr = 0x20, .cr = 0x28, .ccr = 0x30,
};

static const struct stm32h5x_reg_set stm32h5x_s_regs = {
	.name = "secure", .base = STM32H5X_FLASH_REGS_S,
	.keyr = 0x08, .sr = 0x24, .cr = 0x2C, .ccr = 0x34,
};

/* ---- the memory windows a bank may cover --------------------------------------------------- */

enum stm32h5x_kind {
	STM32H5X_USER,
	STM32H5X_OTP,
	STM32H5X_EDATA,
};

struct stm32h5x_window {
	uint32_t base;
	enum stm32h5x_kind kind;
	bool secure_alias;
	const char *name;
};

static const struct stm32h5x_window stm32h5x_windows[] = {
	{ 0x08000000, STM32H5X_USER, false, "user flash, non-secure alias" },
	{ 0x0C000000, STM32H5X_USER, true, "user flash, secure alias" },
	{ STM32H5X_OTP_BASE, STM32H5X_OTP, false, "OTP" },
	{ 0x09000000, STM32H5X_EDATA, false, "EDATA, non-secure alias" },
	{ 0x0D000000, STM32H5X_EDATA, true, "EDATA, secure alias" },
};

/* ---- status-register errors by name (§3.4, §5.7) ---------------------------------------- */

static const struct {
	uint32_t bit;
	const char *name;
	const char *meaning;
} stm32h5x_sr_errors[] = {
	{ STM32H5X_SR_WRPERR, "WRPERR",
		"write protection: sector write-protected (WRP), hidden (HDP) or secure, or OTP block locked" },
	{ STM32H5X_SR_PGSERR, "PGSERR", "programming sequence error" },
	{ STM32H5X_SR_STRBERR, "STRBERR", "strobe error: a byte of the 16-byte write buffer written twice" },
	{ STM32H5X_SR_INCERR, "INCERR",
		"inconsistency error: write buffer filled across flash words or security attributes" },
	{ STM32H5X_SR_OBKERR, "OBKERR", "OBK key slot not owned by the current OBK-HDPL" },
	{ STM32H5X_SR_OBKWERR, "OBKWERR", "OBK write to a location that is not virgin" },
	{ STM32H5X_SR_OPTCHANGEERR, "OPTCHANGEERR", "option-byte change refused or failed" },
};

/* ---- per-bank state ---------------------------------------------------------------------- */

struct stm32h5x_flash_bank {
	bool probed;
	const struct stm32h5x_window *window;
	uint32_t user_size;		/* size given to "flash bank", 0 = from FLASHSIZE */
	const struct stm32h5x_part_info *part;
	uint32_t idcode;
	unsigned int flash_kb;		/* user flash, both banks */
	unsigned int sectors_per_bank;	/* 8 KiB sectors of one physical bank */
	/* state read before every operation */
	uint32_t optsr, optsr2, optcr;
	uint8_t pstate;
	bool tzen;
	bool swapped;
	bool announced;			/* the probe result was logged */
	uint32_t announced_summary;
};

static int stm32h5x_probe(struct flash_bank *bank);

/* Whether a bank is one of ours. By name, so that no declaration of stm32h5x_flash is needed
 * here: OpenOCD 0.12.0 declares the drivers in drivers.c, master in driver.h. */
static bool stm32h5x_is_ours(const struct flash_bank *bank)
{
	return strcmp(bank->driver->name, "stm32h5x") == 0;
}

static struct stm32h5x_flash_bank *stm32h5x_info(struct flash_bank *bank)
{
	return bank->driver_priv;
}

static const char *stm32h5x_pstate_str(uint8_t pstate)
{
	const char *name = h5_pstate_name(pstate);
	return name ? name : "unknown";
}

/* flash bank <name> stm32h5x <base> <size> 0 0 <target> */
FLASH_BANK_COMMAND_HANDLER(stm32h5x_flash_bank_command)
{
	const struct stm32h5x_window *window = NULL;

	if (CMD_ARGC < 6)
		return ERROR_COMMAND_SYNTAX_ERROR;

	for (unsigned int i = 0; i < ARRAY_SIZE(stm32h5x_windows); i++) {
		if (stm32h5x_windows[i].base == bank->base)
			window = &stm32h5x_windows[i];
	}
	if (!window) {
		LOG_ERROR("stm32h5x: no STM32H5 flash at " TARGET_ADDR_FMT ": the bank base must be "
			"0x08000000 or 0x0C000000 (user flash), 0x08FFF000 (OTP), "
			"0x09000000 or 0x0D000000 (EDATA)", bank->base);
		return ERROR_FAIL;
	}

	struct stm32h5x_flash_bank *info = calloc(1, sizeof(*info));
	if (!info) {
		LOG_ERROR("stm32h5x: out of memory");
		return ERROR_FAIL;
	}
	info->window = window;
	info->user_size = window->kind == STM32H5X_USER ? bank->size : 0;
	bank->driver_priv = info;
	/* a harmless size until probe: never 0, which would match every address */
	bank->size = window->kind == STM32H5X_OTP ? STM32H5X_OTP_SIZE : STM32H5X_SECTOR_SIZE;
	bank->write_start_alignment = window->kind == STM32H5X_USER ? STM32H5X_FLASH_WORD : 2;
	bank->write_end_alignment = bank->write_start_alignment;
	stm32h5_ap1_watch(bank->target);	/* quiet polling while AP1 is closed */
	return ERROR_OK;
}

/* ---- register access ----------------------------------------------------------------------- */

static int stm32h5x_reg_get(struct flash_bank *bank, const struct stm32h5x_reg_set *regs,
		uint32_t offset, uint32_t *value)
{
	int retval = target_read_u32(bank->target, regs->base + offset, value);
	if (retval != ERROR_OK)
		LOG_ERROR("stm32h5x: cannot read FLASH register 0x%08" PRIx32, regs->base + offset);
	return retval;
}

static int stm32h5x_reg_put(struct flash_bank *bank, const struct stm32h5x_reg_set *regs,
		uint32_t offset, uint32_t value)
{
	int retval = target_write_u32(bank->target, regs->base + offset, value);
	if (retval != ERROR_OK)
		LOG_ERROR("stm32h5x: cannot write FLASH register 0x%08" PRIx32, regs->base + offset);
	return retval;
}

/* Names every error bit set in sr; returns true if there was one. */
/* ": NAME (meaning)" of the last reported error, for a command's error text */
static char stm32h5x_last_error[200];

static bool stm32h5x_report_errors(const char *what, uint32_t sr, uint32_t mask)
{
	uint32_t errors = sr & mask;
	if (!errors)
		return false;
	for (unsigned int i = 0; i < ARRAY_SIZE(stm32h5x_sr_errors); i++) {
		if (!(errors & stm32h5x_sr_errors[i].bit))
			continue;
		LOG_ERROR("stm32h5x: %s failed: %s (%s)", what, stm32h5x_sr_errors[i].name,
			stm32h5x_sr_errors[i].meaning);
		snprintf(stm32h5x_last_error, sizeof(stm32h5x_last_error), ": %s (%s)",
			stm32h5x_sr_errors[i].name, stm32h5x_sr_errors[i].meaning);
	}
	return true;
}

/*
 * WRPERR has four causes (a write-protected sector group, the HDP area, a sector secure by
 * watermark, a locked OTP block): the ones the option bytes show active, appended to the
 * last error's text and logged. Reads only; nothing if none can be read.
 */
#define STM32H5X_SECWM1R_CUR	0x0E0u
#define STM32H5X_HDP1R_CUR	0x0F8u
#define STM32H5X_SECTOR_FIELD	0x7Fu	/* STRT [6:0], END [22:16] */

static void stm32h5x_explain_wrperr(struct flash_bank *bank)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	char why[240] = "";
	size_t n = 0;
	uint32_t v;

#define WHY(...) do { \
		int w_ = snprintf(why + n, sizeof(why) - n, "%s", n ? "; " : ""); \
		if (w_ > 0 && (size_t)w_ < sizeof(why) - n) \
			n += (size_t)w_; \
		w_ = snprintf(why + n, sizeof(why) - n, __VA_ARGS__); \
		if (w_ > 0 && (size_t)w_ < sizeof(why) - n) \
			n += (size_t)w_; \
	} while (0)
	if (!info->part)
		return;
	if (info->window->kind == STM32H5X_OTP) {
		if (stm32h5x_read_reg(bank, STM32H5X_OTPBLR_CUR, &v) == ERROR_OK && v)
			WHY("OTP blocks locked (OTPBLR_CUR 0x%08" PRIx32 ")", v);
	} else {
		uint32_t groups = info->part->wrp_bits >= 32 ? 0xFFFFFFFFu :
			(1u << info->part->wrp_bits) - 1;
		for (unsigned int b = 0; b < 2; b++) {
			uint32_t delta = b * STM32H5X_BANK2_REG_DELTA;
			if (stm32h5x_read_reg(bank, STM32H5X_WRP1R_CUR + delta, &v) == ERROR_OK
					&& (~v & groups))
				WHY("bank %u sector groups write-protected (WRPSGn%u 0x%" PRIx32 ")",
					b + 1, b + 1, v & groups);
			if (stm32h5x_read_reg(bank, STM32H5X_HDP1R_CUR + delta, &v) == ERROR_OK
					&& (v & STM32H5X_SECTOR_FIELD) <= ((v >> 16) & STM32H5X_SECTOR_FIELD))
				WHY("bank %u sectors %" PRIu32 "..%" PRIu32 " hidden (HDP)", b + 1,
					v & STM32H5X_SECTOR_FIELD, (v >> 16) & STM32H5X_SECTOR_FIELD);
			if (info->tzen && stm32h5x_read_reg(bank, STM32H5X_SECWM1R_CUR + delta, &v)
					== ERROR_OK && (v & STM32H5X_SECTOR_FIELD) <=
					((v >> 16) & STM32H5X_SECTOR_FIELD))
				WHY("bank %u sectors %" PRIu32 "..%" PRIu32 " secure (SECWM)", b + 1,
					v & STM32H5X_SECTOR_FIELD, (v >> 16) & STM32H5X_SECTOR_FIELD);
		}
	}
#undef WHY
	if (!n)
		return;
	LOG_ERROR("stm32h5x: WRPERR: the option bytes show %s", why);
	snprintf(stm32h5x_last_error, sizeof(stm32h5x_last_error), ": WRPERR: %s", why);
}

static uint32_t stm32h5x_error_mask(struct flash_bank *bank)
{
	const struct stm32h5x_part_info *part = stm32h5x_info(bank)->part;
	return part ? part->sr_error_mask : STM32H5X_SR_ERROR_MASK;
}

/* Waits until BSY, WBNE and DBNE are clear, then reports and clears (CCR) any error (§5.1). */
static int stm32h5x_wait_idle(struct flash_bank *bank, const struct stm32h5x_reg_set *regs,
		const char *what, int timeout_ms)
{
	uint32_t sr;
	int64_t start = timeval_ms();
	int retval;

	for (;;) {
		retval = stm32h5x_reg_get(bank, regs, regs->sr, &sr);
		if (retval != ERROR_OK)
			return retval;
		if (!(sr & STM32H5X_SR_BUSY_MASK))
			break;
		int64_t elapsed = timeval_ms() - start;
		if (elapsed > timeout_ms) {
			LOG_ERROR("stm32h5x: %s: timed out after %d ms, %s SR = 0x%08" PRIx32
				" (BSY/WBNE/DBNE still set)", what, timeout_ms, regs->name, sr);
			return ERROR_FLASH_OPERATION_FAILED;
		}
		/* each poll is a debug-link round trip; sleep only in long operations */
		if (elapsed > STM32H5X_POLL_SLEEP_AFTER)
			alive_sleep(1);
		else
			keep_alive();
	}

	uint32_t mask = stm32h5x_error_mask(bank);
	if (stm32h5x_report_errors(what, sr, mask)) {
		if (sr & mask & STM32H5X_SR_WRPERR)
			stm32h5x_explain_wrperr(bank);
		stm32h5x_reg_put(bank, regs, regs->ccr, sr & mask);
		return ERROR_FLASH_OPERATION_FAILED;
	}
	return ERROR_OK;
}

/* Clears error flags left by someone else, so that they do not block the next operation. */
static int stm32h5x_clear_stale_errors(struct flash_bank *bank, const struct stm32h5x_reg_set *regs)
{
	uint32_t sr;
	int retval = stm32h5x_reg_get(bank, regs, regs->sr, &sr);
	if (retval != ERROR_OK)
		return retval;
	sr &= stm32h5x_error_mask(bank);
	if (!sr)
		return ERROR_OK;
	LOG_DEBUG("stm32h5x: clearing stale %s SR errors 0x%08" PRIx32, regs->name, sr);
	return stm32h5x_reg_put(bank, regs, regs->ccr, sr);
}

/* §3.3/§5.2: write the keys only when LOCK reads 1 (a second unlock locks until reset). */
static int stm32h5x_unlock(struct flash_bank *bank, const struct stm32h5x_reg_set *regs)
{
	uint32_t cr;
	int retval = stm32h5x_reg_get(bank, regs, regs->cr, &cr);
	if (retval != ERROR_OK)
		return retval;
	if (!(cr & STM32H5X_CR_LOCK))
		return ERROR_OK;

	retval = stm32h5x_reg_put(bank, regs, regs->keyr, STM32H5X_KEY1);
	if (retval == ERROR_OK)
		retval = stm32h5x_reg_put(bank, regs, regs->keyr, STM32H5X_KEY2);
	if (retval == ERROR_OK)
		retval = stm32h5x_reg_get(bank, regs, regs->cr, &cr);
	if (retval != ERROR_OK)
		return retval;
	if (cr & STM32H5X_CR_LOCK) {
		LOG_ERROR("stm32h5x: %s FLASH CR stays locked: a wrong key sequence locked it until "
			"the next reset", regs->name);
		return ERROR_FLASH_OPERATION_FAILED;
	}
	return ERROR_OK;
}

static int stm32h5x_lock(struct flash_bank *bank, const struct stm32h5x_reg_set *regs)
{
	/* CR = LOCK also clears PG/SER/BER/MER/BKSEL/SNB (§5.2) */
	return stm32h5x_reg_put(bank, regs, regs->cr, STM32H5X_CR_LOCK);
}

/* ---- device state ------------------------------------------------------------------------ */

/* Reads product state, TZEN and bank swap: they may change under us (option bytes, DA). */
static int stm32h5x_read_state(struct flash_bank *bank)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	int retval = stm32h5x_reg_get(bank, &stm32h5x_ns_regs, STM32H5X_OPTSR_CUR, &info->optsr);
	if (retval == ERROR_OK)
		retval = stm32h5x_reg_get(bank, &stm32h5x_ns_regs, STM32H5X_OPTCR, &info->optcr);
	if (retval == ERROR_OK && info->part->has_trustzone)
		retval = stm32h5x_reg_get(bank, &stm32h5x_ns_regs, STM32H5X_OPTSR2_CUR, &info->optsr2);
	if (retval != ERROR_OK)
		return retval;
	info->pstate = (info->optsr & H5_OPTSR_PRODUCT_STATE_MASK) >> H5_OPTSR_PRODUCT_STATE_SHIFT;
	info->tzen = info->part->has_trustzone && (info->optsr2 >> 24) == STM32H5X_TZEN_ENABLED;
	info->swapped = info->optcr & STM32H5X_OPTCR_SWAP_BANK;
	return ERROR_OK;
}

/*
 * TZEN on in Open or Provisioning: the debugger works through the secure register set (§5.8).
 * Provisioning keeps secure debug open ("Secure Firmware install can be launched in this
 * state", §4.3); no user code runs there, so there is no loader either (docs/lifecycle.md).
 */
static bool stm32h5x_secure_side_open(uint8_t pstate)
{
	return pstate == H5_PSTATE_OPEN || pstate == H5_PSTATE_PROVISIONING;
}

static bool stm32h5x_secure_programming(struct stm32h5x_flash_bank *info)
{
	return info->tzen && stm32h5x_secure_side_open(info->pstate);
}

static const struct stm32h5x_reg_set *stm32h5x_regs_for(struct stm32h5x_flash_bank *info)
{
	return stm32h5x_secure_programming(info) ? &stm32h5x_s_regs : &stm32h5x_ns_regs;
}

/* The last refusal of stm32h5x_prepare(), logged and kept whole, for a command's error text */
static char stm32h5x_refusal[300];

static __attribute__ ((format (PRINTF_ATTRIBUTE_FORMAT, 1, 2)))
void stm32h5x_refuse(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(stm32h5x_refusal, sizeof(stm32h5x_refusal), fmt, ap);
	va_end(ap);
	LOG_ERROR("%s", stm32h5x_refusal);
}

/* Refuses operations the device state forbids, with a message that says why. */
static int stm32h5x_check_access(struct flash_bank *bank, const char *what)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	const struct stm32h5x_window *w = info->window;

	if (w->kind == STM32H5X_EDATA && !info->part->has_edata) {
		stm32h5x_refuse("stm32h5x: %s refused: the %s has no EDATA area", what, info->part->name);
		return ERROR_FLASH_OPER_UNSUPPORTED;
	}
	if (!w->secure_alias)
		return ERROR_OK;
	if (!info->part->has_trustzone) {
		stm32h5x_refuse("stm32h5x: %s refused: the %s has no TrustZone, so there is no secure alias at "
			"0x%08" PRIx32 "; use the non-secure bank", what, info->part->name, w->base);
		return ERROR_FLASH_OPER_UNSUPPORTED;
	}
	if (!info->tzen) {
		stm32h5x_refuse("stm32h5x: %s refused: TrustZone is disabled (OPTSR2.TZEN = 0x%02" PRIx32 "), the "
			"secure alias 0x%08" PRIx32 " is not in use; use the non-secure bank", what,
			info->optsr2 >> 24, w->base);
		return ERROR_FLASH_OPER_UNSUPPORTED;
	}
	if (!stm32h5x_secure_side_open(info->pstate)) {
		stm32h5x_refuse("stm32h5x: %s refused: product state %s (0x%02" PRIx8 ") closes the secure side; "
			"secure-alias operations need Open or Provisioning (Debug Authentication can "
			"reopen it)",
			what, stm32h5x_pstate_str(info->pstate), info->pstate);
		return ERROR_FLASH_OPER_UNSUPPORTED;
	}
	return ERROR_OK;
}

/* Everything an operation needs first: probed, fresh state, allowed. */
static int stm32h5x_prepare(struct flash_bank *bank, const char *what, bool need_halt)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);

	stm32h5x_refusal[0] = '\0';
	if (need_halt && bank->target->state != TARGET_HALTED) {
		stm32h5x_refuse("stm32h5x: %s: target not halted (halt it first: 'halt' or 'reset halt')",
			what);
		return ERROR_TARGET_NOT_HALTED;
	}
	if (!info->probed) {
		int retval = stm32h5x_probe(bank);
		if (retval != ERROR_OK)
			return retval;
	}
	int retval = stm32h5x_read_state(bank);
	if (retval != ERROR_OK)
		return retval;
	return stm32h5x_check_access(bank, what);
}

/* ---- SECBB: all sectors secure during a secure-set operation, restored afterwards -------- */

#define STM32H5X_MAX_SECBB	16	/* 2 banks x 8 registers */

struct stm32h5x_secbb_save {
	unsigned int count;
	uint32_t value[STM32H5X_MAX_SECBB];
};

static uint32_t stm32h5x_secbb_offset(unsigned int index, unsigned int per_bank)
{
	unsigned int phys_bank = index / per_bank;
	return STM32H5X_SECBB1R1 + phys_bank * STM32H5X_BANK2_REG_DELTA + 4 * (index % per_bank);
}

static int stm32h5x_secbb_set_all(struct flash_bank *bank, struct stm32h5x_secbb_save *save)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	unsigned int per_bank = info->part->secbb_regs_per_bank;

	save->count = 0;
	if (!stm32h5x_secure_programming(info) || !per_bank)
		return ERROR_OK;

	for (unsigned int i = 0; i < 2 * per_bank; i++) {
		uint32_t off = stm32h5x_secbb_offset(i, per_bank);
		int retval = stm32h5x_reg_get(bank, &stm32h5x_s_regs, off, &save->value[i]);
		if (retval != ERROR_OK)
			return retval;
		save->count = i + 1;
		retval = stm32h5x_reg_put(bank, &stm32h5x_s_regs, off, 0xFFFFFFFF);
		if (retval != ERROR_OK)
			return retval;
	}
	return ERROR_OK;
}

static int stm32h5x_secbb_restore(struct flash_bank *bank, const struct stm32h5x_secbb_save *save)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	unsigned int per_bank = info->part->secbb_regs_per_bank;
	int result = ERROR_OK;

	for (unsigned int i = 0; i < save->count; i++) {
		int retval = stm32h5x_reg_put(bank, &stm32h5x_s_regs, stm32h5x_secbb_offset(i, per_bank),
				save->value[i]);
		if (retval != ERROR_OK) {
			LOG_ERROR("stm32h5x: could not restore SECBB register %u to 0x%08" PRIx32,
				i, save->value[i]);
			result = retval;
		}
	}
	return result;
}

/* Opens a program/erase session: SECBB (secure set), unlock, stale errors, idle. */
static int stm32h5x_session_open(struct flash_bank *bank, const struct stm32h5x_reg_set *regs,
		struct stm32h5x_secbb_save *save, const char *what)
{
	int retval = stm32h5x_secbb_set_all(bank, save);
	if (retval == ERROR_OK)
		retval = stm32h5x_unlock(bank, regs);
	if (retval == ERROR_OK)
		retval = stm32h5x_clear_stale_errors(bank, regs);
	if (retval == ERROR_OK)
		retval = stm32h5x_wait_idle(bank, regs, what, STM32H5X_TIMEOUT_BANK);
	return retval;
}

/* Closes it whatever happened: lock, SECBB back; the first error wins. */
static int stm32h5x_session_close(struct flash_bank *bank, const struct stm32h5x_reg_set *regs,
		const struct stm32h5x_secbb_save *save, int retval)
{
	int retval2 = stm32h5x_lock(bank, regs);
	int retval3 = stm32h5x_secbb_restore(bank, save);
	if (retval != ERROR_OK)
		return retval;
	return retval2 != ERROR_OK ? retval2 : retval3;
}

/* ---- geometry ------------------------------------------------------------------------------ */

/* Physical bank (0/1) of a logical half of the address space (§2.2: BKSEL ignores SWAP_BANK). */
static unsigned int stm32h5x_phys_bank(struct stm32h5x_flash_bank *info, unsigned int half)
{
	return half ^ (info->swapped ? 1 : 0);
}

/* Where data is written: through the secure alias when the secure register set is in use. */
static uint32_t stm32h5x_data_base(struct flash_bank *bank)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	uint32_t base = info->window->base;

	if (info->window->kind == STM32H5X_OTP)
		return base;
	if (stm32h5x_secure_programming(info) && !info->window->secure_alias)
		return base + STM32H5X_SECURE_ALIAS_DELTA;
	return base;
}

/* Number of EDATA sectors enabled in physical bank pb (EDATAxR_CUR, §2.3). */
static int stm32h5x_edata_enabled(struct flash_bank *bank, unsigned int pb, unsigned int *count)
{
	uint32_t edatar;
	int retval = stm32h5x_reg_get(bank, &stm32h5x_ns_regs,
			STM32H5X_EDATA1R_CUR + pb * STM32H5X_BANK2_REG_DELTA, &edatar);
	if (retval != ERROR_OK)
		return retval;
	*count = (edatar & STM32H5X_EDATA_EN) ? (edatar & STM32H5X_EDATA_STRT_MASK) + 1 : 0;
	return ERROR_OK;
}

/* EDATA bank sector i: physical bank and user-flash sector behind it (§2.3, [I]). */
static void stm32h5x_edata_sector(struct stm32h5x_flash_bank *info, unsigned int i,
		unsigned int *pb, unsigned int *slot, unsigned int *snb)
{
	unsigned int per_bank = info->part->edata_sectors_per_bank;
	*pb = i / per_bank;
	*slot = i % per_bank;
	*snb = info->sectors_per_bank - per_bank + *slot;
}

/* (Re)builds a sector or protection-block array whose second half starts at second_half_offset.
 * An array of the same length is reused: callers up the stack may still hold it. */
static int stm32h5x_alloc_sectors(struct flash_sector **array, unsigned int *old_count,
		unsigned int count, uint32_t size, uint32_t second_half_offset)
{
	if (!*array || *old_count != count) {
		free(*array);
		*array = calloc(count, sizeof(struct flash_sector));
	}
	if (!*array) {
		*old_count = 0;
		LOG_ERROR("stm32h5x: out of memory");
		return ERROR_FAIL;
	}
	*old_count = count;
	for (unsigned int i = 0; i < count; i++) {
		unsigned int half = i >= count / 2 ? 1 : 0;
		(*array)[i].offset = half * second_half_offset + (i - half * count / 2) * size;
		(*array)[i].size = size;
		(*array)[i].is_erased = -1;
		(*array)[i].is_protected = -1;
	}
	return ERROR_OK;
}

/*
 * TrustZone on: the non-secure alias cannot reach the sectors the watermark makes secure (a write
 * would fail or read back wrong at verify). Refuses before anything is written, and says what
 * to do instead. first..last are sector indexes of this bank.
 */
static int stm32h5x_check_ns_alias(struct flash_bank *bank, unsigned int first, unsigned int last,
		const char *what)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	unsigned int per_bank = info->sectors_per_bank;

	if (info->window->kind != STM32H5X_USER || info->window->secure_alias || !info->tzen)
		return ERROR_OK;
	for (unsigned int half = 0; half < 2 && half * per_bank <= last; half++) {
		unsigned int lo = half * per_bank;
		if (first >= lo + per_bank)
			continue;
		unsigned int pb = stm32h5x_phys_bank(info, half);
		uint32_t secwm;
		int retval = stm32h5x_reg_get(bank, &stm32h5x_ns_regs,
				STM32H5X_SECWM1R_CUR + pb * STM32H5X_BANK2_REG_DELTA, &secwm);
		if (retval != ERROR_OK)
			return retval;
		unsigned int strt = secwm & 0x7F, end = (secwm >> 16) & 0x7F;
		unsigned int a = first > lo ? first - lo : 0;
		unsigned int b = last - lo < per_bank ? last - lo : per_bank - 1;
		unsigned int s0 = a > strt ? a : strt, s1 = b < end ? b : end;
		if (s0 > s1)
			continue;
		uint32_t addr = info->window->base + bank->sectors[lo + s0].offset;
		LOG_ERROR("stm32h5x: %s refused: TrustZone is on and sectors %u..%u of bank %u "
			"(0x%08" PRIx32 "..) are secure (SECWM%u covers %u..%u), so the non-secure alias "
			"0x%08" PRIx32 " cannot reach them. Program a secure image at the secure alias "
			"0x%08" PRIx32 " (link it there, or shift it: 'flash write_image erase FILE 0x%08x'), "
			"or make these sectors non-secure first ('stm32h5x ob SECWM%u_STRT=.. SECWM%u_END=..')",
			what, s0, s1, pb + 1, addr, pb + 1, strt, end, info->window->base,
			info->window->base + STM32H5X_SECURE_ALIAS_DELTA, STM32H5X_SECURE_ALIAS_DELTA,
			pb + 1, pb + 1);
		return ERROR_FLASH_OPER_UNSUPPORTED;
	}
	return ERROR_OK;
}

/* ---- probe ---------------------------------------------------------------------------------- */

static const char *stm32h5x_rev_name(const struct stm32h5x_part_info *part, uint16_t rev_id)
{
	for (unsigned int i = 0; i < part->num_revs; i++) {
		if (part->revs[i].rev_id == rev_id)
			return part->revs[i].name;
	}
	return "unknown";
}

static int stm32h5x_probe(struct flash_bank *bank)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	struct target *target = bank->target;
	int retval;

	info->probed = false;

	retval = target_read_u32(target, STM32H5X_DBGMCU_IDCODE, &info->idcode);
	if (retval != ERROR_OK) {
		LOG_ERROR("stm32h5x: cannot read DBGMCU_IDCODE at 0x%08x: the core's access port is closed "
			"(product state Closed/Locked, or the device is in reset or low power)",
			STM32H5X_DBGMCU_IDCODE);
		return retval;
	}

	uint16_t dev_id = info->idcode & 0xFFF;
	info->part = NULL;
	for (unsigned int i = 0; i < ARRAY_SIZE(stm32h5x_parts); i++) {
		if (stm32h5x_parts[i].dev_id == dev_id)
			info->part = &stm32h5x_parts[i];
	}
	if (!info->part) {
		LOG_ERROR("stm32h5x: DEV_ID 0x%03x (DBGMCU_IDCODE 0x%08" PRIx32 ") is not an STM32H5",
			dev_id, info->idcode);
		return ERROR_FAIL;
	}
	const struct stm32h5x_part_info *part = info->part;

	retval = stm32h5x_read_state(bank);
	if (retval != ERROR_OK)
		return retval;

	/* §1.1: FLASHSIZE in KiB; 0, 0xFFFF or above the line's maximum means "use the maximum" */
	uint16_t flash_kb = 0;
	retval = target_read_u16(target, STM32H5X_FLASHSIZE_ADDR, &flash_kb);
	if (retval != ERROR_OK || flash_kb == 0 || flash_kb == 0xFFFF || flash_kb > part->max_flash_kb) {
		LOG_WARNING("stm32h5x: flash size register unreadable or invalid (0x%04x), assuming the "
			"%s maximum of %u KiB", flash_kb, part->name, part->max_flash_kb);
		flash_kb = part->max_flash_kb;
	}
	info->flash_kb = flash_kb;
	if (info->user_size) {
		if (info->user_size % (2 * STM32H5X_SECTOR_SIZE) ||
				info->user_size > part->max_flash_kb * 1024u) {
			LOG_ERROR("stm32h5x: configured size 0x%" PRIx32 " is not a multiple of 16 KiB up to "
				"%u KiB", info->user_size, part->max_flash_kb);
			return ERROR_FAIL;
		}
		LOG_INFO("stm32h5x: using the configured size of %" PRIu32 " KiB instead of %u KiB",
			info->user_size / 1024, info->flash_kb);
		info->flash_kb = info->user_size / 1024;
	}
	info->sectors_per_bank = info->flash_kb * 1024 / 2 / STM32H5X_SECTOR_SIZE;

	switch (info->window->kind) {
	case STM32H5X_USER: {
		uint32_t half = info->flash_kb * 1024 / 2;
		bank->size = info->flash_kb * 1024;
		retval = stm32h5x_alloc_sectors(&bank->sectors, &bank->num_sectors,
				2 * info->sectors_per_bank, STM32H5X_SECTOR_SIZE, half);
		if (retval != ERROR_OK)
			return retval;
		unsigned int groups = info->sectors_per_bank / part->wrp_sectors_per_group;
		if (groups > part->wrp_bits)
			groups = part->wrp_bits;
		retval = stm32h5x_alloc_sectors(&bank->prot_blocks, &bank->num_prot_blocks,
				2 * groups, part->wrp_sectors_per_group * STM32H5X_SECTOR_SIZE, half);
		if (retval != ERROR_OK)
			return retval;
		bank->write_start_alignment = STM32H5X_FLASH_WORD;
		break;
	}
	case STM32H5X_OTP:
		bank->size = STM32H5X_OTP_SIZE;
		retval = stm32h5x_alloc_sectors(&bank->sectors, &bank->num_sectors,
				STM32H5X_OTP_SIZE / STM32H5X_OTP_BLOCK_SIZE, STM32H5X_OTP_BLOCK_SIZE,
				STM32H5X_OTP_SIZE / 2);
		if (retval != ERROR_OK)
			return retval;
		bank->write_start_alignment = 2;
		break;
	case STM32H5X_EDATA: {
		/* on the H503 this describes a window that does not exist; every access is refused */
		unsigned int per_bank = part->has_edata ? part->edata_sectors_per_bank : 8;
		bank->size = 2 * per_bank * STM32H5X_EDATA_SECTOR_SIZE;
		retval = stm32h5x_alloc_sectors(&bank->sectors, &bank->num_sectors,
				2 * per_bank, STM32H5X_EDATA_SECTOR_SIZE, bank->size / 2);
		if (retval != ERROR_OK)
			return retval;
		bank->write_start_alignment = 2;
		break;
	}
	}
	bank->write_end_alignment = bank->write_start_alignment;

	/* the first probe speaks; re-probes (after option changes) only when something changed */
	uint32_t summary = info->optsr ^ info->optsr2 ^ info->optcr ^ info->flash_kb;
	bool announce = !info->announced || summary != info->announced_summary;
	info->announced = true;
	info->announced_summary = summary;
	char summary_text[320];
	snprintf(summary_text, sizeof(summary_text),
		"stm32h5x: %s rev %s (DEV_ID 0x%03x, REV_ID 0x%04" PRIx32 "), %u KiB flash, "
		"product state %s, TrustZone %s%s; bank " TARGET_ADDR_FMT ": %s",
		part->name, stm32h5x_rev_name(part, info->idcode >> 16), dev_id, info->idcode >> 16,
		info->flash_kb, stm32h5x_pstate_str(info->pstate),
		part->has_trustzone ? (info->tzen ? "on" : "off") : "absent",
		info->swapped ? ", banks swapped" : "", bank->base, info->window->name);
	if (announce)
		LOG_INFO("%s", summary_text);
	else
		LOG_DEBUG("%s", summary_text);

	info->probed = true;
	return ERROR_OK;
}

static int stm32h5x_auto_probe(struct flash_bank *bank)
{
	if (stm32h5x_info(bank)->probed)
		return ERROR_OK;
	return stm32h5x_probe(bank);
}

/* ---- erase ---------------------------------------------------------------------------------- */

static int stm32h5x_erase_cr(struct flash_bank *bank, const struct stm32h5x_reg_set *regs,
		uint32_t cr, const char *what, int timeout_ms)
{
	int retval = stm32h5x_reg_put(bank, regs, regs->cr, cr);
	if (retval != ERROR_OK)
		return retval;
	return stm32h5x_wait_idle(bank, regs, what, timeout_ms);
}

static int stm32h5x_erase_sector(struct flash_bank *bank, const struct stm32h5x_reg_set *regs,
		unsigned int pb, unsigned int snb)
{
	char what[48];
	snprintf(what, sizeof(what), "erase of bank %u sector %u", pb + 1, snb);
	uint32_t cr = STM32H5X_CR_SER | STM32H5X_CR_STRT | (snb << STM32H5X_CR_SNB_SHIFT) |
		(pb ? STM32H5X_CR_BKSEL : 0);
	return stm32h5x_erase_cr(bank, regs, cr, what, STM32H5X_TIMEOUT_SECTOR);
}

static int stm32h5x_erase_user(struct flash_bank *bank, const struct stm32h5x_reg_set *regs,
		unsigned int first, unsigned int last)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	unsigned int spb = info->sectors_per_bank;
	struct h5_progress progress;
	int retval = ERROR_OK;

	h5_progress_start(&progress, "erasing", "sectors", 1, last - first + 1);
	for (unsigned int half = 0; half < 2 && retval == ERROR_OK; half++) {
		unsigned int lo = half * spb, hi = lo + spb - 1;
		if (last < lo || first > hi)
			continue;
		unsigned int pb = stm32h5x_phys_bank(info, half);
		if (first <= lo && last >= hi) {
			/* the whole physical bank: one bank erase (BER|STRT, §5.5) */
			char what[32];
			snprintf(what, sizeof(what), "erase of bank %u", pb + 1);
			retval = stm32h5x_erase_cr(bank, regs, STM32H5X_CR_BER | STM32H5X_CR_STRT |
					(pb ? STM32H5X_CR_BKSEL : 0), what, STM32H5X_TIMEOUT_BANK);
			continue;
		}
		for (unsigned int s = MAX(first, lo); s <= MIN(last, hi) && retval == ERROR_OK; s++) {
			retval = stm32h5x_erase_sector(bank, regs, pb, s - lo);
			h5_progress_update(&progress, s - first + 1);
		}
	}
	h5_progress_end(&progress, last - first + 1);
	return retval;
}

static int stm32h5x_erase_edata(struct flash_bank *bank, const struct stm32h5x_reg_set *regs,
		unsigned int first, unsigned int last)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	int retval = ERROR_OK;

	for (unsigned int i = first; i <= last && retval == ERROR_OK; i++) {
		unsigned int pb, slot, snb, enabled;
		stm32h5x_edata_sector(info, i, &pb, &slot, &snb);
		retval = stm32h5x_edata_enabled(bank, pb, &enabled);
		if (retval != ERROR_OK)
			break;
		if (slot < info->part->edata_sectors_per_bank - enabled) {
			LOG_ERROR("stm32h5x: EDATA sector %u (bank %u, sector %u) is not enabled as EDATA "
				"(EDATA%uR_CUR enables the last %u sectors)", i, pb + 1, snb, pb + 1, enabled);
			return ERROR_FLASH_OPER_UNSUPPORTED;
		}
		retval = stm32h5x_erase_sector(bank, regs, pb, snb);
	}
	return retval;
}

static int stm32h5x_erase(struct flash_bank *bank, unsigned int first, unsigned int last)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	int retval = stm32h5x_prepare(bank, "erase", true);
	if (retval != ERROR_OK)
		return retval;

	if (info->window->kind == STM32H5X_OTP) {
		LOG_ERROR("stm32h5x: OTP cannot be erased (one-time programmable)");
		return ERROR_FLASH_OPER_UNSUPPORTED;
	}
	if (first > last || last >= bank->num_sectors) {
		LOG_ERROR("stm32h5x: erase: sectors %u..%u outside 0..%u", first, last, bank->num_sectors - 1);
		return ERROR_FLASH_SECTOR_INVALID;
	}

	retval = stm32h5x_check_ns_alias(bank, first, last, "erase");
	if (retval != ERROR_OK)
		return retval;

	const struct stm32h5x_reg_set *regs = stm32h5x_regs_for(info);
	struct stm32h5x_secbb_save save;
	retval = stm32h5x_session_open(bank, regs, &save, "erase");
	if (retval == ERROR_OK) {
		if (info->window->kind == STM32H5X_USER)
			retval = stm32h5x_erase_user(bank, regs, first, last);
		else
			retval = stm32h5x_erase_edata(bank, regs, first, last);
	}
	return stm32h5x_session_close(bank, regs, &save, retval);
}

/* ---- write ---------------------------------------------------------------------------------- */

/* contrib/loaders/flash/stm32h5/stm32h5x.c, regenerated with `make -C contrib/loaders/flash/stm32h5` */
static const uint8_t stm32h5x_loader_code[] = {
#include "../../../contrib/loaders/flash/stm32h5/stm32h5x.inc"
};

/*
 * Programs count flash words through the on-target loader. *done gets the number of words
 * programmed. Returns ERROR_TARGET_RESOURCE_NOT_AVAILABLE when there is no room to run it,
 * ERROR_FLASH_OPERATION_FAILED on a flash error (named), other codes when the loader failed.
 */
static int stm32h5x_write_loader(struct flash_bank *bank, const struct stm32h5x_reg_set *regs,
		const uint8_t *buffer, uint32_t address, uint32_t count, uint32_t *done)
{
	*done = 0;
	struct target *target = bank->target;
	struct working_area *code = NULL, *area = NULL;
	const uint32_t header = offsetof(struct stm32h5x_work_area, fifo);
	int retval;

	if (target_alloc_working_area(target, sizeof(stm32h5x_loader_code), &code) != ERROR_OK) {
		LOG_INFO("stm32h5x: no working area for the flash loader");
		return ERROR_TARGET_RESOURCE_NOT_AVAILABLE;
	}
	uint32_t avail = target_get_working_area_avail(target);
	uint32_t fifo = avail > header + 8 ? (avail - header - 8) & ~(STM32H5X_FLASH_WORD - 1) : 0;
	if (fifo < STM32H5X_FIFO_MIN) {
		LOG_INFO("stm32h5x: working area too small for the flash loader's FIFO");
		target_free_working_area(target, code);
		return ERROR_TARGET_RESOURCE_NOT_AVAILABLE;
	}
	if (fifo > STM32H5X_FIFO_MAX)
		fifo = STM32H5X_FIFO_MAX;
	if (target_alloc_working_area_try(target, header + 8 + fifo, &area) != ERROR_OK) {
		target_free_working_area(target, code);
		return ERROR_TARGET_RESOURCE_NOT_AVAILABLE;
	}

	retval = target_write_buffer(target, code->address, sizeof(stm32h5x_loader_code),
			stm32h5x_loader_code);
	if (retval != ERROR_OK)
		goto out;

	uint8_t params[sizeof(struct stm32h5x_loader_params)];
	target_buffer_set_u32(target, params + offsetof(struct stm32h5x_loader_params, flash_sr_addr),
			regs->base + regs->sr);
	target_buffer_set_u32(target, params + offsetof(struct stm32h5x_loader_params, flash_cr_addr),
			regs->base + regs->cr);
	target_buffer_set_u32(target, params + offsetof(struct stm32h5x_loader_params, error_mask),
			stm32h5x_error_mask(bank));
	target_buffer_set_u32(target, params + offsetof(struct stm32h5x_loader_params, words_done), 0);
	retval = target_write_buffer(target, area->address, sizeof(params), params);
	if (retval != ERROR_OK)
		goto out;

	struct armv7m_algorithm armv7m_info = {
		.common_magic = ARMV7M_COMMON_MAGIC,
		.core_mode = ARM_MODE_THREAD,
	};
	struct reg_param reg_params[5];
	init_reg_param(&reg_params[0], "r0", 32, PARAM_IN_OUT);	/* work area */
	init_reg_param(&reg_params[1], "r1", 32, PARAM_OUT);	/* FIFO end */
	init_reg_param(&reg_params[2], "r2", 32, PARAM_OUT);	/* flash address */
	init_reg_param(&reg_params[3], "r3", 32, PARAM_OUT);	/* flash words */
	init_reg_param(&reg_params[4], "sp", 32, PARAM_OUT);
	buf_set_u32(reg_params[0].value, 0, 32, area->address);
	buf_set_u32(reg_params[1].value, 0, 32, area->address + area->size);
	buf_set_u32(reg_params[2].value, 0, 32, address);
	buf_set_u32(reg_params[3].value, 0, 32, count);
	buf_set_u32(reg_params[4].value, 0, 32, area->address + header);

	retval = target_run_flash_async_algorithm(target, buffer, count, STM32H5X_FLASH_WORD,
			0, NULL, ARRAY_SIZE(reg_params), reg_params,
			area->address + header, area->size - header,
			code->address, 0, &armv7m_info);

	for (unsigned int i = 0; i < ARRAY_SIZE(reg_params); i++)
		destroy_reg_param(&reg_params[i]);

	if (retval != ERROR_OK) {
		uint32_t words = 0, sr = 0;
		if (target_read_u32(target, area->address +
				offsetof(struct stm32h5x_loader_params, words_done), &words) == ERROR_OK &&
				words <= count)
			*done = words;
		if (stm32h5x_reg_get(bank, regs, regs->sr, &sr) == ERROR_OK &&
				stm32h5x_report_errors("programming", sr, stm32h5x_error_mask(bank))) {
			if (sr & STM32H5X_SR_WRPERR)
				stm32h5x_explain_wrperr(bank);
			LOG_ERROR("stm32h5x: at flash address 0x%08" PRIx32,
				address + *done * STM32H5X_FLASH_WORD);
			stm32h5x_reg_put(bank, regs, regs->ccr, sr & stm32h5x_error_mask(bank));
			retval = ERROR_FLASH_OPERATION_FAILED;
		} else if (retval == ERROR_FLASH_OPERATION_FAILED) {
			/* the loader stopped without a flash error: let the direct path go on */
			retval = ERROR_FAIL;
		}
	} else {
		*done = count;
	}

out:
	target_free_working_area(target, area);
	target_free_working_area(target, code);
	return retval;
}

/* Says how to recover the flash words in [address, address + len) of which an interrupted
 * program may have left one half-written */
static void stm32h5x_log_recovery(struct flash_bank *bank, uint32_t address, uint32_t len)
{
	uint32_t offset = address - stm32h5x_data_base(bank);
	unsigned int first = bank->num_sectors, last = 0;

	for (unsigned int i = 0; i < bank->num_sectors; i++) {
		const struct flash_sector *s = &bank->sectors[i];
		if (offset + len <= s->offset || offset >= s->offset + s->size)
			continue;
		if (first == bank->num_sectors)
			first = i;
		last = i;
	}
	if (first == bank->num_sectors)
		return;
	if (len <= STM32H5X_FLASH_WORD)
		LOG_ERROR("stm32h5x: the flash word at 0x%08" PRIx32 " may be half-written; such a "
			"word fails its ECC check when read (a boot from it takes an NMI). Recover "
			"with 'flash erase_sector %u %u %u', then program again", address,
			bank->bank_number, first, last);
	else
		LOG_ERROR("stm32h5x: a flash word in 0x%08" PRIx32 "..0x%08" PRIx32 " may be "
			"half-written; such a word fails its ECC check when read (a boot from it takes "
			"an NMI). Recover with 'flash erase_sector %u %u %u', then program again",
			address, address + len - 1, bank->bank_number, first, last);
}

static void stm32h5x_log_word_recovery(struct flash_bank *bank, uint32_t address)
{
	stm32h5x_log_recovery(bank, address, STM32H5X_FLASH_WORD);
}

/*
 * Direct path: the debugger writes the 16-byte words itself (§5.3), a block at a time as one
 * queued memory write, and checks the status once per block. While a word programs, the flash
 * stalls the bus (the access port answers WAIT), so the next word simply waits for it; an
 * error stays latched in SR until the check.
 */
static int stm32h5x_write_direct(struct flash_bank *bank, const struct stm32h5x_reg_set *regs,
		const uint8_t *buffer, uint32_t address, uint32_t count)
{
	int retval = stm32h5x_reg_put(bank, regs, regs->cr, STM32H5X_CR_PG);
	for (uint32_t i = 0; i < count && retval == ERROR_OK; ) {
		uint32_t n = count - i < STM32H5X_DIRECT_BLOCK ? count - i : STM32H5X_DIRECT_BLOCK;
		retval = target_write_memory(bank->target, address, 4, n * STM32H5X_FLASH_WORD / 4,
				buffer);
		if (retval == ERROR_OK)
			retval = stm32h5x_wait_idle(bank, regs, "programming",
					STM32H5X_TIMEOUT_WORD * n);
		if (retval != ERROR_OK) {
			LOG_ERROR("stm32h5x: at flash addresses 0x%08" PRIx32 "..0x%08" PRIx32, address,
				address + n * STM32H5X_FLASH_WORD - 1);
			stm32h5x_log_recovery(bank, address, n * STM32H5X_FLASH_WORD);
		}
		buffer += n * STM32H5X_FLASH_WORD;
		address += n * STM32H5X_FLASH_WORD;
		i += n;
	}
	int retval2 = stm32h5x_reg_put(bank, regs, regs->cr, 0);
	return retval != ERROR_OK ? retval : retval2;
}

/* Half-word programming for OTP and EDATA (§5.3). */
static int stm32h5x_write_halfwords(struct flash_bank *bank, const struct stm32h5x_reg_set *regs,
		const uint8_t *buffer, uint32_t address, uint32_t count)
{
	int retval = stm32h5x_reg_put(bank, regs, regs->cr, STM32H5X_CR_PG);
	for (uint32_t i = 0; i < count && retval == ERROR_OK; i += 2) {
		retval = target_write_memory(bank->target, address + i, 2, 1, buffer + i);
		if (retval == ERROR_OK)
			retval = stm32h5x_wait_idle(bank, regs, "half-word programming", STM32H5X_TIMEOUT_WORD);
		if (retval != ERROR_OK)
			LOG_ERROR("stm32h5x: at address 0x%08" PRIx32, address + i);
	}
	int retval2 = stm32h5x_reg_put(bank, regs, regs->cr, 0);
	return retval != ERROR_OK ? retval : retval2;
}

static bool stm32h5x_word_erased(const uint8_t word[STM32H5X_FLASH_WORD])
{
	for (unsigned int i = 0; i < STM32H5X_FLASH_WORD; i++)
		if (word[i] != 0xFF)
			return false;
	return true;
}

static int stm32h5x_write_user(struct flash_bank *bank, const struct stm32h5x_reg_set *regs,
		const uint8_t *buffer, uint32_t address, uint32_t count)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	uint32_t words = count / STM32H5X_FLASH_WORD, done = 0;
	int retval = ERROR_TARGET_RESOURCE_NOT_AVAILABLE;

	/* with only non-secure debug, the loader runs from non-secure SRAM through the non-secure
	 * registers, if the target config found SRAM that non-secure accesses may use */
	bool provisioning = info->pstate == H5_PSTATE_PROVISIONING;
	if (provisioning)
		LOG_INFO("stm32h5x: Provisioning: no code runs on the core, programming without the "
			"flash loader");
	else
		retval = stm32h5x_write_loader(bank, regs, buffer, address, words, &done);

	if (retval == ERROR_OK || retval == ERROR_FLASH_OPERATION_FAILED)
		return retval;
	if (retval == ERROR_TARGET_RESOURCE_NOT_AVAILABLE) {
		if (!provisioning && info->tzen && !stm32h5x_secure_side_open(info->pstate))
			LOG_INFO("stm32h5x: TrustZone on in %s and no SRAM that non-secure accesses can "
				"use: programming without the flash loader", stm32h5x_pstate_str(info->pstate));
		else if (!provisioning)
			LOG_INFO("stm32h5x: programming without the flash loader");
	} else {
		LOG_WARNING("stm32h5x: the flash loader failed after %" PRIu32 " of %" PRIu32
			" words; going on without it", done, words);
	}

	/* the loader may have stopped with part of a word in the write buffer: that word can
	 * neither be completed (which bytes are in?) nor written again; flush it (FW) and fail */
	uint32_t sr;
	retval = stm32h5x_reg_get(bank, regs, regs->sr, &sr);
	if (retval != ERROR_OK)
		return retval;
	if (sr & STM32H5X_SR_WBNE) {
		stm32h5x_reg_put(bank, regs, regs->cr, STM32H5X_CR_PG | STM32H5X_CR_FW);
		stm32h5x_wait_idle(bank, regs, "forced write", STM32H5X_TIMEOUT_WORD);
		LOG_ERROR("stm32h5x: the loader stopped in the middle of a flash word");
		stm32h5x_log_word_recovery(bank, address + done * STM32H5X_FLASH_WORD);
		return ERROR_FLASH_OPERATION_FAILED;
	}
	if (done < words) {
		/* the loader may have stopped after programming a word it had not counted yet */
		uint8_t word[STM32H5X_FLASH_WORD];
		retval = stm32h5x_wait_idle(bank, regs, "programming", STM32H5X_TIMEOUT_WORD);
		if (retval == ERROR_OK)
			retval = target_read_buffer(bank->target, address + done * STM32H5X_FLASH_WORD,
					sizeof(word), word);
		if (retval != ERROR_OK) {
			stm32h5x_log_word_recovery(bank, address + done * STM32H5X_FLASH_WORD);
			return retval;
		}
		if (!memcmp(word, buffer + done * STM32H5X_FLASH_WORD, sizeof(word))) {
			done++;
		} else if (!stm32h5x_word_erased(word)) {
			/* programmed with something else: writing it again would fail (PGSERR) */
			LOG_ERROR("stm32h5x: the loader stopped while programming a flash word");
			stm32h5x_log_word_recovery(bank, address + done * STM32H5X_FLASH_WORD);
			return ERROR_FLASH_OPERATION_FAILED;
		}
	}

	return stm32h5x_write_direct(bank, regs, buffer + done * STM32H5X_FLASH_WORD,
			address + done * STM32H5X_FLASH_WORD, words - done);
}

/*
 * Long writes in pieces, with a progress line between them. Each piece restarts the loader,
 * whose first FIFO fill and last drain overlap nothing: pieces last about 3 s (measured on the
 * first one) so that this costs a few percent at most, and a line still comes every few s.
 */
#define STM32H5X_PROGRESS_FIRST	(64 * 1024)
#define STM32H5X_PROGRESS_MS	3000

static int stm32h5x_write_user_progress(struct flash_bank *bank,
		const struct stm32h5x_reg_set *regs, const uint8_t *buffer, uint32_t address,
		uint32_t count)
{
	struct h5_progress progress;
	uint32_t done = 0;
	int retval = ERROR_OK;

	uint32_t piece = STM32H5X_PROGRESS_FIRST;
	int64_t start = timeval_ms();

	h5_progress_start(&progress, "programming", "KiB", 1024, count);
	while (done < count && retval == ERROR_OK) {
		uint32_t n = MIN(count - done, piece);

		retval = stm32h5x_write_user(bank, regs, buffer + done, address + done, n);
		if (retval == ERROR_OK)
			done += n;
		h5_progress_update(&progress, done);
		if (done == n) {
			/* from the rate of the first piece: pieces of about STM32H5X_PROGRESS_MS */
			int64_t ms = MAX(timeval_ms() - start, 1);
			uint64_t bytes = (uint64_t)done * STM32H5X_PROGRESS_MS / (uint64_t)ms;

			piece = (uint32_t)MIN(MAX(bytes, (uint64_t)STM32H5X_PROGRESS_FIRST),
				(uint64_t)count) & ~(STM32H5X_FLASH_WORD - 1);
		}
	}
	h5_progress_end(&progress, done);
	return retval;
}

static int stm32h5x_check_edata_range(struct flash_bank *bank, uint32_t offset, uint32_t count)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	for (unsigned int i = 0; i < bank->num_sectors; i++) {
		struct flash_sector *s = &bank->sectors[i];
		if (offset + count <= s->offset || offset >= s->offset + s->size)
			continue;
		unsigned int pb, slot, snb, enabled;
		stm32h5x_edata_sector(info, i, &pb, &slot, &snb);
		int retval = stm32h5x_edata_enabled(bank, pb, &enabled);
		if (retval != ERROR_OK)
			return retval;
		if (slot < info->part->edata_sectors_per_bank - enabled) {
			LOG_ERROR("stm32h5x: EDATA sector %u (bank %u) is not enabled: program EDATA%uR "
				"(option bytes) first", i, pb + 1, pb + 1);
			return ERROR_FLASH_OPER_UNSUPPORTED;
		}
	}
	return ERROR_OK;
}

static int stm32h5x_flash_write(struct flash_bank *bank, const uint8_t *buffer,
		uint32_t offset, uint32_t count)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	int retval = stm32h5x_prepare(bank, "write", true);
	if (retval != ERROR_OK)
		return retval;
	if (offset + count > bank->size) {
		LOG_ERROR("stm32h5x: write of %" PRIu32 " bytes at offset 0x%" PRIx32 " goes past the bank end",
			count, offset);
		return ERROR_FLASH_DST_OUT_OF_BANK;
	}

	enum stm32h5x_kind kind = info->window->kind;
	uint32_t unit = kind == STM32H5X_USER ? STM32H5X_FLASH_WORD : 2;
	if (offset % unit) {
		LOG_ERROR("stm32h5x: write offset 0x%" PRIx32 " is not aligned to %" PRIu32 " bytes",
			offset, unit);
		return ERROR_FLASH_DST_BREAKS_ALIGNMENT;
	}

	/* a partial last unit is padded with the erased value, so it is written exactly once */
	uint8_t *padded = NULL;
	if (count % unit) {
		uint32_t padded_count = count + unit - count % unit;
		padded = malloc(padded_count);
		if (!padded) {
			LOG_ERROR("stm32h5x: out of memory");
			return ERROR_FAIL;
		}
		memcpy(padded, buffer, count);
		memset(padded + count, bank->default_padded_value, padded_count - count);
		buffer = padded;
		count = padded_count;
	}

	if (kind == STM32H5X_USER && count) {
		unsigned int first = 0, last = 0;
		for (unsigned int i = 0; i < bank->num_sectors; i++) {
			const struct flash_sector *sec = &bank->sectors[i];
			if (offset >= sec->offset && offset - sec->offset < sec->size)
				first = i;
			if (offset + count - 1 >= sec->offset && offset + count - 1 - sec->offset < sec->size)
				last = i;
		}
		retval = stm32h5x_check_ns_alias(bank, first, last, "write");
		if (retval != ERROR_OK) {
			free(padded);
			return retval;
		}
	}
	if (kind == STM32H5X_EDATA) {
		retval = stm32h5x_check_edata_range(bank, offset, count);
		if (retval != ERROR_OK) {
			free(padded);
			return retval;
		}
	}

	/* OTP is always programmed through the non-secure set (§2.4) */
	const struct stm32h5x_reg_set *regs = kind == STM32H5X_OTP ? &stm32h5x_ns_regs :
		stm32h5x_regs_for(info);
	uint32_t address = stm32h5x_data_base(bank) + offset;
	struct stm32h5x_secbb_save save = { .count = 0 };

	if (kind == STM32H5X_OTP) {
		retval = stm32h5x_unlock(bank, regs);
		if (retval == ERROR_OK)
			retval = stm32h5x_clear_stale_errors(bank, regs);
	} else {
		retval = stm32h5x_session_open(bank, regs, &save, "write");
	}
	if (retval == ERROR_OK) {
		if (kind == STM32H5X_USER)
			retval = stm32h5x_write_user_progress(bank, regs, buffer, address, count);
		else
			retval = stm32h5x_write_halfwords(bank, regs, buffer, address, count);
	}
	retval = stm32h5x_session_close(bank, regs, &save, retval);
	free(padded);
	return retval;
}

/* ---- erase check ------------------------------------------------------------------------- */

static int stm32h5x_erase_check(struct flash_bank *bank)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	int retval = stm32h5x_prepare(bank, "erase check", false);
	if (retval != ERROR_OK)
		return retval;
	if (info->window->kind != STM32H5X_USER) {
		/* §2.3, §2.4: reading an unwritten half-word is a double ECC error and an NMI */
		for (unsigned int i = 0; i < bank->num_sectors; i++)
			bank->sectors[i].is_erased = -1;
		LOG_WARNING("stm32h5x: no erase check on %s: reading a half-word that was never written "
			"raises a double ECC error (NMI)", info->window->name);
		return ERROR_OK;
	}
	return default_flash_blank_check(bank);
}

/* ---- protection ----------------------------------------------------------------------------- */

static int stm32h5x_read_wrp(struct flash_bank *bank, uint32_t wrp[2])
{
	for (unsigned int pb = 0; pb < 2; pb++) {
		int retval = stm32h5x_reg_get(bank, &stm32h5x_ns_regs,
				STM32H5X_WRP1R_CUR + pb * STM32H5X_BANK2_REG_DELTA, &wrp[pb]);
		if (retval != ERROR_OK)
			return retval;
	}
	return ERROR_OK;
}

static int stm32h5x_protect_check(struct flash_bank *bank)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	int retval = stm32h5x_prepare(bank, "protect check", false);
	if (retval != ERROR_OK && retval != ERROR_FLASH_OPER_UNSUPPORTED)
		return retval;

	if (info->window->kind == STM32H5X_OTP) {
		uint32_t otpblr;
		retval = stm32h5x_reg_get(bank, &stm32h5x_ns_regs, STM32H5X_OTPBLR_CUR, &otpblr);
		if (retval != ERROR_OK)
			return retval;
		for (unsigned int i = 0; i < bank->num_sectors; i++)
			bank->sectors[i].is_protected = (otpblr >> i) & 1;
		return ERROR_OK;
	}

	uint32_t wrp[2];
	retval = stm32h5x_read_wrp(bank, wrp);
	if (retval != ERROR_OK)
		return retval;

	const struct stm32h5x_part_info *part = info->part;
	if (info->window->kind == STM32H5X_EDATA) {
		if (!part->has_edata)
			return ERROR_OK;
		for (unsigned int i = 0; i < bank->num_sectors; i++) {
			unsigned int pb, slot, snb;
			stm32h5x_edata_sector(info, i, &pb, &slot, &snb);
			unsigned int group = snb / part->wrp_sectors_per_group;
			bank->sectors[i].is_protected = group < part->wrp_bits ?
				!((wrp[pb] >> group) & 1) : -1;
		}
		return ERROR_OK;
	}

	unsigned int groups = bank->num_prot_blocks / 2;
	for (unsigned int i = 0; i < bank->num_prot_blocks; i++) {
		unsigned int pb = stm32h5x_phys_bank(info, i / groups);
		/* WRPSG bit = 0 means protected (§3.4) */
		bank->prot_blocks[i].is_protected = !((wrp[pb] >> (i % groups)) & 1);
	}
	return ERROR_OK;
}

static int stm32h5x_protect(struct flash_bank *bank, int set, unsigned int first, unsigned int last)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	int retval = stm32h5x_prepare(bank, "protect", false);
	if (retval != ERROR_OK)
		return retval;

	if (info->window->kind == STM32H5X_OTP) {
		LOG_ERROR("stm32h5x: OTP blocks are locked with 'stm32h5x otp_lock' (irreversible, needs "
			"confirmation), not with 'flash protect'");
		return ERROR_FLASH_OPER_UNSUPPORTED;
	}
	if (info->window->kind == STM32H5X_EDATA) {
		LOG_ERROR("stm32h5x: EDATA sectors are protected through the user-flash bank (WRP of the "
			"last sectors of each bank)");
		return ERROR_FLASH_OPER_UNSUPPORTED;
	}
	if (first > last || last >= bank->num_prot_blocks) {
		LOG_ERROR("stm32h5x: protect: blocks %u..%u outside 0..%u", first, last,
			bank->num_prot_blocks - 1);
		return ERROR_FLASH_SECTOR_INVALID;
	}

	unsigned int groups = bank->num_prot_blocks / 2;
	uint32_t bits[2] = { 0, 0 };
	for (unsigned int i = first; i <= last; i++)
		bits[stm32h5x_phys_bank(info, i / groups)] |= 1u << (i % groups);

	struct stm32h5x_ob_write writes[2];
	unsigned int n = 0;
	for (unsigned int pb = 0; pb < 2; pb++) {
		if (!bits[pb])
			continue;
		writes[n].offset = STM32H5X_WRP1R_PRG + pb * STM32H5X_BANK2_REG_DELTA;
		writes[n].value = set ? 0 : bits[pb];	/* 0 = protected */
		writes[n].mask = bits[pb];
		n++;
	}
	retval = stm32h5x_option_program(bank, writes, n);
	if (retval != ERROR_OK)
		return retval;
	/* the new WRP is in WRPxR_CUR once the option change completes (§4.6) */
	return stm32h5x_protect_check(bank);
}

/* ---- info ----------------------------------------------------------------------------------- */

static int stm32h5x_get_info(struct flash_bank *bank, struct command_invocation *cmd)
{
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	if (!info->probed || !info->part) {
		command_print_sameline(cmd, "stm32h5x: not probed");
		return ERROR_OK;
	}
	const struct stm32h5x_part_info *part = info->part;

	command_print_sameline(cmd, "%s rev %s (%s), %u KiB in 2 banks of %u x 8 KiB sectors; %s; "
		"product state %s (0x%02" PRIx8 "), TrustZone %s%s",
		part->name, stm32h5x_rev_name(part, info->idcode >> 16), part->rm, info->flash_kb,
		info->sectors_per_bank, info->window->name, stm32h5x_pstate_str(info->pstate), info->pstate,
		part->has_trustzone ? (info->tzen ? "on" : "off") : "absent",
		info->swapped ? ", banks swapped" : "");

	if (info->window->kind == STM32H5X_USER)
		command_print_sameline(cmd, "; %s register set; WRP groups of %u sector%s",
			stm32h5x_regs_for(info)->name, part->wrp_sectors_per_group,
			part->wrp_sectors_per_group > 1 ? "s" : "");
	if (info->window->kind == STM32H5X_EDATA && part->has_edata) {
		unsigned int n1 = 0, n2 = 0;
		if (stm32h5x_edata_enabled(bank, 0, &n1) == ERROR_OK &&
				stm32h5x_edata_enabled(bank, 1, &n2) == ERROR_OK)
			command_print_sameline(cmd, "; EDATA sectors enabled: bank 1: %u, bank 2: %u", n1, n2);
	}
	return ERROR_OK;
}

/* ---- exports (driver-api.md) ------------------------------------------------------------- */

int stm32h5x_bank_of_target(struct target *target, struct flash_bank **bank)
{
	*bank = NULL;
	for (struct flash_bank *b = flash_bank_list(); b; b = b->next) {
		if (b->target == target && stm32h5x_is_ours(b)) {
			*bank = b;
			break;
		}
	}
	if (!*bank) {
		LOG_ERROR("stm32h5x: target %s has no stm32h5x flash bank (source target/stm32h5x.cfg)",
			target_name(target));
		return ERROR_FAIL;
	}
	int retval = stm32h5x_auto_probe(*bank);
	if (retval != ERROR_OK) {
		LOG_ERROR("stm32h5x: cannot probe the flash of target %s", target_name(target));
		*bank = NULL;
	}
	return retval;
}

const struct stm32h5x_part_info *stm32h5x_part(struct flash_bank *bank)
{
	if (!bank || !stm32h5x_is_ours(bank))
		return NULL;
	return stm32h5x_info(bank)->part;
}

static int stm32h5x_check_reg_offset(uint32_t offset)
{
	if (offset > STM32H5X_LAST_REG || offset % 4) {
		LOG_ERROR("stm32h5x: 0x%" PRIx32 " is not a FLASH register offset (0x000..0x%03x, "
			"multiple of 4)", offset, STM32H5X_LAST_REG);
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	return ERROR_OK;
}

int stm32h5x_read_reg(struct flash_bank *bank, uint32_t offset, uint32_t *value)
{
	int retval = stm32h5x_check_reg_offset(offset);
	if (retval != ERROR_OK)
		return retval;
	return stm32h5x_reg_get(bank, &stm32h5x_ns_regs, offset, value);
}

static void stm32h5x_mark_unprobed(struct target *target)
{
	for (struct flash_bank *b = flash_bank_list(); b; b = b->next) {
		if (b->target == target && stm32h5x_is_ours(b))
			stm32h5x_info(b)->probed = false;
	}
}

int stm32h5x_option_program(struct flash_bank *bank, const struct stm32h5x_ob_write *writes,
		unsigned int count)
{
	const struct stm32h5x_reg_set *regs = &stm32h5x_ns_regs;	/* always NS (§4.6) */
	uint32_t optcr;
	int retval;

	for (unsigned int i = 0; i < count; i++) {
		retval = stm32h5x_check_reg_offset(writes[i].offset);
		if (retval != ERROR_OK)
			return retval;
	}

	retval = stm32h5x_wait_idle(bank, regs, "option-byte change", STM32H5X_TIMEOUT_OPTION);
	if (retval != ERROR_OK)
		return retval;
	retval = stm32h5x_clear_stale_errors(bank, regs);
	if (retval != ERROR_OK)
		return retval;

	/* NSCR unlocked too, as ST's examples do (whether it is needed is unknown, §10.10) */
	retval = stm32h5x_unlock(bank, regs);
	if (retval != ERROR_OK)
		goto lock_cr;

	retval = stm32h5x_reg_get(bank, regs, STM32H5X_OPTCR, &optcr);
	if (retval != ERROR_OK)
		goto lock;
	if (optcr & STM32H5X_OPTCR_OPTLOCK) {
		retval = stm32h5x_reg_put(bank, regs, STM32H5X_OPTKEYR, STM32H5X_OPTKEY1);
		if (retval == ERROR_OK)
			retval = stm32h5x_reg_put(bank, regs, STM32H5X_OPTKEYR, STM32H5X_OPTKEY2);
		if (retval == ERROR_OK)
			retval = stm32h5x_reg_get(bank, regs, STM32H5X_OPTCR, &optcr);
		if (retval != ERROR_OK)
			goto lock;
		if (optcr & STM32H5X_OPTCR_OPTLOCK) {
			LOG_ERROR("stm32h5x: OPTCR stays locked: a wrong key sequence locked it until the "
				"next reset");
			retval = ERROR_FLASH_OPERATION_FAILED;
			goto lock;
		}
	}

	for (unsigned int i = 0; i < count; i++) {
		uint32_t value;
		retval = stm32h5x_reg_get(bank, regs, writes[i].offset, &value);
		if (retval != ERROR_OK)
			goto lock;
		value = (value & ~writes[i].mask) | (writes[i].value & writes[i].mask);
		LOG_DEBUG("stm32h5x: option register 0x%03" PRIx32 " <- 0x%08" PRIx32, writes[i].offset, value);
		retval = stm32h5x_reg_put(bank, regs, writes[i].offset, value);
		if (retval != ERROR_OK)
			goto lock;
	}

	retval = stm32h5x_reg_put(bank, regs, STM32H5X_OPTCR, optcr | STM32H5X_OPTCR_OPTSTRT);
	if (retval == ERROR_OK)
		retval = stm32h5x_wait_idle(bank, regs, "option-byte change", STM32H5X_TIMEOUT_OPTION);

lock:
	{
		int retval2 = stm32h5x_reg_put(bank, regs, STM32H5X_OPTCR, STM32H5X_OPTCR_OPTLOCK);
		if (retval == ERROR_OK)
			retval = retval2;
	}
lock_cr:
	{
		int retval2 = stm32h5x_lock(bank, regs);
		if (retval == ERROR_OK)
			retval = retval2;
	}
	stm32h5x_mark_unprobed(bank->target);
	return retval;
}

int stm32h5x_otp_program(struct flash_bank *bank, uint32_t addr, const uint8_t *buf, uint32_t len)
{
	if (addr < STM32H5X_OTP_BASE || addr + len > STM32H5X_OTP_BASE + STM32H5X_OTP_SIZE ||
			addr + len < addr || addr % 2 || len % 2) {
		LOG_ERROR("stm32h5x: OTP write of %" PRIu32 " bytes at 0x%08" PRIx32 " refused: it must be "
			"half-word aligned and inside 0x%08x..0x%08x", len, addr, STM32H5X_OTP_BASE,
			STM32H5X_OTP_BASE + STM32H5X_OTP_SIZE - 1);
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	if (!len)
		return ERROR_OK;
	const struct stm32h5x_reg_set *regs = &stm32h5x_ns_regs;
	int retval = stm32h5x_unlock(bank, regs);
	if (retval == ERROR_OK)
		retval = stm32h5x_clear_stale_errors(bank, regs);
	if (retval == ERROR_OK)
		retval = stm32h5x_write_halfwords(bank, regs, buf, addr, len);
	int retval2 = stm32h5x_lock(bank, regs);
	return retval != ERROR_OK ? retval : retval2;
}

/* ---- commands ------------------------------------------------------------------------------- */

COMMAND_HANDLER(stm32h5x_handle_mass_erase_command)
{
	struct flash_bank *bank;

	if (CMD_ARGC != 1)
		return ERROR_COMMAND_SYNTAX_ERROR;
	int retval = CALL_COMMAND_HANDLER(flash_command_get_bank, 0, &bank);
	if (retval != ERROR_OK)
		return retval;
	if (!stm32h5x_is_ours(bank)) {
		LOG_ERROR("stm32h5x: bank %s is not an stm32h5x bank", CMD_ARGV[0]);
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	struct stm32h5x_flash_bank *info = stm32h5x_info(bank);
	retval = stm32h5x_prepare(bank, "mass erase", true);
	if (retval != ERROR_OK) {
		if (stm32h5x_refusal[0])
			command_print(CMD, "%s", stm32h5x_refusal);
		return retval;
	}
	if (info->window->kind != STM32H5X_USER) {
		LOG_ERROR("stm32h5x: mass erase works on a user-flash bank (0x08000000 or 0x0C000000)");
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}

	const struct stm32h5x_reg_set *regs = stm32h5x_regs_for(info);
	struct stm32h5x_secbb_save save;
	stm32h5x_last_error[0] = '\0';
	retval = stm32h5x_session_open(bank, regs, &save, "mass erase");
	if (retval == ERROR_OK)
		retval = stm32h5x_erase_cr(bank, regs, STM32H5X_CR_MER | STM32H5X_CR_STRT,
				"mass erase", STM32H5X_TIMEOUT_BANK);
	retval = stm32h5x_session_close(bank, regs, &save, retval);
	if (retval != ERROR_OK) {
		command_print(CMD, "stm32h5x: mass erase failed%s", stm32h5x_last_error);
		return retval;
	}
	for (unsigned int i = 0; i < bank->num_sectors; i++)
		bank->sectors[i].is_erased = 1;
	command_print(CMD, "stm32h5x mass erase complete");
	return ERROR_OK;
}

/* A bank of this driver from argument 0, probed. */
static int stm32h5x_command_bank(struct command_invocation *cmd, struct flash_bank **bank)
{
	int retval = CALL_COMMAND_HANDLER(flash_command_get_bank, 0, bank);
	if (retval != ERROR_OK)
		return retval;
	if (!stm32h5x_is_ours(*bank)) {
		LOG_ERROR("stm32h5x: bank %s is not an stm32h5x bank", CMD_ARGV[0]);
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	return stm32h5x_auto_probe(*bank);
}

/* stm32h5x option_read <bank> <offset>: prints the register value (usable in expr) */
COMMAND_HANDLER(stm32h5x_handle_option_read_command)
{
	struct flash_bank *bank;
	uint32_t offset, value;

	if (CMD_ARGC != 2)
		return ERROR_COMMAND_SYNTAX_ERROR;
	COMMAND_PARSE_NUMBER(u32, CMD_ARGV[1], offset);
	int retval = CALL_COMMAND_HANDLER(stm32h5x_command_bank, &bank);
	if (retval != ERROR_OK)
		return retval;
	retval = stm32h5x_read_reg(bank, offset, &value);
	if (retval != ERROR_OK)
		return retval;
	LOG_DEBUG("stm32h5x: option register <0x%08" PRIx32 "> = 0x%08" PRIx32,
		STM32H5X_FLASH_REGS_NS + offset, value);
	command_print(CMD, "0x%08" PRIx32, value);
	return ERROR_OK;
}

/* The *_PRG option registers (h5-flash-ob.md register map), the only offsets option_write takes */
static const uint32_t stm32h5x_option_prg_offsets[] = {
	0x054, 0x064, 0x06C, 0x074, 0x084, 0x08C, 0x094, 0x0E4, 0x0EC, 0x0F4, 0x0FC,
	0x1E4, 0x1EC, 0x1F4, 0x1FC,
};

/*
 * The raw access must not go around the checks of the commands made for the irreversible
 * fields: a product-state change (transition rules, Debug Authentication setup, -confirm for
 * Locked) and OTP block locks (for ever, 'confirm'). Refused before anything is written.
 */
static int stm32h5x_option_write_guard(struct flash_bank *bank, const struct stm32h5x_ob_write *w)
{
	uint32_t cur;

	if (w->offset != STM32H5X_OPTSR_PRG && w->offset != STM32H5X_OTPBLR_PRG)
		return ERROR_OK;
	int retval = stm32h5x_read_reg(bank, w->offset, &cur);
	if (retval != ERROR_OK)
		return retval;
	uint32_t changed = (cur ^ w->value) & w->mask;
	if (w->offset == STM32H5X_OPTSR_PRG && (changed & H5_OPTSR_PRODUCT_STATE_MASK)) {
		LOG_ERROR("stm32h5x: option_write would change PRODUCT_STATE: use 'stm32h5x product_state "
			"<state>', which checks the transition and the Debug Authentication setup; nothing "
			"was written");
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	if (w->offset == STM32H5X_OTPBLR_PRG && (changed & w->value)) {
		LOG_ERROR("stm32h5x: option_write would lock OTP blocks for ever: use 'stm32h5x otp_lock "
			"<bank> <first> [<last>] confirm'; nothing was written");
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	return ERROR_OK;
}

/* stm32h5x option_write <bank> <offset> <value> [mask] */
COMMAND_HANDLER(stm32h5x_handle_option_write_command)
{
	struct flash_bank *bank;
	struct stm32h5x_ob_write w = { .mask = 0xFFFFFFFF };
	bool is_prg = false;

	if (CMD_ARGC != 3 && CMD_ARGC != 4)
		return ERROR_COMMAND_SYNTAX_ERROR;
	COMMAND_PARSE_NUMBER(u32, CMD_ARGV[1], w.offset);
	COMMAND_PARSE_NUMBER(u32, CMD_ARGV[2], w.value);
	if (CMD_ARGC == 4)
		COMMAND_PARSE_NUMBER(u32, CMD_ARGV[3], w.mask);
	for (unsigned int i = 0; i < ARRAY_SIZE(stm32h5x_option_prg_offsets); i++)
		is_prg |= w.offset == stm32h5x_option_prg_offsets[i];
	if (!is_prg && w.offset <= STM32H5X_LAST_REG && !(w.offset % 4)) {
		LOG_ERROR("stm32h5x: 0x%03" PRIx32 " is not an option register (*_PRG: 0x054 OPTSR_PRG, "
			"0x074 OPTSR2_PRG, 0x084..0x094, 0x0E4..0x0FC, 0x1E4..0x1FC); nothing was written",
			w.offset);
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	int retval = CALL_COMMAND_HANDLER(stm32h5x_command_bank, &bank);
	if (retval != ERROR_OK)
		return retval;
	retval = stm32h5x_option_write_guard(bank, &w);
	if (retval != ERROR_OK)
		return retval;
	retval = stm32h5x_option_program(bank, &w, 1);
	if (retval != ERROR_OK) {
		LOG_ERROR("stm32h5x: option_write failed");
		return retval;
	}
	command_print(CMD, "option register 0x%03" PRIx32 " written; settings read at boot (TZEN, "
		"SWAP_BANK, boot addresses) take effect after a reset", w.offset);
	return ERROR_OK;
}

/* stm32h5x otp_lock <bank> <first_block> [<last_block>] -confirm (the bare word "confirm" is
 * still accepted, deprecated) */
COMMAND_HANDLER(stm32h5x_handle_otp_lock_command)
{
	struct flash_bank *bank;
	uint32_t first, last;
	unsigned int argc = CMD_ARGC;
	bool confirmed = false;

	if (argc >= 3 && (strcmp(CMD_ARGV[argc - 1], "-confirm") == 0
			|| strcmp(CMD_ARGV[argc - 1], "confirm") == 0)) {
		if (CMD_ARGV[argc - 1][0] != '-')
			LOG_WARNING("stm32h5x: otp_lock: the bare word 'confirm' is deprecated, "
				"write -confirm");
		confirmed = true;
		argc--;
	}
	if (argc != 2 && argc != 3)
		return ERROR_COMMAND_SYNTAX_ERROR;
	COMMAND_PARSE_NUMBER(u32, CMD_ARGV[1], first);
	last = first;
	if (argc == 3)
		COMMAND_PARSE_NUMBER(u32, CMD_ARGV[2], last);
	unsigned int blocks = STM32H5X_OTP_SIZE / STM32H5X_OTP_BLOCK_SIZE;
	if (first > last || last >= blocks) {
		command_print(CMD, "stm32h5x: OTP blocks are 0..%u; got %" PRIu32 "..%" PRIu32,
			blocks - 1, first, last);
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	int retval = CALL_COMMAND_HANDLER(stm32h5x_command_bank, &bank);
	if (retval != ERROR_OK)
		return retval;

	uint32_t bits = (last - first == 31) ? 0xFFFFFFFF : ((1u << (last - first + 1)) - 1) << first;
	uint32_t start = STM32H5X_OTP_BASE + first * STM32H5X_OTP_BLOCK_SIZE;
	uint32_t end = STM32H5X_OTP_BASE + (last + 1) * STM32H5X_OTP_BLOCK_SIZE - 1;
	if (!confirmed) {
		command_print(CMD, "stm32h5x: otp_lock refused: locking OTP blocks %" PRIu32 "..%" PRIu32
			" (0x%08" PRIx32 "..0x%08" PRIx32 ", OTPBLR bits 0x%08" PRIx32 ") is irreversible; "
			"repeat the command with -confirm as its last argument", first, last, start, end,
			bits);
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}

	struct stm32h5x_ob_write w = { .offset = STM32H5X_OTPBLR_PRG, .value = bits, .mask = bits };
	retval = stm32h5x_option_program(bank, &w, 1);
	if (retval != ERROR_OK) {
		command_print(CMD, "stm32h5x: otp_lock failed (the flash error is above)");
		return retval;
	}
	uint32_t cur;
	retval = stm32h5x_read_reg(bank, STM32H5X_OTPBLR_CUR, &cur);
	if (retval != ERROR_OK)
		return retval;
	if ((cur & bits) != bits) {
		LOG_ERROR("stm32h5x: OTPBLR_CUR = 0x%08" PRIx32 ": blocks not locked as requested", cur);
		return ERROR_FAIL;
	}
	command_print(CMD, "OTP blocks %" PRIu32 "..%" PRIu32 " locked (OTPBLR_CUR = 0x%08" PRIx32 ")",
		first, last, cur);
	return ERROR_OK;
}

static const struct command_registration stm32h5x_exec_command_handlers[] = {
	{
		.name = "mass_erase",
		.handler = stm32h5x_handle_mass_erase_command,
		.mode = COMMAND_EXEC,
		.usage = "bank_id",
		.help = "Erase both banks of the user flash (MER).",
	},
	{
		.name = "option_read",
		.handler = stm32h5x_handle_option_read_command,
		.mode = COMMAND_EXEC,
		.usage = "bank_id reg_offset",
		.help = "Read a FLASH register at an offset of the non-secure block 0x40022000.",
	},
	{
		.name = "option_write",
		.handler = stm32h5x_handle_option_write_command,
		.mode = COMMAND_EXEC,
		.usage = "bank_id reg_offset value [mask]",
		.help = "Read-modify-write an option register (*_PRG) and commit it (OPTSTRT).",
	},
	{
		.name = "otp_lock",
		.handler = stm32h5x_handle_otp_lock_command,
		.mode = COMMAND_EXEC,
		.usage = "bank_id first_block [last_block] -confirm",
		.help = "Lock OTP blocks of 64 bytes for ever (irreversible; needs -confirm; the "
			"bare word 'confirm' is still accepted, deprecated).",
	},
	{
		.chain = stm32h5_lifecycle_command_handlers,
	},
	COMMAND_REGISTRATION_DONE
};

static const struct command_registration stm32h5x_command_handlers[] = {
	{
		.name = "stm32h5x",
		.mode = COMMAND_ANY,
		.help = "stm32h5x flash and lifecycle commands",
		.usage = "",
		.chain = stm32h5x_exec_command_handlers,
	},
	COMMAND_REGISTRATION_DONE
};

const struct flash_driver stm32h5x_flash = {
	.name = "stm32h5x",
	.usage = "<base: 0x08000000|0x0C000000|0x08FFF000|0x09000000|0x0D000000> <size, 0 = probe> 0 0 <target>",
	.commands = stm32h5x_command_handlers,
	.flash_bank_command = stm32h5x_flash_bank_command,
	.erase = stm32h5x_erase,
	.protect = stm32h5x_protect,
	.write = stm32h5x_flash_write,
	.read = default_flash_read,
	.verify = default_flash_verify,
	.probe = stm32h5x_probe,
	.auto_probe = stm32h5x_auto_probe,
	.erase_check = stm32h5x_erase_check,
	.protect_check = stm32h5x_protect_check,
	.info = stm32h5x_get_info,
	.free_driver_priv = default_flash_free_driver_priv,
};
