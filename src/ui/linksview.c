/* linksview.c — the links view (L): every cluster of the corpus, largest
 * first: what the whole press review repeated most.
 *
 * A row per cluster: how many versions and articles, quote or passage, the
 * speaker (a quote's; "several" when the members disagree), the outlets
 * that carry it, the span of their dates, and the canonical text. Enter
 * opens the first version in the reader, c compares the first two (] and [
 * in the compare view bring the others), v lists the speaker's quotes, y
 * copies the first version, / searches the rows. Only visible rows are
 * formatted; the order is worked out once, when the view opens.
 */
#include "app.h"

#include "revue/link.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAD_ROWS 2 /* the bar, the column names */

static const struct rv_app *sort_app;

/* seen: one flag per article, all false on entry and on return */
static size_t articles_of(const struct rv_links *ls, uint32_t cl, bool *seen)
{
	size_t n, k = 0;
	const struct rv_link_member *m = rv_links_members(ls, cl, &n);
	for (size_t i = 0; i < n; i++) {
		k += !seen[m[i].article];
		seen[m[i].article] = true;
	}
	for (size_t i = 0; i < n; i++)
		seen[m[i].article] = false;
	return k;
}

static int cmp_date(const struct rv_date *a, const struct rv_date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	return a->day < b->day ? -1 : a->day > b->day;
}

/* Largest first: more articles, then more versions, then quotes before
 * passages, then corpus order of the first member. */
static int cmp_cluster(const void *x, const void *y)
{
	const struct rv_links *ls = sort_app->ix->links;
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	size_t na = sort_app->lv.narts[a], nb = sort_app->lv.narts[b];
	if (na != nb)
		return na > nb ? -1 : 1;
	const struct rv_link_cluster *ca = &ls->clusters[a], *cb = &ls->clusters[b];
	if (ca->n != cb->n)
		return ca->n > cb->n ? -1 : 1;
	if (ca->kind != cb->kind)
		return ca->kind == RV_LINK_QUOTE ? -1 : 1;
	return a < b ? -1 : a > b;
}

void rv_linksview_open(struct rv_app *app)
{
	if (!app->ix) {
		rv_app_message(app, false, "links: the index is not ready yet");
		return;
	}
	const struct rv_links *ls = app->ix->links;
	if (!ls || !ls->nclusters) {
		rv_app_message(app, false, "links: no quote or passage is shared by two articles in this corpus");
		return;
	}
	struct rv_linksview_state *v = &app->lv;
	if (!v->rows) {
		v->rows = rv_xmalloc(ls->nclusters * sizeof *v->rows);
		v->narts = rv_xmalloc(ls->nclusters * sizeof *v->narts);
		bool *seen = rv_xcalloc(app->c->n ? app->c->n : 1, sizeof *seen);
		for (size_t i = 0; i < ls->nclusters; i++) {
			v->rows[i] = (uint32_t)i;
			v->narts[i] = (uint32_t)articles_of(ls, (uint32_t)i, seen);
		}
		free(seen);
		sort_app = app;
		qsort(v->rows, ls->nclusters, sizeof *v->rows, cmp_cluster);
		v->c = (struct rv_cursor){0, 0, ls->nclusters};
	}
	rv_view_push(app, &rv_view_links);
}

/* The speaker of a quote cluster: its canonical member's, NULL for a passage. */
static const char *cluster_speaker(const struct rv_app *app, uint32_t cl, bool *several)
{
	const struct rv_links *ls = app->ix->links;
	*several = ls->clusters[cl].speaker_conflict;
	size_t n;
	const struct rv_link_member *m = rv_links_members(ls, cl, &n);
	for (size_t i = 0; i < n; i++) {
		if (m[i].quote == RV_NONE)
			continue;
		uint32_t sp = app->ix->an[m[i].article].quotes[m[i].quote].speaker;
		if (sp != RV_NONE)
			return app->ix->entities[sp].name;
	}
	return NULL;
}

/* The outlets of a cluster's articles, each once, in member order. */
static void outlets(const struct rv_app *app, uint32_t cl, struct rv_buf *out)
{
	size_t n;
	const struct rv_link_member *m = rv_links_members(app->ix->links, cl, &n);
	size_t shown = 0;
	if (n > 64) /* a row shows a few; past those, an ellipsis */
		n = 64;
	for (size_t i = 0; i < n; i++) {
		const char *s = app->c->articles[m[i].article].source;
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = !strcmp(app->c->articles[m[j].article].source, s);
		if (seen)
			continue;
		rv_buf_printf(out, "%s%s", shown++ ? ", " : "", *s ? s : "(no source)");
	}
	if (n == 64)
		rv_buf_adds(out, ", ...");
}

