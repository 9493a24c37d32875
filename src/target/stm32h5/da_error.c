// SPDX-License-Identifier: GPL-2.0-or-later

/* Debug Authentication host: names of the failure codes and diagnostic formatting. */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "array_size.h"
#include "da_error.h"

static const char *const da_err_names[] = {
	[DA_OK] = "ok",
	[DA_ERR_TRUNCATED] = "truncated",
	[DA_ERR_OVERSIZED] = "oversized",
	[DA_ERR_MALFORMED] = "malformed",
	[DA_ERR_WRONG_TYPE] = "wrong type",
	[DA_ERR_BAD_PADDING] = "bad padding",
	[DA_ERR_LENGTH_MISMATCH] = "length mismatch",
	[DA_ERR_DUPLICATE] = "duplicate",
	[DA_ERR_UNSUPPORTED] = "unsupported",
	[DA_ERR_BAD_SIGNATURE] = "bad signature",
	[DA_ERR_KEY_MISMATCH] = "key mismatch",
	[DA_ERR_PERMISSION] = "permission",
	[DA_ERR_FILE] = "file",
	[DA_ERR_CRYPTO] = "crypto",
	[DA_ERR_ARGUMENT] = "invalid argument",
	[DA_ERR_NO_SPACE] = "no space",
	[DA_ERR_TIMEOUT] = "timeout",
	[DA_ERR_TRANSPORT] = "transport",
	[DA_ERR_DEVICE_STATUS] = "device status",
	[DA_ERR_STATE] = "state",
};

const char *da_err_name(enum da_err err)
{
	if ((unsigned int)err < ARRAY_SIZE(da_err_names)
			&& da_err_names[err])
		return da_err_names[err];
	return "unknown error";
}

void da_diag_clear(struct da_diag *diag)
{
	if (diag)
		diag->text[0] = '\0';
}

enum da_err da_fail(struct da_diag *diag, enum da_err err, const char *fmt, ...)
{
	if (diag) {
		va_list ap;

		va_start(ap, fmt);
		vsnprintf(diag->text, sizeof(diag->text), fmt, ap);
		va_end(ap);
	}
	return err;
}

void da_diag_prefix(struct da_diag *diag, const char *fmt, ...)
{
	char old[DA_DIAG_TEXT_SIZE];
	size_t used;
	va_list ap;
	int n;

	if (!diag)
		return;
	memcpy(old, diag->text, sizeof(old));
	old[sizeof(old) - 1] = '\0';
	va_start(ap, fmt);
	n = vsnprintf(diag->text, sizeof(diag->text), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	used = (size_t)n < sizeof(diag->text) ? (size_t)n : sizeof(diag->text) - 1;
	size_t len = strnlen(old, sizeof(old));
	if (len > sizeof(diag->text) - 1 - used)
		len = sizeof(diag->text) - 1 - used;
	memcpy(diag->text + used, old, len);
	diag->text[used + len] = '\0';
}
