/* app.c — the reader's event loop: layout, focus, keys, resize, signals.
 *
 * One turn of the loop: block on a key (no polling once the index is
 * published; while it is being built, wake ten times a second to show its
 * progress), act on it, repaint the panes marked dirty into their windows,
 * and send the difference with one doupdate. Every exit path restores the
 * terminal: q and Q, Ctrl-C, SIGTERM, SIGHUP (the SSH link dropped), input
 * that fails for good, and a crash handler.
 */
#include "app.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#ifndef REVUE_VERSION
#define REVUE_VERSION "0.1.0"
#endif

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

#if defined(__SANITIZE_ADDRESS__)
#define RV_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RV_SANITIZED 1
#endif
#endif

#ifndef RV_SANITIZED
/* A crash leaves the terminal usable: restore it, then die of the signal. */
static void on_crash(int sig)
{
	rv_draw_stop();
	signal(sig, SIG_DFL);
	raise(sig);
}
#endif

/* A worker thread (the index build, the corpus search, and the threads they
 * start in turn) blocks the signals this thread waits for: a process signal
 * goes to any thread that does not block it, and one taken by a worker would
 * set got_signal while this thread sleeps on in its read of the terminal. */
static int spawn(pthread_t *th, void *(*fn)(void *), void *arg)
{
	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGWINCH);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	int rc = pthread_create(th, NULL, fn, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc;
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal; /* no SA_RESTART: a blocked read returns */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
#ifndef RV_SANITIZED /* the sanitizers report crashes themselves */
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
#endif
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* --- the cursor every list-like pane shares ---------------------------------- */

void rv_cursor_fit(struct rv_cursor *c, int h)
{
	size_t hh = h > 0 ? (size_t)h : 1;
	if (c->n == 0) {
		c->cur = c->top = 0;
		return;
	}
	if (c->cur >= c->n)
		c->cur = c->n - 1;
	if (c->cur < c->top)
		c->top = c->cur;
	if (c->cur >= c->top + hh)
		c->top = c->cur - hh + 1;
	if (c->top + hh > c->n)
		c->top = c->n > hh ? c->n - hh : 0;
}

bool rv_cursor_action(struct rv_cursor *c, enum rv_action a, int h)
{
	size_t page = h > 1 ? (size_t)h - 1 : 1;
	size_t old = c->cur;
	switch (a) {
	case RV_ACT_DOWN:
		if (c->cur + 1 < c->n)
			c->cur++;
		break;
	case RV_ACT_UP:
		if (c->cur)
			c->cur--;
		break;
	case RV_ACT_PAGE_DOWN:
		c->cur = c->cur + page < c->n ? c->cur + page : (c->n ? c->n - 1 : 0);
		break;
	case RV_ACT_PAGE_UP:
		c->cur = c->cur > page ? c->cur - page : 0;
		break;
	case RV_ACT_TOP:
		c->cur = 0;
		break;
	case RV_ACT_BOTTOM:
		c->cur = c->n ? c->n - 1 : 0;
		break;
	default:
		return false;
	}
	rv_cursor_fit(c, h);
	(void)old;
	return true;
}

/* --- the index, built behind the first screen -------------------------------- */

struct builder {
	struct rv_app *app;
	unsigned threads;
	const char *links;
	const struct rv_ui_opts *opts;
	bool threaded; /* runs on a thread of its own */
};

/* A partially loaded article read in full (rv_corpus_opts.lazy_bytes),
 * handed by the builder to the main thread, which swaps it in. */
struct handover {
	size_t art;
	bool ok;
	struct rv_article full;
	struct rv_diags diags;
};

/* The main thread: the article `h->art` becomes the whole one. The reader
 * keeps its place when what it showed is the start of the whole. */
static void swap_in(struct rv_app *app, struct handover *h)
{
	struct rv_article *a = &app->cw->articles[h->art];
	bool open = app->reader.art == h->art;
	size_t off = SIZE_MAX; /* the top line's place in the whole (SIZE_MAX: lost) */
	if (h->ok) {
		if (open)
			off = rv_reader_place(app, &h->full);
		rv_article_free(a);
		*a = h->full;
	} else {
		if (open)
			off = app->reader.tail ? SIZE_MAX : rv_reader_offset(app);
		a->partial = false; /* what was read is all there will be */
		rv_article_free(&h->full);
	}
	if (h->diags.n) {
		struct rv_buf b = {0};
		rv_diag_format(&h->diags.v[0], &b);
		rv_app_message(app, true, "%s%s", b.p, h->ok ? "" : " (only its first part is shown)");
		rv_buf_free(&b);
	}
	rv_diag_free(&h->diags);
	const struct rv_ui_state *st = app->state;
	if (st && st->reload) { /* the saved state is keyed by the whole body's hash */
		st->reload(st->ctx);
		bool was = app->list.read[h->art];
		app->list.read[h->art] = st->is_read && st->is_read(st->ctx, h->art);
		app->list.starred[h->art] = st->is_starred && st->is_starred(st->ctx, h->art);
		if (was)
			rv_app_mark_read(app, h->art, true);
	}
	if (open)
		rv_reader_reload(app, off);
	rv_list_rebuild(app);
	app->dirty = RV_DIRTY_ALL;
}

/* Before the index (which needs every body whole): the partial articles
 * read in full, one at a time, each swapped in by the main thread while
 * this one waits (or here, when there is no other thread). */
static void finish_partial(struct builder *b, bool threaded)
{
	struct rv_app *app = b->app;
	for (size_t i = 0; i < app->c->n; i++) {
		if (!app->c->articles[i].partial)
			continue;
		struct handover h = {.art = i};
		h.ok = rv_article_finish(&app->c->articles[i], app->opts.max_file_bytes, &h.full, &h.diags);
		if (!threaded) {
			swap_in(app, &h);
			continue;
		}
		atomic_store(&app->handover, &h);
		struct timespec tick = {0, 5 * 1000 * 1000};
		while (atomic_load(&app->handover)) /* the main loop takes it within 100 ms */
			nanosleep(&tick, NULL);
	}
}

static void *build_index(void *arg)
{
	struct builder *b = arg;
	finish_partial(b, b->threaded);
	struct rv_index_opts io = {.threads = b->threads, .progress = &b->app->analysed, .links = b->links};
	struct rv_index *ix = rv_index_build(b->app->c, &io);
	atomic_store(&b->app->published, ix);
	if (b->opts->index_built) /* e.g. the index cache's write, while the reader goes on */
		b->opts->index_built(b->opts->index_built_ctx, ix);
	return NULL;
}

static void index_arrived(struct rv_app *app)
{
	app->ix = atomic_load(&app->published);
	app->t_index = now() - app->t_start;
	/* the list's link column: counted once here, not at each paint */
	app->peers = rv_xcalloc(app->c->n ? app->c->n : 1, sizeof *app->peers);
	if (app->ix->links && app->ix->links->narticles == app->c->n) /* all at once: per article, 100k take seconds */
		rv_links_peer_counts(app->ix->links, app->peers);
	for (size_t i = 0; i < app->c->n; i++)
		app->have_links |= app->peers[i] > 0;
	rv_reader_reindex(app);
	rv_entities_sync(app);
	rv_list_rebuild(app);
	if (app->ix->diags.n) {
		/* the first problem of the alias or link file, the others on --dump's stderr */
		struct rv_buf b = {0};
		rv_diag_format(&app->ix->diags.v[0], &b);
		if (app->ix->diags.n > 1)
			rv_buf_printf(&b, " (and %zu more: revue --dump links prints them all)", app->ix->diags.n - 1);
		rv_app_message(app, true, "%s", b.p);
		rv_buf_free(&b);
	}
	app->dirty = RV_DIRTY_ALL;
}

/* --- panes, layout, painting ---------------------------------------------------- */

static const struct rv_pane_ops *const panes[RV_PANE_COUNT] = {&rv_pane_list, &rv_pane_reader, &rv_pane_entities,
							       &rv_pane_timeline};

const struct rv_pane_ops *rv_app_pane(enum rv_pane_id p)
{
	return panes[p];
}

int rv_app_pane_rows(const struct rv_app *app, enum rv_pane_id p)
{
	if (!app->lay.shown[p])
		return 1;
	int h = app->lay.pane[p].h - 1;
	return h < 1 ? 1 : h;
}

void rv_app_message(struct rv_app *app, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->msg, sizeof app->msg, fmt, ap);
	va_end(ap);
	app->msg_error = error;
	app->dirty |= RV_DIRTY_STATUS;
}

