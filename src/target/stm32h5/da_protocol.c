// SPDX-License-Identifier: GPL-2.0-or-later

/* Debug Authentication host protocol flows over a word link (see da_protocol.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/platform_util.h>

#include "adac_le.h"
#include "da_detect.h"
#include "da_protocol.h"
#include "da_token.h"

static void progress(struct da_link *link, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void progress(struct da_link *link, const char *fmt, ...)
{
	char line[160];
	va_list ap;

	if (!link->progress)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	link->progress(link->progress_ctx, line);
}

static const char *command_label(uint16_t command)
{
	const char *name = adac_command_name(command);

	return name ? name : "command";
}

static const char *status_label(uint16_t status)
{
	const char *name = adac_status_name(status);

	return name ? name : "an unknown status";
}

/* Receives the data words of a response not received yet, up to data_words */
static enum da_err receive_words(struct da_link *link, uint32_t *words, size_t data_words,
		struct da_diag *diag)
{
	const struct da_settings *s = link->settings;
	enum da_err err = DA_OK;

	for (size_t i = link->received; err == DA_OK && i < data_words; i++) {
		err = link->ops->get(link->ctx, &words[ADAC_HEADER_WORDS + i], s->word_timeout_ms,
			diag);
		if (err != DA_OK)
			da_diag_prefix(diag, "receiving answer word %zu of %zu: ",
				ADAC_HEADER_WORDS + i + 1, ADAC_HEADER_WORDS + data_words);
	}
	link->received = 0;
	return err;
}

/* How long a device that counts in words takes at most to show its next word (settle time) */
#define DA_COUNT_SETTLE_MS	100

/*
 * data_count on auto, decided by the discovery response (da_detect.h; other responses are
 * read in the default unit, words, and no request with data is sent before): read as many words as
 * count bytes would fill; if they hold a complete TLV list and no further word follows, the
 * device counts bytes, otherwise words (and the rest is read by receive_words).
 */
static enum da_err receive_auto_count(struct da_link *link, uint32_t *words,
		size_t *data_words, struct da_diag *diag)
{
	struct da_settings *s = link->settings;
	size_t as_bytes = words[1] / 4;
	enum adac_count_unit unit = ADAC_COUNT_WORDS;
	uint8_t *data = NULL;
	enum da_err err;

	if (words[1] % 4 == 0 && as_bytes <= ADAC_MAX_DATA_WORDS) {
		err = adac_response_header_check(words[0], words[1], ADAC_COUNT_BYTES, data_words,
			diag);
		if (err == DA_OK)
			err = receive_words(link, words, as_bytes, diag);
		link->received = as_bytes;
		data = err == DA_OK ? malloc(as_bytes * 4) : NULL;
		if (err != DA_OK)
			return err;
		if (!data)
			return da_fail(diag, DA_ERR_NO_SPACE, "out of memory");
		for (size_t i = 0; i < as_bytes; i++)
			adac_put_le32(data + 4 * i, words[ADAC_HEADER_WORDS + i]);
		if (da_detect_tlvs_fill(data, as_bytes * 4)) {
			uint32_t extra;

			if (link->ops->get(link->ctx, &extra, DA_COUNT_SETTLE_MS, NULL) == DA_OK) {
				if (as_bytes < ADAC_MAX_DATA_WORDS)
					words[ADAC_HEADER_WORDS + as_bytes] = extra;
				link->received = as_bytes + 1;
			} else {
				unit = ADAC_COUNT_BYTES;
			}
		}
		free(data);
	}
	s->count_unit = unit;
	s->auto_mask &= ~DA_AUTO_COUNT;
	s->detected |= DA_AUTO_COUNT;
	if (unit == ADAC_COUNT_BYTES)
		return DA_OK;
	return adac_response_header_check(words[0], words[1], unit, data_words, diag);
}

