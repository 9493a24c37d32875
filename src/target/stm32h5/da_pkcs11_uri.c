// SPDX-License-Identifier: GPL-2.0-or-later

/* RFC 7512 pkcs11: URIs for signing keys (see da_pkcs11_uri.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "da_pkcs11_uri.h"

enum attr_kind { A_TEXT, A_ID, A_SLOT, A_TYPE, A_IGNORED, A_REFUSED };

struct attr {
	const char *name;
	bool query;		/* after '?' */
	enum attr_kind kind;
	size_t offset;		/* of the char array in struct da_pkcs11_uri (A_TEXT) */
	size_t size;
};

#define TEXT(n, q, field) { n, q, A_TEXT, offsetof(struct da_pkcs11_uri, field), \
	sizeof(((struct da_pkcs11_uri *)0)->field) }

static const struct attr attrs[] = {
	TEXT("token", false, token),
	TEXT("manufacturer", false, manufacturer),
	TEXT("serial", false, serial),
	TEXT("model", false, model),
	TEXT("object", false, object),
	{ "id", false, A_ID, 0, 0 },
	{ "slot-id", false, A_SLOT, 0, 0 },
	{ "type", false, A_TYPE, 0, 0 },
	{ "library-manufacturer", false, A_IGNORED, 0, 0 },
	{ "library-description", false, A_IGNORED, 0, 0 },
	{ "library-version", false, A_IGNORED, 0, 0 },
	{ "slot-description", false, A_IGNORED, 0, 0 },
	{ "slot-manufacturer", false, A_IGNORED, 0, 0 },
	TEXT("module-path", true, module_path),
	TEXT("module-name", true, module_name),
	TEXT("pin-source", true, pin_source),
	{ "pin-value", true, A_REFUSED, 0, 0 },
};

#define N_ATTRS	(sizeof(attrs) / sizeof(attrs[0]))

bool da_pkcs11_is_uri(const char *text)
{
	return text && !strncasecmp(text, DA_PKCS11_SCHEME, strlen(DA_PKCS11_SCHEME));
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Percent-decodes s[0..len) into out (at most size bytes); -1 on a bad escape or overflow */
static long decode(const char *s, size_t len, uint8_t *out, size_t size)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		int c = (unsigned char)s[i];

		if (c == '%') {
			int hi, lo;

			if (i + 2 >= len)
				return -1;
			hi = hex_value(s[i + 1]);
			lo = hex_value(s[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			c = hi * 16 + lo;
			i += 2;
		}
		if (n == size)
			return -1;
		out[n++] = (uint8_t)c;
	}
	return (long)n;
}

static enum da_err set_attr(const struct attr *a, const char *value, size_t len,
		struct da_pkcs11_uri *out, struct da_diag *diag)
{
	uint8_t buf[DA_PKCS11_PATH_MAX + 1];
	long n;
	char *end;

	if (a->kind == A_REFUSED)
		return da_fail(diag, DA_ERR_ARGUMENT,
			"pkcs11 URI: pin-value is refused, a PIN on a command line ends up in logs "
			"and shell history; give pin-source=FILE, or set STM32H5X_PKCS11_PIN in the "
			"environment, or 'stm32h5x da signer_config pkcs11_pin_file FILE'");
	n = decode(value, len, buf, a->kind == A_ID ? DA_PKCS11_ID_MAX : sizeof(buf) - 1);
	if (n < 0)
		return da_fail(diag, DA_ERR_ARGUMENT,
			"pkcs11 URI: attribute %s has a bad %%-escape or is too long", a->name);
	switch (a->kind) {
	case A_TEXT:
		if ((size_t)n >= a->size || memchr(buf, 0, (size_t)n))
			return da_fail(diag, DA_ERR_ARGUMENT,
				"pkcs11 URI: attribute %s is too long or holds a NUL", a->name);
		memcpy((char *)out + a->offset, buf, (size_t)n);
		((char *)out + a->offset)[n] = '\0';
		break;
	case A_ID:
		memcpy(out->id, buf, (size_t)n);
		out->id_len = (size_t)n;
		out->has_id = true;
		break;
	case A_SLOT:
		buf[n] = '\0';
		out->slot_id = strtoul((const char *)buf, &end, 10);
		if (!n || *end || !isdigit(buf[0]))
			return da_fail(diag, DA_ERR_ARGUMENT,
				"pkcs11 URI: slot-id must be a decimal number");
		out->has_slot_id = true;
		break;
	case A_TYPE:
		if (n != 7 || memcmp(buf, "private", 7))
			return da_fail(diag, DA_ERR_ARGUMENT,
				"pkcs11 URI: type must be private (the signing key)");
		break;
	default:
		break;
	}
	return DA_OK;
}

/* One "name=value" of the path (query false) or of the query */
static enum da_err parse_pair(const char *s, size_t len, bool query, unsigned int *seen,
		struct da_pkcs11_uri *out, struct da_diag *diag)
{
	const char *eq = memchr(s, '=', len);
	size_t name_len;

	if (!len)
		return DA_OK;
	if (!eq)
		return da_fail(diag, DA_ERR_ARGUMENT, "pkcs11 URI: '%.*s' is not name=value",
			(int)(len > 40 ? 40 : len), s);
	name_len = (size_t)(eq - s);
	for (unsigned int i = 0; i < N_ATTRS; i++) {
		if (attrs[i].query != query || strlen(attrs[i].name) != name_len
				|| memcmp(attrs[i].name, s, name_len))
			continue;
		if (*seen & (1u << i))
			return da_fail(diag, DA_ERR_ARGUMENT, "pkcs11 URI: attribute %s is repeated",
				attrs[i].name);
		*seen |= 1u << i;
		return set_attr(&attrs[i], eq + 1, len - name_len - 1, out, diag);
	}
	return da_fail(diag, DA_ERR_ARGUMENT, "pkcs11 URI: unknown %s attribute '%.*s'",
		query ? "query" : "path", (int)(name_len > 40 ? 40 : name_len), s);
}

enum da_err da_pkcs11_uri_parse(const char *text, struct da_pkcs11_uri *out,
		struct da_diag *diag)
{
	const char *p, *query;
	unsigned int seen = 0;
	enum da_err err;

	memset(out, 0, sizeof(*out));
	if (!da_pkcs11_is_uri(text))
		return da_fail(diag, DA_ERR_ARGUMENT, "not a pkcs11: URI");
	p = text + strlen(DA_PKCS11_SCHEME);
	query = strchr(p, '?');
	for (bool in_query = false;;) {
		const char *stop = in_query ? p + strlen(p) : (query ? query : p + strlen(p));
		char sep = in_query ? '&' : ';';

		while (p < stop) {
			const char *next = memchr(p, sep, (size_t)(stop - p));
			size_t len = next ? (size_t)(next - p) : (size_t)(stop - p);

			err = parse_pair(p, len, in_query, &seen, out, diag);
			if (err != DA_OK)
				return err;
			p += len + (next ? 1 : 0);
		}
		if (in_query || !query)
			break;
		in_query = true;
		p = query + 1;
	}
	if (!out->object[0] && !out->has_id)
		return da_fail(diag, DA_ERR_ARGUMENT,
			"pkcs11 URI: name the key with object= (its label) or id=");
	return DA_OK;
}