static void free_surfaces(struct rv_app *app)
{
	for (int p = 0; p < RV_PANE_COUNT; p++) {
		rv_surface_free(app->surf[p]);
		app->surf[p] = NULL;
	}
	rv_surface_free(app->title);
	rv_surface_free(app->status);
	rv_surface_free(app->help_surf);
	app->title = app->status = app->help_surf = NULL;
}

/* The panes' places. Zoomed (z), the focused pane alone takes them all,
 * full width and down to the last row, the status line under the title
 * line: a one-line scroll is then the terminal's own, a line deleted at
 * the top of the pane and one new line written at the bottom, with no
 * scroll region to set and reset around it. */
static void compute_layout(const struct rv_app *app, struct rv_layout *l)
{
	rv_layout_compute_sized(app->cols, app->rows, app->vis, app->focus, &app->opts.sizes, l);
	if (!app->zoom || l->too_small)
		return;
	for (int p = 0; p < RV_PANE_COUNT; p++)
		l->shown[p] = false;
	l->shown[app->focus] = true;
	l->status = (struct rv_rect){1, 0, 1, app->cols};
	l->pane[app->focus] = (struct rv_rect){2, 0, app->rows - 2, app->cols};
}

static void relayout(struct rv_app *app)
{
	rv_draw_size(&app->cols, &app->rows);
	struct rv_layout l;
	compute_layout(app, &l);
	free_surfaces(app);
	app->lay = l;
	rv_draw_background(&l, app->cols, app->rows);
	if (!l.too_small) {
		app->title = rv_surface_new(l.title);
		app->status = rv_surface_new(l.status);
		/* below the title line and clear of the status line, wherever it is */
		app->help_surf = rv_surface_new((struct rv_rect){l.status.y == 1 ? 2 : 1, 0, app->rows - 2, app->cols});
		for (int p = 0; p < RV_PANE_COUNT; p++) {
			if (!l.shown[p])
				continue;
			app->surf[p] = rv_surface_new(l.pane[p]);
			if (panes[p]->resize)
				panes[p]->resize(app, l.pane[p].h - 1, l.pane[p].w);
		}
	}
	app->dirty = RV_DIRTY_ALL;
}

static bool same_rect(const struct rv_rect *a, const struct rv_rect *b)
{
	return a->y == b->y && a->x == b->x && a->h == b->h && a->w == b->w;
}

static bool same_layout(const struct rv_layout *a, const struct rv_layout *b)
{
	if (a->too_small != b->too_small)
		return false;
	for (int p = 0; p < RV_PANE_COUNT; p++)
		if (a->shown[p] != b->shown[p] || (a->shown[p] && !same_rect(&a->pane[p], &b->pane[p])))
			return false;
	return true;
}

/* Relayouts only when the focus or a toggle changed which panes show. */
static void refocus(struct rv_app *app, enum rv_pane_id p)
{
	app->focus = p;
	struct rv_layout l;
	compute_layout(app, &l);
	if (!same_layout(&l, &app->lay))
		relayout(app);
	app->dirty = RV_DIRTY_ALL;
}

void rv_app_refocus(struct rv_app *app, enum rv_pane_id p)
{
	refocus(app, p);
}

