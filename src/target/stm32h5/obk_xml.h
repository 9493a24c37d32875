/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * ST's Trusted Package Creator input for the Debug Authentication configuration
 * (DA_Config.xml, DA_ConfigWithPassword.xml; h5-debug-auth.md §6.2), read with expat:
 *
 *   element (under Root/Obdata)  | used as
 *   -----------------------------+--------------------------------------------------------
 *   Info/ObDestAddress           | must be 0x0FFD0100 (the DA configuration)
 *   Info/DoEncryption            | the .obk encryption flag, 0 or 1
 *   File/Value, KeyType, Type    | root key path (relative to the XML file, '\' or '/'),
 *                                | ecdsa-p256, Public: certificate configuration
 *   Permission/Value             | permission word (32 bits; longer literals with leading
 *                                | zeros as in ST's H553 files)
 *   Text/Value, MinWidth, Width  | the password (length MinWidth..Width): password config.
 *   Data, Output, Hash, DA, ...  | not used (ST's tool writes 0x00005077 in a password
 *                                | configuration whatever the Reserved Data word says)
 *
 * Exactly one of File or Text is required. The password is a secret: it is wiped from every
 * buffer and never printed. Pure C over expat.
 */

#ifndef OPENOCD_TARGET_STM32H5_OBK_XML_H
#define OPENOCD_TARGET_STM32H5_OBK_XML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lifecycle_credential.h"

#define H5_XML_FILE_MAX		65536
#define H5_XML_TEXT_MAX		1024	/* longest element text accepted */

/* What a package-creator XML file asks for */
struct h5_da_xml {
	bool encrypt;
	bool is_password;			/* Text: password; else File: root key */
	char key_path[H5_XML_TEXT_MAX + 1];	/* as written in File/Value */
	uint8_t password[H5_PASSWORD_MAX_LEN];	/* secret */
	size_t password_len;
	uint32_t permissions;
};

/*
 * Parses the XML text; on failure writes a sentence naming the element at fault into err.
 * Wipe the result with h5_da_xml_wipe() (it may hold a password).
 */
bool h5_da_xml_parse(const uint8_t *xml, size_t len, struct h5_da_xml *out, char *err,
		size_t err_size);

void h5_da_xml_wipe(struct h5_da_xml *x);

/*
 * Reads an XML file and gives what make_da_config needs: the credential hash (SHA-256 of the
 * password, or of the root key X||Y read from the file the XML names, relative to the XML's
 * folder), the permission word, the encryption flag, and whether it is a password.
 */
bool h5_da_xml_load(const char *path, uint8_t hash[H5_CREDENTIAL_HASH_SIZE],
		uint32_t *permissions, uint32_t *encrypt, bool *is_password, char *err,
		size_t err_size);

#endif /* OPENOCD_TARGET_STM32H5_OBK_XML_H */
