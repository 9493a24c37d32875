// SPDX-License-Identifier: GPL-2.0-or-later

/* "Did you mean" for names from a fixed set (see name_match.h). */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "name_match.h"

#define NAME_MATCH_MAX	64	/* longer words are never matched */

/* Levenshtein distance, case-insensitive, of two words of at most NAME_MATCH_MAX letters */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t row[NAME_MATCH_MAX + 1];

	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = tolower((unsigned char)a[i - 1]) ==
				tolower((unsigned char)b[j - 1]) ? 0 : 1;
			size_t best = diag + cost;

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

const char *name_match_closest(const char *word, const char *const *names, size_t n)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1, limit;

	if (!word || !*word || strlen(word) > NAME_MATCH_MAX)
		return NULL;
	limit = strlen(word) / 3;
	if (limit < 2)
		limit = 2;
	for (size_t i = 0; i < n; i++) {
		size_t d;

		if (!names[i] || strlen(names[i]) > NAME_MATCH_MAX)
			continue;
		d = distance(word, names[i]);
		if (d < best_d) {
			best_d = d;
			best = names[i];
		}
	}
	return best_d <= limit ? best : NULL;
}

void name_match_list(const char *const *names, size_t n, char *buf, size_t size)
{
	size_t used = 0;

	if (!size)
		return;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		int w;

		if (!names[i])
			continue;
		w = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", names[i]);
		if (w < 0 || (size_t)w >= size - used) {
			if (size > 4)
				strcpy(buf + size - 4, "...");
			return;
		}
		used += (size_t)w;
	}
}
