// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * STM32H5 product-state codes, names and transition rules (see product_state.h).
 *
 * The rules come from h5-flash-ob.md §4.4: the lifecycle only moves "up"
 * (Open < Provisioning < iROT-Provisioned < TZ-Closed < Closed < Locked), Open cannot jump
 * straight to a closed state, Locked is final, and going back down is done by a Debug
 * Authentication regression (or by iRoT firmware at HDPL1), never by a debugger's
 * option-byte write.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "array_size.h"
#include "product_state.h"

struct pstate_desc {
	uint8_t code;
	const char *name;
	int rank;	/* lifecycle order for the "only up" rule; -1: transient */
};

static const struct pstate_desc pstates[] = {
	{ H5_PSTATE_OPEN,		"Open",			0 },
	{ H5_PSTATE_PROVISIONING,	"Provisioning",		1 },
	{ H5_PSTATE_IROT_PROVISIONED,	"iROT-Provisioned",	2 },
	{ H5_PSTATE_TZ_CLOSED,		"TZ-Closed",		3 },
	{ H5_PSTATE_CLOSED,		"Closed",		4 },
	{ H5_PSTATE_LOCKED,		"Locked",		5 },
	{ H5_PSTATE_REGRESSION,		"Regression",		-1 },
	{ H5_PSTATE_NS_REGRESSION,	"NS-Regression",	-1 },
};

#define N_PSTATES (ARRAY_SIZE(pstates))

static const struct pstate_desc *find(uint8_t code)
{
	for (size_t i = 0; i < N_PSTATES; i++)
		if (pstates[i].code == code)
			return &pstates[i];
	return NULL;
}

const char *h5_pstate_name(uint8_t code)
{
	const struct pstate_desc *d = find(code);
	return d ? d->name : NULL;
}

bool h5_pstate_is_valid(uint8_t code)
{
	return find(code);
}

/* Lower-cases text into out, dropping '-', '_' and blanks; false if it does not fit. */
static bool fold(const char *text, char *out, size_t size)
{
	size_t n = 0;
	for (; *text; text++) {
		if (*text == '-' || *text == '_' || isspace((unsigned char)*text))
			continue;
		if (n + 1 >= size)
			return false;
		out[n++] = (char)tolower((unsigned char)*text);
	}
	out[n] = '\0';
	return n > 0;
}

bool h5_pstate_parse(const char *text, uint8_t *code)
{
	char folded[32], name[32];

	if (!text || !fold(text, folded, sizeof(folded)))
		return false;

	for (size_t i = 0; i < N_PSTATES; i++) {
		fold(pstates[i].name, name, sizeof(name));
		if (strcmp(folded, name) == 0) {
			*code = pstates[i].code;
			return true;
		}
	}

	/* a number, as written in STM32CubeProgrammer's -ob PRODUCT_STATE=0x72 */
	char *end;
	unsigned long value = strtoul(text, &end, 0);
	if (*text && *end == '\0' && value <= 0xFF && find((uint8_t)value)) {
		*code = (uint8_t)value;
		return true;
	}
	return false;
}

bool h5_pstate_closes_debug(uint8_t code)
{
	return code == H5_PSTATE_IROT_PROVISIONED || code == H5_PSTATE_TZ_CLOSED
		|| code == H5_PSTATE_CLOSED || code == H5_PSTATE_LOCKED;
}

bool h5_pstate_is_final(uint8_t code)
{
	return code == H5_PSTATE_LOCKED;
}

static enum h5_pstate_verdict refuse(const char **reason, const char *why)
{
	if (reason)
		*reason = why;
	return H5_PSTATE_REFUSED;
}

enum h5_pstate_verdict h5_pstate_check_transition(uint8_t from, uint8_t to,
		const struct h5_pstate_context *ctx, const char **reason)
{
	const struct pstate_desc *f = find(from);
	const struct pstate_desc *t = find(to);

	if (reason)
		*reason = NULL;
	if (!f)
		return refuse(reason, "the current product state code is not a valid state; "
				"read it again after a reset before changing anything");
	if (!t)
		return refuse(reason, "the requested product state code is not a valid state");
	if (from == to)
		return H5_PSTATE_ALREADY;
	if (from == H5_PSTATE_LOCKED)
		return refuse(reason, "Locked is final: the device can never leave it");
	if (f->rank < 0)
		return refuse(reason, "a regression is in progress; reset the device to let it finish");
	if (to == H5_PSTATE_REGRESSION || to == H5_PSTATE_NS_REGRESSION)
		return refuse(reason, "a regression is started by Debug Authentication "
				"(stm32h5x da auth ... full_regression/partial_regression), "
				"not by an option-byte write from the debugger");
	if (to == H5_PSTATE_TZ_CLOSED && !(ctx && ctx->has_trustzone))
		return refuse(reason, "TZ-Closed does not exist on a part without TrustZone");
	if (to == H5_PSTATE_TZ_CLOSED && !ctx->tzen)
		return refuse(reason, "TZ-Closed needs TrustZone enabled (TZEN=0xB4)");
	if (t->rank < f->rank)
		return refuse(reason, "the lifecycle only moves forward: going back needs a "
				"Debug Authentication regression");
	if (from == H5_PSTATE_OPEN && to != H5_PSTATE_PROVISIONING
			&& to != H5_PSTATE_IROT_PROVISIONED)
		return refuse(reason, "from Open the device must go through Provisioning "
				"(or iROT-Provisioned) first");
	return H5_PSTATE_ALLOWED;
}
