// SPDX-License-Identifier: GPL-2.0-or-later

/* ST's package-creator XML for the DA configuration, read with expat (see obk_xml.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <mbedtls/platform_util.h>

#include "da_file.h"
#include "obk.h"
#include "obk_xml.h"

#define DEPTH_MAX	8
#define PATH_MAX_LEN	4096

/* The elements read, by parent and name */
enum field {
	F_NONE,
	F_DEST,		/* Info/ObDestAddress */
	F_ENCRYPT,	/* Info/DoEncryption */
	F_FILE_VALUE,	/* File/Value */
	F_KEY_TYPE,	/* File/KeyType */
	F_KEY_PART,	/* File/Type */
	F_PERM_VALUE,	/* Permission/Value */
	F_TEXT_VALUE,	/* Text/Value */
	F_TEXT_MIN,	/* Text/MinWidth */
	F_TEXT_WIDTH,	/* Text/Width */
	F_COUNT
};

static const struct {
	const char *parent, *name;
} fields[F_COUNT] = {
	[F_DEST] = { "Info", "ObDestAddress" },
	[F_ENCRYPT] = { "Info", "DoEncryption" },
	[F_FILE_VALUE] = { "File", "Value" },
	[F_KEY_TYPE] = { "File", "KeyType" },
	[F_KEY_PART] = { "File", "Type" },
	[F_PERM_VALUE] = { "Permission", "Value" },
	[F_TEXT_VALUE] = { "Text", "Value" },
	[F_TEXT_MIN] = { "Text", "MinWidth" },
	[F_TEXT_WIDTH] = { "Text", "Width" },
};

struct reader {
	XML_Parser parser;
	char stack[DEPTH_MAX][32];	/* element names, truncated (only known ones matter) */
	unsigned int depth;
	enum field current;
	char text[H5_XML_TEXT_MAX + 1];	/* text of the current field */
	size_t text_len;
	bool seen[F_COUNT];
	char value[F_COUNT][H5_XML_TEXT_MAX + 1];
	bool failed;
	char *err;
	size_t err_size;
};

static bool fail(struct reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Records the first reason and stops the parser; returns false for the callers' convenience */
static bool fail(struct reader *r, const char *fmt, ...)
{
	va_list ap;

	if (r->failed)
		return false;
	r->failed = true;
	va_start(ap, fmt);
	vsnprintf(r->err, r->err_size, fmt, ap);
	va_end(ap);
	XML_StopParser(r->parser, XML_FALSE);
	return false;
}

static void XMLCALL on_start(void *data, const XML_Char *name, const XML_Char **attrs)
{
	struct reader *r = data;
	const char *parent = r->depth ? r->stack[r->depth - 1] : "";

	(void)attrs;
	if (r->depth == DEPTH_MAX) {
		fail(r, "elements nested deeper than %u levels", DEPTH_MAX);
		return;
	}
	if (r->depth == 0 && strcmp(name, "Root"))
		fail(r, "the top element is <%.40s>, not <Root> (not a package-creator file)",
			name);
	if (r->depth == 1 && strcmp(name, "Obdata"))
		fail(r, "<Root> holds <%.40s>, expected <Obdata> (not an OBKey configuration)",
			name);
	r->current = F_NONE;
	if (r->depth == 3) {
		for (int f = 1; f < F_COUNT; f++) {
			if (!strcmp(parent, fields[f].parent) && !strcmp(name, fields[f].name)) {
				if (r->seen[f])
					fail(r, "<%s><%s> appears twice", fields[f].parent,
						fields[f].name);
				r->current = (enum field)f;
			}
		}
	}
	snprintf(r->stack[r->depth++], sizeof(r->stack[0]), "%s", name);
	r->text_len = 0;
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
	struct reader *r = data;

	if (r->current == F_NONE || len <= 0)
		return;
	if (r->text_len + (size_t)len > H5_XML_TEXT_MAX) {
		fail(r, "<%s><%s> is longer than %u characters", fields[r->current].parent,
			fields[r->current].name, H5_XML_TEXT_MAX);
		return;
	}
	memcpy(r->text + r->text_len, s, (size_t)len);
	r->text_len += (size_t)len;
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
	struct reader *r = data;
	size_t a = 0, b;

	(void)name;
	if (r->current != F_NONE) {
		/* trim the white space around the value, as the package creator does */
		b = r->text_len;
		while (a < b && isspace((unsigned char)r->text[a]))
			a++;
		while (b > a && isspace((unsigned char)r->text[b - 1]))
			b--;
		memcpy(r->value[r->current], r->text + a, b - a);
		r->value[r->current][b - a] = '\0';
		r->seen[r->current] = true;
		mbedtls_platform_zeroize(r->text, sizeof(r->text));
		r->text_len = 0;
		r->current = F_NONE;
	}
	if (r->depth)
		r->depth--;
}

/* A number as the package creator writes it: 0x hex (any number of leading zeros) or decimal */
static bool parse_word(const char *s, uint32_t *out)
{
	unsigned long long v = 0;
	int base = 10;
	bool any = false;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	for (; *s; s++) {
		int d;

		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && isxdigit((unsigned char)*s))
			d = tolower((unsigned char)*s) - 'a' + 10;
		else
			return false;
		v = v * (unsigned int)base + (unsigned int)d;
		if (v > UINT32_MAX)
			return false;
		any = true;
	}
	*out = (uint32_t)v;
	return any;
}

