/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim DA: PSA-ADAC wire vocabulary as the H5 RSS uses it (command IDs, status codes,
 * TLV types, structure sizes; h5-debug-auth.md §2-§4) and little-endian byte helpers.
 */

#ifndef H5SIM_DA_ADAC_H
#define H5SIM_DA_ADAC_H

#include <stddef.h>
#include <stdint.h>

enum da_command_id {
	DA_CMD_DISCOVERY	= 0x0001,
	DA_CMD_AUTH_START	= 0x0002,
	DA_CMD_AUTH_RESPONSE	= 0x0003,
	DA_CMD_RESUME_BOOT	= 0x0005,
	DA_CMD_LOCK_DEBUG	= 0x0006,
	DA_CMD_LCS_CHANGE	= 0x0007,
};

enum da_status {
	DA_STATUS_SUCCESS		= 0x0000,
	DA_STATUS_FAILURE		= 0x0001,
	DA_STATUS_NEED_MORE_DATA	= 0x0002,
	DA_STATUS_UNSUPPORTED		= 0x0003,
	DA_STATUS_UNAUTHORIZED		= 0x0004,
	DA_STATUS_INVALID_PARAMETERS	= 0x0005,
	DA_STATUS_INVALID_COMMAND	= 0x7FFF,
};

enum da_tlv_type {
	DA_TLV_AUTH_VERSION		= 0x0001,
	DA_TLV_VENDOR_ID		= 0x0002,
	DA_TLV_SOC_CLASS		= 0x0003,
	DA_TLV_SOC_ID			= 0x0004,
	DA_TLV_HW_PERMISSIONS_MASK	= 0x0007,
	DA_TLV_PSA_LIFECYCLE		= 0x0008,
	DA_TLV_SDA_ID			= 0x000A,
	DA_TLV_TOKEN_FORMATS		= 0x0100,
	DA_TLV_CERT_FORMATS		= 0x0101,
	DA_TLV_CRYPTOSYSTEMS		= 0x0102,
	DA_TLV_PSA_BINARY_TOKEN		= 0x0200,
	DA_TLV_PSA_BINARY_CRT		= 0x0201,
	DA_TLV_ST_PASSWORD		= 0x8000,	/* discovery: provisioning integrity */
	DA_TLV_ST_HDPL1_STATUS		= 0x8001,
	DA_TLV_ST_HDPL2_STATUS		= 0x8002,
	DA_TLV_ST_HDPL3_STATUS		= 0x8003,
};

/* Cryptosystem IDs in the CRYPTOSYSTEMS TLV */
#define DA_CRYPTOSYSTEM_ECDSA_P256_SHA256	0x01
#define DA_CRYPTOSYSTEM_ST_PASSWORD		0x80

/* Packet header: word 0 = command/status << 16, word 1 = data_count */
#define DA_PACKET_HEADER_WORDS	2
#define DA_TLV_HEADER_SIZE	8

/* psa_auth_challenge_t (§4.2) */
#define DA_CHALLENGE_VECTOR_SIZE	32
#define DA_CHALLENGE_SIZE		36

/* ECDSA P-256 material: public key X||Y and signature r||s, both big-endian */
#define DA_P256_KEY_SIZE	64
#define DA_P256_SIG_SIZE	64
#define DA_SHA256_SIZE		32

/* 128-bit permission masks */
#define DA_PERMISSIONS_SIZE	16

static inline uint32_t da_round_to_word(uint32_t n)
{
	return (n + 3u) & ~3u;
}

static inline uint16_t da_get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | (p[1] << 8));
}

static inline uint32_t da_get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
		((uint32_t)p[3] << 24);
}

static inline void da_put_le16(uint8_t *p, uint16_t v)
{
	p[0] = v & 0xFF;
	p[1] = v >> 8;
}

static inline void da_put_le32(uint8_t *p, uint32_t v)
{
	p[0] = v & 0xFF;
	p[1] = (v >> 8) & 0xFF;
	p[2] = (v >> 16) & 0xFF;
	p[3] = v >> 24;
}

const char *sim_da_status_name(uint16_t status);
const char *sim_da_command_name(uint16_t command);

#endif /* H5SIM_DA_ADAC_H */
