# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563 --pstate 0x72
# expect-dump: ^product_state 0x72$
# expect-dump: ^da.active: no$
#
# A Closed part: the core's access port is closed, so "stm32h5x product_state" reads the state
# from Debug Authentication discovery and says so; the chip is let out of its boot ROM again.
# A change of state there, and commands that need the core, refuse with a catchable message.

source [find flash_helpers.tcl]

h5_output {init}
h5_check_match "product_state on a Closed part answers Closed" {stm32h5x product_state} {^Closed$}
h5_check_output "it says it read the state through Debug Authentication" {stm32h5x product_state} \
	{reading the product state from Debug Authentication discovery}
h5_check_error "changing the state of a Closed part is refused with a message" \
	{stm32h5x product_state Locked -confirm} {access port is closed.*'stm32h5x da auth' reopens debug}
h5_check_error "an option-byte read of a Closed part is refused with a message" \
	{stm32h5x ob list} {access port is closed}
h5_done
