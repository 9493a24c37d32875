// SPDX-License-Identifier: GPL-2.0-or-later

/* STM32H5 Debug Authentication certificates: parsing, chain files, local chain check. */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/base64.h>

#include "adac_le.h"
#include "adac_tlv.h"
#include "da_certificate.h"
#include "da_file.h"

/* largest chain (DA_CHAIN_MAX TLVs with extensions), and its base64 text with line breaks */
#define CHAIN_BYTES_MAX	\
	(DA_CHAIN_MAX * (8 + DA_CERT_BODY_BYTES + DA_CERT_MAX_EXTENSIONS_BYTES))
#define CHAIN_TEXT_MAX		(CHAIN_BYTES_MAX * 2)

const char *da_cert_role_name(uint8_t role)
{
	switch (role) {
	case DA_CERT_ROLE_ROOT:
		return "root";
	case DA_CERT_ROLE_INTERMEDIATE:
		return "intermediate";
	case DA_CERT_ROLE_LEAF:
		return "leaf";
	default:
		return "unknown role";
	}
}

static void decode_fields(const uint8_t *b, struct adac_certificate_p256 *f)
{
	f->format_major = b[0x00];
	f->format_minor = b[0x01];
	f->signature_type = b[0x02];
	f->key_type = b[0x03];
	f->role = b[0x04];
	f->usage = b[0x05];
	f->reserved = adac_get_le16(b + 0x06);
	f->lifecycle = adac_get_le16(b + 0x08);
	f->oem_constraint = adac_get_le16(b + 0x0A);
	f->extensions_bytes = adac_get_le32(b + 0x0C);
	f->soc_class = adac_get_le32(b + 0x10);
	memcpy(f->soc_id, b + 0x14, sizeof(f->soc_id));
	memcpy(f->permissions_mask, b + 0x24, sizeof(f->permissions_mask));
	memcpy(f->pubkey, b + 0x34, sizeof(f->pubkey));
	memcpy(f->extensions_hash, b + 0x74, sizeof(f->extensions_hash));
	memcpy(f->signature, b + 0x94, sizeof(f->signature));
}

enum da_err da_certificate_parse(const uint8_t *body, size_t len, struct da_certificate *out,
		struct da_diag *diag)
{
	struct adac_certificate_p256 *f = &out->fields;
	size_t expected;

	memset(out, 0, sizeof(*out));
	if (len < DA_CERT_BODY_BYTES)
		return da_fail(diag, DA_ERR_TRUNCATED,
			"body is %zu bytes, at least %u expected", len,
			DA_CERT_BODY_BYTES);
	decode_fields(body, f);
	if (f->format_major != 1)
		return da_fail(diag, DA_ERR_MALFORMED,
			"format version %u.%u, expected 1.x",
			f->format_major, f->format_minor);
	if (f->signature_type != DA_CERT_SIGNATURE_ECDSA_P256_SHA256
			|| f->key_type != DA_CERT_KEY_ECDSA_P256)
		return da_fail(diag, DA_ERR_UNSUPPORTED,
			"signature type %u / key type %u: only ECDSA P-256 SHA-256 "
			"(1/1) is used on the STM32H5", f->signature_type, f->key_type);
	if (f->role < DA_CERT_ROLE_ROOT || f->role > DA_CERT_ROLE_LEAF)
		return da_fail(diag, DA_ERR_MALFORMED,
			"role %u, expected 1 (root), 2 (intermediate) or 3 (leaf)",
			f->role);
	if (f->extensions_bytes > DA_CERT_MAX_EXTENSIONS_BYTES)
		return da_fail(diag, DA_ERR_OVERSIZED,
			"extensions of %u bytes, this host accepts up to %u",
			f->extensions_bytes, DA_CERT_MAX_EXTENSIONS_BYTES);
	expected = DA_CERT_BODY_BYTES + adac_round_to_word(f->extensions_bytes);
	if (len != expected)
		return da_fail(diag, DA_ERR_LENGTH_MISMATCH,
			"body is %zu bytes, its extensions_bytes (%u) make it %zu",
			len, f->extensions_bytes, expected);
	memcpy(out->body, body, len);
	out->body_len = len;
	return DA_OK;
}

