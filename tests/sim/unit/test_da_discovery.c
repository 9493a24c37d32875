// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim DA device: the DISCOVERY answer per part and product state. Expected values are
 * written out from h5-debug-auth.md §3 and the sample files, not taken from the device code.
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "da_test_host.h"

static struct test_env env;
static uint8_t answer[512];
static uint32_t answer_len;

static void discover(enum fake_part part, uint8_t state, bool tzen, const char *obk_rel,
		     const char *otp_rel)
{
	env_init(&env, part, state, tzen);
	if (obk_rel)
		env_provision_obk(&env, obk_rel);
	if (otp_rel)
		env_provision_otp(&env, otp_rel);
	env_create_device(&env);
	host_enter_da(&env);
	assert_int_equal(host_command(&env, CMD_DISCOVERY, NULL, 0, answer, sizeof(answer),
				      &answer_len), ST_SUCCESS);
}

static void assert_tlv(uint16_t type, const uint8_t *expected, uint32_t len)
{
	uint32_t vlen = 0;
	const uint8_t *v = tlv_find(answer, answer_len, type, &vlen);

	if (!v)
		fail_msg("TLV 0x%04x missing", type);
	assert_int_equal(vlen, len);
	assert_memory_equal(v, expected, len);
}

static void certificate_part_reports_all_fields(void **state)
{
	static const uint8_t version[] = { 1, 0 };
	static const uint8_t vendor[] = { 0x20, 0x00 };
	static const uint8_t soc_class[] = { 0x84, 0x04, 0x00, 0x00 };
	static const uint8_t soc_id[16] = {
		0x47, 0x00, 0x35, 0x00, 0x0A, 0x51, 0x32, 0x33, 0x37, 0x35, 0x35, 0x35, 0, 0, 0, 0
	};
	static const uint8_t mask[16] = { 0x77, 0x50 };
	static const uint8_t lifecycle[] = { 0x72, 0x30 };
	static const uint8_t sda[] = { 2, 4, 0, 0 };
	static const uint8_t token_formats[] = { 0x00, 0x02 };
	static const uint8_t cert_formats[] = { 0x01, 0x02 };
	static const uint8_t crypto[] = { 0x01 };
	static const uint8_t integrity[] = { 0xEA, 0xEA, 0xEA, 0xEA };
	static const uint8_t hdpl1[] = { 0x01, 0, 0, 0 };
	static const uint8_t hdpl23[] = { 0xFF, 0xFF, 0xFF, 0xFF };

	discover(FAKE_H563, PS_CLOSED, true, H563_DIR "Binary/DA_Config.obk", NULL);
	assert_tlv(0x0001, version, 2);
	assert_tlv(0x0002, vendor, 2);
	assert_tlv(0x0003, soc_class, 4);
	assert_tlv(0x0004, soc_id, 16);
	assert_tlv(0x0007, mask, 16);
	assert_tlv(0x0008, lifecycle, 2);
	assert_tlv(0x000A, sda, 4);
	assert_tlv(0x0100, token_formats, 2);
	assert_tlv(0x0101, cert_formats, 2);
	assert_tlv(0x0102, crypto, 1);
	assert_tlv(0x8000, integrity, 4);
	assert_tlv(0x8001, hdpl1, 4);
	assert_tlv(0x8002, hdpl23, 4);
	assert_tlv(0x8003, hdpl23, 4);
	env_free(&env);
}

static void tlvs_are_padded_to_words_and_the_list_is_192_bytes(void **state)
{
	/* 9 TLVs of 12 bytes, 2 of 24, 3 of 12: 192 bytes; first TLV {0, 0x0001, 2, {1,0}, pad} */
	static const uint8_t first[12] = { 0, 0, 1, 0, 2, 0, 0, 0, 1, 0, 0, 0 };

	discover(FAKE_H563, PS_CLOSED, true, H563_DIR "Binary/DA_Config.obk", NULL);
	assert_int_equal(answer_len, 192);
	assert_memory_equal(answer, first, sizeof(first));
	env_free(&env);
}

static void trustzone_disabled_part_reports_the_password_cryptosystem(void **state)
{
	static const uint8_t crypto[] = { 0x80 };
	static const uint8_t integrity[] = { 0xEA, 0xEA, 0xEA, 0xEA };
	static const uint8_t mask[16] = { 0x00, 0x40 };	/* full regression only */

	discover(FAKE_H563, PS_CLOSED, false, H563_DIR "Binary/DA_ConfigWithPassword.obk", NULL);
	assert_tlv(0x0102, crypto, 1);
	assert_tlv(0x8000, integrity, 4);
	assert_tlv(0x0007, mask, 16);
	env_free(&env);
}

