/* list.c — the article list: read mark, date, source, links, title.
 *
 * Rows are article indices, filtered (an outlet, up to RV_MAX_FILTERS
 * entities, a corpus search) and sorted; only the visible ones are
 * formatted. Moving the cursor shows the article in the reader, as a
 * preview; Enter opens it there and moves the focus to it.
 */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct rv_corpus *sort_corpus;
static enum rv_sort sort_key;

static int cmp_date(const struct rv_date *a, const struct rv_date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return 0;
}

static int cmp_rows(const void *x, const void *y)
{
	const struct rv_article *a = &sort_corpus->articles[*(const uint32_t *)x];
	const struct rv_article *b = &sort_corpus->articles[*(const uint32_t *)y];
	int r = 0;
	switch (sort_key) {
	case RV_SORT_DATE:
		r = -cmp_date(&a->date, &b->date); /* newest first */
		break;
	case RV_SORT_SOURCE:
		r = strcmp(a->source, b->source);
		if (!r)
			r = -cmp_date(&a->date, &b->date);
		break;
	case RV_SORT_TITLE:
		r = strcmp(a->title, b->title);
		break;
	case RV_SORT_COUNT:
		break;
	}
	if (!r)
		r = strcmp(a->id, b->id);
	return r;
}

static bool names(const struct rv_index *ix, uint32_t e, uint32_t art)
{
	const struct rv_entity *en = &ix->entities[e];
	size_t lo = 0, hi = en->narticles;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (en->articles[mid] < art)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < en->narticles && en->articles[lo] == art;
}

void rv_list_rebuild(struct rv_app *app)
{
	struct rv_list_state *l = &app->list;
	uint32_t keep = l->c.n ? l->rows[l->c.cur] : UINT32_MAX;
	free(l->rows);
	l->rows = rv_xmalloc((app->c->n ? app->c->n : 1) * sizeof *l->rows);
	size_t n = 0;
	for (uint32_t i = 0; i < app->c->n; i++) {
		const struct rv_article *a = &app->c->articles[i];
		if (l->source && strcmp(a->source, l->source) != 0)
			continue;
		if (l->corpus && !l->hits[i])
			continue;
		bool ok = true;
		for (size_t k = 0; k < l->nentity && app->ix && ok; k++)
			ok = names(app->ix, l->entity[k], i);
		if (ok)
			l->rows[n++] = i;
	}
	sort_corpus = app->c;
	sort_key = l->sort;
	qsort(l->rows, n, sizeof *l->rows, cmp_rows);
	l->c.n = n;
	l->c.cur = 0;
	for (size_t i = 0; i < n; i++)
		if (l->rows[i] == keep)
			l->c.cur = i;
	rv_cursor_fit(&l->c, rv_app_pane_rows(app, RV_PANE_LIST));
	app->dirty = RV_DIRTY_ALL;
}

void rv_list_free(struct rv_list_state *l)
{
	free(l->rows);
	free(l->read);
	free(l->starred);
	free(l->hits);
	rv_search_free(l->corpus);
	memset(l, 0, sizeof *l);
}

static const char *const sort_names[RV_SORT_COUNT] = {"date", "source", "title"};

static void title(struct rv_app *app, struct rv_buf *out)
{
	const struct rv_list_state *l = &app->list;
	rv_buf_printf(out, "Articles %zu", l->c.n);
	if (l->c.n != app->c->n)
		rv_buf_printf(out, "/%zu", app->c->n);
	rv_buf_printf(out, " %s by %s", rv_glyph(RV_GL_DOT), sort_names[l->sort]);
	if (l->source || l->nentity || l->corpus)
		rv_buf_printf(out, " %s filtered", rv_glyph(RV_GL_DOT));
}

