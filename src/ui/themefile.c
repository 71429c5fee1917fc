/* themefile.c — finding and reading a theme file (--theme NAME|PATH). */
#include "revue/ui.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef REVUE_DATADIR
#define REVUE_DATADIR "/usr/local/share/revue"
#endif

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct rv_buf b = {0};
	char chunk[4096];
	size_t r;
	while ((r = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < (size_t)1024 * 1024)
		rv_buf_add(&b, chunk, r);
	fclose(f);
	*len = b.len;
	if (!b.p)
		rv_buf_reserve(&b, 1);
	return rv_buf_steal(&b);
}

/* The themes folder beside the binary's source tree (the binary sits at
 * the top, or in build/ or build/asan/), else the installed one. */
static char *find_theme(const char *name)
{
	if (strchr(name, '/'))
		return rv_xstrdup(name);
	char dir[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
	if (n > 0) {
		dir[n] = '\0';
		for (int up = 0; up < 3; up++) {
			char *slash = strrchr(dir, '/');
			if (!slash || slash == dir)
				break;
			*slash = '\0';
			char *p = rv_xasprintf("%s/themes/%s.theme", dir, name);
			if (access(p, R_OK) == 0)
				return p;
			free(p);
			p = rv_xasprintf("%s/share/revue/themes/%s.theme", dir, name);
			if (access(p, R_OK) == 0)
				return p;
			free(p);
		}
	}
	return rv_xasprintf("%s/themes/%s.theme", REVUE_DATADIR, name);
}

bool rv_ui_theme_found(const char *name)
{
	char *path = find_theme(name);
	bool found = access(path, R_OK) == 0;
	free(path);
	return found;
}

int rv_ui_load_theme(struct rv_theme *t, const char *name, char *msg, size_t msglen)
{
	if (msglen)
		msg[0] = '\0';
	if (!name)
		return 0;
	char *path = find_theme(name);
	size_t len;
	char *text = read_all(path, &len);
	if (!text) {
		char *safe = rv_sanitize_dup(name, strlen(name));
		fprintf(stderr, "revue: no theme '%s' (a name in the themes folder or a file path)\n", safe);
		free(safe);
		free(path);
		return -1;
	}
	struct rv_diags d = {0};
	rv_theme_parse(t, text, len, path, &d);
	struct rv_buf b = {0};
	for (size_t i = 0; i < d.n && i < 5; i++) { /* a binary file has thousands */
		b.len = 0;
		rv_diag_format(&d.v[i], &b);
		fprintf(stderr, "%s\n", b.p);
	}
	if (d.n > 5)
		fprintf(stderr, "revue: and %zu more problems in that theme\n", d.n - 5);
	if (d.n) {
		b.len = 0;
		rv_diag_format(&d.v[0], &b);
		snprintf(msg, msglen, "theme: %zu line%s ignored; first: %s", d.n, d.n == 1 ? "" : "s",
			 b.p + (strncmp(b.p, "revue: ", 7) ? 0 : 7));
	}
	rv_buf_free(&b);
	rv_diag_free(&d);
	free(text);
	free(path);
	return 0;
}
