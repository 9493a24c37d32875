// SPDX-License-Identifier: GPL-2.0-or-later

/* "stm32h5x da doctor": the gates to a Debug Authentication, one row each (see da_doctor.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <helper/log.h>
#include <jtag/interface.h>
#include <jtag/jtag.h>
#include <target/arm_adi_v5.h>
#include <target/target.h>
#include <transport/transport.h>

#include "da_auth.h"
#include "da_commands.h"
#include "da_detect.h"
#include "da_doctor.h"
#include "da_session.h"
#include "openocd_compat.h"
#include "product_state.h"

#define FLASH_OPTSR_CUR		0x40022050
#define SR_AP0_PRESENT		0x00000001u
#define SR_AP0_ENABLED		0x00010000u

enum gate {
	G_PROBE,
	G_DP,
	G_AP0,
	G_IDCODE,
	G_AP1,
	G_PSTATE,
	G_NRST,
	G_ENTRY,
	G_DISCOVERY,
	G_CREDENTIALS,
	G_COUNT,
};

enum row_status { ROW_NOT_REACHED, ROW_OK, ROW_FAILED };

struct row {
	enum row_status status;
	char value[320];
	char todo[240];
};

static const char *const gate_keys[G_COUNT] = {
	[G_PROBE] = "probe",
	[G_DP] = "dp_idcode",
	[G_AP0] = "ap0",
	[G_IDCODE] = "dbgmcu_idcode",
	[G_AP1] = "ap1",
	[G_PSTATE] = "product_state",
	[G_NRST] = "nrst",
	[G_ENTRY] = "da_entry",
	[G_DISCOVERY] = "discovery",
	[G_CREDENTIALS] = "credentials",
};

static const char *const status_names[] = {
	[ROW_NOT_REACHED] = "not reached",
	[ROW_OK] = "ok",
	[ROW_FAILED] = "failed",
};

struct doctor {
	struct target *target;
	struct da_settings *settings;
	struct row rows[G_COUNT];
	struct da_session ss;
	bool session_open;
	uint32_t sr;
	bool ap1_enabled;
	struct da_discovery disco;
	const char *password, *key, *cert, *permissions;
};

static void set_row(struct doctor *d, enum gate g, enum row_status status, const char *todo,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void set_row(struct doctor *d, enum gate g, enum row_status status, const char *todo,
		const char *fmt, ...)
{
	struct row *r = &d->rows[g];
	va_list ap;

	r->status = status;
	va_start(ap, fmt);
	vsnprintf(r->value, sizeof(r->value), fmt, ap);
	va_end(ap);
	snprintf(r->todo, sizeof(r->todo), "%s", todo ? todo : "");
}

static bool check_probe(struct doctor *d)
{
	struct transport *tr = get_current_transport();

	if (!tr) {
		set_row(d, G_PROBE, ROW_FAILED, "select an adapter and a transport (interface "
			"config file) before init", "no transport selected");
		return false;
	}
	if (transport_is_hla()) {
		set_row(d, G_PROBE, ROW_FAILED, "use interface/stm32h5x-stlink-dap.cfg with an "
			"ST-Link, or a CMSIS-DAP or J-Link adapter",
			"transport %s: a high-level adapter cannot reach AP0 (the DA mailbox)",
			H5_TRANSPORT_NAME(tr));
		return false;
	}
	set_row(d, G_PROBE, ROW_OK, NULL, "transport %s", H5_TRANSPORT_NAME(tr));
	return true;
}

static bool check_dp(struct doctor *d)
{
	struct adiv5_private_config *pc = d->target->private_config;
	uint32_t id = 0;

	if (!pc || !pc->dap) {
		set_row(d, G_DP, ROW_FAILED, "create the target with -dap (target/stm32h5x.cfg)",
			"target %s has no DAP", target_name(d->target));
		return false;
	}
	if (transport_is_jtag())
		id = pc->dap->tap ? pc->dap->tap->idcode : 0;
	else if (dap_dp_read_atomic(pc->dap, DP_DPIDR, &id) != ERROR_OK)
		id = 0;
	if (!id) {
		set_row(d, G_DP, ROW_FAILED, "check the wiring, the target's power and a lower "
			"'adapter speed'", "no debug port identification read");
		return false;
	}
	set_row(d, G_DP, ROW_OK, NULL, "%s 0x%08" PRIx32,
		transport_is_jtag() ? "JTAG TAP IDCODE" : "DPIDR", id);
	return true;
}

static bool check_ap0(struct doctor *d)
{
	struct da_diag diag;

	da_diag_clear(&diag);
	if (da_session_open(&d->ss, d->target, d->settings, false, &diag) != DA_OK) {
		set_row(d, G_AP0, ROW_FAILED, "AP0 carries the DBGMCU mailbox of every STM32H5: "
			"check that the part is an STM32H5 and powered", "%s", diag.text);
		return false;
	}
	d->session_open = true;
	if (da_transport_read(&d->ss.transport, DA_DBGMCU_SR, &d->sr, &diag) != DA_OK) {
		set_row(d, G_AP0, ROW_FAILED, "check the target's power", "DBGMCU_SR: %s",
			diag.text);
		return false;
	}
	if (!(d->sr & SR_AP0_PRESENT) || !(d->sr & SR_AP0_ENABLED)) {
		set_row(d, G_AP0, ROW_FAILED, "AP0 must be present and enabled for Debug "
			"Authentication", "DBGMCU_SR 0x%08" PRIx32 ": AP0 %s", d->sr,
			!(d->sr & SR_AP0_PRESENT) ? "not present" : "not enabled");
		return false;
	}
	set_row(d, G_AP0, ROW_OK, NULL, "DBGMCU_SR 0x%08" PRIx32 ": AP0 present and enabled",
		d->sr);
	return true;
}

static bool check_idcode(struct doctor *d)
{
	uint32_t id = d->ss.idcode;
	const char *name = da_soc_class_name(id & 0xFFF);

	if (!name) {
		set_row(d, G_IDCODE, ROW_FAILED, "this tool drives STM32H5 parts only",
			"0x%08" PRIx32 ": DEV_ID 0x%03" PRIx32 " is not an STM32H5", id, id & 0xFFF);
		return false;
	}
	set_row(d, G_IDCODE, ROW_OK, NULL, "0x%08" PRIx32 ": %s, revision 0x%04" PRIx32, id,
		name, id >> 16);
	return true;
}

static void check_ap1_and_state(struct doctor *d)
{
	uint32_t optsr;

	d->ap1_enabled = d->sr & DA_DBGMCU_SR_AP1_ENABLED;
	set_row(d, G_AP1, ROW_OK, NULL, "%s", d->ap1_enabled ? "enabled: the core can be "
		"debugged" : "closed: the core is reached only after a Debug Authentication");
	if (!d->ap1_enabled)
		return;	/* the product state comes from discovery */
	if (da_transport_read_ap1(&d->ss.transport, FLASH_OPTSR_CUR, &optsr, NULL) == DA_OK) {
		uint8_t code = (optsr >> 8) & 0xFF;
		const char *name = h5_pstate_name(code);

		set_row(d, G_PSTATE, ROW_OK, NULL, "0x%02x %s (FLASH_OPTSR_CUR)", code,
			name ? name : "unknown");
	}
}

