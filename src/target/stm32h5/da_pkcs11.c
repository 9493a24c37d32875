// SPDX-License-Identifier: GPL-2.0-or-later

/* Debug Authentication signing by a PKCS#11 token (see da_pkcs11.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <dlfcn.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/asn1.h>
#include <mbedtls/platform_util.h>
#include <p11-kit-1/p11-kit/pkcs11.h>

#include "da_crypto.h"
#include "da_file.h"
#include "da_pkcs11.h"
#include "da_pkcs11_uri.h"

#define PIN_MAX	256

/* DER of the P-256 curve OID (CKA_EC_PARAMS) */
static const uint8_t p256_oid[] = { 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07 };

static char module_setting[DA_PKCS11_PATH_MAX + 1] = DA_PKCS11_MODULE_DEFAULT;
static char pin_file_setting[DA_PKCS11_PATH_MAX + 1];

struct token {
	void *lib;
	CK_FUNCTION_LIST_PTR f;
	bool initialized;
	bool session_open;
	bool logged_in;
	CK_SESSION_HANDLE session;
	CK_OBJECT_HANDLE key;
	struct da_pkcs11_uri uri;
};

static enum da_err set_path(char *dst, const char *path, bool may_clear, struct da_diag *diag)
{
	if (!path || !*path) {
		if (!may_clear)
			return da_fail(diag, DA_ERR_ARGUMENT, "the module path is empty");
		dst[0] = '\0';
		return DA_OK;
	}
	if (strlen(path) > DA_PKCS11_PATH_MAX)
		return da_fail(diag, DA_ERR_ARGUMENT, "path longer than %u characters",
			DA_PKCS11_PATH_MAX);
	strcpy(dst, path);
	return DA_OK;
}

enum da_err da_pkcs11_set_module(const char *path, struct da_diag *diag)
{
	return set_path(module_setting, path, false, diag);
}

enum da_err da_pkcs11_set_pin_file(const char *path, struct da_diag *diag)
{
	return set_path(pin_file_setting, path, true, diag);
}

const char *da_pkcs11_module(void)
{
	return module_setting;
}

const char *da_pkcs11_pin_file(void)
{
	return pin_file_setting;
}

static void token_close(struct token *t)
{
	if (t->logged_in)
		t->f->C_Logout(t->session);
	if (t->session_open)
		t->f->C_CloseSession(t->session);
	if (t->initialized)
		t->f->C_Finalize(NULL);
	if (t->lib)
		dlclose(t->lib);
	mbedtls_platform_zeroize(t, sizeof(*t));
	free(t);
}

static enum da_err load_module(struct token *t, struct da_diag *diag)
{
	const char *module = t->uri.module_path[0] ? t->uri.module_path
		: t->uri.module_name[0] ? t->uri.module_name : module_setting;
	CK_C_GetFunctionList get_list;
	CK_RV rv;

	t->lib = dlopen(module, RTLD_NOW | RTLD_LOCAL);
	if (!t->lib)
		return da_fail(diag, DA_ERR_FILE, "cannot load the PKCS#11 module %s (set it with "
			"module-path= in the URI or 'stm32h5x da signer_config pkcs11_module')",
			module);
	*(void **)&get_list = dlsym(t->lib, "C_GetFunctionList");
	if (!get_list || get_list(&t->f) != CKR_OK || !t->f)
		return da_fail(diag, DA_ERR_FILE, "%s is not a PKCS#11 module", module);
	rv = t->f->C_Initialize(NULL);
	if (rv != CKR_OK && rv != CKR_CRYPTOKI_ALREADY_INITIALIZED)
		return da_fail(diag, DA_ERR_CRYPTO, "the PKCS#11 module %s failed to initialise "
			"(CKR 0x%lx)", module, (unsigned long)rv);
	t->initialized = rv == CKR_OK;
	return DA_OK;
}

/* A token info field: fixed width, padded with spaces */
static bool field_is(const unsigned char *field, size_t width, const char *want)
{
	size_t n = width;

	if (!want[0])
		return true;
	while (n && field[n - 1] == ' ')
		n--;
	return strlen(want) == n && !memcmp(field, want, n);
}

static enum da_err find_slot(struct token *t, CK_SLOT_ID *slot, struct da_diag *diag)
{
	CK_SLOT_ID slots[64];
	CK_ULONG count = 64;

	if (t->f->C_GetSlotList(CK_TRUE, slots, &count) != CKR_OK)
		return da_fail(diag, DA_ERR_CRYPTO, "cannot list the PKCS#11 slots");
	for (CK_ULONG i = 0; i < count; i++) {
		CK_TOKEN_INFO info;

		if (t->uri.has_slot_id && slots[i] != t->uri.slot_id)
			continue;
		if (t->f->C_GetTokenInfo(slots[i], &info) != CKR_OK)
			continue;
		if (field_is(info.label, sizeof(info.label), t->uri.token)
				&& field_is(info.manufacturerID, sizeof(info.manufacturerID),
					t->uri.manufacturer)
				&& field_is(info.serialNumber, sizeof(info.serialNumber),
					t->uri.serial)
				&& field_is(info.model, sizeof(info.model), t->uri.model)) {
			*slot = slots[i];
			return DA_OK;
		}
	}
	return da_fail(diag, DA_ERR_FILE, "no PKCS#11 token matches%s%s (%lu token(s) present)",
		t->uri.token[0] ? " token=" : " the URI", t->uri.token, (unsigned long)count);
}

