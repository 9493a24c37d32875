// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/da_protocol.c against a scripted device written here from
 * h5-debug-auth.md §2 and §4: it checks the root key against the provisioned hash of ST's
 * DA_Config.obk (hand-copied), each certificate with its parent's key, the token signature over
 * its own challenge, and ST's sample password; fault modes cover silence, lies and refusals.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "target/stm32h5/adac_le.h"
#include "target/stm32h5/da_auth.h"
#include "target/stm32h5/da_crypto.h"
#include "target/stm32h5/da_protocol.h"

#define H563 SAMPLES_DIR "/NUCLEO-H563ZI"

/* SHA-256(root X||Y) as provisioned by ST's DA_Config.obk (§6.3) */
static const uint8_t provisioned_root_hash[32] = {
	0xcc, 0x05, 0xb0, 0x13, 0x17, 0x77, 0x5c, 0x86, 0x5a, 0x3f, 0x98, 0x7d, 0x17, 0x78, 0xc1, 0x2d,
	0x7e, 0x51, 0x78, 0x51, 0xa0, 0xf4, 0x2d, 0xd9, 0x2d, 0xfa, 0x6c, 0x1d, 0x85, 0x9b, 0x25, 0xfe };

enum fault {
	FAULT_NONE,
	FAULT_SILENT,		/* never answers */
	FAULT_SHORT_DATA,	/* announces 5 data words, sends 3 */
	FAULT_HUGE_COUNT,	/* announces 0x10000 data words */
	FAULT_REFUSE_SECOND_CERT,	/* UNAUTHORIZED to the second certificate */
};

struct fake_device {
	bool bytes_mode;
	bool password_part;
	enum fault fault;
	uint32_t in[1100];
	size_t n_in;
	uint32_t out[1100];
	size_t n_out, out_pos;
	uint8_t challenge[32];
	uint8_t key[64];
	unsigned int certs_seen;
	uint32_t granted;		/* requested_permissions of an accepted token */
	unsigned int requests;
	uint32_t request_words[16];	/* size of each request, in words */
};

static struct fake_device dev;
static struct da_settings settings;

static void answer(uint16_t status, const uint32_t *data, size_t n)
{
	dev.out[0] = (uint32_t)status << 16;
	dev.out[1] = (uint32_t)(dev.bytes_mode ? n * 4 : n);
	if (n)
		memcpy(dev.out + 2, data, n * 4);
	dev.n_out = 2 + n;
	dev.out_pos = 0;
	if (dev.fault == FAULT_SHORT_DATA) {
		dev.out[1] = 5;
		dev.n_out = 2 + 3;
	}
	if (dev.fault == FAULT_HUGE_COUNT)
		dev.out[1] = 0x10000;
}

static void discovery(void)
{
	const uint32_t tlvs[] = {
		0x00010000, 2, 0x00000001,
		0x00020000, 2, 0x00000020,
		0x00030000, 4, 0x00000484,
		0x00070000, 16, 0x00005077, 0, 0, 0,
		0x00080000, 2, 0x00003072,
		0x01020000, 1, dev.password_part ? 0x80u : 0x01u,
		0x80000000, 4, 0xEAEAEAEA,
	};

	answer(0, tlvs, sizeof(tlvs) / 4);
}

static uint16_t certificate(const uint8_t *body, uint32_t len)
{
	uint8_t hash[32];

	if (len != 212 || body[0] != 1 || body[2] != 1 || body[3] != 1)
		return 0x0005;
	if (body[4] == 1) {	/* root: anchored by the provisioned hash */
		if (dev.certs_seen || da_sha256(body + 0x34, 64, NULL, 0, hash) != DA_OK
				|| memcmp(hash, provisioned_root_hash, 32))
			return 0x0004;
		memcpy(dev.key, body + 0x34, 64);
	}
	if (dev.fault == FAULT_REFUSE_SECOND_CERT && dev.certs_seen == 1)
		return 0x0004;
	if (!dev.certs_seen && body[4] != 1)
		return 0x0004;
	if (da_sha256(body, 0x94, NULL, 0, hash) != DA_OK
			|| da_p256_verify(dev.key, hash, body + 0x94) != DA_OK)
		return 0x0001;
	memcpy(dev.key, body + 0x34, 64);
	dev.certs_seen++;
	return 0x0002;
}

