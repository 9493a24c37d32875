// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Test harness for the h5sim DA device: fake chip, sample files, and a host speaking the
 * mailbox word by word. Host messages are built here from h5-debug-auth.md, with mbedTLS.
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/base64.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/pk.h>
#include <mbedtls/sha256.h>

#include "da_test_host.h"

#define OBK_ADDR	0x0FFD0100u
#define OTP_ADDR	0x08FFF000u

size_t sample_read(const char *rel, uint8_t *buf, size_t cap)
{
	char path[512];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", SAMPLES_DIR, rel);
	f = fopen(path, "rb");
	if (!f)
		fail_msg("sample file %s cannot be opened", path);
	n = fread(buf, 1, cap, f);
	fclose(f);
	assert_true(n > 0 && n < cap);
	return n;
}

void sample_obk_payload(const char *rel, uint8_t out[96])
{
	uint8_t file[256];
	size_t n = sample_read(rel, file, sizeof(file));

	/* .obk: 12-byte header (address, size, encryption flag), then the 96 stored bytes */
	assert_int_equal(n, 108);
	memcpy(out, file + 12, 96);
}

void sample_chain(uint8_t chain[3][CERT_TLV_SIZE])
{
	uint8_t text[2048];
	uint8_t raw[1024];
	size_t n = sample_read(H563_DIR "Certificates/cert_leaf_chain.b64", text, sizeof(text));
	size_t olen = 0;

	while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == '\r'))
		n--;
	assert_int_equal(mbedtls_base64_decode(raw, sizeof(raw), &olen, text, n), 0);
	assert_int_equal(olen, 3 * CERT_TLV_SIZE);
	for (int i = 0; i < 3; i++)
		memcpy(chain[i], raw + i * CERT_TLV_SIZE, CERT_TLV_SIZE);
}

static int test_blinding_rng(void *ctx, unsigned char *out, size_t len)
{
	unsigned int *counter = ctx;

	for (size_t i = 0; i < len; i++)
		out[i] = (unsigned char)(++*counter * 131u);
	return 0;
}

void sample_sign(const char *key_rel, const uint8_t *msg, size_t len, uint8_t sig[64])
{
	uint8_t pem[1024];
	size_t n = sample_read(key_rel, pem, sizeof(pem) - 1);
	uint8_t hash[32];
	mbedtls_pk_context pk;
	mbedtls_ecp_keypair *kp;
	mbedtls_mpi r, s;
	unsigned int counter = 0;

	pem[n] = 0;
	mbedtls_pk_init(&pk);
	assert_int_equal(mbedtls_pk_parse_key(&pk, pem, n + 1, NULL, 0), 0);
	kp = mbedtls_pk_ec(pk);
	assert_non_null(kp);
	assert_int_equal(mbedtls_sha256_ret(msg, len, hash, 0), 0);
	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	assert_int_equal(mbedtls_ecdsa_sign_det_ext(&kp->grp, &r, &s, &kp->d, hash, sizeof(hash),
						    MBEDTLS_MD_SHA256, test_blinding_rng,
						    &counter), 0);
	assert_int_equal(mbedtls_mpi_write_binary(&r, sig, 32), 0);
	assert_int_equal(mbedtls_mpi_write_binary(&s, sig + 32, 32), 0);
	mbedtls_mpi_free(&r);
	mbedtls_mpi_free(&s);
	mbedtls_pk_free(&pk);
	memset(pem, 0, sizeof(pem));
}

/* --- fake chip ------------------------------------------------------------------------- */

static uint8_t fake_product_state(void *ctx)
{
	return ((struct fake_chip *)ctx)->product_state;
}

static bool fake_tzen(void *ctx)
{
	return ((struct fake_chip *)ctx)->tzen;
}

static bool fake_read_nvm(void *ctx, uint32_t addr, void *buf, uint32_t len)
{
	struct fake_chip *f = ctx;

	if (addr == OBK_ADDR && len <= sizeof(f->obk)) {
		if (f->obk_programmed)
			memcpy(buf, f->obk, len);
		else
			memset(buf, 0xFF, len);
		return true;
	}
	/* An unwritten OTP word reads as an ECC error (h5-flash-ob.md §2.4) */
	if (addr == OTP_ADDR && len <= sizeof(f->otp) && f->otp_programmed) {
		memcpy(buf, f->otp, len);
		return true;
	}
	return false;
}

