# SPDX-License-Identifier: GPL-2.0-or-later
# The ST-Link path: OpenOCD's own stlink driver (st-link backend tcp) in front of the
# simulator's emulated ST-Link (h5sim --stlink). Run by `make check` after the other tests;
# not again under the sanitizers or valgrind (the server's parser is: its unit test and fuzz
# replay are in UNIT_TESTS).

# cheap and about the simulator's own parsing: with the other tests, sanitizers and valgrind too
INTEGRATION_TESTS += tests/stlink/server_options.sh

STLINK_TESTS += \
	tests/stlink/board_files.sh \
	tests/stlink/closed_h563.sh \
	tests/stlink/two_boards.sh \
	tests/stlink/production_batch.sh \
	tests/stlink/hla.sh \
	tests/stlink/nrst_not_wired.sh \
	tests/stlink/dapdirect_jtag.sh \
	tests/stlink/existing_sh_tests.sh \
	tests/stlink/existing_tcl_tests.sh

EXTRA_DIST += tests/stlink/lib.sh tests/stlink/over_stlink.sh tests/stlink/server_options.sh $(STLINK_TESTS)
