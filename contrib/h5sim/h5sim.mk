# SPDX-License-Identifier: GPL-2.0-or-later
# The simulator program and its tests. Owner: simcore.
