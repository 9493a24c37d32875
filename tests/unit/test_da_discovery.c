// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/da_discovery.c on a DISCOVERY response built by hand from
 * h5-debug-auth.md §3 (TLV order of ST's N6 template, padded as psa-adac does, values as
 * CubeProgrammer prints them for an H563 in Closed), plus malformed variants.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "target/stm32h5/adac_packet.h"
#include "target/stm32h5/da_discovery.h"

/* Response words as they arrive from the mailbox */
static const uint32_t h563_closed_response[2 + 48] = {
	0x00000000, 48,				/* SUCCESS, 48 data words */
	0x00010000, 2, 0x00000001,		/* ADAC_AUTH_VERSION {1,0} */
	0x00020000, 2, 0x00000020,		/* VENDOR_ID {0x20,0x00} */
	0x00030000, 4, 0x00000484,		/* SOC_CLASS = DEV_ID 0x484 */
	0x00040000, 16, 0x00350047, 0x3332510A, 0x35353537, 0x00000000,	/* SOC_ID */
	0x00070000, 16, 0x00005077, 0, 0, 0,	/* HW_PERMISSIONS_MASK */
	0x00080000, 2, 0x00003072,		/* PSA_LIFECYCLE {0x72,0x30} */
	0x000A0000, 4, 0x00000402,		/* SDA_ID {2,4,0,0} */
	0x01000000, 2, 0x00000200,		/* TOKEN_FORMATS 0x0200 */
	0x01010000, 2, 0x00000201,		/* CERT_FORMATS 0x0201 */
	0x01020000, 1, 0x00000001,		/* CRYPTOSYSTEMS {0x01} */
	0x80000000, 4, 0xEAEAEAEA,		/* ST provisioning integrity */
	0x80010000, 4, 0x00000001,		/* HDPL1 status */
	0x80020000, 4, 0xFFFFFFFF,		/* HDPL2 status */
	0x80030000, 4, 0xFFFFFFFF,		/* HDPL3 status */
};

static struct adac_response response;
static struct da_discovery disco;

static void parse_words(const uint32_t *w, size_t n)
{
	assert_int_equal(adac_response_parse(w, n, ADAC_COUNT_WORDS, &response, NULL), DA_OK);
	assert_int_equal(response.status, ADAC_STATUS_SUCCESS);
}

static void discovery_fields_are_decoded_by_name(void **state)
{
	parse_words(h563_closed_response, 50);
	assert_int_equal(da_discovery_parse(response.data, response.data_len, &disco, NULL),
		DA_OK);
	assert_true(disco.has_auth_version);
	assert_int_equal(disco.auth_version_major, 1);
	assert_int_equal(disco.auth_version_minor, 0);
	assert_int_equal(disco.vendor_id, 0x20);
	assert_false(disco.vendor_id_byte_swapped);
	assert_int_equal(disco.soc_class, 0x484);
	assert_int_equal(disco.soc_id[0], 0x47);
	assert_int_equal(disco.soc_id[4], 0x0A);
	assert_int_equal(disco.hw_permissions_mask.word[0], 0x5077);
	assert_int_equal(disco.lifecycle, 0x3072);
	assert_int_equal(disco.sda_version[0], 2);
	assert_int_equal(disco.sda_version[1], 4);
	assert_int_equal(disco.n_token_formats, 1);
	assert_int_equal(disco.token_formats[0], 0x0200);
	assert_int_equal(disco.n_cert_formats, 1);
	assert_int_equal(disco.cert_formats[0], 0x0201);
	assert_int_equal(disco.n_cryptosystems, 1);
	assert_int_equal(disco.cryptosystems[0], 0x01);
	assert_int_equal(disco.provisioning_integrity, 0xEAEAEAEA);
	assert_int_equal(disco.hdpl_status[0], 1);
	assert_int_equal(disco.hdpl_status[1], 0xFFFFFFFF);
	assert_int_equal(disco.hdpl_status[2], 0xFFFFFFFF);
	assert_int_equal(disco.n_other, 0);
	assert_int_equal(da_discovery_auth_method(&disco), DA_AUTH_METHOD_CERTIFICATE);
}

