// SPDX-License-Identifier: GPL-2.0-or-later

/* Debug Authentication certificates made by the host (see da_cert_make.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/base64.h>

#include "adac_le.h"
#include "array_size.h"
#include "adac_tlv.h"
#include "da_cert_make.h"

static const struct {
	const char *name;
	uint8_t role;
} role_names[] = {
	{ "root", DA_CERT_ROLE_ROOT },
	{ "intermediate", DA_CERT_ROLE_INTERMEDIATE },
	{ "leaf", DA_CERT_ROLE_LEAF },
};

uint8_t da_cert_role_from_name(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(role_names); i++)
		if (!strcmp(name, role_names[i].name))
			return role_names[i].role;
	return 0;
}

static bool is_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

bool da_soc_id_parse(const char *text, uint8_t id[DA_SOC_ID_BYTES])
{
	unsigned int digits = 0;

	if (!strncmp(text, "0x", 2) || !strncmp(text, "0X", 2))
		text += 2;
	memset(id, 0, DA_SOC_ID_BYTES);
	for (; *text; text++) {
		unsigned int v, pos;

		if (*text == '_')
			continue;
		if (*text >= '0' && *text <= '9')
			v = (unsigned int)(*text - '0');
		else if (*text >= 'a' && *text <= 'f')
			v = (unsigned int)(*text - 'a' + 10);
		else if (*text >= 'A' && *text <= 'F')
			v = (unsigned int)(*text - 'A' + 10);
		else
			return false;
		if (digits == 2 * DA_SOC_ID_BYTES)
			return false;
		/* digit 0 is the most significant nibble: byte 15, high half */
		pos = 2 * DA_SOC_ID_BYTES - 1 - digits;
		id[pos / 2] |= (uint8_t)(v << (4 * (pos % 2)));
		digits++;
	}
	return digits == 2 * DA_SOC_ID_BYTES;
}

void da_soc_id_format(const uint8_t id[DA_SOC_ID_BYTES], char *buf, size_t size)
{
	snprintf(buf, size, "0x%08x_%08x_%08x_%08x", adac_get_le32(id + 12),
		adac_get_le32(id + 8), adac_get_le32(id + 4), adac_get_le32(id));
}

enum da_err da_cert_chain_check_soc(const struct da_cert_chain *chain,
		const struct da_discovery *disco, struct da_diag *diag)
{
	for (unsigned int i = 0; i < chain->count; i++) {
		const struct adac_certificate_p256 *f = &chain->cert[i].fields;
		char want[40], have[40];

		if (f->soc_class && disco->has_soc_class && f->soc_class != disco->soc_class)
			return da_fail(diag, DA_ERR_STATE,
				"certificate %u (%s) is bound to SoC class 0x%03x and the device "
				"is 0x%03x", i + 1, da_cert_role_name(f->role), f->soc_class,
				disco->soc_class);
		if (is_zero(f->soc_id, DA_SOC_ID_BYTES) || !disco->has_soc_id
				|| !memcmp(f->soc_id, disco->soc_id, DA_SOC_ID_BYTES))
			continue;
		da_soc_id_format(f->soc_id, want, sizeof(want));
		da_soc_id_format(disco->soc_id, have, sizeof(have));
		return da_fail(diag, DA_ERR_STATE,
			"certificate %u (%s) is bound to SoC ID %s and the device is %s",
			i + 1, da_cert_role_name(f->role), want, have);
	}
	return DA_OK;
}

/* One numeric constraint: a parent's 0 means "any"; else the child inherits it or repeats it */
static enum da_err inherit(const char *what, int digits, uint32_t parent, bool *has,
		uint32_t *value, struct da_diag *diag)
{
	if (!parent)
		return DA_OK;
	if (!*has) {
		*value = parent;
		*has = true;
		return DA_OK;
	}
	if (*value != parent)
		return da_fail(diag, DA_ERR_ARGUMENT, "%s 0x%0*x differs from the parent's 0x%0*x: "
			"a certificate can only narrow its parent's constraints", what, digits,
			*value, digits, parent);
	return DA_OK;
}

