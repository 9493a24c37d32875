# SPDX-License-Identifier: GPL-2.0-or-later
# DA host library (ADAC, certificates, tokens): sources and unit tests. Owner: dahost.
