// SPDX-License-Identifier: GPL-2.0-or-later

/* STM32H5 Debug Authentication session steps in OpenOCD (see da_session.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>

#include <helper/log.h>
#include <helper/time_support.h>
#include <target/target.h>

#include "da_session.h"

#define FLASH_OPTSR_CUR		0x40022050	/* non-secure FLASH block + 0x50 */
#define OPTSR_PRODUCT_STATE(v)	(((v) >> 8) & 0xFF)

static void log_progress(void *ctx, const char *line)
{
	LOG_INFO("stm32h5x da: %s", line);
}

enum da_err da_session_open(struct da_session *ss, struct target *target,
		const struct da_settings *settings, bool enter, struct da_diag *diag)
{
	enum da_err err;

	memset(ss, 0, sizeof(*ss));
	err = da_transport_open(target, settings, &ss->transport, &ss->idcode, diag);
	if (err != DA_OK)
		return err;
	ss->open = true;
	ss->link.ops = &da_transport_link_ops;
	ss->link.ctx = &ss->transport;
	ss->link.settings = settings;
	ss->link.progress = log_progress;
	LOG_DEBUG("stm32h5x da: DBGMCU_IDCODE 0x%08" PRIx32, ss->idcode);

	if (enter) {
		bool answered;
		uint32_t answer, sr;

		err = da_transport_enter(&ss->transport, &answered, &answer, diag);
		if (err != DA_OK) {
			da_session_close(ss);
			return err;
		}
		if (answered)
			LOG_INFO("stm32h5x da: device answered the entry word with 0x%08" PRIx32
				"%s", answer, answer == settings->entry_word ? " (echo)" : "");
		else
			LOG_INFO("stm32h5x da: no answer word to the entry sequence (none needed)");
		if (da_transport_read(&ss->transport, DA_DBGMCU_SR, &sr, NULL) == DA_OK
				&& (sr & DA_DBGMCU_SR_AP1_ENABLED)) {
			ss->ap1_open_after_entry = true;
			LOG_INFO("stm32h5x da: AP1 is enabled after the entry sequence "
				"(DBGMCU_SR 0x%08" PRIx32 "): the chip booted instead of staying in "
				"RSS_DA", sr);
		}
	}
	return DA_OK;
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