struct seen {
	char all[2048];
};

static void collect(void *ctx, const char *key, const char *value, const char *text)
{
	struct seen *s = ctx;
	size_t used = strlen(s->all);

	snprintf(s->all + used, sizeof(s->all) - used, "%s=%s|%s\n", key, value, text);
}

static void discovery_is_described_with_readable_names(void **state)
{
	struct seen s = { "" };

	parse_words(h563_closed_response, 50);
	assert_int_equal(da_discovery_parse(response.data, response.data_len, &disco, NULL),
		DA_OK);
	da_discovery_describe(&disco, collect, &s);
	assert_non_null(strstr(s.all, "adac_version=1.0|"));
	assert_non_null(strstr(s.all, "vendor_id=0x0020|0x0020 (STMicroelectronics)"));
	assert_non_null(strstr(s.all, "soc_class=0x484|0x484 (STM32H562/H563/H573)"));
	assert_non_null(strstr(s.all, "soc_id=0x00000000_35353537_3332510a_00350047|"));
	assert_non_null(strstr(s.all, "lifecycle=0x3072|"));
	assert_non_null(strstr(s.all, "PSA secured"));
	assert_non_null(strstr(s.all, "product state Closed"));
	assert_non_null(strstr(s.all, "sda_version=2.4.0|"));
	assert_non_null(strstr(s.all, "token_formats=0x0200|0x0200 (PSA binary token)"));
	assert_non_null(strstr(s.all, "cert_formats=0x0201|0x0201 (PSA binary certificate)"));
	assert_non_null(strstr(s.all, "cryptosystems=0x01|0x01 (ECDSA P-256 SHA-256)"));
	assert_non_null(strstr(s.all, "auth_method=certificate|"));
	assert_non_null(strstr(s.all, "permissions_allowed=0x00005077|"));
	assert_non_null(strstr(s.all, "full_regression"));
	assert_non_null(strstr(s.all, "provisioning_integrity=0xEAEAEAEA|0xEAEAEAEA (valid"));
	assert_non_null(strstr(s.all, "hdpl1_status=0x00000001|"));
	assert_non_null(strstr(s.all, "hdpl3_status=0xffffffff|"));
}

static void vendor_id_in_either_byte_order_is_st(void **state)
{
	const uint8_t swapped[12] = { 0x00, 0x00, 0x02, 0x00, 0x02, 0x00, 0x00, 0x00,
		0x00, 0x20, 0x00, 0x00 };

	assert_int_equal(da_discovery_parse(swapped, sizeof(swapped), &disco, NULL), DA_OK);
	assert_int_equal(disco.vendor_id, 0x20);
	assert_true(disco.vendor_id_byte_swapped);
}

static void password_cryptosystem_selects_the_password_method(void **state)
{
	const uint8_t crypto[12] = { 0x00, 0x00, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00,
		0x80, 0x00, 0x00, 0x00 };

	assert_int_equal(da_discovery_parse(crypto, sizeof(crypto), &disco, NULL), DA_OK);
	assert_int_equal(da_discovery_auth_method(&disco), DA_AUTH_METHOD_PASSWORD);
	assert_string_equal(da_cryptosystem_name(0x80), "ST password");
}

static void a_field_given_twice_is_refused(void **state)
{
	const uint8_t twice[24] = {
		0x00, 0x00, 0x08, 0x00, 0x02, 0x00, 0x00, 0x00, 0x72, 0x30, 0x00, 0x00,
		0x00, 0x00, 0x08, 0x00, 0x02, 0x00, 0x00, 0x00, 0xED, 0x10, 0x00, 0x00 };
	struct da_diag diag;

	assert_int_equal(da_discovery_parse(twice, sizeof(twice), &disco, &diag),
		DA_ERR_DUPLICATE);
	assert_non_null(strstr(diag.text, "PSA_LIFECYCLE"));
}

static void a_field_of_the_wrong_length_is_refused_naming_it(void **state)
{
	const uint8_t short_class[12] = { 0x00, 0x00, 0x03, 0x00, 0x02, 0x00, 0x00, 0x00,
		0x84, 0x04, 0x00, 0x00 };
	struct da_diag diag;

	assert_int_equal(da_discovery_parse(short_class, sizeof(short_class), &disco, &diag),
		DA_ERR_LENGTH_MISMATCH);
	assert_non_null(strstr(diag.text, "SOC_CLASS"));
	assert_non_null(strstr(diag.text, "expected 4"));
}

