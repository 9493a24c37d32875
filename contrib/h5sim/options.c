// SPDX-License-Identifier: GPL-2.0-or-later

/* h5sim: command-line parsing and --help. Table-driven: one row per option. */

#include <errno.h>
#include <stddef.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "parts.h"

enum opt_kind { OPT_FLAG, OPT_STR, OPT_U64, OPT_UINT, OPT_INT, OPT_U32, OPT_U8, OPT_BOOL01, OPT_I64 };

struct opt_row {
	const char *name;
	enum opt_kind kind;
	size_t field;
	size_t set_field;	/* offset of a bool set flag, or (size_t)-1 */
	const char *arg;
	const char *help;
};

#define F(x) offsetof(struct h5sim_options, x)
#define NOSET ((size_t)-1)

static const struct opt_row rows[] = {
	{ "port", OPT_UINT, F(port), NOSET, "N", "TCP port on 127.0.0.1 (0 = ephemeral, default 9999)" },
	{ "port-file", OPT_STR, F(port_file), NOSET, "F", "write the bound port number to F" },
	{ "once", OPT_FLAG, F(once), NOSET, NULL, "exit when the first client disconnects" },
	{ "stlink", OPT_FLAG, F(stlink), NOSET, NULL, "serve the stlink-server protocol (OpenOCD \"st-link backend tcp PORT\") instead of remote_bitbang" },
	{ "stlink-serial", OPT_STR, F(stlink_serial), NOSET, "S", "serial number of this emulated ST-Link (default 24 digits: 0...01, 0...02 per probe)" },
	{ "stlink-fw", OPT_STR, F(stlink_fw), NOSET, "VER", "ST-Link firmware version reported, e.g. V3J7 (default), V2J45S7, V2J23S4" },
	{ "stlink-nrst", OPT_BOOL01, F(stlink_nrst), NOSET, "0|1", "the ST-Link's NRST pin is wired to the chip (default 1)" },
	{ "stlink-default-ap", OPT_UINT, F(stlink_default_ap), NOSET, "N", "AP the firmware uses for memory commands without AP/CSW (hla) (default 1, the core)" },
	{ "stlink-api", OPT_UINT, F(stlink_api), NOSET, "N", "stlink-server API version reported (default 2)" },
	{ "probe", OPT_FLAG, 0, NOSET, NULL, "with --stlink: the options after it describe one more probe and its chip" },
	{ "part", OPT_STR, F(part), NOSET, "P", "part to simulate (default H563)" },
	{ "state", OPT_STR, F(state_file), NOSET, "FILE", "non-volatile state: loaded at start if it exists, saved at exit and on SIGTERM" },
	{ "pstate", OPT_INT, F(pstate), NOSET, "CODE", "force PRODUCT_STATE (e.g. 0xED, 0x17, 0x2E, 0xC6, 0x72, 0x5C) at start" },
	{ "tzen", OPT_BOOL01, F(tzen), NOSET, "0|1", "force TZEN (1 = 0xB4 enabled, 0 = 0xC3 disabled) at start" },
	{ "optsr", OPT_U32, F(optsr), F(optsr_set), "HEX", "factory OPTSR word [U] (default 0x2D30EDD8)" },
	{ "optsr2", OPT_U32, F(optsr2), F(optsr2_set), "HEX", "factory OPTSR2 word [U] (default 0xC3000000)" },
	{ "bs-tap", OPT_BOOL01, F(bs_tap), NOSET, "0|1", "boundary-scan TAP (IR length 5) between TDI and the debug TAP, as on silicon (default 1)" },
	{ "bs-idcode", OPT_I64, F(bs_idcode), NOSET, "HEX", "[I] IDCODE of the boundary-scan TAP (default 0x06<DEV_ID>041)" },
	{ "rev-id", OPT_INT, F(rev_id), NOSET, "HEX", "DBGMCU_IDCODE.REV_ID (default per part)" },
	{ "package", OPT_INT, F(package), NOSET, "HEX", "package code at 0x08FFF80E (default per part)" },
	{ "seed", OPT_U64, F(seed), NOSET, "N", "seed for the UID and the DA challenge generator (default 1)" },
	{ "dump", OPT_STR, F(dump_file), NOSET, "FILE", "write a \"key value\" text dump of the chip at exit" },
	{ "log", OPT_STR, F(log_file), NOSET, "FILE", "log every flash/option-byte operation and chip event to FILE" },
	{ "record", OPT_STR, F(record_file), NOSET, "FILE", "append every remote_bitbang character received to FILE" },
	{ "replay", OPT_STR, F(replay_file), NOSET, "FILE", "serve the characters of FILE as one session (no TCP; answers discarded), then exit" },
	{ "tck-ns", OPT_U64, F(tck_ns), NOSET, "NS", "simulated time per TCK cycle (default 1000)" },
	{ "ns-per-insn", OPT_U64, F(ns_per_insn), NOSET, "NS", "simulated time per executed instruction (default 10)" },
	{ "ap-latency-tck", OPT_UINT, F(ap_latency_tck), NOSET, "N", "an AP access completes N TCKs after it starts; a scan before that gets WAIT (default 0 = never)" },
	{ "t-program-ns", OPT_U64, F(t_program_ns), NOSET, "NS", "128-bit word program time [U] (default 60000)" },
	{ "t-program-half-ns", OPT_U64, F(t_program_half_ns), NOSET, "NS", "OTP/EDATA half-word program time [U] (default 30000)" },
	{ "t-sector-erase-ns", OPT_U64, F(t_sector_erase_ns), NOSET, "NS", "8 KiB sector erase time [U] (default 2000000)" },
	{ "t-bank-erase-ns", OPT_U64, F(t_bank_erase_ns), NOSET, "NS", "bank erase time [U] (default 16000000)" },
	{ "t-option-change-ns", OPT_U64, F(t_option_change_ns), NOSET, "NS", "option-byte change time [U] (default 5000000)" },
	{ "gate-at-once", OPT_FLAG, F(gate_at_once), NOSET, NULL, "[U] AP1 gating follows a product-state change at once (default: at the next reset)" },
	{ "secure-sram-kib", OPT_UINT, F(secure_sram_kib), NOSET, "N", "[U] with TrustZone on, the first N KiB of SRAM are secure blocks (GTZC as the secure firmware set it): non-secure accesses read 0, writes are ignored (default 0)" },
	{ "hdpl-at-boot", OPT_U8, F(hdpl_at_boot), NOSET, "HEX", "[U] SBS_HDPLSR after reset (default 0x51 = HDPL1)" },
	{ "da-magic", OPT_U32, F(da_magic), NOSET, "HEX", "[U] DA entry word written to DBG_AUTH_HOST under reset (default 0x53544441)" },
	{ "da-answer", OPT_U32, F(da_answer), F(da_answer_set), "HEX", "[U] word the device answers the entry word with (default: the entry word itself; ST's N6 DA answers \"OEDA\" 0x4F454441 with \"DAOK\" 0x44414F4B)" },
	{ "da-no-answer", OPT_FLAG, F(da_no_answer), NOSET, NULL, "[U] the device enters DA without answering the entry word (default: it answers)" },
	{ "da-ack-bits", OPT_STR, F(da_ack_bits), NOSET, "standard|swapped", "[U] DBG_AUTH_ACK meaning: standard = bit0 host word pending, bit1 device word pending (ST firmware); swapped = the RM wording (default standard)" },
	{ "da-dev-flag", OPT_STR, F(da_dev_flag), NOSET, "hardware|host", "[U] who clears the device-word flag: hardware (the host's read of DBG_AUTH_DEVICE) or host (only a write of 0 to it) (default hardware)" },
	{ "da-count", OPT_STR, F(da_count), NOSET, "words|bytes", "[U] unit of data_count in both directions (default words)" },
	{ "fault-drop-after", OPT_U64, F(fault_drop_after), NOSET, "N", "close the connection after N DAP transactions" },
	{ "fault-power-loss-after", OPT_U64, F(fault_power_loss_after), NOSET, "N", "when the Nth flash operation starts: cut it (h5flash_power_loss), save state, exit" },
	{ "fault-reset-during-ob", OPT_FLAG, F(fault_reset_during_ob), NOSET, NULL, "system reset halfway through the first option-byte change" },
	{ "fault-no-nrst", OPT_FLAG, F(fault_no_nrst), NOSET, NULL, "NRST is not wired: the adapter's SRST has no effect on the chip" },
	{ "fault-no-ap0", OPT_FLAG, F(fault_no_ap0), NOSET, NULL, "AP0 (the DBGMCU mailbox) is absent: its IDR reads 0 and every transfer fails" },
	{ "fault-da", OPT_STR, F(fault_da_name), NOSET, "MODE", "the Debug Authentication device misbehaves: silent (never answers), garbage (answers random words), bad_length (a response's data_count does not match its data) (default none)" },
	{ "verbose", OPT_FLAG, F(verbose), NOSET, NULL, "chip events to stderr; twice: every AP access" },
};

