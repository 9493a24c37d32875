// SPDX-License-Identifier: GPL-2.0-or-later

/* Whole-file reading for the Debug Authentication inputs (see da_file.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/platform_util.h>

#include "da_file.h"

enum da_err da_file_read(const char *path, size_t max_len, uint8_t **data, size_t *len,
		struct da_diag *diag)
{
	uint8_t *buf;
	size_t n = 0;
	FILE *f;

	*data = NULL;
	*len = 0;
	if (!path || !*path)
		return da_fail(diag, DA_ERR_ARGUMENT, "no file name given");
	f = fopen(path, "rb");
	if (!f)
		return da_fail(diag, DA_ERR_FILE, "cannot open %s: %s", path, strerror(errno));
	buf = malloc(max_len + 2);
	if (!buf) {
		fclose(f);
		return da_fail(diag, DA_ERR_FILE, "out of memory reading %s", path);
	}
	/* read one byte more than allowed to detect an oversized file */
	while (n < max_len + 1) {
		size_t got = fread(buf + n, 1, max_len + 1 - n, f);

		if (!got)
			break;
		n += got;
	}
	if (ferror(f)) {
		fclose(f);
		da_file_free(buf, max_len + 2);
		return da_fail(diag, DA_ERR_FILE, "cannot read %s", path);
	}
	fclose(f);
	if (n > max_len) {
		da_file_free(buf, max_len + 2);
		return da_fail(diag, DA_ERR_OVERSIZED, "%s is larger than the %zu bytes expected",
			path, max_len);
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return DA_OK;
}

void da_file_free(uint8_t *data, size_t len)
{
	if (!data)
		return;
	mbedtls_platform_zeroize(data, len);
	free(data);
}