/* The host's entry word was taken by the boot ROM after NRST, or the device answered */
static bool nrst_had_effect(const struct da_session *ss)
{
	const struct da_transport *t = &ss->transport;
	uint32_t host_bit = ss->used.ack_swapped ? 0x2 : 0x1;

	if (ss->answered)
		return true;
	return (t->ack_under_reset & host_bit) && !(t->ack_after_entry & host_bit);
}

/* A forced entry word got no answer: does one of the known candidates get one? */
static bool candidate_answers(struct doctor *d, uint32_t *word, uint32_t *answer)
{
	struct da_settings probe = *d->settings;
	struct da_session ss;
	bool answered = false;

	probe.auto_mask |= DA_AUTO_ENTRY;
	if (da_session_open(&ss, d->target, &probe, true, NULL) == DA_OK) {
		answered = ss.answered;
		*word = ss.used.entry_word;
		*answer = ss.answer;
		da_session_close(&ss);
	}
	return answered;
}

static bool check_entry(struct doctor *d)
{
	struct da_session *ss = &d->ss;
	struct da_diag diag;
	char name[5];
	uint32_t word, answer;

	if (!(jtag_get_reset_config() & RESET_HAS_SRST)) {
		set_row(d, G_NRST, ROW_FAILED, "wire NRST to the probe and declare it: "
			"reset_config srst_only srst_nogate", "no NRST line declared");
		return false;
	}
	da_session_close(ss);
	d->session_open = false;
	da_diag_clear(&diag);
	if (da_session_open(ss, d->target, d->settings, true, &diag) != DA_OK) {
		if (ss->ap1_open_after_entry || strstr(diag.text, "Open")) {
			set_row(d, G_NRST, ROW_OK, NULL, "the chip restarted (AP1 enabled after it)");
			set_row(d, G_ENTRY, ROW_FAILED, "none: an Open device is debugged directly",
				"%s", diag.text);
		} else {
			set_row(d, G_ENTRY, ROW_FAILED, "check the wiring of NRST", "%s", diag.text);
		}
		return false;
	}
	d->session_open = true;
	if (ss->answered) {
		set_row(d, G_NRST, ROW_OK, NULL, "the chip restarted: its boot ROM took the "
			"entry word");
		set_row(d, G_ENTRY, ROW_OK, NULL, "0x%08" PRIx32 " %s answered 0x%08" PRIx32 " %s",
			ss->used.entry_word, da_detect_word_name(ss->used.entry_word, name),
			ss->answer, da_detect_word_name(ss->answer, name));
		return true;
	}
	if (!(d->settings->auto_mask & DA_AUTO_ENTRY) && candidate_answers(d, &word, &answer)) {
		char todo[160];

		snprintf(todo, sizeof(todo), "use 'stm32h5x da config entry_word auto' (or "
			"0x%08" PRIx32 ")", word);
		set_row(d, G_NRST, ROW_OK, NULL, "the chip restarted: its boot ROM took an "
			"entry word");
		set_row(d, G_ENTRY, ROW_FAILED, todo, "entry_word 0x%08" PRIx32 " (set) got no "
			"answer; 0x%08" PRIx32 " %s was answered with 0x%08" PRIx32,
			d->settings->entry_word, word, da_detect_word_name(word, name), answer);
		return false;
	}
	if (ss->ap1_open_after_entry) {
		set_row(d, G_NRST, ROW_OK, NULL, "the chip restarted (AP1 enabled after it)");
		set_row(d, G_ENTRY, ROW_FAILED, "an Open device is debugged directly; other "
			"states: see 'Reporting a hardware result' in the README",
			"no answer to the entry word: the chip booted instead of serving DA");
		return false;
	}
	if (!nrst_had_effect(ss)) {
		set_row(d, G_NRST, ROW_FAILED, "wire NRST to the probe (DA holds the chip in "
			"reset while the entry word is written)", "asserting NRST had no visible "
			"effect: the entry word was never taken (DBG_AUTH_ACK 0x%08" PRIx32 ")",
			ss->transport.ack_after_entry);
		return false;
	}
	set_row(d, G_NRST, ROW_OK, NULL, "the chip restarted: its boot ROM took the entry word");
	set_row(d, G_ENTRY, ROW_FAILED, "record 'stm32h5x da trace' and send it (README: "
		"Reporting a hardware result)", "no answer to any known entry word");
	return false;
}

