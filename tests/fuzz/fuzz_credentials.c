// SPDX-License-Identifier: GPL-2.0-or-later

/* Fuzz harness: credential files (ST password.bin TLV, PEM private keys). */

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "target/stm32h5/da_key.h"
#include "target/stm32h5/da_password.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct da_diag diag;
	struct da_password pw;
	uint8_t tlv[64];
	size_t tlv_len;

	if (da_password_parse(data, size, &pw, &diag) == DA_OK) {
		da_password_tlv(&pw, tlv, sizeof(tlv), &tlv_len, &diag);
		da_password_wipe(&pw);
	}

	struct da_key *key = NULL;
	if (da_key_parse(data, size, &key, &diag) == DA_OK) {
		uint8_t pub[DA_P256_PUBKEY_BYTES];
		da_key_public(key, pub);
		da_key_free(key);
	}
	return 0;
}
