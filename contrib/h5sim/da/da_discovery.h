/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim DA: the DISCOVERY answer, a padded TLV list per part and state
 * (h5-debug-auth.md §3, in the order of ST's N6 emulation).
 */

#ifndef H5SIM_DA_DISCOVERY_H
#define H5SIM_DA_DISCOVERY_H

#include <stddef.h>
#include <stdint.h>

#include "da_device.h"
#include "da_provisioning.h"

#define DA_DISCOVERY_MAX_SIZE	256u

/* Writes the TLV list into buf; returns its size in bytes (a multiple of 4), 0 if it did not fit */
size_t sim_da_discovery_build(const struct da_chip *chip, const struct da_provisioning *prov,
			  uint8_t product_state, uint8_t *buf, size_t cap);

#endif /* H5SIM_DA_DISCOVERY_H */