/* Checks and converts the fields read */
static bool interpret(struct reader *r, struct h5_da_xml *out)
{
	uint32_t v, min_w = H5_PASSWORD_MIN_LEN, width = H5_PASSWORD_MAX_LEN;
	bool has_file = r->seen[F_FILE_VALUE], has_text = r->seen[F_TEXT_VALUE];

	if (!r->seen[F_DEST])
		return fail(r, "<Info><ObDestAddress> is missing");
	if (!parse_word(r->value[F_DEST], &v) || v != H5_DA_CONFIG_ADDR)
		return fail(r, "<Info><ObDestAddress> is '%.40s', not 0x0FFD0100: this is not a "
			"Debug Authentication configuration", r->value[F_DEST]);
	if (!r->seen[F_ENCRYPT] || !parse_word(r->value[F_ENCRYPT], &v) || v > 1)
		return fail(r, "<Info><DoEncryption> must be 0 or 1");
	out->encrypt = v == 1;
	if (has_file == has_text)
		return fail(r, "%s: the configuration needs exactly one of <File> (root key) and "
			"<Text> (password)", has_file ? "both are present" : "neither is present");

	out->permissions = H5_DA_PERMISSIONS_DEFAULT;
	if (r->seen[F_PERM_VALUE] && !parse_word(r->value[F_PERM_VALUE], &out->permissions))
		return fail(r, "<Permission><Value> '%.40s' is not a 32-bit number",
			r->value[F_PERM_VALUE]);

	if (has_file) {
		if (!r->seen[F_PERM_VALUE])
			return fail(r, "<Permission> is missing (the root-key configuration "
				"carries the permission word)");
		if (r->seen[F_KEY_TYPE] && strcmp(r->value[F_KEY_TYPE], "ecdsa-p256"))
			return fail(r, "<File><KeyType> is '%.40s'; the STM32H5 uses ecdsa-p256",
				r->value[F_KEY_TYPE]);
		if (r->seen[F_KEY_PART] && strcmp(r->value[F_KEY_PART], "Public"))
			return fail(r, "<File><Type> is '%.40s', expected Public (the hash of the "
				"root public key is stored)", r->value[F_KEY_PART]);
		if (!r->value[F_FILE_VALUE][0])
			return fail(r, "<File><Value> (the root key file) is empty");
		snprintf(out->key_path, sizeof(out->key_path), "%s", r->value[F_FILE_VALUE]);
		return true;
	}

	if (r->seen[F_TEXT_MIN] && !parse_word(r->value[F_TEXT_MIN], &min_w))
		return fail(r, "<Text><MinWidth> is not a number");
	if (r->seen[F_TEXT_WIDTH] && !parse_word(r->value[F_TEXT_WIDTH], &width))
		return fail(r, "<Text><Width> is not a number");
	if (min_w < H5_PASSWORD_MIN_LEN)
		min_w = H5_PASSWORD_MIN_LEN;
	if (width > H5_PASSWORD_MAX_LEN)
		width = H5_PASSWORD_MAX_LEN;
	out->password_len = strlen(r->value[F_TEXT_VALUE]);
	if (out->password_len < min_w || out->password_len > width)
		return fail(r, "the password in <Text><Value> has %zu characters; %u to %u are "
			"accepted", out->password_len, min_w, width);
	out->is_password = true;
	memcpy(out->password, r->value[F_TEXT_VALUE], out->password_len);
	return true;
}

