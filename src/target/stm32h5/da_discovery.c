// SPDX-License-Identifier: GPL-2.0-or-later

/* STM32H5 Debug Authentication DISCOVERY decoding and description (see da_discovery.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <string.h>

#include "array_size.h"
#include "adac_le.h"
#include "adac_tlv.h"
#include "da_discovery.h"
#include "product_state.h"

/* Value length each decoded TLV type must have (§2.4, §3) */
struct tlv_rule {
	uint16_t type_id;
	uint32_t min, max;	/* bytes */
	uint32_t step;		/* length must be a multiple of this (list element size) */
};

static const struct tlv_rule rules[] = {
	{ ADAC_TLV_AUTH_VERSION, 2, 2, 1 },
	{ ADAC_TLV_VENDOR_ID, 2, 2, 1 },
	{ ADAC_TLV_SOC_CLASS, 4, 4, 1 },
	{ ADAC_TLV_SOC_ID, 16, 16, 1 },
	{ ADAC_TLV_HW_PERMISSIONS_FIXED, 16, 16, 1 },
	{ ADAC_TLV_HW_PERMISSIONS_MASK, 16, 16, 1 },
	{ ADAC_TLV_PSA_LIFECYCLE, 2, 2, 1 },
	{ ADAC_TLV_SDA_ID, 4, 4, 1 },
	{ ADAC_TLV_TOKEN_FORMATS, 2, 2 * DA_DISCOVERY_MAX_LIST, 2 },
	{ ADAC_TLV_CERT_FORMATS, 2, 2 * DA_DISCOVERY_MAX_LIST, 2 },
	{ ADAC_TLV_CRYPTOSYSTEMS, 1, DA_DISCOVERY_MAX_LIST, 1 },
	{ ADAC_TLV_ST_PASSWORD, 4, 4, 1 },	/* provisioning integrity in DISCOVERY */
	{ ADAC_TLV_ST_HDPL1_STATUS, 4, 4, 1 },
	{ ADAC_TLV_ST_HDPL2_STATUS, 4, 4, 1 },
	{ ADAC_TLV_ST_HDPL3_STATUS, 4, 4, 1 },
};

#define N_RULES (ARRAY_SIZE(rules))

static enum da_err store(struct da_discovery *d, const struct adac_tlv *t)
{
	const uint8_t *v = t->value;
	uint16_t vendor;

	switch (t->type_id) {
	case ADAC_TLV_AUTH_VERSION:
		d->has_auth_version = true;
		d->auth_version_major = v[0];
		d->auth_version_minor = v[1];
		break;
	case ADAC_TLV_VENDOR_ID:
		vendor = adac_get_le16(v);
		d->has_vendor_id = true;
		d->vendor_id_byte_swapped = vendor == 0x2000;	/* {0x00, 0x20} */
		d->vendor_id = d->vendor_id_byte_swapped ? DA_VENDOR_ST : vendor;
		break;
	case ADAC_TLV_SOC_CLASS:
		d->has_soc_class = true;
		d->soc_class = adac_get_le32(v);
		break;
	case ADAC_TLV_SOC_ID:
		d->has_soc_id = true;
		memcpy(d->soc_id, v, 16);
		break;
	case ADAC_TLV_HW_PERMISSIONS_FIXED:
		d->has_hw_permissions_fixed = true;
		da_perms_from_bytes(v, &d->hw_permissions_fixed);
		break;
	case ADAC_TLV_HW_PERMISSIONS_MASK:
		d->has_hw_permissions_mask = true;
		da_perms_from_bytes(v, &d->hw_permissions_mask);
		break;
	case ADAC_TLV_PSA_LIFECYCLE:
		d->has_lifecycle = true;
		d->lifecycle = adac_get_le16(v);
		break;
	case ADAC_TLV_SDA_ID:
		d->has_sda_version = true;
		memcpy(d->sda_version, v, 4);
		break;
	case ADAC_TLV_TOKEN_FORMATS:
		d->n_token_formats = t->length / 2;
		for (unsigned int i = 0; i < d->n_token_formats; i++)
			d->token_formats[i] = adac_get_le16(v + 2 * i);
		break;
	case ADAC_TLV_CERT_FORMATS:
		d->n_cert_formats = t->length / 2;
		for (unsigned int i = 0; i < d->n_cert_formats; i++)
			d->cert_formats[i] = adac_get_le16(v + 2 * i);
		break;
	case ADAC_TLV_CRYPTOSYSTEMS:
		d->n_cryptosystems = t->length;
		memcpy(d->cryptosystems, v, t->length);
		break;
	case ADAC_TLV_ST_PASSWORD:
		d->has_provisioning_integrity = true;
		d->provisioning_integrity = adac_get_le32(v);
		break;
	case ADAC_TLV_ST_HDPL1_STATUS:
	case ADAC_TLV_ST_HDPL2_STATUS:
	case ADAC_TLV_ST_HDPL3_STATUS:
		d->has_hdpl_status[t->type_id - ADAC_TLV_ST_HDPL1_STATUS] = true;
		d->hdpl_status[t->type_id - ADAC_TLV_ST_HDPL1_STATUS] = adac_get_le32(v);
		break;
	default:
		return DA_ERR_UNSUPPORTED;
	}
	return DA_OK;
}

