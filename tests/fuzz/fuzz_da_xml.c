// SPDX-License-Identifier: GPL-2.0-or-later

/* Fuzz harness: ST's package-creator XML for the DA configuration (no file is opened). */

#include "fuzz.h"
#include "target/stm32h5/obk_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct h5_da_xml x;
	char err[256];

	if (h5_da_xml_parse(data, size, &x, err, sizeof(err)))
		h5_da_xml_wipe(&x);
	return 0;
}
