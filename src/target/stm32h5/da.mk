# SPDX-License-Identifier: GPL-2.0-or-later
# Debug Authentication host (issue 6), pure-C part: ADAC packets and TLVs, discovery,
# permissions, password files, certificates, keys, tokens (no OpenOCD dependency; linked into
# the unit tests and fuzzers), and their unit tests. Included from the top-level Makefile.am.

libh5core_a_SOURCES += \
	src/target/stm32h5/adac_le.h \
	src/target/stm32h5/adac_packet.c \
	src/target/stm32h5/adac_packet.h \
	src/target/stm32h5/adac_tlv.c \
	src/target/stm32h5/adac_tlv.h \
	src/target/stm32h5/da_auth.c \
	src/target/stm32h5/da_auth.h \
	src/target/stm32h5/da_cert_make.c \
	src/target/stm32h5/da_cert_make.h \
	src/target/stm32h5/da_certificate.c \
	src/target/stm32h5/da_certificate.h \
	src/target/stm32h5/da_crypto.c \
	src/target/stm32h5/da_crypto.h \
	src/target/stm32h5/da_discovery.c \
	src/target/stm32h5/da_discovery.h \
	src/target/stm32h5/da_error.c \
	src/target/stm32h5/da_error.h \
	src/target/stm32h5/da_file.c \
	src/target/stm32h5/da_file.h \
	src/target/stm32h5/da_key.c \
	src/target/stm32h5/da_key.h \
	src/target/stm32h5/da_key_file.c \
	src/target/stm32h5/da_key_file.h \
	src/target/stm32h5/da_password.c \
	src/target/stm32h5/da_password.h \
	src/target/stm32h5/da_permissions.c \
	src/target/stm32h5/da_permissions.h \
	src/target/stm32h5/da_pkcs11.c \
	src/target/stm32h5/da_pkcs11.h \
	src/target/stm32h5/da_pkcs11_uri.c \
	src/target/stm32h5/da_pkcs11_uri.h \
	src/target/stm32h5/da_protocol.c \
	src/target/stm32h5/da_protocol.h \
	src/target/stm32h5/da_settings.c \
	src/target/stm32h5/da_settings.h \
	src/target/stm32h5/da_sign_cmd.c \
	src/target/stm32h5/da_sign_cmd.h \
	src/target/stm32h5/da_signer.c \
	src/target/stm32h5/da_signer.h \
	src/target/stm32h5/da_token.c \
	src/target/stm32h5/da_token.h \
	src/target/stm32h5/da_detect.c \
	src/target/stm32h5/da_detect.h \
	src/target/stm32h5/name_match.c \
	src/target/stm32h5/name_match.h

# ST's sample files, read as they are (vendored in tests/vectors/st-samples)
DA_TEST_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src \
	-DSAMPLES_DIR='"$(abs_top_srcdir)/tests/vectors/st-samples"'
DA_TEST_LDADD = libh5core.a $(CMOCKA_LIBS) -lmbedcrypto -lexpat $(P11KIT_LIBS)

check_PROGRAMS += \
	tests/unit/test_adac_packet \
	tests/unit/test_adac_tlv \
	tests/unit/test_da_auth \
	tests/unit/test_da_cert_make \
	tests/unit/test_da_certificate \
	tests/unit/test_da_discovery \
	tests/unit/test_da_error \
	tests/unit/test_da_password \
	tests/unit/test_da_permissions \
	tests/unit/test_da_pkcs11_uri \
	tests/unit/test_da_protocol \
	tests/unit/test_da_settings \
	tests/unit/test_da_token
UNIT_TESTS += \
	tests/unit/test_adac_packet \
	tests/unit/test_adac_tlv \
	tests/unit/test_da_auth \
	tests/unit/test_da_cert_make \
	tests/unit/test_da_certificate \
	tests/unit/test_da_discovery \
	tests/unit/test_da_error \
	tests/unit/test_da_password \
	tests/unit/test_da_permissions \
	tests/unit/test_da_pkcs11_uri \
	tests/unit/test_da_protocol \
	tests/unit/test_da_settings \
	tests/unit/test_da_token