/* --fault-da MODE names; the same names as the dump's da.fault line */
static const struct {
	const char *name;
	enum da_fault fault;
} da_fault_modes[] = {
	{ "none", DA_FAULT_NONE },
	{ "silent", DA_FAULT_SILENT },
	{ "garbage", DA_FAULT_GARBAGE },
	{ "bad_length", DA_FAULT_BAD_LENGTH },
};

static int parse_da_fault(struct h5sim_options *o)
{
	if (!o->fault_da_name)
		return 0;
	for (unsigned int i = 0; i < sizeof(da_fault_modes) / sizeof(da_fault_modes[0]); i++) {
		if (!strcmp(o->fault_da_name, da_fault_modes[i].name)) {
			o->fault_da = da_fault_modes[i].fault;
			return 0;
		}
	}
	fprintf(stderr, "h5sim: --fault-da: unknown mode '%s' (known:", o->fault_da_name);
	for (unsigned int i = 0; i < sizeof(da_fault_modes) / sizeof(da_fault_modes[0]); i++)
		fprintf(stderr, " %s", da_fault_modes[i].name);
	fprintf(stderr, ")\n");
	return -1;
}

/* A string option that takes one of two words: *flag = (value == second); 0 or -1 (printed) */
static int parse_choice(const char *opt, const char *value, const char *first,
		const char *second, bool *flag)
{
	if (!value || !strcmp(value, first)) {
		*flag = false;
		return 0;
	}
	if (!strcmp(value, second)) {
		*flag = true;
		return 0;
	}
	fprintf(stderr, "h5sim: --%s: unknown value '%s' (known: %s %s)\n", opt, value, first, second);
	return -1;
}

