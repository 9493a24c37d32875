// SPDX-License-Identifier: GPL-2.0-or-later

/* h5sim DA: DBGMCU mailbox registers and ACK flow control (see da_mailbox.h). */

#include <string.h>

#include "da_mailbox.h"

#define DA_ACK_BIT0	0x1u
#define DA_ACK_BIT1	0x2u

void sim_da_mailbox_init(struct da_mailbox *mbx, bool ack_swapped, bool dev_flag_by_host)
{
	memset(mbx, 0, sizeof(*mbx));
	mbx->ack_swapped = ack_swapped;
	mbx->dev_flag_by_host = dev_flag_by_host;
}

void sim_da_mailbox_reset_device_side(struct da_mailbox *mbx)
{
	mbx->device_pending = false;
	mbx->queue_head = 0;
	mbx->queue_len = 0;
}

uint32_t sim_da_mailbox_host_bit(const struct da_mailbox *mbx)
{
	return mbx->ack_swapped ? DA_ACK_BIT1 : DA_ACK_BIT0;
}

uint32_t sim_da_mailbox_device_bit(const struct da_mailbox *mbx)
{
	return mbx->ack_swapped ? DA_ACK_BIT0 : DA_ACK_BIT1;
}

static void da_mailbox_place_next(struct da_mailbox *mbx)
{
	if (mbx->device_pending || mbx->queue_len == 0)
		return;
	mbx->device_word = mbx->queue[mbx->queue_head];
	mbx->queue_head = (mbx->queue_head + 1) % DA_MAILBOX_QUEUE_WORDS;
	mbx->queue_len--;
	mbx->device_pending = true;
}

uint32_t sim_da_mailbox_read_ack(struct da_mailbox *mbx)
{
	uint32_t ack = 0;

	/* Flags as they are now; the next device word arrives for the following read */
	if (mbx->host_pending)
		ack |= sim_da_mailbox_host_bit(mbx);
	if (mbx->device_pending)
		ack |= sim_da_mailbox_device_bit(mbx);
	da_mailbox_place_next(mbx);
	return ack;
}

void sim_da_mailbox_write_ack(struct da_mailbox *mbx, uint32_t value)
{
	/* Only the host's "I have read DBG_AUTH_DEVICE" acknowledgement has an effect */
	if (!(value & sim_da_mailbox_device_bit(mbx)))
		mbx->device_pending = false;
}

void sim_da_mailbox_write_host(struct da_mailbox *mbx, uint32_t word)
{
	mbx->host_word = word;
	mbx->host_pending = true;
}

uint32_t sim_da_mailbox_read_device(struct da_mailbox *mbx)
{
	if (!mbx->dev_flag_by_host)
		mbx->device_pending = false;
	return mbx->device_word;
}

bool sim_da_mailbox_take_host_word(struct da_mailbox *mbx, uint32_t *word)
{
	if (!mbx->host_pending)
		return false;
	*word = mbx->host_word;
	mbx->host_pending = false;
	return true;
}

bool sim_da_mailbox_send(struct da_mailbox *mbx, const uint32_t *words, unsigned int count)
{
	if (count > DA_MAILBOX_QUEUE_WORDS - mbx->queue_len)
		return false;
	for (unsigned int i = 0; i < count; i++) {
		unsigned int slot = (mbx->queue_head + mbx->queue_len) % DA_MAILBOX_QUEUE_WORDS;

		mbx->queue[slot] = words[i];
		mbx->queue_len++;
	}
	/* The first word of a message is in the register at once */
	da_mailbox_place_next(mbx);
	return true;
}

bool sim_da_mailbox_drained(const struct da_mailbox *mbx)
{
	return !mbx->device_pending && mbx->queue_len == 0;
}

unsigned int sim_da_mailbox_words_waiting(const struct da_mailbox *mbx)
{
	return mbx->queue_len + (mbx->device_pending ? 1 : 0);
}
