/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The product state of a part whose core access port (AP1) is closed, read from Debug
 * Authentication DISCOVERY (its lifecycle field: PSA major state | product-state byte). The
 * entry sequence holds the chip in its boot ROM, so an NRST pulse afterwards lets it boot
 * normally again. Used by "stm32h5x product_state" when the core cannot be examined.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_PSTATE_H
#define OPENOCD_TARGET_STM32H5_DA_PSTATE_H

#include <stddef.h>
#include <stdint.h>

struct target;

/* ERROR_OK and *code, or an error with the reason in why */
int h5_da_read_pstate(struct target *target, uint8_t *code, char *why, size_t size);

#endif /* OPENOCD_TARGET_STM32H5_DA_PSTATE_H */
