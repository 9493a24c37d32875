// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * "stm32h5x da make_key | make_certificate | make_chain" (see da_cred_commands.h). Formats and
 * rules are in da_key_file.c and da_cert_make.c; no key material is ever printed.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <helper/command.h>
#include <helper/log.h>

#include "da_cert_make.h"
#include "da_cred_commands.h"
#include "da_key_file.h"
#include "da_pkcs11.h"
#include "da_sign_cmd.h"
#include "da_signer.h"

/* The reason is the command's error message, so a script's catch gets it too */
static int cred_failed(struct command_invocation *cmd, const char *what,
		const struct da_diag *diag)
{
	command_print(cmd, "stm32h5x da %s: %s", what, diag->text[0] ? diag->text : "failed");
	return ERROR_COMMAND_ARGUMENT_INVALID;
}

/* "-name value" pairs into slots named by opts[]; unknown options and missing values refused */
static int parse_options(struct command_invocation *cmd, const char *what,
		const char *const *opts, const char **values, unsigned int first_free)
{
	for (unsigned int i = 0; i < first_free; i += 2) {
		unsigned int k;

		for (k = 0; opts[k]; k++)
			if (!strcmp(CMD_ARGV[i], opts[k]))
				break;
		if (!opts[k]) {
			command_print(cmd, "stm32h5x da %s: unknown option '%s'", what, CMD_ARGV[i]);
			return ERROR_COMMAND_ARGUMENT_INVALID;
		}
		if (i + 1 >= first_free) {
			command_print(cmd, "stm32h5x da %s: option %s needs a value", what,
				CMD_ARGV[i]);
			return ERROR_COMMAND_ARGUMENT_INVALID;
		}
		values[k] = CMD_ARGV[i + 1];
	}
	return ERROR_OK;
}

static bool parse_number(const char *text, uint32_t max, uint32_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(text, &end, 0);
	if (errno || end == text || *end || text[0] == '-' || v > max)
		return false;
	*out = (uint32_t)v;
	return true;
}

