# SPDX-License-Identifier: GPL-2.0-or-later
# The simulator program and its tests. Owner: simcore.

noinst_PROGRAMS += build/bin/h5sim
# the model and its front ends, without main(): the program and the firmware model's unit test
H5SIM_MODEL_SOURCES = \
	contrib/h5sim/bringup.c contrib/h5sim/bringup.h \
	contrib/h5sim/stlink_server.c contrib/h5sim/stlink_server.h \
	contrib/h5sim/stlink_tcp.c contrib/h5sim/stlink_tcp.h \
	contrib/h5sim/stlink_fw.c contrib/h5sim/stlink_fw.h \
	contrib/h5sim/options.c contrib/h5sim/options.h \
	contrib/h5sim/rbb.c contrib/h5sim/rbb.h \
	contrib/h5sim/tap.c contrib/h5sim/tap.h \
	contrib/h5sim/dp.c contrib/h5sim/dp.h \
	contrib/h5sim/swd.c contrib/h5sim/swd.h \
	contrib/h5sim/mem_ap.c contrib/h5sim/mem_ap.h \
	contrib/h5sim/bus.c contrib/h5sim/bus.h \
	contrib/h5sim/chip.c contrib/h5sim/chip.h \
	contrib/h5sim/reset.c \
	contrib/h5sim/parts.c contrib/h5sim/parts.h \
	contrib/h5sim/ram.c contrib/h5sim/ram.h \
	contrib/h5sim/sysmem.c contrib/h5sim/sysmem.h \
	contrib/h5sim/dbgmcu.c contrib/h5sim/dbgmcu.h \
	contrib/h5sim/sbs.c contrib/h5sim/sbs.h \
	contrib/h5sim/flash_bus.c contrib/h5sim/flash_bus.h \
	contrib/h5sim/scs.c contrib/h5sim/scs.h \
	contrib/h5sim/cpu.c contrib/h5sim/cpu.h contrib/h5sim/cpu_internal.h \
	contrib/h5sim/cpu_regs.c contrib/h5sim/cpu_flash.c contrib/h5sim/cpu_watch.c \
	contrib/h5sim/rsslib.c \
	contrib/h5sim/persist.c contrib/h5sim/persist.h \
	contrib/h5sim/faults.c contrib/h5sim/faults.h
build_bin_h5sim_SOURCES = contrib/h5sim/main.c $(H5SIM_MODEL_SOURCES)
build_bin_h5sim_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/contrib/h5sim $(UNICORN_CFLAGS)
build_bin_h5sim_LDADD = libh5simda.a libh5simflash.a $(UNICORN_LIBS) -lmbedcrypto

INTEGRATION_TESTS += \
	tests/sim/test_jtag_idcode.sh \
	tests/sim/test_examine.sh \
	tests/sim/test_ap0_closed.sh \
	tests/sim/test_halt_reset.sh \
	tests/sim/test_ram_lanes.sh \
	tests/sim/test_code_reload.sh \
	tests/sim/test_flash_routine.sh \
	tests/sim/test_da_entry.sh \
	tests/sim/test_tz_closed.sh \
	tests/sim/test_wait_ack.sh \
	tests/sim/test_faults.sh \
	tests/sim/test_rsslib.sh \
	tests/sim/test_options.sh \
	tests/sim/test_determinism.sh \
	tests/sim/test_gating.sh \
	tests/sim/test_da_faults.sh \
	tests/sim/test_idle_loop.sh \
	tests/sim/test_register_loops.sh \
	tests/sim/test_ns_debug_core.sh

EXTRA_DIST += tests/sim/lib.sh tests/sim/targets.tcl tests/sim/flash_routine.S tests/sim/rsslib_call.S \
	tcl/board/stm32h5-sim.cfg docs/simulator.md

# the emulated stlink-server's protocol layer, alone
check_PROGRAMS += tests/sim/unit/test_stlink_tcp
UNIT_TESTS += tests/sim/unit/test_stlink_tcp
tests_sim_unit_test_stlink_tcp_SOURCES = tests/sim/unit/test_stlink_tcp.c \
	contrib/h5sim/stlink_tcp.c contrib/h5sim/stlink_tcp.h
tests_sim_unit_test_stlink_tcp_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/contrib/h5sim
tests_sim_unit_test_stlink_tcp_LDADD = $(CMOCKA_LIBS)

# the ST-Link firmware model driving a real chip model
check_PROGRAMS += tests/sim/unit/test_stlink_fw
UNIT_TESTS += tests/sim/unit/test_stlink_fw
tests_sim_unit_test_stlink_fw_SOURCES = tests/sim/unit/test_stlink_fw.c $(H5SIM_MODEL_SOURCES)
tests_sim_unit_test_stlink_fw_CPPFLAGS = $(build_bin_h5sim_CPPFLAGS)
tests_sim_unit_test_stlink_fw_LDADD = $(build_bin_h5sim_LDADD) $(CMOCKA_LIBS)
