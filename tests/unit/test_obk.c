// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Unit tests of src/target/stm32h5/obk.c and lifecycle_credential.c: ST's sample .obk files
 * parse, our DA configuration generator reproduces them byte for byte (NUCLEO-H563ZI with the
 * encryption flag 0, NUCLEO-H533RE with 1), malformed files are refused with the reason, and
 * a provisioned 96-byte blob decodes. Hashes are the ones computed by hand with sha256sum
 * (h5-debug-auth.md §6.3 [V]).
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "target/stm32h5/obk.h"
#include "test_obk_samples.h"

/* sha256sum of the 16 ASCII bytes "0123456789012345" */
#define PASSWORD_HASH "184aa46d813411727da0dc9e64186bb9907289b5aab4b320d26fff5ea45d8e3d"
/* SHA-256 of the 64 bytes X||Y of Keys/key_1_root_pub.pem (openssl ec -pubin ... | tail -c 64) */
#define ROOT_KEY_HASH "cc05b01317775c865a3f987d1778c12d7e517851a0f42dd92dfa6c1d859b25fe"
/* data bytes 0x00..0x1F of DA_Config.obk: SHA-256 of the next 64 bytes */
#define DA_CONFIG_INTEGRITY "989c08e96934b8b0c754e7b38704dcca9611551838f2f429d30fc056986a757f"

static char err[512];

/* A P-384 public key and an RSA key: valid PEM, wrong algorithm for the H5 */
static const char p384_pub[] =
	"-----BEGIN PUBLIC KEY-----\n"
	"MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE9BJSpYSDI+D013NqEEN3ZvtZnPA6IOBM\n"
	"hLAtpPiewNPxBQ5l1EqDXxcs8Oo0NGQZiIrKDjHuxYU0/N4W86yprU2yZKSQvrHP\n"
	"ngFEfgT2zvou2x8uYIR6OK4739eXW5xV\n"
	"-----END PUBLIC KEY-----\n";
static const char rsa_pub[] =
	"-----BEGIN PUBLIC KEY-----\n"
	"MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBALtqJYGRsBOGvT+tzcEcRu7Xxm0bmwio\n"
	"ObBDaHrBrh1YooNlRd3niaT8y3fJDonrDBRt30KtdhgKuStQr/GHMOMCAwEAAQ==\n"
	"-----END PUBLIC KEY-----\n";

static bool parse(const unsigned char *buf, size_t len, struct h5_obk_file *obk)
{
	err[0] = '\0';
	return h5_obk_parse(buf, len, obk, err, sizeof(err));
}

static void assert_refused_with(const unsigned char *buf, size_t len, const char *words)
{
	struct h5_obk_file obk;
	assert_false(parse(buf, len, &obk));
	if (!strstr(err, words))
		fail_msg("message '%s' does not say '%s'", err, words);
}

/* Writes a header {dest, size, encrypt} then fills data with a pattern */
static size_t make_obk(unsigned char *buf, uint32_t dest, uint32_t size, uint32_t encrypt,
		size_t data_len)
{
	const uint32_t words[3] = { dest, size, encrypt };
	for (int i = 0; i < 3; i++)
		for (int b = 0; b < 4; b++)
			buf[4 * i + b] = (unsigned char)(words[i] >> (8 * b));
	for (size_t i = 0; i < data_len; i++)
		buf[12 + i] = (unsigned char)(i * 7 + 1);
	return 12 + data_len;
}

static void st_sample_obk_files_parse_as_da_configurations(void **state)
{
	static const struct {
		const char *file;
		uint32_t encrypt;
	} samples[] = {
		{ "NUCLEO-H563ZI/Binary/DA_Config.obk", 0 },
		{ "NUCLEO-H563ZI/Binary/DA_ConfigWithPassword.obk", 0 },
		{ "NUCLEO-H533RE/Binary/DA_Config.obk", 1 },
		{ "NUCLEO-H533RE/Binary/DA_ConfigWithPassword.obk", 1 },
	};
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		size_t len;
		unsigned char *file = read_sample(samples[i].file, &len);
		struct h5_obk_file obk;
		if (!parse(file, len, &obk))
			fail_msg("%s: %s", samples[i].file, err);
		assert_int_equal(obk.dest, 0x0FFD0100);
		assert_int_equal(obk.size, 96);
		assert_int_equal(obk.encrypt, samples[i].encrypt);
		assert_int_equal(obk.slot, H5_OBK_SLOT_HDPL1);
		assert_true(obk.is_da_config);
		assert_true(obk.has_integrity_hash);
		assert_ptr_equal(obk.data, file + 12);
		free(file);
	}
}

