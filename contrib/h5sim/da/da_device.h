/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim: the Debug Authentication device (the RSS_DA side of the DBGMCU mailbox).
 * This header is the contract between the DA model (contrib/h5sim/da/) and the rest of
 * the simulator: the rest of the chip calls da_device_*(); the DA model reaches the chip only
 * through struct da_chip. Nothing here is shared with the OpenOCD side.
 */

#ifndef H5SIM_DA_DEVICE_H
#define H5SIM_DA_DEVICE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* DBGMCU register offsets served by the DA model (AP0 view base 0xE0044000) */
#define DA_REG_AUTH_HOST	0x100
#define DA_REG_AUTH_DEVICE	0x104
#define DA_REG_AUTH_ACK		0x108

/* What the DA model needs from the rest of the chip. All callbacks get chip->ctx. */
struct da_chip {
	void *ctx;
	uint16_t dev_id;		/* DBGMCU_IDCODE.DEV_ID, e.g. 0x484 */
	bool has_trustzone;		/* false on H503 */
	bool has_obk;			/* false on H503: the password hash is in OTP */
	uint8_t uid[12];		/* 96-bit unique ID (for the SOC_ID TLV) */

	uint8_t (*product_state)(void *ctx);	/* OPTSR_CUR.PRODUCT_STATE */
	bool (*tzen)(void *ctx);		/* OPTSR2_CUR.TZEN == 0xB4 */
	/* Reads len bytes of non-volatile memory at a CPU address (OBK 0x0FFD0100, OTP
	 * 0x08FFF000); returns false if not readable. Erased bytes read 0xFF. */
	bool (*read_nvm)(void *ctx, uint32_t addr, void *buf, uint32_t len);
	/* Actions granted by a successful authentication */
	void (*full_regression)(void *ctx);	/* erase all user flash, SRAM, OBK HDPL1..3 -> Open */
	void (*partial_regression)(void *ctx);	/* erase NS flash, NS SRAM, OBK HDPL3-NS -> TZ-Closed */
	void (*open_debug)(void *ctx, uint32_t permissions);	/* reopen AP1 until next reset */
	void (*lock_debug)(void *ctx);				/* close the reopened debug */
	void (*log)(void *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
};

/* Settings for the facts h5-debug-auth.md marks unknown ([U]); defaults in da_device_defaults() */
struct da_settings {
	uint32_t entry_magic;		/* word written to AUTH_HOST under reset; default 0x53544441 "STDA" */
	bool echo_magic;		/* device answers the entry word (with answer_word, or the
					 * entry word itself when answer_custom is false) */
	bool answer_custom;		/* answer with answer_word instead of echoing */
	uint32_t answer_word;		/* e.g. 0x44414F4B "DAOK" after "OEDA" (ST's N6 DA) */
	bool dev_flag_by_host;		/* reading AUTH_DEVICE leaves the device flag set: only the
					 * host's write of 0 clears it (default: the read clears it) */
	bool ack_swapped;		/* false: bit0 = host word pending, bit1 = device word pending */
	bool data_count_in_bytes;	/* false: request data_count counts 32-bit words */
	uint64_t rng_seed;		/* challenge generator seed (deterministic tests) */
};

/* Fault modes for the reliability tests */
enum da_fault {
	DA_FAULT_NONE,
	DA_FAULT_SILENT,	/* never answers */
	DA_FAULT_GARBAGE,	/* answers with random words */
	DA_FAULT_BAD_LENGTH,	/* answers with a data_count that does not match the data */
};

struct da_device;

void da_device_defaults(struct da_settings *s);
struct da_device *da_device_create(const struct da_chip *chip, const struct da_settings *s);
void da_device_free(struct da_device *da);

/* NRST edges. On release, a pending AUTH_HOST word equal to entry_magic makes the device
 * enter DA mode (stay in the boot ROM) and da_device_reset returns true; otherwise it returns
 * false and the chip boots normally. Any reset ends a DA session. */
bool da_device_reset(struct da_device *da, bool asserted);

/* True while the device sits in the boot ROM serving DA (the core must not run user code). */
bool da_device_active(const struct da_device *da);

/* Mailbox register access from the debugger through AP0 (offsets DA_REG_*). */
uint32_t da_device_read(struct da_device *da, uint32_t offset);
void da_device_write(struct da_device *da, uint32_t offset, uint32_t value);

void da_device_set_fault(struct da_device *da, enum da_fault fault);

/* One-line-per-field text dump of the DA state for tests (no secrets). */
void da_device_dump(const struct da_device *da, FILE *out);

#endif /* H5SIM_DA_DEVICE_H */
