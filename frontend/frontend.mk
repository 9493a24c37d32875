# SPDX-License-Identifier: GPL-2.0-or-later
# The command-line front end (docs/production.md): installed into bindir with its batch part in
# $(datadir)/stm32h5-lifecycle, and linked into build/bin next to the built OpenOCD and h5sim,
# so build/bin/stm32h5-lifecycle runs from the build tree.

dist_bin_SCRIPTS = frontend/stm32h5-lifecycle
frontenddir = $(datadir)/stm32h5-lifecycle
dist_frontend_DATA = frontend/stm32h5-lifecycle-batch.tcl

.PHONY: frontend-link
frontend-link:
	@mkdir -p build/bin
	@ln -sf "$(abs_top_srcdir)/frontend/stm32h5-lifecycle" build/bin/stm32h5-lifecycle