static void password_hash_of_st_password_bin_is_sha256_of_the_password(void **state)
{
	size_t len;
	unsigned char *file = read_sample("NUCLEO-H563ZI/Binary/password.bin", &len);
	unsigned char hash[32], expected[32];
	from_hex(PASSWORD_HASH, expected, 32);
	assert_true(h5_password_file_hash(file, len, hash, err, sizeof(err)));
	assert_memory_equal(hash, expected, 32);
	free(file);
}

static void a_raw_password_file_hashes_like_the_tlv_one(void **state)
{
	const unsigned char raw[] = "0123456789012345";
	unsigned char hash[32], expected[32];
	const uint8_t *pw;
	size_t n;
	bool tlv = true;
	from_hex(PASSWORD_HASH, expected, 32);
	assert_true(h5_password_file_hash(raw, 16, hash, err, sizeof(err)));
	assert_memory_equal(hash, expected, 32);
	assert_true(h5_password_from_file(raw, 16, &pw, &n, &tlv, err, sizeof(err)));
	assert_false(tlv);
	assert_int_equal(n, 16);
}

static void root_key_hash_is_sha256_of_raw_x_and_y(void **state)
{
	static const char *const keys[] = {
		"NUCLEO-H563ZI/Keys/key_1_root_pub.pem",
		"NUCLEO-H563ZI/Keys/key_1_root.pem",	/* private: its public half is used */
	};
	unsigned char expected[32];
	from_hex(ROOT_KEY_HASH, expected, 32);
	for (size_t i = 0; i < 2; i++) {
		size_t len;
		unsigned char *pem = read_sample(keys[i], &len);
		unsigned char hash[32];
		if (!h5_root_key_hash(pem, len, hash, err, sizeof(err)))
			fail_msg("%s: %s", keys[i], err);
		assert_memory_equal(hash, expected, 32);
		free(pem);
	}
}

/* Generates a DA configuration and compares it with an ST sample byte for byte */
static void assert_generated_equals(const char *sample, const unsigned char hash[32],
		bool encrypt)
{
	size_t len;
	unsigned char *file = read_sample(sample, &len);
	unsigned char out[H5_DA_OBK_FILE_SIZE];
	assert_int_equal(len, 108);
	h5_da_config_build(hash, H5_DA_PERMISSIONS_DEFAULT, encrypt, out);
	assert_memory_equal(out, file, 108);
	free(file);
}

static void password_configs_equal_st_samples_for_h563_and_h533(void **state)
{
	size_t len;
	unsigned char *pw = read_sample("NUCLEO-H533RE/Binary/password.bin", &len);
	unsigned char hash[32];
	assert_true(h5_password_file_hash(pw, len, hash, err, sizeof(err)));
	assert_generated_equals("NUCLEO-H563ZI/Binary/DA_ConfigWithPassword.obk", hash, false);
	assert_generated_equals("NUCLEO-H533RE/Binary/DA_ConfigWithPassword.obk", hash, true);
	free(pw);
}

static void certificate_configs_equal_st_samples_for_h563_and_h533(void **state)
{
	size_t len;
	unsigned char *pem = read_sample("NUCLEO-H533RE/Keys/key_1_root.pem", &len);
	unsigned char hash[32];
	assert_true(h5_root_key_hash(pem, len, hash, err, sizeof(err)));
	assert_generated_equals("NUCLEO-H563ZI/Binary/DA_Config.obk", hash, false);
	assert_generated_equals("NUCLEO-H533RE/Binary/DA_Config.obk", hash, true);
	free(pem);
}

static void generated_config_carries_the_permission_mask_little_endian(void **state)
{
	unsigned char hash[32] = { 0 };
	unsigned char out[H5_DA_OBK_FILE_SIZE];
	struct h5_obk_file obk;
	h5_da_config_build(hash, 0x00004040, false, out);
	/* permission word at data offset 0x40, file offset 0x4C */
	assert_int_equal(out[0x4C], 0x40);
	assert_int_equal(out[0x4D], 0x40);
	assert_int_equal(out[0x4E], 0x00);
	assert_int_equal(out[0x4F], 0x00);
	assert_true(parse(out, sizeof(out), &obk));
}

static void a_truncated_file_is_refused(void **state)
{
	size_t len;
	unsigned char *file = read_sample("NUCLEO-H563ZI/Binary/DA_Config.obk", &len);
	assert_refused_with(file, 100, "truncated: its header announces 96 data bytes but only 88");
	assert_refused_with(file, 8, "too short for the 12-byte .obk header");
	free(file);
}

