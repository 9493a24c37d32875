// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * The "stm32h5x product_state" and "stm32h5x ob" commands: read and change the product state
 * behind the lifecycle guard, and read or program named option bytes in one cycle. The rules
 * live in product_state.c, lifecycle_guard.c and option_bytes.c; this file only talks to the
 * device through the stm32h5x flash driver and to the user.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>

#include <flash/nor/core.h>
#include <flash/nor/stm32h5x.h>
#include <helper/command.h>
#include <helper/types.h>
#include <helper/log.h>
#include <target/target.h>

#include "lifecycle_commands.h"
#include "lifecycle_device.h"
#include "lifecycle_guard.h"
#include "option_bytes.h"
#include "da_pstate.h"
#include "product_state.h"

static const char *state_text(uint8_t code, char *buf, size_t size)
{
	const char *name = h5_pstate_name(code);
	if (name)
		return name;
	snprintf(buf, size, "unknown (0x%02X)", code);
	return buf;
}

/* Writes PRODUCT_STATE after the guard said yes, then re-reads it. */
static int program_state(struct command_invocation *cmd, struct h5_lc_device *dev, uint8_t to)
{
	const struct stm32h5x_ob_write w = {
		.offset = STM32H5X_OPTSR_PRG,
		.value = (uint32_t)to << H5_OPTSR_PRODUCT_STATE_SHIFT,
		.mask = H5_OPTSR_PRODUCT_STATE_MASK,
	};
	uint8_t from = dev->pstate;
	char b1[24], b2[24];

	LOG_INFO("stm32h5x: product state %s -> %s", state_text(from, b1, sizeof(b1)),
			state_text(to, b2, sizeof(b2)));
	int retval = stm32h5x_option_program(dev->bank, &w, 1);
	if (retval != ERROR_OK) {
		command_print(CMD, "the device did not accept the product-state change (see the "
				"flash error above); it stays %s", state_text(from, b1, sizeof(b1)));
		return retval;
	}
	if (h5_pstate_closes_debug(to))
		LOG_WARNING("stm32h5x: %s restricts debug access: the connection may drop now or at "
				"the next reset; Debug Authentication (stm32h5x da ...) reopens it",
				h5_pstate_name(to));
	if (h5_lc_device_refresh(dev) != ERROR_OK) {
		LOG_WARNING("stm32h5x: the new product state cannot be read back (debug access "
				"dropped?); reset and reconnect to check it");
		command_print(CMD, "unconfirmed");
		return ERROR_OK;
	}
	if (dev->pstate != to) {
		command_print(CMD, "after the change the device reports %s, not %s",
				state_text(dev->pstate, b1, sizeof(b1)), h5_pstate_name(to));
		return ERROR_FAIL;
	}
	LOG_INFO("stm32h5x: product state is now %s", h5_pstate_name(to));
	command_print(CMD, "%s", h5_pstate_name(to));
	return ERROR_OK;
}

/* The core cannot be examined (AP1 closed): the state from DA discovery, said so */
static int pstate_from_da(struct command_invocation *cmd)
{
	struct target *target = get_current_target(CMD_CTX);
	char why[300], buf[24];
	uint8_t code;

	LOG_INFO("stm32h5x: the core's access port is closed: reading the product state from "
			"Debug Authentication discovery");
	if (h5_da_read_pstate(target, &code, why, sizeof(why)) != ERROR_OK) {
		command_print(CMD, "stm32h5x product_state: the core's access port is closed and %s",
				why);
		return ERROR_FAIL;
	}
	LOG_INFO("stm32h5x: product state %s (from Debug Authentication discovery)",
			state_text(code, buf, sizeof(buf)));
	command_print(CMD, "%s", state_text(code, buf, sizeof(buf)));
	return ERROR_OK;
}

