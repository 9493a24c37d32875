/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * PSA-ADAC TLVs (h5-debug-auth.md §2.4): type IDs including ST's extensions, encoding with
 * ROUND_TO_WORD zero padding, and a strict reader that walks a TLV list received from the
 * device (every length checked, padding must be zero, nothing may trail). Pure C.
 */

#ifndef OPENOCD_TARGET_STM32H5_ADAC_TLV_H
#define OPENOCD_TARGET_STM32H5_ADAC_TLV_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "da_error.h"

enum adac_tlv_type {
	ADAC_TLV_AUTH_VERSION = 0x0001,
	ADAC_TLV_VENDOR_ID = 0x0002,
	ADAC_TLV_SOC_CLASS = 0x0003,
	ADAC_TLV_SOC_ID = 0x0004,
	ADAC_TLV_TARGET_IDENTITY = 0x0005,
	ADAC_TLV_HW_PERMISSIONS_FIXED = 0x0006,
	ADAC_TLV_HW_PERMISSIONS_MASK = 0x0007,
	ADAC_TLV_PSA_LIFECYCLE = 0x0008,
	ADAC_TLV_SW_PARTITION_ID = 0x0009,
	ADAC_TLV_SDA_ID = 0x000A,
	ADAC_TLV_SDA_VERSION = 0x000B,
	ADAC_TLV_EFFECTIVE_PERMISSIONS = 0x000C,
	ADAC_TLV_TOKEN_FORMATS = 0x0100,
	ADAC_TLV_CERT_FORMATS = 0x0101,
	ADAC_TLV_CRYPTOSYSTEMS = 0x0102,
	ADAC_TLV_PSA_BINARY_TOKEN = 0x0200,
	ADAC_TLV_PSA_BINARY_CRT = 0x0201,
	ADAC_TLV_PSA_X509_CRT = 0x0202,
	/* ST: password in AUTH_RESPONSE, provisioning integrity status in DISCOVERY */
	ADAC_TLV_ST_PASSWORD = 0x8000,
	ADAC_TLV_ST_HDPL1_STATUS = 0x8001,
	ADAC_TLV_ST_HDPL2_STATUS = 0x8002,
	ADAC_TLV_ST_HDPL3_STATUS = 0x8003,
};

/* TLV header as on the wire (§2.4), followed by the value and zero padding to a word */
struct adac_tlv_header {
	uint16_t reserved;
	uint16_t type_id;
	uint32_t length_in_bytes;	/* value length, padding not counted */
};
#define ADAC_TLV_HEADER_BYTES	8
static_assert(sizeof(struct adac_tlv_header) == ADAC_TLV_HEADER_BYTES, "TLV header");
static_assert(offsetof(struct adac_tlv_header, type_id) == 2, "TLV type_id");
static_assert(offsetof(struct adac_tlv_header, length_in_bytes) == 4, "TLV length");

/* One TLV found by the reader; value points into the reader's buffer */
struct adac_tlv {
	uint16_t type_id;
	uint32_t length;
	const uint8_t *value;
	size_t offset;		/* of the TLV header in the buffer, for error messages */
};

struct adac_tlv_reader {
	const uint8_t *buf;
	size_t len;
	size_t offset;
};

/* Name of a TLV type ("SOC_ID") or NULL if unknown */
const char *adac_tlv_type_name(uint16_t type_id);

/* Header + value + padding, in bytes */
size_t adac_tlv_encoded_size(size_t value_len);

/* Writes one padded TLV into out (out_size bytes available); *out_len gets its size */
enum da_err adac_tlv_encode(uint16_t type_id, const uint8_t *value, size_t value_len,
		uint8_t *out, size_t out_size, size_t *out_len, struct da_diag *diag);

void adac_tlv_reader_init(struct adac_tlv_reader *r, const uint8_t *buf, size_t len);

/* True when every byte of the buffer has been consumed */
bool adac_tlv_reader_at_end(const struct adac_tlv_reader *r);

/*
 * Reads the next TLV. Fails (and names the offset) on a header cut short, a reserved field
 * that is not zero, a length running past the buffer, or non-zero padding.
 */
enum da_err adac_tlv_next(struct adac_tlv_reader *r, struct adac_tlv *tlv, struct da_diag *diag);

#endif /* OPENOCD_TARGET_STM32H5_ADAC_TLV_H */
