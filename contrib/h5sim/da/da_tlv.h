/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim DA: PSA-ADAC TLVs (h5-debug-auth.md §2.4): {u16 reserved = 0, u16 type,
 * u32 length_in_bytes, value, zero padding to a word}. Writer for responses, reader for the
 * single TLV an AUTH_RESPONSE request carries.
 */

#ifndef H5SIM_DA_TLV_H
#define H5SIM_DA_TLV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct da_tlv_writer {
	uint8_t *buf;
	size_t cap;
	size_t len;
	bool overflow;
};

void sim_da_tlv_writer_init(struct da_tlv_writer *w, uint8_t *buf, size_t cap);
void sim_da_tlv_put(struct da_tlv_writer *w, uint16_t type, const void *value, uint32_t len);
void sim_da_tlv_put_u32(struct da_tlv_writer *w, uint16_t type, uint32_t value);
void sim_da_tlv_put_u16(struct da_tlv_writer *w, uint16_t type, uint16_t value);

struct da_tlv {
	uint16_t type;
	uint32_t len;
	const uint8_t *value;
};

/*
 * Parses exactly one TLV occupying all of buf (header + value + padding to a word).
 * Returns NULL on success, otherwise a description of what is wrong.
 */
const char *sim_da_tlv_parse_single(const uint8_t *buf, size_t len, struct da_tlv *tlv);

#endif /* H5SIM_DA_TLV_H */