static void dates(const struct rv_app *app, uint32_t cl, char *out, size_t cap)
{
	size_t n;
	const struct rv_link_member *m = rv_links_members(app->ix->links, cl, &n);
	const struct rv_date *lo = NULL, *hi = NULL;
	for (size_t i = 0; i < n; i++) {
		const struct rv_date *d = &app->c->articles[m[i].article].date;
		if (d->precision == RV_DATE_NONE)
			continue;
		if (!lo || cmp_date(d, lo) < 0)
			lo = d;
		if (!hi || cmp_date(d, hi) > 0)
			hi = d;
	}
	if (!lo) {
		snprintf(out, cap, "(no date)");
		return;
	}
	char a[16], b[16];
	rv_date_format(lo, a);
	rv_date_format(hi, b);
	if (strcmp(a, b))
		snprintf(out, cap, "%s..%s", a, b);
	else
		snprintf(out, cap, "%s", a);
}

/* The columns at this width: speaker, outlets, dates (0: left out). */
static void widths(int w, int *sw, int *ow, int *dw)
{
	*sw = w >= 100 ? 20 : 16;
	*ow = w >= 160 ? 40 : w >= 110 ? 24 : 0;
	*dw = w >= 90 ? 22 : 0;
}

#define COUNT_W 15 /* "  3 in 2 art. " */

static void row_text(const struct rv_app *app, uint32_t cl, const char **t, size_t *tn)
{
	size_t n;
	const struct rv_link_member *m = rv_links_members(app->ix->links, cl, &n);
	const struct rv_article *a = &app->c->articles[m[0].article];
	*t = a->body + m[0].start;
	*tn = m[0].end - m[0].start;
}

static void paint(struct rv_app *app, struct rv_surface *s)
{
	struct rv_linksview_state *v = &app->lv;
	const struct rv_links *ls = app->ix->links;
	rv_surface_clear(s);
	int w = app->cols, h = app->rows - 2 - HEAD_ROWS;
	if (h < 1)
		h = 1;
	rv_cursor_fit(&v->c, h);
	size_t nq = 0;
	for (size_t i = 0; i < ls->nclusters; i++)
		nq += ls->clusters[i].kind == RV_LINK_QUOTE;
	const char *dot = rv_glyph(RV_GL_DOT);
	struct rv_buf b = {0};
	size_t np = ls->nclusters - nq;
	rv_buf_printf(&b, "Links %s %zu/%zu %s %zu quote%s and %zu passage%s shared %s Enter opens %s c compares %s v speaker %s / "
			  "search %s q closes",
		      dot, v->c.n ? v->c.cur + 1 : 0, v->c.n, dot, nq, nq == 1 ? "" : "s", np, np == 1 ? "" : "s", dot, dot, dot,
		      dot, dot);
	rv_draw_fill(s, 0, 0, RV_EL_PANE_FOCUS, 0);
	rv_draw_text(s, 0, 1, w - 1, b.p, b.len, RV_EL_PANE_FOCUS, 0);
	int sw, ow, dw;
	widths(w, &sw, &ow, &dw);
	int x = 1;
	rv_draw_label(s, 1, x, COUNT_W, "versions", RV_EL_HEADER, 0);
	x += COUNT_W;
	rv_draw_label(s, 1, x, sw, "speaker", RV_EL_HEADER, 0);
	x += sw + 1;
	if (ow) {
		rv_draw_label(s, 1, x, ow, "outlets", RV_EL_HEADER, 0);
		x += ow + 1;
	}
	if (dw) {
		rv_draw_label(s, 1, x, dw, "dates", RV_EL_HEADER, 0);
		x += dw + 1;
	}
	rv_draw_label(s, 1, x, w - x, "text (the first version)", RV_EL_HEADER, 0);
	for (int r = 0; r < h; r++) {
		size_t i = v->c.top + (size_t)r;
		if (i >= v->c.n)
			break;
		uint32_t cl = v->rows[i];
		const struct rv_link_cluster *c = &ls->clusters[cl];
		int y = HEAD_ROWS + r;
		bool sel = i == v->c.cur;
		enum rv_element base = sel ? RV_EL_SELECTED : RV_EL_TEXT;
		if (sel)
			rv_draw_fill(s, y, 0, base, 0);
		b.len = 0;
		rv_buf_printf(&b, "%3u in %u art.", c->n, v->narts[cl]);
		rv_draw_text(s, y, 1, COUNT_W - 1, b.p, b.len, sel ? base : RV_EL_LINK, 0);
		x = 1 + COUNT_W;
		bool several = false;
		const char *who = c->kind == RV_LINK_QUOTE ? cluster_speaker(app, cl, &several) : NULL;
		if (c->kind == RV_LINK_PASSAGE)
			rv_draw_label(s, y, x, sw, "(passage)", sel ? base : RV_EL_DIM, 0);
		else if (several)
			rv_draw_label(s, y, x, sw, "(several speakers)", sel ? base : RV_EL_NOTICE, 0);
		else if (who)
			rv_draw_text(s, y, x, sw, who, strlen(who), sel ? base : RV_EL_PERSON, 0);
		else
			rv_draw_label(s, y, x, sw, "(no speaker)", sel ? base : RV_EL_DIM, 0);
		x += sw + 1;
		if (ow) {
			b.len = 0;
			outlets(app, cl, &b);
			rv_draw_text(s, y, x, ow, b.p, b.len, sel ? base : RV_EL_TEXT, 0);
			x += ow + 1;
		}
		if (dw) {
			char d[64];
			dates(app, cl, d, sizeof d);
			rv_draw_label(s, y, x, dw, d, sel ? base : RV_EL_DATE, 0);
			x += dw + 1;
		}
		const char *t;
		size_t tn;
		row_text(app, cl, &t, &tn);
		if (tn > 4096)
			tn = 4096; /* a row shows far less; the sanitizer cuts at a code point */
		rv_draw_text(s, y, x, w - x, t, tn, sel ? base : c->kind == RV_LINK_QUOTE ? RV_EL_QUOTE : RV_EL_TEXT, 0);
	}
	rv_buf_free(&b);
	rv_surface_done(s);
}

