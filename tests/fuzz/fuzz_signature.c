// SPDX-License-Identifier: GPL-2.0-or-later

/* Fuzz harness: what an external signing command writes (64 bytes r||s, or DER). */

#include "fuzz.h"
#include "target/stm32h5/da_sign_cmd.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t signature[DA_P256_SIGNATURE_BYTES];

	da_signature_decode(data, size, signature, NULL);
	return 0;
}