enum da_err da_cert_chain_from_bytes(const uint8_t *buf, size_t len, struct da_cert_chain *chain,
		struct da_diag *diag)
{
	struct adac_tlv_reader reader;
	enum da_err err;

	memset(chain, 0, sizeof(*chain));
	if (!len)
		return da_fail(diag, DA_ERR_TRUNCATED, "certificate chain is empty");

	/* a TLV starts with its zero reserved field, a bare body with format major 1 */
	if (buf[0] == 1) {
		err = da_certificate_parse(buf, len, &chain->cert[0], diag);
		if (err != DA_OK) {
			da_diag_prefix(diag, "certificate 1: ");
			return err;
		}
		chain->count = 1;
		return DA_OK;
	}

	adac_tlv_reader_init(&reader, buf, len);
	while (!adac_tlv_reader_at_end(&reader)) {
		unsigned int n = chain->count + 1;
		struct adac_tlv tlv;

		err = adac_tlv_next(&reader, &tlv, diag);
		if (err != DA_OK) {
			da_diag_prefix(diag, "certificate %u: ", n);
			return err;
		}
		if (tlv.type_id == ADAC_TLV_PSA_X509_CRT)
			return da_fail(diag, DA_ERR_UNSUPPORTED,
				"certificate %u: X.509 certificates (TLV 0x0202) are not used by "
				"the STM32H5", n);
		if (tlv.type_id != ADAC_TLV_PSA_BINARY_CRT)
			return da_fail(diag, DA_ERR_WRONG_TYPE,
				"certificate %u: TLV type 0x%04x, expected 0x0201 (PSA binary "
				"certificate)", n, tlv.type_id);
		if (chain->count == DA_CHAIN_MAX)
			return da_fail(diag, DA_ERR_OVERSIZED,
				"certificate chain holds more than %u certificates", DA_CHAIN_MAX);
		err = da_certificate_parse(tlv.value, tlv.length, &chain->cert[chain->count], diag);
		if (err != DA_OK) {
			da_diag_prefix(diag, "certificate %u: ", n);
			return err;
		}
		chain->count++;
	}
	return DA_OK;
}

enum da_err da_cert_chain_from_base64(const char *text, size_t len, struct da_cert_chain *chain,
		struct da_diag *diag)
{
	unsigned char *clean, *bytes;
	size_t n = 0, olen = 0;
	enum da_err err;

	memset(chain, 0, sizeof(*chain));
	if (len > CHAIN_TEXT_MAX)
		return da_fail(diag, DA_ERR_OVERSIZED, "certificate chain text of %zu characters",
			len);
	clean = malloc(len + 1);
	bytes = malloc(CHAIN_BYTES_MAX);
	if (!clean || !bytes) {
		free(clean);
		free(bytes);
		return da_fail(diag, DA_ERR_FILE, "out of memory");
	}
	for (size_t i = 0; i < len; i++)
		if (!isspace((unsigned char)text[i]))
			clean[n++] = (unsigned char)text[i];
	if (mbedtls_base64_decode(bytes, CHAIN_BYTES_MAX, &olen, clean, n))
		err = da_fail(diag, DA_ERR_MALFORMED, "certificate chain is not valid base64");
	else
		err = da_cert_chain_from_bytes(bytes, olen, chain, diag);
	free(clean);
	free(bytes);
	return err;
}

enum da_err da_cert_chain_load(const char *path, struct da_cert_chain *chain,
		struct da_diag *diag)
{
	uint8_t *data;
	size_t len;
	enum da_err err;

	memset(chain, 0, sizeof(*chain));
	err = da_file_read(path, CHAIN_TEXT_MAX, &data, &len, diag);
	if (err != DA_OK)
		return err;
	err = da_cert_chain_from_base64((const char *)data, len, chain, diag);
	da_file_free(data, len);
	if (err != DA_OK)
		da_diag_prefix(diag, "%s: ", path);
	return err;
}

