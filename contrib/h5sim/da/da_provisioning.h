/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim DA: the provisioned DA configuration the ROM authenticates against
 * (h5-debug-auth.md §4.6, §6; h5-flash-ob.md §2.4/§2.5):
 * - TrustZone parts: the 96-byte OBK-HDPL1 blob at 0x0FFD0100,
 *   [0x00] SHA-256(blob[0x20..0x60)) | [0x20] root-key hash or SHA-256(password) |
 *   [0x40] permission word (LE) | [0x44] zeros;
 * - H503 (no OBK): SHA-256(password) in OTP at 0x08FFF000.
 * The method follows the part and TZEN: certificates when TZEN = 0xB4, the password
 * otherwise and always on the H503.
 */

#ifndef H5SIM_DA_PROVISIONING_H
#define H5SIM_DA_PROVISIONING_H

#include <stdbool.h>
#include <stdint.h>

#include "da_adac.h"
#include "da_device.h"

#define DA_OBK_CONFIG_ADDR		0x0FFD0100u
#define DA_OBK_CONFIG_SIZE		96u
#define DA_OBK_CONFIG_HASH_OFFSET	0x20u
#define DA_OBK_CONFIG_PERM_OFFSET	0x40u
#define DA_OTP_PASSWORD_HASH_ADDR	0x08FFF000u

/* ST provisioning integrity words (discovery TLV 0x8000) */
#define DA_INTEGRITY_VALID	0xEAEAEAEAu
#define DA_INTEGRITY_INVALID	0xF5F5F5F5u	/* [I] RSSLIB error value */

enum da_method {
	DA_METHOD_PASSWORD,
	DA_METHOD_CERTIFICATE,
};

struct da_provisioning {
	enum da_method method;
	bool valid;			/* readable and integrity-checked */
	const char *problem;		/* why not valid (for logs), NULL when valid */
	uint8_t hash[DA_SHA256_SIZE];	/* root-key hash or password hash */
	uint32_t permissions;		/* what the provisioning allows (bit 14 only for passwords) */
};

void sim_da_provisioning_load(const struct da_chip *chip, struct da_provisioning *prov);
const char *sim_da_method_name(enum da_method method);

#endif /* H5SIM_DA_PROVISIONING_H */
