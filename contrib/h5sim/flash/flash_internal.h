/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim flash model: internal state shared by the model's files (not part of the contract).
 * Register offsets, bit positions, keys and codes come from h5-flash-ob.md §3 and §4.
 */

#ifndef H5SIM_FLASH_INTERNAL_H
#define H5SIM_FLASH_INTERNAL_H

#include "flash.h"
#include "flash_ext.h"

#define BIT32(n)		(1u << (n))

/* Register offsets (§3.1) */
#define REG_ACR			0x000
#define REG_NSKEYR		0x004
#define REG_SECKEYR		0x008
#define REG_OPTKEYR		0x00C
#define REG_NSOBKKEYR		0x010
#define REG_SECOBKKEYR		0x014
#define REG_OPSR		0x018
#define REG_OPTCR		0x01C
#define REG_NSSR		0x020
#define REG_SECSR		0x024
#define REG_NSCR		0x028
#define REG_SECCR		0x02C
#define REG_NSCCR		0x030
#define REG_SECCCR		0x034
#define REG_PRIVCFGR		0x03C
#define REG_NSOBKCFGR		0x040
#define REG_SECOBKCFGR		0x044
#define REG_HDPEXTR		0x048
#define REG_OPTSR_CUR		0x050
#define REG_OPTSR_PRG		0x054
#define REG_NSEPOCHR_CUR	0x060
#define REG_NSEPOCHR_PRG	0x064
#define REG_SECEPOCHR_CUR	0x068
#define REG_SECEPOCHR_PRG	0x06C
#define REG_OPTSR2_CUR		0x070
#define REG_OPTSR2_PRG		0x074
#define REG_NSBOOTR_CUR		0x080
#define REG_NSBOOTR_PRG		0x084
#define REG_SECBOOTR_CUR	0x088
#define REG_SECBOOTR_PRG	0x08C
#define REG_OTPBLR_CUR		0x090
#define REG_OTPBLR_PRG		0x094
#define REG_SECBB1R1		0x0A0
#define REG_PRIVBB1R1		0x0C0
#define REG_SECWM1R_CUR		0x0E0
#define REG_SECWM1R_PRG		0x0E4
#define REG_WRP1R_CUR		0x0E8
#define REG_WRP1R_PRG		0x0EC
#define REG_EDATA1R_CUR		0x0F0
#define REG_EDATA1R_PRG		0x0F4
#define REG_HDP1R_CUR		0x0F8
#define REG_HDP1R_PRG		0x0FC
#define REG_ECCCORR		0x100
#define REG_ECCDETR		0x104
#define REG_ECCDR		0x108
#define REG_BANK2_DELTA		0x100

/* SR bits (§3.4) */
#define SR_BSY			BIT32(0)
#define SR_WBNE			BIT32(1)
#define SR_DBNE			BIT32(3)
#define SR_EOP			BIT32(16)
#define SR_WRPERR		BIT32(17)
#define SR_PGSERR		BIT32(18)
#define SR_STRBERR		BIT32(19)
#define SR_INCERR		BIT32(20)
#define SR_OBKERR		BIT32(21)
#define SR_OBKWERR		BIT32(22)
#define SR_OPTCHANGEERR		BIT32(23)

/* CR bits */
#define CR_LOCK			BIT32(0)
#define CR_PG			BIT32(1)
#define CR_SER			BIT32(2)
#define CR_BER			BIT32(3)
#define CR_FW			BIT32(4)
#define CR_STRT			BIT32(5)
#define CR_SNB_POS		6
#define CR_MER			BIT32(15)
#define CR_IE_MASK		0x00FF0000u
#define CR_INV			BIT32(29)
#define CR_BKSEL		BIT32(31)

/* OPTCR */
#define OPTCR_OPTLOCK		BIT32(0)
#define OPTCR_OPTSTRT		BIT32(1)
#define OPTCR_SWAP_BANK		BIT32(31)

