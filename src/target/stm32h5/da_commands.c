// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * "stm32h5x da ..." commands: Debug Authentication of the STM32H5 from OpenOCD, usable while
 * the core is closed and cannot be examined. Each command prints what it found or did and
 * returns it as a Tcl dictionary (one "key value" line per field).
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdlib.h>
#include <string.h>

#include <helper/command.h>
#include <helper/log.h>
#include <target/target.h>

#include "da_auth.h"
#include "da_commands.h"
#include "da_cred_commands.h"
#include "da_doctor.h"
#include "da_trace.h"
#include "da_session.h"
#include "product_state.h"

static struct da_settings da_config;
static bool da_config_ready;

struct da_settings *stm32h5_da_config(void)
{
	if (!da_config_ready) {
		da_settings_defaults(&da_config);
		da_config_ready = true;
	}
	return &da_config;
}

static struct da_settings *settings(void)
{
	return stm32h5_da_config();
}

/* The reason is the command's error message, so a script's catch gets it too */
static int da_failed(struct command_invocation *cmd, const char *what, const struct da_diag *diag)
{
	command_print(cmd, "stm32h5x da %s: %s", what, diag->text[0] ? diag->text : "failed");
	return ERROR_FAIL;
}

/* One dictionary line; values with spaces are braced so the result stays a Tcl dict */
static void print_pair(struct command_invocation *cmd, const char *key, const char *value)
{
	if (strchr(value, ' ') || !*value)
		command_print(cmd, "%s {%s}", key, value);
	else
		command_print(cmd, "%s %s", key, value);
}

static void print_discovery_field(void *ctx, const char *key, const char *value,
		const char *text)
{
	LOG_INFO("stm32h5x da: %-22s %s", key, text);
	print_pair(ctx, key, value);
}

/* Which transport values the session used (the "auto" ones as detected) */
static void report_transport(struct command_invocation *cmd, const struct da_session *ss)
{
	char line[300];

	da_session_describe(ss, line, sizeof(line));
	LOG_INFO("stm32h5x da: transport: %s", line);
	if (cmd)
		print_pair(cmd, "transport", line);
}

COMMAND_HANDLER(stm32h5_da_handle_discover_command)
{
	struct target *target = get_current_target(CMD_CTX);
	struct da_discovery disco;
	struct da_session ss;
	struct da_diag diag;
	enum da_err err;
	bool enter = true;

	if (CMD_ARGC == 1 && !strcmp(CMD_ARGV[0], "-noreset"))
		enter = false;
	else if (CMD_ARGC)
		return ERROR_COMMAND_SYNTAX_ERROR;

	da_diag_clear(&diag);
	err = da_session_open(&ss, target, settings(), enter, &diag);
	if (err == DA_OK) {
		err = da_protocol_discover(&ss.link, &disco, &diag);
		da_session_explain(&ss, err, &diag);
	}
	if (err == DA_OK)
		report_transport(CMD, &ss);
	da_session_close(&ss);
	if (err != DA_OK)
		return da_failed(CMD, "discover", &diag);
	da_discovery_describe(&disco, print_discovery_field, CMD);
	LOG_INFO("stm32h5x da: the device stays in its boot ROM until reset, "
		"'stm32h5x da auth' or 'stm32h5x da close'");
	return ERROR_OK;
}

static void log_plan(const struct da_auth_plan *plan)
{
	char hex[48], names[200], hash[2 * DA_SHA256_BYTES + 1];

	da_perms_format_hex(&plan->requested, hex, sizeof(hex));
	da_perms_format_names(&plan->requested, names, sizeof(names));
	LOG_INFO("stm32h5x da: requesting %s (%s) by %s", hex, names,
		plan->method == DA_AUTH_METHOD_PASSWORD ? "password" : "certificate");
	if (plan->method != DA_AUTH_METHOD_CERTIFICATE)
		return;
	da_perms_format_hex(&plan->chain_mask, hex, sizeof(hex));
	da_perms_format_names(&plan->chain_mask, names, sizeof(names));
	LOG_INFO("stm32h5x da: %u certificate(s) verified locally, chain grants %s (%s)",
		plan->chain.count, hex, names);
	for (int i = 0; i < DA_SHA256_BYTES; i++)
		snprintf(hash + 2 * i, 3, "%02x", plan->root_hash[i]);
	LOG_INFO("stm32h5x da: root key SHA-256 %s (must equal the provisioned hash)", hash);
}

