/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The boot ROM's RSSLIB DataProvisioning service, as the obk provision command calls it:
 * where its entry is found, the configuration block it takes, its encryption magic values,
 * the CRC over the request, and the names of its result words (h5-flash-ob.md §2.1, §6.3;
 * h5-debug-auth.md §6.3; anchors.md §2b). Pure C.
 */

#ifndef OPENOCD_TARGET_STM32H5_LIFECYCLE_RSSLIB_H
#define OPENOCD_TARGET_STM32H5_LIFECYCLE_RSSLIB_H

#include <stdbool.h>
#include <stdint.h>

/* RSSLIB function table (CMSIS RSSLIB_PFUNC_BASE [C]); +0x00 is NSC.DataProvisioning */
#define H5_RSSLIB_TABLE			0x0BF9FB68u
#define H5_RSSLIB_DATA_PROVISIONING	(H5_RSSLIB_TABLE + 0x00)

/* Where a ROM entry may be: system flash, non-secure or secure alias (h5-flash-ob.md §2.1) */
#define H5_SYSTEM_FLASH_NS		0x0BF80000u
#define H5_SYSTEM_FLASH_S		0x0FF80000u
#define H5_SYSTEM_FLASH_SIZE		0x20000u

/* DoEncryption values (ST's OpenOCD write_obk, h5-flash-ob.md §6.3; [U] per h5-debug-auth §9) */
#define H5_RSS_DO_ENCRYPT		0xF5F5A0AAu
#define H5_RSS_NO_ENCRYPT		0xCACA0AA0u

/* Result words */
#define H5_RSS_SUCCESS			0xEAEAEAEAu
#define H5_RSS_ERROR			0xF5F5F5F5u
#define H5_RSS_BAD_PARAM		0xF5F5E0E0u

/* RSSLIB_DataProvisioningConf_t: five u32 {pSource, pDestination, Size, DoEncryption, Crc} */
#define H5_RSS_CONF_SIZE		20u

/* The DoEncryption word for a .obk encryption flag */
uint32_t h5_rss_do_encryption(bool encrypt);

/*
 * CRC of a request: CRC-32 with polynomial 0x04C11DB7 over data || dest || size ||
 * do_encryption (each u32 little-endian), as ST's OpenOCD write_obk computes it. The exact
 * variant is not documented ([U]); this is the one the STM32 CRC unit computes by default:
 * MSB first, initial value 0xFFFFFFFF, no reflection, no final XOR (CRC-32/MPEG-2), bytewise.
 */
uint32_t h5_rss_request_crc(const uint8_t *data, uint32_t size, uint32_t dest,
		uint32_t do_encryption);

/* The CRC alone over a buffer (same variant) */
uint32_t h5_rss_crc32(uint32_t crc, const uint8_t *data, uint32_t len);

/* Fills the 20-byte configuration block, little-endian. */
void h5_rss_conf_build(uint8_t conf[H5_RSS_CONF_SIZE], uint32_t source, uint32_t dest,
		uint32_t size, uint32_t do_encryption, uint32_t crc);

/* True if a value read from the function table looks like a Thumb entry in system flash */
bool h5_rss_entry_is_plausible(uint32_t entry);

/* "success", "bad parameters (source not in SRAM3, destination or size)", ... or NULL */
const char *h5_rss_result_name(uint32_t result);

#endif /* OPENOCD_TARGET_STM32H5_LIFECYCLE_RSSLIB_H */