static bool check_discovery(struct doctor *d)
{
	struct da_diag diag;
	char line[300];
	uint8_t state;
	const char *name;

	da_diag_clear(&diag);
	if (da_protocol_discover(&d->ss.link, &d->disco, &diag) != DA_OK) {
		set_row(d, G_DISCOVERY, ROW_FAILED, "record 'stm32h5x da trace' and send it "
			"(README: Reporting a hardware result)", "%s", diag.text);
		return false;
	}
	state = d->disco.lifecycle & 0xFF;
	name = h5_pstate_name(state);
	if (d->disco.has_lifecycle && d->rows[G_PSTATE].status == ROW_NOT_REACHED)
		set_row(d, G_PSTATE, ROW_OK, NULL, "0x%02x %s (from DA discovery: AP1 is closed)",
			state, name ? name : "unknown");
	da_session_describe(&d->ss, line, sizeof(line));
	if (d->disco.has_lifecycle && state == H5_PSTATE_LOCKED) {
		set_row(d, G_DISCOVERY, ROW_FAILED, "none: Locked is final, debug can never be "
			"reopened and the part cannot be regressed", "the device is Locked; %s", line);
		return false;
	}
	if (!d->disco.has_provisioning_integrity
			|| d->disco.provisioning_integrity != DA_INTEGRITY_VALID) {
		set_row(d, G_DISCOVERY, ROW_FAILED, "provision a DA configuration (stm32h5x "
			"provision, or stm32h5x obk provision in the Provisioning state)",
			"no DA configuration provisioned (integrity 0x%08" PRIx32 "); %s",
			d->disco.provisioning_integrity, line);
		return false;
	}
	set_row(d, G_DISCOVERY, ROW_OK, NULL, "method %s, provisioning valid; %s",
		da_auth_method_name(da_discovery_auth_method(&d->disco)), line);
	return true;
}