static void paint_title(struct rv_app *app)
{
	struct rv_surface *s = app->title;
	rv_surface_clear(s);
	rv_draw_fill(s, 0, 0, RV_EL_TITLE, 0);
	struct rv_buf b = {0};
	rv_buf_printf(&b, " revue %s", REVUE_VERSION);
	if (!app->loading)
		rv_buf_printf(&b, " %s %zu article%s", rv_glyph(RV_GL_DOT), app->c->n, app->c->n == 1 ? "" : "s");
	if (app->c->root)
		rv_buf_printf(&b, " in %s", app->c->root);
	int x = rv_draw_text(s, 0, 0, app->cols, b.p, b.len, RV_EL_TITLE, 0);
	b.len = 0;
	if (app->loading) {
		const struct rv_ui_loader *ld = app->opts.loader;
		size_t f = atomic_load(ld->found), r = atomic_load(ld->read);
		if (f)
			rv_buf_printf(&b, "  reading %zu of %zu files %.1f s ", r, f, now() - app->t_start);
		else
			rv_buf_printf(&b, "  looking for articles %.1f s ", now() - app->t_start);
	} else if (!app->ix)
	{
		/* the articles analysed, then the corpus-wide steps (names, links) */
		size_t done = atomic_load_explicit(&app->analysed, memory_order_relaxed);
		if (done < app->c->n)
			rv_buf_printf(&b, "  indexing %zu/%zu articles %.1f s ", done, app->c->n, now() - app->t_start);
		else
			rv_buf_printf(&b, "  indexing: names and links%s %.1f s ", rv_draw_utf8() ? "\xe2\x80\xa6" : "...",
				      now() - app->t_start);
	}
	else
		rv_buf_printf(&b, "  %zu entities %s %zu quotes %s %zu dates ", app->ix->nentities, rv_glyph(RV_GL_DOT),
			      app->ix->nquotes, rv_glyph(RV_GL_DOT), app->ix->ntimeline);
	int w = (int)rv_text_width(b.p, b.len, RV_SAN_ONE_LINE | rv_draw_sanflags());
	if (x + w < app->cols)
		rv_draw_text(s, 0, app->cols - w, w, b.p, b.len, RV_EL_TITLE, 0);
	rv_buf_free(&b);
	rv_surface_done(s);
}

static void paint_status(struct rv_app *app)
{
	struct rv_surface *s = app->status;
	rv_surface_clear(s);
	rv_draw_fill(s, 0, 0, RV_EL_STATUS, 0);
	struct rv_buf b = {0};
	const struct rv_list_state *l = &app->list;
	rv_buf_printf(&b, " [%s]", rv_view_top(app) ? rv_view_top(app)->name : panes[app->focus]->name);
	if (app->reader.art != SIZE_MAX) {
		size_t off = rv_reader_offset(app), len = app->c->articles[app->reader.art].body_len;
		size_t pc = len ? off * 100 / len : 100;
		if (app->zoom) /* to the ten: a line scrolled is then a line written, not the status too */
			pc -= pc % 10;
		rv_buf_printf(&b, " %zu/%zu %s%zu%%", app->list.c.n ? app->list.c.cur + 1 : 0, app->list.c.n,
			      app->zoom && pc < 100 ? "~" : "", pc);
	}
	if (l->source || l->nentity || l->corpus) {
		rv_buf_adds(&b, "  filter:");
		if (l->source) {
			rv_buf_adds(&b, " source=");
			rv_buf_adds(&b, l->source);
		}
		for (size_t i = 0; i < l->nentity && app->ix; i++)
			rv_buf_printf(&b, " +%s", app->ix->entities[l->entity[i]].name);
		if (l->corpus)
			rv_buf_printf(&b, " s/%s/%s", l->corpus_pat, l->corpus_stopped ? " (stopped)" : "");
	}
	if (app->search)
		rv_buf_printf(&b, "  /%s", app->search_pat);
	if (*app->msg)
		rv_buf_printf(&b, "  %s", app->msg);
	int x = rv_draw_text(s, 0, 0, app->cols, b.p, b.len, app->msg_error ? RV_EL_NOTICE : RV_EL_STATUS,
			     app->msg_error ? RV_ATTR_REVERSE : 0);
	static const char hint[] = " ?:help q:quit ";
	int hw = (int)sizeof hint - 1;
	if (x + hw + 2 < app->cols)
		rv_draw_label(s, 0, app->cols - hw, hw, hint, RV_EL_STATUS, 0);
	rv_buf_free(&b);
	rv_surface_done(s);
}

static void paint_pane(struct rv_app *app, enum rv_pane_id p)
{
	struct rv_surface *s = app->surf[p];
	const struct rv_rect *r = &app->lay.pane[p];
	rv_surface_clear(s);
	bool focused = p == app->focus;
	enum rv_element el = focused ? RV_EL_PANE_FOCUS : RV_EL_PANE;
	rv_draw_fill(s, 0, 0, el, 0);
	struct rv_buf b = {0};
	rv_buf_printf(&b, "%s%d ", focused ? rv_glyph(RV_GL_CURRENT) : " ", (int)p + 1);
	panes[p]->title(app, &b);
	if (app->zoom)
		rv_buf_printf(&b, " %s zoomed (z or q: back)", rv_glyph(RV_GL_DOT));
	rv_draw_text(s, 0, 0, r->w, b.p, b.len, el, 0);
	rv_buf_free(&b);
	panes[p]->draw(app, s, 1, r->h - 1, r->w);
	rv_surface_done(s);
}

static void paint_help(struct rv_app *app)
{
	struct rv_surface *s = app->help_surf;
	rv_surface_clear(s);
	int h = app->rows - 2;
	size_t n;
	const struct rv_action_info *t = rv_actions(&n);
	size_t total = n + 4;
	if (app->help_top + (size_t)h > total)
		app->help_top = total > (size_t)h ? total - (size_t)h : 0;
	rv_draw_fill(s, 0, 0, RV_EL_PANE_FOCUS, 0);
	rv_draw_label(s, 0, 1, app->cols - 1, "Keys (j/k scroll, q or Esc closes)", RV_EL_PANE_FOCUS, 0);
	struct rv_buf keys = {0};
	for (int y = 1; y < h; y++) {
		size_t i = app->help_top + (size_t)y - 1;
		if (i < n) {
			keys.len = 0;
			rv_action_keys(t[i].action, &keys); /* as the configuration bound them */
			rv_draw_label(s, y, 2, 18, keys.p, RV_EL_HEADER, 0);
			rv_draw_label(s, y, 21, 17, t[i].name, RV_EL_DIM, 0);
			rv_draw_label(s, y, 39, app->cols - 40, t[i].help, RV_EL_TEXT, 0);
		} else if (i == n + 1) {
			rv_draw_label(s, y, 2, app->cols - 3, "Mouse: a click focuses a pane and picks a row; the wheel scrolls.",
				      RV_EL_TEXT, 0);
		} else if (i == n + 2) {
			rv_draw_label(s, y, 2, app->cols - 3,
				      "Highlights: quotes italic with a bar, names bold, dates underlined, matches reversed.",
				      RV_EL_TEXT, 0);
		}
	}
	rv_buf_free(&keys);
	rv_surface_done(s);
}