static void extra_bytes_after_the_announced_data_are_refused(void **state)
{
	unsigned char buf[12 + 128];
	size_t len = make_obk(buf, 0x0FFD0900, 0x20, 0, 0x30);
	assert_refused_with(buf, len, "more than the 32 its header announces");
}

static void data_running_past_the_slot_is_refused(void **state)
{
	unsigned char buf[12 + 0x200];
	/* HDPL1 slot ends at 0x0FFD08FF; 0x200 bytes at 0x0FFD0800 end at 0x0FFD09FF */
	size_t len = make_obk(buf, 0x0FFD0800, 0x200, 0, 0x200);
	assert_refused_with(buf, len, "run past the end of the HDPL1 slot (its last byte is "
			"0x0FFD08FF)");
}

static void a_wrong_embedded_hash_is_refused(void **state)
{
	size_t len;
	unsigned char *file = read_sample("NUCLEO-H563ZI/Binary/DA_ConfigWithPassword.obk", &len);
	file[0x30] ^= 0x01;	/* one bit of the password hash */
	assert_refused_with(file, len, "embedded SHA-256");
	free(file);
}

static void a_destination_outside_the_obk_area_is_refused(void **state)
{
	unsigned char buf[12 + 96];
	size_t len = make_obk(buf, 0x08000000, 96, 0, 96);
	assert_refused_with(buf, len, "destination 0x08000000 is outside the OBK area");
	len = make_obk(buf, 0x0FFD2000, 96, 0, 96);
	assert_refused_with(buf, len, "outside the OBK area");
	len = make_obk(buf, 0x0FFD1FF0, 16, 0, 16);
	assert_refused_with(buf, len, "belong to no slot");
}

static void a_misaligned_destination_or_size_is_refused(void **state)
{
	unsigned char buf[12 + 96];
	size_t len = make_obk(buf, 0x0FFD0108, 96, 0, 96);
	assert_refused_with(buf, len, "0x0FFD0108 is not 16-byte aligned");
	len = make_obk(buf, 0x0FFD0900, 0x58, 0, 0x58);
	assert_refused_with(buf, len, "data size 88 is not a multiple of 16");
}

static void st_slot_and_wrong_alias_are_refused(void **state)
{
	unsigned char buf[12 + 32];
	size_t len = make_obk(buf, 0x0FFD0000, 32, 0, 32);
	assert_refused_with(buf, len, "HDPL0 slot, which belongs to ST");
	len = make_obk(buf, 0x0BFD0C00, 32, 0, 32);
	assert_refused_with(buf, len, "reached only at its secure address 0x0FFD0C00");
	len = make_obk(buf, 0x0FFD1800, 32, 0, 32);
	assert_refused_with(buf, len, "reached only at its non-secure address 0x0BFD1800");
}

static void a_bad_encryption_flag_or_empty_data_is_refused(void **state)
{
	unsigned char buf[12 + 96];
	size_t len = make_obk(buf, 0x0FFD0900, 32, 2, 32);
	assert_refused_with(buf, len, "encryption flag (header bytes 8..11) is neither 0 nor 1");
	len = make_obk(buf, 0x0FFD0900, 0, 0, 0);
	assert_refused_with(buf, len, "announces no data");
}

static void a_password_file_given_as_obk_is_refused_without_quoting_it(void **state)
{
	/* ST's password.bin layout: type 0x80000000, length 16, "0123456789012345" */
	static const unsigned char file[24] = {
		0x00, 0x00, 0x00, 0x80, 0x10, 0x00, 0x00, 0x00, '0', '1', '2', '3', '4', '5', '6', '7',
		'8', '9', '0', '1', '2', '3', '4', '5',
	};
	struct h5_obk_file obk;
	char why[256] = "";

	assert_false(h5_obk_parse(file, sizeof(file), &obk, why, sizeof(why)));
	assert_non_null(strstr(why, "not a .obk file"));
	/* bytes 8..11 "0123" neither as the header word 0x33323130 nor as text */
	assert_null(strstr(why, "33323130"));
	assert_null(strstr(why, "0123"));
}

static void a_da_configuration_of_the_wrong_size_is_refused(void **state)
{
	unsigned char buf[12 + 0x70];
	size_t len = make_obk(buf, 0x0FFD0100, 0x70, 0, 0x70);
	assert_refused_with(buf, len, "is 96 bytes; this file has 112");
}

