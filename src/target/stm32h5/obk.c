// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * .obk files and the DA configuration blob (see obk.h). The layout was worked out from ST's
 * sample files (h5-debug-auth.md §6.3 [V]) and is checked against them in the unit tests.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <string.h>

#include "array_size.h"
#include "obk.h"

struct slot_desc {
	const char *name;
	uint32_t offset;	/* in the OBK area */
	uint32_t size;
	bool at_secure;		/* reachable at 0x0FFDxxxx */
	bool at_nonsecure;	/* reachable at 0x0BFDxxxx */
};

/* h5-flash-ob.md §2.5 [C] CMSIS FLASH_OBK_* */
static const struct slot_desc slots[] = {
	[H5_OBK_SLOT_HDPL0] = { "HDPL0", 0x0000, 0x0100, true, true },
	[H5_OBK_SLOT_HDPL1] = { "HDPL1", 0x0100, 0x0800, true, true },
	[H5_OBK_SLOT_HDPL2] = { "HDPL2", 0x0900, 0x0300, true, true },
	[H5_OBK_SLOT_HDPL3_S] = { "HDPL3 secure", 0x0C00, 0x0C00, true, false },
	[H5_OBK_SLOT_HDPL3_NS] = { "HDPL3 non-secure", 0x1800, 0x07F0, false, true },
};

#define N_SLOTS (ARRAY_SIZE(slots))

/* Permission bits (h5-debug-auth.md §5.1; bits 14, 6, 1 [C], the others [I]) */
static const struct {
	unsigned int bit;
	const char *name;
} permission_names[] = {
	{ 14, "full regression" },
	{ 12, "partial regression" },
	{ 6, "level 3 intrusive debug" },
	{ 5, "level 2 intrusive debug" },
	{ 4, "level 1 intrusive debug" },
	{ 2, "level 3 intrusive non-secure debug" },
	{ 1, "level 2 intrusive non-secure debug" },
	{ 0, "level 1 intrusive non-secure debug" },
};

