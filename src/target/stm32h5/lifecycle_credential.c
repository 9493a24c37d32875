// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Debug Authentication credential hashes for provisioning (see lifecycle_credential.h).
 * Checked against ST's samples: SHA-256("0123456789012345") is the hash inside
 * DA_ConfigWithPassword.obk, SHA-256(X||Y of key_1_root_pub.pem) the one inside DA_Config.obk,
 * and SHA-256(user_password.bin) is board_password.bin (H503).
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/ecp.h>
#include <mbedtls/pk.h>
#include <mbedtls/platform_util.h>
#include <mbedtls/sha256.h>

#include "lifecycle_credential.h"

static uint32_t get_le32(const uint8_t *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

void h5_sha256(const uint8_t *data, size_t len, uint8_t hash[H5_CREDENTIAL_HASH_SIZE])
{
	/* only fails on bad parameters, which cannot happen here */
	(void)mbedtls_sha256_ret(data, len, hash, 0);
}

bool h5_password_from_file(const uint8_t *file, size_t len, const uint8_t **password,
		size_t *password_len, bool *was_tlv, char *err, size_t err_size)
{
	bool tlv = len >= H5_PASSWORD_TLV_HEADER_SIZE && get_le32(file) == H5_PASSWORD_TLV_TYPE;
	const uint8_t *p = file;
	size_t n = len;

	if (len == 0) {
		snprintf(err, err_size, "the password file is empty");
		return false;
	}
	if (tlv) {
		uint32_t tlv_len = get_le32(file + 4);
		size_t follow = len - H5_PASSWORD_TLV_HEADER_SIZE;
		/* an ADAC TLV may carry zero padding up to a word (h5-debug-auth.md §2.4); the
		 * DA host takes such a file too */
		bool padded = tlv_len < follow && follow == ((size_t)tlv_len + 3) / 4 * 4;
		if (tlv_len != follow && !padded) {
			snprintf(err, err_size, "the password file starts like ST's password.bin "
					"(type 0x80000000) but its length field says %u bytes and "
					"%zu follow", (unsigned int)tlv_len, follow);
			return false;
		}
		for (size_t i = H5_PASSWORD_TLV_HEADER_SIZE + tlv_len; padded && i < len; i++) {
			if (file[i]) {
				snprintf(err, err_size, "the padding after the %u-byte password is "
						"not zero", (unsigned int)tlv_len);
				return false;
			}
		}
		p = file + H5_PASSWORD_TLV_HEADER_SIZE;
		n = tlv_len;
	}
	if (n < H5_PASSWORD_MIN_LEN || n > H5_PASSWORD_MAX_LEN) {
		snprintf(err, err_size, "the password is %zu bytes long; %d to %d bytes are "
				"accepted", n, H5_PASSWORD_MIN_LEN, H5_PASSWORD_MAX_LEN);
		return false;
	}
	*password = p;
	*password_len = n;
	if (was_tlv)
		*was_tlv = tlv;
	return true;
}

bool h5_password_file_hash(const uint8_t *file, size_t len,
		uint8_t hash[H5_CREDENTIAL_HASH_SIZE], char *err, size_t err_size)
{
	const uint8_t *password;
	size_t n;

	if (!h5_password_from_file(file, len, &password, &n, NULL, err, err_size))
		return false;
	h5_sha256(password, n, hash);
	return true;
}

bool h5_key_public_xy(const uint8_t *key, size_t len, uint8_t xy[64], char *err,
		size_t err_size)
{
	mbedtls_pk_context pk;
	uint8_t point[1 + 64];
	size_t point_len = 0;
	bool ok = false;

	if (len == 0) {
		snprintf(err, err_size, "the key file is empty");
		return false;
	}
	/* PEM parsing wants the terminating NUL counted in the length */
	uint8_t *copy = malloc(len + 1);
	if (!copy) {
		snprintf(err, err_size, "out of memory");
		return false;
	}
	memcpy(copy, key, len);
	copy[len] = '\0';

	mbedtls_pk_init(&pk);
	int ret = mbedtls_pk_parse_public_key(&pk, copy, len + 1);
	if (ret != 0) {
		mbedtls_pk_free(&pk);
		mbedtls_pk_init(&pk);
		ret = mbedtls_pk_parse_key(&pk, copy, len + 1, NULL, 0);
	}
	if (ret != 0) {
		snprintf(err, err_size, "the key file is not a PEM or DER public or private key "
				"(an encrypted private key is not supported)");
		goto out;
	}
	if (!mbedtls_pk_can_do(&pk, MBEDTLS_PK_ECKEY)) {
		snprintf(err, err_size, "the key is not an elliptic-curve key; the STM32H5 "
				"needs ECDSA P-256");
		goto out;
	}
	const struct mbedtls_ecp_keypair *ec = mbedtls_pk_ec(pk);
	if (ec->grp.id != MBEDTLS_ECP_DP_SECP256R1) {
		snprintf(err, err_size, "the key is not on curve P-256 (secp256r1/prime256v1)");
		goto out;
	}
	if (mbedtls_ecp_point_write_binary(&ec->grp, &ec->Q, MBEDTLS_ECP_PF_UNCOMPRESSED,
			&point_len, point, sizeof(point)) != 0 || point_len != sizeof(point)) {
		snprintf(err, err_size, "the public point of the key cannot be exported");
		goto out;
	}
	memcpy(xy, point + 1, 64);	/* raw X||Y, without the 0x04 prefix */
	ok = true;
out:
	mbedtls_pk_free(&pk);
	mbedtls_platform_zeroize(copy, len + 1);
	free(copy);
	return ok;
}

bool h5_root_key_hash(const uint8_t *key, size_t len, uint8_t hash[H5_CREDENTIAL_HASH_SIZE],
		char *err, size_t err_size)
{
	uint8_t xy[64];

	if (!h5_key_public_xy(key, len, xy, err, err_size))
		return false;
	h5_sha256(xy, sizeof(xy), hash);
	return true;
}
