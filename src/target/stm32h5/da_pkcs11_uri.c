// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * RFC 7512 pkcs11: URIs for signing keys (see da_pkcs11_uri.h). The parsing is p11-kit's
 * (p11_kit_uri_parse, Debian's libp11-kit); this file only checks what a signer needs and
 * copies the attributes into struct da_pkcs11_uri.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <p11-kit/uri.h>

#include "da_pkcs11_uri.h"

bool da_pkcs11_is_uri(const char *text)
{
	return text && !strncasecmp(text, DA_PKCS11_SCHEME, strlen(DA_PKCS11_SCHEME));
}

/* what went wrong, by p11-kit's result code */
static const char *parse_problem(int code)
{
	switch (code) {
	case P11_KIT_URI_BAD_ENCODING:
		return "a value has a bad %-escape";
	case P11_KIT_URI_BAD_SYNTAX:
		return "bad syntax: each attribute is name=value, ';' between path attributes, "
			"'&' between query attributes, and slot-id is a decimal number";
	case P11_KIT_URI_BAD_VERSION:
		return "library-version is not MAJOR.MINOR";
	default:
		return p11_kit_uri_message(code);
	}
}

/* a space-padded CK_TOKEN_INFO field as text; "" when the URI does not give it (all zero) */
static void padded_text(const CK_UTF8CHAR *field, size_t size, char *out)
{
	size_t n = size;

	if (!field[0]) {
		out[0] = '\0';
		return;
	}
	while (n && field[n - 1] == ' ')
		n--;
	memcpy(out, field, n);
	out[n] = '\0';
}

/* a string attribute of the query into out (size bytes); false if it does not fit */
static bool copy_query(const char *value, char *out, size_t size)
{
	if (!value) {
		out[0] = '\0';
		return true;
	}
	if (strlen(value) >= size)
		return false;
	strcpy(out, value);
	return true;
}

static enum da_err check_and_copy(P11KitUri *p, struct da_pkcs11_uri *out, struct da_diag *diag)
{
	CK_TOKEN_INFO *token = p11_kit_uri_get_token_info(p);
	CK_ATTRIBUTE *label = p11_kit_uri_get_attribute(p, CKA_LABEL);
	CK_ATTRIBUTE *id = p11_kit_uri_get_attribute(p, CKA_ID);
	CK_ATTRIBUTE *class = p11_kit_uri_get_attribute(p, CKA_CLASS);
	CK_SLOT_ID slot = p11_kit_uri_get_slot_id(p);

	if (p11_kit_uri_get_pin_value(p))
		return da_fail(diag, DA_ERR_ARGUMENT,
			"pkcs11 URI: pin-value is refused, a PIN on a command line ends up in logs "
			"and shell history; give pin-source=FILE, or set STM32H5X_PKCS11_PIN in the "
			"environment, or 'stm32h5x da signer_config pkcs11_pin_file FILE'");
	if (p11_kit_uri_any_unrecognized(p))
		return da_fail(diag, DA_ERR_ARGUMENT,
			"pkcs11 URI: an attribute is unknown or its value is not accepted (token "
			"labels and manufacturers hold at most 32 bytes, serials and models 16); a "
			"signing key is named by token, manufacturer, serial, model, slot-id, object, "
			"id and type=private, with module-path, module-name and pin-source in the "
			"query");
	if (class) {
		CK_OBJECT_CLASS c;

		if (class->ulValueLen != sizeof(c))
			return da_fail(diag, DA_ERR_ARGUMENT, "pkcs11 URI: type must be private");
		memcpy(&c, class->pValue, sizeof(c));
		if (c != CKO_PRIVATE_KEY)
			return da_fail(diag, DA_ERR_ARGUMENT,
				"pkcs11 URI: type must be private (the signing key)");
	}
	if (label && (label->ulValueLen > DA_PKCS11_TEXT_MAX
			|| memchr(label->pValue, 0, label->ulValueLen)))
		return da_fail(diag, DA_ERR_ARGUMENT,
			"pkcs11 URI: object is longer than %d bytes or holds a NUL", DA_PKCS11_TEXT_MAX);
	if (id && id->ulValueLen > DA_PKCS11_ID_MAX)
		return da_fail(diag, DA_ERR_ARGUMENT, "pkcs11 URI: id is longer than %d bytes",
			DA_PKCS11_ID_MAX);
	if (!copy_query(p11_kit_uri_get_module_path(p), out->module_path,
				sizeof(out->module_path))
			|| !copy_query(p11_kit_uri_get_module_name(p), out->module_name,
				sizeof(out->module_name))
			|| !copy_query(p11_kit_uri_get_pin_source(p), out->pin_source,
				sizeof(out->pin_source)))
		return da_fail(diag, DA_ERR_ARGUMENT,
			"pkcs11 URI: module-path, module-name or pin-source is too long");
	if (!label && !id)
		return da_fail(diag, DA_ERR_ARGUMENT,
			"pkcs11 URI: name the key with object= (its label) or id=");

	padded_text(token->label, sizeof(token->label), out->token);
	padded_text(token->manufacturerID, sizeof(token->manufacturerID), out->manufacturer);
	padded_text(token->serialNumber, sizeof(token->serialNumber), out->serial);
	padded_text(token->model, sizeof(token->model), out->model);
	if (label) {
		memcpy(out->object, label->pValue, label->ulValueLen);
		out->object[label->ulValueLen] = '\0';
	}
	if (id) {
		memcpy(out->id, id->pValue, id->ulValueLen);
		out->id_len = id->ulValueLen;
		out->has_id = true;
	}
	if (slot != (CK_SLOT_ID)-1) {
		out->slot_id = slot;
		out->has_slot_id = true;
	}
	return DA_OK;
}

enum da_err da_pkcs11_uri_parse(const char *text, struct da_pkcs11_uri *out,
		struct da_diag *diag)
{
	P11KitUri *p;
	char *lower;
	enum da_err err;
	int code;

	memset(out, 0, sizeof(*out));
	if (!da_pkcs11_is_uri(text))
		return da_fail(diag, DA_ERR_ARGUMENT, "not a pkcs11: URI");
	/* the scheme is case-insensitive (RFC 3986); p11-kit takes it in lower case */
	lower = strdup(text);
	p = p11_kit_uri_new();
	if (!lower || !p) {
		free(lower);
		if (p)
			p11_kit_uri_free(p);
		return da_fail(diag, DA_ERR_NO_SPACE, "pkcs11 URI: out of memory");
	}
	memcpy(lower, DA_PKCS11_SCHEME, strlen(DA_PKCS11_SCHEME));
	code = p11_kit_uri_parse(lower, P11_KIT_URI_FOR_ANY, p);
	free(lower);
	if (code != P11_KIT_URI_OK)
		err = da_fail(diag, DA_ERR_ARGUMENT, "pkcs11 URI: %s", parse_problem(code));
	else
		err = check_and_copy(p, out, diag);
	p11_kit_uri_free(p);
	return err;
}
