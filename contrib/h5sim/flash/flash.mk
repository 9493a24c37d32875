# SPDX-License-Identifier: GPL-2.0-or-later
# Simulator flash model sources and unit tests. Owner: simflash.
H5SIM_FLASH_SOURCES =
