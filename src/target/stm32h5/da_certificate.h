/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication certificates of the STM32H5 (PSA binary certificate, ECDSA P-256 /
 * SHA-256, h5-debug-auth.md §4.3-§4.4): the 212-byte body field by field, ST's .b64 chain
 * files (base64 of the concatenated 0x0201 TLVs, root first), and the local chain check a host
 * can do before talking to the device: roles, signatures (root self-signed, each by its
 * parent), and the permission mask the chain grants. Pure C.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_CERTIFICATE_H
#define OPENOCD_TARGET_STM32H5_DA_CERTIFICATE_H

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#include "da_crypto.h"
#include "da_error.h"
#include "da_permissions.h"

enum da_cert_role {
	DA_CERT_ROLE_ROOT = 1,
	DA_CERT_ROLE_INTERMEDIATE = 2,
	DA_CERT_ROLE_LEAF = 3,
};

#define DA_CERT_SIGNATURE_ECDSA_P256_SHA256	0x01
#define DA_CERT_KEY_ECDSA_P256			0x01

/* certificate_header_t + certificate_p256_p256_t body (§4.3), decoded field by field */
struct adac_certificate_p256 {
	uint8_t format_major;		/* 0x00: 1 */
	uint8_t format_minor;		/* 0x01: 0 */
	uint8_t signature_type;		/* 0x02: 1 = ECDSA P-256 SHA-256 */
	uint8_t key_type;		/* 0x03: 1 */
	uint8_t role;			/* 0x04: enum da_cert_role */
	uint8_t usage;			/* 0x05: 1 in ST certificates (meaning unknown) */
	uint16_t reserved;		/* 0x06 */
	uint16_t lifecycle;		/* 0x08 */
	uint16_t oem_constraint;	/* 0x0A */
	uint32_t extensions_bytes;	/* 0x0C */
	uint32_t soc_class;		/* 0x10 */
	uint8_t soc_id[16];		/* 0x14 */
	uint8_t permissions_mask[16];	/* 0x24: 128-bit, LE bit order */
	uint8_t pubkey[DA_P256_PUBKEY_BYTES];		/* 0x34: X || Y big-endian */
	uint8_t extensions_hash[DA_SHA256_BYTES];	/* 0x74 */
	uint8_t signature[DA_P256_SIGNATURE_BYTES];	/* 0x94: r || s big-endian */
};

#define DA_CERT_BODY_BYTES	212	/* without extensions */
#define DA_CERT_TBS_BYTES	0x94	/* signed part: header + key + extensions hash */
#define DA_CERT_TLV_BYTES	(8 + DA_CERT_BODY_BYTES)
#define DA_CERT_MAX_EXTENSIONS_BYTES	256
#define DA_CHAIN_MAX		4	/* root, up to two intermediates, leaf */

static_assert(sizeof(struct adac_certificate_p256) == DA_CERT_BODY_BYTES, "certificate");
static_assert(offsetof(struct adac_certificate_p256, role) == 0x04, "certificate role");
static_assert(offsetof(struct adac_certificate_p256, lifecycle) == 0x08, "cert lifecycle");
static_assert(offsetof(struct adac_certificate_p256, extensions_bytes) == 0x0C, "cert ext");
static_assert(offsetof(struct adac_certificate_p256, soc_class) == 0x10, "cert soc_class");
static_assert(offsetof(struct adac_certificate_p256, soc_id) == 0x14, "cert soc_id");
static_assert(offsetof(struct adac_certificate_p256, permissions_mask) == 0x24, "cert mask");
static_assert(offsetof(struct adac_certificate_p256, pubkey) == 0x34, "cert pubkey");
static_assert(offsetof(struct adac_certificate_p256, extensions_hash) == 0x74, "cert ext hash");
static_assert(offsetof(struct adac_certificate_p256, signature) == DA_CERT_TBS_BYTES,
	"cert signature");

struct da_certificate {
	struct adac_certificate_p256 fields;
	size_t body_len;	/* DA_CERT_BODY_BYTES + padded extensions */
	uint8_t body[DA_CERT_BODY_BYTES + DA_CERT_MAX_EXTENSIONS_BYTES];	/* as read */
};

struct da_cert_chain {
	unsigned int count;
	struct da_certificate cert[DA_CHAIN_MAX];
};

/* "root", "intermediate", "leaf" or "unknown role" */
const char *da_cert_role_name(uint8_t role);

/*
 * Decodes one certificate body (the value of a 0x0201 TLV). Refuses a body cut short, a format
 * other than 1.x, a type other than ECDSA P-256 / SHA-256, an unknown role, and a length that
 * is not 212 + ROUND_TO_WORD(extensions_bytes).
 */
enum da_err da_certificate_parse(const uint8_t *body, size_t len, struct da_certificate *out,
		struct da_diag *diag);

/*
 * Splits decoded chain bytes: concatenated 0x0201 TLVs (ST's .b64 chains), or one bare
 * certificate body (ST's cert_root.cert). Each certificate is parsed.
 */
enum da_err da_cert_chain_from_bytes(const uint8_t *buf, size_t len, struct da_cert_chain *chain,
		struct da_diag *diag);

/* Same from base64 text (white space ignored) */
enum da_err da_cert_chain_from_base64(const char *text, size_t len, struct da_cert_chain *chain,
		struct da_diag *diag);

/* Reads a .b64 chain file; the reason names the file */
enum da_err da_cert_chain_load(const char *path, struct da_cert_chain *chain,
		struct da_diag *diag);

/*
 * Checks the chain locally: certificate 1 is a root signed by itself, the last one (if more
 * than one) a leaf and those between intermediates, every key a valid P-256 point, every
 * certificate signed by the key of the one before, every permission mask inside the one
 * before. *mask (if not NULL) gets the AND of all permission masks. A failure names the
 * certificate by position and role and the check.
 */
enum da_err da_cert_chain_verify(const struct da_cert_chain *chain, struct da_perms *mask,
		struct da_diag *diag);

/* SHA-256 of the root public key X||Y: what the device keeps in OBK-HDPL1 (§4.4) */
enum da_err da_cert_chain_root_hash(const struct da_cert_chain *chain,
		uint8_t hash[DA_SHA256_BYTES], struct da_diag *diag);

/* Builds the AUTH_RESPONSE data for one certificate: the padded 0x0201 TLV */
enum da_err da_certificate_tlv(const struct da_certificate *cert, uint8_t *out, size_t out_size,
		size_t *out_len, struct da_diag *diag);

#endif /* OPENOCD_TARGET_STM32H5_DA_CERTIFICATE_H */
