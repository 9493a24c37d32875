# SPDX-License-Identifier: GPL-2.0-or-later
# h5sim: --part H563
# timeout: 300
#
# README.md's walkthrough "Three parties", run exactly as the README writes it (each command and the
# answers under it are read from README.md by readme_walkthrough.tcl).
source [find readme_walkthrough.tcl]
readme_walkthrough "Three parties"
