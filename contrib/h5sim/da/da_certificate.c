// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim DA: certificate layout checks and signature verification.
 * Not checked ([U] what the RSS checks, h5-debug-auth.md §9.7): usage, lifecycle,
 * oem_constraint, soc_class, soc_id and the extensions hash (ST's certificates carry zeros).
 */

#include <string.h>

#include "da_certificate.h"
#include "da_crypto.h"

#define DA_CERT_OFF_VERSION_MAJOR	0x00
#define DA_CERT_OFF_SIGNATURE_TYPE	0x02
#define DA_CERT_OFF_KEY_TYPE		0x03
#define DA_CERT_OFF_ROLE		0x04
#define DA_CERT_OFF_EXTENSIONS_BYTES	0x0C
#define DA_CERT_OFF_PERMISSIONS		0x24
#define DA_CERT_OFF_PUBKEY		0x34
#define DA_CERT_OFF_SIGNATURE		0x94

#define DA_SIGNATURE_ECDSA_P256_SHA256	0x01
#define DA_KEY_ECDSA_P256		0x01
/* Bound on the extensions so the size arithmetic cannot wrap */
#define DA_CERT_MAX_EXTENSIONS		0x10000u

bool sim_da_certificate_size_ok(const uint8_t *body, uint32_t len)
{
	uint32_t extensions;

	if (len < DA_CERT_BODY_SIZE)
		return false;
	extensions = da_get_le32(body + DA_CERT_OFF_EXTENSIONS_BYTES);
	return extensions <= DA_CERT_MAX_EXTENSIONS &&
		len == DA_CERT_BODY_SIZE + da_round_to_word(extensions);
}

const char *sim_da_certificate_parse(const uint8_t *body, uint32_t len, struct da_certificate *cert)
{

	memset(cert, 0, sizeof(*cert));
	if (!sim_da_certificate_size_ok(body, len))
		return "certificate size does not match 212 bytes plus its extensions";
	if (body[DA_CERT_OFF_VERSION_MAJOR] != 1)
		return "certificate format version is not 1.x";
	if (body[DA_CERT_OFF_SIGNATURE_TYPE] != DA_SIGNATURE_ECDSA_P256_SHA256)
		return "certificate signature type is not ECDSA P-256/SHA-256";
	if (body[DA_CERT_OFF_KEY_TYPE] != DA_KEY_ECDSA_P256)
		return "certificate key type is not ECDSA P-256";
	cert->role = body[DA_CERT_OFF_ROLE];
	if (cert->role < DA_ROLE_ROOT || cert->role > DA_ROLE_LEAF)
		return "certificate role is not root, intermediate or leaf";
	memcpy(cert->permissions, body + DA_CERT_OFF_PERMISSIONS, DA_PERMISSIONS_SIZE);
	memcpy(cert->pubkey, body + DA_CERT_OFF_PUBKEY, DA_P256_KEY_SIZE);
	if (!sim_da_p256_key_valid(cert->pubkey))
		return "certificate public key is not a P-256 point";
	cert->body = body;
	cert->len = len;
	return NULL;
}

bool sim_da_certificate_signed_by(const struct da_certificate *cert,
			      const uint8_t key[DA_P256_KEY_SIZE])
{
	uint8_t digest[DA_SHA256_SIZE];

	return sim_da_sha256(cert->body, DA_CERT_TBS_SIZE, NULL, 0, digest) &&
		sim_da_p256_verify(key, digest, cert->body + DA_CERT_OFF_SIGNATURE);
}

bool sim_da_certificate_key_hash_is(const struct da_certificate *cert,
				const uint8_t hash[DA_SHA256_SIZE])
{
	uint8_t digest[DA_SHA256_SIZE];

	return sim_da_sha256(cert->pubkey, DA_P256_KEY_SIZE, NULL, 0, digest) &&
		sim_da_equal(digest, hash, DA_SHA256_SIZE);
}

const char *sim_da_cert_role_name(uint8_t role)
{
	switch (role) {
	case DA_ROLE_ROOT:
		return "root";
	case DA_ROLE_INTERMEDIATE:
		return "intermediate";
	case DA_ROLE_LEAF:
		return "leaf";
	default:
		return "unknown";
	}
}