static void paint(struct rv_app *app)
{
	if (app->lay.too_small) {
		rv_draw_flush();
		app->dirty = 0;
		return;
	}
	if (app->dirty & RV_DIRTY_TITLE)
		paint_title(app);
	if (app->help) {
		paint_help(app);
	} else if (rv_view_top(app)) {
		rv_view_top(app)->paint(app, app->help_surf);
	} else {
		for (int p = 0; p < RV_PANE_COUNT; p++)
			if (app->lay.shown[p] && (app->dirty & RV_DIRTY(p)))
				paint_pane(app, (enum rv_pane_id)p);
	}
	if (app->dirty & RV_DIRTY_STATUS)
		paint_status(app);
	rv_draw_flush();
	app->dirty = 0;
}

/* --- the prompt on the status line ------------------------------------------------- */

/* Reads a line after `lead`, starting from what out holds; false when
 * cancelled (Esc, or the terminal went away). */
bool rv_app_prompt(struct rv_app *app, const char *lead, char *out, size_t cap)
{
	size_t len = strnlen(out, cap - 1);
	out[len] = '\0';
	for (;;) {
		if (app->status && !app->lay.too_small) {
			struct rv_surface *s = app->status;
			rv_surface_clear(s);
			rv_draw_fill(s, 0, 0, RV_EL_TEXT, 0);
			int x = rv_draw_label(s, 0, 0, app->cols, lead, RV_EL_HEADER, 0);
			int w = (int)rv_text_width(out, len, RV_SAN_ONE_LINE | rv_draw_sanflags());
			int room = app->cols - x - 1;
			size_t from = 0;
			while (w > room && from < len) { /* show the end of a long pattern */
				size_t l = 1;
				while (from + l < len && ((unsigned char)out[from + l] & 0xC0) == 0x80)
					l++;
				w -= (int)rv_text_width(out + from, l, RV_SAN_ONE_LINE | rv_draw_sanflags());
				from += l;
			}
			x += rv_draw_text(s, 0, x, room, out + from, len - from, RV_EL_TEXT, 0);
			rv_draw_label(s, 0, x, 1, "_", RV_EL_TEXT, RV_ATTR_REVERSE);
			rv_surface_done(s);
			rv_draw_flush();
		}
		int key;
		int kind = rv_input(-1, &key);
		if (kind == RV_INPUT_ERR || got_signal)
			return false;
		if (kind == RV_INPUT_KEY && key == rv_key_resize()) {
			relayout(app);
			paint(app);
			continue;
		}
		enum rv_action a = rv_key_action(key);
		if (kind == RV_INPUT_CHAR && key == 27)
			return false;
		if ((kind == RV_INPUT_CHAR && (key == '\n' || key == '\r')) || (kind == RV_INPUT_KEY && a == RV_ACT_OPEN))
			return true;
		if ((kind == RV_INPUT_KEY && a == RV_ACT_BACK) || (kind == RV_INPUT_CHAR && (key == 127 || key == 8))) {
			while (len && ((unsigned char)out[len - 1] & 0xC0) == 0x80)
				len--;
			if (len)
				len--;
			out[len] = '\0';
			continue;
		}
		if (kind == RV_INPUT_CHAR && key == 21) { /* C-u */
			len = 0;
			out[0] = '\0';
			continue;
		}
		if (kind != RV_INPUT_CHAR || key < 32 || key == 127)
			continue;
		char mb[8];
		mbstate_t ps;
		memset(&ps, 0, sizeof ps);
		size_t k = wcrtomb(mb, (wchar_t)key, &ps);
		if (k == (size_t)-1 || len + k >= cap)
			continue;
		memcpy(out + len, mb, k);
		len += k;
		out[len] = '\0';
	}
}

/* --- actions ---------------------------------------------------------------------- */

void rv_app_mark_read(struct rv_app *app, size_t art, bool read)
{
	if (art >= app->c->n || app->list.read[art] == read)
		return;
	app->list.read[art] = read;
	const struct rv_ui_state *st = app->state;
	if (app->c->articles[art].partial) { /* saved once it is whole (swap_in) */
		app->dirty = RV_DIRTY_ALL;
		return;
	}
	if (st && st->set_read && !st->set_read(st->ctx, art, read) && !app->state_warned) {
		app->state_warned = true;
		rv_app_message(app, true, "read marks are not saved: the state file is read-only");
	}
	app->dirty = RV_DIRTY_ALL;
}

void rv_app_open(struct rv_app *app, size_t art, size_t off, bool remember)
{
	if (art >= app->c->n)
		return;
	if (remember && app->reader.art != SIZE_MAX) {
		app->hist = rv_xgrow(app->hist, &app->caphist, app->nhist + 1, sizeof *app->hist);
		app->hist[app->nhist++] = (struct rv_history){app->reader.art, rv_reader_offset(app)};
	}
	rv_reader_open(app, art, off);
	if (remember) /* a glance (the list's preview, the first screen, going back) is no read */
		rv_app_mark_read(app, art, true);
	for (size_t i = 0; i < app->list.c.n; i++)
		if (app->list.rows[i] == art) {
			app->list.c.cur = i;
			rv_cursor_fit(&app->list.c, rv_app_pane_rows(app, RV_PANE_LIST));
			break;
		}
	rv_entities_sync(app);
	app->dirty = RV_DIRTY_ALL;
}

/* Reads a pattern at the prompt and compiles it; NULL when the user gave
 * none or it does not compile (said in the status line). */
static struct rv_search *ask_pattern(struct rv_app *app, const char *question, char *pat, size_t cap)
{
	pat[0] = '\0';
	if (!rv_app_prompt(app, question, pat, cap) || !*pat) {
		app->dirty |= RV_DIRTY_STATUS;
		return NULL;
	}
	char err[200];
	struct rv_search *s = rv_search_new(pat, strlen(pat), err, sizeof err);
	if (!s)
		rv_app_message(app, true, "search: %s", err);
	return s;
}