enum da_err da_exchange(struct da_link *link, uint16_t command, const uint8_t *data,
		size_t len, struct adac_response *rsp, struct da_diag *diag)
{
	const struct da_settings *s = link->settings;
	uint32_t *words;
	size_t n_words, data_words;
	enum da_err err;

	link->received = 0;
	/* nothing whose meaning depends on an undecided unit is sent */
	if (len && (s->auto_mask & DA_AUTO_COUNT))
		return da_fail(diag, DA_ERR_STATE, "%s: the unit of data_count is not known yet: "
			"run discovery first or set it with 'stm32h5x da config data_count "
			"words|bytes'", command_label(command));
	words = malloc(ADAC_MAX_PACKET_WORDS * sizeof(*words));
	if (!words)
		return da_fail(diag, DA_ERR_NO_SPACE, "out of memory");
	err = adac_request_build(command, data, len, s->count_unit, words, ADAC_MAX_PACKET_WORDS,
		&n_words, diag);
	for (size_t i = 0; err == DA_OK && i < n_words; i++) {
		err = link->ops->put(link->ctx, words[i], s->word_timeout_ms, diag);
		if (err != DA_OK)
			da_diag_prefix(diag, "sending word %zu of %zu: ", i + 1, n_words);
	}
	/* the first answer word may wait for the device's signature checks */
	if (err == DA_OK) {
		err = link->ops->get(link->ctx, &words[0], s->response_timeout_ms, diag);
		if (err != DA_OK)
			da_diag_prefix(diag, "waiting for the answer: ");
	}
	if (err == DA_OK) {
		err = link->ops->get(link->ctx, &words[1], s->word_timeout_ms, diag);
		if (err != DA_OK)
			da_diag_prefix(diag, "receiving answer word 2: ");
	}
	if (err == DA_OK && (s->auto_mask & DA_AUTO_COUNT) && words[1]
			&& command == ADAC_CMD_DISCOVERY)
		err = receive_auto_count(link, words, &data_words, diag);
	else if (err == DA_OK)
		err = adac_response_header_check(words[0], words[1], s->count_unit, &data_words,
			diag);
	if (err == DA_OK)
		err = receive_words(link, words, data_words, diag);
	if (err == DA_OK)
		err = adac_response_parse(words, ADAC_HEADER_WORDS + data_words, s->count_unit,
			rsp, diag);
	/* requests may carry a password: do not leave it in freed memory */
	mbedtls_platform_zeroize(words, ADAC_MAX_PACKET_WORDS * sizeof(*words));
	free(words);
	if (err != DA_OK)
		da_diag_prefix(diag, "%s: ", command_label(command));
	return err;
}

/* DA_ERR_DEVICE_STATUS naming the status unless it is the one wanted */
static enum da_err expect(const struct adac_response *rsp, uint16_t want, const char *what,
		struct da_diag *diag)
{
	if (rsp->status == want)
		return DA_OK;
	return da_fail(diag, DA_ERR_DEVICE_STATUS,
		"%s refused: the device answered %s (0x%04x), expected %s", what,
		status_label(rsp->status), rsp->status, status_label(want));
}

enum da_err da_protocol_discover(struct da_link *link, struct da_discovery *disco,
		struct da_diag *diag)
{
	struct adac_response *rsp = malloc(sizeof(*rsp));
	enum da_err err;

	if (!rsp)
		return da_fail(diag, DA_ERR_NO_SPACE, "out of memory");
	err = da_exchange(link, ADAC_CMD_DISCOVERY, NULL, 0, rsp, diag);
	if (err == DA_OK)
		err = expect(rsp, ADAC_STATUS_SUCCESS, "DISCOVERY", diag);
	if (err == DA_OK)
		err = da_discovery_parse(rsp->data, rsp->data_len, disco, diag);
	free(rsp);
	return err;
}

static enum da_err auth_start(struct da_link *link, struct adac_response *rsp,
		struct da_auth_outcome *outcome, struct da_diag *diag)
{
	enum da_err err = da_exchange(link, ADAC_CMD_AUTH_START, NULL, 0, rsp, diag);

	if (err != DA_OK)
		return err;
	outcome->status = rsp->status;
	return expect(rsp, ADAC_STATUS_SUCCESS, "AUTH_START", diag);
}

enum da_err da_protocol_auth_certificate(struct da_link *link, const struct da_cert_chain *chain,
		const struct da_key *key, const struct da_perms *requested,
		struct da_auth_outcome *outcome, struct da_diag *diag)
{
	struct adac_response *rsp = malloc(sizeof(*rsp));
	uint8_t tlv[DA_CERT_BODY_BYTES + DA_CERT_MAX_EXTENSIONS_BYTES + 8];
	struct adac_challenge challenge;
	enum da_err err;
	size_t len;

