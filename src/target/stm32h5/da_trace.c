// SPDX-License-Identifier: GPL-2.0-or-later

/* Transcript of the DA mailbox for hardware reports (see da_trace.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <helper/log.h>
#include <helper/time_support.h>

#include "da_trace.h"

static FILE *trace_file;
static char *trace_path;
static int64_t trace_start_ms;

static void trace_stop(void)
{
	if (trace_file)
		fclose(trace_file);
	trace_file = NULL;
	free(trace_path);
	trace_path = NULL;
}

static double elapsed_ms(void)
{
	return (double)(timeval_ms() - trace_start_ms);
}

void da_trace_word(bool to_device, uint32_t word, uint32_t ack, bool redacted)
{
	if (!trace_file)
		return;
	if (redacted)
		fprintf(trace_file, "%10.0f  %-8s  <redacted>  ack 0x%08" PRIx32 "\n", elapsed_ms(),
			to_device ? "host>dev" : "dev>host", ack);
	else
		fprintf(trace_file, "%10.0f  %-8s  0x%08" PRIx32 "  ack 0x%08" PRIx32 "\n",
			elapsed_ms(), to_device ? "host>dev" : "dev>host", word, ack);
	fflush(trace_file);
}

void da_trace_note(const char *fmt, ...)
{
	va_list ap;

	if (!trace_file)
		return;
	fprintf(trace_file, "%10.0f  note      ", elapsed_ms());
	va_start(ap, fmt);
	vfprintf(trace_file, fmt, ap);
	va_end(ap);
	fputc('\n', trace_file);
	fflush(trace_file);
}

__COMMAND_HANDLER(stm32h5_da_trace_handler)
{
	if (CMD_ARGC > 1)
		return ERROR_COMMAND_SYNTAX_ERROR;
	if (!CMD_ARGC) {
		command_print(CMD, "%s", trace_path ? trace_path : "off");
		return ERROR_OK;
	}
	trace_stop();
	if (!strcmp(CMD_ARGV[0], "off"))
		return ERROR_OK;
	trace_file = fopen(CMD_ARGV[0], "w");
	if (!trace_file) {
		command_print(CMD, "stm32h5x da trace: cannot create %s: %s", CMD_ARGV[0],
			strerror(errno));
		return ERROR_COMMAND_ARGUMENT_INVALID;
	}
	trace_path = strdup(CMD_ARGV[0]);
	trace_start_ms = timeval_ms();
	fprintf(trace_file, "# stm32h5x da trace: DBGMCU mailbox words (time ms, direction, "
		"word, DBG_AUTH_ACK); password and signature words redacted\n");
	fflush(trace_file);
	LOG_INFO("stm32h5x da: tracing the mailbox to %s", trace_path);
	return ERROR_OK;
}