/* n, N and / in the open view (when it searches), else in the focused pane. */
static bool search_here(struct rv_app *app, int dir)
{
	const struct rv_view_ops *v = rv_view_top(app);
	if (v)
		return v->search && v->search(app, dir);
	return panes[app->focus]->search(app, dir);
}

static void start_search(struct rv_app *app)
{
	char pat[RV_SEARCH_MAX + 1];
	struct rv_search *s = ask_pattern(app, "/", pat, sizeof pat);
	if (!s)
		return;
	rv_search_free(app->search);
	app->search = s;
	memcpy(app->search_pat, pat, strlen(pat) + 1);
	app->search_pane = app->focus;
	*app->msg = '\0';
	rv_reader_set_matches(app);
	if (!search_here(app, 1) && !*app->msg)
		rv_app_message(app, false, "not found: %s", pat);
	app->dirty = RV_DIRTY_ALL;
}

/* The corpus search runs on worker threads while this one keeps the screen
 * alive: progress in the status line, Esc cancels, a signal stops it. */
struct corpus_job {
	const struct rv_search *s;
	const struct rv_corpus *c;
	struct rv_corpus_search o;
	uint32_t *counts;
	size_t where;
	enum rv_search_status st;
	atomic_bool finished;
};

static void *corpus_worker(void *arg)
{
	struct corpus_job *j = arg;
	j->st = rv_search_corpus(j->s, j->c, &j->o, 100000, j->counts, &j->where);
	atomic_store(&j->finished, true);
	return NULL;
}

static void corpus_search(struct rv_app *app)
{
	char pat[RV_SEARCH_MAX + 1];
	struct rv_search *s = ask_pattern(app, "search the corpus: ", pat, sizeof pat);
	if (!s)
		return;
	struct rv_list_state *l = &app->list;
	rv_search_free(l->corpus);
	l->corpus = s;
	memcpy(l->corpus_pat, pat, strlen(pat) + 1);
	double t0 = now();
	_Atomic bool cancel = false;
	_Atomic size_t done = 0;
	/* a pattern that backtracks for 0.2 s on one article (plus 1 s per 20 MB
	 * of it) stops the search: it would do the same on every article */
	struct corpus_job j = {.s = s, .c = app->c, .counts = l->hits, .where = SIZE_MAX};
	j.o = (struct rv_corpus_search){.threads = app->threads, .deadline = INFINITY, .article_seconds = 0.2,
					.seconds_per_byte = 1.0 / 20e6, .cancel = &cancel, .done = &done};
	atomic_init(&j.finished, false);
	pthread_t th;
	if (spawn(&th, corpus_worker, &j) != 0) {
		corpus_worker(&j);
	} else {
		/* most searches take a few tens of milliseconds: watched closely
		 * (1 ms steps), they end without the wait for a key below */
		struct timespec ms = {0, 1000 * 1000};
		for (int k = 0; k < 150 && !atomic_load(&j.finished) && !got_signal; k++)
			nanosleep(&ms, NULL);
		while (!atomic_load(&j.finished)) {
			int key;
			int kind = rv_input(50, &key);
			if (got_signal || (kind == RV_INPUT_CHAR && key == 27))
				atomic_store(&cancel, true);
			rv_app_message(app, false, "searching the corpus for %s: %zu of %zu articles (Esc cancels)", pat,
				       atomic_load(&done), app->c->n);
			app->dirty |= RV_DIRTY_STATUS;
			paint(app);
		}
		pthread_join(th, NULL);
	}
	l->corpus_stopped = j.st == RV_SEARCH_STOPPED;
	size_t total = 0, arts = 0;
	for (size_t i = 0; i < app->c->n; i++) {
		total += l->hits[i];
		arts += l->hits[i] > 0;
	}
	/* the reader highlights the same pattern */
	char err2[8];
	rv_search_free(app->search);
	app->search = rv_search_new(pat, strlen(pat), err2, sizeof err2);
	memcpy(app->search_pat, pat, strlen(pat) + 1);
	app->search_pane = RV_PANE_READER;
	rv_list_rebuild(app);
	rv_reader_set_matches(app);
	if (atomic_load(&cancel))
		rv_app_message(app, true, "search cancelled: %zu match%s in the %zu articles searched", total,
			       total == 1 ? "" : "es", atomic_load(&done));
	else if (l->corpus_stopped)
		rv_app_message(app, true, "search stopped after %.0f ms: the pattern is too costly (a time or "
					  "backtracking limit); %zu match%s before it", (now() - t0) * 1000, total,
			       total == 1 ? "" : "es");
	else
		rv_app_message(app, false, "%zu match%s in %zu article%s, %.0f ms", total, total == 1 ? "" : "es", arts,
			       arts == 1 ? "" : "s", (now() - t0) * 1000);
	app->focus = RV_PANE_LIST;
	if (l->c.n)
		rv_app_open(app, l->rows[0], 0, false);
	app->dirty = RV_DIRTY_ALL;
}

static void clear_all(struct rv_app *app)
{
	struct rv_list_state *l = &app->list;
	bool any = l->source || l->nentity || l->corpus || app->search;
	l->source = NULL;
	l->nentity = 0;
	rv_search_free(l->corpus);
	l->corpus = NULL;
	rv_search_free(app->search);
	app->search = NULL;
	*app->search_pat = '\0';
	rv_list_rebuild(app);
	rv_reader_set_matches(app);
	rv_app_message(app, false, "%s", any ? "filters and search cleared" : "");
	app->dirty = RV_DIRTY_ALL;
}

static void go_back(struct rv_app *app)
{
	if (!app->nhist) {
		rv_app_message(app, false, "no earlier place to go back to");
		return;
	}
	struct rv_history h = app->hist[--app->nhist];
	rv_app_open(app, h.art, h.offset, false);
	rv_app_message(app, false, "back (%zu more)", app->nhist);
}

static void toggle(struct rv_app *app, enum rv_pane_id p)
{
	bool shown = app->lay.shown[p];
	/* Back to AUTO when that is what AUTO would do here: the pane then
	 * comes and goes with the terminal's size again. */
	bool wide = app->cols >= RV_WIDE_COLS && app->rows >= RV_WIDE_ROWS;
	app->vis[p] = !shown == wide ? RV_VIS_AUTO : shown ? RV_VIS_OFF : RV_VIS_ON;
	if (shown && app->focus == p)
		app->focus = RV_PANE_READER;
	relayout(app);
}

