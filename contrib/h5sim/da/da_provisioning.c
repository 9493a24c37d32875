// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim DA: reads and checks the provisioned DA configuration (OBK blob or H503 OTP hash).
 *
 * Choices for facts marked [U]:
 * - password mode with an OBK blob: the blob's permission word is not used; a password
 *   grants full regression only (AN6008 §2.2) — whether the RSS reads the word is [U];
 * - H503: the OTP hash has no integrity hash of its own; it counts as provisioned when it
 *   is readable and not erased (all 0xFF).
 */

#include <string.h>

#include "da_crypto.h"
#include "da_permissions.h"
#include "da_provisioning.h"

static bool da_all_bytes(const uint8_t *p, size_t len, uint8_t value)
{
	for (size_t i = 0; i < len; i++)
		if (p[i] != value)
			return false;
	return true;
}

static void da_provisioning_load_otp(const struct da_chip *chip, struct da_provisioning *prov)
{
	if (!chip->read_nvm(chip->ctx, DA_OTP_PASSWORD_HASH_ADDR, prov->hash, DA_SHA256_SIZE)) {
		prov->problem = "OTP password hash at 0x08FFF000 is not readable";
		return;
	}
	if (da_all_bytes(prov->hash, DA_SHA256_SIZE, 0xFF)) {
		prov->problem = "OTP password hash at 0x08FFF000 is not programmed";
		return;
	}
	prov->permissions = DA_PERM_FULL_REGRESSION;
	prov->valid = true;
}

static void da_provisioning_load_obk(const struct da_chip *chip, struct da_provisioning *prov)
{
	uint8_t blob[DA_OBK_CONFIG_SIZE];
	uint8_t digest[DA_SHA256_SIZE];

	if (!chip->read_nvm(chip->ctx, DA_OBK_CONFIG_ADDR, blob, sizeof(blob))) {
		prov->problem = "OBK DA configuration at 0x0FFD0100 is not readable";
		return;
	}
	if (!sim_da_sha256(blob + DA_OBK_CONFIG_HASH_OFFSET,
		       DA_OBK_CONFIG_SIZE - DA_OBK_CONFIG_HASH_OFFSET, NULL, 0, digest) ||
	    !sim_da_equal(digest, blob, DA_SHA256_SIZE)) {
		prov->problem = "OBK DA configuration integrity hash does not match (not provisioned?)";
		return;
	}
	memcpy(prov->hash, blob + DA_OBK_CONFIG_HASH_OFFSET, DA_SHA256_SIZE);
	if (prov->method == DA_METHOD_CERTIFICATE)
		prov->permissions = da_get_le32(blob + DA_OBK_CONFIG_PERM_OFFSET);
	else
		prov->permissions = DA_PERM_FULL_REGRESSION;
	prov->valid = true;
}

void sim_da_provisioning_load(const struct da_chip *chip, struct da_provisioning *prov)
{
	memset(prov, 0, sizeof(*prov));
	if (chip->has_trustzone && chip->tzen && chip->tzen(chip->ctx))
		prov->method = DA_METHOD_CERTIFICATE;
	else
		prov->method = DA_METHOD_PASSWORD;

	if (chip->has_obk)
		da_provisioning_load_obk(chip, prov);
	else
		da_provisioning_load_otp(chip, prov);
	if (!prov->valid)
		memset(prov->hash, 0, sizeof(prov->hash));
}

const char *sim_da_method_name(enum da_method method)
{
	return method == DA_METHOD_CERTIFICATE ? "certificate (ECDSA P-256)" : "password";
}
