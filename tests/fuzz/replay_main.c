// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * Replays inputs through a fuzz harness without libFuzzer, as a unit test: every file of the
 * seed corpora and of tests/fuzz/regressions/<harness>/ (inputs that once crashed) runs
 * through LLVMFuzzerTestOneInput. One TAP line per directory or file given in FUZZ_INPUTS
 * (colon-separated, set by tests/fuzz/fuzz.mk). A crash ends the program, which the runner
 * counts as a failure.
 */

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int n_tests;

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t cap = 1 << 16, len = 0;
	uint8_t *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
		len += got;
		if (len == cap) {
			cap *= 2;
			uint8_t *bigger = realloc(buf, cap);
			if (!bigger)
				free(buf);
			buf = bigger;
		}
	}
	fclose(f);
	if (!buf)
		return -1;
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

static void replay(const char *harness, const char *path)
{
	struct stat st;
	int count = 0, errors = 0;

	if (stat(path, &st) != 0) {
		/* an empty regressions directory is not committed: nothing to replay */
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		struct dirent *e;
		while (d && (e = readdir(d))) {
			char file[4096];
			if (e->d_name[0] == '.')
				continue;
			snprintf(file, sizeof(file), "%s/%s", path, e->d_name);
			if (stat(file, &st) == 0 && S_ISREG(st.st_mode)) {
				errors += replay_file(file) != 0;
				count++;
			}
		}
		if (d)
			closedir(d);
	} else {
		errors += replay_file(path) != 0;
		count++;
	}
	n_tests++;
	printf("%s %d - %s replays %d input(s) from %s\n", errors || !count ? "not ok" : "ok",
			n_tests, harness, count, path);
}

int main(void)
{
	char *list = strdup(FUZZ_INPUTS);
	char *save = NULL;
	for (char *p = strtok_r(list, ":", &save); p; p = strtok_r(NULL, ":", &save))
		replay(FUZZ_HARNESS, p);
	free(list);
	printf("1..%d\n", n_tests);
	return 0;
}
