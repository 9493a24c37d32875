/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Test harness for the h5sim DA device: a fake chip (struct da_chip) holding ST's sample
 * provisioning, and a host that speaks the DBGMCU mailbox word by word and builds its own
 * messages (the oracle side: nothing here comes from src/ or from the device code).
 */

#ifndef DA_TEST_HOST_H
#define DA_TEST_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "da/da_device.h"

#ifndef SAMPLES_DIR
#error "SAMPLES_DIR must point at shared/vectors/st-samples"
#endif

/* Values from h5-debug-auth.md, written out here on purpose */
#define PS_OPEN			0xED
#define PS_PROVISIONING		0x17
#define PS_IROT_PROVISIONED	0x2E
#define PS_TZ_CLOSED		0xC6
#define PS_CLOSED		0x72
#define PS_LOCKED		0x5C

#define ENTRY_STDA		0x53544441u

#define ST_SUCCESS		0x0000
#define ST_FAILURE		0x0001
#define ST_NEED_MORE_DATA	0x0002
#define ST_UNSUPPORTED		0x0003
#define ST_UNAUTHORIZED		0x0004
#define ST_INVALID_PARAMETERS	0x0005
#define ST_INVALID_COMMAND	0x7FFF

#define CMD_DISCOVERY		0x0001
#define CMD_AUTH_START		0x0002
#define CMD_AUTH_RESPONSE	0x0003
#define CMD_RESUME_BOOT		0x0005
#define CMD_LOCK_DEBUG		0x0006

#define CERT_TLV_SIZE		220	/* 8-byte TLV header + 212-byte body */
#define TOKEN_TLV_SIZE		128

enum fake_part {
	FAKE_H563,	/* TrustZone, OBK, DEV_ID 0x484 */
	FAKE_H503,	/* no TrustZone, no OBK, DEV_ID 0x474 */
};

struct fake_chip {
	uint8_t product_state;
	bool tzen;
	bool obk_programmed;
	uint8_t obk[96];
	bool otp_programmed;
	uint8_t otp[32];
	int full_regressions;
	int partial_regressions;
	int open_debug_calls;
	uint32_t open_debug_mask;
	int lock_debug_calls;
	struct da_device *reset_on_regression;	/* set: full_regression resets it (like simcore) */
	bool booted_after_regression;
	char log[32768];
	size_t log_len;
};

struct test_env {
	struct fake_chip fake;
	struct da_chip chip;
	struct da_settings settings;
	struct da_device *da;
};

/* Sample files (relative to SAMPLES_DIR); abort the test when missing */
size_t sample_read(const char *rel, uint8_t *buf, size_t cap);
void sample_obk_payload(const char *rel, uint8_t out[96]);
/* ST's cert_leaf_chain.b64 decoded: 3 TLVs of 220 bytes (root, intermediate, leaf) */
void sample_chain(uint8_t chain[3][CERT_TLV_SIZE]);
/* Deterministic ECDSA P-256 (RFC 6979) signature r||s of SHA-256(msg) with a sample key */
void sample_sign(const char *key_rel, const uint8_t *msg, size_t len, uint8_t sig[64]);

/* Fake chip + device; settings may be changed before env_create_device() */
void env_init(struct test_env *env, enum fake_part part, uint8_t state, bool tzen);
void env_provision_obk(struct test_env *env, const char *obk_rel);
void env_provision_otp(struct test_env *env, const char *hash_rel);
void env_create_device(struct test_env *env);
void env_free(struct test_env *env);

/* Host side */
uint32_t host_ack(struct test_env *env);
bool host_device_word_ready(struct test_env *env);	/* polls ACK a few times */
uint32_t host_get(struct test_env *env);		/* asserts a word is ready */
void host_put(struct test_env *env, uint32_t word);	/* asserts the host bit is clear */
bool host_enter(struct test_env *env, uint32_t word);	/* reset with word pending */
/* Enters DA with the STDA word and reads the echo */
void host_enter_da(struct test_env *env);
/* Sends a request (data_len bytes, multiple of 4) and reads the response */
uint16_t host_command(struct test_env *env, uint16_t cmd, const uint8_t *data, uint32_t data_len,
		      uint8_t *resp, uint32_t resp_cap, uint32_t *resp_len);
/* AUTH_START; returns the 32-byte challenge vector */
void host_auth_start(struct test_env *env, uint8_t vector[32]);
/* Builds TLV bytes; returns the padded size */
size_t tlv_build(uint8_t *out, uint16_t type, const uint8_t *value, uint32_t len);
/* Builds a 128-byte token TLV requesting perms, signed with key_rel over the challenge */
void token_build(uint8_t out[TOKEN_TLV_SIZE], uint32_t perms, const uint8_t vector[32],
		 const char *key_rel);
/* Finds a TLV of type in a discovery answer; returns its value or NULL */
const uint8_t *tlv_find(const uint8_t *list, uint32_t len, uint16_t type, uint32_t *vlen);

bool log_contains(const struct test_env *env, const char *text);
bool log_contains_bytes(const struct test_env *env, const uint8_t *bytes, size_t len);

#define H563_DIR	"NUCLEO-H563ZI/"
#define H503_DIR	"NUCLEO-H503RB/"
#define KEY_ROOT	H563_DIR "Keys/key_1_root.pem"
#define KEY_INTERMEDIATE H563_DIR "Keys/key_2_intermediate.pem"
#define KEY_LEAF	H563_DIR "Keys/key_3_leaf.pem"

#endif /* DA_TEST_HOST_H */
