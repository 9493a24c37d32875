/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication certificates made by the host, as ST's Trusted Package Creator makes
 * them (h5-debug-auth.md §4.3): the signed part (TBS) laid out field by field, the rules a
 * child certificate must follow under its parent, the signature by the parent's key (or by
 * the subject's own key for a root), and ST's .b64 files (base64 of concatenated 0x0201 TLVs,
 * one line, no newline); and the check of a chain's SoC constraints against the device that
 * DISCOVERY describes. Pure C over mbedTLS.
 *
 *   field            | value written
 *   -----------------+-----------------------------------------------------------
 *   format           | 1.0
 *   signature / key  | 1 / 1 (ECDSA P-256, SHA-256)
 *   role             | 1 root, 2 intermediate, 3 leaf
 *   usage            | 1 (as in all of ST's certificates)
 *   lifecycle        | -lifecycle, else the parent's, else 0 (no constraint)
 *   oem_constraint   | 0
 *   extensions       | none (0 bytes, zero hash)
 *   soc_class        | -soc-class, else the parent's, else 0 (no constraint)
 *   soc_id           | -soc-id, else the parent's, else zeros (no constraint)
 *   permissions_mask | -permissions (must fit inside the parent's mask)
 *   pubkey           | the subject's public key X||Y
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_CERT_MAKE_H
#define OPENOCD_TARGET_STM32H5_DA_CERT_MAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "da_certificate.h"
#include "da_discovery.h"
#include "da_key.h"
#include "da_permissions.h"

#define DA_SOC_ID_BYTES	16

/* What the user asks for; has_* false means "inherit from the parent, or no constraint" */
struct da_cert_request {
	uint8_t role;				/* enum da_cert_role */
	struct da_perms permissions;
	bool has_soc_class;
	uint32_t soc_class;
	bool has_soc_id;
	uint8_t soc_id[DA_SOC_ID_BYTES];
	bool has_lifecycle;
	uint16_t lifecycle;
	uint8_t subject_pubkey[DA_P256_PUBKEY_BYTES];
};

/*
 * SoC ID text as "stm32h5x da discover" prints it: 0xWWWWWWWW_WWWWWWWW_WWWWWWWW_WWWWWWWW, the
 * 128-bit value most significant word first (bytes are stored little-endian). Underscores
 * and the 0x are optional; exactly 32 hex digits are required.
 */
bool da_soc_id_parse(const char *text, uint8_t id[DA_SOC_ID_BYTES]);
void da_soc_id_format(const uint8_t id[DA_SOC_ID_BYTES], char *buf, size_t size);

/*
 * Refuses a chain with a certificate bound to another SoC class or SoC ID than the device
 * reports (0 / zeros in a certificate mean "any device"); the reason names the certificate
 * and both values.
 */
enum da_err da_cert_chain_check_soc(const struct da_cert_chain *chain,
		const struct da_discovery *disco, struct da_diag *diag);

/* "root" / "intermediate" / "leaf" to enum da_cert_role; 0 if unknown */
uint8_t da_cert_role_from_name(const char *name);

/*
 * Completes and checks a request against its parent (NULL for a root) and the signer's
 * public key. A root must be signed by its own key and have no parent; an intermediate or a
 * leaf needs a parent that is a root or an intermediate, signed by the key of that parent;
 * the child's permission mask must fit inside the parent's; a SoC class, SoC ID or lifecycle
 * the parent constrains cannot be changed (an unset one is inherited). The reason explains
 * the rule that was broken.
 */
enum da_err da_cert_request_check(struct da_cert_request *req,
		const struct da_certificate *parent,
		const uint8_t signer_pubkey[DA_P256_PUBKEY_BYTES], struct da_diag *diag);

/* The 148-byte signed part (header, public key, zero extensions hash) of a request */
void da_cert_tbs_build(const struct da_cert_request *req, uint8_t tbs[DA_CERT_TBS_BYTES]);

/*
 * Checks the request (da_cert_request_check), signs its TBS with the signer and returns the
 * parsed certificate; the signature is verified with the signer's public key before return.
 */
enum da_err da_cert_make(struct da_cert_request *req, const struct da_certificate *parent,
		const struct da_key *signer, struct da_certificate *out, struct da_diag *diag);

/* ST's .b64 text of a chain (one certificate gives cert_*.b64); free() the result */
enum da_err da_cert_chain_to_base64(const struct da_cert_chain *chain, char **text,
		size_t *len, struct da_diag *diag);

/* Writes ST's .b64 text of a chain to a file (not secret: created 0644) */
enum da_err da_cert_chain_save(const char *path, const struct da_cert_chain *chain,
		struct da_diag *diag);

#endif /* OPENOCD_TARGET_STM32H5_DA_CERT_MAKE_H */