bool h5_da_xml_parse(const uint8_t *xml, size_t len, struct h5_da_xml *out, char *err,
		size_t err_size)
{
	struct reader *r;
	bool ok;

	memset(out, 0, sizeof(*out));
	if (len > H5_XML_FILE_MAX) {
		snprintf(err, err_size, "the XML file is larger than %u bytes", H5_XML_FILE_MAX);
		return false;
	}
	r = calloc(1, sizeof(*r));
	if (!r) {
		snprintf(err, err_size, "out of memory");
		return false;
	}
	r->err = err;
	r->err_size = err_size;
	r->parser = XML_ParserCreate(NULL);
	if (!r->parser) {
		free(r);
		snprintf(err, err_size, "out of memory");
		return false;
	}
	XML_SetUserData(r->parser, r);
	XML_SetElementHandler(r->parser, on_start, on_end);
	XML_SetCharacterDataHandler(r->parser, on_text);
	if (XML_Parse(r->parser, (const char *)xml, (int)len, XML_TRUE) == XML_STATUS_ERROR
			&& !r->failed) {
		r->failed = true;
		snprintf(err, err_size, "not well-formed XML at line %lu: %s",
			(unsigned long)XML_GetCurrentLineNumber(r->parser),
			XML_ErrorString(XML_GetErrorCode(r->parser)));
	}
	ok = !r->failed && interpret(r, out);
	XML_ParserFree(r->parser);
	mbedtls_platform_zeroize(r, sizeof(*r));
	free(r);
	if (!ok)
		h5_da_xml_wipe(out);
	return ok;
}

void h5_da_xml_wipe(struct h5_da_xml *x)
{
	mbedtls_platform_zeroize(x, sizeof(*x));
}

/* The key path of the XML (Windows or POSIX separators) relative to the XML's folder */
static void resolve(const char *xml_path, const char *key, char *out, size_t size)
{
	const char *slash = strrchr(xml_path, '/');
	size_t n;

	if (key[0] == '/' || !slash)
		snprintf(out, size, "%s", key);
	else
		snprintf(out, size, "%.*s/%s", (int)(slash - xml_path), xml_path, key);
	for (n = 0; out[n]; n++)
		if (out[n] == '\\')
			out[n] = '/';
}

bool h5_da_xml_load(const char *path, uint8_t hash[H5_CREDENTIAL_HASH_SIZE],
		uint32_t *permissions, uint32_t *encrypt, bool *is_password, char *err,
		size_t err_size)
{
	struct h5_da_xml x;
	char key_path[PATH_MAX_LEN], why[256];
	uint8_t *data;
	size_t len;
	bool ok;

	if (da_file_read(path, H5_XML_FILE_MAX, &data, &len, NULL) != DA_OK) {
		snprintf(err, err_size, "%s: cannot read the file (or it is larger than %u bytes)",
			path, H5_XML_FILE_MAX);
		return false;
	}
	ok = h5_da_xml_parse(data, len, &x, why, sizeof(why));
	da_file_free(data, len);
	if (!ok) {
		snprintf(err, err_size, "%s: %s", path, why);
		return false;
	}
	*permissions = x.permissions;
	*encrypt = x.encrypt;
	*is_password = x.is_password;
	if (x.is_password) {
		h5_sha256(x.password, x.password_len, hash);
		h5_da_xml_wipe(&x);
		return true;
	}
	resolve(path, x.key_path, key_path, sizeof(key_path));
	h5_da_xml_wipe(&x);
	if (da_file_read(key_path, H5_XML_FILE_MAX, &data, &len, NULL) != DA_OK) {
		snprintf(err, err_size, "%s: cannot read the root key file %s named by "
			"<File><Value>", path, key_path);
		return false;
	}
	ok = h5_root_key_hash(data, len, hash, why, sizeof(why));
	da_file_free(data, len);
	if (!ok)
		snprintf(err, err_size, "%s: %s", key_path, why);
	return ok;
}
