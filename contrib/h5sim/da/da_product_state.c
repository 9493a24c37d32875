// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim DA: product-state table for the DA ROM.
 *
 * Entry policy: "DA can be used when the STM32 is in product state PROVISIONING up to
 * CLOSED", not in OPEN and not in LOCKED [C] (h5-debug-auth.md §3). Modelling choice for
 * LOCKED: the ROM enters DA mode and answers DISCOVERY (so a host can report the lifecycle,
 * as ST's da.py does from the discovery lifecycle), and refuses every other command with
 * UNAUTHORIZED. Transient (REGRESSION, NS_REGRESSION) and invalid codes boot like OPEN [U].
 *
 * PSA lifecycle encoding [I]/[U]: psa major state (ACS adac_util.h) | product-state byte,
 * sent as 2 little-endian bytes, the pattern of ST's N6 emulation ({0x17, 0x20} for
 * PROVISIONING). The major state per product state is a modelling choice.
 */

#include <stddef.h>

#include "da_product_state.h"

#define DA_PSA_ASSEMBLY_AND_TEST	0x1000
#define DA_PSA_ROT_PROVISIONING		0x2000
#define DA_PSA_SECURED			0x3000

static const struct sim_da_product_state_info da_product_states[] = {
	{ DA_PS_OPEN, "OPEN", DA_ENTRY_BOOT, DA_PSA_ASSEMBLY_AND_TEST | DA_PS_OPEN },
	{ DA_PS_PROVISIONING, "PROVISIONING", DA_ENTRY_SERVE,
	  DA_PSA_ROT_PROVISIONING | DA_PS_PROVISIONING },
	{ DA_PS_IROT_PROVISIONED, "IROT_PROVISIONED", DA_ENTRY_SERVE,
	  DA_PSA_ROT_PROVISIONING | DA_PS_IROT_PROVISIONED },
	{ DA_PS_TZ_CLOSED, "TZ_CLOSED", DA_ENTRY_SERVE, DA_PSA_SECURED | DA_PS_TZ_CLOSED },
	{ DA_PS_CLOSED, "CLOSED", DA_ENTRY_SERVE, DA_PSA_SECURED | DA_PS_CLOSED },
	{ DA_PS_LOCKED, "LOCKED", DA_ENTRY_REFUSE, DA_PSA_SECURED | DA_PS_LOCKED },
	{ DA_PS_REGRESSION, "REGRESSION", DA_ENTRY_BOOT, DA_PS_REGRESSION },
	{ DA_PS_NS_REGRESSION, "NS_REGRESSION", DA_ENTRY_BOOT, DA_PS_NS_REGRESSION },
};

static const struct sim_da_product_state_info da_product_state_invalid = {
	0, "INVALID", DA_ENTRY_BOOT, 0
};

const struct sim_da_product_state_info *sim_da_product_state_info(uint8_t code)
{
	for (size_t i = 0; i < sizeof(da_product_states) / sizeof(da_product_states[0]); i++)
		if (da_product_states[i].code == code)
			return &da_product_states[i];
	return &da_product_state_invalid;
}