static uint16_t token(const uint8_t *body, uint32_t len)
{
	uint8_t hash[32];

	if (len != 120 || !dev.certs_seen)
		return 0x0005;
	if (da_sha256(body, 0x38, dev.challenge, 32, hash) != DA_OK
			|| da_p256_verify(dev.key, hash, body + 0x38) != DA_OK)
		return 0x0001;
	dev.granted = adac_get_le32(body + 8) & 0x5077;
	return dev.granted ? 0x0000 : 0x0001;
}

static void process(void)
{
	uint16_t command = (uint16_t)(dev.in[0] >> 16);
	uint8_t data[4400];
	size_t n = dev.n_in - 2;
	uint16_t status;

	if (dev.requests < 16)
		dev.request_words[dev.requests] = (uint32_t)dev.n_in;
	dev.requests++;
	for (size_t i = 0; i < n; i++)
		adac_put_le32(data + 4 * i, dev.in[2 + i]);
	dev.n_in = 0;
	switch (command) {
	case 0x0001:
		discovery();
		return;
	case 0x0002: {
		uint32_t c[9] = { 0x00000001 };

		for (int i = 0; i < 32; i++)
			dev.challenge[i] = (uint8_t)(0x5A + 7 * i);
		for (int i = 0; i < 8; i++)
			c[1 + i] = adac_get_le32(dev.challenge + 4 * i);
		dev.certs_seen = 0;
		answer(0, c, 9);
		return;
	}
	case 0x0003: {
		uint16_t type = adac_get_le16(data + 2);
		uint32_t len = adac_get_le32(data + 4);

		if (n * 4 < 8 + len)
			status = 0x0005;
		else if (type == 0x0201)
			status = certificate(data + 8, len);
		else if (type == 0x0200)
			status = token(data + 8, len);
		else if (type == 0x8000)
			status = len == 16 && !memcmp(data + 8, "0123456789012345", 16) ? 0 : 1;
		else
			status = 0x0005;
		answer(status, NULL, 0);
		return;
	}
	case 0x0006:
		answer(0, NULL, 0);
		return;
	default:
		answer(0x7FFF, NULL, 0);
	}
}

static enum da_err fake_put(void *ctx, uint32_t word, unsigned int timeout_ms,
		struct da_diag *diag)
{
	size_t count;

	assert_true(dev.n_in < 1100);
	dev.in[dev.n_in++] = word;
	if (dev.n_in < 2)
		return DA_OK;
	count = dev.bytes_mode ? dev.in[1] / 4 : dev.in[1];
	if (dev.n_in == 2 + count)
		process();
	return DA_OK;
}

static enum da_err fake_get(void *ctx, uint32_t *word, unsigned int timeout_ms,
		struct da_diag *diag)
{
	if (dev.fault == FAULT_SILENT || dev.out_pos >= dev.n_out)
		return da_fail(diag, DA_ERR_TIMEOUT, "no word from the device in %u ms", timeout_ms);
	*word = dev.out[dev.out_pos++];
	return DA_OK;
}

static const struct da_link_ops fake_ops = { .put = fake_put, .get = fake_get };
static struct da_link link = { .ops = &fake_ops, .settings = &settings };

static int setup(void **state)
{
	memset(&dev, 0, sizeof(dev));
	da_settings_defaults(&settings);
	settings.auto_mask = 0;	/* these tests fix the unit; the auto tests below decide it */
	return 0;
}

static int setup_auto(void **state)
{
	memset(&dev, 0, sizeof(dev));
	da_settings_defaults(&settings);
	return 0;
}

static void discovery_over_the_link_sends_two_words_and_decodes_the_answer(void **state)
{
	struct da_discovery d;

	assert_int_equal(da_protocol_discover(&link, &d, NULL), DA_OK);
	assert_int_equal(dev.request_words[0], 2);
	assert_int_equal(d.soc_class, 0x484);
	assert_int_equal(d.lifecycle, 0x3072);
	assert_int_equal(da_discovery_auth_method(&d), DA_AUTH_METHOD_CERTIFICATE);
}

static void st_chain_and_leaf_key_authenticate_for_full_regression(void **state)
{
	static struct da_auth_plan plan;
	struct da_auth_outcome out;
	struct da_diag diag;

	assert_int_equal(da_auth_plan_certificate(&plan, H563 "/Keys/key_3_leaf.pem",
		H563 "/Certificates/cert_leaf_chain.b64", "full_regression", NULL), DA_OK);
	assert_int_equal(da_protocol_auth_certificate(&link, &plan.chain, plan.key,
		&plan.requested, &out, &diag), DA_OK);
	assert_int_equal(out.status, 0x0000);
	assert_int_equal(out.certificates_accepted, 3);
	assert_int_equal(dev.granted, 0x4000);
	/* AUTH_START 2 words, three certificates 2 + 55, the token 2 + 32 */
	assert_int_equal(dev.requests, 5);
	assert_int_equal(dev.request_words[0], 2);
	assert_int_equal(dev.request_words[1], 57);
	assert_int_equal(dev.request_words[2], 57);
	assert_int_equal(dev.request_words[3], 57);
	assert_int_equal(dev.request_words[4], 34);
	da_auth_plan_free(&plan);
}

