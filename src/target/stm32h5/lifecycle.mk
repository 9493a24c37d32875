# SPDX-License-Identifier: GPL-2.0-or-later
# Lifecycle library (option bytes, .obk, OTP password): sources and unit tests. Owner: life.
