/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication DISCOVERY answer of the STM32H5 (h5-debug-auth.md §3): the TLV list
 * decoded strictly into named fields (ADAC version, vendor, SoC class/ID, lifecycle,
 * cryptosystems, token and certificate formats, permission masks, SDA version, ST's
 * provisioning integrity and HDPL1..3 status) and described as name/value pairs for display.
 * Pure C.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_DISCOVERY_H
#define OPENOCD_TARGET_STM32H5_DA_DISCOVERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "da_error.h"
#include "da_permissions.h"

#define DA_DISCOVERY_MAX_LIST	8
#define DA_VENDOR_ST		0x0020	/* JEP106 STMicroelectronics */
#define DA_CRYPTOSYSTEM_ECDSA_P256_SHA256	0x01
#define DA_CRYPTOSYSTEM_ST_PASSWORD		0x80
#define DA_INTEGRITY_VALID	0xEAEAEAEAu
#define DA_INTEGRITY_ERASED	0xF5F5F5F5u	/* inferred: "DA erased" */

struct da_discovery {
	bool has_auth_version;
	uint8_t auth_version_major, auth_version_minor;
	bool has_vendor_id;
	uint16_t vendor_id;		/* 0x0020 for ST, whichever byte order was used */
	bool vendor_id_byte_swapped;	/* sent as {0x00, 0x20} (ST's MP21 order) */
	bool has_soc_class;
	uint32_t soc_class;		/* DEV_ID on ST parts */
	bool has_soc_id;
	uint8_t soc_id[16];
	bool has_hw_permissions_fixed;
	struct da_perms hw_permissions_fixed;
	bool has_hw_permissions_mask;
	struct da_perms hw_permissions_mask;
	bool has_lifecycle;
	uint16_t lifecycle;
	bool has_sda_version;
	uint8_t sda_version[4];		/* ST puts it in SDA_ID (0x000A): {2,4,0,0} = 2.4.0 */
	unsigned int n_token_formats;
	uint16_t token_formats[DA_DISCOVERY_MAX_LIST];
	unsigned int n_cert_formats;
	uint16_t cert_formats[DA_DISCOVERY_MAX_LIST];
	unsigned int n_cryptosystems;
	uint8_t cryptosystems[DA_DISCOVERY_MAX_LIST];
	bool has_provisioning_integrity;
	uint32_t provisioning_integrity;
	bool has_hdpl_status[3];
	uint32_t hdpl_status[3];	/* HDPL1, HDPL2, HDPL3 */
	unsigned int n_other;		/* TLVs not decoded (their types, first ones kept) */
	uint16_t other_types[DA_DISCOVERY_MAX_LIST];
};

enum da_auth_method {
	DA_AUTH_METHOD_UNKNOWN,
	DA_AUTH_METHOD_CERTIFICATE,	/* cryptosystem 0x01 (TrustZone enabled) */
	DA_AUTH_METHOD_PASSWORD,	/* cryptosystem 0x80 (TrustZone disabled, H503) */
	DA_AUTH_METHOD_BOTH,
};

/*
 * Decodes the data of a DISCOVERY response. Every TLV must have the length its type requires;
 * a field given twice, a list longer than DA_DISCOVERY_MAX_LIST and any TLV framing error are
 * refused with the offending type and offset. Unknown types are kept in other_types.
 */
enum da_err da_discovery_parse(const uint8_t *data, size_t len, struct da_discovery *out,
		struct da_diag *diag);

enum da_auth_method da_discovery_auth_method(const struct da_discovery *d);
const char *da_auth_method_name(enum da_auth_method m);

const char *da_vendor_name(uint16_t vendor_id);
const char *da_cryptosystem_name(uint8_t id);
const char *da_format_name(uint16_t type_id);
const char *da_soc_class_name(uint32_t soc_class);
const char *da_integrity_name(uint32_t value);

/* PSA major lifecycle state name of value & 0xFF00 ("secured") or NULL */
const char *da_psa_lifecycle_name(uint16_t lifecycle);

/*
 * Calls emit once per present field, in a fixed order: key is a stable identifier
 * ("lifecycle"), value is machine-friendly ("0x3072"), text is for people
 * ("0x3072 (PSA secured; low byte 0x72 = product state Closed)").
 */
typedef void (*da_discovery_emit_fn)(void *ctx, const char *key, const char *value,
		const char *text);
void da_discovery_describe(const struct da_discovery *d, da_discovery_emit_fn emit, void *ctx);

#endif /* OPENOCD_TARGET_STM32H5_DA_DISCOVERY_H */