static void token_signed_with_the_wrong_key_is_refused_by_name(void **state)
{
	static struct da_auth_plan plan;
	struct da_key *root_key;
	struct da_auth_outcome out;
	struct da_diag diag;

	assert_int_equal(da_auth_plan_certificate(&plan, H563 "/Keys/key_3_leaf.pem",
		H563 "/Certificates/cert_leaf_chain.b64", "full_regression", NULL), DA_OK);
	assert_int_equal(da_key_load(H563 "/Keys/key_1_root.pem", &root_key, NULL), DA_OK);
	assert_int_equal(da_protocol_auth_certificate(&link, &plan.chain, root_key,
		&plan.requested, &out, &diag), DA_ERR_DEVICE_STATUS);
	assert_int_equal(out.status, 0x0001);
	assert_non_null(strstr(diag.text, "token refused"));
	assert_non_null(strstr(diag.text, "FAILURE"));
	assert_int_equal(dev.granted, 0);
	da_key_free(root_key);
	da_auth_plan_free(&plan);
}

static void a_refused_certificate_is_named_with_the_status(void **state)
{
	static struct da_auth_plan plan;
	struct da_auth_outcome out;
	struct da_diag diag;

	dev.fault = FAULT_REFUSE_SECOND_CERT;
	assert_int_equal(da_auth_plan_certificate(&plan, H563 "/Keys/key_3_leaf.pem",
		H563 "/Certificates/cert_leaf_chain.b64", "full_regression", NULL), DA_OK);
	assert_int_equal(da_protocol_auth_certificate(&link, &plan.chain, plan.key,
		&plan.requested, &out, &diag), DA_ERR_DEVICE_STATUS);
	assert_int_equal(out.status, 0x0004);
	assert_int_equal(out.certificates_accepted, 1);
	assert_non_null(strstr(diag.text, "certificate 2 (intermediate) refused"));
	assert_non_null(strstr(diag.text, "UNAUTHORIZED"));
	assert_int_equal(dev.requests, 3);	/* nothing sent after the refusal */
	da_auth_plan_free(&plan);
}

static void st_password_is_accepted(void **state)
{
	struct da_password pw;
	struct da_auth_outcome out;

	dev.password_part = true;
	assert_int_equal(da_password_load(H563 "/Binary/password.bin", &pw, NULL), DA_OK);
	assert_int_equal(da_protocol_auth_password(&link, &pw, &out, NULL), DA_OK);
	assert_int_equal(out.status, 0);
	assert_int_equal(dev.request_words[1], 2 + 6);
	da_password_wipe(&pw);
}

static void wrong_password_is_refused_by_name(void **state)
{
	struct da_password pw;
	struct da_auth_outcome out;
	struct da_diag diag;

	dev.password_part = true;
	assert_int_equal(da_password_load(SAMPLES_DIR "/NUCLEO-H503RB/da_password.bin", &pw,
		NULL), DA_OK);
	assert_int_equal(da_protocol_auth_password(&link, &pw, &out, &diag),
		DA_ERR_DEVICE_STATUS);
	assert_non_null(strstr(diag.text, "password refused"));
	assert_non_null(strstr(diag.text, "FAILURE"));
	da_password_wipe(&pw);
}

static void a_silent_device_times_out_naming_the_command(void **state)
{
	struct da_discovery d;
	struct da_diag diag;

	dev.fault = FAULT_SILENT;
	assert_int_equal(da_protocol_discover(&link, &d, &diag), DA_ERR_TIMEOUT);
	assert_non_null(strstr(diag.text, "DISCOVERY"));
	assert_non_null(strstr(diag.text, "waiting for the answer"));
	assert_non_null(strstr(diag.text, "5000 ms"));
}

static void a_device_sending_less_than_it_announced_times_out(void **state)
{
	struct da_discovery d;
	struct da_diag diag;

	dev.fault = FAULT_SHORT_DATA;
	assert_int_equal(da_protocol_discover(&link, &d, &diag), DA_ERR_TIMEOUT);
	assert_non_null(strstr(diag.text, "word 6 of 7"));
}