/* The constraints a child inherits from its parent: 0 / zeros in the parent mean "any" */
static enum da_err check_constraints(struct da_cert_request *req,
		const struct adac_certificate_p256 *p, struct da_diag *diag)
{
	uint32_t lifecycle = req->lifecycle;
	enum da_err err;

	err = inherit("SoC class", 8, p->soc_class, &req->has_soc_class, &req->soc_class, diag);
	if (err == DA_OK)
		err = inherit("lifecycle", 4, p->lifecycle, &req->has_lifecycle, &lifecycle, diag);
	req->lifecycle = (uint16_t)lifecycle;
	if (err != DA_OK || is_zero(p->soc_id, DA_SOC_ID_BYTES))
		return err;
	if (!req->has_soc_id) {
		memcpy(req->soc_id, p->soc_id, DA_SOC_ID_BYTES);
		req->has_soc_id = true;
	} else if (memcmp(req->soc_id, p->soc_id, DA_SOC_ID_BYTES)) {
		char want[40];

		da_soc_id_format(p->soc_id, want, sizeof(want));
		return da_fail(diag, DA_ERR_ARGUMENT,
			"SoC ID differs from the parent's %s: a certificate can only narrow its "
			"parent's constraints", want);
	}
	return DA_OK;
}

enum da_err da_cert_request_check(struct da_cert_request *req,
		const struct da_certificate *parent,
		const uint8_t signer_pubkey[DA_P256_PUBKEY_BYTES], struct da_diag *diag)
{
	const struct adac_certificate_p256 *p = parent ? &parent->fields : NULL;
	struct da_perms parent_mask;
	enum da_err err;

	if (req->role < DA_CERT_ROLE_ROOT || req->role > DA_CERT_ROLE_LEAF)
		return da_fail(diag, DA_ERR_ARGUMENT,
			"role must be root, intermediate or leaf");
	if (da_perms_is_zero(&req->permissions))
		return da_fail(diag, DA_ERR_ARGUMENT, "a certificate granting no permission is "
			"of no use");
	if (!da_p256_pubkey_valid(req->subject_pubkey))
		return da_fail(diag, DA_ERR_MALFORMED,
			"the subject key is not a valid P-256 point");

	if (req->role == DA_CERT_ROLE_ROOT) {
		if (p)
			return da_fail(diag, DA_ERR_ARGUMENT,
				"a root certificate has no parent: it is signed by its own key");
		if (memcmp(signer_pubkey, req->subject_pubkey, DA_P256_PUBKEY_BYTES))
			return da_fail(diag, DA_ERR_KEY_MISMATCH,
				"a root certificate is self-signed: the signer key must be the "
				"subject key's private key");
		return DA_OK;
	}

	if (!p)
		return da_fail(diag, DA_ERR_ARGUMENT,
			"an %s certificate needs its parent certificate (-parent), to check that "
			"it fits inside it", da_cert_role_name(req->role));
	if (p->role == DA_CERT_ROLE_LEAF)
		return da_fail(diag, DA_ERR_ARGUMENT,
			"the parent is a leaf certificate: only a root or an intermediate can "
			"sign another certificate");
	if (memcmp(signer_pubkey, p->pubkey, DA_P256_PUBKEY_BYTES))
		return da_fail(diag, DA_ERR_KEY_MISMATCH,
			"the signer key does not belong to the parent (%s) certificate: a "
			"certificate is signed by its parent's key", da_cert_role_name(p->role));
	da_perms_from_bytes(p->permissions_mask, &parent_mask);
	err = da_perms_check_request(&req->permissions, &parent_mask, "the parent certificate",
		diag);
	if (err != DA_OK) {
		da_diag_prefix(diag, "the %s's permissions must fit inside its parent's: ",
			da_cert_role_name(req->role));
		return err;
	}
	return check_constraints(req, p, diag);
}

