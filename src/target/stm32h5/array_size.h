/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * ARRAY_SIZE() for the lifecycle library's files that are also built without OpenOCD
 * (libh5core.a: the unit tests and fuzzers). Token for token OpenOCD's own definition
 * (helper/types.h), so that a file which sees both gets no redefinition.
 */

#ifndef OPENOCD_TARGET_STM32H5_ARRAY_SIZE_H
#define OPENOCD_TARGET_STM32H5_ARRAY_SIZE_H

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(x) (sizeof(x) / sizeof(*(x)))
#endif

#endif /* OPENOCD_TARGET_STM32H5_ARRAY_SIZE_H */