static void a_device_announcing_too_much_is_refused_before_reading_it(void **state)
{
	struct da_discovery d;

	dev.fault = FAULT_HUGE_COUNT;
	assert_int_equal(da_protocol_discover(&link, &d, NULL), DA_ERR_OVERSIZED);
	assert_int_equal(dev.out_pos, 2);
}

static void lock_debug_succeeds_and_unknown_commands_are_named(void **state)
{
	uint16_t status;
	struct da_diag diag;

	assert_int_equal(da_protocol_command(&link, 0x0006, &status, NULL), DA_OK);
	assert_int_equal(dev.requests, 1);
	assert_int_equal(dev.request_words[0], 2);
	assert_int_equal(dev.in[0], 0x00060000);
	assert_int_equal(status, 0);
	assert_int_equal(da_protocol_command(&link, 0x0042, &status, &diag),
		DA_ERR_DEVICE_STATUS);
	assert_int_equal(status, 0x7FFF);
	assert_non_null(strstr(diag.text, "INVALID_COMMAND"));
}

/* ST's chain and leaf key open debug level 3 over the link, in its present settings */
static void st_chain_opens_debug_l3(void)
{
	static struct da_auth_plan plan;
	struct da_auth_outcome out;

	assert_int_equal(da_auth_plan_certificate(&plan, H563 "/Keys/key_3_leaf.pem",
		H563 "/Certificates/cert_leaf_chain.b64", "debug_open_l3", NULL), DA_OK);
	assert_int_equal(da_protocol_auth_certificate(&link, &plan.chain, plan.key,
		&plan.requested, &out, NULL), DA_OK);
	assert_int_equal(dev.granted, 0x40);
	da_auth_plan_free(&plan);
}

static void byte_count_mode_works_end_to_end(void **state)
{
	dev.bytes_mode = true;
	settings.count_unit = ADAC_COUNT_BYTES;
	st_chain_opens_debug_l3();
}

/* data_count on auto: discovery decides it, then the certificate flow runs in that unit */
static void auto_count_is_decided_by_discovery(bool bytes)
{
	struct da_discovery d;

	dev.bytes_mode = bytes;
	assert_int_equal(da_protocol_discover(&link, &d, NULL), DA_OK);
	assert_true(settings.detected & DA_AUTO_COUNT);
	assert_false(settings.auto_mask & DA_AUTO_COUNT);
	assert_int_equal(settings.count_unit, bytes ? ADAC_COUNT_BYTES : ADAC_COUNT_WORDS);
	assert_int_equal(d.lifecycle, 0x3072);
	st_chain_opens_debug_l3();
}

static void auto_count_detects_a_device_counting_words(void **state)
{
	auto_count_is_decided_by_discovery(false);
}

static void auto_count_detects_a_device_counting_bytes(void **state)
{
	auto_count_is_decided_by_discovery(true);
}

static void no_data_is_sent_while_the_unit_is_unknown(void **state)
{
	struct da_auth_outcome out;
	static struct da_password pw;
	struct da_diag diag;

	memcpy(pw.bytes, "0123456789012345", 16);
	pw.length = 16;
	assert_int_equal(da_protocol_auth_password(&link, &pw, &out, &diag), DA_ERR_STATE);
	assert_non_null(strstr(diag.text, "run discovery first"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(discovery_over_the_link_sends_two_words_and_decodes_the_answer,
			setup),
		cmocka_unit_test_setup(st_chain_and_leaf_key_authenticate_for_full_regression, setup),
		cmocka_unit_test_setup(token_signed_with_the_wrong_key_is_refused_by_name, setup),
		cmocka_unit_test_setup(a_refused_certificate_is_named_with_the_status, setup),
		cmocka_unit_test_setup(st_password_is_accepted, setup),
		cmocka_unit_test_setup(wrong_password_is_refused_by_name, setup),
		cmocka_unit_test_setup(a_silent_device_times_out_naming_the_command, setup),
		cmocka_unit_test_setup(a_device_sending_less_than_it_announced_times_out, setup),
		cmocka_unit_test_setup(a_device_announcing_too_much_is_refused_before_reading_it,
			setup),
		cmocka_unit_test_setup(lock_debug_succeeds_and_unknown_commands_are_named, setup),
		cmocka_unit_test_setup(byte_count_mode_works_end_to_end, setup),
		cmocka_unit_test_setup(auto_count_detects_a_device_counting_words, setup_auto),
		cmocka_unit_test_setup(auto_count_detects_a_device_counting_bytes, setup_auto),
		cmocka_unit_test_setup(no_data_is_sent_while_the_unit_is_unknown,
			setup_auto),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
