/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication signing by a PKCS#11 token (an HSM, a smartcard, SoftHSM2): the key is
 * named by an RFC 7512 URI (da_pkcs11_uri.h), the module is loaded with dlopen, the private key
 * never leaves the token (C_Sign with CKM_ECDSA on the SHA-256 digest), and the public key is
 * read from the token's matching public-key object (CKA_EC_POINT, P-256 only).
 *
 *   setting            | default              | meaning
 *   -------------------+----------------------+------------------------------------------
 *   module             | p11-kit-proxy.so     | module when the URI has no module-path/-name
 *   pin_file           | (none)               | file holding the PIN, when the URI has no
 *                      |                      | pin-source and STM32H5X_PKCS11_PIN is unset
 *
 * PIN order: URI pin-source, then the environment variable STM32H5X_PKCS11_PIN, then
 * pin_file. The PIN is wiped after C_Login and never printed. Pure C (POSIX dlopen).
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_PKCS11_H
#define OPENOCD_TARGET_STM32H5_DA_PKCS11_H

#include "da_error.h"
#include "da_key.h"

#define DA_PKCS11_MODULE_DEFAULT	"p11-kit-proxy.so"
#define DA_PKCS11_PIN_ENV		"STM32H5X_PKCS11_PIN"

/* Settings; NULL or "" for pin_file clears it */
enum da_err da_pkcs11_set_module(const char *path, struct da_diag *diag);
enum da_err da_pkcs11_set_pin_file(const char *path, struct da_diag *diag);
const char *da_pkcs11_module(void);
const char *da_pkcs11_pin_file(void);

/* Opens the key the URI names; the reason names the module, token or object at fault */
enum da_err da_pkcs11_open(const char *uri, struct da_key **key, struct da_diag *diag);

#endif /* OPENOCD_TARGET_STM32H5_DA_PKCS11_H */
