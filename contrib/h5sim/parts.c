// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: the parts table. Sizes and IDs from h5-flash-ob.md §1.2, §1.3, §2.1.
 * REV_ID of the H52x/H53x is [U] there; 0x1000 is used as default (setting --rev-id).
 * The system memory is taken as 128 KiB on TrustZone parts because the RSSLIB table
 * (0x0BF9FB68) and the bootloader vector (0x0BF97000) lie above the CMSIS 64 KiB [I].
 */

#include <stdio.h>
#include <strings.h>

#include "parts.h"

#define KIB(n) ((uint32_t)(n) * 1024u)

static const struct h5sim_part parts[] = {
	{ "H503", 0x474, 0x1003, H5FLASH_H503, KIB(128), false, false, false,
		KIB(16), KIB(16), 0, KIB(32), 0x0BF87000, 0x00 },
	{ "H523", 0x478, 0x1000, H5FLASH_H52X, KIB(512), true, false, true,
		KIB(128), KIB(80), KIB(64), KIB(128), 0x0BF97000, 0x02 },
	{ "H533", 0x478, 0x1000, H5FLASH_H52X, KIB(512), true, true, true,
		KIB(128), KIB(80), KIB(64), KIB(128), 0x0BF97000, 0x02 },
	{ "H562", 0x484, 0x1007, H5FLASH_H56X, KIB(2048), true, false, true,
		KIB(256), KIB(64), KIB(320), KIB(128), 0x0BF97000, 0x04 },
	{ "H563", 0x484, 0x1007, H5FLASH_H56X, KIB(2048), true, false, true,
		KIB(256), KIB(64), KIB(320), KIB(128), 0x0BF97000, 0x04 },
	{ "H573", 0x484, 0x1007, H5FLASH_H56X, KIB(2048), true, true, true,
		KIB(256), KIB(64), KIB(320), KIB(128), 0x0BF97000, 0x04 },
};

const struct h5sim_part *h5sim_part_find(const char *name)
{
	if (!strncasecmp(name, "STM32", 5))
		name += 5;
	for (unsigned int i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (!strcasecmp(parts[i].name, name))
			return &parts[i];
	return NULL;
}

void h5sim_parts_print(void)
{
	for (unsigned int i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		printf("%s%s", i ? "|" : "", parts[i].name);
}
