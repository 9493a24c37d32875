// SPDX-License-Identifier: GPL-2.0-or-later

/* ST password TLV files for Debug Authentication (see da_password.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>

#include <mbedtls/platform_util.h>

#include "adac_le.h"
#include "adac_tlv.h"
#include "da_file.h"
#include "da_password.h"

enum da_err da_password_parse(const uint8_t *file, size_t len, struct da_password *out,
		struct da_diag *diag)
{
	uint32_t type_word, length;	/* never printed: could be password bytes */
	size_t padded;

	memset(out, 0, sizeof(*out));
	if (len < ADAC_TLV_HEADER_BYTES)
		return da_fail(diag, DA_ERR_TRUNCATED,
			"password file is %zu bytes, its TLV header alone needs 8", len);
	type_word = adac_get_le32(file);
	length = adac_get_le32(file + 4);
	if (type_word != (uint32_t)ADAC_TLV_ST_PASSWORD << 16)
		return da_fail(diag, DA_ERR_WRONG_TYPE,
			"not an ST password TLV: the first word is not 0x80000000 (content not "
			"shown); give da_password.bin/password.bin, not the raw password");
	if (length < DA_PASSWORD_MIN_BYTES || length > DA_PASSWORD_MAX_BYTES)
		return da_fail(diag, DA_ERR_MALFORMED,
			"password length field is %u, must be %u..%u bytes", length,
			DA_PASSWORD_MIN_BYTES, DA_PASSWORD_MAX_BYTES);
	padded = adac_round_to_word(length);
	if (len - ADAC_TLV_HEADER_BYTES < length)
		return da_fail(diag, DA_ERR_TRUNCATED,
			"password file announces %u password bytes, only %zu follow",
			length, len - ADAC_TLV_HEADER_BYTES);
	if (len - ADAC_TLV_HEADER_BYTES != length && len - ADAC_TLV_HEADER_BYTES != padded)
		return da_fail(diag, DA_ERR_LENGTH_MISMATCH,
			"password file is %zu bytes, expected %u (8-byte header + %u-byte password)",
			len, (unsigned int)(ADAC_TLV_HEADER_BYTES + length), length);
	for (size_t i = ADAC_TLV_HEADER_BYTES + length; i < len; i++)
		if (file[i])
			return da_fail(diag, DA_ERR_BAD_PADDING,
				"password file padding after the password is not zero");

	out->length = length;
	memcpy(out->bytes, file + ADAC_TLV_HEADER_BYTES, length);
	return DA_OK;
}

enum da_err da_password_load(const char *path, struct da_password *out, struct da_diag *diag)
{
	uint8_t *data;
	size_t len;
	enum da_err err;

	err = da_file_read(path, DA_PASSWORD_FILE_MAX_BYTES, &data, &len, diag);
	if (err != DA_OK)
		return err;
	err = da_password_parse(data, len, out, diag);
	da_file_free(data, len);
	if (err != DA_OK)
		da_diag_prefix(diag, "%s: ", path);
	return err;
}

enum da_err da_password_tlv(const struct da_password *pw, uint8_t *out, size_t out_size,
		size_t *out_len, struct da_diag *diag)
{
	if (pw->length < DA_PASSWORD_MIN_BYTES || pw->length > DA_PASSWORD_MAX_BYTES)
		return da_fail(diag, DA_ERR_ARGUMENT, "password length %u out of range",
			pw->length);
	return adac_tlv_encode(ADAC_TLV_ST_PASSWORD, pw->bytes, pw->length, out, out_size,
		out_len, diag);
}

void da_password_wipe(struct da_password *pw)
{
	mbedtls_platform_zeroize(pw, sizeof(*pw));
}
