// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim DA: command table, request checks and response packets.
 *
 * Choices ([U] §9.4 and around): command IDs of the psa-adac version ST vendors (RESUME_BOOT
 * 0x0005, LOCK_DEBUG 0x0006, LCS_CHANGE 0x0007 answered UNSUPPORTED); anything else,
 * including 0x0004 (CLOSE_SESSION of newer psa-adac), is INVALID_COMMAND 0x7FFF. Commands
 * that take no data refuse data with INVALID_PARAMETERS. In Locked only DISCOVERY and
 * RESUME_BOOT are served; the rest is UNAUTHORIZED. In the bytes compatibility mode the
 * response data_count is in bytes too.
 */

#include <string.h>

#include "da_discovery.h"
#include "da_private.h"
#include "da_protocol.h"
#include "da_provisioning.h"

#define DA_RESPONSE_MAX_DATA	DA_DISCOVERY_MAX_SIZE

struct da_reply {
	uint16_t status;
	uint8_t data[DA_RESPONSE_MAX_DATA];
	uint32_t len;			/* bytes, a multiple of 4 */
	struct da_action action;	/* applied after the host has read the response */
};

struct da_command {
	uint16_t id;
	bool takes_data;
	bool served_when_locked;
	void (*handler)(struct da_device *da, const uint8_t *data, uint32_t len,
			struct da_reply *reply);
};

static void da_cmd_discovery(struct da_device *da, const uint8_t *data, uint32_t len,
			     struct da_reply *reply)
{
	struct da_provisioning prov;

	sim_da_provisioning_load(&da->chip, &prov);
	reply->len = sim_da_discovery_build(&da->chip, &prov, da->chip.product_state(da->chip.ctx),
					reply->data, sizeof(reply->data));
	reply->status = reply->len ? DA_STATUS_SUCCESS : DA_STATUS_FAILURE;
}

static void da_cmd_auth_start(struct da_device *da, const uint8_t *data, uint32_t len,
			      struct da_reply *reply)
{
	if (!sim_da_auth_start(&da->auth, da->rng, reply->data)) {
		reply->status = DA_STATUS_FAILURE;
		return;
	}
	reply->len = DA_CHALLENGE_SIZE;
	reply->status = DA_STATUS_SUCCESS;
	sim_da_log(da, "challenge issued");
}

static void da_cmd_auth_response(struct da_device *da, const uint8_t *data, uint32_t len,
				 struct da_reply *reply)
{
	struct da_provisioning prov;
	struct da_auth_result r;

	sim_da_provisioning_load(&da->chip, &prov);
	r = sim_da_auth_response(&da->auth, &prov, da->chip.has_trustzone, data, len);
	reply->status = r.status;
	if (r.status == DA_STATUS_NEED_MORE_DATA) {
		sim_da_log(da, "%s accepted", r.accepted);
	} else if (r.status == DA_STATUS_SUCCESS) {
		da->last_granted = r.granted;
		reply->action = r.action;
		sim_da_log(da, "%s accepted: granted permissions 0x%08x -> %s", r.accepted, r.granted,
		       sim_da_action_name(r.action.kind));
	} else {
		sim_da_log(da, "AUTH_RESPONSE refused (%s): %s", sim_da_status_name(r.status),
		       r.problem ? r.problem : "no reason");
	}
}

static void da_cmd_resume_boot(struct da_device *da, const uint8_t *data, uint32_t len,
			       struct da_reply *reply)
{
	reply->status = DA_STATUS_SUCCESS;
	reply->action.kind = DA_ACTION_RESUME_BOOT;
}

static void da_cmd_lock_debug(struct da_device *da, const uint8_t *data, uint32_t len,
			      struct da_reply *reply)
{
	reply->status = DA_STATUS_SUCCESS;
	reply->action.kind = DA_ACTION_LOCK_DEBUG;
}

static void da_cmd_lcs_change(struct da_device *da, const uint8_t *data, uint32_t len,
			      struct da_reply *reply)
{
	reply->status = DA_STATUS_UNSUPPORTED;
	sim_da_log(da, "LCS_CHANGE is not supported");
}

static const struct da_command da_commands[] = {
	{ DA_CMD_DISCOVERY, false, true, da_cmd_discovery },
	{ DA_CMD_AUTH_START, false, false, da_cmd_auth_start },
	{ DA_CMD_AUTH_RESPONSE, true, false, da_cmd_auth_response },
	{ DA_CMD_RESUME_BOOT, false, true, da_cmd_resume_boot },
	{ DA_CMD_LOCK_DEBUG, false, false, da_cmd_lock_debug },
	{ DA_CMD_LCS_CHANGE, true, false, da_cmd_lcs_change },
};

static const struct da_command *da_find_command(uint16_t id)
{
	for (size_t i = 0; i < sizeof(da_commands) / sizeof(da_commands[0]); i++)
		if (da_commands[i].id == id)
			return &da_commands[i];
	return NULL;
}

static void da_send_words(struct da_device *da, const uint32_t *words, unsigned int count)
{
	if (!sim_da_mailbox_send(&da->mbx, words, count))
		sim_da_log(da, "response of %u words does not fit the mailbox queue", count);
}

