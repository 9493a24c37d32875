/* SPDX-License-Identifier: GPL-2.0-or-later */

/* h5sim: the bus side of the flash model: FLASH register blocks and the flash windows. */

#ifndef H5SIM_FLASH_BUS_H
#define H5SIM_FLASH_BUS_H

#include "bus.h"

#define FLASH_REGS_NS	0x40022000u
#define FLASH_REGS_S	0x50022000u
#define FLASH_REGS_SIZE	0x400u
#define FLASH_OPTCR	0x01Cu

extern const struct bus_region_ops flash_regs_ns_ops;	/* opaque: struct h5sim_chip */
extern const struct bus_region_ops flash_regs_s_ops;
extern const struct bus_region_ops flash_window_ops;	/* size 0: claims() = h5flash_owns */

#endif /* H5SIM_FLASH_BUS_H */
