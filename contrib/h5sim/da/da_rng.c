// SPDX-License-Identifier: GPL-2.0-or-later

/* h5sim DA: deterministic HMAC_DRBG random source seeded from a 64-bit seed. */

#include <stdlib.h>

#include <mbedtls/hmac_drbg.h>
#include <mbedtls/md.h>

#include "da_adac.h"
#include "da_rng.h"

/* Domain separation so the same seed used elsewhere in the simulator gives other bytes */
static const char da_rng_label[] = "h5sim DA challenge";

struct da_rng {
	mbedtls_hmac_drbg_context drbg;
};

struct da_rng *sim_da_rng_create(uint64_t seed)
{
	struct da_rng *rng = calloc(1, sizeof(*rng));
	uint8_t material[8 + sizeof(da_rng_label)];

	if (!rng)
		return NULL;
	da_put_le32(material, (uint32_t)seed);
	da_put_le32(material + 4, (uint32_t)(seed >> 32));
	for (size_t i = 0; i < sizeof(da_rng_label); i++)
		material[8 + i] = (uint8_t)da_rng_label[i];
	mbedtls_hmac_drbg_init(&rng->drbg);
	if (mbedtls_hmac_drbg_seed_buf(&rng->drbg, mbedtls_md_info_from_type(MBEDTLS_MD_SHA256),
				       material, sizeof(material)) != 0) {
		sim_da_rng_free(rng);
		return NULL;
	}
	return rng;
}

void sim_da_rng_free(struct da_rng *rng)
{
	if (!rng)
		return;
	mbedtls_hmac_drbg_free(&rng->drbg);
	free(rng);
}

bool sim_da_rng_fill(struct da_rng *rng, uint8_t *out, size_t len)
{
	return mbedtls_hmac_drbg_random(&rng->drbg, out, len) == 0;
}

uint32_t sim_da_rng_word(struct da_rng *rng)
{
	uint8_t b[4] = { 0 };

	sim_da_rng_fill(rng, b, sizeof(b));
	return da_get_le32(b);
}