static void draw(struct rv_app *app, struct rv_surface *s, int y0, int h, int w)
{
	const struct rv_list_state *l = &app->list;
	if (!l->c.n) {
		rv_draw_label(s, y0, 1, w - 1,
			      app->loading ? "reading the articles..." : "no article matches the filters (Esc clears them)",
			      RV_EL_DIM, 0);
		return;
	}
	/* Columns by what there is room for: the title first, then the date,
	 * then the source and the links (when the corpus has any). */
	bool dated = w >= 34, wide = w >= 60;
	int srcw = w >= 90 ? 16 : 10;
	int dw = 10; /* ISO 8601; a configured format: as wide as its longest month and weekday */
	if (app->opts.date_format) {
		char sample[80];
		rv_config_date(app->opts.date_format, &(struct rv_date){2026, 9, 30, RV_DATE_DAY}, sample, sizeof sample);
		int sw = (int)rv_text_width(sample, strlen(sample), RV_SAN_ONE_LINE | rv_draw_sanflags());
		dw = sw < 10 ? 10 : sw > 24 ? 24 : sw;
		dated = w >= 24 + dw;
	}
	for (int r = 0; r < h; r++) {
		size_t i = l->c.top + (size_t)r;
		if (i >= l->c.n)
			break;
		uint32_t art = l->rows[i];
		const struct rv_article *a = &app->c->articles[art];
		bool sel = i == l->c.cur;
		bool open = art == app->reader.art;
		enum rv_element el = sel ? RV_EL_SELECTED : RV_EL_TEXT;
		unsigned extra = sel && app->focus != RV_PANE_LIST ? RV_ATTR_DIM : 0;
		int y = y0 + r;
		if (sel)
			rv_draw_fill(s, y, 0, el, extra);
		int x = 0;
		rv_draw_label(s, y, x, 1, open ? rv_glyph(RV_GL_CURRENT) : " ", sel ? el : RV_EL_MARKER, extra);
		rv_draw_label(s, y, x + 1, 1, l->read[art] ? " " : rv_glyph(RV_GL_UNREAD), sel ? el : RV_EL_MARKER, extra);
		size_t notelen; /* one cell for the star, else the note's mark: titles keep their room */
		if (l->starred && l->starred[art])
			rv_draw_label(s, y, x + 2, 1, "*", sel ? el : RV_EL_MARKER, extra | RV_ATTR_BOLD);
		else if (rv_saved_note(app, art, &notelen))
			rv_draw_label(s, y, x + 2, 1, rv_draw_utf8() ? "\xe2\x9c\x8e" : "n", sel ? el : RV_EL_MARKER, extra);
		x = 3;
		if (dated) {
			char date[80];
			rv_config_date(app->opts.date_format, &a->date, date, sizeof date);
			rv_draw_text(s, y, x, dw, *date ? date : "-", *date ? strlen(date) : 1, el, extra);
			x += dw + 1;
		}
		if (wide) {
			rv_draw_text(s, y, x, srcw, a->source, strlen(a->source), sel ? el : RV_EL_DIM, extra);
			x += srcw + 1;
		}
		if (l->corpus) {
			char n[16];
			snprintf(n, sizeof n, "%u", l->hits[art]);
			rv_draw_label(s, y, x, 5, n, sel ? el : RV_EL_MATCH, extra);
			x += 6;
		}
		size_t nl = app->peers ? app->peers[art] : 0; /* other articles it shares text with */
		if (app->have_links && wide) {
			char n[32];
			snprintf(n, sizeof n, "%s%zu", rv_glyph(RV_GL_LINK), nl);
			if (nl)
				rv_draw_label(s, y, x, 4, n, sel ? el : RV_EL_LINK, extra);
			x += 5;
		}
		const char *t = *a->title ? a->title : a->id;
		if (x < w)
			rv_draw_text(s, y, x, w - x, t, strlen(t), el, extra | (l->read[art] ? 0 : RV_ATTR_BOLD));
	}
}

static void preview(struct rv_app *app)
{
	const struct rv_list_state *l = &app->list;
	if (l->c.n && l->rows[l->c.cur] != app->reader.art) {
		uint32_t art = l->rows[l->c.cur];
		rv_app_open(app, art, 0, false); /* a glance is not a read; Enter is */
	}
}

static bool action(struct rv_app *app, enum rv_action a, int h)
{
	struct rv_list_state *l = &app->list;
	if (rv_cursor_action(&l->c, a, h)) {
		preview(app);
		return true;
	}
	switch (a) {
	case RV_ACT_OPEN:
		if (!l->c.n)
			return false;
		rv_app_open(app, l->rows[l->c.cur], 0, true);
		app->focus = RV_PANE_READER;
		app->dirty = RV_DIRTY_ALL;
		return true;
	case RV_ACT_SORT:
		l->sort = (enum rv_sort)((l->sort + 1) % RV_SORT_COUNT);
		rv_list_rebuild(app);
		rv_app_message(app, false, "sorted by %s", sort_names[l->sort]);
		return true;
	case RV_ACT_FILTER_SOURCE:
		if (l->source) {
			l->source = NULL;
			rv_app_message(app, false, "every source");
		} else if (app->reader.art != SIZE_MAX) {
			l->source = app->c->articles[app->reader.art].source;
			rv_app_message(app, false, "only this source (f again for all)");
		}
		rv_list_rebuild(app);
		return true;
	default:
		return false;
	}
}

static void click(struct rv_app *app, int row, int h)
{
	struct rv_list_state *l = &app->list;
	size_t i = l->c.top + (size_t)row;
	if (i < l->c.n) {
		l->c.cur = i;
		rv_cursor_fit(&l->c, h);
		preview(app);
	}
}

static bool search(struct rv_app *app, int dir)
{
	struct rv_list_state *l = &app->list;
	if (!app->search || !l->c.n)
		return false;
	for (size_t k = 1; k <= l->c.n; k++) {
		size_t i = dir > 0 ? (l->c.cur + k) % l->c.n : (l->c.cur + l->c.n - k % l->c.n) % l->c.n;
		const struct rv_article *a = &app->c->articles[l->rows[i]];
		if (rv_search_string(app->search, a->title, strlen(a->title)) ||
		    rv_search_string(app->search, a->source, strlen(a->source))) {
			l->c.cur = i;
			rv_cursor_fit(&l->c, rv_app_pane_rows(app, RV_PANE_LIST));
			preview(app);
			return true;
		}
	}
	return false;
}

static void resize(struct rv_app *app, int h, int w)
{
	(void)w;
	rv_cursor_fit(&app->list.c, h);
}

const struct rv_pane_ops rv_pane_list = {"list", title, draw, action, click, search, resize};
