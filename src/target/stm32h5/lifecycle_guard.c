// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * The lifecycle guard (see lifecycle_guard.h): transition rules from product_state.c plus
 * the Debug Authentication consistency check that keeps a closed device recoverable.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <string.h>

#include "lifecycle_guard.h"
#include "obk.h"
#include "product_state.h"

enum h5_da_kind h5_da_kind_required(bool has_trustzone, bool tzen)
{
	return has_trustzone && tzen ? H5_DA_KIND_CERTIFICATE : H5_DA_KIND_PASSWORD;
}

const char *h5_da_kind_name(enum h5_da_kind kind)
{
	switch (kind) {
	case H5_DA_KIND_NONE:
		return "nothing";
	case H5_DA_KIND_UNPROVEN:
		return "a configuration of unproven kind";
	case H5_DA_KIND_PASSWORD:
		return "password";
	case H5_DA_KIND_CERTIFICATE:
		return "certificate (root key)";
	}
	return "unknown";
}

enum h5_da_kind h5_da_kind_from_evidence(const struct h5_da_evidence *ev, const char **how)
{
	const char *unused;

	if (!how)
		how = &unused;
	if (ev->proof_kind == H5_DA_KIND_PASSWORD || ev->proof_kind == H5_DA_KIND_CERTIFICATE) {
		if (memcmp(ev->proof_hash, ev->device_hash, H5_CREDENTIAL_HASH_SIZE) == 0) {
			*how = "matches the credential given";
			return ev->proof_kind;
		}
		*how = "does NOT match the credential given";
		return H5_DA_KIND_UNPROVEN;
	}
	if ((ev->session_kind == H5_DA_KIND_PASSWORD || ev->session_kind == H5_DA_KIND_CERTIFICATE)
			&& memcmp(ev->session_hash, ev->device_hash, H5_CREDENTIAL_HASH_SIZE) == 0) {
		*how = "is the one provisioned in this session";
		return ev->session_kind;
	}
	*how = "holds a credential hash of unproven kind";
	return H5_DA_KIND_UNPROVEN;
}

static const char *proof_option(enum h5_da_kind kind)
{
	return kind == H5_DA_KIND_CERTIFICATE ? "-root-key <pem>" : "-password <file>";
}

static const char *tz_setting(bool has_trustzone, bool tzen)
{
	if (!has_trustzone)
		return "on a part without TrustZone";
	return tzen ? "with TrustZone enabled (TZEN=0xB4)" : "with TrustZone disabled (TZEN=0xC3)";
}

bool h5_da_config_fits(bool has_trustzone, bool tzen, enum h5_da_kind provisioned,
		uint32_t permissions, char *err, size_t err_size)
{
	enum h5_da_kind required = h5_da_kind_required(has_trustzone, tzen);

	switch (provisioned) {
	case H5_DA_KIND_NONE:
		snprintf(err, err_size, "no Debug Authentication configuration is provisioned: "
				"once closed, the device could never be reopened or regressed");
		return false;
	case H5_DA_KIND_UNPROVEN:
		snprintf(err, err_size, "a Debug Authentication configuration is provisioned, but "
				"nothing shows it is the %s the device asks for %s; give %s to prove it",
				h5_da_kind_name(required), tz_setting(has_trustzone, tzen),
				proof_option(required));
		return false;
	default:
		break;
	}
	if (provisioned != required) {
		snprintf(err, err_size, "the provisioned Debug Authentication configuration holds a "
				"%s hash, but %s the device authenticates with a %s: it could never be "
				"reopened (provision a %s configuration first)",
				h5_da_kind_name(provisioned), tz_setting(has_trustzone, tzen),
				h5_da_kind_name(required), h5_da_kind_name(required));
		return false;
	}
	if (!(permissions & H5_DA_PERM_FULL_REGRESSION)) {
		snprintf(err, err_size, "the provisioned Debug Authentication configuration does not "
				"permit a full regression (permission mask 0x%08X lacks bit 14)",
				(unsigned int)permissions);
		return false;
	}
	return true;
}

bool h5_da_obk_fits(const struct h5_da_obk_request *req, char *err, size_t err_size)
{
	enum h5_da_kind required = h5_da_kind_required(req->has_trustzone, req->tzen);

	if (req->proof_kind != H5_DA_KIND_PASSWORD && req->proof_kind != H5_DA_KIND_CERTIFICATE) {
		snprintf(err, err_size, "%s the device authenticates with a %s, and nothing shows "
				"this DA configuration holds one (a hash does not tell a password from a "
				"root key): give %s, the credential it was made from",
				tz_setting(req->has_trustzone, req->tzen), h5_da_kind_name(required),
				proof_option(required));
		return false;
	}
	if (!req->hash_matches) {
		snprintf(err, err_size, "the DA configuration does not carry the hash of the %s "
				"given: the device would keep a configuration this credential cannot open",
				h5_da_kind_name(req->proof_kind));
		return false;
	}
	if (!h5_da_config_fits(req->has_trustzone, req->tzen, req->proof_kind, req->permissions,
			err, err_size))
		return false;
	if (req->crypto == 0 && req->encrypt) {
		snprintf(err, err_size, "encryption flag 1 asks the device to encrypt the "
				"configuration, and this part has no cryptography "
				"(stm32h5x::settings(crypto) 0): use a flag-0 configuration");
		return false;
	}
	if (req->crypto == 1 && !req->encrypt) {
		snprintf(err, err_size, "encryption flag 0 on a part with cryptography "
				"(stm32h5x::settings(crypto) 1): such a configuration does not allow its "
				"regression; use a flag-1 configuration");
		return false;
	}
	return true;
}

enum h5_guard_verdict h5_lifecycle_guard(const struct h5_state_request *req,
		char *msg, size_t msg_size)
{
	const struct h5_pstate_context ctx = {
		.has_trustzone = req->has_trustzone,
		.tzen = req->tzen,
	};
	const char *reason = NULL;
	char why[320];

	msg[0] = '\0';
	switch (h5_pstate_check_transition(req->from, req->to, &ctx, &reason)) {
	case H5_PSTATE_REFUSED:
		snprintf(msg, msg_size, "%s", reason ? reason : "transition refused");
		return H5_GUARD_REFUSED;
	case H5_PSTATE_ALREADY:
		snprintf(msg, msg_size, "the device is already %s", h5_pstate_name(req->to));
		return H5_GUARD_ALREADY;
	case H5_PSTATE_ALLOWED:
		break;
	}

	if (h5_pstate_is_final(req->to)) {
		if (!req->confirmed) {
			snprintf(msg, msg_size, "Locked is final: no regression and no debug access, "
					"ever; add -confirm if that is what you want");
			return H5_GUARD_NEEDS_CONFIRM;
		}
		snprintf(msg, msg_size, "confirmed: the device will be Locked for good");
		return H5_GUARD_GO;
	}

	if (h5_pstate_closes_debug(req->to)) {
		if (h5_da_config_fits(req->has_trustzone, req->tzen, req->provisioned,
				req->permissions, why, sizeof(why))) {
			snprintf(msg, msg_size, "a %s Debug Authentication configuration matching "
					"the TrustZone setting is provisioned",
					h5_da_kind_name(req->provisioned));
			return H5_GUARD_GO;
		}
		if (!req->confirmed) {
			snprintf(msg, msg_size, "%s; add -confirm to go on anyway", why);
			return H5_GUARD_NEEDS_CONFIRM;
		}
		snprintf(msg, msg_size, "confirmed although %s", why);
		return H5_GUARD_GO;
	}
	return H5_GUARD_GO;
}
