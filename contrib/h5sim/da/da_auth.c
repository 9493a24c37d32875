// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim DA: authentication session state machine.
 *
 * Status choices: malformed sizes -> INVALID_PARAMETERS; a TLV the provisioned method does
 * not use -> UNSUPPORTED; nothing provisioned or nothing granted -> UNAUTHORIZED; a check that
 * fails (hash, signature, sequence, layout) -> FAILURE.
 * [U] §9.9: the password is accepted with or without a preceding AUTH_START.
 * [U] §9.7: any number of intermediates is accepted.
 */

#include <string.h>

#include "da_auth.h"
#include "da_certificate.h"
#include "da_password.h"
#include "da_tlv.h"
#include "da_token.h"

void sim_da_auth_reset(struct da_auth *auth)
{
	memset(auth, 0, sizeof(*auth));
	auth->state = DA_AUTH_IDLE;
}

bool sim_da_auth_start(struct da_auth *auth, struct da_rng *rng, uint8_t out[DA_CHALLENGE_SIZE])
{
	sim_da_auth_reset(auth);
	if (!rng || !sim_da_rng_fill(rng, auth->challenge_vector, DA_CHALLENGE_VECTOR_SIZE))
		return false;
	out[0] = 1;	/* format_version.major */
	out[1] = 0;	/* format_version.minor */
	out[2] = 0;
	out[3] = 0;
	memcpy(out + 4, auth->challenge_vector, DA_CHALLENGE_VECTOR_SIZE);
	auth->state = DA_AUTH_CHALLENGE;
	return true;
}

static struct da_auth_result da_refuse(struct da_auth *auth, uint16_t status, const char *problem)
{
	struct da_auth_result r = { .status = status, .problem = problem };

	sim_da_auth_reset(auth);
	return r;
}

static struct da_auth_result da_auth_password(struct da_auth *auth,
					      const struct da_provisioning *prov,
					      bool trustzone, const struct da_tlv *tlv)
{
	struct da_auth_result r = { 0 };

	if (prov->method != DA_METHOD_PASSWORD)
		return da_refuse(auth, DA_STATUS_UNSUPPORTED,
				 "password TLV sent but this device is provisioned for certificates");
	r.status = sim_da_password_check(prov, tlv->value, tlv->len, &r.problem);
	if (r.status != DA_STATUS_SUCCESS)
		return da_refuse(auth, r.status, r.problem);
	sim_da_auth_reset(auth);
	r.accepted = "password";
	r.granted = prov->permissions;
	r.action = sim_da_permissions_decide(r.granted, trustzone);
	return r;
}

static bool da_auth_expects(const struct da_auth *auth, uint8_t role)
{
	if (role == DA_ROLE_ROOT)
		return auth->state == DA_AUTH_CHALLENGE;
	return auth->state == DA_AUTH_ROOT || auth->state == DA_AUTH_CHAIN;
}

static struct da_auth_result da_auth_certificate(struct da_auth *auth,
						 const struct da_provisioning *prov,
						 const struct da_tlv *tlv)
{
	struct da_auth_result r = { .status = DA_STATUS_NEED_MORE_DATA };
	struct da_certificate cert;
	const char *problem;

	if (prov->method != DA_METHOD_CERTIFICATE)
		return da_refuse(auth, DA_STATUS_UNSUPPORTED,
				 "certificate sent but this device is provisioned for a password");
	if (!sim_da_certificate_size_ok(tlv->value, tlv->len))
		return da_refuse(auth, DA_STATUS_INVALID_PARAMETERS,
				 "certificate size does not match 212 bytes plus its extensions");
	problem = sim_da_certificate_parse(tlv->value, tlv->len, &cert);
	if (problem)
		return da_refuse(auth, DA_STATUS_FAILURE, problem);
	if (auth->state == DA_AUTH_IDLE)
		return da_refuse(auth, DA_STATUS_FAILURE, "certificate sent before AUTH_START");
	if (!da_auth_expects(auth, cert.role))
		return da_refuse(auth, DA_STATUS_FAILURE,
				 cert.role == DA_ROLE_ROOT ?
				 "root certificate out of sequence (must come first)" :
				 "intermediate/leaf certificate out of sequence (root first)");

	if (cert.role == DA_ROLE_ROOT) {
		if (!sim_da_certificate_key_hash_is(&cert, prov->hash))
			return da_refuse(auth, DA_STATUS_FAILURE,
					 "root public key hash does not match the provisioned hash");
		if (!sim_da_certificate_signed_by(&cert, cert.pubkey))
			return da_refuse(auth, DA_STATUS_FAILURE,
					 "root certificate is not self-signed by its key");
		sim_da_permissions_all(auth->permissions);
		auth->state = DA_AUTH_ROOT;
	} else {
		if (!sim_da_certificate_signed_by(&cert, auth->key))
			return da_refuse(auth, DA_STATUS_FAILURE,
					 cert.role == DA_ROLE_LEAF ?
					 "leaf certificate signature does not verify with the previous key" :
					 "intermediate certificate signature does not verify with the previous key");
		auth->state = cert.role == DA_ROLE_LEAF ? DA_AUTH_LEAF : DA_AUTH_CHAIN;
	}
	memcpy(auth->key, cert.pubkey, DA_P256_KEY_SIZE);
	sim_da_permissions_and(auth->permissions, cert.permissions);
	auth->certificates++;
	r.accepted = cert.role == DA_ROLE_ROOT ? "root certificate" :
		cert.role == DA_ROLE_LEAF ? "leaf certificate" : "intermediate certificate";
	return r;
}