/* OBKCFGR (§6.2) */
#define OBKCFGR_LOCK		BIT32(0)
#define OBKCFGR_SWAP_SECT_REQ	BIT32(1)
#define OBKCFGR_ALT_SECT	BIT32(2)
#define OBKCFGR_ALT_SECT_ERASE	BIT32(3)
#define OBKCFGR_SWAP_OFFSET_POS	16
#define OBKCFGR_SWAP_OFFSET_MSK	(0x1FFu << 16)

/* ECCCORR / ECCDETR */
#define ECC_OBK			BIT32(20)
#define ECC_DATA		BIT32(21)
#define ECC_BK			BIT32(22)
#define ECC_SYSF		BIT32(23)
#define ECC_OTP			BIT32(24)
#define ECC_ECCCIE		BIT32(25)
#define ECC_ECCC		BIT32(30)
#define ECC_ECCD		BIT32(31)

/* OPSR CODE_OP (§3.4) */
enum opsr_code {
	OPSR_NONE = 0, OPSR_SINGLE_WRITE = 1, OPSR_OBK_ALT_ERASE = 2, OPSR_SECTOR_ERASE = 3,
	OPSR_BANK_ERASE = 4, OPSR_MASS_ERASE = 5, OPSR_OPTION_CHANGE = 6, OPSR_OBK_SWAP = 7,
};

/* Keys (§3.3) */
#define KEY1_FLASH		0x45670123u
#define KEY2_FLASH		0xCDEF89ABu
#define KEY1_OPT		0x08192A3Bu
#define KEY2_OPT		0x4C5D6E7Fu
#define KEY1_OBK		0x192A083Bu
#define KEY2_OBK		0x6E7F4C5Du

/* Product states (§4.2) and magic pair */
#define PS_OPEN			0xED
#define PS_PROVISIONING		0x17
#define PS_IROT_PROVISIONED	0x2E
#define PS_TZ_CLOSED		0xC6
#define PS_CLOSED		0x72
#define PS_LOCKED		0x5C
#define PS_REGRESSION		0x9A
#define PS_NS_REGRESSION	0xA3
#define MAGIC_ON		0xB4
#define MAGIC_OFF		0xC3

/* Windows (§2.1) */
#define ADDR_FLASH_NS		0x08000000u
#define ADDR_FLASH_S		0x0C000000u
#define ADDR_SYSF_NS		0x0BF80000u
#define ADDR_SYSF_S		0x0FF80000u
#define ADDR_OTP		0x08FFF000u
#define OTP_SIZE		0x800u
#define ADDR_RO			0x08FFF800u
#define RO_SIZE			0x100u		/* [I] */
#define ADDR_OBK_NS		0x0BFD0000u
#define ADDR_OBK_S		0x0FFD0000u
#define OBK_SIZE		0x2000u
#define OBK_WORDS		(OBK_SIZE / 16)
#define OBK_SELECTOR_INDEX	511
#define ADDR_EDATA_NS		0x09000000u
#define ADDR_EDATA_S		0x0D000000u
#define EDATA_SIZE		0x18000u
#define EDATA_SECTORS		8		/* per bank */
#define EDATA_SECTOR_SIZE	0x1800u
#define SECTOR_SIZE		0x2000u
#define QWORD			16u

/* Part differences (§3.2), indexed by enum h5flash_variant */
struct h5flash_variant_info {
	const char *name;
	bool trustzone, obk, edata, boot_ube;
	uint32_t max_sectors_per_bank;
	uint32_t snb_mask;		/* NSCR.SNB width */
	uint32_t sector_field_mask;	/* HDPx/SECWMx/HDPEXT STRT/END width */
	uint32_t wrp_group;		/* sectors per WRPSG bit */
	uint32_t wrp_mask;
	uint32_t secbb_regs;		/* SECBBxRy registers per bank */
	uint32_t privbb_regs;
	uint32_t privbb_mask;
	uint32_t system_flash_size;
	uint32_t optsr_mask, optsr2_mask;
};
extern const struct h5flash_variant_info h5flash_variants[];

