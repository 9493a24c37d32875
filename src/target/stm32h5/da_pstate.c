// SPDX-License-Identifier: GPL-2.0-or-later

/* Product state through DA discovery while AP1 is closed (see da_pstate.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>

#include <helper/log.h>

#include "da_commands.h"
#include "da_pstate.h"
#include "da_session.h"

int h5_da_read_pstate(struct target *target, uint8_t *code, char *why, size_t size)
{
	struct da_discovery disco;
	struct da_session ss;
	struct da_diag diag;
	enum da_err err;

	da_diag_clear(&diag);
	err = da_session_open(&ss, target, stm32h5_da_config(), true, &diag);
	if (err != DA_OK) {
		snprintf(why, size, "%s", diag.text);
		return ERROR_FAIL;
	}
	err = da_protocol_discover(&ss.link, &disco, &diag);
	da_session_explain(&ss, err, &diag);
	/* leave the boot ROM: the chip starts as it would have */
	da_transport_pulse_reset(&ss.transport, NULL);
	da_session_close(&ss);
	if (err != DA_OK) {
		snprintf(why, size, "Debug Authentication discovery failed: %s", diag.text);
		return ERROR_FAIL;
	}
	if (!disco.has_lifecycle) {
		snprintf(why, size, "the Debug Authentication discovery carries no lifecycle");
		return ERROR_FAIL;
	}
	*code = disco.lifecycle & 0xFF;
	return ERROR_OK;
}