static uint32_t current(const struct rv_app *app)
{
	const struct rv_linksview_state *v = &app->lv;
	return v->c.n ? v->rows[v->c.cur] : RV_NONE;
}

static void key(struct rv_app *app, enum rv_action a, int k)
{
	(void)k;
	struct rv_linksview_state *v = &app->lv;
	int h = app->rows - 2 - HEAD_ROWS;
	if (rv_cursor_action(&v->c, a, h > 0 ? h : 1)) {
		app->dirty = RV_DIRTY_ALL;
		return;
	}
	uint32_t cl = current(app);
	if (cl == RV_NONE)
		return;
	size_t n;
	const struct rv_link_member *m = rv_links_members(app->ix->links, cl, &n);
	switch (a) {
	case RV_ACT_OPEN:
	case RV_ACT_FOLLOW_LINK:
		rv_view_open_article(app, m[0].article, m[0].start);
		break;
	case RV_ACT_COMPARE: {
		struct rv_cmp_member *pool;
		size_t np = rv_compare_cluster_pool(app, cl, &pool);
		rv_compare_open(app, pool, np, 0, 1, true);
		free(pool);
		break;
	}
	case RV_ACT_SPEAKER: {
		bool several;
		const char *who = cluster_speaker(app, cl, &several);
		uint32_t e = who ? rv_index_find_entity(app->ix, who) : RV_NONE;
		for (size_t i = 0; e == RV_NONE && i < n; i++) /* the name may not fold back: take the quote's */
			if (m[i].quote != RV_NONE)
				e = app->ix->an[m[i].article].quotes[m[i].quote].speaker;
		if (e == RV_NONE)
			rv_app_message(app, false, "v: no speaker known for this one");
		else
			rv_speakerview_open(app, e);
		break;
	}
	case RV_ACT_COPY:
		rv_view_copy(app, m[0].article, m[0].start, m[0].end,
			     rv_view_speaker_of(app, m[0].article, m[0].start, m[0].end));
		break;
	case RV_ACT_CLOSE:
	case RV_ACT_CLEAR:
	case RV_ACT_LINKS:
		rv_view_pop(app);
		break;
	default:
		rv_app_message(app, false, "links: j/k move, Enter opens, c compares, v speaker, y copies, / searches, q closes");
		break;
	}
	app->dirty = RV_DIRTY_ALL;
}

static bool search(struct rv_app *app, int dir)
{
	struct rv_linksview_state *v = &app->lv;
	if (!app->search || !v->c.n)
		return false;
	struct rv_buf b = {0};
	bool found = false;
	for (size_t k = 1; k <= v->c.n && !found; k++) {
		size_t i = dir > 0 ? (v->c.cur + k) % v->c.n : (v->c.cur + v->c.n - k % v->c.n) % v->c.n;
		uint32_t cl = v->rows[i];
		b.len = 0;
		bool several;
		const char *who = cluster_speaker(app, cl, &several);
		rv_buf_printf(&b, "%s\n", who ? who : "");
		outlets(app, cl, &b);
		rv_buf_addc(&b, '\n');
		const char *t;
		size_t tn;
		row_text(app, cl, &t, &tn);
		rv_buf_add(&b, t, tn);
		if (rv_search_string(app->search, b.p, b.len)) {
			v->c.cur = i;
			found = true;
		}
	}
	rv_buf_free(&b);
	return found;
}

static void close_view(struct rv_app *app)
{
	(void)app; /* the order stays for the next L: the index does not change */
}

const struct rv_view_ops rv_view_links = {"links", paint, key, search, close_view};