static void help_key(struct rv_app *app, enum rv_action a, int key)
{
	switch (a) {
	case RV_ACT_DOWN:
		app->help_top++;
		break;
	case RV_ACT_UP:
		if (app->help_top)
			app->help_top--;
		break;
	case RV_ACT_PAGE_DOWN:
		app->help_top += 10;
		break;
	case RV_ACT_PAGE_UP:
		app->help_top = app->help_top > 10 ? app->help_top - 10 : 0;
		break;
	case RV_ACT_TOP:
		app->help_top = 0;
		break;
	case RV_ACT_QUIT:
		app->quit = true;
		break;
	case RV_ACT_CLOSE:
	case RV_ACT_CLEAR:
	case RV_ACT_HELP:
		app->help = false;
		if (!app->nviews) /* the separators the help covered */
			rv_draw_background(&app->lay, app->cols, app->rows);
		break;
	default:
		(void)key;
		break;
	}
	app->dirty = RV_DIRTY_ALL;
}

static void mouse(struct rv_app *app)
{
	int y, x, what;
	if (!rv_input_mouse(&y, &x, &what) || app->help || app->lay.too_small)
		return;
	if (app->nviews) { /* a view covers the panes: the wheel scrolls it */
		for (int i = 0; i < 3 && (what == 4 || what == 5); i++)
			rv_view_top(app)->key(app, what == 4 ? RV_ACT_UP : RV_ACT_DOWN, 0);
		return;
	}
	enum rv_pane_id p = rv_layout_hit(&app->lay, y, x);
	if (p == RV_PANE_COUNT)
		return;
	int h = rv_app_pane_rows(app, p);
	if (what == 4 || what == 5) {
		for (int i = 0; i < 3; i++)
			panes[p]->action(app, what == 4 ? RV_ACT_UP : RV_ACT_DOWN, h);
	} else {
		if (p != app->focus)
			refocus(app, p);
		int row = y - app->lay.pane[p].y - 1;
		if (row >= 0 && panes[p]->click)
			panes[p]->click(app, row, h);
	}
	app->dirty = RV_DIRTY_ALL;
}

static void act(struct rv_app *app, enum rv_action a)
{
	enum rv_pane_id f = app->focus;
	int h = rv_app_pane_rows(app, f);
	switch (a) {
	case RV_ACT_NEXT_PANE:
		refocus(app, (enum rv_pane_id)((f + 1) % RV_PANE_COUNT));
		break;
	case RV_ACT_PREV_PANE:
		refocus(app, (enum rv_pane_id)((f + RV_PANE_COUNT - 1) % RV_PANE_COUNT));
		break;
	case RV_ACT_FOCUS_LIST:
	case RV_ACT_FOCUS_READER:
	case RV_ACT_FOCUS_ENTITIES:
	case RV_ACT_FOCUS_TIMELINE:
		refocus(app, (enum rv_pane_id)(a - RV_ACT_FOCUS_LIST));
		break;
	case RV_ACT_TOGGLE_ENTITIES:
		toggle(app, RV_PANE_ENTITIES);
		break;
	case RV_ACT_TOGGLE_TIMELINE:
		toggle(app, RV_PANE_TIMELINE);
		break;
	case RV_ACT_HELP:
		app->help = true;
		app->help_top = 0;
		app->dirty = RV_DIRTY_ALL;
		break;
	case RV_ACT_CLOSE:
		if (app->zoom) { /* q leaves the zoom first */
			app->zoom = false;
			relayout(app);
			break;
		}
		app->quit = true;
		break;
	case RV_ACT_QUIT:
		app->quit = true;
		break;
	case RV_ACT_ZOOM:
		app->zoom = !app->zoom;
		relayout(app);
		break;
	case RV_ACT_SEARCH:
		start_search(app);
		break;
	case RV_ACT_SEARCH_NEXT:
	case RV_ACT_SEARCH_PREV:
		if (!app->search)
			rv_app_message(app, false, "no search yet: / searches the current pane");
		else if (!search_here(app, a == RV_ACT_SEARCH_NEXT ? 1 : -1) && !*app->msg)
			rv_app_message(app, false, "no more matches for %s in this pane", app->search_pat);
		app->dirty = RV_DIRTY_ALL;
		break;
	case RV_ACT_CORPUS_SEARCH:
		corpus_search(app);
		break;
	case RV_ACT_CLEAR:
		clear_all(app);
		break;
	case RV_ACT_COMPARE:
		rv_reader_compare(app);
		break;
	case RV_ACT_LINKS:
		rv_linksview_open(app);
		break;
	case RV_ACT_SPEAKER:
		rv_speakerview_from_panes(app);
		break;
	case RV_ACT_COPY:
		rv_reader_copy(app);
		break;
	case RV_ACT_WIDEN:
	case RV_ACT_WRITE:
		rv_app_message(app, false, "%s works in the compare view (c)", a == RV_ACT_WIDEN ? "x" : "w");
		break;
	case RV_ACT_TOGGLE_STAR: {
		size_t art = app->reader.art;
		if (app->focus == RV_PANE_LIST && app->list.c.n)
			art = app->list.rows[app->list.c.cur];
		if (art < app->c->n && app->c->articles[art].partial) {
			rv_app_message(app, true, "star: this article is still loading; star it once it is whole");
		} else if (art < app->c->n) {
			bool on = !app->list.starred[art];
			app->list.starred[art] = on;
			const struct rv_ui_state *st = app->state;
			if (st && st->set_starred && !st->set_starred(st->ctx, art, on))
				rv_app_message(app, true, "the star is not saved: the state file is read-only");
			else
				rv_app_message(app, false, "%s", on ? "starred" : "star removed");
			app->dirty = RV_DIRTY_ALL;
		}
		break;
	}
	case RV_ACT_TOGGLE_READ: {
		/* the list's row when the list has the focus, else the open article */
		size_t art = app->reader.art;
		if (app->focus == RV_PANE_LIST && app->list.c.n)
			art = app->list.rows[app->list.c.cur];
		if (art < app->c->n) {
			rv_app_mark_read(app, art, !app->list.read[art]);
			if (!app->msg_error) /* keep the warning that it was not saved */
				rv_app_message(app, false, "marked %s", app->list.read[art] ? "read" : "unread");
		}
		break;
	}
	case RV_ACT_STAR_QUOTE:
		rv_saved_star_quote(app);
		break;
	case RV_ACT_EDIT_NOTE:
		if (app->reader.art < app->c->n && app->c->articles[app->reader.art].partial) {
			rv_app_message(app, true, "note: this article is still loading; write it once the article is whole");
			break;
		}
		rv_saved_edit_note(app);
		relayout(app); /* the terminal may have changed size under the editor */
		break;
	case RV_ACT_REDRAW:
		rv_draw_force_repaint();
		app->dirty = RV_DIRTY_ALL;
		break;
	case RV_ACT_BACK:
		go_back(app);
		break;
	case RV_ACT_NEXT_LINK:
	case RV_ACT_PREV_LINK:
	case RV_ACT_FOLLOW_LINK:
		rv_reader_link_action(app, a);
		break;
	case RV_ACT_SORT:
	case RV_ACT_FILTER_SOURCE:
		rv_pane_list.action(app, a, rv_app_pane_rows(app, RV_PANE_LIST));
		app->dirty = RV_DIRTY_ALL;
		break;
	default:
		if (panes[f]->action(app, a, h))
			app->dirty |= RV_DIRTY(f) | RV_DIRTY_STATUS;
		break;
	}
}