COMMAND_HANDLER(da_handle_make_key_command)
{
	static const char *const opts[] = { "-out", "-public", NULL };
	const char *v[2] = { NULL, NULL };
	struct da_diag diag;
	int retval;

	retval = parse_options(CMD, "make_key", opts, v, CMD_ARGC);
	if (retval != ERROR_OK)
		return retval;
	if (!v[0]) {
		command_print(CMD, "stm32h5x da make_key: -out FILE is required");
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	da_diag_clear(&diag);
	if (da_key_generate(v[0], v[1], &diag) != DA_OK)
		return cred_failed(CMD, "make_key", &diag);
	LOG_INFO("stm32h5x da: new P-256 private key in %s (mode 0600)%s%s", v[0],
		v[1] ? ", public key in " : "", v[1] ? v[1] : "");
	command_print(CMD, "%s", v[0]);
	return ERROR_OK;
}

enum { MC_ROLE, MC_SUBJECT, MC_SIGNER, MC_SIGN_CMD, MC_PARENT, MC_PERMS, MC_SOC_CLASS,
	MC_SOC_ID, MC_LIFECYCLE, MC_OUT, MC_CHAIN_OUT, MC_COUNT };

/* Fills the request from the options; the reason names the option */
static int make_request(struct command_invocation *cmd, const char *const *v,
		struct da_cert_request *req, struct da_diag *diag)
{
	uint32_t n;

	memset(req, 0, sizeof(*req));
	req->role = da_cert_role_from_name(v[MC_ROLE]);
	if (!req->role) {
		command_print(cmd, "stm32h5x da make_certificate: -role takes root, intermediate "
			"or leaf, not '%s'", v[MC_ROLE]);
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	if (da_perms_parse(v[MC_PERMS], &req->permissions, diag) != DA_OK)
		return cred_failed(cmd, "make_certificate", diag);
	if (v[MC_SOC_CLASS]) {
		if (!parse_number(v[MC_SOC_CLASS], UINT32_MAX, &n)) {
			command_print(cmd, "stm32h5x da make_certificate: -soc-class takes a 32-bit "
				"number (the device's DEV_ID, e.g. 0x484), not '%s'", v[MC_SOC_CLASS]);
			return ERROR_COMMAND_ARGUMENT_INVALID;
		}
		req->has_soc_class = true;
		req->soc_class = n;
	}
	if (v[MC_SOC_ID]) {
		if (!da_soc_id_parse(v[MC_SOC_ID], req->soc_id)) {
			command_print(cmd, "stm32h5x da make_certificate: -soc-id takes the 128-bit ID "
				"as 'stm32h5x da discover' prints it (32 hex digits), not '%s'",
				v[MC_SOC_ID]);
			return ERROR_COMMAND_ARGUMENT_INVALID;
		}
		req->has_soc_id = true;
	}
	if (v[MC_LIFECYCLE]) {
		if (!parse_number(v[MC_LIFECYCLE], UINT16_MAX, &n)) {
			command_print(cmd, "stm32h5x da make_certificate: -lifecycle takes a 16-bit "
				"number, not '%s'", v[MC_LIFECYCLE]);
			return ERROR_COMMAND_ARGUMENT_INVALID;
		}
		req->has_lifecycle = true;
		req->lifecycle = (uint16_t)n;
	}
	if (da_signer_public(v[MC_SUBJECT], req->subject_pubkey, diag) != DA_OK)
		return cred_failed(cmd, "make_certificate", diag);
	return ERROR_OK;
}

/* Checks the chain (roles, signatures) and writes ST's .b64 of it */
static int save_verified(struct command_invocation *cmd, const char *what,
		const struct da_cert_chain *chain, const char *path)
{
	struct da_perms mask;
	struct da_diag diag;
	char hex[48];

	da_diag_clear(&diag);
	if (da_cert_chain_verify(chain, &mask, &diag) != DA_OK
			|| da_cert_chain_save(path, chain, &diag) != DA_OK)
		return cred_failed(cmd, what, &diag);
	da_perms_format_hex(&mask, hex, sizeof(hex));
	LOG_INFO("stm32h5x da: wrote %s: %u certificates, verified, granting %s", path,
		chain->count, hex);
	return ERROR_OK;
}

COMMAND_HANDLER(da_handle_make_certificate_command)
{
	static const char *const opts[] = { "-role", "-subject-key", "-signer-key", "-sign-cmd",
		"-parent", "-permissions", "-soc-class", "-soc-id", "-lifecycle", "-out", "-chain-out",
		NULL };
	const char *v[MC_COUNT] = { NULL };
	struct da_cert_chain *parent = NULL, *out = NULL;
	const struct da_certificate *parent_cert = NULL;
	struct da_cert_request req;
	struct da_key *signer = NULL;
	struct da_diag diag;
	char hex[48];
	int retval;

	retval = parse_options(CMD, "make_certificate", opts, v, CMD_ARGC);
	if (retval != ERROR_OK)
		return retval;
	if (!v[MC_ROLE] || !v[MC_SUBJECT] || !v[MC_PERMS] || !(v[MC_OUT] || v[MC_CHAIN_OUT])
			|| !v[MC_SIGNER] == !v[MC_SIGN_CMD]) {
		command_print(CMD, "stm32h5x da make_certificate: -role, -subject-key, "
			"-permissions, -out (or -chain-out) and one of -signer-key or -sign-cmd are "
			"required");
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	if (v[MC_CHAIN_OUT] && !v[MC_PARENT]) {
		command_print(CMD, "stm32h5x da make_certificate: -chain-out appends the new "
			"certificate to its parent's chain: give -parent");
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	da_diag_clear(&diag);
	retval = make_request(CMD, v, &req, &diag);
	if (retval != ERROR_OK)
		return retval;

	parent = calloc(1, sizeof(*parent));
	out = calloc(1, sizeof(*out));
	if (!parent || !out) {
		retval = ERROR_FAIL;
		goto done;
	}
	if (v[MC_PARENT]) {
		if (da_cert_chain_load(v[MC_PARENT], parent, &diag) != DA_OK) {
			retval = cred_failed(CMD, "make_certificate", &diag);
			goto done;
		}
		parent_cert = &parent->cert[parent->count - 1];
	}
	if (da_signer_open(v[MC_SIGNER], v[MC_SIGN_CMD],
			parent_cert ? parent_cert->fields.pubkey : req.subject_pubkey, &signer,
			&diag) != DA_OK
			|| da_cert_make(&req, parent_cert, signer, &out->cert[0], &diag) != DA_OK) {
		retval = cred_failed(CMD, "make_certificate", &diag);
		goto done;
	}
	out->count = 1;
	if (v[MC_OUT] && da_cert_chain_save(v[MC_OUT], out, &diag) != DA_OK) {
		retval = cred_failed(CMD, "make_certificate", &diag);
		goto done;
	}
	da_perms_format_hex(&req.permissions, hex, sizeof(hex));
	if (v[MC_OUT])
		LOG_INFO("stm32h5x da: wrote %s: %s certificate, permissions %s", v[MC_OUT],
			da_cert_role_name(req.role), hex);
	if (v[MC_CHAIN_OUT]) {
		if (parent->count == DA_CHAIN_MAX) {
			command_print(CMD, "stm32h5x da make_certificate: the parent chain already "
				"holds %u certificates", DA_CHAIN_MAX);
			retval = ERROR_COMMAND_ARGUMENT_INVALID;
			goto done;
		}
		parent->cert[parent->count++] = out->cert[0];
		retval = save_verified(CMD, "make_certificate", parent, v[MC_CHAIN_OUT]);
		if (retval != ERROR_OK)
			goto done;
	}
	command_print(CMD, "%s", v[MC_OUT] ? v[MC_OUT] : v[MC_CHAIN_OUT]);
done:
	da_key_free(signer);
	free(parent);
	free(out);
	return retval;
}

COMMAND_HANDLER(da_handle_make_chain_command)
{
	struct da_cert_chain *chain, *one;
	struct da_diag diag;
	int retval = ERROR_OK;

	if (CMD_ARGC < 3 || strcmp(CMD_ARGV[0], "-out")) {
		command_print(CMD, "stm32h5x da make_chain: usage -out FILE root.b64 "
			"[intermediate.b64 ...] leaf.b64");
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	chain = calloc(1, sizeof(*chain));
	one = calloc(1, sizeof(*one));
	if (!chain || !one) {
		free(chain);
		free(one);
		return ERROR_FAIL;
	}
	da_diag_clear(&diag);
	for (unsigned int i = 2; i < CMD_ARGC && retval == ERROR_OK; i++) {
		if (da_cert_chain_load(CMD_ARGV[i], one, &diag) != DA_OK) {
			retval = cred_failed(CMD, "make_chain", &diag);
			break;
		}
		if (chain->count + one->count > DA_CHAIN_MAX) {
			command_print(CMD, "stm32h5x da make_chain: more than %u certificates",
				DA_CHAIN_MAX);
			retval = ERROR_COMMAND_ARGUMENT_INVALID;
			break;
		}
		for (unsigned int k = 0; k < one->count; k++)
			chain->cert[chain->count++] = one->cert[k];
	}
	if (retval == ERROR_OK)
		retval = save_verified(CMD, "make_chain", chain, CMD_ARGV[1]);
	if (retval == ERROR_OK)
		command_print(CMD, "%s", CMD_ARGV[1]);
	free(chain);
	free(one);
	return retval;
}

static void print_signer_setting(struct command_invocation *cmd, const char *name, bool pair)
{
	char value[32];
	const char *v = value;

	if (!strcmp(name, "timeout_ms"))
		snprintf(value, sizeof(value), "%u", da_sign_cmd_timeout());
	else if (!strcmp(name, "pkcs11_module"))
		v = da_pkcs11_module();
	else
		v = da_pkcs11_pin_file();
	if (!pair)
		command_print(cmd, "%s", v);
	else
		command_print(cmd, "%s {%s}", name, v);
}

COMMAND_HANDLER(da_handle_signer_config_command)
{
	static const char *const names[] = { "timeout_ms", "pkcs11_module", "pkcs11_pin_file" };
	struct da_diag diag;
	enum da_err err = DA_OK;
	unsigned int k;
	uint32_t ms;

	if (CMD_ARGC == 0) {
		for (k = 0; k < 3; k++)
			print_signer_setting(CMD, names[k], true);
		return ERROR_OK;
	}
	for (k = 0; k < 3; k++)
		if (!strcmp(CMD_ARGV[0], names[k]))
			break;
	if (k == 3 || CMD_ARGC > 2) {
		command_print(CMD, "stm32h5x da signer_config: unknown setting '%s' (timeout_ms, "
			"pkcs11_module, pkcs11_pin_file)", CMD_ARGV[0]);
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	da_diag_clear(&diag);
	if (CMD_ARGC == 2 && k == 0) {
		if (!parse_number(CMD_ARGV[1], UINT32_MAX, &ms))
			err = da_fail(&diag, DA_ERR_ARGUMENT, "timeout_ms takes a number of "
				"milliseconds, not '%s'", CMD_ARGV[1]);
		else
			err = da_sign_cmd_set_timeout(ms, &diag);
	} else if (CMD_ARGC == 2 && k == 1) {
		err = da_pkcs11_set_module(CMD_ARGV[1], &diag);
	} else if (CMD_ARGC == 2) {
		err = da_pkcs11_set_pin_file(CMD_ARGV[1], &diag);
	}
	if (err != DA_OK)
		return cred_failed(CMD, "signer_config", &diag);
	print_signer_setting(CMD, names[k], false);
	return ERROR_OK;
}

const struct command_registration stm32h5_da_cred_command_handlers[] = {
	{
		.name = "make_key",
		.handler = da_handle_make_key_command,
		.mode = COMMAND_ANY,
		.usage = "-out key.pem [-public key_pub.pem]",
		.help = "Generate an ECDSA P-256 private key (PEM, file created with mode 0600, "
			"never overwritten) and optionally its public key.",
	},
	{
		.name = "make_certificate",
		.handler = da_handle_make_certificate_command,
		.mode = COMMAND_ANY,
		.usage = "-role root|intermediate|leaf -subject-key pub.pem|pkcs11:URI "
			"(-signer-key key.pem|pkcs11:URI | -sign-cmd CMD) [-parent parent.b64] "
			"-permissions list [-soc-class N] [-soc-id HEX] [-lifecycle N] "
			"(-out cert.b64 | -chain-out chain.b64)...",
		.help = "Make a Debug Authentication certificate in ST's format: a root is signed "
			"by its own key, an intermediate or leaf by its parent's key; the "
			"permissions must fit inside the parent's, SoC and lifecycle constraints "
			"are inherited. -chain-out writes the parent's chain with the new "
			"certificate appended (ST's cert_leaf_chain.b64).",
	},
	{
		.name = "make_chain",
		.handler = da_handle_make_chain_command,
		.mode = COMMAND_ANY,
		.usage = "-out chain.b64 root.b64 [intermediate.b64] leaf.b64",
		.help = "Assemble certificates (root first) into ST's cert_leaf_chain.b64 after "
			"checking roles and signatures.",
	},
	{
		.name = "signer_config",
		.handler = da_handle_signer_config_command,
		.mode = COMMAND_ANY,
		.usage = "[timeout_ms|pkcs11_module|pkcs11_pin_file [value]]",
		.help = "Show or change how keys kept outside are used: timeout_ms, how long a "
			"-sign-cmd command may take (default 30000); pkcs11_module, the PKCS#11 "
			"module when a pkcs11: URI names none (default p11-kit-proxy.so); "
			"pkcs11_pin_file, a file holding the token's PIN (else pin-source= in the "
			"URI or the STM32H5X_PKCS11_PIN environment variable).",
	},
	COMMAND_REGISTRATION_DONE
};
