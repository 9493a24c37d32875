// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: MEM-AP. CSW.Size selects 8/16/32-bit transfers (fixed 32 on the APB-AP); AddrInc
 * "single" advances TAR by the transfer size after each DRW access; "packed" is refused
 * (stored as "single", so a debugger reading CSW back sees no packed support). DRW data sits
 * on the byte lanes selected by TAR[1:0]. BD0..BD3 reach TAR[31:4] + 0x0..0xC without
 * incrementing. The gated AP (AP1) reports DeviceEn = 0 and refuses every transfer while the
 * chip closes it, and refuses secure transfers (CSW.HNONSEC = 0) when only non-secure debug
 * is open; CSW.SPIStatus (bit 23) tells whether secure debug is allowed. An absent AP (fault
 * --fault-no-ap0) reads as zeros and fails every transfer.
 */

#include "chip.h"
#include "mem_ap.h"

#define AP_CSW		0x00
#define AP_TAR		0x04
#define AP_DRW		0x0C
#define AP_BD0		0x10
#define AP_BD3		0x1C
#define AP_CFG		0xF4
#define AP_BASE		0xF8
#define AP_IDR		0xFC

#define CSW_SIZE	0x7u
#define CSW_ADDRINC	(3u << 4)
#define CSW_INC_SINGLE	(1u << 4)
#define CSW_INC_PACKED	(2u << 4)
#define CSW_DEVICEEN	(1u << 6)
#define CSW_SPISTATUS	(1u << 23)
#define CSW_HPROT1	(1u << 25)
#define CSW_HNONSEC	(1u << 30)
#define CSW_WRITABLE	(CSW_SIZE | CSW_ADDRINC | 0x00000F00u | 0xFF000000u)

void mem_ap_reset(struct mem_ap *ap)
{
	ap->csw = ap->csw_reset;
	ap->tar = 0;
}

static enum ap1_gate gate(const struct mem_ap *ap)
{
	return ap->gated ? chip_ap1_gate(ap->chip) : AP1_FULL;
}

static uint32_t csw_value(const struct mem_ap *ap)
{
	uint32_t v = ap->csw & ~(CSW_DEVICEEN | CSW_SPISTATUS);
	enum ap1_gate g = gate(ap);

	if (g != AP1_CLOSED)
		v |= CSW_DEVICEEN;
	if (!ap->apb && g == AP1_FULL && ap->chip->part->trustzone)
		v |= CSW_SPISTATUS;
	return v;
}

static unsigned int transfer_size(const struct mem_ap *ap)
{
	switch (ap->csw & CSW_SIZE) {
	case 0:
		return 1;
	case 1:
		return 2;
	default:
		return 4;
	}
}

static bool transfer_allowed(const struct mem_ap *ap, struct bus_access *acc)
{
	enum ap1_gate g = gate(ap);

	acc->debugger = true;
	acc->privileged = ap->apb || (ap->csw & CSW_HPROT1);
	acc->secure = !ap->apb && !(ap->csw & CSW_HNONSEC);
	if (ap->apb)
		acc->secure = true;
	if (g == AP1_CLOSED)
		return false;
	if (g == AP1_NS_ONLY && acc->secure)
		return false;
	return true;
}

static enum bus_result transfer(struct mem_ap *ap, uint32_t addr, bool write, uint32_t *data,
		bool increment)
{
	struct bus_access acc;
	unsigned int size = transfer_size(ap);
	enum bus_result r;

	if (!transfer_allowed(ap, &acc))
		return BUS_ERROR;
	if (addr & (size - 1))
		return BUS_ERROR;	/* unaligned transfers are not supported */
	uint32_t shift = 8 * (addr & 3);
	uint32_t mask = size == 4 ? 0xFFFFFFFFu : (1u << (8 * size)) - 1;
	if (write) {
		r = bus_write(ap->bus, addr, size, &acc, (*data >> shift) & mask);
	} else {
		uint32_t v = 0;
		r = bus_read(ap->bus, addr, size, &acc, &v);
		*data = (v & mask) << shift;
	}
	if (increment && (ap->csw & CSW_ADDRINC) == CSW_INC_SINGLE)
		ap->tar += size;
	return r;
}

enum bus_result mem_ap_read(struct mem_ap *ap, uint32_t reg, uint32_t *value)
{
	*value = 0;
	if (ap->absent)
		return reg == AP_DRW || (reg >= AP_BD0 && reg <= AP_BD3) ? BUS_ERROR : BUS_OK;
	switch (reg) {
	case AP_CSW:
		*value = csw_value(ap);
		return BUS_OK;
	case AP_TAR:
		*value = ap->tar;
		return BUS_OK;
	case AP_DRW:
		return transfer(ap, ap->tar, false, value, true);
	case AP_CFG:
		*value = ap->cfg;
		return BUS_OK;
	case AP_BASE:
		*value = ap->base;
		return BUS_OK;
	case AP_IDR:
		*value = ap->idr;
		return BUS_OK;
	default:
		if (reg >= AP_BD0 && reg <= AP_BD3)
			return transfer(ap, (ap->tar & ~0xFu) | (reg - AP_BD0), false, value, false);
		return BUS_OK;
	}
}

enum bus_result mem_ap_write(struct mem_ap *ap, uint32_t reg, uint32_t value)
{
	if (ap->absent)
		return reg == AP_DRW || (reg >= AP_BD0 && reg <= AP_BD3) ? BUS_ERROR : BUS_OK;
	switch (reg) {
	case AP_CSW:
		value &= CSW_WRITABLE;
		if ((value & CSW_ADDRINC) == CSW_INC_PACKED || (value & CSW_ADDRINC) == CSW_ADDRINC)
			value = (value & ~CSW_ADDRINC) | CSW_INC_SINGLE;
		if ((value & CSW_SIZE) > 2 || ap->apb)
			value = (value & ~CSW_SIZE) | 2;
		ap->csw = value;
		return BUS_OK;
	case AP_TAR:
		ap->tar = value;
		return BUS_OK;
	case AP_DRW:
		return transfer(ap, ap->tar, true, &value, true);
	default:
		if (reg >= AP_BD0 && reg <= AP_BD3)
			return transfer(ap, (ap->tar & ~0xFu) | (reg - AP_BD0), true, &value, false);
		return BUS_OK;	/* read-only or reserved */
	}
}
