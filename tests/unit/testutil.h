/* testutil.h — what every cmocka test file of revue shares. */
#ifndef REVUE_TESTUTIL_H
#define REVUE_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

/* Where ../shared is (set by the Makefile); tests that need it skip when
 * it is absent, so the suite still runs on a bare checkout. */
#ifndef SHARED_DIR
#define SHARED_DIR "../shared"
#endif
#ifndef SOURCE_DIR
#define SOURCE_DIR "."
#endif

static inline char *tu_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t r;
	while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	buf[n < cap ? n : cap - 1] = '\0';
	*len = n;
	return buf;
}

/* Removes a scratch tree (no links followed: lstat). */
static inline void tu_rm_rf(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		struct dirent *de;
		while (d && (de = readdir(d))) {
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			char sub[4096];
			int k = snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
			if (k > 0 && (size_t)k < sizeof sub)
				tu_rm_rf(sub);
		}
		if (d)
			closedir(d);
		rmdir(path);
	} else {
		unlink(path);
	}
}

#define assert_span(sp, a, b)                                                                          \
	do {                                                                                           \
		assert_int_equal((sp).start, (a));                                                     \
		assert_int_equal((sp).end, (b));                                                       \
	} while (0)

#endif
