// SPDX-License-Identifier: GPL-2.0-or-later

/* STM32H5 Debug Authentication session steps in OpenOCD (see da_session.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>

#include <helper/log.h>
#include <helper/time_support.h>
#include <target/target.h>

#include "ap1_watch.h"
#include "da_detect.h"
#include "da_session.h"
#include "product_state.h"

#define FLASH_OPTSR_CUR		0x40022050	/* non-secure FLASH block + 0x50 */
#define OPTSR_PRODUCT_STATE(v)	(((v) >> 8) & 0xFF)

static void log_progress(void *ctx, const char *line)
{
	LOG_INFO("stm32h5x da: %s", line);
}

/* The chip booted after the entry sequence: is it Open (read through AP1)? */
static bool device_is_open(struct da_session *ss)
{
	uint32_t optsr;

	return da_transport_read_ap1(&ss->transport, FLASH_OPTSR_CUR, &optsr, NULL) == DA_OK
		&& OPTSR_PRODUCT_STATE(optsr) == H5_PSTATE_OPEN;
}

static enum da_err enter_once(struct da_session *ss, struct da_diag *diag)
{
	enum da_err err = da_transport_enter(&ss->transport, &ss->answered, &ss->answer, diag);

	ss->entered = err == DA_OK;
	return err;
}

/* entry_word on auto: the candidates in order, each with its own NRST cycle */
static enum da_err enter_auto(struct da_session *ss, struct da_diag *diag)
{
	struct da_settings *s = &ss->used;
	enum da_err err;

	for (size_t i = 0; i < da_entry_candidate_count; i++) {
		s->entry_word = da_entry_candidates[i].word;
		err = enter_once(ss, diag);
		if (err != DA_OK)
			return err;
		if (ss->answered) {
			s->auto_mask &= ~DA_AUTO_ENTRY;
			s->detected |= DA_AUTO_ENTRY;
			return DA_OK;
		}
		LOG_DEBUG("stm32h5x da: no answer to entry word 0x%08" PRIx32, s->entry_word);
	}
	/* none answered: the device may serve DA without answering; go on with the first */
	s->entry_word = da_entry_candidates[0].word;
	return enter_once(ss, diag);
}

enum da_err da_session_open(struct da_session *ss, struct target *target,
		const struct da_settings *settings, bool enter, struct da_diag *diag)
{
	enum da_err err;

	memset(ss, 0, sizeof(*ss));
	ss->used = *settings;
	ss->used.detected = 0;
	err = da_transport_open(target, &ss->used, &ss->transport, &ss->idcode, diag);
	if (err != DA_OK)
		return err;
	ss->open = true;
	ss->link.ops = &da_transport_link_ops;
	ss->link.ctx = &ss->transport;
	ss->link.settings = &ss->used;
	ss->link.progress = log_progress;
	LOG_DEBUG("stm32h5x da: DBGMCU_IDCODE 0x%08" PRIx32, ss->idcode);

	if (enter) {
		uint32_t sr;

		if (ss->used.auto_mask & DA_AUTO_ENTRY)
			err = enter_auto(ss, diag);
		else
			err = enter_once(ss, diag);
		if (err != DA_OK) {
			da_session_close(ss);
			return err;
		}
		if (ss->answered)
			LOG_INFO("stm32h5x da: device answered the entry word with 0x%08" PRIx32
				"%s", ss->answer, ss->answer == ss->used.entry_word ? " (echo)" : "");
		else
			LOG_INFO("stm32h5x da: no answer word to the entry sequence (none needed)");
		if (da_transport_read(&ss->transport, DA_DBGMCU_SR, &sr, NULL) != DA_OK)
			sr = 0;		/* unknown: neither open nor closed for sure */
		else if (!(sr & DA_DBGMCU_SR_AP1_ENABLED))
			stm32h5_ap1_watch_closed(target, sr);	/* no poll need fail first */
		if (sr & DA_DBGMCU_SR_AP1_ENABLED) {
			ss->ap1_open_after_entry = true;
			LOG_INFO("stm32h5x da: AP1 is enabled after the entry sequence "
				"(DBGMCU_SR 0x%08" PRIx32 "): the chip booted instead of staying in "
				"its boot ROM", sr);
		}
		if (ss->ap1_open_after_entry && !ss->answered && device_is_open(ss)) {
			da_session_close(ss);
			return da_fail(diag, DA_ERR_STATE, "the device is Open: nothing to regress "
				"(Debug Authentication is served from Provisioning on; an Open "
				"device is debugged directly)");
		}
	}
	return DA_OK;
}

void da_session_describe(const struct da_session *ss, char *buf, size_t size)
{
	da_detect_describe(&ss->used, ss->answered, ss->answer, buf, size);
}

void da_session_explain(const struct da_session *ss, enum da_err err, struct da_diag *diag)
{
	if (err == DA_ERR_TIMEOUT && ss->ap1_open_after_entry)
		da_diag_prefix(diag, "no DA service (the chip booted: Open state?): ");
}

void da_session_close(struct da_session *ss)
{
	if (ss->open)
		da_transport_close(&ss->transport);
	ss->open = false;
}

enum da_err da_session_wait_core(struct da_session *ss, unsigned int timeout_ms,
		unsigned int reset_after_ms, uint8_t *pstate, bool *pstate_valid,
		struct da_diag *diag)
{
	struct target *target = ss->transport.target;
	int64_t start = timeval_ms();
	uint32_t sr = 0, optsr;
	bool pulsed = false;

	*pstate_valid = false;
	for (;;) {
		bool ap1_ready;

		alive_sleep(100);
		if (timeval_ms() - start > (int64_t)timeout_ms)
			return da_fail(diag, DA_ERR_TIMEOUT,
				"the core did not come back in %u ms (last DBGMCU_SR 0x%08x)",
				timeout_ms, sr);
		if (reset_after_ms && !pulsed && timeval_ms() - start > (int64_t)reset_after_ms) {
			struct da_diag reset_diag;

			LOG_INFO("stm32h5x da: no self-reset within %u ms: pulsing NRST",
				reset_after_ms);
			if (da_transport_pulse_reset(&ss->transport, &reset_diag) != DA_OK)
				LOG_WARNING("stm32h5x da: %s", reset_diag.text);
			pulsed = true;
		}
		if (da_transport_read(&ss->transport, DA_DBGMCU_SR, &sr, NULL) != DA_OK)
			continue;	/* still in reset or erasing */
		/* an SR without any AP_PRESENT bit is not implemented: try the core directly */
		ap1_ready = (sr & DA_DBGMCU_SR_AP1_ENABLED) || !(sr & 0xFFFF);
		if (!ap1_ready)
			continue;
		if (target_examine_one(target) != ERROR_OK)
			continue;
		break;
	}
	LOG_INFO("stm32h5x da: core examined again (DBGMCU_SR 0x%08" PRIx32 ")", sr);
	if (target_read_u32(target, FLASH_OPTSR_CUR, &optsr) == ERROR_OK) {
		*pstate = (uint8_t)OPTSR_PRODUCT_STATE(optsr);
		*pstate_valid = true;
	}
	return DA_OK;
}