enum da_err da_discovery_parse(const uint8_t *data, size_t len, struct da_discovery *out,
		struct da_diag *diag)
{
	struct adac_tlv_reader reader;
	bool seen[N_RULES] = { false };

	memset(out, 0, sizeof(*out));
	adac_tlv_reader_init(&reader, data, len);
	while (!adac_tlv_reader_at_end(&reader)) {
		const struct tlv_rule *rule = NULL;
		const char *name;
		struct adac_tlv tlv;
		enum da_err err;
		size_t i;

		err = adac_tlv_next(&reader, &tlv, diag);
		if (err != DA_OK) {
			da_diag_prefix(diag, "discovery: ");
			return err;
		}
		for (i = 0; i < N_RULES; i++) {
			if (rules[i].type_id == tlv.type_id) {
				rule = &rules[i];
				break;
			}
		}
		if (!rule) {
			if (out->n_other < DA_DISCOVERY_MAX_LIST)
				out->other_types[out->n_other] = tlv.type_id;
			out->n_other++;
			continue;
		}
		name = adac_tlv_type_name(tlv.type_id);
		if (tlv.type_id == ADAC_TLV_ST_PASSWORD)
			name = "ST_PROVISIONING_INTEGRITY";
		if (seen[i])
			return da_fail(diag, DA_ERR_DUPLICATE,
				"discovery: TLV 0x%04x %s appears twice (second at offset %zu)",
				tlv.type_id, name, tlv.offset);
		seen[i] = true;
		if (tlv.length < rule->min || tlv.length > rule->max
				|| tlv.length % rule->step) {
			if (rule->min == rule->max)
				return da_fail(diag, DA_ERR_LENGTH_MISMATCH,
					"discovery: TLV 0x%04x %s at offset %zu is %u bytes, "
					"expected %u", tlv.type_id, name, tlv.offset,
					tlv.length, rule->min);
			return da_fail(diag, DA_ERR_LENGTH_MISMATCH,
				"discovery: TLV 0x%04x %s at offset %zu is %u bytes, expected "
				"%u..%u in steps of %u", tlv.type_id, name, tlv.offset,
				tlv.length, rule->min, rule->max, rule->step);
		}
		store(out, &tlv);
	}
	return DA_OK;
}

static bool has_cryptosystem(const struct da_discovery *d, uint8_t id)
{
	for (unsigned int i = 0; i < d->n_cryptosystems; i++)
		if (d->cryptosystems[i] == id)
			return true;
	return false;
}

enum da_auth_method da_discovery_auth_method(const struct da_discovery *d)
{
	bool cert = has_cryptosystem(d, DA_CRYPTOSYSTEM_ECDSA_P256_SHA256);
	bool pwd = has_cryptosystem(d, DA_CRYPTOSYSTEM_ST_PASSWORD);

	if (cert && pwd)
		return DA_AUTH_METHOD_BOTH;
	if (cert)
		return DA_AUTH_METHOD_CERTIFICATE;
	if (pwd)
		return DA_AUTH_METHOD_PASSWORD;
	return DA_AUTH_METHOD_UNKNOWN;
}

const char *da_auth_method_name(enum da_auth_method m)
{
	switch (m) {
	case DA_AUTH_METHOD_CERTIFICATE:
		return "certificate";
	case DA_AUTH_METHOD_PASSWORD:
		return "password";
	case DA_AUTH_METHOD_BOTH:
		return "certificate or password";
	default:
		return "unknown";
	}
}

const char *da_vendor_name(uint16_t vendor_id)
{
	return vendor_id == DA_VENDOR_ST ? "STMicroelectronics" : NULL;
}