static void h503_reports_its_dev_id_and_the_password_cryptosystem(void **state)
{
	static const uint8_t soc_class[] = { 0x74, 0x04, 0x00, 0x00 };
	static const uint8_t crypto[] = { 0x80 };
	static const uint8_t integrity[] = { 0xEA, 0xEA, 0xEA, 0xEA };

	discover(FAKE_H503, PS_CLOSED, false, NULL, H503_DIR "board_password.bin");
	assert_tlv(0x0003, soc_class, 4);
	assert_tlv(0x0102, crypto, 1);
	assert_tlv(0x8000, integrity, 4);
	env_free(&env);
}

static void h503_reports_the_password_cryptosystem_even_if_tzen_reads_on(void **state)
{
	static const uint8_t crypto[] = { 0x80 };

	discover(FAKE_H503, PS_CLOSED, true, NULL, H503_DIR "board_password.bin");
	assert_tlv(0x0102, crypto, 1);
	env_free(&env);
}

static void corrupted_configuration_is_reported_not_valid(void **state)
{
	static const uint8_t integrity[] = { 0xF5, 0xF5, 0xF5, 0xF5 };
	static const uint8_t mask[16] = { 0 };

	env_init(&env, FAKE_H563, PS_CLOSED, true);
	env_provision_obk(&env, H563_DIR "Binary/DA_Config.obk");
	env.fake.obk[0x40] = 0xFF;	/* permission word changed, integrity hash not */
	env_create_device(&env);
	host_enter_da(&env);
	assert_int_equal(host_command(&env, CMD_DISCOVERY, NULL, 0, answer, sizeof(answer),
				      &answer_len), ST_SUCCESS);
	assert_tlv(0x8000, integrity, 4);
	assert_tlv(0x0007, mask, 16);
	env_free(&env);
}

static void unprovisioned_part_is_reported_not_valid(void **state)
{
	static const uint8_t integrity[] = { 0xF5, 0xF5, 0xF5, 0xF5 };

	discover(FAKE_H563, PS_PROVISIONING, true, NULL, NULL);
	assert_tlv(0x8000, integrity, 4);
	env_free(&env);
}

static void lifecycle_follows_the_product_state(void **state)
{
	static const struct {
		uint8_t ps;
		uint8_t lifecycle[2];
	} cases[] = {
		{ PS_PROVISIONING, { 0x17, 0x20 } },
		{ PS_IROT_PROVISIONED, { 0x2E, 0x20 } },
		{ PS_TZ_CLOSED, { 0xC6, 0x30 } },
		{ PS_CLOSED, { 0x72, 0x30 } },
		{ PS_LOCKED, { 0x5C, 0x30 } },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		discover(FAKE_H563, cases[i].ps, true, H563_DIR "Binary/DA_Config.obk", NULL);
		assert_tlv(0x0008, cases[i].lifecycle, 2);
		env_free(&env);
	}
}

static void open_part_does_not_enter_da(void **state)
{
	env_init(&env, FAKE_H563, PS_OPEN, true);
	env_provision_obk(&env, H563_DIR "Binary/DA_Config.obk");
	env_create_device(&env);
	assert_false(host_enter(&env, ENTRY_STDA));
	assert_false(da_device_active(env.da));
	assert_false(host_device_word_ready(&env));
	env_free(&env);
}

static void discovery_with_data_is_invalid_parameters(void **state)
{
	static const uint8_t filter[4] = { 0x01, 0x00, 0x02, 0x01 };

	env_init(&env, FAKE_H563, PS_CLOSED, true);
	env_provision_obk(&env, H563_DIR "Binary/DA_Config.obk");
	env_create_device(&env);
	host_enter_da(&env);
	assert_int_equal(host_command(&env, CMD_DISCOVERY, filter, sizeof(filter), answer,
				      sizeof(answer), &answer_len), ST_INVALID_PARAMETERS);
	assert_int_equal(answer_len, 0);
	env_free(&env);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(certificate_part_reports_all_fields),
		cmocka_unit_test(tlvs_are_padded_to_words_and_the_list_is_192_bytes),
		cmocka_unit_test(trustzone_disabled_part_reports_the_password_cryptosystem),
		cmocka_unit_test(h503_reports_its_dev_id_and_the_password_cryptosystem),
		cmocka_unit_test(h503_reports_the_password_cryptosystem_even_if_tzen_reads_on),
		cmocka_unit_test(corrupted_configuration_is_reported_not_valid),
		cmocka_unit_test(unprovisioned_part_is_reported_not_valid),
		cmocka_unit_test(lifecycle_follows_the_product_state),
		cmocka_unit_test(open_part_does_not_enter_da),
		cmocka_unit_test(discovery_with_data_is_invalid_parameters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
