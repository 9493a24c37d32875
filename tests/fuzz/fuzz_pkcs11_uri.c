// SPDX-License-Identifier: GPL-2.0-or-later

/* Fuzz harness: RFC 7512 pkcs11: URIs naming a signing key (no module is loaded). */

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "target/stm32h5/da_pkcs11_uri.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct da_pkcs11_uri uri;
	char *text = malloc(size + 1);

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	da_pkcs11_uri_parse(text, &uri, NULL);
	free(text);
	return 0;
}