/* psa-adac key_options_t (§4.3) plus ST's password (§3) */
const char *da_cryptosystem_name(uint8_t id)
{
	static const char *const names[] = {
		[1] = "ECDSA P-256 SHA-256",
		[2] = "ECDSA P-521 SHA-512",
		[3] = "RSA-3072 SHA-256",
		[4] = "RSA-4096 SHA-256",
		[5] = "Ed25519 SHA-512",
		[6] = "Ed448 SHAKE256",
		[7] = "SM2 SM3",
		[8] = "CMAC AES",
		[9] = "HMAC SHA-256",
	};

	if (id == DA_CRYPTOSYSTEM_ST_PASSWORD)
		return "ST password";
	if (id < ARRAY_SIZE(names))
		return names[id];
	return NULL;
}

const char *da_format_name(uint16_t type_id)
{
	switch (type_id) {
	case ADAC_TLV_PSA_BINARY_TOKEN:
		return "PSA binary token";
	case ADAC_TLV_PSA_BINARY_CRT:
		return "PSA binary certificate";
	case ADAC_TLV_PSA_X509_CRT:
		return "X.509 certificate";
	default:
		return NULL;
	}
}

/* DBGMCU_IDCODE.DEV_ID values (h5-debug-auth.md §1.2) */
const char *da_soc_class_name(uint32_t soc_class)
{
	switch (soc_class) {
	case 0x484:
		return "STM32H562/H563/H573";
	case 0x474:
		return "STM32H503";
	case 0x478:
		return "STM32H523/H533";
	default:
		return NULL;
	}
}

const char *da_integrity_name(uint32_t value)
{
	switch (value) {
	case DA_INTEGRITY_VALID:
		return "valid, DA provisioned";
	case DA_INTEGRITY_ERASED:
		return "not provisioned";
	default:
		return NULL;
	}
}

const char *da_psa_lifecycle_name(uint16_t lifecycle)
{
	switch (lifecycle & 0xFF00) {
	case 0x1000:
		return "assembly and test";
	case 0x2000:
		return "RoT provisioning";
	case 0x3000:
		return "secured";
	case 0x4000:
		return "non-PSA RoT debug";
	case 0x5000:
		return "recoverable PSA RoT debug";
	case 0x6000:
		return "decommissioned";
	default:
		return NULL;
	}
}

static void emit_named(da_discovery_emit_fn emit, void *ctx, const char *key,
		const char *value, const char *name)
{
	char text[384];

	if (name)
		snprintf(text, sizeof(text), "%s (%s)", value, name);
	else
		snprintf(text, sizeof(text), "%s", value);
	emit(ctx, key, value, text);
}

static void emit_u16_list(da_discovery_emit_fn emit, void *ctx, const char *key,
		const uint16_t *list, unsigned int n)
{
	char value[96] = "", text[256] = "";
	size_t vu = 0, tu = 0;

	for (unsigned int i = 0; i < n; i++) {
		const char *name = da_format_name(list[i]);
		int a = snprintf(value + vu, sizeof(value) - vu, "%s0x%04x", i ? " " : "", list[i]);
		int b = snprintf(text + tu, sizeof(text) - tu, "%s0x%04x (%s)", i ? ", " : "",
			list[i], name ? name : "unknown");

		if (a > 0 && (size_t)a < sizeof(value) - vu)
			vu += (size_t)a;
		if (b > 0 && (size_t)b < sizeof(text) - tu)
			tu += (size_t)b;
	}
	emit(ctx, key, value, text);
}

