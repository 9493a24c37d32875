# SPDX-License-Identifier: GPL-2.0-or-later
# Simulator DA device sources and unit tests. Owner: simda.
# The DA device (RSS_DA side of the DBGMCU mailbox); contract: contrib/h5sim/da/da_device.h.
# Internal symbols are prefixed sim_da_ so they never clash with the host side (libh5core).
H5SIM_DA_SOURCES = \
	contrib/h5sim/da/da_device.h \
	contrib/h5sim/da/da_device.c \
	contrib/h5sim/da/da_private.h \
	contrib/h5sim/da/da_log.c \
	contrib/h5sim/da/da_adac.h \
	contrib/h5sim/da/da_adac.c \
	contrib/h5sim/da/da_mailbox.h \
	contrib/h5sim/da/da_mailbox.c \
	contrib/h5sim/da/da_request.h \
	contrib/h5sim/da/da_request.c \
	contrib/h5sim/da/da_protocol.h \
	contrib/h5sim/da/da_protocol.c \
	contrib/h5sim/da/da_discovery.h \
	contrib/h5sim/da/da_discovery.c \
	contrib/h5sim/da/da_product_state.h \
	contrib/h5sim/da/da_product_state.c \
	contrib/h5sim/da/da_provisioning.h \
	contrib/h5sim/da/da_provisioning.c \
	contrib/h5sim/da/da_auth.h \
	contrib/h5sim/da/da_auth.c \
	contrib/h5sim/da/da_certificate.h \
	contrib/h5sim/da/da_certificate.c \
	contrib/h5sim/da/da_token.h \
	contrib/h5sim/da/da_token.c \
	contrib/h5sim/da/da_password.h \
	contrib/h5sim/da/da_password.c \
	contrib/h5sim/da/da_permissions.h \
	contrib/h5sim/da/da_permissions.c \
	contrib/h5sim/da/da_tlv.h \
	contrib/h5sim/da/da_tlv.c \
	contrib/h5sim/da/da_crypto.h \
	contrib/h5sim/da/da_crypto.c \
	contrib/h5sim/da/da_rng.h \
	contrib/h5sim/da/da_rng.c

# compiled once, linked into the simulator and every unit test of the device
noinst_LIBRARIES += libh5simda.a
libh5simda_a_SOURCES = $(H5SIM_DA_SOURCES)
libh5simda_a_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/contrib/h5sim

# Unit tests: the device driven through da_device.h by a host built in the test, with ST's
# sample files (SAMPLES_DIR). test_da_token_vector also calls the token verifier directly.
H5SIM_DA_TEST_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/contrib/h5sim \
	-DSAMPLES_DIR=\"$(abs_top_srcdir)/tests/vectors/st-samples\"
H5SIM_DA_TEST_HOST = tests/sim/unit/test_da_host.c tests/sim/unit/da_test_host.h

check_PROGRAMS += \
	tests/sim/unit/test_da_mailbox \
	tests/sim/unit/test_da_discovery \
	tests/sim/unit/test_da_password \
	tests/sim/unit/test_da_certificate \
	tests/sim/unit/test_da_token_vector
UNIT_TESTS += \
	tests/sim/unit/test_da_mailbox \
	tests/sim/unit/test_da_discovery \
	tests/sim/unit/test_da_password \
	tests/sim/unit/test_da_certificate \
	tests/sim/unit/test_da_token_vector

tests_sim_unit_test_da_mailbox_SOURCES = tests/sim/unit/test_da_mailbox.c \
	$(H5SIM_DA_TEST_HOST)
tests_sim_unit_test_da_mailbox_CPPFLAGS = $(H5SIM_DA_TEST_CPPFLAGS)
tests_sim_unit_test_da_mailbox_LDADD = libh5simda.a $(CMOCKA_LIBS) -lmbedcrypto

tests_sim_unit_test_da_discovery_SOURCES = tests/sim/unit/test_da_discovery.c \
	$(H5SIM_DA_TEST_HOST)
tests_sim_unit_test_da_discovery_CPPFLAGS = $(H5SIM_DA_TEST_CPPFLAGS)
tests_sim_unit_test_da_discovery_LDADD = libh5simda.a $(CMOCKA_LIBS) -lmbedcrypto

tests_sim_unit_test_da_password_SOURCES = tests/sim/unit/test_da_password.c \
	$(H5SIM_DA_TEST_HOST)
tests_sim_unit_test_da_password_CPPFLAGS = $(H5SIM_DA_TEST_CPPFLAGS)
tests_sim_unit_test_da_password_LDADD = libh5simda.a $(CMOCKA_LIBS) -lmbedcrypto

tests_sim_unit_test_da_certificate_SOURCES = tests/sim/unit/test_da_certificate.c \
	$(H5SIM_DA_TEST_HOST)
tests_sim_unit_test_da_certificate_CPPFLAGS = $(H5SIM_DA_TEST_CPPFLAGS)
tests_sim_unit_test_da_certificate_LDADD = libh5simda.a $(CMOCKA_LIBS) -lmbedcrypto

tests_sim_unit_test_da_token_vector_SOURCES = tests/sim/unit/test_da_token_vector.c \
	$(H5SIM_DA_TEST_HOST)
tests_sim_unit_test_da_token_vector_CPPFLAGS = $(H5SIM_DA_TEST_CPPFLAGS)
tests_sim_unit_test_da_token_vector_LDADD = libh5simda.a $(CMOCKA_LIBS) -lmbedcrypto