COMMAND_HANDLER(h5_handle_product_state)
{
	struct h5_lc_device dev;
	struct h5_lc_proof proof = { .kind = H5_DA_KIND_NONE };
	const char *name = NULL;
	bool confirmed = false;
	char buf[24];
	int retval;

	for (unsigned int i = 0; i < CMD_ARGC; i++) {
		if (strcmp(CMD_ARGV[i], "-confirm") == 0) {
			confirmed = true;
		} else if (strcmp(CMD_ARGV[i], "-password") == 0
				|| strcmp(CMD_ARGV[i], "-root-key") == 0) {
			retval = h5_lc_parse_proof(CMD, &i, &proof);
			if (retval != ERROR_OK)
				return retval;
		} else if (!name && CMD_ARGV[i][0] != '-') {
			name = CMD_ARGV[i];
		} else {
			return ERROR_COMMAND_SYNTAX_ERROR;
		}
	}
	if (!name && (confirmed || proof.kind != H5_DA_KIND_NONE))
		return ERROR_COMMAND_SYNTAX_ERROR;

	if (!name && get_current_target(CMD_CTX)
			&& !target_was_examined(get_current_target(CMD_CTX)))
		return pstate_from_da(CMD);
	retval = h5_lc_device_get(CMD, &dev);
	if (retval != ERROR_OK)
		return retval;
	if (!name) {
		command_print(CMD, "%s", state_text(dev.pstate, buf, sizeof(buf)));
		return ERROR_OK;
	}

	uint8_t to;
	if (!h5_pstate_parse(name, &to)) {
		command_print(CMD, "'%s' is not a product state (Open, Provisioning, "
				"iROT-Provisioned, TZ-Closed, Closed, Locked)", name);
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}

	struct h5_state_request req = {
		.from = dev.pstate,
		.to = to,
		.has_trustzone = dev.has_trustzone,
		.tzen = dev.tzen,
		.provisioned = H5_DA_KIND_NONE,
		.confirmed = confirmed,
	};
	struct h5_lc_da_status da = { .kind = H5_DA_KIND_NONE };
	const struct h5_pstate_context ctx = { dev.has_trustzone, dev.tzen };
	if (h5_pstate_closes_debug(to) && !h5_pstate_is_final(to)
			&& h5_pstate_check_transition(dev.pstate, to, &ctx, NULL) == H5_PSTATE_ALLOWED) {
		retval = h5_lc_da_status(&dev, &proof, &da);
		if (retval != ERROR_OK)
			return retval;
		req.provisioned = da.kind;
		req.permissions = da.permissions;
		LOG_INFO("stm32h5x: Debug Authentication: %s", da.note);
	}

	char msg[512];
	switch (h5_lifecycle_guard(&req, msg, sizeof(msg))) {
	case H5_GUARD_REFUSED:
		command_print(CMD, "%s -> %s refused: %s", state_text(dev.pstate, buf, sizeof(buf)),
				h5_pstate_name(to), msg);
		return ERROR_FAIL;
	case H5_GUARD_NEEDS_CONFIRM:
		command_print(CMD, "%s -> %s not done: %s", state_text(dev.pstate, buf, sizeof(buf)),
				h5_pstate_name(to), msg);
		return ERROR_FAIL;
	case H5_GUARD_ALREADY:
		LOG_INFO("stm32h5x: %s", msg);
		command_print(CMD, "%s", h5_pstate_name(to));
		return ERROR_OK;
	case H5_GUARD_GO:
		if (msg[0])
			LOG_INFO("stm32h5x: %s", msg);
		break;
	}
	return program_state(CMD, &dev, to);
}

/* Register values already read, by offset */
struct reg_cache_entry {
	uint32_t offset;
	uint32_t value;
	bool ok;
};

struct reg_reader {
	struct h5_lc_device *dev;
	struct reg_cache_entry entries[32];
	unsigned int count;
};

static bool read_cached(struct reg_reader *r, uint32_t offset, uint32_t *value)
{
	for (unsigned int i = 0; i < r->count; i++) {
		if (r->entries[i].offset == offset) {
			*value = r->entries[i].value;
			return r->entries[i].ok;
		}
	}
	struct reg_cache_entry e = { .offset = offset };
	e.ok = stm32h5x_read_reg(r->dev->bank, offset, &e.value) == ERROR_OK;
	if (r->count < ARRAY_SIZE(r->entries))
		r->entries[r->count++] = e;
	*value = e.value;
	return e.ok;
}

