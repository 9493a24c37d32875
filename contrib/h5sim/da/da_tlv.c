// SPDX-License-Identifier: GPL-2.0-or-later

/* h5sim DA: PSA-ADAC TLV writer and single-TLV parser. */

#include <string.h>

#include "da_adac.h"
#include "da_tlv.h"

void sim_da_tlv_writer_init(struct da_tlv_writer *w, uint8_t *buf, size_t cap)
{
	w->buf = buf;
	w->cap = cap;
	w->len = 0;
	w->overflow = false;
}

void sim_da_tlv_put(struct da_tlv_writer *w, uint16_t type, const void *value, uint32_t len)
{
	size_t total = DA_TLV_HEADER_SIZE + da_round_to_word(len);
	uint8_t *p;

	if (w->overflow || total > w->cap - w->len) {
		w->overflow = true;
		return;
	}
	p = w->buf + w->len;
	memset(p, 0, total);
	da_put_le16(p + 2, type);
	da_put_le32(p + 4, len);
	if (len)
		memcpy(p + DA_TLV_HEADER_SIZE, value, len);
	w->len += total;
}

void sim_da_tlv_put_u32(struct da_tlv_writer *w, uint16_t type, uint32_t value)
{
	uint8_t b[4];

	da_put_le32(b, value);
	sim_da_tlv_put(w, type, b, sizeof(b));
}

void sim_da_tlv_put_u16(struct da_tlv_writer *w, uint16_t type, uint16_t value)
{
	uint8_t b[2];

	da_put_le16(b, value);
	sim_da_tlv_put(w, type, b, sizeof(b));
}

const char *sim_da_tlv_parse_single(const uint8_t *buf, size_t len, struct da_tlv *tlv)
{
	if (len < DA_TLV_HEADER_SIZE)
		return "request data is shorter than a TLV header";
	if (da_get_le16(buf) != 0)
		return "TLV reserved field is not zero";
	tlv->type = da_get_le16(buf + 2);
	tlv->len = da_get_le32(buf + 4);
	tlv->value = buf + DA_TLV_HEADER_SIZE;
	if (tlv->len > len - DA_TLV_HEADER_SIZE)
		return "TLV length exceeds the request data";
	if (DA_TLV_HEADER_SIZE + (size_t)da_round_to_word(tlv->len) != len)
		return "request data is not exactly one padded TLV";
	return NULL;
}
