// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/obk_xml.c: ST's package-creator XML files (as they are in
 * SAMPLES_DIR/<board>/Config) give ST's .obk files (Binary/) byte for byte; each malformed
 * input is refused naming the element at fault, and the password never appears in a reason.
 * h5-debug-auth.md §6.2, §6.3.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "target/stm32h5/obk.h"
#include "target/stm32h5/obk_xml.h"

static const char *const boards[] = { "NUCLEO-H563ZI", "NUCLEO-H533RE" };
static const char *const configs[] = { "DA_Config", "DA_ConfigWithPassword" };

static size_t read_file(const char *path, uint8_t *buf, size_t size)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, size, f);
	fclose(f);
	return n;
}

static void st_xml_files_give_st_obk_files_byte_for_byte(void **state)
{
	for (int b = 0; b < 2; b++) {
		for (int c = 0; c < 2; c++) {
			char xml[512], obk[512], err[320];
			uint8_t hash[32], want[256], got[H5_DA_OBK_FILE_SIZE];
			uint32_t perms = 0, encrypt = 0;
			bool is_password = false;

			snprintf(xml, sizeof(xml), "%s/%s/Config/%s.xml", SAMPLES_DIR, boards[b],
				configs[c]);
			snprintf(obk, sizeof(obk), "%s/%s/Binary/%s.obk", SAMPLES_DIR, boards[b],
				configs[c]);
			assert_true(h5_da_xml_load(xml, hash, &perms, &encrypt, &is_password, err,
				sizeof(err)));
			assert_int_equal(is_password, c == 1);
			h5_da_config_build(hash, perms, encrypt, got);
			assert_int_equal(read_file(obk, want, sizeof(want)), sizeof(got));
			assert_memory_equal(got, want, sizeof(got));
		}
	}
}

/* ST's H563 XML with one substitution applied; returns whether it parses */
static bool parse_variant(const char *config, const char *from, const char *to,
		struct h5_da_xml *x, char *err, size_t err_size)
{
	char path[512], text[4096], out[4096];
	size_t n;
	char *at;

	snprintf(path, sizeof(path), "%s/NUCLEO-H563ZI/Config/%s.xml", SAMPLES_DIR, config);
	n = read_file(path, (uint8_t *)text, sizeof(text) - 1);
	text[n] = '\0';
	at = strstr(text, from);
	assert_non_null(at);
	snprintf(out, sizeof(out), "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
	return h5_da_xml_parse((const uint8_t *)out, strlen(out), x, err, err_size);
}

static void another_destination_is_not_a_da_configuration(void **state)
{
	struct h5_da_xml x;
	char err[320];

	assert_false(parse_variant("DA_Config", "0x0ffd0100", "0x0ffd0900", &x, err,
		sizeof(err)));
	assert_non_null(strstr(err, "<Info><ObDestAddress> is '0x0ffd0900', not 0x0FFD0100"));
}

static void key_and_password_together_are_refused(void **state)
{
	struct h5_da_xml x;
	char err[320];

	assert_false(parse_variant("DA_Config", "<Output>",
		"<Text><Value>secretpw</Value></Text><Output>", &x, err, sizeof(err)));
	assert_non_null(strstr(err, "both are present"));
}

static void short_password_is_refused_without_showing_it(void **state)
{
	struct h5_da_xml x;
	char err[320];

	assert_false(parse_variant("DA_ConfigWithPassword", "0123456789012345", "Zq9", &x, err,
		sizeof(err)));
	assert_non_null(strstr(err, "has 3 characters; 4 to 16"));
	assert_null(strstr(err, "Zq9"));
}

static void other_key_types_and_encryption_values_are_refused(void **state)
{
	struct h5_da_xml x;
	char err[320];

	assert_false(parse_variant("DA_Config", "ecdsa-p256", "rsa-3072", &x, err, sizeof(err)));
	assert_non_null(strstr(err, "<File><KeyType> is 'rsa-3072'"));
	assert_false(parse_variant("DA_Config", "<DoEncryption>0", "<DoEncryption>2", &x, err,
		sizeof(err)));
	assert_non_null(strstr(err, "<Info><DoEncryption> must be 0 or 1"));
}

static void wide_permission_literal_and_duplicates(void **state)
{
	struct h5_da_xml x;
	char err[320];

	assert_true(parse_variant("DA_Config", "0x00005077",
		"0x00000000000000000000000000005077", &x, err, sizeof(err)));
	assert_int_equal(x.permissions, 0x5077);
	assert_false(parse_variant("DA_Config", "0x00005077", "0x100005077", &x, err,
		sizeof(err)));
	assert_non_null(strstr(err, "is not a 32-bit number"));
	assert_false(parse_variant("DA_Config", "<KeyType>", "<KeyType>x</KeyType><KeyType>",
		&x, err, sizeof(err)));
	assert_non_null(strstr(err, "<File><KeyType> appears twice"));
}

static void not_xml_or_not_a_package_creator_file(void **state)
{
	static const char broken[] = "<Root><Obdata><Info></Obdata>";
	static const char other[] = "<svg></svg>";
	struct h5_da_xml x;
	char err[320];

	assert_false(h5_da_xml_parse((const uint8_t *)broken, strlen(broken), &x, err,
		sizeof(err)));
	assert_non_null(strstr(err, "not well-formed XML at line 1"));
	assert_false(h5_da_xml_parse((const uint8_t *)other, strlen(other), &x, err,
		sizeof(err)));
	assert_non_null(strstr(err, "the top element is <svg>"));
}

static void missing_key_file_is_named(void **state)
{
	char dir[] = "/tmp/test_obk_xml.XXXXXX", xml[128], err[320];
	uint8_t hash[32];
	uint32_t perms, encrypt;
	bool is_password;
	FILE *f;

	assert_non_null(mkdtemp(dir));
	snprintf(xml, sizeof(xml), "%s/c.xml", dir);
	f = fopen(xml, "w");
	assert_non_null(f);
	fputs("<Root><Obdata><Info><ObDestAddress>0x0ffd0100</ObDestAddress><DoEncryption>0"
		"</DoEncryption></Info><File><Value>..\\Keys\\none.pem</Value></File><Permission>"
		"<Value>0x5077</Value></Permission></Obdata></Root>", f);
	fclose(f);
	assert_false(h5_da_xml_load(xml, hash, &perms, &encrypt, &is_password, err,
		sizeof(err)));
	assert_non_null(strstr(err, "cannot read the root key file"));
	assert_non_null(strstr(err, "/../Keys/none.pem named by <File><Value>"));
	remove(xml);
	remove(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(st_xml_files_give_st_obk_files_byte_for_byte),
		cmocka_unit_test(another_destination_is_not_a_da_configuration),
		cmocka_unit_test(key_and_password_together_are_refused),
		cmocka_unit_test(short_password_is_refused_without_showing_it),
		cmocka_unit_test(other_key_types_and_encryption_values_are_refused),
		cmocka_unit_test(wide_permission_literal_and_duplicates),
		cmocka_unit_test(not_xml_or_not_a_package_creator_file),
		cmocka_unit_test(missing_key_file_is_named),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
