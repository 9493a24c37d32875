// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/da_auth.c: the local checks "da auth" makes with ST's
 * sample files (read as they are) before talking to a device.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "target/stm32h5/da_auth.h"

#define H563 SAMPLES_DIR "/NUCLEO-H563ZI"
#define LEAF_KEY H563 "/Keys/key_3_leaf.pem"
#define ROOT_KEY H563 "/Keys/key_1_root.pem"
#define CHAIN H563 "/Certificates/cert_leaf_chain.b64"

static struct da_auth_plan plan;

static void st_key_and_chain_make_a_plan_for_full_regression(void **state)
{
	struct da_diag diag;

	assert_int_equal(da_auth_plan_certificate(&plan, LEAF_KEY, CHAIN, "full_regression",
		&diag), DA_OK);
	assert_int_equal(plan.method, DA_AUTH_METHOD_CERTIFICATE);
	assert_int_equal(plan.chain.count, 3);
	assert_int_equal(plan.chain_mask.word[0], 0x5077);
	assert_int_equal(plan.requested.word[0], 0x4000);
	assert_int_equal(plan.root_hash[0], 0xcc);
	assert_int_equal(plan.root_hash[31], 0xfe);
	assert_true(da_auth_plan_is_regression(&plan));
	da_auth_plan_free(&plan);
	assert_null(plan.key);
}

static void debug_opening_is_not_a_regression(void **state)
{
	assert_int_equal(da_auth_plan_certificate(&plan, LEAF_KEY, CHAIN, "debug_open_l3", NULL),
		DA_OK);
	assert_false(da_auth_plan_is_regression(&plan));
	da_auth_plan_free(&plan);
}

static void a_key_that_is_not_the_leaf_key_is_refused_naming_the_key_file(void **state)
{
	struct da_diag diag;

	assert_int_equal(da_auth_plan_certificate(&plan, ROOT_KEY, CHAIN, "full_regression",
		&diag), DA_ERR_KEY_MISMATCH);
	assert_non_null(strstr(diag.text, "key_1_root.pem"));
	assert_non_null(strstr(diag.text, "leaf"));
	assert_null(plan.key);
}

static void a_permission_the_chain_lacks_is_refused_before_any_transfer(void **state)
{
	struct da_diag diag;

	assert_int_equal(da_auth_plan_certificate(&plan, LEAF_KEY, CHAIN, "bit3", &diag),
		DA_ERR_PERMISSION);
	assert_non_null(strstr(diag.text, "bit 3"));
	assert_non_null(strstr(diag.text, "certificate chain"));
	assert_non_null(strstr(diag.text, "0x00005077"));
}

static void a_tampered_chain_file_is_refused_naming_file_and_certificate(void **state)
{
	char path[] = "/tmp/test_da_auth_chainXXXXXX";
	char text[1024];
	FILE *in = fopen(CHAIN, "rb");
	size_t n;
	int fd;

	assert_non_null(in);
	n = fread(text, 1, sizeof(text), in);
	fclose(in);
	/* base64 character 810 = byte 607: the leaf's signature (bytes 440 + 8 + 0x94 on) */
	text[810] = text[810] == 'A' ? 'B' : 'A';
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	close(fd);

	struct da_diag diag;
	assert_int_not_equal(da_auth_plan_certificate(&plan, LEAF_KEY, path, "full_regression",
		&diag), DA_OK);
	unlink(path);
	assert_non_null(strstr(diag.text, path));
	assert_non_null(strstr(diag.text, "certificate 3 (leaf)"));
}

static void password_plan_means_full_regression(void **state)
{
	assert_int_equal(da_auth_plan_password(&plan, H563 "/Binary/password.bin", NULL, NULL),
		DA_OK);
	assert_int_equal(plan.method, DA_AUTH_METHOD_PASSWORD);
	assert_int_equal(plan.requested.word[0], 0x4000);
	assert_int_equal(plan.password.length, 16);
	da_auth_plan_free(&plan);
	assert_int_equal(plan.password.length, 0);
	assert_int_equal(da_auth_plan_password(&plan, SAMPLES_DIR "/NUCLEO-H503RB/da_password.bin",
		"full_regression", NULL), DA_OK);
	assert_int_equal(plan.password.length, 12);
	da_auth_plan_free(&plan);
}

static void password_cannot_open_debug(void **state)
{
	struct da_diag diag;

	assert_int_equal(da_auth_plan_password(&plan, H563 "/Binary/password.bin",
		"debug_open_l3", &diag), DA_ERR_PERMISSION);
	assert_non_null(strstr(diag.text, "only full_regression"));
}

static void method_must_match_the_device_cryptosystem(void **state)
{
	struct da_discovery password_device = { .n_cryptosystems = 1, .cryptosystems = { 0x80 } };
	struct da_discovery cert_device = { .n_cryptosystems = 1, .cryptosystems = { 0x01 } };
	struct da_diag diag;

	assert_int_equal(da_auth_plan_certificate(&plan, LEAF_KEY, CHAIN, "full_regression",
		NULL), DA_OK);
	assert_int_equal(da_auth_plan_check_device(&plan, &password_device, &diag),
		DA_ERR_STATE);
	assert_non_null(strstr(diag.text, "-password"));
	assert_int_equal(da_auth_plan_check_device(&plan, &cert_device, NULL), DA_OK);
	da_auth_plan_free(&plan);

	assert_int_equal(da_auth_plan_password(&plan, H563 "/Binary/password.bin", NULL, NULL),
		DA_OK);
	assert_int_equal(da_auth_plan_check_device(&plan, &cert_device, &diag), DA_ERR_STATE);
	assert_non_null(strstr(diag.text, "-key"));
	assert_int_equal(da_auth_plan_check_device(&plan, &password_device, NULL), DA_OK);
	da_auth_plan_free(&plan);
}

static void request_outside_the_device_mask_is_refused(void **state)
{
	struct da_discovery device = { .n_cryptosystems = 1, .cryptosystems = { 0x01 },
		.has_hw_permissions_mask = true, .hw_permissions_mask = { { 0x0077, 0, 0, 0 } } };
	struct da_diag diag;

	assert_int_equal(da_auth_plan_certificate(&plan, LEAF_KEY, CHAIN, "full_regression",
		NULL), DA_OK);
	assert_int_equal(da_auth_plan_check_device(&plan, &device, &diag), DA_ERR_PERMISSION);
	assert_non_null(strstr(diag.text, "full_regression (bit 14)"));
	assert_non_null(strstr(diag.text, "device"));
	da_auth_plan_free(&plan);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(st_key_and_chain_make_a_plan_for_full_regression),
		cmocka_unit_test(debug_opening_is_not_a_regression),
		cmocka_unit_test(a_key_that_is_not_the_leaf_key_is_refused_naming_the_key_file),
		cmocka_unit_test(a_permission_the_chain_lacks_is_refused_before_any_transfer),
		cmocka_unit_test(a_tampered_chain_file_is_refused_naming_file_and_certificate),
		cmocka_unit_test(password_plan_means_full_regression),
		cmocka_unit_test(password_cannot_open_debug),
		cmocka_unit_test(method_must_match_the_device_cryptosystem),
		cmocka_unit_test(request_outside_the_device_mask_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