static struct da_auth_result da_auth_token(struct da_auth *auth, const struct da_provisioning *prov,
					   bool trustzone, const struct da_tlv *tlv)
{
	struct da_auth_result r = { .status = DA_STATUS_SUCCESS };
	uint8_t requested[DA_PERMISSIONS_SIZE];
	const char *problem;

	if (prov->method != DA_METHOD_CERTIFICATE)
		return da_refuse(auth, DA_STATUS_UNSUPPORTED,
				 "token sent but this device is provisioned for a password");
	if (!sim_da_token_size_ok(tlv->value, tlv->len))
		return da_refuse(auth, DA_STATUS_INVALID_PARAMETERS,
				 "token size does not match 120 bytes plus its extensions");
	if (auth->state != DA_AUTH_ROOT && auth->state != DA_AUTH_LEAF)
		return da_refuse(auth, DA_STATUS_FAILURE,
				 "token out of sequence (needs AUTH_START, then a root or a complete chain)");
	problem = sim_da_token_verify(tlv->value, tlv->len, auth->key, auth->challenge_vector, requested);
	if (problem)
		return da_refuse(auth, DA_STATUS_FAILURE, problem);
	sim_da_permissions_and(requested, auth->permissions);
	r.granted = sim_da_permissions_low_word(requested) & prov->permissions;
	r.action = sim_da_permissions_decide(r.granted, trustzone);
	if (r.action.kind == DA_ACTION_NONE)
		return da_refuse(auth, DA_STATUS_UNAUTHORIZED,
				 "requested permissions are not granted by the provisioning and the certificates");
	sim_da_auth_reset(auth);
	r.accepted = "token";
	return r;
}

struct da_auth_result sim_da_auth_response(struct da_auth *auth, const struct da_provisioning *prov,
				       bool trustzone, const uint8_t *data, uint32_t len)
{
	struct da_tlv tlv;
	const char *problem;

	problem = sim_da_tlv_parse_single(data, len, &tlv);
	if (problem)
		return da_refuse(auth, DA_STATUS_INVALID_PARAMETERS, problem);
	if (!prov->valid)
		return da_refuse(auth, DA_STATUS_UNAUTHORIZED, prov->problem);

	switch (tlv.type) {
	case DA_TLV_ST_PASSWORD:
		return da_auth_password(auth, prov, trustzone, &tlv);
	case DA_TLV_PSA_BINARY_CRT:
		return da_auth_certificate(auth, prov, &tlv);
	case DA_TLV_PSA_BINARY_TOKEN:
		return da_auth_token(auth, prov, trustzone, &tlv);
	default:
		return da_refuse(auth, DA_STATUS_UNSUPPORTED,
				 "AUTH_RESPONSE TLV type is not a certificate, token or password");
	}
}

const char *sim_da_auth_state_name(enum da_auth_state state)
{
	static const char *const names[] = {
		[DA_AUTH_IDLE] = "idle",
		[DA_AUTH_CHALLENGE] = "challenge issued",
		[DA_AUTH_ROOT] = "root accepted",
		[DA_AUTH_CHAIN] = "intermediate accepted",
		[DA_AUTH_LEAF] = "leaf accepted",
	};

	if ((unsigned int)state >= sizeof(names) / sizeof(names[0]))
		return "unknown";
	return names[state];
}