static int ob_list(struct command_invocation *cmd, struct h5_lc_device *dev)
{
	struct reg_reader r = { .dev = dev };
	enum h5_family family = dev->ob_part.family;
	size_t count;
	const struct h5_ob_field *fields = h5_ob_fields(&count);

	if (!h5_ob_line_is_known(family)) {
		command_print(CMD, "the option-byte layout of this part line is not known to this "
				"tool; only the product state can be read (stm32h5x product_state)");
		return ERROR_FAIL;
	}
	for (size_t i = 0; i < count; i++) {
		const struct h5_ob_field *f = &fields[i];
		uint32_t cur, prg;
		char cur_text[40], prg_text[48];

		if (!h5_ob_field_width(f, family))
			continue;
		if (!read_cached(&r, f->cur_offset, &cur) || !read_cached(&r, f->prg_offset, &prg)) {
			command_print(CMD, "%-15s (cannot be read)", f->name);
			continue;
		}
		cur = h5_ob_field_get(f, family, cur);
		prg = h5_ob_field_get(f, family, prg);
		h5_ob_format_value(f, family, cur, cur_text, sizeof(cur_text));
		if (prg != cur) {
			char v[40];
			h5_ob_format_value(f, family, prg, v, sizeof(v));
			snprintf(prg_text, sizeof(prg_text), "pending %s", v);
		} else {
			snprintf(prg_text, sizeof(prg_text), "-");
		}
		command_print(CMD, "%-15s %-24s %-26s %s", f->name, cur_text, prg_text, f->meaning);
	}
	return ERROR_OK;
}

