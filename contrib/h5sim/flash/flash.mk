# SPDX-License-Identifier: GPL-2.0-or-later
# Simulator embedded-flash model sources and unit tests. Owner: simflash.
# Contract: contrib/h5sim/flash/flash.h (extensions: flash_ext.h). Facts: h5-flash-ob.md.
H5SIM_FLASH_SOURCES = \
	contrib/h5sim/flash/flash.h \
	contrib/h5sim/flash/flash_ext.h \
	contrib/h5sim/flash/flash_internal.h \
	contrib/h5sim/flash/flash.c \
	contrib/h5sim/flash/flash_variant.c \
	contrib/h5sim/flash/flash_regs.c \
	contrib/h5sim/flash/flash_mem.c \
	contrib/h5sim/flash/flash_protect.c \
	contrib/h5sim/flash/flash_program.c \
	contrib/h5sim/flash/flash_erase.c \
	contrib/h5sim/flash/option_bytes.c \
	contrib/h5sim/flash/obk.c \
	contrib/h5sim/flash/otp_edata.c \
	contrib/h5sim/flash/flash_persist.c

# compiled once, linked into the simulator and every unit test of the model
noinst_LIBRARIES += libh5simflash.a
libh5simflash_a_SOURCES = $(H5SIM_FLASH_SOURCES)
libh5simflash_a_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/contrib/h5sim

# Unit tests: the model driven through flash.h (and flash_ext.h for the [U] settings only)
H5SIM_FLASH_TEST_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/contrib/h5sim
H5SIM_FLASH_TEST_UTIL = tests/sim/unit/test_flash_util.h

check_PROGRAMS += \
	tests/sim/unit/test_flash_regs \
	tests/sim/unit/test_flash_program \
	tests/sim/unit/test_flash_erase \
	tests/sim/unit/test_flash_ob \
	tests/sim/unit/test_flash_otp_edata \
	tests/sim/unit/test_flash_obk \
	tests/sim/unit/test_flash_persist
UNIT_TESTS += \
	tests/sim/unit/test_flash_regs \
	tests/sim/unit/test_flash_program \
	tests/sim/unit/test_flash_erase \
	tests/sim/unit/test_flash_ob \
	tests/sim/unit/test_flash_otp_edata \
	tests/sim/unit/test_flash_obk \
	tests/sim/unit/test_flash_persist

tests_sim_unit_test_flash_regs_SOURCES = tests/sim/unit/test_flash_regs.c \
	$(H5SIM_FLASH_TEST_UTIL)
tests_sim_unit_test_flash_regs_CPPFLAGS = $(H5SIM_FLASH_TEST_CPPFLAGS)
tests_sim_unit_test_flash_regs_LDADD = libh5simflash.a $(CMOCKA_LIBS) -lmbedcrypto

tests_sim_unit_test_flash_program_SOURCES = tests/sim/unit/test_flash_program.c \
	$(H5SIM_FLASH_TEST_UTIL)
tests_sim_unit_test_flash_program_CPPFLAGS = $(H5SIM_FLASH_TEST_CPPFLAGS)
tests_sim_unit_test_flash_program_LDADD = libh5simflash.a $(CMOCKA_LIBS) -lmbedcrypto

tests_sim_unit_test_flash_erase_SOURCES = tests/sim/unit/test_flash_erase.c \
	$(H5SIM_FLASH_TEST_UTIL)
tests_sim_unit_test_flash_erase_CPPFLAGS = $(H5SIM_FLASH_TEST_CPPFLAGS)
tests_sim_unit_test_flash_erase_LDADD = libh5simflash.a $(CMOCKA_LIBS) -lmbedcrypto

tests_sim_unit_test_flash_ob_SOURCES = tests/sim/unit/test_flash_ob.c \
	$(H5SIM_FLASH_TEST_UTIL)
tests_sim_unit_test_flash_ob_CPPFLAGS = $(H5SIM_FLASH_TEST_CPPFLAGS)
tests_sim_unit_test_flash_ob_LDADD = libh5simflash.a $(CMOCKA_LIBS) -lmbedcrypto

tests_sim_unit_test_flash_otp_edata_SOURCES = tests/sim/unit/test_flash_otp_edata.c \
	$(H5SIM_FLASH_TEST_UTIL)
tests_sim_unit_test_flash_otp_edata_CPPFLAGS = $(H5SIM_FLASH_TEST_CPPFLAGS)
tests_sim_unit_test_flash_otp_edata_LDADD = libh5simflash.a $(CMOCKA_LIBS) -lmbedcrypto

tests_sim_unit_test_flash_obk_SOURCES = tests/sim/unit/test_flash_obk.c \
	$(H5SIM_FLASH_TEST_UTIL)
tests_sim_unit_test_flash_obk_CPPFLAGS = $(H5SIM_FLASH_TEST_CPPFLAGS)
tests_sim_unit_test_flash_obk_LDADD = libh5simflash.a $(CMOCKA_LIBS) -lmbedcrypto

tests_sim_unit_test_flash_persist_SOURCES = tests/sim/unit/test_flash_persist.c \
	$(H5SIM_FLASH_TEST_UTIL)
tests_sim_unit_test_flash_persist_CPPFLAGS = $(H5SIM_FLASH_TEST_CPPFLAGS)
tests_sim_unit_test_flash_persist_LDADD = libh5simflash.a $(CMOCKA_LIBS) -lmbedcrypto

EXTRA_DIST += contrib/h5sim/flash/README.md
