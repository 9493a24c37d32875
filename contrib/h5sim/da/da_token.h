/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * h5sim DA: PSA binary token, ECDSA P-256 (h5-debug-auth.md §4.5): 0x38 bytes of header and
 * requested permissions, the signature r||s over SHA-256(token[0..0x38) || challenge vector),
 * then the padded extensions.
 */

#ifndef H5SIM_DA_TOKEN_H
#define H5SIM_DA_TOKEN_H

#include <stdbool.h>
#include <stdint.h>

#include "da_adac.h"

#define DA_TOKEN_BASE_SIZE	0x78u
#define DA_TOKEN_TBS_SIZE	0x38u

/* True if len is 120 bytes plus the padded extensions the header announces */
bool sim_da_token_size_ok(const uint8_t *token, uint32_t len);

/*
 * Checks the token layout and its signature by key over the challenge vector; on success
 * copies the requested permissions. Returns NULL or the problem.
 */
const char *sim_da_token_verify(const uint8_t *token, uint32_t len,
			    const uint8_t key[DA_P256_KEY_SIZE],
			    const uint8_t challenge_vector[DA_CHALLENGE_VECTOR_SIZE],
			    uint8_t requested[DA_PERMISSIONS_SIZE]);

#endif /* H5SIM_DA_TOKEN_H */
