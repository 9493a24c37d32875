# SPDX-License-Identifier: GPL-2.0-or-later
# Fuzzing: `make fuzz` runs the libFuzzer harnesses (scripts/fuzz.sh); `make check` replays
# every seed and every kept crash input through each harness (replay_*), and fuzzes each
# harness briefly (fuzz_brief.sh).

FUZZ_SEEDS = $(abs_top_srcdir)/tests/fuzz/seeds
FUZZ_REGRESSIONS = $(abs_top_srcdir)/tests/fuzz/regressions
FUZZ_ST = $(abs_top_srcdir)/tests/vectors/st-samples
INTEGRATION_TESTS += tests/fuzz/fuzz_brief.sh
EXTRA_DIST += tests/fuzz/seeds

check_PROGRAMS += tests/fuzz/replay_adac_response
UNIT_TESTS += tests/fuzz/replay_adac_response
tests_fuzz_replay_adac_response_SOURCES = tests/fuzz/replay_main.c tests/fuzz/fuzz_adac_response.c tests/fuzz/fuzz.h
tests_fuzz_replay_adac_response_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src -DFUZZ_HARNESS='"adac_response"' \
	-DFUZZ_INPUTS='"$(FUZZ_SEEDS)/adac_response:$(FUZZ_REGRESSIONS)/adac_response"'
tests_fuzz_replay_adac_response_LDADD = libh5core.a -lmbedcrypto -lexpat $(P11KIT_LIBS)

check_PROGRAMS += tests/fuzz/replay_cert_chain
UNIT_TESTS += tests/fuzz/replay_cert_chain
tests_fuzz_replay_cert_chain_SOURCES = tests/fuzz/replay_main.c tests/fuzz/fuzz_cert_chain.c tests/fuzz/fuzz.h
tests_fuzz_replay_cert_chain_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src -DFUZZ_HARNESS='"cert_chain"' \
	-DFUZZ_INPUTS='"$(FUZZ_ST)/NUCLEO-H563ZI/Certificates:$(FUZZ_ST)/NUCLEO-H533RE/Certificates:$(FUZZ_REGRESSIONS)/cert_chain"'
tests_fuzz_replay_cert_chain_LDADD = libh5core.a -lmbedcrypto -lexpat $(P11KIT_LIBS)

check_PROGRAMS += tests/fuzz/replay_credentials
UNIT_TESTS += tests/fuzz/replay_credentials
tests_fuzz_replay_credentials_SOURCES = tests/fuzz/replay_main.c tests/fuzz/fuzz_credentials.c tests/fuzz/fuzz.h
tests_fuzz_replay_credentials_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src -DFUZZ_HARNESS='"credentials"' \
	-DFUZZ_INPUTS='"$(FUZZ_ST)/NUCLEO-H563ZI/Keys:$(FUZZ_ST)/NUCLEO-H563ZI/Binary:$(FUZZ_ST)/NUCLEO-H503RB:$(FUZZ_REGRESSIONS)/credentials"'
tests_fuzz_replay_credentials_LDADD = libh5core.a -lmbedcrypto -lexpat $(P11KIT_LIBS)

check_PROGRAMS += tests/fuzz/replay_obk
UNIT_TESTS += tests/fuzz/replay_obk
tests_fuzz_replay_obk_SOURCES = tests/fuzz/replay_main.c tests/fuzz/fuzz_obk.c tests/fuzz/fuzz.h
tests_fuzz_replay_obk_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src -DFUZZ_HARNESS='"obk"' \
	-DFUZZ_INPUTS='"$(FUZZ_ST)/NUCLEO-H563ZI/Binary:$(FUZZ_ST)/NUCLEO-H533RE/Binary:$(FUZZ_REGRESSIONS)/obk"'
tests_fuzz_replay_obk_LDADD = libh5core.a -lmbedcrypto -lexpat $(P11KIT_LIBS)

check_PROGRAMS += tests/fuzz/replay_text_params
UNIT_TESTS += tests/fuzz/replay_text_params
tests_fuzz_replay_text_params_SOURCES = tests/fuzz/replay_main.c tests/fuzz/fuzz_text_params.c tests/fuzz/fuzz.h
tests_fuzz_replay_text_params_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src -DFUZZ_HARNESS='"text_params"' \
	-DFUZZ_INPUTS='"$(FUZZ_SEEDS)/text_params:$(FUZZ_REGRESSIONS)/text_params"'
tests_fuzz_replay_text_params_LDADD = libh5core.a -lmbedcrypto -lexpat $(P11KIT_LIBS)

check_PROGRAMS += tests/fuzz/replay_da_xml
UNIT_TESTS += tests/fuzz/replay_da_xml
tests_fuzz_replay_da_xml_SOURCES = tests/fuzz/replay_main.c tests/fuzz/fuzz_da_xml.c tests/fuzz/fuzz.h
tests_fuzz_replay_da_xml_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src -DFUZZ_HARNESS='"da_xml"' \
	-DFUZZ_INPUTS='"$(FUZZ_ST)/NUCLEO-H563ZI/Config:$(FUZZ_ST)/NUCLEO-H533RE/Config:$(FUZZ_SEEDS)/da_xml:$(FUZZ_REGRESSIONS)/da_xml"'
tests_fuzz_replay_da_xml_LDADD = libh5core.a -lmbedcrypto -lexpat $(P11KIT_LIBS)

check_PROGRAMS += tests/fuzz/replay_pkcs11_uri
UNIT_TESTS += tests/fuzz/replay_pkcs11_uri
tests_fuzz_replay_pkcs11_uri_SOURCES = tests/fuzz/replay_main.c tests/fuzz/fuzz_pkcs11_uri.c tests/fuzz/fuzz.h
tests_fuzz_replay_pkcs11_uri_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src -DFUZZ_HARNESS='"pkcs11_uri"' \
	-DFUZZ_INPUTS='"$(FUZZ_SEEDS)/pkcs11_uri:$(FUZZ_REGRESSIONS)/pkcs11_uri"'
tests_fuzz_replay_pkcs11_uri_LDADD = libh5core.a -lmbedcrypto -lexpat $(P11KIT_LIBS)

check_PROGRAMS += tests/fuzz/replay_signature
UNIT_TESTS += tests/fuzz/replay_signature
tests_fuzz_replay_signature_SOURCES = tests/fuzz/replay_main.c tests/fuzz/fuzz_signature.c tests/fuzz/fuzz.h
tests_fuzz_replay_signature_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src -DFUZZ_HARNESS='"signature"' \
	-DFUZZ_INPUTS='"$(FUZZ_SEEDS)/signature:$(FUZZ_REGRESSIONS)/signature"'
tests_fuzz_replay_signature_LDADD = libh5core.a -lmbedcrypto -lexpat $(P11KIT_LIBS)

check_PROGRAMS += tests/fuzz/replay_stlink_tcp
UNIT_TESTS += tests/fuzz/replay_stlink_tcp
tests_fuzz_replay_stlink_tcp_SOURCES = tests/fuzz/replay_main.c tests/fuzz/fuzz_stlink_tcp.c tests/fuzz/fuzz.h
tests_fuzz_replay_stlink_tcp_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_HARNESS='"stlink_tcp"' \
	-DFUZZ_INPUTS='"$(FUZZ_SEEDS)/stlink_tcp:$(FUZZ_REGRESSIONS)/stlink_tcp"'
