// SPDX-License-Identifier: GPL-2.0-or-later

/* Fuzz harness: certificate chains as users give them (.b64 text, or raw TLV bytes), then the
 * local chain verification the host runs before talking to a device. */

#include "fuzz.h"
#include "target/stm32h5/da_certificate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct da_cert_chain chain;
	struct da_diag diag;
	struct da_perms mask;
	uint8_t hash[DA_SHA256_BYTES];

	if (da_cert_chain_from_base64((const char *)data, size, &chain, &diag) == DA_OK
			&& da_cert_chain_verify(&chain, &mask, &diag) == DA_OK)
		da_cert_chain_root_hash(&chain, hash, &diag);
	if (da_cert_chain_from_bytes(data, size, &chain, &diag) == DA_OK
			&& da_cert_chain_verify(&chain, &mask, &diag) == DA_OK)
		da_cert_chain_root_hash(&chain, hash, &diag);
	return 0;
}