/* Option-byte set: the store, *_CUR and *_PRG each hold one */
struct h5flash_ob {
	uint32_t optsr, optsr2;
	uint32_t nsepochr, secepochr;
	uint32_t nsbootr, secbootr;
	uint32_t otpblr;
	uint32_t secwmr[2], wrpr[2], edatar[2], hdpr[2];
};

/* Every 32-bit word of struct h5flash_ob with its name ("optsr", "wrp1r", ...): the state file,
 * the dump and the option-change log all name the words from this one table (option_bytes.c) */
struct h5flash_ob_word {
	const char *name;
	size_t off;
};
extern const struct h5flash_ob_word h5flash_ob_words[];
extern const size_t h5flash_ob_word_count;

enum key_state { KEY_LOCKED, KEY_FIRST_SEEN, KEY_UNLOCKED, KEY_LOCKED_UNTIL_RESET };

enum reg_set { SET_NS = 0, SET_SEC = 1 };

enum flash_area { AREA_USER, AREA_OBK, AREA_OTP, AREA_EDATA };

enum op_kind {
	OP_NONE, OP_PROGRAM, OP_PROGRAM_HALF, OP_SECTOR_ERASE, OP_BANK_ERASE, OP_MASS_ERASE,
	OP_OPTION_CHANGE, OP_OBK_ALT_ERASE, OP_OBK_SWAP,
};

/* The write buffer: 16 bytes for user flash/OBK, 2 bytes for OTP/EDATA */
struct write_buffer {
	bool active;
	enum reg_set set;
	enum flash_area area;
	bool secure;		/* security of the accesses that filled it */
	bool obk_alt;		/* ALT_SECT when the fill started */
	uint32_t base;		/* area-relative offset of the word (user: physical offset) */
	uint32_t width;		/* 16 or 2 */
	uint8_t data[QWORD];
	uint16_t filled;	/* one bit per byte */
};

struct pending_op {
	enum op_kind kind;
	enum reg_set set;
	uint64_t remaining_ns;
	enum flash_area area;
	uint32_t base;		/* program: area offset; erase: bank/sector */
	uint32_t bank, sector;
	uint8_t data[QWORD];
	uint32_t width;
	bool obk_alt;
	bool corrupt;		/* program over a word that is not erased */
	struct h5flash_access acc;	/* who launched it (option change rules) */
};

struct h5flash {
	struct h5flash_config cfg;
	const struct h5flash_variant_info *vi;
	struct h5flash_settings set;
	uint32_t bank_size, sectors_per_bank;

	/* non-volatile content */
	uint8_t *user;			/* physical: bank 1 then bank 2 */
	uint8_t *user_programmed;	/* one byte per quad-word: 1 = not erased */
	uint8_t *user_ecc_bad;		/* one byte per quad-word: 1 = double ECC error */
	uint8_t edata[2][EDATA_SECTORS][EDATA_SECTOR_SIZE];
	uint8_t edata_written[2][EDATA_SECTORS][EDATA_SECTOR_SIZE / 2];
	uint8_t otp[OTP_SIZE];
	uint8_t otp_written[OTP_SIZE / 2];
	uint8_t obk[2][OBK_SIZE];
	uint8_t obk_written[2][OBK_WORDS];
	uint32_t obk_current;		/* physical OBK sector shown in the window */
	struct h5flash_ob store;	/* option-byte flash */
	uint32_t opsr;			/* interrupted operation, survives resets */

	/* volatile */
	struct h5flash_ob cur, prg;
	enum key_state key[5];		/* NS, SEC, OPT, NSOBK, SECOBK */
	uint32_t cr[2], sr[2], obkcfgr[2];
	uint32_t optcr;
	uint32_t acr, privcfgr, hdpextr;
	uint32_t secbb[2][4], privbb[2][4];
	uint32_t ecccorr, eccdetr, eccdr;
	bool nmi_pending;
	bool swap_active;		/* OPTCR.SWAP_BANK, loaded at reset */
	bool tzen_active;		/* TZEN consumed at reset */
	uint32_t boot_address;		/* consumed at reset */
	struct write_buffer wb;
	struct pending_op op;