void da_discovery_describe(const struct da_discovery *d, da_discovery_emit_fn emit, void *ctx)
{
	char value[96], text[256], names[160];

	if (d->has_auth_version) {
		snprintf(value, sizeof(value), "%u.%u", d->auth_version_major,
			d->auth_version_minor);
		emit(ctx, "adac_version", value, value);
	}
	if (d->has_vendor_id) {
		const char *name = da_vendor_name(d->vendor_id);

		snprintf(value, sizeof(value), "0x%04x", d->vendor_id);
		snprintf(text, sizeof(text), "%s (%s%s)", value, name ? name : "unknown vendor",
			d->vendor_id_byte_swapped ? ", sent as bytes 00 20" : "");
		emit(ctx, "vendor_id", value, text);
	}
	if (d->has_soc_class) {
		snprintf(value, sizeof(value), "0x%03x", d->soc_class);
		emit_named(emit, ctx, "soc_class", value, da_soc_class_name(d->soc_class));
	}
	if (d->has_soc_id) {
		snprintf(value, sizeof(value), "0x%08x_%08x_%08x_%08x",
			adac_get_le32(d->soc_id + 12), adac_get_le32(d->soc_id + 8),
			adac_get_le32(d->soc_id + 4), adac_get_le32(d->soc_id));
		emit(ctx, "soc_id", value, value);
	}
	if (d->has_lifecycle) {
		const char *psa = da_psa_lifecycle_name(d->lifecycle);
		const char *state = h5_pstate_name((uint8_t)d->lifecycle);

		snprintf(value, sizeof(value), "0x%04x", d->lifecycle);
		snprintf(text, sizeof(text), "%s (PSA %s; low byte 0x%02x = product state %s)",
			value, psa ? psa : "unknown", d->lifecycle & 0xFF, state ? state : "unknown");
		emit(ctx, "lifecycle", value, text);
	}
	if (d->has_sda_version) {
		snprintf(value, sizeof(value), "%u.%u.%u", d->sda_version[0], d->sda_version[1],
			d->sda_version[2]);
		emit(ctx, "sda_version", value, value);
	}
	if (d->n_token_formats)
		emit_u16_list(emit, ctx, "token_formats", d->token_formats, d->n_token_formats);
	if (d->n_cert_formats)
		emit_u16_list(emit, ctx, "cert_formats", d->cert_formats, d->n_cert_formats);
	if (d->n_cryptosystems) {
		size_t vu = 0, tu = 0;

		value[0] = '\0';
		text[0] = '\0';
		for (unsigned int i = 0; i < d->n_cryptosystems; i++) {
			const char *name = da_cryptosystem_name(d->cryptosystems[i]);
			int a = snprintf(value + vu, sizeof(value) - vu, "%s0x%02x", i ? " " : "",
				d->cryptosystems[i]);
			int b = snprintf(text + tu, sizeof(text) - tu, "%s0x%02x (%s)",
				i ? ", " : "", d->cryptosystems[i], name ? name : "unknown");

			if (a > 0 && (size_t)a < sizeof(value) - vu)
				vu += (size_t)a;
			if (b > 0 && (size_t)b < sizeof(text) - tu)
				tu += (size_t)b;
		}
		emit(ctx, "cryptosystems", value, text);
		emit(ctx, "auth_method", da_auth_method_name(da_discovery_auth_method(d)),
			da_auth_method_name(da_discovery_auth_method(d)));
	}
	if (d->has_hw_permissions_mask) {
		da_perms_format_hex(&d->hw_permissions_mask, value, sizeof(value));
		da_perms_format_names(&d->hw_permissions_mask, names, sizeof(names));
		emit_named(emit, ctx, "permissions_allowed", value, names);
	}
	if (d->has_hw_permissions_fixed) {
		da_perms_format_hex(&d->hw_permissions_fixed, value, sizeof(value));
		da_perms_format_names(&d->hw_permissions_fixed, names, sizeof(names));
		emit_named(emit, ctx, "permissions_fixed", value, names);
	}
	if (d->has_provisioning_integrity) {
		snprintf(value, sizeof(value), "0x%08X", d->provisioning_integrity);
		emit_named(emit, ctx, "provisioning_integrity", value,
			da_integrity_name(d->provisioning_integrity));
	}
	for (int i = 0; i < 3; i++) {
		char key[16];

		if (!d->has_hdpl_status[i])
			continue;
		snprintf(key, sizeof(key), "hdpl%d_status", i + 1);
		snprintf(value, sizeof(value), "0x%08x", d->hdpl_status[i]);
		emit(ctx, key, value, value);
	}
	if (d->n_other) {
		size_t vu = 0;
		unsigned int shown = d->n_other < DA_DISCOVERY_MAX_LIST ? d->n_other
			: DA_DISCOVERY_MAX_LIST;

		value[0] = '\0';
		for (unsigned int i = 0; i < shown; i++) {
			int a = snprintf(value + vu, sizeof(value) - vu, "%s0x%04x", i ? " " : "",
				d->other_types[i]);

			if (a > 0 && (size_t)a < sizeof(value) - vu)
				vu += (size_t)a;
		}
		snprintf(text, sizeof(text), "%u TLV(s) not decoded: %s%s", d->n_other, value,
			d->n_other > shown ? " ..." : "");
		emit(ctx, "other_tlvs", value, text);
	}
}
