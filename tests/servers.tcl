# SPDX-License-Identifier: GPL-2.0-or-later
#
# OpenOCD's GDB, Tcl and telnet server ports, set in the form the running OpenOCD knows
# (the one place the tests pick by version):
#
#   OpenOCD | command
#   --------+------------------------------------------------------------------------
#   0.12.0  | gdb_port N, tcl_port N, telnet_port N
#   master  | gdb port N, tcl port N, telnet port N (the old names print "DEPRECATED!")
#
# Sourcing this file disables all three, so that tests run side by side and never take the
# default ports; a test that needs one calls h5_server_port (before init).

proc h5_server_port {server port} {
	if { [llength [info commands $server]] } {
		$server port $port
	} else {
		${server}_port $port
	}
}

foreach h5_server {gdb tcl telnet} {
	h5_server_port $h5_server disabled
}