static void fake_full_regression(void *ctx)
{
	struct fake_chip *f = ctx;

	f->full_regressions++;
	if (f->reset_on_regression) {
		/* the chip resets itself from inside the callback */
		f->product_state = PS_OPEN;
		da_device_reset(f->reset_on_regression, true);
		f->booted_after_regression = !da_device_reset(f->reset_on_regression, false);
	}
}

static void fake_partial_regression(void *ctx)
{
	((struct fake_chip *)ctx)->partial_regressions++;
}

static void fake_open_debug(void *ctx, uint32_t permissions)
{
	struct fake_chip *f = ctx;

	f->open_debug_calls++;
	f->open_debug_mask = permissions;
}

static void fake_lock_debug(void *ctx)
{
	((struct fake_chip *)ctx)->lock_debug_calls++;
}

static void fake_log(void *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fake_log(void *ctx, const char *fmt, ...)
{
	struct fake_chip *f = ctx;
	char line[512];
	size_t n;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (getenv("DA_TEST_VERBOSE"))
		fprintf(stderr, "# %s\n", line);
	n = strlen(line);
	if (f->log_len + n + 2 > sizeof(f->log))
		return;
	memcpy(f->log + f->log_len, line, n);
	f->log_len += n;
	f->log[f->log_len++] = '\n';
	f->log[f->log_len] = 0;
}

void env_init(struct test_env *env, enum fake_part part, uint8_t state, bool tzen)
{
	static const uint8_t uid[12] = {
		0x47, 0x00, 0x35, 0x00, 0x0A, 0x51, 0x32, 0x33, 0x37, 0x35, 0x35, 0x35
	};

	memset(env, 0, sizeof(*env));
	env->fake.product_state = state;
	env->fake.tzen = tzen;
	env->chip.ctx = &env->fake;
	env->chip.dev_id = part == FAKE_H503 ? 0x474 : 0x484;
	env->chip.has_trustzone = part != FAKE_H503;
	env->chip.has_obk = part != FAKE_H503;
	memcpy(env->chip.uid, uid, sizeof(uid));
	env->chip.product_state = fake_product_state;
	env->chip.tzen = fake_tzen;
	env->chip.read_nvm = fake_read_nvm;
	env->chip.full_regression = fake_full_regression;
	env->chip.partial_regression = fake_partial_regression;
	env->chip.open_debug = fake_open_debug;
	env->chip.lock_debug = fake_lock_debug;
	env->chip.log = fake_log;
	da_device_defaults(&env->settings);
	env->settings.rng_seed = 1;
}

void env_provision_obk(struct test_env *env, const char *obk_rel)
{
	sample_obk_payload(obk_rel, env->fake.obk);
	env->fake.obk_programmed = true;
}

void env_provision_otp(struct test_env *env, const char *hash_rel)
{
	assert_int_equal(sample_read(hash_rel, env->fake.otp, sizeof(env->fake.otp) + 1), 32);
	env->fake.otp_programmed = true;
}

void env_create_device(struct test_env *env)
{
	env->da = da_device_create(&env->chip, &env->settings);
	assert_non_null(env->da);
}

void env_free(struct test_env *env)
{
	da_device_free(env->da);
	env->da = NULL;
}

/* --- host ------------------------------------------------------------------------------ */

static uint32_t host_bit(const struct test_env *env)
{
	return env->settings.ack_swapped ? 0x2 : 0x1;
}

static uint32_t device_bit(const struct test_env *env)
{
	return env->settings.ack_swapped ? 0x1 : 0x2;
}

uint32_t host_ack(struct test_env *env)
{
	return da_device_read(env->da, 0x108);
}

bool host_device_word_ready(struct test_env *env)
{
	for (int i = 0; i < 4; i++)
		if (host_ack(env) & device_bit(env))
			return true;
	return false;
}

uint32_t host_get(struct test_env *env)
{
	if (!host_device_word_ready(env))
		fail_msg("device has no word for the host (ACK 0x%x)", (unsigned int)host_ack(env));
	return da_device_read(env->da, 0x104);
}

void host_put(struct test_env *env, uint32_t word)
{
	if (host_ack(env) & host_bit(env))
		fail_msg("previous host word not consumed (ACK 0x%x)", (unsigned int)host_ack(env));
	da_device_write(env->da, 0x100, word);
}

bool host_enter(struct test_env *env, uint32_t word)
{
	da_device_reset(env->da, true);
	da_device_write(env->da, 0x100, word);
	return da_device_reset(env->da, false);
}

void host_enter_da(struct test_env *env)
{
	assert_true(host_enter(env, ENTRY_STDA));
	assert_true(da_device_active(env->da));
	if (env->settings.echo_magic)
		assert_int_equal(host_get(env), ENTRY_STDA);
}

uint16_t host_command(struct test_env *env, uint16_t cmd, const uint8_t *data, uint32_t data_len,
		      uint8_t *resp, uint32_t resp_cap, uint32_t *resp_len)
{
	uint32_t w0, count, words;

	assert_int_equal(data_len % 4, 0);
	host_put(env, (uint32_t)cmd << 16);
	host_put(env, env->settings.data_count_in_bytes ? data_len : data_len / 4);
	for (uint32_t i = 0; i < data_len; i += 4)
		host_put(env, (uint32_t)data[i] | (uint32_t)data[i + 1] << 8 |
			 (uint32_t)data[i + 2] << 16 | (uint32_t)data[i + 3] << 24);
	w0 = host_get(env);
	count = host_get(env);
	assert_int_equal(w0 & 0xFFFF, 0);
	words = env->settings.data_count_in_bytes ? count / 4 : count;
	assert_true(words * 4 <= resp_cap);
	for (uint32_t i = 0; i < words; i++) {
		uint32_t w = host_get(env);

		resp[4 * i] = w & 0xFF;
		resp[4 * i + 1] = (w >> 8) & 0xFF;
		resp[4 * i + 2] = (w >> 16) & 0xFF;
		resp[4 * i + 3] = w >> 24;
	}
	if (resp_len)
		*resp_len = words * 4;
	return w0 >> 16;
}

void host_auth_start(struct test_env *env, uint8_t vector[32])
{
	uint8_t resp[64];
	uint32_t len = 0;

	assert_int_equal(host_command(env, CMD_AUTH_START, NULL, 0, resp, sizeof(resp), &len),
			 ST_SUCCESS);
	assert_int_equal(len, 36);
	assert_int_equal(resp[0], 1);	/* format_version.major */
	assert_int_equal(resp[1], 0);
	memcpy(vector, resp + 4, 32);
}

size_t tlv_build(uint8_t *out, uint16_t type, const uint8_t *value, uint32_t len)
{
	size_t padded = (len + 3) & ~3u;

	memset(out, 0, 8 + padded);
	out[2] = type & 0xFF;
	out[3] = type >> 8;
	out[4] = len & 0xFF;
	out[5] = (len >> 8) & 0xFF;
	out[6] = (len >> 16) & 0xFF;
	out[7] = len >> 24;
	if (len)
		memcpy(out + 8, value, len);
	return 8 + padded;
}

void token_build(uint8_t out[TOKEN_TLV_SIZE], uint32_t perms, const uint8_t vector[32],
		 const char *key_rel)
{
	uint8_t token[120] = { 0 };
	uint8_t tbs[0x38 + 32];

	token[0] = 1;		/* format_version.major */
	token[2] = 1;		/* signature_type ECDSA P-256 SHA-256 */
	token[8] = perms & 0xFF;
	token[9] = (perms >> 8) & 0xFF;
	token[10] = (perms >> 16) & 0xFF;
	token[11] = perms >> 24;
	memcpy(tbs, token, 0x38);
	memcpy(tbs + 0x38, vector, 32);
	sample_sign(key_rel, tbs, sizeof(tbs), token + 0x38);
	assert_int_equal(tlv_build(out, 0x0200, token, sizeof(token)), TOKEN_TLV_SIZE);
}

const uint8_t *tlv_find(const uint8_t *list, uint32_t len, uint16_t type, uint32_t *vlen)
{
	uint32_t i = 0;

	while (i + 8 <= len) {
		uint16_t t = list[i + 2] | list[i + 3] << 8;
		uint32_t l = list[i + 4] | list[i + 5] << 8 | list[i + 6] << 16 |
			(uint32_t)list[i + 7] << 24;

		if (t == type) {
			*vlen = l;
			return list + i + 8;
		}
		i += 8 + ((l + 3) & ~3u);
	}
	return NULL;
}

bool log_contains(const struct test_env *env, const char *text)
{
	return strstr(env->fake.log, text) != NULL;
}

bool log_contains_bytes(const struct test_env *env, const uint8_t *bytes, size_t len)
{
	for (size_t i = 0; i + len <= env->fake.log_len; i++)
		if (memcmp(env->fake.log + i, bytes, len) == 0)
			return true;
	return false;
}
