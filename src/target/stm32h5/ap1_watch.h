/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Quiet polling while the core's access port (AP1) is closed. OpenOCD's poller re-examines a
 * target whose poll fails, every 0.1 to 5 s for ever, printing the examine errors each time;
 * on an STM32H5 in a closed product state, or during a DA session (the boot ROM holds the
 * chip), that is expected and says nothing new. The watch:
 *
 * | event                               | action                                         |
 * |-------------------------------------|------------------------------------------------|
 * | a poll fails and DBGMCU_SR (AP0)    | one line "access port closed", the target is   |
 * | shows AP1 not enabled               | left unexamined (OpenOCD then stops polling it)|
 * | the DA entry left AP1 closed        | the same, before any poll fails                |
 * | every 500 ms while paused: AP1      | the target is examined again, one line "open   |
 * | enabled in DBGMCU_SR                | again", polling resumes                        |
 *
 * A poll failure while AP1 is enabled (a cable pulled) is left to OpenOCD as before.
 */

#ifndef OPENOCD_TARGET_STM32H5_AP1_WATCH_H
#define OPENOCD_TARGET_STM32H5_AP1_WATCH_H

#include <stdint.h>

struct target;

/* Watches target (once; later calls for the same target do nothing) */
void stm32h5_ap1_watch(struct target *target);

/* AP1 is closed by our own doing (sr: DBGMCU_SR read through AP0 after the DA entry): pauses
 * the watched target's polling at once, so that no poll fails first */
void stm32h5_ap1_watch_closed(struct target *target, uint32_t sr);

#endif /* OPENOCD_TARGET_STM32H5_AP1_WATCH_H */
