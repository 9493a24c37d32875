// SPDX-License-Identifier: GPL-2.0-or-later

/* Progress lines of long flash operations (see progress.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <helper/log.h>
#include <helper/time_support.h>

#include "progress.h"

#define PROGRESS_PERIOD_MS	1000

void h5_progress_start(struct h5_progress *p, const char *what, const char *unit,
		uint32_t scale, uint32_t total)
{
	p->what = what;
	p->unit = unit;
	p->scale = scale ? scale : 1;
	p->total = total;
	p->last_ms = timeval_ms();
	p->shown = false;
}

static void show(struct h5_progress *p, uint32_t done)
{
	unsigned int percent = p->total ? (unsigned int)((uint64_t)done * 100 / p->total) : 100;

	LOG_INFO("stm32h5x: %s: %" PRIu32 " of %" PRIu32 " %s (%u%%)", p->what, done / p->scale,
		p->total / p->scale, p->unit, percent);
}

void h5_progress_update(struct h5_progress *p, uint32_t done)
{
	int64_t now = timeval_ms();

	/* the end is h5_progress_end's: an operation done in one piece prints nothing */
	if (done >= p->total || now - p->last_ms < PROGRESS_PERIOD_MS)
		return;
	p->last_ms = now;
	p->shown = true;
	p->shown_done = done;
	show(p, done);
}

void h5_progress_end(struct h5_progress *p, uint32_t done)
{
	if (p->shown && p->shown_done != done)
		show(p, done);
}