static int parse_da_variants(struct h5sim_options *o)
{
	if (parse_choice("da-ack-bits", o->da_ack_bits, "standard", "swapped", &o->da_ack_swapped) ||
	    parse_choice("da-dev-flag", o->da_dev_flag, "hardware", "host", &o->da_dev_flag_by_host) ||
	    parse_choice("da-count", o->da_count, "words", "bytes", &o->da_count_in_bytes))
		return -1;
	return 0;
}

static void defaults(struct h5sim_options *o)
{
	memset(o, 0, sizeof(*o));
	o->port = 9999;
	o->part = "H563";
	o->pstate = -1;
	o->tzen = -1;
	o->optsr = 0x2D30EDD8;
	o->optsr2 = 0xC3000000;
	o->bs_tap = 1;
	o->bs_idcode = -1;
	o->rev_id = -1;
	o->package = -1;
	o->seed = 1;
	o->tck_ns = 1000;
	o->ns_per_insn = 10;
	o->t_program_ns = 60000;
	o->t_program_half_ns = 30000;
	o->t_sector_erase_ns = 2000000;
	o->t_bank_erase_ns = 16000000;
	o->t_option_change_ns = 5000000;
	o->hdpl_at_boot = 0x51;
	o->da_magic = 0x53544441;
	o->fault_da = DA_FAULT_NONE;
	o->stlink_fw = "V3J7";
	o->stlink_nrst = 1;
	o->stlink_default_ap = 1;
	o->stlink_api = 2;
}

static void usage(void)
{
	printf("Usage: h5sim [options]\n"
	       "STM32H5 device simulator behind OpenOCD's remote_bitbang adapter (JTAG),\n"
	       "or (--stlink) behind emulated ST-Links served as stlink-server.\n\n");
	for (unsigned int i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char left[48];
		snprintf(left, sizeof(left), "--%s%s%s", rows[i].name, rows[i].arg ? " " : "",
				rows[i].arg ? rows[i].arg : "");
		printf("  %-28s %s\n", left, rows[i].help);
	}
	printf("  %-28s %s\n", "--help", "this text");
	printf("\nParts: ");
	h5sim_parts_print();
	printf("\nSee docs/simulator.md for the model and the dump format.\n");
}

