/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Reads ST's sample files (../shared/vectors/st-samples, passed in as SAMPLES_DIR) for the
 * lifecycle unit tests. A missing sample fails the test; it is never skipped.
 */

#ifndef TESTS_UNIT_TEST_OBK_SAMPLES_H
#define TESTS_UNIT_TEST_OBK_SAMPLES_H

#include <stdio.h>
#include <stdlib.h>

#ifndef SAMPLES_DIR
#error "SAMPLES_DIR must name the st-samples folder"
#endif

/* Reads SAMPLES_DIR/rel into a malloc'd buffer (NUL-terminated, not counted in *len). */
static inline unsigned char *read_sample(const char *rel, size_t *len)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", SAMPLES_DIR, rel);
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open sample %s", path);
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fseek(f, 0, SEEK_SET);
	unsigned char *buf = malloc(size + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, size, f), (size_t)size);
	fclose(f);
	buf[size] = 0;
	*len = (size_t)size;
	return buf;
}

/* Parses a hex string of even length into out. */
static inline void from_hex(const char *hex, unsigned char *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned int v;
		assert_int_equal(sscanf(hex + 2 * i, "%2x", &v), 1);
		out[i] = (unsigned char)v;
	}
}

#endif /* TESTS_UNIT_TEST_OBK_SAMPLES_H */
