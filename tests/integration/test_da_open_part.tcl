# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
# expect-dump: ^product_state 0xed$
#
# An Open part has no Debug Authentication to serve: discovery and a regression say so
# ("the device is Open: nothing to regress") instead of a handshake timeout, as the Tcl error
# a script's catch sees.

source [find flash_helpers.tcl]

h5_output {init}
h5_check_error "da discover on an Open part says there is nothing to regress" \
	{stm32h5x da discover} {^stm32h5x da discover: the device is Open: nothing to regress}
h5_check_error "da auth on an Open part says there is nothing to regress" \
	{stm32h5x da auth -password [file join $::env(H5_TOP_SRCDIR) tests/vectors/st-samples/NUCLEO-H563ZI/Binary/password.bin]} \
	{^stm32h5x da auth: the device is Open: nothing to regress}
h5_check_match "the part is still Open and debuggable" {stm32h5x product_state} {^Open$}
h5_done
