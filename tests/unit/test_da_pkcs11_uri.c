// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/da_pkcs11_uri.c: RFC 7512 URIs as HSM users write them
 * (RFC 7512 section 7 examples), percent-decoding, and each refusal with its reason.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "target/stm32h5/da_pkcs11_uri.h"

static struct da_pkcs11_uri uri;

static void path_and_query_attributes_are_read(void **state)
{
	assert_int_equal(da_pkcs11_uri_parse("pkcs11:token=The%20Software%20PKCS%2311%20"
		"Softtoken;manufacturer=Snake%20Oil,%20Inc.;object=my-key;type=private;slot-id=3"
		"?module-path=/usr/lib/softhsm/libsofthsm2.so&pin-source=file:/run/pin", &uri,
		NULL), DA_OK);
	assert_string_equal(uri.token, "The Software PKCS#11 Softtoken");
	assert_string_equal(uri.manufacturer, "Snake Oil, Inc.");
	assert_string_equal(uri.object, "my-key");
	assert_true(uri.has_slot_id);
	assert_int_equal(uri.slot_id, 3);
	assert_string_equal(uri.module_path, "/usr/lib/softhsm/libsofthsm2.so");
	assert_string_equal(uri.pin_source, "file:/run/pin");
	assert_false(uri.has_id);
}

static void id_is_percent_decoded_bytes(void **state)
{
	assert_int_equal(da_pkcs11_uri_parse("PKCS11:id=%01%a0%FF", &uri, NULL), DA_OK);
	assert_true(uri.has_id);
	assert_int_equal(uri.id_len, 3);
	assert_int_equal(uri.id[0], 0x01);
	assert_int_equal(uri.id[1], 0xA0);
	assert_int_equal(uri.id[2], 0xFF);
}

static void refusals_name_the_problem(void **state)
{
	struct da_diag diag;

	assert_int_equal(da_pkcs11_uri_parse("pkcs11:object=k?pin-value=1234", &uri, &diag),
		DA_ERR_ARGUMENT);
	assert_non_null(strstr(diag.text, "pin-value is refused"));
	assert_null(strstr(diag.text, "1234"));
	assert_int_equal(da_pkcs11_uri_parse("pkcs11:object=k;colour=red", &uri, &diag),
		DA_ERR_ARGUMENT);
	assert_non_null(strstr(diag.text, "an attribute is unknown"));
	assert_non_null(strstr(diag.text, "object, id and type=private"));
	assert_int_equal(da_pkcs11_uri_parse("pkcs11:object=k%2", &uri, &diag), DA_ERR_ARGUMENT);
	assert_non_null(strstr(diag.text, "bad %-escape"));
	assert_int_equal(da_pkcs11_uri_parse("pkcs11:token=t", &uri, &diag), DA_ERR_ARGUMENT);
	assert_non_null(strstr(diag.text, "name the key with object="));
	assert_int_equal(da_pkcs11_uri_parse("pkcs11:object=k;type=cert", &uri, &diag),
		DA_ERR_ARGUMENT);
	assert_non_null(strstr(diag.text, "type must be private"));
	assert_int_equal(da_pkcs11_uri_parse("pkcs11:object=k;slot-id=x", &uri, &diag),
		DA_ERR_ARGUMENT);
	assert_non_null(strstr(diag.text, "slot-id is a decimal number"));
	assert_int_equal(da_pkcs11_uri_parse("pkcs11:object=k;token=0123456789012345678901234567890123",
		&uri, &diag), DA_ERR_ARGUMENT);
	assert_non_null(strstr(diag.text, "hold at most 32 bytes"));
	assert_int_equal(da_pkcs11_uri_parse("file:/k.pem", &uri, &diag), DA_ERR_ARGUMENT);
}

/* p11-kit's rule for a repeated attribute, written down so that a change of it is seen */
static void a_repeated_attribute_takes_the_last_value(void **state)
{
	assert_int_equal(da_pkcs11_uri_parse("pkcs11:object=a;object=b", &uri, NULL), DA_OK);
	assert_string_equal(uri.object, "b");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(path_and_query_attributes_are_read),
		cmocka_unit_test(id_is_percent_decoded_bytes),
		cmocka_unit_test(refusals_name_the_problem),
		cmocka_unit_test(a_repeated_attribute_takes_the_last_value),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
