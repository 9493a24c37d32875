# SPDX-License-Identifier: GPL-2.0-or-later
# Pure-C files of the lifecycle library (no OpenOCD dependency) and their unit tests.
# Included from the top-level Makefile.am.

libh5core_a_SOURCES += \
	src/target/stm32h5/array_size.h \
	src/target/stm32h5/product_state.c \
	src/target/stm32h5/product_state.h

check_PROGRAMS += tests/unit/test_product_state
UNIT_TESTS += tests/unit/test_product_state
tests_unit_test_product_state_SOURCES = tests/unit/test_product_state.c
tests_unit_test_product_state_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src
tests_unit_test_product_state_LDADD = libh5core.a $(CMOCKA_LIBS)
