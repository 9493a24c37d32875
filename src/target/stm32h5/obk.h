/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * STM32H5 OBKeys files (.obk) and the Debug Authentication configuration they carry:
 * parsing and checking a .obk (12-byte header dest/size/encryption flag, then the data),
 * generating the DA configuration .obk byte for byte as ST's STM32TrustedPackageCreator does,
 * and decoding the 96-byte DA blob read back from OBK-HDPL1.
 * h5-flash-ob.md §2.5, §6; h5-debug-auth.md §5.1, §6.3; anchors.md §0. Pure C over mbedTLS.
 */

#ifndef OPENOCD_TARGET_STM32H5_OBK_H
#define OPENOCD_TARGET_STM32H5_OBK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lifecycle_credential.h"

/* OBK area (h5-flash-ob.md §2.5) */
#define H5_OBK_BASE_S			0x0FFD0000u
#define H5_OBK_BASE_NS			0x0BFD0000u
#define H5_OBK_AREA_SIZE		0x2000u
#define H5_OBK_ALIGN			16u	/* one quad-word key unit */

/* .obk file header: u32 LE destination, u32 LE data size, u32 LE encryption flag */
#define H5_OBK_HEADER_SIZE		12u

/* Debug Authentication configuration (h5-debug-auth.md §6.3) */
#define H5_DA_CONFIG_ADDR		0x0FFD0100u	/* start of OBK-HDPL1, secure alias */
#define H5_DA_CONFIG_SIZE		96u
#define H5_DA_OBK_FILE_SIZE		(H5_OBK_HEADER_SIZE + H5_DA_CONFIG_SIZE)
#define H5_DA_PERMISSIONS_DEFAULT	0x00005077u	/* ST's DA_Config.xml */
#define H5_DA_PERM_FULL_REGRESSION	0x00004000u	/* [C] */
#define H5_DA_PERM_PARTIAL_REGRESSION	0x00001000u	/* [I] */

/* Byte offsets inside the 96-byte DA blob */
#define H5_DA_BLOB_INTEGRITY		0x00	/* SHA-256 of bytes 0x20..0x5F */
#define H5_DA_BLOB_CREDENTIAL		0x20	/* SHA-256 of password or root key X||Y */
#define H5_DA_BLOB_PERMISSIONS		0x40	/* u32 LE, then 28 bytes of zeros */

/* The OBK slots, one per HDPL */
enum h5_obk_slot {
	H5_OBK_SLOT_HDPL0,	/* ST's: never written by users */
	H5_OBK_SLOT_HDPL1,	/* iRoT, DA configuration at its start */
	H5_OBK_SLOT_HDPL2,
	H5_OBK_SLOT_HDPL3_S,
	H5_OBK_SLOT_HDPL3_NS,
};

/* A parsed .obk file; data points into the caller's buffer */
struct h5_obk_file {
	uint32_t dest;
	uint32_t size;
	uint32_t encrypt;		/* 0 or 1 */
	const uint8_t *data;
	enum h5_obk_slot slot;
	bool is_da_config;		/* destination is the DA configuration (checked strictly) */
	bool has_integrity_hash;	/* data starts with SHA-256 of the rest */
};

/* Name of a slot ("HDPL1") */
const char *h5_obk_slot_name(enum h5_obk_slot slot);

/*
 * Parses and checks a .obk file: header present, encryption flag 0/1, data size matching
 * the file, non-zero and a multiple of 16, destination 16-byte aligned, inside the OBK area,
 * in a user slot reachable at that alias, and fitting that slot. A DA configuration
 * (destination 0x0FFD0100) must be 96 bytes with a matching embedded SHA-256.
 * On failure writes a sentence naming the problem into err.
 */
bool h5_obk_parse(const uint8_t *file, size_t len, struct h5_obk_file *obk,
		char *err, size_t err_size);

/*
 * Builds the 108-byte DA configuration .obk: header {0x0FFD0100, 96, encrypt}, then
 * SHA-256(next 64 bytes) || credential hash || permissions (LE) || 28 zero bytes.
 */
void h5_da_config_build(const uint8_t credential_hash[H5_CREDENTIAL_HASH_SIZE],
		uint32_t permissions, bool encrypt, uint8_t out[H5_DA_OBK_FILE_SIZE]);

/* What a DA blob read back from 0x0FFD0100 says */
enum h5_da_blob_state {
	H5_DA_BLOB_EMPTY,	/* all 0xFF: nothing provisioned */
	H5_DA_BLOB_VALID,	/* integrity hash matches */
	H5_DA_BLOB_OPAQUE,	/* something is there but its hash does not match: corrupt, or
				 * stored encrypted with the DHUK on a crypto part */
};

struct h5_da_blob {
	enum h5_da_blob_state state;
	uint8_t credential_hash[H5_CREDENTIAL_HASH_SIZE];	/* VALID only */
	uint32_t permissions;					/* VALID only */
};

/*
 * Decodes a 96-byte DA blob. The blob does not say whether its credential hash is a password
 * or a root key (the device decides by TZEN): compare it with a candidate credential with
 * h5_da_blob_matches() to find out.
 */
enum h5_da_blob_state h5_da_blob_decode(const uint8_t blob[H5_DA_CONFIG_SIZE],
		struct h5_da_blob *out);

/* True if the blob is VALID and holds exactly this credential hash. */
bool h5_da_blob_matches(const struct h5_da_blob *blob,
		const uint8_t credential_hash[H5_CREDENTIAL_HASH_SIZE]);

/* Describes a permission mask in words ("full regression, ..."), naming unknown bits. */
void h5_da_permissions_describe(uint32_t mask, char *buf, size_t size);

#endif /* OPENOCD_TARGET_STM32H5_OBK_H */
