// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Device facts for the lifecycle commands (see lifecycle_device.h).
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/platform_util.h>

#include <flash/nor/core.h>
#include <flash/nor/stm32h5x.h>
#include <helper/log.h>
#include <target/target.h>

#include "lifecycle_device.h"
#include "obk.h"
#include "otp_password.h"
#include "product_state.h"

#define TZEN_SHIFT	24
#define TZEN_ENABLED	0xB4

/* The DA configuration provisioned during this session, per target */
struct session_record {
	struct target *target;
	uint8_t hash[H5_CREDENTIAL_HASH_SIZE];
	uint32_t permissions;
	enum h5_da_kind kind;	/* PASSWORD/CERTIFICATE when proven, else UNPROVEN */
};

#define MAX_RECORDS 4
static struct session_record records[MAX_RECORDS];

static struct session_record *record_of(struct target *target)
{
	for (unsigned int i = 0; i < MAX_RECORDS; i++)
		if (records[i].target == target)
			return &records[i];
	return NULL;
}

void h5_lc_session_remember(struct target *target, const uint8_t hash[H5_CREDENTIAL_HASH_SIZE],
		uint32_t permissions, enum h5_da_kind kind)
{
	struct session_record *r = record_of(target);
	if (!r)
		r = record_of(NULL);
	if (!r)
		r = &records[0];
	r->target = target;
	memcpy(r->hash, hash, H5_CREDENTIAL_HASH_SIZE);
	r->permissions = permissions;
	r->kind = kind;
}

