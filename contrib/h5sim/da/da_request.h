/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim DA: assembly of one request packet from mailbox words (h5-debug-auth.md §2.1):
 * word 0 = command << 16, word 1 = data_count, then data_count data words.
 *
 * data_count counts 32-bit words, or bytes in the compatibility mode ([U] §9.3). A request
 * larger than the buffer is read to its end and discarded (then answered INVALID_PARAMETERS);
 * a data_count beyond DA_REQUEST_DRAIN_LIMIT_WORDS is rejected at once, and the next word
 * starts a new request, so a garbage header cannot hang the device for billions of words.
 */

#ifndef H5SIM_DA_REQUEST_H
#define H5SIM_DA_REQUEST_H

#include <stdbool.h>
#include <stdint.h>

#define DA_REQUEST_MAX_WORDS		256u	/* 1 KiB; a certificate request is 55 words */
#define DA_REQUEST_DRAIN_LIMIT_WORDS	4096u

enum da_request_progress {
	DA_REQUEST_INCOMPLETE,
	DA_REQUEST_COMPLETE,		/* header and all data received */
	DA_REQUEST_REJECTED,		/* header announces an absurd size: answer at once */
};

struct da_request {
	unsigned int header_words;
	uint32_t header[2];
	uint32_t data_expected;		/* words */
	uint32_t data_received;		/* words */
	bool oversized;			/* data discarded */
	bool count_not_words;		/* byte count not a multiple of 4 (bytes mode) */
	uint32_t data[DA_REQUEST_MAX_WORDS];
};

void sim_da_request_reset(struct da_request *req);
enum da_request_progress sim_da_request_feed(struct da_request *req, uint32_t word,
					 bool count_in_bytes);
/* True while some words of a request have been received */
bool sim_da_request_in_progress(const struct da_request *req);

#endif /* H5SIM_DA_REQUEST_H */
