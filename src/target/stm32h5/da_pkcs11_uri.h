/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * RFC 7512 "pkcs11:" URIs naming the key a token signs with, the subset a signer needs:
 *
 *   attribute      | part  | used for
 *   ---------------+-------+-----------------------------------------------------------
 *   token          | path  | token label (CK_TOKEN_INFO.label)
 *   manufacturer   | path  | token manufacturer
 *   serial         | path  | token serial number
 *   model          | path  | token model
 *   slot-id        | path  | slot number
 *   object         | path  | key label (CKA_LABEL)
 *   id             | path  | key id (CKA_ID, percent-encoded bytes)
 *   type           | path  | must be "private" if given
 *   library-*, slot-description, slot-manufacturer | path | accepted, not used
 *   module-path    | query | the PKCS#11 module to load
 *   module-name    | query | module file name, searched by the dynamic loader
 *   pin-source     | query | file holding the PIN ("file:" URI or path)
 *   pin-value      | query | refused: a PIN on a command line ends up in logs and history
 *
 * Parsed by p11-kit (p11_kit_uri_parse); values are percent-decoded. Unknown attributes, bad
 * escapes, a pin-value, another type than private and values longer than the fields are
 * refused with the reason. A repeated attribute: the last one counts (p11-kit's rule).
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_PKCS11_URI_H
#define OPENOCD_TARGET_STM32H5_DA_PKCS11_URI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "da_error.h"

#define DA_PKCS11_SCHEME	"pkcs11:"
#define DA_PKCS11_TEXT_MAX	256
#define DA_PKCS11_PATH_MAX	1024
#define DA_PKCS11_ID_MAX	64

struct da_pkcs11_uri {
	char token[DA_PKCS11_TEXT_MAX + 1];		/* "" when not given */
	char manufacturer[DA_PKCS11_TEXT_MAX + 1];
	char serial[DA_PKCS11_TEXT_MAX + 1];
	char model[DA_PKCS11_TEXT_MAX + 1];
	char object[DA_PKCS11_TEXT_MAX + 1];
	bool has_id;
	uint8_t id[DA_PKCS11_ID_MAX];
	size_t id_len;
	bool has_slot_id;
	unsigned long slot_id;
	char module_path[DA_PKCS11_PATH_MAX + 1];
	char module_name[DA_PKCS11_TEXT_MAX + 1];
	char pin_source[DA_PKCS11_PATH_MAX + 1];
};

/* True if text starts with "pkcs11:" (case-insensitive scheme) */
bool da_pkcs11_is_uri(const char *text);

enum da_err da_pkcs11_uri_parse(const char *text, struct da_pkcs11_uri *out,
		struct da_diag *diag);

#endif /* OPENOCD_TARGET_STM32H5_DA_PKCS11_URI_H */