static void handle(struct rv_app *app, int kind, int key)
{
	if (kind == RV_INPUT_KEY && key == rv_key_resize()) {
		relayout(app);
		return;
	}
	if (kind == RV_INPUT_KEY && key == rv_key_mouse()) {
		mouse(app);
		return;
	}
	enum rv_action a = rv_key_action(key);
	if (kind == RV_INPUT_CHAR && key >= 0x80)
		a = RV_ACT_NONE; /* a wide character that happens to equal a KEY_ code */
	if (*app->msg && a != RV_ACT_NONE) {
		app->msg[0] = '\0';
		app->msg_error = false;
		app->dirty |= RV_DIRTY_STATUS;
	}
	if (app->lay.too_small) {
		if (a == RV_ACT_QUIT || a == RV_ACT_CLOSE)
			app->quit = true;
		return;
	}
	if (app->help) {
		help_key(app, a, key);
		return;
	}
	if (app->nviews) { /* the view takes the keys but those that work everywhere */
		if (a == RV_ACT_HELP || a == RV_ACT_QUIT || a == RV_ACT_REDRAW || a == RV_ACT_SEARCH ||
		    a == RV_ACT_SEARCH_NEXT || a == RV_ACT_SEARCH_PREV)
			act(app, a);
		else
			rv_view_top(app)->key(app, a, key);
		return;
	}
	if (a == RV_ACT_NONE) {
		rv_app_message(app, false, "no action on that key; ? lists the keys");
		return;
	}
	act(app, a);
}

static void corpus_notice(struct rv_app *app)
{
	struct rv_buf b = {0};
	rv_diag_format(&app->c->diags.v[0], &b);
	if (app->c->diags.n > 1)
		rv_buf_printf(&b, " (and %zu more on stderr when revue ends)", app->c->diags.n - 1);
	rv_app_message(app, true, "%s", b.p + (strncmp(b.p, "revue: ", 7) ? 0 : 7));
	rv_buf_free(&b);
}

static void trace(FILE *f, const char *what, double t0)
{
	if (f) {
		fprintf(f, "%s %.3f ms\n", what, (now() - t0) * 1000);
		fflush(f);
	}
}

/* The screen while the corpus is read: the frame, and the progress in the
 * title line, ten times a second; a resize and the quit keys work. Returns
 * the corpus, or NULL when there is nothing to read. Quitting (or a signal)
 * leaves at once: the load has nothing to save. */
static struct rv_corpus *wait_corpus(struct rv_app *app, FILE *tf)
{
	const struct rv_ui_loader *ld = app->opts.loader;
	double shown = now();
	for (;;) {
		bool ended;
		struct rv_corpus *c = ld->poll(ld->ctx, &ended);
		if (ended)
			return c;
		int key;
		int kind = rv_input(20, &key); /* the list soon after the load ends */
		if (!got_signal && kind == RV_INPUT_KEY && key == rv_key_resize())
			relayout(app);
		enum rv_action a = kind == RV_INPUT_CHAR || kind == RV_INPUT_KEY ? rv_key_action(key) : RV_ACT_NONE;
		if (got_signal || a == RV_ACT_QUIT || a == RV_ACT_CLOSE) {
			rv_draw_stop();
			if (tf)
				fclose(tf);
			fflush(stdout);
			_exit(got_signal ? 128 + got_signal : 0);
		}
		if ((kind == RV_INPUT_CHAR || kind == RV_INPUT_KEY) && key != rv_key_resize() && key != rv_key_mouse() &&
		    app->nahead < RV_ARRAY_LEN(app->ahead))
			app->ahead[app->nahead++] = (struct rv_typeahead){kind, key};
		if (now() - shown >= 0.1 || app->dirty & ~RV_DIRTY_TITLE) { /* the progress ten times a second */
			app->dirty |= RV_DIRTY_TITLE;
			paint(app);
			shown = now();
		}
	}
}

