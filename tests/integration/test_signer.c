// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * A stand-in for an external signer (a KMS client, a signing server), for the tests of
 * "-sign-cmd": reads the 32-byte digest on stdin and writes an ECDSA P-256 signature made with
 * KEY.pem on stdout, through mbedTLS directly (no code of the project). MODE chooses how it
 * answers, so that each failure the host must name can be produced:
 *   raw     64 bytes r||s            der      DER ECDSA-Sig-Value
 *   short   32 bytes only            fail     nothing, exit status 3
 *   slow    sleeps 30 s first        garbage  64 bytes that are not a signature
 *   chatty  raw, and a line with a secret marker on stderr (must never reach a log)
 *
 * usage: test_signer MODE KEY.pem
 */

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/entropy.h>
#include <mbedtls/pk.h>

static int read_digest(unsigned char digest[32])
{
	size_t got = 0;

	while (got < 32) {
		ssize_t n = read(0, digest + got, 32 - got);

		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	return 0;
}

int main(int argc, char **argv)
{
	mbedtls_entropy_context entropy;
	mbedtls_ctr_drbg_context drbg;
	mbedtls_pk_context pk;
	mbedtls_mpi r, s;
	unsigned char digest[32], out[80];
	size_t len = 0;
	const char *mode;
	int rc;

	if (argc != 3)
		return 2;
	mode = argv[1];
	if (read_digest(digest))
		return 4;
	if (!strcmp(mode, "fail"))
		return 3;
	if (!strcmp(mode, "slow"))
		sleep(30);
	if (!strcmp(mode, "chatty"))
		fprintf(stderr, "signer-debug: SIGNER-SECRET-7f3a9c\n");
	mbedtls_entropy_init(&entropy);
	mbedtls_ctr_drbg_init(&drbg);
	mbedtls_pk_init(&pk);
	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	rc = mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy, NULL, 0)
		|| mbedtls_pk_parse_keyfile(&pk, argv[2], NULL);
	if (!rc && !strcmp(mode, "der")) {
		rc = mbedtls_pk_sign(&pk, MBEDTLS_MD_SHA256, digest, 32, out, &len,
			mbedtls_ctr_drbg_random, &drbg);
	} else if (!rc) {
		mbedtls_ecp_keypair *kp = mbedtls_pk_ec(pk);

		rc = mbedtls_ecdsa_sign(&kp->grp, &r, &s, &kp->d, digest, 32,
				mbedtls_ctr_drbg_random, &drbg)
			|| mbedtls_mpi_write_binary(&r, out, 32)
			|| mbedtls_mpi_write_binary(&s, out + 32, 32);
		len = !strcmp(mode, "short") ? 32 : 64;
		if (!strcmp(mode, "garbage"))
			out[40] ^= 0x55;
	}
	if (!rc)
		rc = fwrite(out, 1, len, stdout) != len;
	mbedtls_mpi_free(&s);
	mbedtls_mpi_free(&r);
	mbedtls_pk_free(&pk);
	mbedtls_ctr_drbg_free(&drbg);
	mbedtls_entropy_free(&entropy);
	return rc ? 1 : 0;
}