static void other_keys_are_accepted_where_their_slot_allows(void **state)
{
	unsigned char buf[12 + 64];
	struct h5_obk_file obk;
	size_t len = make_obk(buf, 0x0FFD0900, 64, 1, 64);
	assert_true(parse(buf, len, &obk));
	assert_int_equal(obk.slot, H5_OBK_SLOT_HDPL2);
	assert_false(obk.is_da_config);
	assert_false(obk.has_integrity_hash);
	len = make_obk(buf, 0x0BFD1FB0, 64, 0, 64);	/* last 64 bytes of HDPL3-NS */
	assert_true(parse(buf, len, &obk));
	assert_int_equal(obk.slot, H5_OBK_SLOT_HDPL3_NS);
	assert_string_equal(h5_obk_slot_name(obk.slot), "HDPL3 non-secure");
}

static void a_provisioned_blob_decodes_to_hash_and_permissions(void **state)
{
	size_t len;
	unsigned char *file = read_sample("NUCLEO-H563ZI/Binary/DA_ConfigWithPassword.obk", &len);
	unsigned char expected[32], other[32];
	struct h5_da_blob blob;
	from_hex(PASSWORD_HASH, expected, 32);
	from_hex(ROOT_KEY_HASH, other, 32);
	assert_int_equal(h5_da_blob_decode(file + 12, &blob), H5_DA_BLOB_VALID);
	assert_int_equal(blob.permissions, 0x00005077);
	assert_memory_equal(blob.credential_hash, expected, 32);
	assert_true(h5_da_blob_matches(&blob, expected));
	assert_false(h5_da_blob_matches(&blob, other));
	free(file);
}

static void an_erased_blob_is_empty_and_a_damaged_one_is_opaque(void **state)
{
	unsigned char blob[96];
	unsigned char expected[32];
	struct h5_da_blob info;
	from_hex(PASSWORD_HASH, expected, 32);
	memset(blob, 0xFF, sizeof(blob));
	assert_int_equal(h5_da_blob_decode(blob, &info), H5_DA_BLOB_EMPTY);
	blob[95] = 0xFE;
	assert_int_equal(h5_da_blob_decode(blob, &info), H5_DA_BLOB_OPAQUE);
	/* an opaque blob matches no credential, not even by chance */
	memcpy(blob + 0x20, expected, 32);
	assert_int_equal(h5_da_blob_decode(blob, &info), H5_DA_BLOB_OPAQUE);
	assert_false(h5_da_blob_matches(&info, expected));
}

static void integrity_hash_of_st_sample_is_the_hand_computed_one(void **state)
{
	unsigned char hash[32], expected[32];
	from_hex(ROOT_KEY_HASH, hash, 32);
	unsigned char out[H5_DA_OBK_FILE_SIZE];
	h5_da_config_build(hash, 0x00005077, false, out);
	from_hex(DA_CONFIG_INTEGRITY, expected, 32);
	assert_memory_equal(out + 12, expected, 32);
}

static void permissions_are_described_in_words(void **state)
{
	char buf[512];
	h5_da_permissions_describe(0x00005077, buf, sizeof(buf));
	assert_string_equal(buf, "full regression, partial regression, level 3 intrusive debug, "
			"level 2 intrusive debug, level 1 intrusive debug, level 3 intrusive "
			"non-secure debug, level 2 intrusive non-secure debug, level 1 intrusive "
			"non-secure debug");
	h5_da_permissions_describe(0x00004008, buf, sizeof(buf));
	assert_string_equal(buf, "full regression, unknown bits 0x00000008");
	h5_da_permissions_describe(0, buf, sizeof(buf));
	assert_string_equal(buf, "nothing");
}

static void bad_password_files_are_refused(void **state)
{
	/* TLV header announcing 16 bytes, 12 follow */
	const unsigned char short_tlv[20] = { 0, 0, 0, 0x80, 16, 0, 0, 0 };
	const unsigned char long_raw[] = "01234567890123456";
	unsigned char hash[32];
	assert_false(h5_password_file_hash(short_tlv, sizeof(short_tlv), hash, err, sizeof(err)));
	assert_non_null(strstr(err, "length field says 16 bytes and 12 follow"));
	assert_false(h5_password_file_hash(long_raw, 17, hash, err, sizeof(err)));
	assert_non_null(strstr(err, "17 bytes long; 4 to 16"));
	assert_false(h5_password_file_hash(long_raw, 3, hash, err, sizeof(err)));
	assert_false(h5_password_file_hash(long_raw, 0, hash, err, sizeof(err)));
	assert_non_null(strstr(err, "empty"));
}