	memset(outcome, 0, sizeof(*outcome));
	if (!rsp)
		return da_fail(diag, DA_ERR_NO_SPACE, "out of memory");
	err = auth_start(link, rsp, outcome, diag);
	if (err == DA_OK)
		err = adac_challenge_decode(rsp->data, rsp->data_len, &challenge, diag);
	if (err == DA_OK && challenge.format_major != 1)
		err = da_fail(diag, DA_ERR_UNSUPPORTED,
			"challenge format %u.%u, only 1.x is known", challenge.format_major,
			challenge.format_minor);
	if (err == DA_OK)
		progress(link, "challenge received");

	for (unsigned int i = 0; err == DA_OK && i < chain->count; i++) {
		const char *role = da_cert_role_name(chain->cert[i].fields.role);
		char what[48];

		snprintf(what, sizeof(what), "certificate %u (%s)", i + 1, role);
		err = da_certificate_tlv(&chain->cert[i], tlv, sizeof(tlv), &len, diag);
		if (err == DA_OK)
			err = da_exchange(link, ADAC_CMD_AUTH_RESPONSE, tlv, len, rsp, diag);
		if (err == DA_OK) {
			outcome->status = rsp->status;
			err = expect(rsp, ADAC_STATUS_NEED_MORE_DATA, what, diag);
		}
		if (err == DA_OK) {
			outcome->certificates_accepted++;
			progress(link, "%s accepted", what);
		}
	}

	if (err == DA_OK)
		err = da_token_build(key, requested, challenge.challenge_vector, tlv, diag);
	/* the link keeps the token (its signature) out of traces, like a password */
	if (err == DA_OK && link->ops->secret)
		link->ops->secret(link->ctx, true);
	if (err == DA_OK)
		err = da_exchange(link, ADAC_CMD_AUTH_RESPONSE, tlv, DA_TOKEN_TLV_BYTES, rsp, diag);
	if (link->ops->secret)
		link->ops->secret(link->ctx, false);
	if (err == DA_OK) {
		outcome->status = rsp->status;
		err = expect(rsp, ADAC_STATUS_SUCCESS, "token", diag);
	}
	if (err == DA_OK)
		progress(link, "token accepted");
	free(rsp);
	return err;
}

enum da_err da_protocol_auth_password(struct da_link *link, const struct da_password *pw,
		struct da_auth_outcome *outcome, struct da_diag *diag)
{
	struct adac_response *rsp = malloc(sizeof(*rsp));
	uint8_t tlv[DA_PASSWORD_TLV_MAX_BYTES];
	enum da_err err;
	size_t len = 0;

	memset(outcome, 0, sizeof(*outcome));
	if (!rsp)
		return da_fail(diag, DA_ERR_NO_SPACE, "out of memory");
	/* the challenge is not used by the password scheme (ST's may be all zero) */
	err = auth_start(link, rsp, outcome, diag);
	if (err == DA_OK)
		err = da_password_tlv(pw, tlv, sizeof(tlv), &len, diag);
	if (err == DA_OK) {
		if (link->ops->secret)
			link->ops->secret(link->ctx, true);
		err = da_exchange(link, ADAC_CMD_AUTH_RESPONSE, tlv, len, rsp, diag);
		if (link->ops->secret)
			link->ops->secret(link->ctx, false);
	}
	mbedtls_platform_zeroize(tlv, sizeof(tlv));
	if (err == DA_OK) {
		outcome->status = rsp->status;
		err = expect(rsp, ADAC_STATUS_SUCCESS, "password", diag);
	}
	if (err == DA_OK)
		progress(link, "password accepted");
	free(rsp);
	return err;
}

enum da_err da_protocol_command(struct da_link *link, uint16_t command, uint16_t *status,
		struct da_diag *diag)
{
	struct adac_response *rsp = malloc(sizeof(*rsp));
	enum da_err err;

	if (!rsp)
		return da_fail(diag, DA_ERR_NO_SPACE, "out of memory");
	err = da_exchange(link, command, NULL, 0, rsp, diag);
	if (err == DA_OK) {
		if (status)
			*status = rsp->status;
		err = expect(rsp, ADAC_STATUS_SUCCESS, command_label(command), diag);
	}
	free(rsp);
	return err;
}