/* After a granted authentication: the core comes back; report its product state */
static enum da_err follow_up(struct command_invocation *cmd, struct da_session *ss,
		const struct da_auth_plan *plan, struct da_diag *diag)
{
	const struct da_settings *s = settings();
	bool regression = da_auth_plan_is_regression(plan);
	bool pstate_valid;
	uint8_t pstate = 0;
	enum da_err err;

	if (regression) {
		LOG_INFO("stm32h5x da: regression granted; waiting for the device to erase and "
			"restart (up to %u ms)", s->reconnect_timeout_ms);
	} else if (s->resume_after_debug_open) {
		struct da_diag resume_diag;
		uint16_t status;

		if (da_protocol_command(&ss->link, ADAC_CMD_RESUME_BOOT, &status, &resume_diag)
				!= DA_OK)
			LOG_WARNING("stm32h5x da: %s", resume_diag.text);
	}
	err = da_session_wait_core(ss, s->reconnect_timeout_ms,
		regression ? s->regression_reset_ms : 0, &pstate, &pstate_valid, diag);
	if (err != DA_OK)
		return err;
	print_pair(cmd, "core", "examined");
	if (pstate_valid) {
		const char *name = h5_pstate_name(pstate);
		char value[32];

		snprintf(value, sizeof(value), "%s", name ? name : "unknown");
		LOG_INFO("stm32h5x da: product state is now 0x%02x (%s)", pstate, value);
		print_pair(cmd, "product_state", value);
	}
	return DA_OK;
}

