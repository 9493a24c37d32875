/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Detection of the Debug Authentication transport facts not confirmed on silicon, for the
 * settings left on "auto" (da_settings.h):
 *
 * | setting       | decided from                                               |
 * |---------------|------------------------------------------------------------|
 * | entry_word    | candidates in this order, each with its own NRST cycle,    |
 * |               | stopping at the first one the device answers               |
 * | ack_bits      | which DBG_AUTH_ACK bit the device's first word sets        |
 * | clear_dev_ack | whether that bit is still set after the word is read       |
 * | data_count    | the discovery response's length: its TLVs fill count bytes |
 *
 * No command other than DISCOVERY (which changes nothing) is sent while a setting is still
 * undecided. This file holds the candidate table, the length test and the report line; the
 * register work is in da_transport.c and da_protocol.c. Pure C.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_DETECT_H
#define OPENOCD_TARGET_STM32H5_DA_DETECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "da_settings.h"

struct da_entry_candidate {
	uint32_t word;		/* written to DBG_AUTH_HOST under NRST */
	uint32_t answer;	/* what the device is known to answer with */
	const char *name;
};

/* "STDA" (answered "STDA", ST's MP21 mailbox), then "OEDA" (answered "DAOK", ST's N6 DA) */
extern const struct da_entry_candidate da_entry_candidates[];
extern const size_t da_entry_candidate_count;

/* The 4-letter name of an entry or answer word ("STDA"), or "" if it is not 4 letters */
const char *da_detect_word_name(uint32_t word, char buf[5]);

/*
 * True when data (len bytes, a whole number of words) holds a well-formed TLV list that ends
 * exactly at len: a discovery response read as count bytes is complete.
 */
bool da_detect_tlvs_fill(const uint8_t *data, size_t len);

/*
 * One line saying which transport values a session used and how each was chosen, e.g.
 * "entry word 0x53544441 STDA (answered 0x53544441), ack_bits standard (detected), device flag
 * cleared by hardware (detected), data_count words (detected)".
 */
void da_detect_describe(const struct da_settings *used, bool answered, uint32_t answer,
		char *buf, size_t size);

#endif /* OPENOCD_TARGET_STM32H5_DA_DETECT_H */
