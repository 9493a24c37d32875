/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Debug Authentication host protocol over an abstract word link (h5-debug-auth.md §2, §4.1):
 * one request/response exchange, DISCOVERY, the certificate flow (AUTH_START, one
 * AUTH_RESPONSE per certificate root first, then the signed token), the password flow, and
 * single-word commands (LOCK_DEBUG, RESUME_BOOT). Pure C: the OpenOCD mailbox (da_transport.c)
 * and the unit tests' fake device both implement struct da_link_ops.
 */

#ifndef OPENOCD_TARGET_STM32H5_DA_PROTOCOL_H
#define OPENOCD_TARGET_STM32H5_DA_PROTOCOL_H

#include <stdbool.h>
#include <stdint.h>

#include "adac_packet.h"
#include "da_certificate.h"
#include "da_discovery.h"
#include "da_error.h"
#include "da_key.h"
#include "da_password.h"
#include "da_permissions.h"
#include "da_settings.h"

struct da_link_ops {
	/* Sends one word once the device has taken the previous one */
	enum da_err (*put)(void *ctx, uint32_t word, unsigned int timeout_ms,
			struct da_diag *diag);
	/* Receives one word from the device */
	enum da_err (*get)(void *ctx, uint32_t *word, unsigned int timeout_ms,
			struct da_diag *diag);
	/* Optional: the words sent between secret(true) and secret(false) carry a secret (a
	 * password, or a token's signature): the link must keep them out of every log and
	 * trace, whatever the debug level */
	void (*secret)(void *ctx, bool on);
};

struct da_link {
	const struct da_link_ops *ops;
	void *ctx;
	struct da_settings *settings;	/* data_count on auto is decided by DISCOVERY */
	/* optional: told each step in one readable line (never secrets) */
	void (*progress)(void *progress_ctx, const char *line);
	void *progress_ctx;
	size_t received;	/* internal: data words already read while deciding data_count */
};

/* What the device answered last in an authentication */
struct da_auth_outcome {
	uint16_t status;			/* last status received */
	unsigned int certificates_accepted;
};

/* Sends one request and receives its response (any status). */
enum da_err da_exchange(struct da_link *link, uint16_t command, const uint8_t *data,
		size_t len, struct adac_response *rsp, struct da_diag *diag);

/* DISCOVERY, decoded */
enum da_err da_protocol_discover(struct da_link *link, struct da_discovery *disco,
		struct da_diag *diag);

/*
 * Certificate flow. On a refusal the result is DA_ERR_DEVICE_STATUS and the reason names the
 * status ("UNAUTHORIZED") and what was refused ("certificate 2 (intermediate)", "token").
 */
enum da_err da_protocol_auth_certificate(struct da_link *link, const struct da_cert_chain *chain,
		const struct da_key *key, const struct da_perms *requested,
		struct da_auth_outcome *outcome, struct da_diag *diag);

/* Password flow: AUTH_START, then the 0x8000 TLV */
enum da_err da_protocol_auth_password(struct da_link *link, const struct da_password *pw,
		struct da_auth_outcome *outcome, struct da_diag *diag);

/* A command without data that must answer SUCCESS (LOCK_DEBUG, RESUME_BOOT, ...) */
enum da_err da_protocol_command(struct da_link *link, uint16_t command, uint16_t *status,
		struct da_diag *diag);

#endif /* OPENOCD_TARGET_STM32H5_DA_PROTOCOL_H */
