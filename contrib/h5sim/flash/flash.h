/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim: the embedded flash model (FLASH controller registers, user flash, OTP, RO area,
 * OBK, EDATA, option bytes and product state). This header is the contract between the
 * flash model (contrib/h5sim/flash/) and the rest of the simulator (bus, cores, DA).
 * Written from h5-flash-ob.md only; nothing here is shared with the OpenOCD side.
 */

#ifndef H5SIM_FLASH_H
#define H5SIM_FLASH_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Part description the flash model needs (filled by the simulator's parts table) */
enum h5flash_variant {
	H5FLASH_H503,		/* RM0492: no TrustZone, no OBK, no EDATA, 1 sector per WRP bit */
	H5FLASH_H52X,		/* H523/H533: 32 sectors/bank max, 5-bit SNB, 4 sectors per WRP bit */
	H5FLASH_H56X,		/* H562/H563/H573: 128 sectors/bank max, 4 sectors per WRP bit */
};

struct h5flash_config {
	enum h5flash_variant variant;
	uint32_t flash_size;		/* bytes, both banks (e.g. 0x200000) */
	bool crypto;			/* H533/H573: .obk encryption flag honoured (DHUK) */
	uint32_t optsr_factory;		/* factory OPTSR word ([U], from the config / --optsr) */
	uint32_t optsr2_factory;	/* factory OPTSR2 word ([U]) */
	uint8_t uid[12];		/* RO area contents */
	uint16_t package;
	/* timing model, in simulated nanoseconds (datasheet typical values, settings) */
	uint64_t t_program_ns;		/* one 128-bit word */
	uint64_t t_program_half_ns;	/* one OTP/EDATA half-word */
	uint64_t t_sector_erase_ns;
	uint64_t t_bank_erase_ns;
	uint64_t t_option_change_ns;
};

/* Who is on the bus: the flash model checks security and privilege per access */
struct h5flash_access {
	bool secure;		/* HNONSEC == 0 (AP CSW, or the CPU's security state) */
	bool privileged;
	bool debugger;		/* from a debug access port rather than the CPU */
};

/* Result of a bus access */
enum h5flash_bus {
	H5FLASH_BUS_OK,
	H5FLASH_BUS_ERROR,	/* the bus returns an error (AP sets STICKYERR, CPU faults) */
};

struct h5flash;

struct h5flash *h5flash_create(const struct h5flash_config *cfg);
void h5flash_free(struct h5flash *f);

/* FLASH registers. off is relative to the register block; secure_alias is true for the
 * 0x50022000 block (absent on the H503: the bus must not route it there). size is 1, 2 or 4
 * and addr offsets are as the bus gives them (byte lanes are the bus's business: the model
 * receives the aligned 32-bit word and a byte-enable mask). */
enum h5flash_bus h5flash_reg_read(struct h5flash *f, uint32_t off, bool secure_alias,
		const struct h5flash_access *acc, uint32_t *value);
enum h5flash_bus h5flash_reg_write(struct h5flash *f, uint32_t off, bool secure_alias,
		const struct h5flash_access *acc, uint32_t value, uint32_t byte_mask);

/* Memory windows owned by the model, by CPU address (both aliases): user flash
 * 0x08000000/0x0C000000, system flash 0x0BF80000/0x0FF80000 (read-only; the caller may
 * overlay ROM content), OTP 0x08FFF000, RO area 0x08FFF800, OBK 0x0BFD0000/0x0FFD0000,
 * EDATA 0x09000000/0x0D000000. Returns false if addr is not in a flash window at all. */
bool h5flash_owns(const struct h5flash *f, uint32_t addr);
enum h5flash_bus h5flash_mem_read(struct h5flash *f, uint32_t addr, const struct h5flash_access *acc,
		void *buf, uint32_t len);
/* A bus write into a flash window: goes to the write buffer with the programming semantics
 * (PG must be set, 16-byte words, STRBERR, ...). len is 1, 2 or 4 and addr is aligned to len. */
enum h5flash_bus h5flash_mem_write(struct h5flash *f, uint32_t addr, const struct h5flash_access *acc,
		uint32_t value, uint32_t len);

/* Simulated time passes: finishes programming/erase/option operations whose time is up. */
void h5flash_advance(struct h5flash *f, uint64_t ns);
/* True while an operation is running (BSY). */
bool h5flash_busy(const struct h5flash *f);

/* Resets. A system reset reloads *_CUR from the option-byte store, resets keys/locks, clears
 * volatile registers, and performs a pending regression (Regression / NS-Regression). */
void h5flash_system_reset(struct h5flash *f);
/* Power loss in the middle of an operation: the running program/erase is cut short and the
 * affected word/sector is left in a defined partial state (documented in flash.c). */
void h5flash_power_loss(struct h5flash *f);

/* State the rest of the chip needs */
uint8_t h5flash_product_state(const struct h5flash *f);	/* OPTSR_CUR[15:8] */
bool h5flash_tzen(const struct h5flash *f);			/* OPTSR2_CUR.TZEN == 0xB4 */
uint32_t h5flash_boot_address(const struct h5flash *f);	/* from NSBOOTR/SECBOOTR, TZEN, BOOT_UBE */

/* Actions Debug Authentication grants (called by the DA model through the chip glue) */
void h5flash_full_regression(struct h5flash *f);	/* erase user flash + EDATA, OBK HDPL1..3 -> Open */
void h5flash_partial_regression(struct h5flash *f);	/* erase NS user flash, OBK HDPL3-NS -> TZ-Closed */

/* Direct set-up for tests and the command line (--pstate, --tzen): writes the option-byte
 * store and *_CUR without the register sequence. */
void h5flash_force_product_state(struct h5flash *f, uint8_t pstate);
void h5flash_force_tzen(struct h5flash *f, bool enabled);

/* Runs the ROM's RSSLIB DataProvisioning service: copies len bytes to the OBK address dst
 * (encryption flag as ST defines it). Returns the ROM's result word (0xEAEAEAEA success). */
uint32_t h5flash_rss_data_provisioning(struct h5flash *f, uint32_t dst, const void *src,
		uint32_t len, uint32_t do_encryption);

/* Persistence (a power cycle keeps flash, OTP, option bytes, OBK) and a text dump for tests:
 * one "key value" line per fact, stable names, e.g. "product_state 0x72", "optsr_cur 0x...",
 * "sector 1.5 erased|programmed crc32=0x...", "otp_lock 0x00000001". */
bool h5flash_save(const struct h5flash *f, FILE *out);
bool h5flash_load(struct h5flash *f, FILE *in);
void h5flash_dump(const struct h5flash *f, FILE *out);

/* Operation log: every program/erase/option change, one line each, to this stream (or NULL) */
void h5flash_set_log(struct h5flash *f, FILE *log);

/* Counters for benchmarks */
struct h5flash_stats {
	uint64_t words_programmed, sectors_erased, option_changes;
	uint64_t busy_ns;
};
void h5flash_stats(const struct h5flash *f, struct h5flash_stats *out);

#endif /* H5SIM_FLASH_H */
