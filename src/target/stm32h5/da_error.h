/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication host: failure codes and the one-sentence diagnostic that goes with
 * them. Every DA function returns an enum da_err and, when given a struct da_diag, writes in
 * it what exactly is wrong (which file, which certificate, which field). Pure C.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_ERROR_H
#define OPENOCD_TARGET_STM32H5_DA_ERROR_H

#include <stddef.h>

enum da_err {
	DA_OK = 0,
	DA_ERR_TRUNCATED,	/* input shorter than its own header or length field says */
	DA_ERR_OVERSIZED,	/* input larger than the protocol or this host allows */
	DA_ERR_MALFORMED,	/* a field holds a value the format does not allow */
	DA_ERR_WRONG_TYPE,	/* a TLV, file or certificate of another kind than expected */
	DA_ERR_BAD_PADDING,	/* TLV padding bytes are not zero */
	DA_ERR_LENGTH_MISMATCH,	/* data_count or a length disagrees with the data present */
	DA_ERR_DUPLICATE,	/* the same field appears twice */
	DA_ERR_UNSUPPORTED,	/* valid, but not something this host handles (e.g. not P-256) */
	DA_ERR_BAD_SIGNATURE,	/* a certificate or token signature does not verify */
	DA_ERR_KEY_MISMATCH,	/* private key does not belong to the certificate */
	DA_ERR_PERMISSION,	/* a permission is unknown or not granted */
	DA_ERR_FILE,		/* a file cannot be read */
	DA_ERR_CRYPTO,		/* mbedTLS failed (RNG, arithmetic) */
	DA_ERR_ARGUMENT,	/* a user argument is invalid */
	DA_ERR_NO_SPACE,	/* the caller's output buffer is too small */
	DA_ERR_TIMEOUT,		/* the device did not answer in time */
	DA_ERR_TRANSPORT,	/* the debug adapter or DAP failed */
	DA_ERR_DEVICE_STATUS,	/* the device answered with a status other than the expected one */
	DA_ERR_STATE,		/* the device's state does not allow the operation */
};

/* Short lower-case name of a code ("truncated", "bad signature"); never NULL. */
const char *da_err_name(enum da_err err);

#define DA_DIAG_TEXT_SIZE 256

/* Human-readable reason of the last failure. Never holds key or password material. */
struct da_diag {
	char text[DA_DIAG_TEXT_SIZE];
};

/* Clears the diagnostic. NULL is accepted. */
void da_diag_clear(struct da_diag *diag);

/* Writes a printf-formatted reason into diag (if not NULL) and returns err. */
enum da_err da_fail(struct da_diag *diag, enum da_err err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Puts a printf-formatted context in front of the reason already in diag (if not NULL). */
void da_diag_prefix(struct da_diag *diag, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif /* OPENOCD_TARGET_STM32H5_DA_ERROR_H */
