# SPDX-License-Identifier: GPL-2.0-or-later
# Simulator DA device sources and unit tests. Owner: simda.
H5SIM_DA_SOURCES =
