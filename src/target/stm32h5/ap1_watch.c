// SPDX-License-Identifier: GPL-2.0-or-later

/* Quiet polling while AP1 is closed (see ap1_watch.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdlib.h>

#include <helper/log.h>
#include <target/arm_adi_v5.h>
#include <target/target.h>
#include <transport/transport.h>

#include "ap1_watch.h"
#include "openocd_compat.h"

#define DBGMCU_SR_AP0		0xE00440FC	/* DBGMCU_SR seen from AP0 */
#define SR_AP1_ENABLED		0x00020000u	/* AP_ENABLED[31:16], bit n = APn */
#define WATCH_PERIOD_MS		500

struct ap1_watch {
	struct target *target;
	bool paused;		/* AP1 closed: the target left unexamined on purpose */
	struct ap1_watch *next;
};

static struct ap1_watch *watches;

/* DBGMCU_SR through AP0, quietly; false if it cannot be read (hla, no DAP, link down) */
static bool read_sr(struct target *target, uint32_t *sr)
{
	struct adiv5_private_config *pc = target->private_config;
	struct adiv5_ap *ap0;
	int rv;

	if (transport_is_hla() || !pc || !pc->dap)
		return false;
	ap0 = dap_get_ap(pc->dap, 0);
	if (!ap0)
		return false;
	rv = mem_ap_read_atomic_u32(ap0, DBGMCU_SR_AP0, sr);
	dap_put_ap(ap0);
	return rv == ERROR_OK;
}

static struct ap1_watch *find(struct target *target)
{
	for (struct ap1_watch *w = watches; w; w = w->next)
		if (w->target == target)
			return w;
	return NULL;
}

/* Leaves the target unexamined and unpolled until on_timer sees AP1 open again */
static void pause_polling(struct ap1_watch *w, uint32_t sr)
{
	w->paused = true;
	H5_POLL_PAUSE(w->target);	/* no re-examination, nor polling (see openocd_compat.h) */
	w->target->examined = false;	/* commands see the core as unexamined meanwhile */
	LOG_USER("stm32h5x: %s: the core's access port is closed (closed product state, or the "
		"boot ROM serving Debug Authentication); polling paused until it opens "
		"(DBGMCU_SR 0x%08" PRIx32 ")", target_name(w->target), sr);
}

/* A failed poll (0.12.0) or the failed examination that follows it (master): see
 * openocd_compat.h; the event comes before the poller tries again */
static int on_event(struct target *target, enum target_event event, void *priv)
{
	struct ap1_watch *w;
	uint32_t sr;

	if (event != H5_POLL_FAILED_EVENT)
		return ERROR_OK;
	w = find(target);
	if (!w || w->paused || !read_sr(target, &sr) || (sr & SR_AP1_ENABLED))
		return ERROR_OK;
	pause_polling(w, sr);
	return ERROR_OK;
}

static int on_timer(void *priv)
{
	for (struct ap1_watch *w = watches; w; w = w->next) {
		uint32_t sr;

		if (!w->paused || !read_sr(w->target, &sr) || !(sr & SR_AP1_ENABLED))
			continue;
		if (!target_was_examined(w->target) && target_examine_one(w->target) != ERROR_OK)
			continue;
		w->paused = false;
		LOG_USER("stm32h5x: %s: the core's access port is open again; polling resumed",
			target_name(w->target));
	}
	return ERROR_OK;
}

void stm32h5_ap1_watch(struct target *target)
{
	struct ap1_watch *w;

	if (!target || find(target))
		return;
	w = calloc(1, sizeof(*w));
	if (!w)
		return;
	if (!watches) {
		target_register_event_callback(on_event, NULL);
		target_register_timer_callback(on_timer, WATCH_PERIOD_MS,
			TARGET_TIMER_TYPE_PERIODIC, NULL);
	}
	w->target = target;
	w->next = watches;
	watches = w;
}

void stm32h5_ap1_watch_closed(struct target *target, uint32_t sr)
{
	struct ap1_watch *w = find(target);

	if (w && !w->paused && !(sr & SR_AP1_ENABLED))
		pause_polling(w, sr);
}
