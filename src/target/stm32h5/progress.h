/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Progress of long flash operations through OpenOCD's usual output: one line about every
 * second ("stm32h5x: programming: 384 of 1024 KiB (37%)"), none for operations that end
 * within the first second or in one piece, and a closing line when any was shown. Used by the stm32h5x flash
 * driver's writes and sector erases, and so by everything built on them (provisioning).
 */

#ifndef OPENOCD_TARGET_STM32H5_PROGRESS_H
#define OPENOCD_TARGET_STM32H5_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>

struct h5_progress {
	const char *what;	/* "programming", "erasing" */
	const char *unit;	/* "KiB", "sectors" */
	uint32_t total;
	uint32_t scale;		/* bytes per unit shown (1024 for KiB, 1 for sectors) */
	int64_t last_ms;
	bool shown;
	uint32_t shown_done;	/* the value of the last line */
};

void h5_progress_start(struct h5_progress *p, const char *what, const char *unit,
		uint32_t scale, uint32_t total);
/* done so far, in the caller's units (bytes, sectors); prints at most once a second */
void h5_progress_update(struct h5_progress *p, uint32_t done);
/* the closing line, only if a progress line was shown */
void h5_progress_end(struct h5_progress *p, uint32_t done);

#endif /* OPENOCD_TARGET_STM32H5_PROGRESS_H */