/* The PIN from the URI's pin-source, the environment or the pin_file setting */
static enum da_err get_pin(const struct token *t, char *pin, size_t size, bool *have,
		struct da_diag *diag)
{
	const char *src = t->uri.pin_source[0] ? t->uri.pin_source : NULL;
	const char *env = getenv(DA_PKCS11_PIN_ENV);
	uint8_t *data;
	size_t len;

	*have = false;
	if (!src && env && *env) {
		if (strlen(env) >= size)
			return da_fail(diag, DA_ERR_ARGUMENT, "%s is too long", DA_PKCS11_PIN_ENV);
		strcpy(pin, env);
		*have = true;
		return DA_OK;
	}
	if (!src && pin_file_setting[0])
		src = pin_file_setting;
	if (!src)
		return DA_OK;
	if (!strncmp(src, "file:", 5))
		src += 5;
	if (da_file_read(src, size - 1, &data, &len, NULL) != DA_OK)
		return da_fail(diag, DA_ERR_FILE, "cannot read the PIN file %s", src);
	while (len && (data[len - 1] == '\n' || data[len - 1] == '\r'))
		len--;
	memcpy(pin, data, len);
	pin[len] = '\0';
	da_file_free(data, len);
	*have = true;
	return DA_OK;
}

static enum da_err token_login(struct token *t, CK_SLOT_ID slot, struct da_diag *diag)
{
	CK_TOKEN_INFO info;
	char pin[PIN_MAX];
	bool have = false;
	enum da_err err;
	CK_RV rv;

	if (t->f->C_OpenSession(slot, CKF_SERIAL_SESSION, NULL, NULL, &t->session) != CKR_OK)
		return da_fail(diag, DA_ERR_CRYPTO, "cannot open a session on the PKCS#11 token");
	t->session_open = true;
	if (t->f->C_GetTokenInfo(slot, &info) != CKR_OK)
		return da_fail(diag, DA_ERR_CRYPTO, "cannot read the PKCS#11 token's information");
	if (!(info.flags & CKF_LOGIN_REQUIRED))
		return DA_OK;
	err = get_pin(t, pin, sizeof(pin), &have, diag);
	if (err == DA_OK && !have)
		err = da_fail(diag, DA_ERR_ARGUMENT, "the PKCS#11 token needs a PIN: give "
			"pin-source=FILE in the URI, set %s, or 'stm32h5x da signer_config "
			"pkcs11_pin_file FILE'", DA_PKCS11_PIN_ENV);
	if (err == DA_OK) {
		rv = t->f->C_Login(t->session, CKU_USER, (CK_UTF8CHAR_PTR)pin, strlen(pin));
		if (rv == CKR_OK || rv == CKR_USER_ALREADY_LOGGED_IN)
			t->logged_in = rv == CKR_OK;
		else if (rv == CKR_PIN_INCORRECT)
			err = da_fail(diag, DA_ERR_KEY_MISMATCH, "the PKCS#11 token refused the PIN");
		else
			err = da_fail(diag, DA_ERR_CRYPTO, "PKCS#11 login failed (CKR 0x%lx)",
				(unsigned long)rv);
	}
	mbedtls_platform_zeroize(pin, sizeof(pin));
	return err;
}

/* Finds exactly one object of the class with the URI's label / id */
static enum da_err find_object(struct token *t, CK_OBJECT_CLASS cls, CK_OBJECT_HANDLE *obj,
		CK_ULONG *found)
{
	CK_KEY_TYPE ec = CKK_EC;
	CK_ATTRIBUTE tmpl[4] = {
		{ CKA_CLASS, &cls, sizeof(cls) },
		{ CKA_KEY_TYPE, &ec, sizeof(ec) },
	};
	CK_ULONG n = 2;
	CK_OBJECT_HANDLE objs[2];

	if (t->uri.object[0]) {
		tmpl[n].type = CKA_LABEL;
		tmpl[n].pValue = t->uri.object;
		tmpl[n++].ulValueLen = strlen(t->uri.object);
	}
	if (t->uri.has_id) {
		tmpl[n].type = CKA_ID;
		tmpl[n].pValue = t->uri.id;
		tmpl[n++].ulValueLen = t->uri.id_len;
	}
	*found = 0;
	if (t->f->C_FindObjectsInit(t->session, tmpl, n) != CKR_OK)
		return DA_ERR_CRYPTO;
	if (t->f->C_FindObjects(t->session, objs, 2, found) != CKR_OK)
		*found = 0;
	t->f->C_FindObjectsFinal(t->session);
	if (*found)
		*obj = objs[0];
	return DA_OK;
}