void da_cert_tbs_build(const struct da_cert_request *req, uint8_t tbs[DA_CERT_TBS_BYTES])
{
	memset(tbs, 0, DA_CERT_TBS_BYTES);
	tbs[0x00] = 1;	/* format 1.0 */
	tbs[0x01] = 0;
	tbs[0x02] = DA_CERT_SIGNATURE_ECDSA_P256_SHA256;
	tbs[0x03] = DA_CERT_KEY_ECDSA_P256;
	tbs[0x04] = req->role;
	tbs[0x05] = 1;	/* usage, as ST writes it */
	adac_put_le16(tbs + 0x08, req->has_lifecycle ? req->lifecycle : 0);
	adac_put_le32(tbs + 0x10, req->has_soc_class ? req->soc_class : 0);
	if (req->has_soc_id)
		memcpy(tbs + 0x14, req->soc_id, DA_SOC_ID_BYTES);
	da_perms_to_bytes(&req->permissions, tbs + 0x24);
	memcpy(tbs + 0x34, req->subject_pubkey, DA_P256_PUBKEY_BYTES);
	/* 0x0A oem_constraint, 0x0C extensions_bytes, 0x74 extensions hash: zero */
}

enum da_err da_cert_make(struct da_cert_request *req, const struct da_certificate *parent,
		const struct da_key *signer, struct da_certificate *out, struct da_diag *diag)
{
	uint8_t signer_pub[DA_P256_PUBKEY_BYTES];
	uint8_t body[DA_CERT_BODY_BYTES];
	uint8_t hash[DA_SHA256_BYTES];
	enum da_err err;

	err = da_key_public(signer, signer_pub);
	if (err != DA_OK)
		return da_fail(diag, err, "cannot read the signer's public key");
	err = da_cert_request_check(req, parent, signer_pub, diag);
	if (err != DA_OK)
		return err;
	da_cert_tbs_build(req, body);
	if (da_sha256(body, DA_CERT_TBS_BYTES, NULL, 0, hash) != DA_OK)
		return da_fail(diag, DA_ERR_CRYPTO, "SHA-256 failed");
	err = da_key_sign_hash(signer, hash, body + DA_CERT_TBS_BYTES, diag);
	if (err != DA_OK)
		return err;
	if (da_p256_verify(signer_pub, hash, body + DA_CERT_TBS_BYTES) != DA_OK)
		return da_fail(diag, DA_ERR_BAD_SIGNATURE,
			"the signer's signature does not verify with its public key");
	return da_certificate_parse(body, sizeof(body), out, diag);
}

enum da_err da_cert_chain_to_base64(const struct da_cert_chain *chain, char **text,
		size_t *len, struct da_diag *diag)
{
	size_t cap = DA_CHAIN_MAX * (8 + DA_CERT_BODY_BYTES + DA_CERT_MAX_EXTENSIONS_BYTES);
	size_t used = 0, tcap, olen = 0;
	uint8_t *bytes;
	enum da_err err = DA_OK;

	*text = NULL;
	*len = 0;
	bytes = malloc(cap);
	if (!bytes)
		return da_fail(diag, DA_ERR_NO_SPACE, "out of memory");
	for (unsigned int i = 0; i < chain->count && err == DA_OK; i++) {
		size_t n = 0;

		err = da_certificate_tlv(&chain->cert[i], bytes + used, cap - used, &n, diag);
		used += n;
	}
	tcap = 4 * ((used + 2) / 3) + 1;
	if (err == DA_OK) {
		*text = malloc(tcap);
		if (!*text)
			err = da_fail(diag, DA_ERR_NO_SPACE, "out of memory");
	}
	if (err == DA_OK && mbedtls_base64_encode((unsigned char *)*text, tcap, &olen, bytes,
			used)) {
		free(*text);
		*text = NULL;
		err = da_fail(diag, DA_ERR_CRYPTO, "base64 encoding failed");
	}
	if (err == DA_OK)
		*len = olen;
	free(bytes);
	return err;
}

enum da_err da_cert_chain_save(const char *path, const struct da_cert_chain *chain,
		struct da_diag *diag)
{
	char *text;
	size_t len;
	enum da_err err;
	FILE *f;
	bool ok;

	err = da_cert_chain_to_base64(chain, &text, &len, diag);
	if (err != DA_OK)
		return err;
	f = fopen(path, "wb");
	ok = f && fwrite(text, 1, len, f) == len;
	if (f && fclose(f))
		ok = false;
	free(text);
	if (!ok)
		return da_fail(diag, DA_ERR_FILE, "%s: cannot write the certificate file", path);
	return DA_OK;
}
