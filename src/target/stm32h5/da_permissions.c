// SPDX-License-Identifier: GPL-2.0-or-later

/* STM32H5 Debug Authentication permission bits by name, masks and list parsing. */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array_size.h"
#include "adac_le.h"
#include "da_permissions.h"

/* h5-debug-auth.md §5.1 (bits 14, 6, 1 confirmed; the rest inferred) */
const struct da_permission_desc da_permission_table[] = {
	{ 14, "full_regression", 'a', "Full Regression (-> Open)", false },
	{ 12, "partial_regression", 'b', "Partial Regression (-> TZ-Closed)", true },
	{ 6, "debug_open_l3", 'c', "Level 3 Intrusive Debug (secure + non-secure)", false },
	{ 5, "debug_open_l2", 'd', "Level 2 Intrusive Debug (secure + non-secure)", true },
	{ 4, "debug_open_l1", 'e', "Level 1 Intrusive Debug (secure + non-secure)", true },
	{ 2, "debug_open_l3_ns", 'f', "Level 3 Intrusive Non-Secure Debug", true },
	{ 1, "debug_open_l2_ns", 'g', "Level 2 Intrusive Non-Secure Debug", false },
	{ 0, "debug_open_l1_ns", 'h', "Level 1 Intrusive Non-Secure Debug", true },
};

const size_t da_permission_count = ARRAY_SIZE(da_permission_table);

const struct da_permission_desc *da_permission_by_bit(unsigned int bit)
{
	for (size_t i = 0; i < da_permission_count; i++)
		if (da_permission_table[i].bit == bit)
			return &da_permission_table[i];
	return NULL;
}

static bool same_name(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char ca = *a == '-' ? '_' : (char)tolower((unsigned char)*a);
		char cb = *b == '-' ? '_' : (char)tolower((unsigned char)*b);

		if (ca != cb)
			return false;
	}
	return *a == *b;
}

const struct da_permission_desc *da_permission_by_name(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < da_permission_count; i++) {
		const struct da_permission_desc *d = &da_permission_table[i];

		if (same_name(name, d->name))
			return d;
		if (name[0] && !name[1] && tolower((unsigned char)name[0]) == d->letter)
			return d;
	}
	return NULL;
}

void da_perms_clear(struct da_perms *p)
{
	memset(p, 0, sizeof(*p));
}

void da_perms_set_bit(struct da_perms *p, unsigned int bit)
{
	if (bit < 128)
		p->word[bit / 32] |= 1u << (bit % 32);
}

bool da_perms_test_bit(const struct da_perms *p, unsigned int bit)
{
	return bit < 128 && (p->word[bit / 32] & (1u << (bit % 32)));
}

void da_perms_all(struct da_perms *p)
{
	for (int i = 0; i < 4; i++)
		p->word[i] = 0xFFFFFFFFu;
}

void da_perms_from_bytes(const uint8_t bytes[DA_PERMS_BYTES], struct da_perms *p)
{
	for (int i = 0; i < 4; i++)
		p->word[i] = adac_get_le32(bytes + 4 * i);
}

void da_perms_to_bytes(const struct da_perms *p, uint8_t bytes[DA_PERMS_BYTES])
{
	for (int i = 0; i < 4; i++)
		adac_put_le32(bytes + 4 * i, p->word[i]);
}

void da_perms_and(const struct da_perms *a, const struct da_perms *b, struct da_perms *out)
{
	for (int i = 0; i < 4; i++)
		out->word[i] = a->word[i] & b->word[i];
}

bool da_perms_is_zero(const struct da_perms *p)
{
	return !(p->word[0] | p->word[1] | p->word[2] | p->word[3]);
}

bool da_perms_equal(const struct da_perms *a, const struct da_perms *b)
{
	return !memcmp(a->word, b->word, sizeof(a->word));
}

static enum da_err parse_item(const char *item, struct da_perms *out, struct da_diag *diag)
{
	const struct da_permission_desc *d = da_permission_by_name(item);
	unsigned long value;
	char *end;