COMMAND_HANDLER(stm32h5_da_handle_auth_command)
{
	struct target *target = get_current_target(CMD_CTX);
	const char *key = NULL, *cert = NULL, *password = NULL, *permissions = NULL;
	const char *sign_cmd = NULL;
	struct da_auth_outcome outcome = { 0 };
	struct da_auth_plan *plan;
	struct da_discovery disco;
	struct da_session ss;
	struct da_diag diag;
	enum da_err err;
	char hex[48];

	for (unsigned int i = 0; i < CMD_ARGC; i += 2) {
		const char **slot;

		if (!strcmp(CMD_ARGV[i], "-key")) {
			slot = &key;
		} else if (!strcmp(CMD_ARGV[i], "-cert")) {
			slot = &cert;
		} else if (!strcmp(CMD_ARGV[i], "-password")) {
			slot = &password;
		} else if (!strcmp(CMD_ARGV[i], "-permissions")) {
			slot = &permissions;
		} else if (!strcmp(CMD_ARGV[i], "-sign-cmd")) {
			slot = &sign_cmd;
		} else {
			command_print(CMD, "stm32h5x da auth: unknown option '%s' (valid: -key, -cert, "
				"-password, -permissions, -sign-cmd)", CMD_ARGV[i]);
			return ERROR_COMMAND_ARGUMENT_INVALID;
		}
		if (i + 1 >= CMD_ARGC) {
			command_print(CMD, "stm32h5x da auth: option %s needs a value", CMD_ARGV[i]);
			return ERROR_COMMAND_ARGUMENT_INVALID;
		}
		*slot = CMD_ARGV[i + 1];
	}
	if (password ? (key || cert || sign_cmd) : !(!key != !sign_cmd && cert)) {
		command_print(CMD, "stm32h5x da auth: give either -key and -cert, or -password "
			"(-sign-cmd can take the place of -key)");
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	if (!password && !permissions) {
		command_print(CMD, "stm32h5x da auth: -permissions is required with certificates "
			"(e.g. full_regression, debug_open_l3)");
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}

	plan = calloc(1, sizeof(*plan));
	if (!plan)
		return ERROR_FAIL;
	da_diag_clear(&diag);
	if (password)
		err = da_auth_plan_password(plan, password, permissions, &diag);
	else
		err = da_auth_plan_certificate_signer(plan, key, sign_cmd, cert, permissions,
			&diag);
	if (err != DA_OK) {
		free(plan);
		return da_failed(CMD, "auth", &diag);
	}
	log_plan(plan);

	err = da_session_open(&ss, target, settings(), true, &diag);
	if (err == DA_OK) {
		err = da_protocol_discover(&ss.link, &disco, &diag);
		da_session_explain(&ss, err, &diag);
		if (err == DA_OK)
			report_transport(NULL, &ss);
		if (err == DA_OK && disco.has_lifecycle
				&& (disco.lifecycle & 0xFF) == H5_PSTATE_LOCKED)
			err = da_fail(&diag, DA_ERR_STATE, "the device is Locked, which is final: "
				"Debug Authentication can neither regress nor reopen it");
		if (err == DA_OK)
			err = da_auth_plan_check_device(plan, &disco, &diag);
		if (err == DA_OK && plan->method == DA_AUTH_METHOD_PASSWORD)
			err = da_protocol_auth_password(&ss.link, &plan->password, &outcome, &diag);
		else if (err == DA_OK)
			err = da_protocol_auth_certificate(&ss.link, &plan->chain, plan->key,
				&plan->requested, &outcome, &diag);
		if (err == DA_OK) {
			const char *status = adac_status_name(outcome.status);

			print_pair(CMD, "status", status ? status : "unknown");
			da_perms_format_hex(&plan->requested, hex, sizeof(hex));
			print_pair(CMD, "permissions", hex);
			err = follow_up(CMD, &ss, plan, &diag);
		}
		da_session_close(&ss);
	}
	da_auth_plan_free(plan);
	free(plan);
	if (err != DA_OK)
		return da_failed(CMD, "auth", &diag);
	return ERROR_OK;
}

COMMAND_HANDLER(stm32h5_da_handle_close_command)
{
	struct target *target = get_current_target(CMD_CTX);
	uint16_t status = 0;
	struct da_session ss;
	struct da_diag diag;
	enum da_err err;
	bool enter = false;

	if (CMD_ARGC == 1 && !strcmp(CMD_ARGV[0], "-reset"))
		enter = true;
	else if (CMD_ARGC)
		return ERROR_COMMAND_SYNTAX_ERROR;

	da_diag_clear(&diag);
	err = da_session_open(&ss, target, settings(), enter, &diag);
	if (err == DA_OK) {
		err = da_protocol_command(&ss.link, settings()->close_command, &status, &diag);
		if (err == DA_ERR_TIMEOUT && !enter)
			da_diag_prefix(&diag, "no DA session to close (try -reset): ");
		else
			da_session_explain(&ss, err, &diag);
	}
	da_session_close(&ss);
	if (err != DA_OK)
		return da_failed(CMD, "close", &diag);
	LOG_INFO("stm32h5x da: debug access locked (session closed)");
	print_pair(CMD, "status", "SUCCESS");
	return ERROR_OK;
}

COMMAND_HANDLER(stm32h5_da_handle_config_command)
{
	struct da_settings *s = settings();
	struct da_diag diag;
	char value[32];

	if (CMD_ARGC > 2)
		return ERROR_COMMAND_SYNTAX_ERROR;
	if (CMD_ARGC == 2 && da_settings_set(s, CMD_ARGV[0], CMD_ARGV[1], &diag) != DA_OK)
		return da_failed(CMD, "config", &diag);
	if (CMD_ARGC >= 1) {
		if (!da_settings_get(s, CMD_ARGV[0], value, sizeof(value))) {
			command_print(CMD, "stm32h5x da config: unknown setting '%s'", CMD_ARGV[0]);
			return ERROR_COMMAND_ARGUMENT_INVALID;
		}
		command_print(CMD, "%s", value);
		return ERROR_OK;
	}
	for (size_t i = 0; i < da_settings_count(); i++) {
		da_settings_get(s, da_settings_name(i), value, sizeof(value));
		print_pair(CMD, da_settings_name(i), value);
	}
	return ERROR_OK;
}

static const struct command_registration stm32h5_da_subcommand_handlers[] = {
	{
		.name = "discover",
		.handler = stm32h5_da_handle_discover_command,
		.mode = COMMAND_EXEC,
		.usage = "['-noreset']",
		.help = "Enter Debug Authentication (NRST + entry word) and print what the device "
			"reports: ADAC version, SoC, lifecycle, cryptosystems, permissions allowed, "
			"provisioning integrity, HDPL status. Returns them as a dictionary.",
	},
	{
		.name = "auth",
		.handler = stm32h5_da_handle_auth_command,
		.mode = COMMAND_EXEC,
		.usage = "('-key' leaf.pem|pkcs11:URI '-cert' chain.b64 | '-sign-cmd' CMD '-cert' "
			"chain.b64 | '-password' password.bin) "
			"['-permissions' list]",
		.help = "Authenticate with ST's certificate chain and leaf key, or with a password "
			"file; permissions by name (full_regression, partial_regression, "
			"debug_open_l1..l3, debug_open_l1_ns..l3_ns) or mask. Checks the files "
			"locally first; after a regression waits for the device, re-examines it "
			"and reports the new product state.",
	},
	{
		.name = "close",
		.handler = stm32h5_da_handle_close_command,
		.mode = COMMAND_EXEC,
		.usage = "['-reset']",
		.help = "Lock debug again / end the DA session (LOCK_DEBUG); -reset enters DA "
			"first.",
	},
	{
		.name = "doctor",
		.handler = stm32h5_da_doctor_handler,
		.mode = COMMAND_EXEC,
		.usage = "['-password' file | '-key' leaf.pem '-cert' chain.b64] "
			"['-permissions' list]",
		.help = "Walk the gates to a Debug Authentication (probe, debug port, AP0, "
			"DBGMCU_IDCODE, AP1, product state, NRST, DA entry, discovery, and the "
			"named credentials checked locally) and print a table: each gate ok, "
			"failed or not reached, the value seen and what to do. Sends nothing but "
			"DISCOVERY. Returns the table as a dictionary with failed_gate.",
	},
	{
		.name = "trace",
		.handler = stm32h5_da_trace_handler,
		.mode = COMMAND_ANY,
		.usage = "[file | 'off']",
		.help = "Record every DA mailbox word (time, direction, word, DBG_AUTH_ACK) to "
			"file, password and signature words redacted, until 'off'; without an "
			"argument, show where the trace goes. For hardware reports.",
	},
	{
		.name = "config",
		.handler = stm32h5_da_handle_config_command,
		.mode = COMMAND_ANY,
		.usage = "[name [value]]",
		.help = "Show or change the DA transport settings for the facts not confirmed on "
			"silicon (entry_word, ack_bits, clear_dev_ack, data_count: 'auto' by "
			"default, decided from the device in each session; timeouts, ...).",
	},
	{
		.chain = stm32h5_da_cred_command_handlers,
	},
	COMMAND_REGISTRATION_DONE
};

const struct command_registration stm32h5_da_command_handlers[] = {
	{
		.name = "da",
		.mode = COMMAND_ANY,
		.help = "STM32H5 Debug Authentication (works while the core is closed)",
		.usage = "",
		.chain = stm32h5_da_subcommand_handlers,
	},
	COMMAND_REGISTRATION_DONE
};
