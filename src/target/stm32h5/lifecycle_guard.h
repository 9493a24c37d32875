/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The lifecycle guard: before a product-state change, checks the transition rules
 * (product_state.h) and that the device can still be reopened afterwards, i.e. that a Debug
 * Authentication configuration of the kind the device will ask for is provisioned: a
 * password for TZEN=0xC3 and on the H503, a root-key (certificate) hash for TZEN=0xB4.
 * "Do not provision a password hash when TZ is enabled, or a root certificate public key
 * hash when TZ is disabled. The device can be permanently locked." (h5-debug-auth.md §4.6).
 * Pure C.
 */

#ifndef OPENOCD_TARGET_STM32H5_LIFECYCLE_GUARD_H
#define OPENOCD_TARGET_STM32H5_LIFECYCLE_GUARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What is known about the DA configuration on the device */
enum h5_da_kind {
	H5_DA_KIND_NONE,		/* nothing provisioned */
	H5_DA_KIND_UNPROVEN,		/* something is provisioned, its kind is not shown */
	H5_DA_KIND_PASSWORD,		/* provisioned hash matches a password the user holds */
	H5_DA_KIND_CERTIFICATE,		/* provisioned hash matches a root key the user holds */
};

/* What is known when deciding the kind of a provisioned DA configuration */
struct h5_da_evidence {
	const uint8_t *device_hash;	/* credential hash the device holds (32 bytes) */
	enum h5_da_kind proof_kind;	/* credential the user gave, or H5_DA_KIND_NONE */
	const uint8_t *proof_hash;
	enum h5_da_kind session_kind;	/* provisioned in this session with a known kind, or NONE */
	const uint8_t *session_hash;
};

/*
 * The kind of a provisioned configuration: the kind of the user's credential if its hash is
 * the device's, else the kind recorded in this session for the same hash, else UNPROVEN
 * (a hash alone does not tell a password from a root key). *how (if not NULL) says which.
 */
enum h5_da_kind h5_da_kind_from_evidence(const struct h5_da_evidence *ev, const char **how);

/* The kind a device authenticates with: certificate only with TrustZone enabled */
enum h5_da_kind h5_da_kind_required(bool has_trustzone, bool tzen);

/* "password", "certificate (root key)", ... */
const char *h5_da_kind_name(enum h5_da_kind kind);

/*
 * True if the provisioned DA configuration lets the device be reopened with its TrustZone
 * setting: right kind, and (when known) a permission mask that allows full regression.
 * Pass permissions = 0xFFFFFFFF when the configuration carries none (H503 OTP).
 * On false, err says why.
 */
bool h5_da_config_fits(bool has_trustzone, bool tzen, enum h5_da_kind provisioned,
		uint32_t permissions, char *err, size_t err_size);

/* A DA configuration about to be provisioned ("stm32h5x obk provision"), and the device */
struct h5_da_obk_request {
	bool has_trustzone;
	bool tzen;			/* OPTSR2.TZEN == 0xB4 */
	int crypto;			/* part with cryptography (H533/H573): 1, without: 0,
					 * not known: -1 */
	enum h5_da_kind proof_kind;	/* credential the user gave, or H5_DA_KIND_NONE */
	bool hash_matches;		/* the file carries the hash of that credential */
	uint32_t permissions;		/* of the configuration in the file */
	uint32_t encrypt;		/* the file's encryption flag */
};

/*
 * The credential-vs-TrustZone rule at the "obk provision" door, as for make_da_config and the
 * product-state guard: the credential the file was made from must be given (a hash does not
 * tell a password from a root key), be the file's, and fit the TrustZone setting; and the
 * encryption flag must fit the part when known (1 only where the device can encrypt, and 1 on
 * parts with cryptography: a flag-0 configuration does not allow their regression). On
 * false, err says why.
 */
bool h5_da_obk_fits(const struct h5_da_obk_request *req, char *err, size_t err_size);

/* A requested product-state change and what is known about the device */
struct h5_state_request {
	uint8_t from, to;		/* PRODUCT_STATE codes */
	bool has_trustzone;
	bool tzen;			/* OPTSR2.TZEN == 0xB4 */
	enum h5_da_kind provisioned;
	uint32_t permissions;		/* of the provisioned configuration */
	bool confirmed;			/* the user gave the explicit confirmation option */
};

enum h5_guard_verdict {
	H5_GUARD_GO,			/* write the option byte */
	H5_GUARD_ALREADY,		/* nothing to do */
	H5_GUARD_NEEDS_CONFIRM,		/* refused unless confirmed */
	H5_GUARD_REFUSED,		/* illegal transition: refused even if confirmed */
};

/*
 * Decides a product-state change: illegal transitions are refused; Locked always needs the
 * confirmation; iROT-Provisioned, TZ-Closed and Closed need it unless h5_da_config_fits().
 * msg gets the reason (refusals) or a note for the user (e.g. a confirmed risky step).
 */
enum h5_guard_verdict h5_lifecycle_guard(const struct h5_state_request *req,
		char *msg, size_t msg_size);

#endif /* OPENOCD_TARGET_STM32H5_LIFECYCLE_GUARD_H */
