// SPDX-License-Identifier: GPL-2.0-or-later

/* h5sim DA: request packet assembly from mailbox words. */

#include <string.h>

#include "da_adac.h"
#include "da_request.h"

void sim_da_request_reset(struct da_request *req)
{
	req->header_words = 0;
	req->header[0] = 0;
	req->header[1] = 0;
	req->data_expected = 0;
	req->data_received = 0;
	req->oversized = false;
	req->count_not_words = false;
}

bool sim_da_request_in_progress(const struct da_request *req)
{
	return req->header_words > 0;
}

static enum da_request_progress da_request_header_done(struct da_request *req,
						       bool count_in_bytes)
{
	uint32_t count = req->header[1];

	if (count_in_bytes) {
		req->count_not_words = (count & 3u) != 0;
		req->data_expected = count / 4 + (req->count_not_words ? 1 : 0);
	} else {
		req->data_expected = count;
	}
	if (req->data_expected > DA_REQUEST_DRAIN_LIMIT_WORDS)
		return DA_REQUEST_REJECTED;
	req->oversized = req->data_expected > DA_REQUEST_MAX_WORDS;
	return req->data_expected == 0 ? DA_REQUEST_COMPLETE : DA_REQUEST_INCOMPLETE;
}

enum da_request_progress sim_da_request_feed(struct da_request *req, uint32_t word,
					 bool count_in_bytes)
{
	if (req->header_words < DA_PACKET_HEADER_WORDS) {
		req->header[req->header_words++] = word;
		if (req->header_words < DA_PACKET_HEADER_WORDS)
			return DA_REQUEST_INCOMPLETE;
		return da_request_header_done(req, count_in_bytes);
	}
	if (!req->oversized)
		req->data[req->data_received] = word;
	req->data_received++;
	return req->data_received == req->data_expected ?
		DA_REQUEST_COMPLETE : DA_REQUEST_INCOMPLETE;
}
