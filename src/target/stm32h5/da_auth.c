// SPDX-License-Identifier: GPL-2.0-or-later

/* Local checks of a Debug Authentication request before it is sent (see da_auth.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>

#include "da_auth.h"
#include "da_cert_make.h"
#include "da_signer.h"

enum da_err da_auth_plan_certificate(struct da_auth_plan *plan, const char *key_path,
		const char *chain_path, const char *permissions, struct da_diag *diag)
{
	return da_auth_plan_certificate_signer(plan, key_path, NULL, chain_path, permissions,
		diag);
}

enum da_err da_auth_plan_certificate_signer(struct da_auth_plan *plan, const char *key_path,
		const char *sign_cmd, const char *chain_path, const char *permissions,
		struct da_diag *diag)
{
	const struct da_certificate *last;
	enum da_err err;

	memset(plan, 0, sizeof(*plan));
	plan->method = DA_AUTH_METHOD_CERTIFICATE;
	err = da_perms_parse(permissions, &plan->requested, diag);
	if (err != DA_OK)
		return err;
	err = da_cert_chain_load(chain_path, &plan->chain, diag);
	if (err != DA_OK)
		return err;
	err = da_cert_chain_verify(&plan->chain, &plan->chain_mask, diag);
	if (err == DA_OK)
		err = da_cert_chain_root_hash(&plan->chain, plan->root_hash, diag);
	if (err != DA_OK) {
		da_diag_prefix(diag, "%s: ", chain_path);
		return err;
	}
	err = da_perms_check_request(&plan->requested, &plan->chain_mask,
		"the certificate chain", diag);
	if (err != DA_OK)
		return err;
	last = &plan->chain.cert[plan->chain.count - 1];
	err = da_signer_open(key_path, sign_cmd, last->fields.pubkey, &plan->key, diag);
	if (err != DA_OK)
		return err;
	err = da_key_matches_certificate(plan->key, last, diag);
	if (err != DA_OK) {
		da_diag_prefix(diag, "%s: ", key_path ? key_path : "-sign-cmd");
		da_auth_plan_free(plan);
	}
	return err;
}

enum da_err da_auth_plan_password(struct da_auth_plan *plan, const char *password_path,
		const char *permissions, struct da_diag *diag)
{
	struct da_perms full;
	enum da_err err;

	memset(plan, 0, sizeof(*plan));
	plan->method = DA_AUTH_METHOD_PASSWORD;
	da_perms_clear(&full);
	da_perms_set_bit(&full, DA_PERM_FULL_REGRESSION);
	if (permissions) {
		err = da_perms_parse(permissions, &plan->requested, diag);
		if (err != DA_OK)
			return err;
		if (!da_perms_equal(&plan->requested, &full))
			return da_fail(diag, DA_ERR_PERMISSION,
				"with a password only full_regression is possible (AN6008 section 2.2); "
				"debug opening and partial regression need a certificate");
	}
	plan->requested = full;
	return da_password_load(password_path, &plan->password, diag);
}

enum da_err da_auth_plan_check_device(const struct da_auth_plan *plan,
		const struct da_discovery *disco, struct da_diag *diag)
{
	enum da_auth_method device = da_discovery_auth_method(disco);

	if (plan->method == DA_AUTH_METHOD_CERTIFICATE && device == DA_AUTH_METHOD_PASSWORD)
		return da_fail(diag, DA_ERR_STATE,
			"the device asks for a password (cryptosystem ST password: TrustZone "
			"disabled, or an H503): use -password");
	if (plan->method == DA_AUTH_METHOD_PASSWORD && device == DA_AUTH_METHOD_CERTIFICATE)
		return da_fail(diag, DA_ERR_STATE,
			"the device asks for certificates (cryptosystem ECDSA P-256: TrustZone "
			"enabled): use -key and -cert");
	if (plan->method == DA_AUTH_METHOD_CERTIFICATE) {
		enum da_err err = da_cert_chain_check_soc(&plan->chain, disco, diag);

		if (err != DA_OK)
			return err;
	}
	if (plan->method == DA_AUTH_METHOD_CERTIFICATE && disco->has_hw_permissions_mask)
		return da_perms_check_request(&plan->requested, &disco->hw_permissions_mask,
			"the device (its provisioned permission mask)", diag);
	return DA_OK;
}

bool da_auth_plan_is_regression(const struct da_auth_plan *plan)
{
	return da_perms_test_bit(&plan->requested, DA_PERM_FULL_REGRESSION)
		|| da_perms_test_bit(&plan->requested, DA_PERM_PARTIAL_REGRESSION);
}

void da_auth_plan_free(struct da_auth_plan *plan)
{
	da_key_free(plan->key);
	plan->key = NULL;
	da_password_wipe(&plan->password);
}