	if (d) {
		da_perms_set_bit(out, d->bit);
		return DA_OK;
	}
	if (!strncmp(item, "bit", 3) && isdigit((unsigned char)item[3])) {
		errno = 0;
		value = strtoul(item + 3, &end, 10);
		if (errno || *end || value > 127)
			return da_fail(diag, DA_ERR_PERMISSION,
				"permission \"%s\": bit number must be 0..127", item);
		da_perms_set_bit(out, (unsigned int)value);
		return DA_OK;
	}
	if (isdigit((unsigned char)item[0])) {
		errno = 0;
		value = strtoul(item, &end, 0);
		if (errno || *end || value > 0xFFFFFFFFul)
			return da_fail(diag, DA_ERR_PERMISSION,
				"permission \"%s\" is not a 32-bit number", item);
		out->word[0] |= (uint32_t)value;
		return DA_OK;
	}
	return da_fail(diag, DA_ERR_PERMISSION,
		"unknown permission \"%s\" (known: full_regression, partial_regression, "
		"debug_open_l1..l3, debug_open_l1_ns..l3_ns, a number or bitN)", item);
}

enum da_err da_perms_parse(const char *list, struct da_perms *out, struct da_diag *diag)
{
	char item[48];
	size_t n = 0;
	bool any = false;

	da_perms_clear(out);
	if (!list)
		return da_fail(diag, DA_ERR_PERMISSION, "no permission given");
	for (const char *p = list;; p++) {
		bool sep = !*p || *p == ',' || isspace((unsigned char)*p);

		if (!sep) {
			if (n + 1 >= sizeof(item))
				return da_fail(diag, DA_ERR_PERMISSION,
					"permission name starting \"%.16s\" is too long", p - n);
			item[n++] = *p;
			continue;
		}
		if (n) {
			enum da_err err;

			item[n] = '\0';
			err = parse_item(item, out, diag);
			if (err != DA_OK)
				return err;
			any = true;
			n = 0;
		}
		if (!*p)
			break;
	}
	if (!any)
		return da_fail(diag, DA_ERR_PERMISSION, "no permission given");
	if (da_perms_is_zero(out))
		return da_fail(diag, DA_ERR_PERMISSION, "the permissions given add up to mask 0");
	return DA_OK;
}

static void describe_bit(unsigned int bit, char *buf, size_t size)
{
	const struct da_permission_desc *d = da_permission_by_bit(bit);

	if (d)
		snprintf(buf, size, "%s (bit %u)", d->name, bit);
	else
		snprintf(buf, size, "bit %u", bit);
}

enum da_err da_perms_check_request(const struct da_perms *requested,
		const struct da_perms *granted, const char *who, struct da_diag *diag)
{
	char what[64];
	char mask[48];

	for (unsigned int bit = 0; bit < 128; bit++) {
		if (da_perms_test_bit(requested, bit) && !da_perms_test_bit(granted, bit)) {
			describe_bit(bit, what, sizeof(what));
			da_perms_format_hex(granted, mask, sizeof(mask));
			return da_fail(diag, DA_ERR_PERMISSION,
				"permission %s is not granted by %s (mask %s)", what, who, mask);
		}
	}
	return DA_OK;
}

void da_perms_format_hex(const struct da_perms *p, char *buf, size_t size)
{
	if (!(p->word[1] | p->word[2] | p->word[3]))
		snprintf(buf, size, "0x%08x", p->word[0]);
	else
		snprintf(buf, size, "0x%08x_%08x_%08x_%08x",
			p->word[3], p->word[2], p->word[1], p->word[0]);
}

void da_perms_format_names(const struct da_perms *p, char *buf, size_t size)
{
	size_t used = 0;

	if (!size)
		return;
	buf[0] = '\0';
	if (da_perms_is_zero(p)) {
		snprintf(buf, size, "none");
		return;
	}
	for (unsigned int bit = 0; bit < 128; bit++) {
		const struct da_permission_desc *d;
		int n;

		if (!da_perms_test_bit(p, bit))
			continue;
		d = da_permission_by_bit(bit);
		if (d)
			n = snprintf(buf + used, size - used, "%s%s", used ? "," : "", d->name);
		else
			n = snprintf(buf + used, size - used, "%sbit%u", used ? "," : "", bit);
		if (n < 0 || (size_t)n >= size - used) {
			buf[size - 1] = '\0';
			return;
		}
		used += (size_t)n;
	}
}
