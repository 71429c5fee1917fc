/* compare.c — versions of a shared quote or passage side by side.
 *
 * Opened with `c` on a shared quote or passage of the reading view, on a
 * cluster of the links view, or on two quotes picked in the speaker view.
 * The view holds a pool of versions (a cluster's members, or the two picks)
 * and shows two of them, or three on a terminal of RV_COMPARE_WIDE columns
 * when the pool has three: each wrapped in its column, with the word diff of
 * core/diff.c marked — words only on the left as removed, words only in the
 * other column as added, changed runs in both — in styles that read without
 * colour (underline, reverse, bold). The left column is the reference: each
 * other column is diffed against it, and the left shows its marks against
 * the focused column. The columns scroll together. Tab moves the focus,
 * ] and [ put the next or previous version of the pool in the focused
 * column, x widens every column to its paragraphs (the quote itself stays
 * italic), o opens the focused article at its version, y copies it, w writes
 * the whole comparison to a Markdown file. The view never parses text: the
 * diff and the spans come from core.
 */
#include "app.h"

#include "revue/diff.h"
#include "revue/index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAD_ROWS 5 /* bar, titles, speakers, summary, rule */
/* x: how far a paragraph may reach on each side of the quote */
#define WIDEN_CAP 4000

const char *rv_view_speaker_of(const struct rv_app *app, size_t art, size_t s, size_t e)
{
	if (!app->ix)
		return NULL;
	const struct rv_analysis *an = &app->ix->an[art];
	for (size_t i = 0; i < an->nquotes; i++) {
		const struct rv_quote *q = &an->quotes[i];
		if (q->start <= s + 2 && q->end + 2 >= e && q->speaker != RV_NONE)
			return app->ix->entities[q->speaker].name;
	}
	return NULL;
}

