/* SPDX-License-Identifier: GPL-2.0-or-later */

/* h5sim: bringing a chip up from its options (log, state file, starting point, power-on) and
 * down at exit (state saved, dump written), whatever front end serves it. */

#ifndef H5SIM_BRINGUP_H
#define H5SIM_BRINGUP_H

struct h5sim_chip;
struct h5sim_options;

/* Returns the powered-on chip, or NULL after printing why not. */
struct h5sim_chip *h5sim_bringup(const struct h5sim_options *opt);
/* Saves the state and writes the dump (0, or 1 if either failed); the chip stays. */
int h5sim_save(struct h5sim_chip *chip, const struct h5sim_options *opt);
/* Frees the chip and closes its log. */
void h5sim_bringdown(struct h5sim_chip *chip);

#endif /* H5SIM_BRINGUP_H */