static void a_format_list_of_odd_length_is_refused(void **state)
{
	const uint8_t odd[12] = { 0x00, 0x00, 0x00, 0x01, 0x03, 0x00, 0x00, 0x00,
		0x00, 0x02, 0x00, 0x00 };

	assert_int_equal(da_discovery_parse(odd, sizeof(odd), &disco, NULL),
		DA_ERR_LENGTH_MISMATCH);
}

static void a_list_longer_than_the_host_keeps_is_refused(void **state)
{
	const uint8_t nine[20] = { 0x00, 0x00, 0x02, 0x01, 0x09, 0x00, 0x00, 0x00,
		1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 0 };

	assert_int_equal(da_discovery_parse(nine, sizeof(nine), &disco, NULL),
		DA_ERR_LENGTH_MISMATCH);
}

static void unknown_types_are_kept_aside(void **state)
{
	const uint8_t other[20] = {
		0x00, 0x00, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00,		/* EFFECTIVE_PERMISSIONS */
		0x00, 0x00, 0x42, 0x90, 0x02, 0x00, 0x00, 0x00, 0xAA, 0xBB, 0x00, 0x00 };

	assert_int_equal(da_discovery_parse(other, sizeof(other), &disco, NULL), DA_OK);
	assert_int_equal(disco.n_other, 2);
	assert_int_equal(disco.other_types[0], 0x000C);
	assert_int_equal(disco.other_types[1], 0x9042);
}

static void unpadded_tlvs_are_refused(void **state)
{
	/* N6-style packing: version {1,0} directly followed by the next header */
	const uint8_t packed[20] = {
		0x00, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x00,
		0x00, 0x00, 0x02, 0x00, 0x02, 0x00, 0x00, 0x00, 0x20, 0x00 };
	struct da_diag diag;

	assert_int_not_equal(da_discovery_parse(packed, sizeof(packed), &disco, &diag), DA_OK);
	assert_non_null(strstr(diag.text, "discovery"));
}

static void a_response_whose_data_count_lies_never_reaches_the_decoder(void **state)
{
	uint32_t lying[50];

	memcpy(lying, h563_closed_response, sizeof(lying));
	lying[1] = 49;
	assert_int_equal(adac_response_parse(lying, 50, ADAC_COUNT_WORDS, &response, NULL),
		DA_ERR_TRUNCATED);
	lying[1] = 47;
	assert_int_equal(adac_response_parse(lying, 50, ADAC_COUNT_WORDS, &response, NULL),
		DA_ERR_LENGTH_MISMATCH);
}

static void a_response_cut_inside_a_tlv_is_refused(void **state)
{
	uint32_t cut[50];

	memcpy(cut, h563_closed_response, sizeof(cut));
	cut[1] = 44;	/* header consistent with 46 words, but HDPL3's TLV is cut */
	parse_words(cut, 46);
	assert_int_equal(da_discovery_parse(response.data, response.data_len, &disco, NULL),
		DA_ERR_TRUNCATED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(discovery_fields_are_decoded_by_name),
		cmocka_unit_test(discovery_is_described_with_readable_names),
		cmocka_unit_test(vendor_id_in_either_byte_order_is_st),
		cmocka_unit_test(password_cryptosystem_selects_the_password_method),
		cmocka_unit_test(a_field_given_twice_is_refused),
		cmocka_unit_test(a_field_of_the_wrong_length_is_refused_naming_it),
		cmocka_unit_test(a_format_list_of_odd_length_is_refused),
		cmocka_unit_test(a_list_longer_than_the_host_keeps_is_refused),
		cmocka_unit_test(unknown_types_are_kept_aside),
		cmocka_unit_test(unpadded_tlvs_are_refused),
		cmocka_unit_test(a_response_whose_data_count_lies_never_reaches_the_decoder),
		cmocka_unit_test(a_response_cut_inside_a_tlv_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
