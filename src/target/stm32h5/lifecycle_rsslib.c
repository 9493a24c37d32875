// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * RSSLIB DataProvisioning request building (see lifecycle_rsslib.h).
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stddef.h>

#include "lifecycle_rsslib.h"

uint32_t h5_rss_do_encryption(bool encrypt)
{
	return encrypt ? H5_RSS_DO_ENCRYPT : H5_RSS_NO_ENCRYPT;
}

uint32_t h5_rss_crc32(uint32_t crc, const uint8_t *data, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++) {
		crc ^= (uint32_t)data[i] << 24;
		for (int b = 0; b < 8; b++)
			crc = crc & 0x80000000u ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
	}
	return crc;
}

static void put_le32(uint8_t *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

uint32_t h5_rss_request_crc(const uint8_t *data, uint32_t size, uint32_t dest,
		uint32_t do_encryption)
{
	uint8_t tail[12];

	put_le32(tail, dest);
	put_le32(tail + 4, size);
	put_le32(tail + 8, do_encryption);
	return h5_rss_crc32(h5_rss_crc32(0xFFFFFFFFu, data, size), tail, sizeof(tail));
}

void h5_rss_conf_build(uint8_t conf[H5_RSS_CONF_SIZE], uint32_t source, uint32_t dest,
		uint32_t size, uint32_t do_encryption, uint32_t crc)
{
	put_le32(conf, source);
	put_le32(conf + 4, dest);
	put_le32(conf + 8, size);
	put_le32(conf + 12, do_encryption);
	put_le32(conf + 16, crc);
}

bool h5_rss_entry_is_plausible(uint32_t entry)
{
	uint32_t addr = entry & ~1u;

	if (!(entry & 1))
		return false;	/* Cortex-M code pointers carry the Thumb bit */
	return (addr >= H5_SYSTEM_FLASH_NS && addr - H5_SYSTEM_FLASH_NS < H5_SYSTEM_FLASH_SIZE)
		|| (addr >= H5_SYSTEM_FLASH_S && addr - H5_SYSTEM_FLASH_S < H5_SYSTEM_FLASH_SIZE);
}

const char *h5_rss_result_name(uint32_t result)
{
	switch (result) {
	case H5_RSS_SUCCESS:
		return "RSSLIB_SUCCESS";
	case H5_RSS_ERROR:
		return "RSSLIB_ERROR";
	case H5_RSS_BAD_PARAM:
		return "RSSLIB_ERROR_BAD_PARAM (source not in SRAM3, destination not 16-byte "
			"aligned, or size too large)";
	default:
		return NULL;
	}
}
