/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim DA: the authentication session (h5-debug-auth.md §4.1, psa-adac SDA rules plus ST's):
 * AUTH_START issues a challenge; AUTH_RESPONSE carries one TLV: a certificate (root, then
 * intermediates, then leaf; NEED_MORE_DATA after each), the token (after the root or the
 * leaf), or ST's password. Granted permissions = provisioned word & every certificate mask &
 * the token request. Any refusal ends the session (a new AUTH_START is needed).
 */

#ifndef H5SIM_DA_AUTH_H
#define H5SIM_DA_AUTH_H

#include <stdbool.h>
#include <stdint.h>

#include "da_adac.h"
#include "da_permissions.h"
#include "da_provisioning.h"
#include "da_rng.h"

enum da_auth_state {
	DA_AUTH_IDLE,		/* no challenge issued */
	DA_AUTH_CHALLENGE,	/* challenge issued, expecting the root certificate */
	DA_AUTH_ROOT,		/* root accepted */
	DA_AUTH_CHAIN,		/* intermediate accepted */
	DA_AUTH_LEAF,		/* leaf accepted, expecting the token */
};

struct da_auth {
	enum da_auth_state state;
	uint8_t challenge_vector[DA_CHALLENGE_VECTOR_SIZE];
	uint8_t key[DA_P256_KEY_SIZE];			/* last accepted public key */
	uint8_t permissions[DA_PERMISSIONS_SIZE];	/* AND of accepted certificate masks */
	unsigned int certificates;
};

struct da_auth_result {
	uint16_t status;
	const char *problem;		/* why, when the status is not SUCCESS/NEED_MORE_DATA */
	const char *accepted;		/* what was accepted (for the log) */
	uint32_t granted;		/* SUCCESS: granted permissions (low 32 bits) */
	struct da_action action;	/* SUCCESS: what the device does */
};

void sim_da_auth_reset(struct da_auth *auth);

/* Issues a new challenge into psa_auth_challenge_t layout (36 bytes); false if no RNG */
bool sim_da_auth_start(struct da_auth *auth, struct da_rng *rng, uint8_t out[DA_CHALLENGE_SIZE]);

/* Handles the AUTH_RESPONSE request data (exactly one padded TLV) */
struct da_auth_result sim_da_auth_response(struct da_auth *auth, const struct da_provisioning *prov,
				       bool trustzone, const uint8_t *data, uint32_t len);

const char *sim_da_auth_state_name(enum da_auth_state state);

#endif /* H5SIM_DA_AUTH_H */