static int ob_read_one(struct command_invocation *cmd, struct h5_lc_device *dev, const char *name)
{
	const struct h5_ob_field *f = h5_ob_find(name);
	enum h5_family family = dev->ob_part.family;
	uint32_t cur, prg;
	char cur_text[40], prg_text[40];

	if (!f) {
		command_print(CMD, "unknown option byte '%s' ('stm32h5x ob' lists them)", name);
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	if (!h5_ob_field_width(f, family)) {
		char err[160];
		h5_ob_check_value(f, &dev->ob_part, 0, err, sizeof(err));
		command_print(CMD, "%s", err);
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	int retval = stm32h5x_read_reg(dev->bank, f->cur_offset, &cur);
	if (retval == ERROR_OK)
		retval = stm32h5x_read_reg(dev->bank, f->prg_offset, &prg);
	if (retval != ERROR_OK)
		return retval;
	cur = h5_ob_field_get(f, family, cur);
	prg = h5_ob_field_get(f, family, prg);
	h5_ob_format_value(f, family, cur, cur_text, sizeof(cur_text));
	h5_ob_format_value(f, family, prg, prg_text, sizeof(prg_text));
	if (prg != cur)
		LOG_INFO("stm32h5x: %s = %s, pending %s: %s", f->name, cur_text, prg_text, f->meaning);
	else
		LOG_INFO("stm32h5x: %s = %s: %s", f->name, cur_text, f->meaning);
	command_print(CMD, "0x%" PRIX32, cur);
	return ERROR_OK;
}

/* The option registers only a secure access may write (the rest ignore nothing) */
static bool ob_secure_only(uint32_t prg_offset)
{
	switch (prg_offset) {
	case 0x06C:	/* SECEPOCHR_PRG */
	case 0x08C:	/* SECBOOTR_PRG */
	case 0x0E4:	/* SECWM1R_PRG */
	case 0x1E4:	/* SECWM2R_PRG */
		return true;
	default:
		return false;
	}
}

/* An option byte reads back other than programmed: says why, as the command's error text */
static void ob_report_not_reached(struct command_invocation *cmd, struct reg_reader *r,
		const struct h5_ob_field *f, enum h5_family family, uint32_t value, const char *want,
		const char *got)
{
	uint32_t prg;

	if (read_cached(r, f->prg_offset, &prg)) {
		prg = h5_ob_field_get(f, family, prg);
		if (f->kind == H5_OB_KIND_SET_ONLY ? (prg & value) != value : prg != value) {
			command_print(CMD, "%s was not changed: the device dropped the write (it still "
				"reads %s)%s", f->name, got, ob_secure_only(f->prg_offset) ?
				"; this option register takes writes only from secure accesses, and the "
				"debugger has non-secure access only in this state (reopen secure debug "
				"with Debug Authentication, or change it in Open or Provisioning)" : "");
			return;
		}
	}
	command_print(CMD, "%s was not changed: programmed to %s, but the device reads %s after "
		"the option-byte change", f->name, want, got);
}

static int ob_program(struct command_invocation *cmd, struct h5_lc_device *dev, bool confirmed)
{
	struct h5_ob_plan plan;
	struct stm32h5x_ob_write writes[H5_OB_PLAN_MAX_WRITES];
	enum h5_family family = dev->ob_part.family;
	char err[320];

	h5_ob_plan_init(&plan, &dev->ob_part);
	for (unsigned int i = 0; i < CMD_ARGC; i++) {
		if (strcmp(CMD_ARGV[i], "-confirm") == 0)
			continue;
		if (!h5_ob_plan_add(&plan, CMD_ARGV[i], err, sizeof(err))) {
			command_print(CMD, "%s; nothing was written", err);
			return ERROR_COMMAND_ARGUMENT_INVALID;
		}
	}
	if (plan.irreversible && !confirmed) {
		command_print(CMD, "OTP lock bits can never be cleared; add -confirm to set them");
		return ERROR_FAIL;
	}
	for (unsigned int i = 0; i < plan.write_count; i++) {
		writes[i].offset = plan.writes[i].offset;
		writes[i].value = plan.writes[i].value;
		writes[i].mask = plan.writes[i].mask;
	}
	int retval = stm32h5x_option_program(dev->bank, writes, plan.write_count);
	if (retval != ERROR_OK) {
		command_print(CMD, "the option-byte change failed (see above)");
		return retval;
	}

	/* report what the device now says, field by field; a value that did not land is an error */
	struct reg_reader r = { .dev = dev };
	unsigned int failed = 0;
	for (unsigned int i = 0; i < plan.field_count; i++) {
		const struct h5_ob_field *f = plan.fields[i];
		uint32_t cur;
		char want[40], got[40];

		h5_ob_format_value(f, family, plan.values[i], want, sizeof(want));
		if (!read_cached(&r, f->cur_offset, &cur)) {
			LOG_WARNING("stm32h5x: %s programmed to %s; it cannot be read back", f->name, want);
			command_print_sameline(CMD, "%s%s=?", i ? " " : "", f->name);
			continue;
		}
		cur = h5_ob_field_get(f, family, cur);
		h5_ob_format_value(f, family, cur, got, sizeof(got));
		bool reached = f->kind == H5_OB_KIND_SET_ONLY ? (cur & plan.values[i]) == plan.values[i]
			: cur == plan.values[i];
		if (reached) {
			LOG_INFO("stm32h5x: %s = %s, takes effect %s", f->name, got,
					h5_ob_effect_text(f->effect));
		} else {
			ob_report_not_reached(cmd, &r, f, family, plan.values[i], want, got);
			failed++;
		}
		if (!failed)
			command_print_sameline(CMD, "%s%s=0x%" PRIX32, i ? " " : "", f->name, cur);
	}
	if (failed)
		return ERROR_FAIL;
	if (plan.needs_reset)
		LOG_INFO("stm32h5x: reset the device for every new option-byte value to act");
	return ERROR_OK;
}

COMMAND_HANDLER(h5_handle_ob)
{
	struct h5_lc_device dev;
	bool confirmed = false, any_assignment = false;

	for (unsigned int i = 0; i < CMD_ARGC; i++) {
		if (strcmp(CMD_ARGV[i], "-confirm") == 0)
			confirmed = true;
		else if (strchr(CMD_ARGV[i], '='))
			any_assignment = true;
	}
	if (!any_assignment && (CMD_ARGC > 1 || confirmed))
		return ERROR_COMMAND_SYNTAX_ERROR;

	int retval = h5_lc_device_get(CMD, &dev);
	if (retval != ERROR_OK)
		return retval;
	if (CMD_ARGC == 0)
		return ob_list(CMD, &dev);
	if (!any_assignment)
		return ob_read_one(CMD, &dev, CMD_ARGV[0]);
	return ob_program(CMD, &dev, confirmed);
}

const struct command_registration stm32h5_ob_command_handlers[] = {
	{
		.name = "product_state",
		.handler = h5_handle_product_state,
		.mode = COMMAND_EXEC,
		.usage = "[<state> [-confirm] [-password <file> | -root-key <pem>]]",
		.help = "Without argument, returns the product state. With a state name (Open, "
			"Provisioning, iROT-Provisioned, TZ-Closed, Closed, Locked), checks the "
			"transition and that a Debug Authentication configuration matching TrustZone "
			"is provisioned (prove it with -password or -root-key), then programs it. "
			"Locked, or closing without such a configuration, needs -confirm.",
	},
	{
		.name = "ob",
		.handler = h5_handle_ob,
		.mode = COMMAND_EXEC,
		.usage = "[<NAME> | <NAME>=<value> ... [-confirm]]",
		.help = "Lists the option bytes (current value, pending value, meaning), returns "
			"one, or programs several in one option-byte cycle (STM32CubeProgrammer "
			"names; LOCKBL needs -confirm).",
	},
	COMMAND_REGISTRATION_DONE
};