static enum da_err read_public(struct token *t, uint8_t pub[DA_P256_PUBKEY_BYTES],
		struct da_diag *diag)
{
	uint8_t params[64], point[128];
	CK_ATTRIBUTE a[2] = {
		{ CKA_EC_PARAMS, params, sizeof(params) },
		{ CKA_EC_POINT, point, sizeof(point) },
	};
	CK_OBJECT_HANDLE obj;
	CK_ULONG found;
	unsigned char *p = point, *end;
	size_t len;

	if (find_object(t, CKO_PUBLIC_KEY, &obj, &found) != DA_OK || found != 1)
		return da_fail(diag, DA_ERR_FILE, "the PKCS#11 token holds no single EC public "
			"key with the private key's label/id (needed to check it against the "
			"certificate)");
	if (t->f->C_GetAttributeValue(t->session, obj, a, 2) != CKR_OK)
		return da_fail(diag, DA_ERR_CRYPTO, "cannot read the token's public key");
	if (a[0].ulValueLen != sizeof(p256_oid) || memcmp(params, p256_oid, sizeof(p256_oid)))
		return da_fail(diag, DA_ERR_UNSUPPORTED,
			"the token's key is not on curve P-256 (secp256r1)");
	end = point + a[1].ulValueLen;
	len = a[1].ulValueLen;
	/* CKA_EC_POINT is DER OCTET STRING { 04 X Y }; some modules give the raw point */
	if (len != 1 + DA_P256_PUBKEY_BYTES
			&& (mbedtls_asn1_get_tag(&p, end, &len, MBEDTLS_ASN1_OCTET_STRING)
				|| p + len != end))
		return da_fail(diag, DA_ERR_MALFORMED, "the token's EC point is not DER-encoded");
	if (len != 1 + DA_P256_PUBKEY_BYTES || p[0] != 0x04)
		return da_fail(diag, DA_ERR_MALFORMED,
			"the token's EC point is not an uncompressed P-256 point");
	memcpy(pub, p + 1, DA_P256_PUBKEY_BYTES);
	return DA_OK;
}

static enum da_err token_sign(void *ctx, const uint8_t hash[DA_SHA256_BYTES],
		uint8_t signature[DA_P256_SIGNATURE_BYTES], struct da_diag *diag)
{
	struct token *t = ctx;
	CK_MECHANISM mech = { CKM_ECDSA, NULL, 0 };
	CK_ULONG len = DA_P256_SIGNATURE_BYTES;
	CK_RV rv;

	rv = t->f->C_SignInit(t->session, &mech, t->key);
	if (rv == CKR_OK)
		rv = t->f->C_Sign(t->session, (CK_BYTE_PTR)hash, DA_SHA256_BYTES, signature, &len);
	if (rv != CKR_OK)
		return da_fail(diag, DA_ERR_CRYPTO, "the PKCS#11 token refused to sign (CKR 0x%lx)",
			(unsigned long)rv);
	if (len != DA_P256_SIGNATURE_BYTES)
		return da_fail(diag, DA_ERR_MALFORMED,
			"the PKCS#11 token returned a %lu-byte signature, expected 64",
			(unsigned long)len);
	return DA_OK;
}

static void token_release(void *ctx)
{
	token_close(ctx);
}

static const struct da_key_backend token_backend = {
	.what = "the PKCS#11 token",
	.sign = token_sign,
	.release = token_release,
};

enum da_err da_pkcs11_open(const char *uri, struct da_key **key, struct da_diag *diag)
{
	uint8_t pub[DA_P256_PUBKEY_BYTES];
	struct token *t;
	CK_SLOT_ID slot = 0;
	CK_ULONG found = 0;
	enum da_err err;

	*key = NULL;
	t = calloc(1, sizeof(*t));
	if (!t)
		return da_fail(diag, DA_ERR_CRYPTO, "out of memory");
	err = da_pkcs11_uri_parse(uri, &t->uri, diag);
	if (err == DA_OK)
		err = load_module(t, diag);
	if (err == DA_OK)
		err = find_slot(t, &slot, diag);
	if (err == DA_OK)
		err = token_login(t, slot, diag);
	if (err == DA_OK && (find_object(t, CKO_PRIVATE_KEY, &t->key, &found) != DA_OK
			|| found != 1))
		err = da_fail(diag, DA_ERR_FILE, found > 1 ? "several EC private keys on the "
			"token match the URI: name one with object= and id=" : "no EC private key "
			"on the token matches the URI's object/id");
	if (err == DA_OK)
		err = read_public(t, pub, diag);
	if (err != DA_OK) {
		token_close(t);
		return err;
	}
	return da_key_from_backend(&token_backend, t, pub, key, diag);
}
