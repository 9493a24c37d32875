/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * "stm32h5x da trace FILE | off": a transcript of the DBGMCU mailbox for hardware reports.
 * Every word the host writes to DBG_AUTH_HOST or reads from DBG_AUTH_DEVICE is one line:
 *
 * | column    | content                                                        |
 * |-----------|----------------------------------------------------------------|
 * | time      | milliseconds since the trace started                           |
 * | direction | "host>dev" or "dev>host", or "note" for entry-sequence steps   |
 * | word      | 0x........, or "<redacted>" for password and signature words   |
 * | ack       | DBG_AUTH_ACK as seen when the word was written or read         |
 *
 * Request headers (command, data_count) are always shown; the data words of a request that
 * carries a password or a token signature are not. The file is written as it goes (flushed
 * per line), so a hung session still leaves its transcript.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_TRACE_H
#define OPENOCD_TARGET_STM32H5_DA_TRACE_H

#include <stdbool.h>
#include <stdint.h>

#include <helper/command.h>

/* One mailbox word (redacted: the word's value is not written) */
void da_trace_word(bool to_device, uint32_t word, uint32_t ack, bool redacted);

/* One line about the entry sequence or the session ("NRST asserted") */
void da_trace_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The handler of "stm32h5x da trace", registered in da_commands.c */
__COMMAND_HANDLER(stm32h5_da_trace_handler);

#endif /* OPENOCD_TARGET_STM32H5_DA_TRACE_H */