int rv_ui_run(struct rv_corpus *c, const struct rv_ui_opts *opts)
{
	static const struct rv_corpus loading; /* no article yet */
	struct rv_app *app = rv_xcalloc(1, sizeof *app);
	app->c = c ? c : &loading;
	app->cw = c; /* the same, writable: swap_in replaces partial articles */
	app->opts = *opts;
	app->list.sort = opts->sort >= 0 && opts->sort < RV_SORT_COUNT ? (enum rv_sort)opts->sort : RV_SORT_DATE;
	app->t_start = opts->t0 > 0 ? opts->t0 : now();
	app->threads = opts->threads;
	app->focus = RV_PANE_LIST;
	app->reader.art = SIZE_MAX;
	app->ents.art = SIZE_MAX;
	app->state = opts->state;
	app->clipboard = opts->clipboard;
	rv_theme_builtin(&app->theme);
	char theme_msg[sizeof app->msg];
	if (rv_ui_load_theme(&app->theme, opts->theme, theme_msg, sizeof theme_msg) < 0) {
		free(app);
		return 1;
	}
	const char *why = NULL;
	if (!rv_draw_start(app, &why)) {
		fprintf(stderr, "revue: %s\n", why);
		free(app);
		return 1;
	}
	install_signals();
	const char *tp = getenv("REVUE_TRACE");
	FILE *tf = tp && *tp ? fopen(tp, "a") : NULL;

	if (!c) { /* the frame first, the list once the articles are read */
		app->loading = true;
		rv_list_rebuild(app);
		relayout(app);
		paint(app);
		trace(tf, "first-screen", app->t_start);
		c = wait_corpus(app, tf);
		trace(tf, "corpus", app->t_start); /* read, and the store with it */
		app->loading = false;
		if (!c) {
			free(app->list.rows);
			rv_draw_stop();
			if (tf)
				fclose(tf);
			free_surfaces(app);
			free(app);
			return 1;
		}
		app->c = app->cw = c;
	}
	app->list.read = rv_xcalloc(c->n, sizeof *app->list.read);
	app->list.hits = rv_xcalloc(c->n, sizeof *app->list.hits);
	app->list.starred = rv_xcalloc(c->n, sizeof *app->list.starred);
	for (size_t i = 0; app->state && i < c->n; i++) {
		if (app->state->is_read)
			app->list.read[i] = app->state->is_read(app->state->ctx, i);
		if (app->state->is_starred)
			app->list.starred[i] = app->state->is_starred(app->state->ctx, i);
	}
	/* an index already built (the index cache's) is part of the first screen */
	struct rv_index *given = opts->index;
	if (!given && opts->loader && opts->loader->index)
		given = opts->loader->index(opts->loader->ctx);
	if (given)
		atomic_store(&app->published, given);

	rv_list_rebuild(app);
	if (*theme_msg)
		rv_app_message(app, true, "%s", theme_msg);
	else if (opts->notice)
		rv_app_message(app, true, "%s", opts->notice);
	else if (app->state && app->state->warning)
		rv_app_message(app, true, "%s", app->state->warning);
	else if (c->diags.n) /* files left out: all of them on stderr at the end */
		corpus_notice(app);
	relayout(app);
	if (app->list.c.n)
		rv_app_open(app, app->list.rows[0], 0, false);
	if (given) /* from the cache: the index is part of the first screen */
		index_arrived(app);
	paint(app);
	if (!app->opts.loader)
		trace(tf, "first-screen", app->t_start);
	trace(tf, "list", app->t_start);
	if (given)
		trace(tf, "index", app->t_start);

	/* the index after the list is on the screen: its threads would only
	 * slow the first paint down */
	struct builder b = {app, opts->threads, opts->links, opts, true};
	pthread_t th;
	bool threaded = false;
	if (!given && !(threaded = spawn(&th, build_index, &b) == 0)) {
		b.threaded = false;
		build_index(&b);
	}

	for (size_t i = 0; i < app->nahead && !app->quit; i++) /* typed while the corpus was read */
		handle(app, app->ahead[i].kind, app->ahead[i].key);
	if (app->nahead) {
		app->nahead = 0;
		paint(app);
	}

	int errs = 0;
	while (!app->quit && !got_signal) {
		struct handover *ho = atomic_load(&app->handover);
		if (ho) {
			swap_in(app, ho);
			atomic_store(&app->handover, NULL);
			trace(tf, "article loaded", app->t_start);
			paint(app);
		}
		if (!app->ix && atomic_load(&app->published)) {
			index_arrived(app);
			trace(tf, "index", app->t_start);
			paint(app);
		}
		/* A signal taken between the test above and the read would not
		 * interrupt the read: the wait is never longer than half a second. */
		if (got_signal)
			break;
		int key;
		double w0 = now();
		int kind = rv_input(app->ix ? 500 : 100, &key);
		if (got_signal)
			break;
		if (kind == RV_INPUT_TIMEOUT) {
			/* a wait that returns at once, again and again: the terminal is gone */
			if (now() - w0 < 0.005) {
				if (++errs >= 20)
					break;
			} else {
				errs = 0;
			}
			if (!app->ix) { /* the build's progress in the title line */
				app->dirty |= RV_DIRTY_TITLE;
				paint(app);
			}
			continue;
		}
		if (kind == RV_INPUT_ERR) {
			/* Blocking input that fails again and again: the terminal is gone. */
			if (++errs >= 20 || (errno != EINTR && !isatty(STDIN_FILENO)))
				break;
			continue;
		}
		errs = 0;
		double t0 = now();
		enum rv_pane_id was = app->focus;
		handle(app, kind, key);
		paint(app);
		if (tf) { /* "key PANE ACTION": what a benchmark groups by */
			size_t n;
			const struct rv_action_info *t = rv_actions(&n);
			enum rv_action a = kind == RV_INPUT_CHAR && key >= 0x80 ? RV_ACT_NONE : rv_key_action(key);
			char what[64];
			snprintf(what, sizeof what, "key %s %s", panes[was]->name, a != RV_ACT_NONE ? t[a - 1].name : "other");
			trace(tf, what, t0);
		}
	}
	rv_draw_stop();
	if (tf)
		fclose(tf);
	if (threaded && !atomic_load(&app->published)) {
		/* Quitting while the index is still being built: "Q quits at once"
		 * matters more than freeing memory the process gives back anyway. */
		fflush(stdout);
		_exit(got_signal ? 128 + got_signal : 0);
	}
	if (threaded)
		pthread_join(th, NULL);
	struct rv_index *ix = atomic_load(&app->published);
	app->ix = ix;
	free_surfaces(app);
	rv_view_close_all(app);
	rv_compare_close(app);
	free(app->lv.rows);
	free(app->lv.narts);
	free(app->peers);
	rv_reader_free(&app->reader);
	rv_entities_free(&app->ents);
	rv_list_free(&app->list);
	rv_search_free(app->search);
	free(app->hist);
	if (ix != given)
		rv_index_free(ix);
	free(app);
	int sig = got_signal;
	if (sig == SIGTERM || sig == SIGHUP || sig == SIGINT) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return 0;
}