static uint32_t get_le32(const uint8_t *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put_le32(uint8_t *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

const char *h5_obk_slot_name(enum h5_obk_slot slot)
{
	return (unsigned int)slot < N_SLOTS ? slots[slot].name : "unknown";
}

/* True if data begins with SHA-256 of the bytes that follow it */
static bool integrity_hash_matches(const uint8_t *data, uint32_t size)
{
	uint8_t hash[H5_CREDENTIAL_HASH_SIZE];

	if (size <= H5_CREDENTIAL_HASH_SIZE)
		return false;
	h5_sha256(data + H5_CREDENTIAL_HASH_SIZE, size - H5_CREDENTIAL_HASH_SIZE, hash);
	return memcmp(hash, data, sizeof(hash)) == 0;
}

static bool check_destination(struct h5_obk_file *obk, char *err, size_t err_size)
{
	uint32_t dest = obk->dest;
	bool secure = dest >= H5_OBK_BASE_S && dest - H5_OBK_BASE_S < H5_OBK_AREA_SIZE;
	bool nonsecure = dest >= H5_OBK_BASE_NS && dest - H5_OBK_BASE_NS < H5_OBK_AREA_SIZE;

	if (!secure && !nonsecure) {
		snprintf(err, err_size, "destination 0x%08X is outside the OBK area "
				"(0x%08X..0x%08X secure, 0x%08X..0x%08X non-secure)",
				(unsigned int)dest, H5_OBK_BASE_S, H5_OBK_BASE_S + H5_OBK_AREA_SIZE - 1,
				H5_OBK_BASE_NS, H5_OBK_BASE_NS + H5_OBK_AREA_SIZE - 1);
		return false;
	}
	uint32_t base = secure ? H5_OBK_BASE_S : H5_OBK_BASE_NS;
	uint32_t offset = dest - base;

	for (unsigned int i = 0; i < N_SLOTS; i++) {
		const struct slot_desc *s = &slots[i];
		if (offset < s->offset || offset - s->offset >= s->size)
			continue;
		obk->slot = (enum h5_obk_slot)i;
		if (i == H5_OBK_SLOT_HDPL0) {
			snprintf(err, err_size, "destination 0x%08X is in the HDPL0 slot, which "
					"belongs to ST", (unsigned int)dest);
			return false;
		}
		if ((secure && !s->at_secure) || (nonsecure && !s->at_nonsecure)) {
			snprintf(err, err_size, "destination 0x%08X: the %s slot is reached only "
					"at its %s address 0x%08X", (unsigned int)dest, s->name,
					secure ? "non-secure" : "secure",
					(secure ? H5_OBK_BASE_NS : H5_OBK_BASE_S) + offset);
			return false;
		}
		if (dest % H5_OBK_ALIGN) {
			snprintf(err, err_size, "destination 0x%08X is not 16-byte aligned (OBKeys "
					"are written in 16-byte units)", (unsigned int)dest);
			return false;
		}
		if (obk->size > s->offset + s->size - offset) {
			snprintf(err, err_size, "the %u data bytes at 0x%08X run past the end of "
					"the %s slot (its last byte is 0x%08X)",
					(unsigned int)obk->size, (unsigned int)dest, s->name,
					(unsigned int)(base + s->offset + s->size - 1));
			return false;
		}
		return true;
	}
	snprintf(err, err_size, "destination 0x%08X is in the last 16 bytes of the OBK area, "
			"which belong to no slot", (unsigned int)dest);
	return false;
}

bool h5_obk_parse(const uint8_t *file, size_t len, struct h5_obk_file *obk,
		char *err, size_t err_size)
{
	memset(obk, 0, sizeof(*obk));
	if (!file || len < H5_OBK_HEADER_SIZE) {
		snprintf(err, err_size, "the file is %zu bytes long: too short for the 12-byte "
				".obk header (destination, size, encryption flag)", file ? len : 0);
		return false;
	}
	obk->dest = get_le32(file);
	obk->size = get_le32(file + 4);
	obk->encrypt = get_le32(file + 8);
	obk->data = file + H5_OBK_HEADER_SIZE;
	size_t data_len = len - H5_OBK_HEADER_SIZE;

	if (obk->encrypt > 1) {
		/* the value is not quoted: in a file that is no .obk (a password file, a key)
		 * these bytes may be part of a secret */
		snprintf(err, err_size, "the encryption flag (header bytes 8..11) is neither 0 "
				"nor 1: this is not a .obk file");
		return false;
	}
	if (obk->size == 0) {
		snprintf(err, err_size, "the header announces no data (size 0)");
		return false;
	}
	if (data_len < obk->size) {
		snprintf(err, err_size, "the file is truncated: its header announces %u data bytes "
				"but only %zu follow", (unsigned int)obk->size, data_len);
		return false;
	}
	if (data_len > obk->size) {
		snprintf(err, err_size, "the file has %zu bytes after the header, more than the %u "
				"its header announces", data_len, (unsigned int)obk->size);
		return false;
	}
	if (obk->size % H5_OBK_ALIGN) {
		snprintf(err, err_size, "the data size %u is not a multiple of 16 bytes (OBKeys "
				"are written in 16-byte units)", (unsigned int)obk->size);
		return false;
	}
	if (!check_destination(obk, err, err_size))
		return false;

	obk->has_integrity_hash = integrity_hash_matches(obk->data, obk->size);
	obk->is_da_config = obk->dest == H5_DA_CONFIG_ADDR
		|| obk->dest == H5_DA_CONFIG_ADDR - H5_OBK_BASE_S + H5_OBK_BASE_NS;
	if (obk->is_da_config) {
		if (obk->size != H5_DA_CONFIG_SIZE) {
			snprintf(err, err_size, "a Debug Authentication configuration (destination "
					"0x%08X) is %u bytes; this file has %u",
					(unsigned int)obk->dest, H5_DA_CONFIG_SIZE,
					(unsigned int)obk->size);
			return false;
		}
		if (!obk->has_integrity_hash) {
			snprintf(err, err_size, "the embedded SHA-256 (data bytes 0x00..0x1F) does "
					"not match the SHA-256 of data bytes 0x20..0x5F: the file is "
					"corrupt or was edited");
			return false;
		}
	}
	return true;
}

void h5_da_config_build(const uint8_t credential_hash[H5_CREDENTIAL_HASH_SIZE],
		uint32_t permissions, bool encrypt, uint8_t out[H5_DA_OBK_FILE_SIZE])
{
	uint8_t *blob = out + H5_OBK_HEADER_SIZE;

	memset(out, 0, H5_DA_OBK_FILE_SIZE);
	put_le32(out, H5_DA_CONFIG_ADDR);
	put_le32(out + 4, H5_DA_CONFIG_SIZE);
	put_le32(out + 8, encrypt ? 1 : 0);
	memcpy(blob + H5_DA_BLOB_CREDENTIAL, credential_hash, H5_CREDENTIAL_HASH_SIZE);
	put_le32(blob + H5_DA_BLOB_PERMISSIONS, permissions);
	h5_sha256(blob + H5_DA_BLOB_CREDENTIAL, H5_DA_CONFIG_SIZE - H5_DA_BLOB_CREDENTIAL,
			blob + H5_DA_BLOB_INTEGRITY);
}

enum h5_da_blob_state h5_da_blob_decode(const uint8_t blob[H5_DA_CONFIG_SIZE],
		struct h5_da_blob *out)
{
	bool erased = true;

	memset(out, 0, sizeof(*out));
	for (unsigned int i = 0; i < H5_DA_CONFIG_SIZE; i++)
		erased = erased && blob[i] == 0xFF;
	if (erased) {
		out->state = H5_DA_BLOB_EMPTY;
	} else if (!integrity_hash_matches(blob, H5_DA_CONFIG_SIZE)) {
		out->state = H5_DA_BLOB_OPAQUE;
	} else {
		out->state = H5_DA_BLOB_VALID;
		memcpy(out->credential_hash, blob + H5_DA_BLOB_CREDENTIAL, H5_CREDENTIAL_HASH_SIZE);
		out->permissions = get_le32(blob + H5_DA_BLOB_PERMISSIONS);
	}
	return out->state;
}

bool h5_da_blob_matches(const struct h5_da_blob *blob,
		const uint8_t credential_hash[H5_CREDENTIAL_HASH_SIZE])
{
	return blob->state == H5_DA_BLOB_VALID
		&& memcmp(blob->credential_hash, credential_hash, H5_CREDENTIAL_HASH_SIZE) == 0;
}

void h5_da_permissions_describe(uint32_t mask, char *buf, size_t size)
{
	size_t n = 0;
	uint32_t named = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (unsigned int i = 0; i < ARRAY_SIZE(permission_names); i++) {
		uint32_t bit = 1u << permission_names[i].bit;
		named |= bit;
		if (!(mask & bit))
			continue;
		int w = snprintf(buf + n, size - n, "%s%s", n ? ", " : "", permission_names[i].name);
		if (w < 0 || (size_t)w >= size - n)
			return;
		n += w;
	}
	if (mask & ~named)
		snprintf(buf + n, size - n, "%sunknown bits 0x%08X", n ? ", " : "",
				(unsigned int)(mask & ~named));
	else if (!mask)
		snprintf(buf, size, "nothing");
}
