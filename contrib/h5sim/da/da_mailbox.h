/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim DA: the DBGMCU mailbox (DBG_AUTH_HOST, DBG_AUTH_DEVICE, DBG_AUTH_ACK) and its word
 * flow control (h5-debug-auth.md §1.3). The device side owns a queue of outgoing words; the
 * mailbox shows them to the host one at a time.
 *
 * Flow control as modelled (ST firmware semantics, bits swappable by da_settings.ack_swapped):
 * - host word pending bit (bit0, or bit1 when swapped): set by hardware when the host writes
 *   DBG_AUTH_HOST, cleared when the device takes the word. Host writes to it are ignored.
 * - device word pending bit (bit1, or bit0 when swapped): set when the device places a word in
 *   DBG_AUTH_DEVICE; cleared by the host reading DBG_AUTH_DEVICE, or by the host writing 0 to
 *   it (both host styles of §1.3 work). With dev_flag_by_host the read leaves it set and only
 *   the host's write clears it (a host that never clears it reads the same word again).
 * - the next queued device word is placed on the first ACK read after the previous one was
 *   consumed (the device firmware needs "some time"), so a host that reads ACK again after
 *   reading a word to decide whether to clear the bit never drops the next word.
 */

#ifndef H5SIM_DA_MAILBOX_H
#define H5SIM_DA_MAILBOX_H

#include <stdbool.h>
#include <stdint.h>

#define DA_MAILBOX_QUEUE_WORDS	128

struct da_mailbox {
	bool ack_swapped;
	bool dev_flag_by_host;		/* a read of DBG_AUTH_DEVICE does not clear the flag */
	uint32_t host_word;
	bool host_pending;
	uint32_t device_word;
	bool device_pending;
	uint32_t queue[DA_MAILBOX_QUEUE_WORDS];
	unsigned int queue_head;
	unsigned int queue_len;
};

void sim_da_mailbox_init(struct da_mailbox *mbx, bool ack_swapped, bool dev_flag_by_host);
/* Device-side reset: drops the outgoing words; the host word register keeps its value
 * (the host writes the entry word while NRST is asserted). */
void sim_da_mailbox_reset_device_side(struct da_mailbox *mbx);

/* Bit masks of the two flags for the configured polarity */
uint32_t sim_da_mailbox_host_bit(const struct da_mailbox *mbx);
uint32_t sim_da_mailbox_device_bit(const struct da_mailbox *mbx);

/* Host (AP0) accesses */
uint32_t sim_da_mailbox_read_ack(struct da_mailbox *mbx);
void sim_da_mailbox_write_ack(struct da_mailbox *mbx, uint32_t value);
void sim_da_mailbox_write_host(struct da_mailbox *mbx, uint32_t word);
uint32_t sim_da_mailbox_read_device(struct da_mailbox *mbx);

/* Device side */
bool sim_da_mailbox_take_host_word(struct da_mailbox *mbx, uint32_t *word);
/* Queues words for the host; false (nothing queued) if they do not fit. */
bool sim_da_mailbox_send(struct da_mailbox *mbx, const uint32_t *words, unsigned int count);
/* True when every queued word has been consumed by the host */
bool sim_da_mailbox_drained(const struct da_mailbox *mbx);
unsigned int sim_da_mailbox_words_waiting(const struct da_mailbox *mbx);

#endif /* H5SIM_DA_MAILBOX_H */
