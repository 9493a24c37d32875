/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * What the lifecycle commands learn from a connected STM32H5 through the stm32h5x flash
 * driver (driver-api.md): the part, its product state and TrustZone setting, and what is
 * known of its Debug Authentication configuration (OBK-HDPL1 blob, or the H503 OTP hash),
 * optionally proven against a credential the user holds. Also keeps, per target, the DA
 * configuration provisioned during this OpenOCD session, and reads user files.
 */

#ifndef OPENOCD_TARGET_STM32H5_LIFECYCLE_DEVICE_H
#define OPENOCD_TARGET_STM32H5_LIFECYCLE_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <helper/command.h>

#include "lifecycle_credential.h"
#include "lifecycle_guard.h"
#include "option_bytes.h"

struct flash_bank;
struct target;
struct stm32h5x_part_info;

struct h5_lc_device {
	struct target *target;
	struct flash_bank *bank;
	const struct stm32h5x_part_info *part;
	struct h5_ob_part ob_part;
	uint32_t optsr_cur;
	uint32_t optsr2_cur;
	uint8_t pstate;
	bool has_trustzone;
	bool has_obk;
	bool tzen;		/* OPTSR2_CUR.TZEN == 0xB4 */
};

/* A credential the user gave to prove what the device holds (never printed) */
struct h5_lc_proof {
	enum h5_da_kind kind;	/* H5_DA_KIND_NONE: no proof given */
	uint8_t hash[H5_CREDENTIAL_HASH_SIZE];
};

/* What is known of the device's DA configuration */
struct h5_lc_da_status {
	enum h5_da_kind kind;
	uint32_t permissions;
	char note[256];		/* how it was found out, for the user */
};

/* Finds the stm32h5x bank of the current target and reads state and TrustZone. */
int h5_lc_device_get(struct command_invocation *cmd, struct h5_lc_device *dev);

/* Re-reads OPTSR_CUR / OPTSR2_CUR into dev. */
int h5_lc_device_refresh(struct h5_lc_device *dev);

/* Parses "-password FILE" / "-root-key PEM" at CMD_ARGV[*i] into proof (advancing *i);
 * returns ERROR_OK, or an error after a LOG_ERROR naming the problem. */
int h5_lc_parse_proof(struct command_invocation *cmd, unsigned int *i, struct h5_lc_proof *proof);

/* Finds out what DA configuration the device holds (reads OBK or OTP). */
int h5_lc_da_status(struct h5_lc_device *dev, const struct h5_lc_proof *proof,
		struct h5_lc_da_status *status);

/* Remembers a DA configuration provisioned in this session on this target. */
void h5_lc_session_remember(struct target *target, const uint8_t hash[H5_CREDENTIAL_HASH_SIZE],
		uint32_t permissions, enum h5_da_kind kind);

/* Reads a whole file (at most max bytes); *buf is malloc'd. Logs the reason on failure. */
int h5_lc_read_file(struct command_invocation *cmd, const char *path, size_t max, uint8_t **buf,
		size_t *len);

/* Wipes and frees a buffer that held a secret. */
void h5_lc_free_secret(uint8_t *buf, size_t len);

#endif /* OPENOCD_TARGET_STM32H5_LIFECYCLE_DEVICE_H */
