// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim DA: DISCOVERY TLV list.
 *
 * Values and choices:
 * - ADAC_AUTH_VERSION {1,0}, SDA_ID {2,4,0,0}, TOKEN_FORMATS 0x0200, CERT_FORMATS 0x0201 [C];
 * - VENDOR_ID bytes {0x20, 0x00} (ST N6 order; MP21 uses the other order, [U] on H5);
 * - SOC_CLASS = DBGMCU DEV_ID (4 bytes) [I]; SOC_ID = 96-bit UID then a zero word [C] (log);
 * - HW_PERMISSIONS_MASK = the provisioned permission word (bit 14 only in password mode,
 *   0 when nothing valid is provisioned), upper 96 bits zero;
 * - PSA_LIFECYCLE from the product-state table (da_product_state.c) [I]/[U];
 * - CRYPTOSYSTEMS 0x01 when certificates are used (TZEN on), 0x80 password otherwise [C];
 * - ST provisioning integrity 0xEAEAEAEA when valid, 0xF5F5F5F5 otherwise [I];
 * - ST HDPL1/2/3 status 0x00000001 / 0xFFFFFFFF / 0xFFFFFFFF, the values printed in the one
 *   published CubeProgrammer log; their meaning is [U].
 */

#include <string.h>

#include "da_adac.h"
#include "da_discovery.h"
#include "da_product_state.h"
#include "da_tlv.h"

#define DA_VENDOR_ST_JEP106	0x20
#define DA_HDPL1_STATUS		0x00000001u
#define DA_HDPL23_STATUS	0xFFFFFFFFu

size_t sim_da_discovery_build(const struct da_chip *chip, const struct da_provisioning *prov,
			  uint8_t product_state, uint8_t *buf, size_t cap)
{
	static const uint8_t auth_version[2] = { 1, 0 };
	static const uint8_t vendor_id[2] = { DA_VENDOR_ST_JEP106, 0x00 };
	static const uint8_t sda_id[4] = { 2, 4, 0, 0 };
	uint8_t soc_id[16] = { 0 };
	uint8_t mask[DA_PERMISSIONS_SIZE] = { 0 };
	uint8_t cryptosystem;
	struct da_tlv_writer w;

	memcpy(soc_id, chip->uid, sizeof(chip->uid));
	if (prov->valid)
		da_put_le32(mask, prov->permissions);
	cryptosystem = prov->method == DA_METHOD_CERTIFICATE ?
		DA_CRYPTOSYSTEM_ECDSA_P256_SHA256 : DA_CRYPTOSYSTEM_ST_PASSWORD;

	sim_da_tlv_writer_init(&w, buf, cap);
	sim_da_tlv_put(&w, DA_TLV_AUTH_VERSION, auth_version, sizeof(auth_version));
	sim_da_tlv_put(&w, DA_TLV_VENDOR_ID, vendor_id, sizeof(vendor_id));
	sim_da_tlv_put_u32(&w, DA_TLV_SOC_CLASS, chip->dev_id);
	sim_da_tlv_put(&w, DA_TLV_SOC_ID, soc_id, sizeof(soc_id));
	sim_da_tlv_put(&w, DA_TLV_HW_PERMISSIONS_MASK, mask, sizeof(mask));
	sim_da_tlv_put_u16(&w, DA_TLV_PSA_LIFECYCLE,
		       sim_da_product_state_info(product_state)->psa_lifecycle);
	sim_da_tlv_put(&w, DA_TLV_SDA_ID, sda_id, sizeof(sda_id));
	sim_da_tlv_put_u16(&w, DA_TLV_TOKEN_FORMATS, DA_TLV_PSA_BINARY_TOKEN);
	sim_da_tlv_put_u16(&w, DA_TLV_CERT_FORMATS, DA_TLV_PSA_BINARY_CRT);
	sim_da_tlv_put(&w, DA_TLV_CRYPTOSYSTEMS, &cryptosystem, 1);
	sim_da_tlv_put_u32(&w, DA_TLV_ST_PASSWORD,
		       prov->valid ? DA_INTEGRITY_VALID : DA_INTEGRITY_INVALID);
	sim_da_tlv_put_u32(&w, DA_TLV_ST_HDPL1_STATUS, DA_HDPL1_STATUS);
	sim_da_tlv_put_u32(&w, DA_TLV_ST_HDPL2_STATUS, DA_HDPL23_STATUS);
	sim_da_tlv_put_u32(&w, DA_TLV_ST_HDPL3_STATUS, DA_HDPL23_STATUS);
	return w.overflow ? 0 : w.len;
}
