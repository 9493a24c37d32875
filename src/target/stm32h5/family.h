/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * STM32H5 lines as the lifecycle library and the flash driver both name them: a line decides
 * which FLASH registers and option-byte fields exist (h5-flash-ob.md §3.1, §3.2).
 */

#ifndef OPENOCD_TARGET_STM32H5_FAMILY_H
#define OPENOCD_TARGET_STM32H5_FAMILY_H

enum h5_family {
	H5_FAMILY_H503,		/* RM0492, DEV_ID 0x474: no TrustZone, no OBK, no EDATA */
	H5_FAMILY_H52X,		/* RM0481, DEV_ID 0x478: H523/H533 */
	H5_FAMILY_H56X,		/* RM0481, DEV_ID 0x484: H562/H563/H573 */
	H5_FAMILY_H54X,		/* RM0539, DEV_ID 0x47C: H543/H553 */
	H5_FAMILY_H5EF,		/* RM0517, DEV_ID 0x47A: H5E4/E5/F4/F5 */
};

#define H5_FAMILY_BIT(f)	(1u << (f))
#define H5_FAMILIES_ALL		0x1Fu
#define H5_FAMILIES_TZ		(H5_FAMILIES_ALL & ~H5_FAMILY_BIT(H5_FAMILY_H503))

#endif /* OPENOCD_TARGET_STM32H5_FAMILY_H */
