/* view.c — the full-screen views over the panes, and what they share.
 *
 * A view (compare, links, speaker) is a table of operations, like a pane;
 * open views form a stack painted over the panes, the top one getting the
 * keys: q closes it and shows the one below, so the links view comes back
 * after the comparison it opened. Opening an article (o, Enter) closes
 * them all. Here too: y (a quote and its citation to the clipboard) and
 * the file w writes.
 */
#include "app.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const struct rv_view_ops *rv_view_top(const struct rv_app *app)
{
	return app->nviews ? app->views[app->nviews - 1] : NULL;
}

static void pop_one(struct rv_app *app)
{
	const struct rv_view_ops *v = app->views[--app->nviews];
	if (v->close)
		v->close(app);
	app->dirty = RV_DIRTY_ALL;
}

void rv_view_push(struct rv_app *app, const struct rv_view_ops *v)
{
	/* a view already open comes to the top: whatever was above it closes */
	for (size_t i = 0; i < app->nviews; i++)
		if (app->views[i] == v) {
			while (app->nviews > i + 1)
				rv_view_pop(app);
			app->dirty = RV_DIRTY_ALL;
			return;
		}
	if (app->nviews == RV_MAX_VIEWS)
		pop_one(app);
	app->views[app->nviews++] = v;
	app->dirty = RV_DIRTY_ALL;
}

/* The panes show again: the separators the views covered too. */
static void uncover(struct rv_app *app)
{
	if (!app->lay.too_small)
		rv_draw_background(&app->lay, app->cols, app->rows);
}

void rv_view_pop(struct rv_app *app)
{
	if (!app->nviews)
		return;
	pop_one(app);
	if (!app->nviews)
		uncover(app);
}

void rv_view_close_all(struct rv_app *app)
{
	while (app->nviews)
		pop_one(app);
}

void rv_view_open_article(struct rv_app *app, size_t art, size_t off)
{
	rv_view_close_all(app);
	uncover(app);
	rv_app_open(app, art, off, true);
	rv_app_refocus(app, RV_PANE_READER);
}

/* --- y: the clipboard ------------------------------------------------------------ */

void rv_view_copy(struct rv_app *app, size_t art, size_t s, size_t e, const char *who)
{
	if (!app->clipboard) {
		rv_app_message(app, false, "copy: the clipboard is off (--no-clipboard)");
		return;
	}
	const struct rv_article *a = &app->c->articles[art];
	size_t len = a->body_len;
	if (e > len)
		e = len;
	if (s > e)
		s = e;
	struct rv_buf text = {0}, b64 = {0};
	rv_cite(&text, a->body + s, e - s, who, a);
	rv_base64(text.p, text.len, &b64);
	bool ok = rv_draw_osc52(b64.p ? b64.p : "", b64.len);
	if (ok)
		rv_app_message(app, false, "copied with its citation (%zu bytes, OSC 52: the terminal must allow it)",
			       text.len);
	else
		rv_app_message(app, true, "copy: the terminal could not be written to");
	rv_buf_free(&text);
	rv_buf_free(&b64);
}

/* --- w: where the comparison goes --------------------------------------------------- */

/* Is `dir` the corpus root or inside it? (Nothing in the corpus folder is
 * ever written.) */
static bool in_corpus(const struct rv_app *app, const char *dir)
{
	if (!app->c->root)
		return false;
	char a[PATH_MAX], b[PATH_MAX];
	if (!realpath(dir, a) || !realpath(app->c->root, b))
		return false;
	size_t n = strlen(b);
	return !strncmp(a, b, n) && (a[n] == '\0' || a[n] == '/' || (n == 1 && b[0] == '/'));
}

static bool make_dirs(const char *path)
{
	char p[PATH_MAX];
	if (snprintf(p, sizeof p, "%s", path) >= (int)sizeof p)
		return false;
	for (char *q = p + 1; *q; q++)
		if (*q == '/') {
			*q = '\0';
			if (mkdir(p, 0700) < 0 && errno != EEXIST)
				return false;
			*q = '/';
		}
	return mkdir(p, 0700) == 0 || errno == EEXIST;
}

/* $XDG_STATE_HOME/revue (default ~/.local/state/revue), made if need be;
 * else the current directory when it is writable; never the corpus. */
static bool export_dir(const struct rv_app *app, char *out, size_t cap)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char d[PATH_MAX] = "";
	if (xdg && *xdg == '/')
		snprintf(d, sizeof d, "%s/revue", xdg);
	else if (home && *home == '/')
		snprintf(d, sizeof d, "%s/.local/state/revue", home);
	if (*d && make_dirs(d) && access(d, W_OK) == 0 && !in_corpus(app, d)) {
		snprintf(out, cap, "%s", d);
		return true;
	}
	char cwd[PATH_MAX];
	if (getcwd(cwd, sizeof cwd) && access(cwd, W_OK) == 0 && !in_corpus(app, cwd)) {
		snprintf(out, cap, "%s", cwd);
		return true;
	}
	return false;
}

void rv_compare_write(struct rv_app *app)
{
	const struct rv_compare_state *c = &app->cmp;
	char dir[PATH_MAX];
	if (!export_dir(app, dir, sizeof dir)) {
		rv_app_message(app, true, "w: nowhere to write (the state folder and the current one are not writable)");
		return;
	}
	size_t n = (size_t)(c->shown ? c->shown : 2);
	struct rv_md_version v[RV_CMP_COLS];
	for (size_t k = 0; k < n; k++) {
		const struct rv_cmp_member *m = &c->pool[c->col[k].m];
		v[k] = (struct rv_md_version){&app->c->articles[m->art], c->col[k].start, c->col[k].end, c->col[k].who};
	}
	struct rv_buf md = {0};
	rv_md_compare(&md, v, n, c->d);
	char stamp[32], path[PATH_MAX + 64];
	time_t t = time(NULL);
	struct tm tm;
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime_r(&t, &tm));
	int fd = -1;
	for (int i = 0; i < 100 && fd < 0; i++) {
		if (i)
			snprintf(path, sizeof path, "%s/compare-%s-%d.md", dir, stamp, i + 1);
		else
			snprintf(path, sizeof path, "%s/compare-%s.md", dir, stamp);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	bool ok = fd >= 0;
	for (size_t off = 0; ok && off < md.len;) {
		ssize_t w = write(fd, md.p + off, md.len - off);
		if (w < 0 && errno == EINTR)
			continue;
		ok = w > 0;
		off += ok ? (size_t)w : 0;
	}
	if (fd >= 0 && close(fd) < 0)
		ok = false;
	if (ok)
		rv_app_message(app, false, "written to %s", path);
	else
		rv_app_message(app, true, "w: cannot write %s: %s", fd >= 0 ? path : dir, strerror(errno));
	rv_buf_free(&md);
}
