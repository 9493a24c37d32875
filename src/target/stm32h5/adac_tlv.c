// SPDX-License-Identifier: GPL-2.0-or-later

/* PSA-ADAC TLV names, encoding and strict reading (see adac_tlv.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>

#include "array_size.h"
#include "adac_le.h"
#include "adac_tlv.h"

static const struct {
	uint16_t type_id;
	const char *name;
} tlv_names[] = {
	{ ADAC_TLV_AUTH_VERSION, "ADAC_AUTH_VERSION" },
	{ ADAC_TLV_VENDOR_ID, "VENDOR_ID" },
	{ ADAC_TLV_SOC_CLASS, "SOC_CLASS" },
	{ ADAC_TLV_SOC_ID, "SOC_ID" },
	{ ADAC_TLV_TARGET_IDENTITY, "TARGET_IDENTITY" },
	{ ADAC_TLV_HW_PERMISSIONS_FIXED, "HW_PERMISSIONS_FIXED" },
	{ ADAC_TLV_HW_PERMISSIONS_MASK, "HW_PERMISSIONS_MASK" },
	{ ADAC_TLV_PSA_LIFECYCLE, "PSA_LIFECYCLE" },
	{ ADAC_TLV_SW_PARTITION_ID, "SW_PARTITION_ID" },
	{ ADAC_TLV_SDA_ID, "SDA_ID" },
	{ ADAC_TLV_SDA_VERSION, "SDA_VERSION" },
	{ ADAC_TLV_EFFECTIVE_PERMISSIONS, "EFFECTIVE_PERMISSIONS" },
	{ ADAC_TLV_TOKEN_FORMATS, "TOKEN_FORMATS" },
	{ ADAC_TLV_CERT_FORMATS, "CERT_FORMATS" },
	{ ADAC_TLV_CRYPTOSYSTEMS, "CRYPTOSYSTEMS" },
	{ ADAC_TLV_PSA_BINARY_TOKEN, "PSA_BINARY_TOKEN" },
	{ ADAC_TLV_PSA_BINARY_CRT, "PSA_BINARY_CRT" },
	{ ADAC_TLV_PSA_X509_CRT, "PSA_X509_CRT" },
	{ ADAC_TLV_ST_PASSWORD, "PSA_ST_PASSWD" },
	{ ADAC_TLV_ST_HDPL1_STATUS, "ST_HDPL1_STATUS" },
	{ ADAC_TLV_ST_HDPL2_STATUS, "ST_HDPL2_STATUS" },
	{ ADAC_TLV_ST_HDPL3_STATUS, "ST_HDPL3_STATUS" },
};

const char *adac_tlv_type_name(uint16_t type_id)
{
	for (size_t i = 0; i < ARRAY_SIZE(tlv_names); i++)
		if (tlv_names[i].type_id == type_id)
			return tlv_names[i].name;
	return NULL;
}

size_t adac_tlv_encoded_size(size_t value_len)
{
	return ADAC_TLV_HEADER_BYTES + adac_round_to_word(value_len);
}

enum da_err adac_tlv_encode(uint16_t type_id, const uint8_t *value, size_t value_len,
		uint8_t *out, size_t out_size, size_t *out_len, struct da_diag *diag)
{
	size_t size;

	if (value_len > UINT32_MAX - 3)
		return da_fail(diag, DA_ERR_OVERSIZED, "TLV value of %zu bytes", value_len);
	size = adac_tlv_encoded_size(value_len);
	if (size > out_size)
		return da_fail(diag, DA_ERR_NO_SPACE,
			"TLV 0x%04x needs %zu bytes, buffer holds %zu", type_id, size, out_size);
	if (value_len && !value)
		return da_fail(diag, DA_ERR_ARGUMENT, "TLV 0x%04x value missing", type_id);

	adac_put_le16(out, 0);
	adac_put_le16(out + 2, type_id);
	adac_put_le32(out + 4, (uint32_t)value_len);
	if (value_len)
		memcpy(out + ADAC_TLV_HEADER_BYTES, value, value_len);
	memset(out + ADAC_TLV_HEADER_BYTES + value_len, 0,
		size - ADAC_TLV_HEADER_BYTES - value_len);
	*out_len = size;
	return DA_OK;
}

void adac_tlv_reader_init(struct adac_tlv_reader *r, const uint8_t *buf, size_t len)
{
	r->buf = buf;
	r->len = buf ? len : 0;
	r->offset = 0;
}

bool adac_tlv_reader_at_end(const struct adac_tlv_reader *r)
{
	return r->offset >= r->len;
}

enum da_err adac_tlv_next(struct adac_tlv_reader *r, struct adac_tlv *tlv, struct da_diag *diag)
{
	size_t remaining = r->len - r->offset;
	const uint8_t *p = r->buf + r->offset;
	uint16_t reserved;
	uint32_t length;
	size_t padded;

	if (r->offset >= r->len)
		return da_fail(diag, DA_ERR_TRUNCATED, "no TLV left at offset %zu", r->offset);
	if (remaining < ADAC_TLV_HEADER_BYTES)
		return da_fail(diag, DA_ERR_TRUNCATED,
			"TLV header at offset %zu cut short: %zu of 8 bytes", r->offset, remaining);

	reserved = adac_get_le16(p);
	tlv->type_id = adac_get_le16(p + 2);
	length = adac_get_le32(p + 4);
	if (reserved)
		return da_fail(diag, DA_ERR_MALFORMED,
			"TLV at offset %zu (type 0x%04x) has reserved field 0x%04x, expected 0",
			r->offset, tlv->type_id, reserved);
	/* compare before rounding so that a huge length cannot wrap */
	if (length > remaining - ADAC_TLV_HEADER_BYTES)
		return da_fail(diag, DA_ERR_TRUNCATED,
			"TLV at offset %zu (type 0x%04x) says %u value bytes, only %zu remain",
			r->offset, tlv->type_id, length, remaining - ADAC_TLV_HEADER_BYTES);
	padded = adac_round_to_word(length);
	if (padded > remaining - ADAC_TLV_HEADER_BYTES)
		return da_fail(diag, DA_ERR_BAD_PADDING,
			"TLV at offset %zu (type 0x%04x) of %u bytes lacks its padding to a word",
			r->offset, tlv->type_id, length);
	for (size_t i = length; i < padded; i++)
		if (p[ADAC_TLV_HEADER_BYTES + i])
			return da_fail(diag, DA_ERR_BAD_PADDING,
				"TLV at offset %zu (type 0x%04x) has non-zero padding byte 0x%02x",
				r->offset, tlv->type_id, p[ADAC_TLV_HEADER_BYTES + i]);

	tlv->length = length;
	tlv->value = p + ADAC_TLV_HEADER_BYTES;
	tlv->offset = r->offset;
	r->offset += ADAC_TLV_HEADER_BYTES + padded;
	return DA_OK;
}
