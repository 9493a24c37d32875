/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim DA: the DA device state shared by the files of the DA model (not part of the
 * contract: the rest of the simulator sees only da_device.h).
 */

#ifndef H5SIM_DA_PRIVATE_H
#define H5SIM_DA_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

#include "da_auth.h"
#include "da_device.h"
#include "da_mailbox.h"
#include "da_permissions.h"
#include "da_product_state.h"
#include "da_request.h"
#include "da_rng.h"

struct da_device {
	struct da_chip chip;
	struct da_settings settings;
	enum da_fault fault;
	bool in_reset;
	bool active;			/* serving DA in the boot ROM */
	uint8_t entry_state;		/* product state when DA mode was entered */
	enum da_entry_policy policy;	/* DA_ENTRY_SERVE, or DA_ENTRY_REFUSE when Locked */
	struct da_mailbox mbx;
	struct da_request req;
	struct da_auth auth;
	struct da_rng *rng;
	struct da_action pending;	/* applied once the host has read the whole response */
	bool any_command;
	uint16_t last_command;
	uint16_t last_status;
	uint32_t last_granted;
	unsigned int commands_served;
};

void sim_da_log(const struct da_device *da, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif /* H5SIM_DA_PRIVATE_H */