size_t rv_compare_cluster_pool(const struct rv_app *app, uint32_t cl, struct rv_cmp_member **out)
{
	*out = NULL;
	if (!app->ix || !app->ix->links || cl == RV_NONE || cl >= app->ix->links->nclusters)
		return 0;
	size_t n;
	const struct rv_link_member *m = rv_links_members(app->ix->links, cl, &n);
	struct rv_cmp_member *v = rv_xmalloc((n ? n : 1) * sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = (struct rv_cmp_member){m[i].article, m[i].start, m[i].end, m[i].quote};
	*out = v;
	return n;
}

/* Styles of one side of diff d over [s, e) of the body: side 0 marks
 * removed and changed runs, side 1 added and changed; the part inside the
 * quote [qs, qe) (which differs from the span once widened) is italic. */
static size_t side_runs(const struct rv_diff *d, int side, size_t s, size_t qs, size_t qe, struct rv_run **out)
{
	free(*out);
	*out = rv_xmalloc((3 * d->n + 1) * sizeof **out);
	size_t n = 0, from = s;
	for (size_t i = 0; i < d->n; i++) {
		const struct rv_diff_run *r = &d->runs[i];
		size_t end = side ? r->b_end : r->a_end;
		uint16_t el = RV_EL_TEXT;
		if (r->op == RV_DIFF_CHANGE)
			el = RV_EL_CHANGED;
		else if (r->op == RV_DIFF_DELETE && !side)
			el = RV_EL_REMOVED;
		else if (r->op == RV_DIFF_INSERT && side)
			el = RV_EL_ADDED;
		size_t cuts[3] = {qs, qe, end};
		for (int k = 0; k < 3; k++) {
			size_t at = cuts[k];
			if (at <= from || at > end)
				continue;
			bool in = from >= qs && at <= qe && qe > qs;
			uint16_t e2 = in && el == RV_EL_TEXT ? RV_EL_QUOTE : el;
			(*out)[n++] = (struct rv_run){at - s, e2, in ? RV_ATTR_ITALIC : 0};
			from = at;
		}
	}
	return n;
}

static const struct rv_cmp_member *member(const struct rv_compare_state *c, int k)
{
	return &c->pool[c->col[k].m];
}

static void rediff(struct rv_app *app)
{
	struct rv_compare_state *c = &app->cmp;
	for (size_t k = 0; k < c->ncol; k++) {
		const struct rv_cmp_member *m = member(c, (int)k);
		const struct rv_article *a = &app->c->articles[m->art];
		size_t s = m->start, e = m->end;
		if (c->wide)
			rv_diff_widen(a->body, a->body_len, &s, &e, WIDEN_CAP);
		else
			rv_diff_snap(a->body, a->body_len, &s, &e);
		c->col[k].start = s;
		c->col[k].end = e;
		c->col[k].who = rv_view_speaker_of(app, m->art, m->start, m->end);
	}
	const struct rv_cmp_member *l = member(c, 0);
	const struct rv_article *la = &app->c->articles[l->art];
	for (size_t k = 1; k < c->ncol; k++) {
		const struct rv_cmp_member *m = member(c, (int)k);
		const struct rv_article *a = &app->c->articles[m->art];
		rv_diff_free(&c->d[k - 1]);
		rv_diff_spans(la->body, la->body_len, c->col[0].start, c->col[0].end, a->body, a->body_len,
			      c->col[k].start, c->col[k].end, &c->d[k - 1]);
		/* the quote itself is marked once the columns show more than it */
		size_t ms = c->wide ? m->start : 0, me = c->wide ? m->end : 0;
		size_t ls = c->wide ? l->start : 0, le = c->wide ? l->end : 0;
		c->col[k].nruns = side_runs(&c->d[k - 1], 1, c->col[k].start, ms, me, &c->col[k].runs);
		c->nlruns[k - 1] = side_runs(&c->d[k - 1], 0, c->col[0].start, ls, le, &c->lruns[k - 1]);
	}
	c->width = 0; /* rewrap at the next paint */
	app->dirty = RV_DIRTY_ALL;
}

static void rewrap(struct rv_app *app, int width)
{
	struct rv_compare_state *c = &app->cmp;
	for (size_t k = 0; k < c->ncol; k++) {
		const struct rv_article *a = &app->c->articles[member(c, (int)k)->art];
		struct rv_cmp_col *col = &c->col[k];
		rv_wrap_free(&col->wrap);
		/* lazily, as the reader does: a 5 MB passage opens at once */
		rv_wrap_init(&col->wrap, a->body + col->start, col->end - col->start, width, rv_draw_sanflags());
	}
	c->width = width;
}

bool rv_compare_open(struct rv_app *app, const struct rv_cmp_member *pool, size_t n, size_t left, size_t right,
		     bool cluster)
{
	if (n < 2 || left >= n || right >= n || left == right) {
		rv_app_message(app, false, "compare: two versions are needed");
		return false;
	}
	struct rv_cmp_member *copy = rv_xmalloc(n * sizeof *copy);
	memcpy(copy, pool, n * sizeof *copy);
	rv_compare_close(app);
	struct rv_compare_state *c = &app->cmp;
	c->pool = copy;
	c->npool = n;
	c->cluster = cluster;
	c->ncol = n >= 3 ? 3 : 2;
	c->col[0].m = left;
	c->col[1].m = right;
	for (size_t i = 0; c->ncol == 3 && i < n; i++)
		if (i != left && i != right) {
			c->col[2].m = i;
			break;
		}
	c->focus = 1;
	c->open = true;
	rediff(app);
	rv_view_push(app, &rv_view_compare);
	return true;
}

void rv_compare_close(struct rv_app *app)
{
	struct rv_compare_state *c = &app->cmp;
	for (int k = 0; k < RV_CMP_COLS; k++) {
		rv_wrap_free(&c->col[k].wrap);
		free(c->col[k].runs);
	}
	for (int k = 0; k < RV_CMP_COLS - 1; k++) {
		rv_diff_free(&c->d[k]);
		free(c->lruns[k]);
	}
	free(c->pool);
	memset(c, 0, sizeof *c);
	app->dirty = RV_DIRTY_ALL;
}

static void header(struct rv_app *app, struct rv_surface *s, int x, int w, int k)
{
	const struct rv_compare_state *c = &app->cmp;
	const struct rv_article *a = &app->c->articles[member(c, k)->art];
	char date[80];
	rv_config_date(app->opts.date_format, &a->date, date, sizeof date);
	bool f = k == c->focus;
	int used = 0;
	if (f)
		used = rv_draw_label(s, 1, x, w, rv_glyph(RV_GL_CURRENT), RV_EL_MARKER, 0);
	used += rv_draw_text(s, 1, x + used, w - used, a->title, strlen(a->title), RV_EL_HEADER,
			     f ? RV_ATTR_UNDERLINE : 0);
	char meta[160];
	snprintf(meta, sizeof meta, " %s %s %s %s", rv_glyph(RV_GL_DOT), *a->source ? a->source : "(no source)",
		 rv_glyph(RV_GL_DOT), *date ? date : "(no date)");
	if (used < w)
		rv_draw_text(s, 1, x + used, w - used, meta, strlen(meta), RV_EL_DIM, 0);
	const char *who = c->col[k].who;
	char line[200];
	snprintf(line, sizeof line, "said by %s", who ? who : "(no speaker)");
	rv_draw_text(s, 2, x, w, line, strlen(line), who ? RV_EL_PERSON : RV_EL_DIM, 0);
}

static bool speakers_differ(const struct rv_compare_state *c, int shown)
{
	for (int k = 1; k < shown; k++)
		if (c->col[0].who && c->col[k].who && strcmp(c->col[0].who, c->col[k].who))
			return true;
	return false;
}

static void summary(const struct rv_diff *d, bool full, char *out, size_t cap)
{
	if (full)
		snprintf(out, cap, "%.0f%% of words in common %s %zu changed (%zu inflection only) %s %zu removed %s %zu added%s",
			 d->share * 100.0, "\xc2\xb7", d->changed, d->minor, "\xc2\xb7", d->removed, "\xc2\xb7", d->added,
			 d->coarse ? " \xc2\xb7 a coarse diff (long texts)" : "");
	else
		snprintf(out, cap, "%.0f%% in common with the left %s %zu changed %s %zu removed %s %zu added", d->share * 100.0,
			 "\xc2\xb7", d->changed, "\xc2\xb7", d->removed, "\xc2\xb7", d->added);
}

static void paint(struct rv_app *app, struct rv_surface *s)
{
	struct rv_compare_state *c = &app->cmp;
	rv_surface_clear(s);
	int h = app->rows - 2, x[3], w[3];
	int shown = rv_compare_columns(app->cols, c->ncol, x, w);
	if (!shown) {
		rv_draw_label(s, 0, 0, app->cols, "compare: the terminal is too narrow", RV_EL_NOTICE, 0);
		rv_surface_done(s);
		return;
	}
	c->shown = shown;
	if (c->focus >= shown)
		c->focus = shown - 1;
	if (c->width != w[0])
		rewrap(app, w[0]);
	rv_draw_fill(s, 0, 0, RV_EL_PANE_FOCUS, 0);
	const char *dot = rv_glyph(RV_GL_DOT);
	struct rv_buf bar = {0};
	rv_buf_adds(&bar, "Compare");
	if (c->cluster)
		rv_buf_printf(&bar, " %s %d of %zu versions", dot, shown, c->npool);
	rv_buf_printf(&bar, " %s Tab column %s ] [ version %s x %s %s o open %s y copy %s w save %s q close", dot, dot, dot,
		      c->wide ? "quotes" : "paragraphs", dot, dot, dot, dot);
	rv_draw_text(s, 0, 1, app->cols - 1, bar.p, bar.len, RV_EL_PANE_FOCUS, 0);
	rv_buf_free(&bar);
	for (int k = 0; k < shown; k++)
		header(app, s, x[k], w[k], k);
	bool differ = speakers_differ(c, shown);
	char sum[300];
	if (shown == 2) {
		summary(&c->d[0], true, sum, sizeof sum);
		if (differ)
			strncat(sum, " · attributed to different speakers!", sizeof sum - strlen(sum) - 1);
		rv_draw_label(s, 3, 1, app->cols - 2, sum, differ ? RV_EL_NOTICE : RV_EL_TEXT, 0);
	} else {
		snprintf(sum, sizeof sum, "the reference; marks against column %d%s", c->focus == 2 ? 3 : 2,
			 differ ? " · attributed to different speakers!" : "");
		rv_draw_label(s, 3, x[0], w[0], sum, differ ? RV_EL_NOTICE : RV_EL_DIM, 0);
		for (int k = 1; k < shown; k++) {
			summary(&c->d[k - 1], false, sum, sizeof sum);
			rv_draw_label(s, 3, x[k], w[k], sum, RV_EL_TEXT, 0);
		}
	}
	char legend[160];
	snprintf(legend, sizeof legend, "removed: underlined %s added: reversed %s changed: bold%s", dot, dot,
		 c->wide ? " \xc2\xb7 the quote: italic" : "");
	rv_draw_label(s, 4, 1, app->cols - 2, legend, RV_EL_DIM, 0);
	int body = h - HEAD_ROWS;
	if (body < 1)
		body = 1;
	size_t lines = 0;
	bool complete = true;
	for (int k = 0; k < shown; k++) {
		rv_wrap_until(&c->col[k].wrap, c->top + (size_t)body);
		complete &= rv_wrap_complete(&c->col[k].wrap);
		if (c->col[k].wrap.nlines > lines)
			lines = c->col[k].wrap.nlines;
	}
	if (complete && c->top + (size_t)body > lines)
		c->top = lines > (size_t)body ? lines - (size_t)body : 0;
	int against = shown == 3 && c->focus == 2 ? 1 : 0;
	for (int y = 0; y < body; y++) {
		size_t ln = c->top + (size_t)y;
		for (int k = 0; k < shown; k++) {
			if (k)
				rv_draw_label(s, HEAD_ROWS + y, x[k] - 1, 1, rv_glyph(RV_GL_VLINE), RV_EL_BORDER, 0);
			const struct rv_cmp_col *col = &c->col[k];
			if (ln >= col->wrap.nlines)
				continue;
			const struct rv_span *sp = &col->wrap.line[ln];
			const struct rv_run *runs = k ? col->runs : c->lruns[against];
			size_t nr = k ? col->nruns : c->nlruns[against];
			rv_draw_line(s, HEAD_ROWS + y, x[k], w[k], col->wrap.s, sp->start, sp->end, runs, nr, 0);
		}
	}
	rv_surface_done(s);
}

/* ] [: the next or previous version of the pool in the focused column,
 * skipping the ones the other columns show; a hidden third column (a
 * terminal too narrow for three) takes the one it gives up. */
static void cycle(struct rv_app *app, int dir)
{
	struct rv_compare_state *c = &app->cmp;
	size_t shown = c->shown ? (size_t)c->shown : 2;
	if (c->npool <= shown) {
		rv_app_message(app, false, "compare: no other version (%zu in all)", c->npool);
		return;
	}
	size_t m = c->col[c->focus].m;
	for (size_t step = 1; step < c->npool; step++) {
		size_t i = dir > 0 ? (m + step) % c->npool : (m + c->npool - step) % c->npool;
		bool used = false;
		for (size_t k = 0; k < shown; k++)
			used |= c->col[k].m == i;
		if (used)
			continue;
		for (size_t k = shown; k < c->ncol; k++)
			if (c->col[k].m == i)
				c->col[k].m = m;
		c->col[c->focus].m = i;
		break;
	}
	rediff(app);
	rv_app_message(app, false, "version %zu of %zu in column %d", c->col[c->focus].m + 1, c->npool, c->focus + 1);
}

static void key(struct rv_app *app, enum rv_action a, int k)
{
	(void)k;
	struct rv_compare_state *c = &app->cmp;
	int page = app->rows - 2 - HEAD_ROWS > 1 ? app->rows - 2 - HEAD_ROWS - 1 : 1;
	int shown = c->shown ? c->shown : 2;
	switch (a) {
	case RV_ACT_DOWN:
		c->top++;
		break;
	case RV_ACT_UP:
		c->top = c->top ? c->top - 1 : 0;
		break;
	case RV_ACT_PAGE_DOWN:
		c->top += (size_t)page;
		break;
	case RV_ACT_PAGE_UP:
		c->top = c->top > (size_t)page ? c->top - (size_t)page : 0;
		break;
	case RV_ACT_TOP:
		c->top = 0;
		break;
	case RV_ACT_BOTTOM:
		c->top = SIZE_MAX / 2; /* painting brings it back to the last page */
		break;
	case RV_ACT_NEXT_PANE:
		c->focus = (c->focus + 1) % shown;
		break;
	case RV_ACT_PREV_PANE:
		c->focus = (c->focus + shown - 1) % shown;
		break;
	case RV_ACT_NEXT_LINK:
	case RV_ACT_PREV_LINK:
		cycle(app, a == RV_ACT_NEXT_LINK ? 1 : -1);
		break;
	case RV_ACT_WIDEN:
		c->wide = !c->wide;
		rediff(app);
		c->top = 0;
		rv_app_message(app, false, "%s", c->wide ? "the surrounding paragraphs; x again for the quotes alone"
							 : "the quotes alone");
		break;
	case RV_ACT_FOLLOW_LINK:
	case RV_ACT_OPEN: {
		const struct rv_cmp_member *m = member(c, c->focus);
		rv_view_open_article(app, m->art, m->start);
		break;
	}
	case RV_ACT_COPY: {
		const struct rv_cmp_member *m = member(c, c->focus);
		rv_view_copy(app, m->art, m->start, m->end, c->col[c->focus].who);
		break;
	}
	case RV_ACT_WRITE:
		rv_compare_write(app);
		break;
	case RV_ACT_CLOSE:
	case RV_ACT_CLEAR:
	case RV_ACT_COMPARE:
		rv_view_pop(app);
		break;
	default:
		rv_app_message(app, false, "compare: j/k scroll, Tab column, ] [ version, x paragraphs, o open, y copy, "
					   "w save, q close");
		break;
	}
	app->dirty = RV_DIRTY_ALL;
}

static void close_view(struct rv_app *app)
{
	rv_compare_close(app);
}

const struct rv_view_ops rv_view_compare = {"compare", paint, key, NULL, close_view};
