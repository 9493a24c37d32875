// SPDX-License-Identifier: GPL-2.0-or-later

/* h5sim DA: password check against the provisioned SHA-256 (the password is never logged). */

#include "da_crypto.h"
#include "da_password.h"

uint16_t sim_da_password_check(const struct da_provisioning *prov, const uint8_t *password,
			   uint32_t len, const char **problem)
{
	uint8_t digest[DA_SHA256_SIZE];

	if (len < DA_PASSWORD_MIN_LEN || len > DA_PASSWORD_MAX_LEN) {
		*problem = "password length is not 4 to 16 bytes";
		return DA_STATUS_INVALID_PARAMETERS;
	}
	if (!sim_da_sha256(password, len, NULL, 0, digest)) {
		*problem = "SHA-256 failed";
		return DA_STATUS_FAILURE;
	}
	if (!sim_da_equal(digest, prov->hash, DA_SHA256_SIZE)) {
		*problem = "password hash does not match the provisioned hash";
		return DA_STATUS_FAILURE;
	}
	*problem = NULL;
	return DA_STATUS_SUCCESS;
}