	FILE *log;
	struct h5flash_stats stats;
};

enum key_index { KEY_NS = 0, KEY_SEC = 1, KEY_OPT = 2, KEY_NSOBK = 3, KEY_SECOBK = 4 };

/* flash.c */
void h5flash_log(struct h5flash *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void h5flash_start_op(struct h5flash *f, const struct pending_op *op, uint64_t duration_ns);
void h5flash_finish_op(struct h5flash *f);
void h5flash_flag(struct h5flash *f, enum reg_set set, uint32_t flags);

/* flash_regs.c */
void h5flash_regs_reset(struct h5flash *f);

/* flash_protect.c: security, WRP */
bool h5flash_sector_secure(const struct h5flash *f, uint32_t bank, uint32_t sector);
bool h5flash_sector_wrp(const struct h5flash *f, uint32_t bank, uint32_t sector);
bool h5flash_sector_hidden(const struct h5flash *f, uint32_t bank, uint32_t sector);
uint32_t h5flash_phys_bank(const struct h5flash *f, uint32_t logical_offset);

/* flash_program.c */
enum h5flash_bus h5flash_buffer_write(struct h5flash *f, enum reg_set set, enum flash_area area,
		uint32_t offset, bool secure, uint32_t value, uint32_t len);
void h5flash_force_write(struct h5flash *f, enum reg_set set, bool secure);
void h5flash_program_done(struct h5flash *f, const struct pending_op *op);
void h5flash_buffer_drop(struct h5flash *f);

/* flash_erase.c */
void h5flash_erase_start(struct h5flash *f, enum reg_set set, uint32_t cr);
void h5flash_erase_done(struct h5flash *f, const struct pending_op *op);
void h5flash_erase_sector_now(struct h5flash *f, uint32_t bank, uint32_t sector);
void h5flash_erase_partial(struct h5flash *f, const struct pending_op *op);

/* option_bytes.c */
void h5flash_ob_defaults(struct h5flash *f, struct h5flash_ob *ob);
void h5flash_ob_start(struct h5flash *f, const struct h5flash_access *acc);
void h5flash_ob_done(struct h5flash *f, const struct pending_op *op);
bool h5flash_ob_prg_write(struct h5flash *f, uint32_t off, const struct h5flash_access *acc,
		uint32_t value);
bool h5flash_ob_reg_read(const struct h5flash *f, uint32_t off, uint32_t *value);
void h5flash_ob_reload(struct h5flash *f);
void h5flash_regression_at_reset(struct h5flash *f);
void h5flash_do_full_regression(struct h5flash *f);
void h5flash_do_partial_regression(struct h5flash *f);

/* obk.c */
void h5flash_obkcfgr_write(struct h5flash *f, enum reg_set set, uint32_t value);
void h5flash_obk_done(struct h5flash *f, const struct pending_op *op);
uint32_t h5flash_obk_program_check(struct h5flash *f, uint32_t offset, bool alt);
void h5flash_obk_program(struct h5flash *f, uint32_t offset, bool alt, const uint8_t *data);
void h5flash_obk_erase_hdpl(struct h5flash *f, uint32_t first_index, uint32_t end_index);
int h5flash_obk_owner(uint32_t index);

/* pseudo flag returned by the program checks: the target is not erased */
#define NOT_ERASED		BIT32(31)

/* otp_edata.c */
bool h5flash_edata_sector_enabled(const struct h5flash *f, uint32_t bank, uint32_t k);
uint32_t h5flash_half_program_check(struct h5flash *f, enum flash_area area, uint32_t offset);
void h5flash_half_program(struct h5flash *f, enum flash_area area, uint32_t offset,
		const uint8_t *data, bool corrupt);
void h5flash_half_read(struct h5flash *f, enum flash_area area, uint32_t offset, uint8_t *out2);
void h5flash_edata_erase_sector(struct h5flash *f, uint32_t bank, uint32_t sector);
void h5flash_ecc_detect(struct h5flash *f, uint32_t flags_addr, uint16_t data);

#endif /* H5SIM_FLASH_INTERNAL_H */