static void da_send_garbage(struct da_device *da)
{
	uint32_t words[DA_PACKET_HEADER_WORDS + 8];
	unsigned int count = DA_PACKET_HEADER_WORDS + (sim_da_rng_word(da->rng) % 8);

	for (unsigned int i = 0; i < count; i++)
		words[i] = sim_da_rng_word(da->rng);
	da_send_words(da, words, count);
}

/* Queues the response packet, shaped by the fault mode */
static void da_respond(struct da_device *da, uint16_t status, const uint8_t *data, uint32_t len)
{
	uint32_t words[DA_PACKET_HEADER_WORDS + DA_RESPONSE_MAX_DATA / 4];
	uint32_t data_words = len / 4;
	uint32_t count = da->settings.data_count_in_bytes ? len : data_words;

	da->last_status = status;
	if (da->fault == DA_FAULT_BAD_LENGTH)
		count += da->settings.data_count_in_bytes ? 4 : 1;
	words[0] = (uint32_t)status << 16;
	words[1] = count;
	for (uint32_t i = 0; i < data_words; i++)
		words[DA_PACKET_HEADER_WORDS + i] = da_get_le32(data + 4 * i);
	sim_da_log(da, "-> %s (0x%04x), %u data words", sim_da_status_name(status), status,
	       (unsigned int)data_words);
	da_send_words(da, words, DA_PACKET_HEADER_WORDS + data_words);
}

/* Request-level checks; returns 0 when the request may go to its command */
static uint16_t da_check_request(struct da_device *da, const struct da_command *cmd,
				 uint32_t data_words)
{
	const struct da_request *req = &da->req;

	if (req->header[0] & 0xFFFFu) {
		sim_da_log(da, "request header reserved bits are not zero (word 0x%08x)",
		       (unsigned int)req->header[0]);
		return DA_STATUS_INVALID_PARAMETERS;
	}
	if (req->oversized) {
		sim_da_log(da, "request of %u data words exceeds the %u-word buffer",
		       (unsigned int)data_words, DA_REQUEST_MAX_WORDS);
		return DA_STATUS_INVALID_PARAMETERS;
	}
	if (req->count_not_words) {
		sim_da_log(da, "request byte count %u is not a multiple of 4",
		       (unsigned int)req->header[1]);
		return DA_STATUS_INVALID_PARAMETERS;
	}
	if (!cmd) {
		sim_da_log(da, "unknown command 0x%04x", (unsigned int)(req->header[0] >> 16));
		return DA_STATUS_INVALID_COMMAND;
	}
	if (da->policy == DA_ENTRY_REFUSE && !cmd->served_when_locked) {
		sim_da_log(da, "%s refused: the device is LOCKED", sim_da_command_name(cmd->id));
		return DA_STATUS_UNAUTHORIZED;
	}
	if (!cmd->takes_data && data_words) {
		sim_da_log(da, "%s takes no data but the request carries %u words",
		       sim_da_command_name(cmd->id), (unsigned int)data_words);
		return DA_STATUS_INVALID_PARAMETERS;
	}
	return DA_STATUS_SUCCESS;
}

void sim_da_protocol_serve(struct da_device *da)
{
	uint8_t bytes[DA_REQUEST_MAX_WORDS * 4];
	struct da_reply reply;
	uint16_t id = da->req.header[0] >> 16;
	const struct da_command *cmd = da_find_command(id);
	uint32_t data_words = da->req.data_received;
	uint16_t status;

	da->any_command = true;
	da->last_command = id;
	da->commands_served++;
	if (da->fault == DA_FAULT_SILENT) {
		sim_da_request_reset(&da->req);
		return;
	}
	if (da->fault == DA_FAULT_GARBAGE) {
		sim_da_request_reset(&da->req);
		da_send_garbage(da);
		return;
	}
	sim_da_log(da, "<- %s (0x%04x), %u data words", cmd ? sim_da_command_name(id) : "unknown",
	       (unsigned int)id, (unsigned int)data_words);

	memset(&reply, 0, sizeof(reply));
	status = da_check_request(da, cmd, data_words);
	if (status != DA_STATUS_SUCCESS) {
		sim_da_request_reset(&da->req);
		da_respond(da, status, NULL, 0);
		return;
	}
	for (uint32_t i = 0; i < data_words; i++)
		da_put_le32(bytes + 4 * i, da->req.data[i]);
	memset(da->req.data, 0, data_words * 4);	/* may hold a password */
	sim_da_request_reset(&da->req);
	cmd->handler(da, bytes, data_words * 4, &reply);
	memset(bytes, 0, data_words * 4);
	da->pending = reply.action;
	da_respond(da, reply.status, reply.data, reply.len);
}

void sim_da_protocol_reject_oversized(struct da_device *da)
{
	da->any_command = true;
	da->last_command = da->req.header[0] >> 16;
	sim_da_log(da, "request announces %u data words, more than the device accepts; rejected",
	       (unsigned int)da->req.data_expected);
	sim_da_request_reset(&da->req);
	if (da->fault == DA_FAULT_SILENT)
		return;
	da_respond(da, DA_STATUS_INVALID_PARAMETERS, NULL, 0);
}
