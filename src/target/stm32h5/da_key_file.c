// SPDX-License-Identifier: GPL-2.0-or-later

/* Debug Authentication key files: generation and public keys (see da_key_file.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ecp.h>
#include <mbedtls/entropy.h>
#include <mbedtls/pk.h>
#include <mbedtls/platform_util.h>

#include "da_file.h"
#include "da_key_file.h"
#include "lifecycle_credential.h"

#define PEM_MAX		1024
#define KEY_FILE_MAX	4096

static bool write_all(int fd, const unsigned char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

/* Creates path with the given mode and writes the PEM text; exclusive refuses an existing file */
static enum da_err write_pem(const char *path, const unsigned char *pem, int mode, bool exclusive,
		struct da_diag *diag)
{
	int flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (exclusive ? O_EXCL : O_TRUNC);
	int fd = open(path, flags, mode);
	bool ok;

	if (fd < 0 && errno == EEXIST)
		return da_fail(diag, DA_ERR_FILE, "%s exists; a key file is never overwritten",
			path);
	if (fd < 0)
		return da_fail(diag, DA_ERR_FILE, "%s: cannot create (%s)", path, strerror(errno));
	ok = write_all(fd, pem, strlen((const char *)pem));
	if (close(fd))
		ok = false;
	if (!ok) {
		unlink(path);
		return da_fail(diag, DA_ERR_FILE, "%s: cannot write", path);
	}
	return DA_OK;
}

enum da_err da_key_generate(const char *key_path, const char *pub_path, struct da_diag *diag)
{
	static const unsigned char personalization[] = "stm32h5 da make_key";
	mbedtls_entropy_context entropy;
	mbedtls_ctr_drbg_context drbg;
	mbedtls_pk_context pk;
	unsigned char pem[PEM_MAX];
	enum da_err err = DA_OK;

	mbedtls_entropy_init(&entropy);
	mbedtls_ctr_drbg_init(&drbg);
	mbedtls_pk_init(&pk);
	if (mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy, personalization,
			sizeof(personalization) - 1))
		err = da_fail(diag, DA_ERR_CRYPTO, "cannot seed the random generator");
	else if (mbedtls_pk_setup(&pk, mbedtls_pk_info_from_type(MBEDTLS_PK_ECKEY))
			|| mbedtls_ecp_gen_key(MBEDTLS_ECP_DP_SECP256R1, mbedtls_pk_ec(pk),
				mbedtls_ctr_drbg_random, &drbg))
		err = da_fail(diag, DA_ERR_CRYPTO, "P-256 key generation failed");
	else if (mbedtls_pk_write_key_pem(&pk, pem, sizeof(pem)))
		err = da_fail(diag, DA_ERR_CRYPTO, "cannot encode the private key");
	if (err == DA_OK)
		err = write_pem(key_path, pem, 0600, true, diag);
	mbedtls_platform_zeroize(pem, sizeof(pem));
	if (err == DA_OK && pub_path) {
		if (mbedtls_pk_write_pubkey_pem(&pk, pem, sizeof(pem)))
			err = da_fail(diag, DA_ERR_CRYPTO, "cannot encode the public key");
		else
			err = write_pem(pub_path, pem, 0644, false, diag);
	}
	mbedtls_pk_free(&pk);
	mbedtls_ctr_drbg_free(&drbg);
	mbedtls_entropy_free(&entropy);
	return err;
}

enum da_err da_pubkey_load(const char *path, uint8_t pubkey[DA_P256_PUBKEY_BYTES],
		struct da_diag *diag)
{
	char reason[DA_DIAG_TEXT_SIZE];
	uint8_t *data;
	size_t len;
	enum da_err err;
	bool ok;

	err = da_file_read(path, KEY_FILE_MAX, &data, &len, diag);
	if (err != DA_OK)
		return err;
	ok = h5_key_public_xy(data, len, pubkey, reason, sizeof(reason));
	da_file_free(data, len);
	if (!ok)
		return da_fail(diag, DA_ERR_MALFORMED, "%s: %s", path, reason);
	return DA_OK;
}
