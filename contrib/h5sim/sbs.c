// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim: SBS. HDPLCR (0x10): writing 0x6A raises the HDPL by one (never down; a reset
 * returns to the boot value, a setting because what a debugger sees after reset is [U]).
 * HDPLSR (0x14) reads the code (0xB4/0x51/0x8A/0x6F). NEXTHDPLCR (0x18) keeps NEXTHDPL[1:0].
 * DBGCR (0x20) is writable until DBGLOCKR (0x24) receives 0xC3. Other offsets are storage.
 * Every HDPL / OBK-HDPL change is passed on (to the flash model's OBK and HDP checks).
 */

#include "sbs.h"

#define SBS_HDPLCR	0x10
#define SBS_HDPLSR	0x14
#define SBS_NEXTHDPLCR	0x18
#define SBS_DBGCR	0x20
#define SBS_DBGLOCKR	0x24

static const uint8_t hdpl_codes[4] = { SBS_HDPL0, SBS_HDPL1, SBS_HDPL2, SBS_HDPL3 };

unsigned int sbs_hdpl_level(const struct h5sim_sbs *s)
{
	for (unsigned int i = 0; i < 4; i++)
		if (hdpl_codes[i] == s->hdpl)
			return i;
	return 0;
}

static void notify(struct h5sim_sbs *s)
{
	unsigned int hdpl = sbs_hdpl_level(s);
	unsigned int obk = hdpl + s->nexthdpl;

	if (s->hdpl_changed)
		s->hdpl_changed(s->ctx, hdpl, obk > 3 ? 3 : obk);
}

void sbs_reset(struct h5sim_sbs *s)
{
	s->hdpl = s->hdpl_at_boot;
	s->nexthdpl = 0;
	s->dbgcr = 0;
	s->dbgcfg_locked = false;
	for (unsigned int i = 0; i < SBS_SIZE / 4; i++)
		s->other[i] = 0;
	notify(s);
}

static uint32_t sbs_word(const struct h5sim_sbs *s, uint32_t off)
{
	switch (off) {
	case SBS_HDPLCR:
		return 0;
	case SBS_HDPLSR:
		return s->hdpl;
	case SBS_NEXTHDPLCR:
		return s->nexthdpl;
	case SBS_DBGCR:
		return s->dbgcr;
	case SBS_DBGLOCKR:
		return s->dbgcfg_locked ? 0xC3 : 0xB4;
	default:
		return s->other[off / 4];
	}
}

static enum bus_result sbs_read(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t *value)
{
	uint32_t w = sbs_word(opaque, off & ~3u);

	*value = (w >> (8 * (off & 3))) & (size == 4 ? 0xFFFFFFFFu : (1u << (8 * size)) - 1);
	return BUS_OK;
}

static enum bus_result sbs_write(void *opaque, uint32_t off, unsigned int size,
		const struct bus_access *acc, uint32_t value)
{
	struct h5sim_sbs *s = opaque;

	if (size != 4)
		return BUS_OK;
	switch (off) {
	case SBS_HDPLCR:
		if ((value & 0xFF) == 0x6A) {
			unsigned int lvl = sbs_hdpl_level(s);
			if (lvl < 3)
				s->hdpl = hdpl_codes[lvl + 1];
			notify(s);
		}
		break;
	case SBS_HDPLSR:
		break;
	case SBS_NEXTHDPLCR:
		s->nexthdpl = value & 3;
		notify(s);
		break;
	case SBS_DBGCR:
		if (!s->dbgcfg_locked)
			s->dbgcr = value;
		break;
	case SBS_DBGLOCKR:
		if ((value & 0xFF) == 0xC3)
			s->dbgcfg_locked = true;
		break;
	default:
		s->other[off / 4] = value;
		break;
	}
	return BUS_OK;
}

const struct bus_region_ops sbs_ops = {
	.read = sbs_read,
	.write = sbs_write,
};
