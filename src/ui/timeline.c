/* timeline.c — the corpus's dated entries, in date order.
 *
 * Resolved entries first, then one separator row, then the unresolved
 * relative ones (no article date to anchor them), each marked '?'. Entries
 * of the open article carry a marker. Enter opens the article at the
 * entry's sentence.
 */
#include "app.h"

#include <stdlib.h>
#include <string.h>

size_t rv_timeline_rows(const struct rv_app *app)
{
	if (!app->ix)
		return 0;
	size_t n = app->ix->nresolved;
	if (app->ix->ntimeline > n)
		n += 1 + app->ix->ntimeline - app->ix->nresolved;
	return n;
}

/* The timeline entry of a row, or SIZE_MAX for the separator. */
static size_t entry_of(const struct rv_app *app, size_t row)
{
	size_t nr = app->ix->nresolved;
	if (row < nr)
		return row;
	return row == nr ? SIZE_MAX : row - 1;
}

static void sync(struct rv_app *app)
{
	app->tl.c.n = rv_timeline_rows(app);
	rv_cursor_fit(&app->tl.c, rv_app_pane_rows(app, RV_PANE_TIMELINE));
}

static void title(struct rv_app *app, struct rv_buf *out)
{
	rv_buf_adds(out, "Timeline");
	if (app->ix)
		rv_buf_printf(out, " %s %zu dated %s %zu unresolved", rv_glyph(RV_GL_DOT), app->ix->nresolved,
			      rv_glyph(RV_GL_DOT), app->ix->ntimeline - app->ix->nresolved);
}

static void draw(struct rv_app *app, struct rv_surface *s, int y0, int h, int w)
{
	if (!app->ix) {
		rv_draw_label(s, y0, 1, w - 1, "waiting for the index", RV_EL_DIM, 0);
		return;
	}
	sync(app);
	struct rv_timeline_state *t = &app->tl;
	if (!t->c.n) {
		rv_draw_label(s, y0, 1, w - 1, "no date in the corpus", RV_EL_DIM, 0);
		return;
	}
	int srcw = w >= 100 ? 24 : 12;
	for (int r = 0; r < h; r++) {
		size_t row = t->c.top + (size_t)r;
		if (row >= t->c.n)
			break;
		int y = y0 + r;
		size_t ei = entry_of(app, row);
		if (ei == SIZE_MAX) {
			rv_draw_label(s, y, 1, w - 1,
				      "unresolved: relative dates in articles without a date of their own",
				      RV_EL_HEADER, 0);
			continue;
		}
		const struct rv_timeline_ref *ref = &app->ix->timeline[ei];
		const struct rv_article *a = &app->c->articles[ref->article];
		const struct rv_tentry *te = &app->ix->an[ref->article].dates[ref->entry];
		bool sel = row == t->c.cur, here = ref->article == app->reader.art;
		enum rv_element el = sel ? RV_EL_SELECTED : RV_EL_TEXT;
		unsigned dim = sel && app->focus != RV_PANE_TIMELINE ? RV_ATTR_DIM : 0;
		if (sel)
			rv_draw_fill(s, y, 0, el, dim);
		rv_draw_label(s, y, 0, 1, here ? rv_glyph(RV_GL_CURRENT) : " ", sel ? el : RV_EL_MARKER, dim);
		if (te->resolved)
			rv_draw_text(s, y, 2, 15, te->date, strlen(te->date), sel ? el : RV_EL_DATE, dim);
		else
			rv_draw_label(s, y, 2, 15, "? unresolved", sel ? el : RV_EL_UNRESOLVED, dim | RV_ATTR_ITALIC);
		int x = 18;
		/* the outlet, or the title when the article names none */
		const char *who = *a->source ? a->source : *a->title ? a->title : a->id;
		rv_draw_text(s, y, x, srcw, who, strlen(who), sel ? el : RV_EL_DIM, dim);
		x += srcw + 1;
		if (x >= w)
			continue;
		size_t from = te->sent_start;
		if (te->start > from + 60) { /* a long sentence: start near the date */
			from = te->start - 30; /* from the next word on */
			while (from < te->start && a->body[from] != ' ')
				from++;
			while (from < te->start && a->body[from] == ' ')
				from++;
		}
		struct rv_run runs[3] = {{te->start, (uint16_t)el, (uint16_t)dim},
					 {te->end, (uint16_t)(sel ? el : RV_EL_DATE), (uint16_t)(RV_ATTR_UNDERLINE | dim)},
					 {te->sent_end, (uint16_t)el, (uint16_t)dim}};
		size_t end = te->sent_end > from ? te->sent_end : te->end;
		rv_draw_line(s, y, x, w - x, a->body, from, end, runs, 3, RV_SAN_ONE_LINE);
	}
}

static bool action(struct rv_app *app, enum rv_action a, int h)
{
	if (!app->ix)
		return false;
	sync(app);
	struct rv_timeline_state *t = &app->tl;
	size_t before = t->c.cur;
	if (rv_cursor_action(&t->c, a, h)) {
		if (t->c.n && entry_of(app, t->c.cur) == SIZE_MAX) { /* not on the separator */
			if (t->c.cur < before && t->c.cur > 0)
				t->c.cur--;
			else if (t->c.cur + 1 < t->c.n)
				t->c.cur++;
		}
		return true;
	}
	if (a != RV_ACT_OPEN || !t->c.n)
		return false;
	size_t ei = entry_of(app, t->c.cur);
	if (ei == SIZE_MAX)
		return false;
	const struct rv_timeline_ref *ref = &app->ix->timeline[ei];
	const struct rv_tentry *te = &app->ix->an[ref->article].dates[ref->entry];
	rv_app_open(app, ref->article, te->sent_start, true);
	return true;
}

static void click(struct rv_app *app, int row, int h)
{
	if (!app->ix)
		return;
	sync(app);
	size_t i = app->tl.c.top + (size_t)row;
	if (i < app->tl.c.n && entry_of(app, i) != SIZE_MAX) {
		app->tl.c.cur = i;
		rv_cursor_fit(&app->tl.c, h);
	}
}

static bool search(struct rv_app *app, int dir)
{
	if (!app->search || !app->ix)
		return false;
	sync(app);
	struct rv_timeline_state *t = &app->tl;
	for (size_t k = 1; k <= t->c.n; k++) {
		size_t i = dir > 0 ? (t->c.cur + k) % t->c.n : (t->c.cur + t->c.n - k % t->c.n) % t->c.n;
		size_t ei = entry_of(app, i);
		if (ei == SIZE_MAX)
			continue;
		const struct rv_timeline_ref *ref = &app->ix->timeline[ei];
		const struct rv_tentry *te = &app->ix->an[ref->article].dates[ref->entry];
		const char *body = app->c->articles[ref->article].body;
		if (rv_search_string(app->search, te->date, strlen(te->date)) ||
		    rv_search_string(app->search, body + te->sent_start, te->sent_end - te->sent_start)) {
			t->c.cur = i;
			rv_cursor_fit(&t->c, rv_app_pane_rows(app, RV_PANE_TIMELINE));
			return true;
		}
	}
	return false;
}

static void resize(struct rv_app *app, int h, int w)
{
	(void)w;
	rv_cursor_fit(&app->tl.c, h);
}

const struct rv_pane_ops rv_pane_timeline = {"timeline", title, draw, action, click, search, resize};
