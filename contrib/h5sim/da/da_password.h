/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim DA: ST password authentication (h5-debug-auth.md §4.1): SHA-256 of the password
 * TLV value compared with the provisioned hash (OBK blob or H503 OTP).
 */

#ifndef H5SIM_DA_PASSWORD_H
#define H5SIM_DA_PASSWORD_H

#include <stdint.h>

#include "da_provisioning.h"

/* [U] §9.9: 4..16 bytes accepted (TPC XML MinWidth 4 / Width 16; N6 limits) */
#define DA_PASSWORD_MIN_LEN	4u
#define DA_PASSWORD_MAX_LEN	16u

/* Returns a status code; *problem names the reason when not SUCCESS */
uint16_t sim_da_password_check(const struct da_provisioning *prov, const uint8_t *password,
			   uint32_t len, const char **problem);

#endif /* H5SIM_DA_PASSWORD_H */