static void check_credentials(struct doctor *d)
{
	struct da_auth_plan *plan;
	struct da_diag diag;
	enum da_err err;

	if (!d->password && !d->key) {
		set_row(d, G_CREDENTIALS, ROW_NOT_REACHED, "name them with -password FILE or "
			"-key FILE -cert FILE to check them", "no credentials named");
		return;
	}
	plan = calloc(1, sizeof(*plan));
	if (!plan)
		return;
	da_diag_clear(&diag);
	if (d->password)
		err = da_auth_plan_password(plan, d->password, d->permissions, &diag);
	else
		err = da_auth_plan_certificate(plan, d->key, d->cert,
			d->permissions ? d->permissions : "full_regression", &diag);
	if (err == DA_OK)
		err = da_auth_plan_check_device(plan, &d->disco, &diag);
	if (err == DA_OK)
		set_row(d, G_CREDENTIALS, ROW_OK, NULL, "%s fits this device (checked locally, "
			"nothing sent)", d->password ? "the password" : "the certificate chain");
	else
		set_row(d, G_CREDENTIALS, ROW_FAILED, "fix the credentials before 'stm32h5x da "
			"auth'", "%s", diag.text);
	da_auth_plan_free(plan);
	free(plan);
}

/* Braces would break the dictionary: shown as parentheses */
static void tcl_safe(char *s)
{
	for (; *s; s++)
		if (*s == '{')
			*s = '(';
		else if (*s == '}')
			*s = ')';
}

static void report(struct command_invocation *cmd, struct doctor *d)
{
	const char *failed = "none";

	LOG_INFO("stm32h5x da doctor:");
	for (int g = 0; g < G_COUNT; g++) {
		struct row *r = &d->rows[g];

		tcl_safe(r->value);
		tcl_safe(r->todo);
		LOG_INFO("  %-14s %-12s %s", gate_keys[g], status_names[r->status], r->value);
		if (r->todo[0] && r->status != ROW_OK)
			LOG_INFO("  %-14s %-12s -> %s", "", "", r->todo);
		if (r->status == ROW_FAILED && !strcmp(failed, "none"))
			failed = gate_keys[g];
		command_print(cmd, "%s {status {%s} value {%s} todo {%s}}", gate_keys[g],
			status_names[r->status], r->value, r->todo);
	}
	command_print(cmd, "failed_gate %s", failed);
}

static int parse_args(struct command_invocation *cmd, struct doctor *d)
{
	for (unsigned int i = 0; i < CMD_ARGC; i += 2) {
		const char **slot;

		if (!strcmp(CMD_ARGV[i], "-password")) {
			slot = &d->password;
		} else if (!strcmp(CMD_ARGV[i], "-key")) {
			slot = &d->key;
		} else if (!strcmp(CMD_ARGV[i], "-cert")) {
			slot = &d->cert;
		} else if (!strcmp(CMD_ARGV[i], "-permissions")) {
			slot = &d->permissions;
		} else {
			command_print(cmd, "stm32h5x da doctor: unknown option '%s' (valid: "
				"-password, -key, -cert, -permissions)", CMD_ARGV[i]);
			return ERROR_COMMAND_ARGUMENT_INVALID;
		}
		if (i + 1 >= CMD_ARGC) {
			command_print(cmd, "stm32h5x da doctor: option %s needs a value",
				CMD_ARGV[i]);
			return ERROR_COMMAND_ARGUMENT_INVALID;
		}
		*slot = CMD_ARGV[i + 1];
	}
	if (!d->key != !d->cert || (d->password && d->key)) {
		command_print(cmd, "stm32h5x da doctor: give -password FILE, or -key FILE and "
			"-cert FILE, or neither");
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	return ERROR_OK;
}

__COMMAND_HANDLER(stm32h5_da_doctor_handler)
{
	struct doctor *d = calloc(1, sizeof(*d));
	int rv;

	if (!d)
		return ERROR_FAIL;
	d->target = get_current_target(CMD_CTX);
	d->settings = stm32h5_da_config();
	rv = parse_args(CMD, d);
	if (rv != ERROR_OK) {
		free(d);
		return rv;
	}
	if (check_probe(d) && check_dp(d) && check_ap0(d) && check_idcode(d)) {
		check_ap1_and_state(d);
		if (check_entry(d) && check_discovery(d))
			check_credentials(d);
	}
	if (d->session_open) {
		/* leave the boot ROM: the chip restarts normally */
		if (d->ss.entered)
			da_transport_pulse_reset(&d->ss.transport, NULL);
		da_session_close(&d->ss);
	}
	report(CMD, d);
	free(d);
	return ERROR_OK;
}