static void a_word_padded_password_tlv_hashes_only_the_password(void **state)
{
	/* "01234" with length 5, zero-padded to 8 bytes as ADAC TLVs are */
	const unsigned char padded[16] = { 0, 0, 0, 0x80, 5, 0, 0, 0, '0', '1', '2', '3', '4' };
	unsigned char hash[32], expected[32];
	/* sha256sum of the 5 bytes "01234" */
	from_hex("c565fe03ca9b6242e01dfddefe9bba3d98b270e19cd02fd85ceaf75e2b25bf12", expected, 32);
	assert_true(h5_password_file_hash(padded, sizeof(padded), hash, err, sizeof(err)));
	assert_memory_equal(hash, expected, 32);
}

static void a_password_tlv_with_non_zero_padding_or_a_spare_word_is_refused(void **state)
{
	unsigned char file[20] = { 0, 0, 0, 0x80, 5, 0, 0, 0, '0', '1', '2', '3', '4', 0, 'x', 0 };
	unsigned char hash[32];
	assert_false(h5_password_file_hash(file, 16, hash, err, sizeof(err)));
	assert_non_null(strstr(err, "padding after the 5-byte password is not zero"));
	file[14] = 0;
	assert_false(h5_password_file_hash(file, 20, hash, err, sizeof(err)));
	assert_non_null(strstr(err, "length field says 5 bytes and 12 follow"));
}

static void keys_that_are_not_p256_are_refused(void **state)
{
	unsigned char hash[32];
	assert_false(h5_root_key_hash((const uint8_t *)p384_pub, strlen(p384_pub), hash, err,
			sizeof(err)));
	assert_non_null(strstr(err, "not on curve P-256"));
	assert_false(h5_root_key_hash((const uint8_t *)rsa_pub, strlen(rsa_pub), hash, err,
			sizeof(err)));
	assert_non_null(strstr(err, "not an elliptic-curve key"));
	assert_false(h5_root_key_hash((const uint8_t *)"hello", 5, hash, err, sizeof(err)));
	assert_non_null(strstr(err, "not a PEM or DER"));
}

static void a_certificate_file_is_not_taken_for_a_key(void **state)
{
	size_t len;
	unsigned char *b64 = read_sample("NUCLEO-H563ZI/Certificates/cert_root.b64", &len);
	unsigned char hash[32];
	assert_false(h5_root_key_hash(b64, len, hash, err, sizeof(err)));
	free(b64);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(st_sample_obk_files_parse_as_da_configurations),
		cmocka_unit_test(password_hash_of_st_password_bin_is_sha256_of_the_password),
		cmocka_unit_test(a_raw_password_file_hashes_like_the_tlv_one),
		cmocka_unit_test(root_key_hash_is_sha256_of_raw_x_and_y),
		cmocka_unit_test(password_configs_equal_st_samples_for_h563_and_h533),
		cmocka_unit_test(certificate_configs_equal_st_samples_for_h563_and_h533),
		cmocka_unit_test(generated_config_carries_the_permission_mask_little_endian),
		cmocka_unit_test(a_truncated_file_is_refused),
		cmocka_unit_test(extra_bytes_after_the_announced_data_are_refused),
		cmocka_unit_test(data_running_past_the_slot_is_refused),
		cmocka_unit_test(a_wrong_embedded_hash_is_refused),
		cmocka_unit_test(a_destination_outside_the_obk_area_is_refused),
		cmocka_unit_test(a_misaligned_destination_or_size_is_refused),
		cmocka_unit_test(st_slot_and_wrong_alias_are_refused),
		cmocka_unit_test(a_bad_encryption_flag_or_empty_data_is_refused),
		cmocka_unit_test(a_password_file_given_as_obk_is_refused_without_quoting_it),
		cmocka_unit_test(a_da_configuration_of_the_wrong_size_is_refused),
		cmocka_unit_test(other_keys_are_accepted_where_their_slot_allows),
		cmocka_unit_test(a_provisioned_blob_decodes_to_hash_and_permissions),
		cmocka_unit_test(an_erased_blob_is_empty_and_a_damaged_one_is_opaque),
		cmocka_unit_test(integrity_hash_of_st_sample_is_the_hand_computed_one),
		cmocka_unit_test(permissions_are_described_in_words),
		cmocka_unit_test(bad_password_files_are_refused),
		cmocka_unit_test(a_word_padded_password_tlv_hashes_only_the_password),
		cmocka_unit_test(a_password_tlv_with_non_zero_padding_or_a_spare_word_is_refused),
		cmocka_unit_test(keys_that_are_not_p256_are_refused),
		cmocka_unit_test(a_certificate_file_is_not_taken_for_a_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
