// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * h5sim DA: the DA device (da_device.h): entry under NRST, mailbox register access, the
 * service loop that feeds host words to the request assembler, and the application of
 * granted actions.
 *
 * Timing of actions: the device answers first and acts once the host has read the whole
 * response (a regression resets the chip; the host must see SUCCESS before that). A full or
 * partial regression and RESUME_BOOT end the DA session (da_device_active() turns false: the
 * chip leaves the boot ROM, as after the RSS's self-reset); opening or locking debug keeps
 * the session until RESUME_BOOT or a reset. Callbacks are called last, so a callback may
 * reset the DA device (da_device_reset) from inside.
 */

#include <stdlib.h>
#include <string.h>

#include "da_adac.h"
#include "da_private.h"
#include "da_protocol.h"
#include "da_provisioning.h"

#define DA_DEFAULT_ENTRY_MAGIC	0x53544441u	/* "STDA", ST's MP21 DBGMCU ADAC port [U] */
#define DA_DEFAULT_RNG_SEED	0x4835u

void da_device_defaults(struct da_settings *s)
{
	memset(s, 0, sizeof(*s));
	s->entry_magic = DA_DEFAULT_ENTRY_MAGIC;
	s->echo_magic = true;
	s->ack_swapped = false;
	s->data_count_in_bytes = false;
	s->rng_seed = DA_DEFAULT_RNG_SEED;
}

struct da_device *da_device_create(const struct da_chip *chip, const struct da_settings *s)
{
	struct da_settings defaults;
	struct da_device *da;

	if (!chip || !chip->product_state || !chip->read_nvm ||
	    (chip->has_trustzone && !chip->tzen))
		return NULL;
	if (!s) {
		da_device_defaults(&defaults);
		s = &defaults;
	}
	da = calloc(1, sizeof(*da));
	if (!da)
		return NULL;
	da->chip = *chip;
	da->settings = *s;
	da->fault = DA_FAULT_NONE;
	da->rng = sim_da_rng_create(s->rng_seed);
	if (!da->rng) {
		free(da);
		return NULL;
	}
	sim_da_mailbox_init(&da->mbx, s->ack_swapped, s->dev_flag_by_host);
	sim_da_request_reset(&da->req);
	sim_da_auth_reset(&da->auth);
	return da;
}

void da_device_free(struct da_device *da)
{
	if (!da)
		return;
	sim_da_rng_free(da->rng);
	memset(da, 0, sizeof(*da));
	free(da);
}

static void da_end_session(struct da_device *da)
{
	da->active = false;
	da->pending.kind = DA_ACTION_NONE;
	sim_da_request_reset(&da->req);
	sim_da_auth_reset(&da->auth);
}

static bool da_enter(struct da_device *da)
{
	uint32_t word;
	uint8_t state;
	const struct sim_da_product_state_info *info;

	if (!da->mbx.host_pending)
		return false;
	if (da->mbx.host_word != da->settings.entry_magic) {
		/* the word's value is not logged: it could be part of a password */
		sim_da_log(da, "the word pending at reset release is not the entry word; booting");
		return false;
	}
	sim_da_mailbox_take_host_word(&da->mbx, &word);
	state = da->chip.product_state(da->chip.ctx);
	info = sim_da_product_state_info(state);
	if (info->policy == DA_ENTRY_BOOT) {
		sim_da_log(da, "entry word seen in product state %s (0x%02x): no DA, booting",
		       info->name, state);
		return false;
	}
	da->active = true;
	da->entry_state = state;
	da->policy = info->policy;
	sim_da_log(da, "entered DA mode in product state %s (0x%02x)%s", info->name, state,
	       info->policy == DA_ENTRY_REFUSE ? ": LOCKED, nothing can be authorised" : "");
	if (da->settings.answer_custom)
		word = da->settings.answer_word;
	if (da->settings.echo_magic && da->fault != DA_FAULT_SILENT)
		sim_da_mailbox_send(&da->mbx, &word, 1);
	return true;
}

bool da_device_reset(struct da_device *da, bool asserted)
{
	if (asserted) {
		if (da->active)
			sim_da_log(da, "reset: DA session ended");
		da->in_reset = true;
		da_end_session(da);
		sim_da_mailbox_reset_device_side(&da->mbx);
		return false;
	}
	da->in_reset = false;
	da_end_session(da);
	sim_da_mailbox_reset_device_side(&da->mbx);
	return da_enter(da);
}

bool da_device_active(const struct da_device *da)
{
	return da->active;
}

static void da_apply(struct da_device *da, struct da_action action)
{
	const struct da_chip *chip = &da->chip;

	switch (action.kind) {
	case DA_ACTION_FULL_REGRESSION:
	case DA_ACTION_PARTIAL_REGRESSION:
	case DA_ACTION_RESUME_BOOT:
		da_end_session(da);
		break;
	default:
		break;
	}
	sim_da_log(da, "applying %s", sim_da_action_name(action.kind));
	switch (action.kind) {
	case DA_ACTION_FULL_REGRESSION:
		if (chip->full_regression)
			chip->full_regression(chip->ctx);
		break;
	case DA_ACTION_PARTIAL_REGRESSION:
		if (chip->partial_regression)
			chip->partial_regression(chip->ctx);
		break;
	case DA_ACTION_OPEN_DEBUG:
		if (chip->open_debug)
			chip->open_debug(chip->ctx, action.permissions);
		break;
	case DA_ACTION_LOCK_DEBUG:
		if (chip->lock_debug)
			chip->lock_debug(chip->ctx);
		break;
	default:
		break;
	}
}

/* Runs the device side until it waits for the host */
static void da_service(struct da_device *da)
{
	uint32_t word;

	while (!da->in_reset && sim_da_mailbox_drained(&da->mbx)) {
		if (da->pending.kind != DA_ACTION_NONE) {
			struct da_action action = da->pending;

			da->pending.kind = DA_ACTION_NONE;
			da_apply(da, action);
			continue;
		}
		if (!da->active || !sim_da_mailbox_take_host_word(&da->mbx, &word))
			return;
		switch (sim_da_request_feed(&da->req, word, da->settings.data_count_in_bytes)) {
		case DA_REQUEST_COMPLETE:
			sim_da_protocol_serve(da);
			break;
		case DA_REQUEST_REJECTED:
			sim_da_protocol_reject_oversized(da);
			break;
		default:
			break;
		}
	}
}

uint32_t da_device_read(struct da_device *da, uint32_t offset)
{
	uint32_t value;

	switch (offset) {
	case DA_REG_AUTH_HOST:
		return da->mbx.host_word;
	case DA_REG_AUTH_DEVICE:
		value = sim_da_mailbox_read_device(&da->mbx);
		da_service(da);
		return value;
	case DA_REG_AUTH_ACK:
		return sim_da_mailbox_read_ack(&da->mbx);
	default:
		return 0;
	}
}

void da_device_write(struct da_device *da, uint32_t offset, uint32_t value)
{
	switch (offset) {
	case DA_REG_AUTH_HOST:
		sim_da_mailbox_write_host(&da->mbx, value);
		da_service(da);
		break;
	case DA_REG_AUTH_ACK:
		sim_da_mailbox_write_ack(&da->mbx, value);
		da_service(da);
		break;
	default:
		break;	/* DBG_AUTH_DEVICE is read-only for the host */
	}
}

void da_device_set_fault(struct da_device *da, enum da_fault fault)
{
	da->fault = fault;
}

static const char *da_fault_name(enum da_fault fault)
{
	switch (fault) {
	case DA_FAULT_NONE:
		return "none";
	case DA_FAULT_SILENT:
		return "silent";
	case DA_FAULT_GARBAGE:
		return "garbage";
	case DA_FAULT_BAD_LENGTH:
		return "bad_length";
	default:
		return "unknown";
	}
}

void da_device_dump(const struct da_device *da, FILE *out)
{
	struct da_provisioning prov;
	uint8_t state = da->chip.product_state(da->chip.ctx);

	sim_da_provisioning_load(&da->chip, &prov);
	fprintf(out, "da.active: %s\n", da->active ? "yes" : "no");
	fprintf(out, "da.in_reset: %s\n", da->in_reset ? "yes" : "no");
	fprintf(out, "da.product_state: 0x%02x %s\n", state, sim_da_product_state_info(state)->name);
	fprintf(out, "da.locked_session: %s\n",
		da->active && da->policy == DA_ENTRY_REFUSE ? "yes" : "no");
	fprintf(out, "da.method: %s\n", sim_da_method_name(prov.method));
	fprintf(out, "da.provisioning: %s\n", prov.valid ? "valid" : prov.problem);
	fprintf(out, "da.provisioned_permissions: 0x%08x\n", (unsigned int)prov.permissions);
	fprintf(out, "da.auth_state: %s\n", sim_da_auth_state_name(da->auth.state));
	fprintf(out, "da.certificates_accepted: %u\n", da->auth.certificates);
	fprintf(out, "da.ack_bits: host=0x%x device=0x%x%s\n",
		(unsigned int)sim_da_mailbox_host_bit(&da->mbx),
		(unsigned int)sim_da_mailbox_device_bit(&da->mbx),
		da->settings.ack_swapped ? " (swapped)" : "");
	fprintf(out, "da.device_flag_cleared_by: %s\n",
		da->settings.dev_flag_by_host ? "host" : "hardware");
	fprintf(out, "da.data_count_unit: %s\n", da->settings.data_count_in_bytes ? "bytes" : "words");
	fprintf(out, "da.host_word_pending: %s\n", da->mbx.host_pending ? "yes" : "no");
	fprintf(out, "da.device_words_waiting: %u\n", sim_da_mailbox_words_waiting(&da->mbx));
	fprintf(out, "da.request_in_progress: %s\n", sim_da_request_in_progress(&da->req) ? "yes" : "no");
	fprintf(out, "da.fault: %s\n", da_fault_name(da->fault));
	fprintf(out, "da.commands_served: %u\n", da->commands_served);
	if (da->any_command) {
		fprintf(out, "da.last_command: 0x%04x %s\n", da->last_command,
			sim_da_command_name(da->last_command));
		fprintf(out, "da.last_status: 0x%04x %s\n", da->last_status,
			sim_da_status_name(da->last_status));
	}
	fprintf(out, "da.last_granted_permissions: 0x%08x\n", (unsigned int)da->last_granted);
	fprintf(out, "da.pending_action: %s\n", sim_da_action_name(da->pending.kind));
}
