# SPDX-License-Identifier: GPL-2.0-or-later
# Lifecycle part of the STM32H5 library (named option bytes, .obk files and DA configuration,
# DA credentials, H503 OTP password, lifecycle guard): pure-C sources for libh5core.a and
# their unit tests. Included from the top-level Makefile.am.

libh5core_a_SOURCES += \
	src/target/stm32h5/option_bytes.c \
	src/target/stm32h5/option_bytes.h \
	src/target/stm32h5/obk.c \
	src/target/stm32h5/obk.h \
	src/target/stm32h5/obk_xml.c \
	src/target/stm32h5/obk_xml.h \
	src/target/stm32h5/lifecycle_credential.c \
	src/target/stm32h5/lifecycle_credential.h \
	src/target/stm32h5/otp_password.c \
	src/target/stm32h5/otp_password.h \
	src/target/stm32h5/lifecycle_guard.c \
	src/target/stm32h5/lifecycle_guard.h \
	src/target/stm32h5/lifecycle_rsslib.c \
	src/target/stm32h5/lifecycle_rsslib.h

# The tests read ST's sample files where they are kept, beside the checkout.
LIFECYCLE_TEST_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src \
	-DSAMPLES_DIR='"$(abs_top_srcdir)/tests/vectors/st-samples"'
LIFECYCLE_TEST_LDADD = libh5core.a $(CMOCKA_LIBS) -lmbedcrypto -lexpat $(P11KIT_LIBS)

check_PROGRAMS += tests/unit/test_ob tests/unit/test_obk tests/unit/test_obk_guard \
	tests/unit/test_obk_rsslib tests/unit/test_obk_xml tests/unit/test_otp_password
UNIT_TESTS += tests/unit/test_ob tests/unit/test_obk tests/unit/test_obk_guard \
	tests/unit/test_obk_rsslib tests/unit/test_obk_xml tests/unit/test_otp_password

tests_unit_test_obk_xml_SOURCES = tests/unit/test_obk_xml.c
tests_unit_test_obk_xml_CPPFLAGS = $(LIFECYCLE_TEST_CPPFLAGS)
tests_unit_test_obk_xml_LDADD = $(LIFECYCLE_TEST_LDADD)

tests_unit_test_ob_SOURCES = tests/unit/test_ob.c
tests_unit_test_ob_CPPFLAGS = $(LIFECYCLE_TEST_CPPFLAGS)
tests_unit_test_ob_LDADD = $(LIFECYCLE_TEST_LDADD)

tests_unit_test_obk_SOURCES = tests/unit/test_obk.c tests/unit/test_obk_samples.h
tests_unit_test_obk_CPPFLAGS = $(LIFECYCLE_TEST_CPPFLAGS)
tests_unit_test_obk_LDADD = $(LIFECYCLE_TEST_LDADD)

tests_unit_test_obk_guard_SOURCES = tests/unit/test_obk_guard.c
tests_unit_test_obk_guard_CPPFLAGS = $(LIFECYCLE_TEST_CPPFLAGS)
tests_unit_test_obk_guard_LDADD = $(LIFECYCLE_TEST_LDADD)

tests_unit_test_obk_rsslib_SOURCES = tests/unit/test_obk_rsslib.c
tests_unit_test_obk_rsslib_CPPFLAGS = $(LIFECYCLE_TEST_CPPFLAGS)
tests_unit_test_obk_rsslib_LDADD = $(LIFECYCLE_TEST_LDADD)

tests_unit_test_otp_password_SOURCES = tests/unit/test_otp_password.c \
	tests/unit/test_obk_samples.h
tests_unit_test_otp_password_CPPFLAGS = $(LIFECYCLE_TEST_CPPFLAGS)
tests_unit_test_otp_password_LDADD = $(LIFECYCLE_TEST_LDADD)
