/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication host: what "da auth" loads and checks locally before it talks to the
 * device (h5-debug-auth.md §4, §5, §8.1): the certificate chain verifies, the key belongs to
 * its last certificate, the requested permissions are granted by the chain, the method matches
 * what the device asks for, and the device's permission mask allows the request. Pure C.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_AUTH_H
#define OPENOCD_TARGET_STM32H5_DA_AUTH_H

#include <stdbool.h>
#include <stdint.h>

#include "da_certificate.h"
#include "da_discovery.h"
#include "da_error.h"
#include "da_key.h"
#include "da_password.h"
#include "da_permissions.h"

struct da_auth_plan {
	enum da_auth_method method;	/* CERTIFICATE or PASSWORD */
	struct da_perms requested;
	struct da_cert_chain chain;	/* certificate method */
	struct da_perms chain_mask;
	uint8_t root_hash[DA_SHA256_BYTES];	/* what OBK-HDPL1 must hold for this chain */
	struct da_key *key;
	struct da_password password;	/* password method */
};

/*
 * Loads and checks a key, a chain and a permission list. The reason names the file, the
 * certificate or the permission at fault.
 */
enum da_err da_auth_plan_certificate(struct da_auth_plan *plan, const char *key_path,
		const char *chain_path, const char *permissions, struct da_diag *diag);

/* Same with the leaf's signer given as a key file or a signing command */
enum da_err da_auth_plan_certificate_signer(struct da_auth_plan *plan, const char *key_path,
		const char *sign_cmd, const char *chain_path, const char *permissions,
		struct da_diag *diag);

/*
 * Loads a password file. With a password only full regression is possible (AN6008 §2.2):
 * permissions may be NULL (meaning full_regression) or must name exactly that.
 */
enum da_err da_auth_plan_password(struct da_auth_plan *plan, const char *password_path,
		const char *permissions, struct da_diag *diag);

/*
 * Checks the plan against what DISCOVERY reported (method, permission mask, and the SoC class
 * and SoC ID a certificate of the chain is bound to)
 */
enum da_err da_auth_plan_check_device(const struct da_auth_plan *plan,
		const struct da_discovery *disco, struct da_diag *diag);

/* True if the plan asks for a full or partial regression (the device then resets itself) */
bool da_auth_plan_is_regression(const struct da_auth_plan *plan);

/* Frees the key and wipes the password */
void da_auth_plan_free(struct da_auth_plan *plan);

#endif /* OPENOCD_TARGET_STM32H5_DA_AUTH_H */