tests_unit_test_adac_packet_SOURCES = tests/unit/test_adac_packet.c
tests_unit_test_adac_packet_CPPFLAGS = $(DA_TEST_CPPFLAGS)
tests_unit_test_adac_packet_LDADD = $(DA_TEST_LDADD)
tests_unit_test_adac_tlv_SOURCES = tests/unit/test_adac_tlv.c
tests_unit_test_adac_tlv_CPPFLAGS = $(DA_TEST_CPPFLAGS)
tests_unit_test_adac_tlv_LDADD = $(DA_TEST_LDADD)
tests_unit_test_da_cert_make_SOURCES = tests/unit/test_da_cert_make.c
tests_unit_test_da_cert_make_CPPFLAGS = $(DA_TEST_CPPFLAGS)
tests_unit_test_da_cert_make_LDADD = $(DA_TEST_LDADD)
tests_unit_test_da_certificate_SOURCES = tests/unit/test_da_certificate.c
tests_unit_test_da_certificate_CPPFLAGS = $(DA_TEST_CPPFLAGS)
tests_unit_test_da_certificate_LDADD = $(DA_TEST_LDADD)
tests_unit_test_da_discovery_SOURCES = tests/unit/test_da_discovery.c
tests_unit_test_da_discovery_CPPFLAGS = $(DA_TEST_CPPFLAGS)
tests_unit_test_da_discovery_LDADD = $(DA_TEST_LDADD)
tests_unit_test_da_error_SOURCES = tests/unit/test_da_error.c
tests_unit_test_da_error_CPPFLAGS = $(DA_TEST_CPPFLAGS)
tests_unit_test_da_error_LDADD = $(DA_TEST_LDADD)
tests_unit_test_da_password_SOURCES = tests/unit/test_da_password.c
tests_unit_test_da_password_CPPFLAGS = $(DA_TEST_CPPFLAGS)
tests_unit_test_da_password_LDADD = $(DA_TEST_LDADD)
tests_unit_test_da_permissions_SOURCES = tests/unit/test_da_permissions.c
tests_unit_test_da_permissions_CPPFLAGS = $(DA_TEST_CPPFLAGS)
tests_unit_test_da_permissions_LDADD = $(DA_TEST_LDADD)
tests_unit_test_da_pkcs11_uri_SOURCES = tests/unit/test_da_pkcs11_uri.c
tests_unit_test_da_pkcs11_uri_CPPFLAGS = $(DA_TEST_CPPFLAGS)
tests_unit_test_da_pkcs11_uri_LDADD = $(DA_TEST_LDADD)
tests_unit_test_da_token_SOURCES = tests/unit/test_da_token.c
tests_unit_test_da_token_CPPFLAGS = $(DA_TEST_CPPFLAGS)
tests_unit_test_da_token_LDADD = $(DA_TEST_LDADD)
tests_unit_test_da_auth_SOURCES = tests/unit/test_da_auth.c
tests_unit_test_da_auth_CPPFLAGS = $(DA_TEST_CPPFLAGS)
tests_unit_test_da_auth_LDADD = $(DA_TEST_LDADD)
tests_unit_test_da_protocol_SOURCES = tests/unit/test_da_protocol.c
tests_unit_test_da_protocol_CPPFLAGS = $(DA_TEST_CPPFLAGS)
tests_unit_test_da_protocol_LDADD = $(DA_TEST_LDADD)
tests_unit_test_da_settings_SOURCES = tests/unit/test_da_settings.c
tests_unit_test_da_settings_CPPFLAGS = $(DA_TEST_CPPFLAGS)
tests_unit_test_da_settings_LDADD = $(DA_TEST_LDADD)

# stand-in for an external signer, used by tests/integration/da_own_credentials.sh
check_PROGRAMS += tests/integration/test_signer
tests_integration_test_signer_SOURCES = tests/integration/test_signer.c
tests_integration_test_signer_LDADD = -lmbedcrypto
