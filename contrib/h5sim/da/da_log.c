// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim DA: logging through the chip's log callback. Callers never pass a password, a
 * key or a challenge; hashes are not logged either.
 */

#include <stdarg.h>
#include <stdio.h>

#include "da_private.h"

void sim_da_log(const struct da_device *da, const char *fmt, ...)
{
	char line[256];
	va_list ap;

	if (!da->chip.log)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	da->chip.log(da->chip.ctx, "DA: %s", line);
}