static uint8_t expected_role(unsigned int index, unsigned int count)
{
	if (index == 0)
		return DA_CERT_ROLE_ROOT;
	if (index == count - 1)
		return DA_CERT_ROLE_LEAF;
	return DA_CERT_ROLE_INTERMEDIATE;
}

enum da_err da_cert_chain_verify(const struct da_cert_chain *chain, struct da_perms *mask,
		struct da_diag *diag)
{
	struct da_perms acc, one;

	if (!chain->count)
		return da_fail(diag, DA_ERR_TRUNCATED, "certificate chain is empty");
	da_perms_all(&acc);
	for (unsigned int i = 0; i < chain->count; i++) {
		const struct adac_certificate_p256 *f = &chain->cert[i].fields;
		const struct adac_certificate_p256 *parent = i ? &chain->cert[i - 1].fields : f;
		uint8_t want = expected_role(i, chain->count);
		uint8_t hash[DA_SHA256_BYTES];
		enum da_err err;

		if (f->role != want)
			return da_fail(diag, DA_ERR_WRONG_TYPE,
				"certificate %u: role is %s, expected %s at this place in the chain "
				"(root first, leaf last)", i + 1, da_cert_role_name(f->role),
				da_cert_role_name(want));
		if (!da_p256_pubkey_valid(f->pubkey))
			return da_fail(diag, DA_ERR_MALFORMED,
				"certificate %u (%s): public key is not a valid P-256 point",
				i + 1, da_cert_role_name(f->role));
		if (da_sha256(chain->cert[i].body, DA_CERT_TBS_BYTES, NULL, 0, hash) != DA_OK)
			return da_fail(diag, DA_ERR_CRYPTO, "SHA-256 failed");
		err = da_p256_verify(parent->pubkey, hash, f->signature);
		if (err == DA_ERR_BAD_SIGNATURE) {
			if (!i)
				return da_fail(diag, err,
					"certificate 1 (root): self-signature does not verify with "
					"its own public key");
			return da_fail(diag, err,
				"certificate %u (%s): signature does not verify with the public "
				"key of certificate %u (%s)", i + 1, da_cert_role_name(f->role),
				i, da_cert_role_name(parent->role));
		}
		if (err != DA_OK)
			return da_fail(diag, err, "certificate %u (%s): signature check failed",
				i + 1, da_cert_role_name(f->role));
		da_perms_from_bytes(f->permissions_mask, &one);
		if (i) {
			struct da_perms parent_mask;
			char who[48];

			/* the device ANDs the masks; a wider child is a mistake made elsewhere */
			da_perms_from_bytes(parent->permissions_mask, &parent_mask);
			snprintf(who, sizeof(who), "certificate %u (%s)", i,
				da_cert_role_name(parent->role));
			err = da_perms_check_request(&one, &parent_mask, who, diag);
			if (err != DA_OK) {
				da_diag_prefix(diag, "certificate %u (%s) asks for more than its "
					"parent: ", i + 1, da_cert_role_name(f->role));
				return err;
			}
		}
		da_perms_and(&acc, &one, &acc);
	}
	if (mask)
		*mask = acc;
	return DA_OK;
}

enum da_err da_cert_chain_root_hash(const struct da_cert_chain *chain,
		uint8_t hash[DA_SHA256_BYTES], struct da_diag *diag)
{
	if (!chain->count)
		return da_fail(diag, DA_ERR_TRUNCATED, "certificate chain is empty");
	if (da_sha256(chain->cert[0].fields.pubkey, DA_P256_PUBKEY_BYTES, NULL, 0, hash) != DA_OK)
		return da_fail(diag, DA_ERR_CRYPTO, "SHA-256 failed");
	return DA_OK;
}

enum da_err da_certificate_tlv(const struct da_certificate *cert, uint8_t *out, size_t out_size,
		size_t *out_len, struct da_diag *diag)
{
	return adac_tlv_encode(ADAC_TLV_PSA_BINARY_CRT, cert->body, cert->body_len, out, out_size,
		out_len, diag);
}