int h5_lc_read_file(struct command_invocation *cmd, const char *path, size_t max, uint8_t **buf,
		size_t *len)
{
	*buf = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f) {
		command_print(CMD, "stm32h5x: cannot open '%s': %s", path, strerror(errno));
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	uint8_t *data = malloc(max + 1);
	if (!data) {
		fclose(f);
		LOG_ERROR("stm32h5x: out of memory");
		return ERROR_FAIL;
	}
	size_t n = fread(data, 1, max + 1, f);
	bool failed = ferror(f);
	fclose(f);
	if (failed || n > max) {
		h5_lc_free_secret(data, max + 1);
		command_print(CMD, "stm32h5x: '%s' %s", path, failed ? "cannot be read" :
				"is too large");
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	*buf = data;
	*len = n;
	return ERROR_OK;
}

void h5_lc_free_secret(uint8_t *buf, size_t len)
{
	if (!buf)
		return;
	mbedtls_platform_zeroize(buf, len);
	free(buf);
}

int h5_lc_device_refresh(struct h5_lc_device *dev)
{
	int retval = stm32h5x_read_reg(dev->bank, STM32H5X_OPTSR_CUR, &dev->optsr_cur);
	if (retval == ERROR_OK && dev->has_trustzone)
		retval = stm32h5x_read_reg(dev->bank, STM32H5X_OPTSR2_CUR, &dev->optsr2_cur);
	if (retval != ERROR_OK)
		return retval;
	dev->pstate = (dev->optsr_cur & H5_OPTSR_PRODUCT_STATE_MASK) >> H5_OPTSR_PRODUCT_STATE_SHIFT;
	dev->tzen = dev->has_trustzone && (dev->optsr2_cur >> TZEN_SHIFT) == TZEN_ENABLED;
	return ERROR_OK;
}

/* Size of the user flash of the target, from its user-flash bank (0 if unknown) */
static unsigned int user_flash_kb(struct flash_bank *any)
{
	static const uint32_t user_flash[] = { 0x08000000, 0x0C000000 };

	for (unsigned int i = 0; i < 2; i++) {
		struct flash_bank *b;
		if (get_flash_bank_by_addr(any->target, user_flash[i], false, &b) == ERROR_OK && b
				&& b->driver == any->driver && b->base == user_flash[i])
			return b->size / 1024;
	}
	return 0;
}

int h5_lc_device_get(struct command_invocation *cmd, struct h5_lc_device *dev)
{
	memset(dev, 0, sizeof(*dev));
	dev->target = get_current_target(CMD_CTX);
	if (!dev->target)
		return ERROR_FAIL;
	int retval = stm32h5x_bank_of_target(dev->target, &dev->bank);
	if (retval != ERROR_OK) {
		if (!target_was_examined(dev->target))
			command_print(CMD, "stm32h5x: the core's access port is closed (product state "
					"Closed, or TZ-Closed/iROT-Provisioned for the secure side): "
					"'stm32h5x product_state' reads it through Debug Authentication, "
					"'stm32h5x da auth' reopens debug");
		else
			command_print(CMD, "stm32h5x: the flash of target %s cannot be probed",
					target_name(dev->target));
		return retval;
	}
	dev->part = stm32h5x_part(dev->bank);
	if (!dev->part) {
		LOG_ERROR("stm32h5x: the part of target %s is not known", target_name(dev->target));
		return ERROR_FAIL;
	}
	dev->has_trustzone = dev->part->has_trustzone;
	dev->has_obk = dev->part->has_obk;
	dev->ob_part.family = dev->part->family;
	dev->ob_part.flash_kb = user_flash_kb(dev->bank);
	return h5_lc_device_refresh(dev);
}

int h5_lc_parse_proof(struct command_invocation *cmd, unsigned int *i, struct h5_lc_proof *proof)
{
	const char *opt = CMD_ARGV[*i];
	bool password = strcmp(opt, "-password") == 0;
	char err[256];
	uint8_t *file;
	size_t len;

	if (*i + 1 >= CMD_ARGC) {
		command_print(CMD, "stm32h5x: %s needs a file name", opt);
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	if (proof->kind != H5_DA_KIND_NONE) {
		command_print(CMD, "stm32h5x: give one credential (-password or -root-key), not two");
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	const char *path = CMD_ARGV[++*i];
	int retval = h5_lc_read_file(CMD, path, 16384, &file, &len);
	if (retval != ERROR_OK)
		return retval;
	bool ok = password ? h5_password_file_hash(file, len, proof->hash, err, sizeof(err))
		: h5_root_key_hash(file, len, proof->hash, err, sizeof(err));
	h5_lc_free_secret(file, len);
	if (!ok) {
		command_print(CMD, "stm32h5x: %s: %s", path, err);
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	proof->kind = password ? H5_DA_KIND_PASSWORD : H5_DA_KIND_CERTIFICATE;
	return ERROR_OK;
}

/*
 * Reads the 96-byte DA blob. The secure alias first only where the debugger's AP transactions
 * are secure (TrustZone on, in Open: target/stm32h5x.cfg selects them then); elsewhere a
 * secure-alias read would fail, with an error in the log, before the non-secure one is tried.
 */
static bool read_da_blob(struct target *target, bool secure_first, uint8_t blob[H5_DA_CONFIG_SIZE])
{
	const uint32_t secure = H5_DA_CONFIG_ADDR;
	const uint32_t nonsecure = H5_DA_CONFIG_ADDR - H5_OBK_BASE_S + H5_OBK_BASE_NS;
	const uint32_t first = secure_first ? secure : nonsecure;
	const uint32_t second = secure_first ? nonsecure : secure;

	if (target_read_buffer(target, first, H5_DA_CONFIG_SIZE, blob) == ERROR_OK)
		return true;
	return target_read_buffer(target, second, H5_DA_CONFIG_SIZE, blob) == ERROR_OK;
}

static void status_from_hash(struct h5_lc_da_status *st, const uint8_t *hash, uint32_t permissions,
		const struct h5_lc_proof *proof, const struct session_record *rec, const char *where)
{
	const struct h5_da_evidence ev = {
		.device_hash = hash,
		.proof_kind = proof->kind,
		.proof_hash = proof->hash,
		.session_kind = rec ? rec->kind : H5_DA_KIND_NONE,
		.session_hash = rec ? rec->hash : NULL,
	};
	const char *how;

	st->permissions = permissions;
	st->kind = h5_da_kind_from_evidence(&ev, &how);
	snprintf(st->note, sizeof(st->note), "%s %s", where, how);
}

int h5_lc_da_status(struct h5_lc_device *dev, const struct h5_lc_proof *proof,
		struct h5_lc_da_status *st)
{
	const struct session_record *rec = record_of(dev->target);
	uint8_t blob[H5_DA_CONFIG_SIZE];

	memset(st, 0, sizeof(*st));
	if (dev->has_obk) {
		struct h5_da_blob info;
		if (!read_da_blob(dev->target, dev->tzen && dev->pstate == H5_PSTATE_OPEN, blob)) {
			st->kind = H5_DA_KIND_UNPROVEN;
			snprintf(st->note, sizeof(st->note), "the DA configuration at 0x%08X cannot be "
					"read", H5_DA_CONFIG_ADDR);
			return ERROR_OK;
		}
		switch (h5_da_blob_decode(blob, &info)) {
		case H5_DA_BLOB_EMPTY:
			st->kind = H5_DA_KIND_NONE;
			snprintf(st->note, sizeof(st->note), "OBK-HDPL1 at 0x%08X is erased",
					H5_DA_CONFIG_ADDR);
			return ERROR_OK;
		case H5_DA_BLOB_VALID:
			status_from_hash(st, info.credential_hash, info.permissions, proof, rec,
					"the DA configuration in OBK-HDPL1");
			return ERROR_OK;
		case H5_DA_BLOB_OPAQUE:
			if (rec) {
				/* stored encrypted (crypto parts): compare with what this session wrote */
				status_from_hash(st, rec->hash, rec->permissions, proof, rec,
						"the DA configuration provisioned in this session");
				return ERROR_OK;
			}
			st->kind = H5_DA_KIND_UNPROVEN;
			snprintf(st->note, sizeof(st->note), "OBK-HDPL1 holds data whose integrity hash "
					"does not match (stored encrypted, or corrupt)");
			return ERROR_OK;
		}
		return ERROR_OK;
	}

	/* H503: password hash in OTP block 0, then the block is locked */
	uint32_t lockbl;
	int retval = stm32h5x_read_reg(dev->bank, STM32H5X_OTPBLR_CUR, &lockbl);
	if (retval != ERROR_OK)
		return retval;
	if (!(lockbl & H5_OTP_DA_LOCKBL)) {
		st->kind = H5_DA_KIND_NONE;
		snprintf(st->note, sizeof(st->note), "OTP block 0 is not locked: no DA password is "
				"provisioned (stm32h5x da_password_provision)");
		return ERROR_OK;
	}
	if (target_read_buffer(dev->target, H5_OTP_DA_HASH_ADDR, H5_OTP_DA_HASH_SIZE, blob)
			!= ERROR_OK) {
		st->kind = H5_DA_KIND_UNPROVEN;
		snprintf(st->note, sizeof(st->note), "the OTP password hash cannot be read");
		return ERROR_OK;
	}
	status_from_hash(st, blob, 0xFFFFFFFFu, proof, rec, "the password hash in OTP");
	return ERROR_OK;
}