static bool parse_number(const char *s, uint64_t *out)
{
	char *end;

	errno = 0;
	*out = strtoull(s, &end, 0);
	return !errno && end != s && *end == '\0' && s[0] != '-';
}

int h5sim_options_parse(struct h5sim_options *o, int argc, char **argv)
{
	defaults(o);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage();
			return 1;
		}
		if (strncmp(a, "--", 2)) {
			fprintf(stderr, "h5sim: unexpected argument '%s' (see --help)\n", a);
			return -1;
		}
		const char *name = a + 2;
		const char *eq = strchr(name, '=');
		size_t len = eq ? (size_t)(eq - name) : strlen(name);
		const struct opt_row *row = NULL;
		for (unsigned int k = 0; k < sizeof(rows) / sizeof(rows[0]); k++)
			if (strlen(rows[k].name) == len && !strncmp(rows[k].name, name, len))
				row = &rows[k];
		if (!row) {
			fprintf(stderr, "h5sim: unknown option '%s' (see --help)\n", a);
			return -1;
		}
		char *base = (char *)o;
		if (!strcmp(row->name, "probe")) {
			o->next_probe_arg = i;
			break;
		}
		if (row->kind == OPT_FLAG) {
			if (eq) {
				fprintf(stderr, "h5sim: option --%s takes no value\n", row->name);
				return -1;
			}
			if (row->field == F(verbose))
				o->verbose++;
			else
				*(bool *)(base + row->field) = true;
			continue;
		}
		const char *val = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
		if (!val) {
			fprintf(stderr, "h5sim: option --%s needs a value (%s)\n", row->name, row->arg);
			return -1;
		}
		uint64_t n = 0;
		if (row->kind != OPT_STR && !parse_number(val, &n)) {
			fprintf(stderr, "h5sim: option --%s: '%s' is not a number\n", row->name, val);
			return -1;
		}
		switch (row->kind) {
		case OPT_STR:
			*(const char **)(base + row->field) = val;
			break;
		case OPT_U64:
			*(uint64_t *)(base + row->field) = n;
			break;
		case OPT_UINT:
			if (n > 0xFFFFFFFFu)
				goto range;
			*(unsigned int *)(base + row->field) = (unsigned int)n;
			break;
		case OPT_INT:
			if (n > 0x7FFFFFFF)
				goto range;
			*(int *)(base + row->field) = (int)n;
			break;
		case OPT_U32:
			if (n > 0xFFFFFFFFu)
				goto range;
			*(uint32_t *)(base + row->field) = (uint32_t)n;
			break;
		case OPT_U8:
			if (n > 0xFF)
				goto range;
			*(uint8_t *)(base + row->field) = (uint8_t)n;
			break;
		case OPT_I64:
			if (n > 0xFFFFFFFFu)
				goto range;
			*(int64_t *)(base + row->field) = (int64_t)n;
			break;
		case OPT_BOOL01:
			if (n > 1)
				goto range;
			*(int *)(base + row->field) = (int)n;
			break;
		case OPT_FLAG:
			break;
		}
		if (row->set_field != NOSET)
			*(bool *)(base + row->set_field) = true;
		continue;
range:
		fprintf(stderr, "h5sim: option --%s: value '%s' is out of range\n", row->name, val);
		return -1;
	}
	if (o->port > 65535) {
		fprintf(stderr, "h5sim: --port %u is not a TCP port\n", o->port);
		return -1;
	}
	if (o->pstate > 0xFF) {
		fprintf(stderr, "h5sim: --pstate 0x%x is not an 8-bit code\n", (unsigned int)o->pstate);
		return -1;
	}
	if (!h5sim_part_find(o->part)) {
		fprintf(stderr, "h5sim: unknown part '%s' (known: ", o->part);
		fflush(stderr);
		h5sim_parts_print();
		fflush(stdout);
		fprintf(stderr, ")\n");
		return -1;
	}
	if (parse_da_fault(o) || parse_da_variants(o))
		return -1;
	if (!o->tck_ns || !o->ns_per_insn) {
		fprintf(stderr, "h5sim: --tck-ns and --ns-per-insn must be at least 1\n");
		return -1;
	}
	return 0;
}
