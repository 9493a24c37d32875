/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * PSA-ADAC wire helpers: every ADAC field is little-endian (h5-debug-auth.md §2.1); these
 * read and write them from byte buffers without alignment or host-endianness assumptions.
 */

#ifndef OPENOCD_TARGET_STM32H5_ADAC_LE_H
#define OPENOCD_TARGET_STM32H5_ADAC_LE_H

#include <stddef.h>
#include <stdint.h>

static inline uint16_t adac_get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | (p[1] << 8));
}

static inline uint32_t adac_get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16)
		| ((uint32_t)p[3] << 24);
}

static inline void adac_put_le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static inline void adac_put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

/* ROUND_TO_WORD of psa-adac: TLV values are padded with zeros to a 4-byte boundary */
static inline size_t adac_round_to_word(size_t n)
{
	return (n + 3u) & ~(size_t)3u;
}

#endif /* OPENOCD_TARGET_STM32H5_ADAC_LE_H */
