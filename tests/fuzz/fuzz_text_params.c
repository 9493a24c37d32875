// SPDX-License-Identifier: GPL-2.0-or-later

/* Fuzz harness: text that users type at the prompt: product-state names, permission lists,
 * option-byte assignments (NAME=value) for every H5 line, DA settings (name value). */

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "target/stm32h5/da_permissions.h"
#include "target/stm32h5/da_settings.h"
#include "target/stm32h5/option_bytes.h"
#include "target/stm32h5/product_state.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';

	uint8_t code;
	h5_pstate_parse(text, &code);

	struct da_perms perms;
	struct da_diag diag;
	da_perms_parse(text, &perms, &diag);

	/* "stm32h5x da config NAME VALUE": the first word names the setting */
	struct da_settings settings;
	da_settings_defaults(&settings);
	char *blank = strchr(text, ' ');
	if (blank) {
		*blank = '\0';
		da_settings_set(&settings, text, blank + 1, &diag);
		*blank = ' ';
	} else {
		da_settings_set(&settings, text, "auto", &diag);
	}

	static const enum h5_family families[] = {
		H5_FAMILY_H503, H5_FAMILY_H52X, H5_FAMILY_H56X, H5_FAMILY_H54X, H5_FAMILY_H5EF,
	};
	for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++) {
		struct h5_ob_part part = { .family = families[i], .flash_kb = 0 };
		struct h5_ob_plan plan;
		char err[256];
		h5_ob_plan_init(&plan, &part);
		/* a line of items separated by blanks, as `stm32h5x ob A=1 B=2` receives them */
		char *save = NULL;
		char *copy = strdup(text);
		for (char *item = copy ? strtok_r(copy, " \t\n", &save) : NULL; item;
				item = strtok_r(NULL, " \t\n", &save))
			if (!h5_ob_plan_add(&plan, item, err, sizeof(err)))
				break;
		free(copy);
	}
	free(text);
	return 0;
}
