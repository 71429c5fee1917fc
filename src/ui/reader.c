/* reader.c — the reading view: one article, wrapped, highlighted.
 *
 * Two header rows (title; source, date, id), then the body wrapped lazily
 * (wrap.c) at the pane's width minus a margin that carries the markers: a
 * bar beside speech quotes, ⇄N beside passages shared with N other articles.
 * Highlights come from the index as spans and are drawn as styled runs:
 * quotes, names by entity type, amounts, dates, links, search matches; each
 * element has an attribute of its own besides its colour.
 */
#include "app.h"

#include "revue/link.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARGIN 4
#define HEADER_ROWS 2
/* A body longer than this is wrapped in windows (rv_wrap_init_at): G, a
 * match or a link far down wraps from a restart point near it, not from
 * the top, and the position is shown as a byte percentage, as less does. */
#define BIG_BODY ((size_t)4 * 1024 * 1024)

enum { PRIO_QUOTE = 1, PRIO_NAME = 2, PRIO_DATE = 3, PRIO_LINK = 4, PRIO_MATCH = 5, PRIO_CURRENT = 6 };

static int text_width(const struct rv_app *app)
{
	int w = app->lay.shown[RV_PANE_READER] ? app->lay.pane[RV_PANE_READER].w : app->cols;
	w -= MARGIN + 1;
	if (app->opts.wrap_width > 0 && w > app->opts.wrap_width)
		w = app->opts.wrap_width;
	return w < 8 ? 8 : w;
}

static int text_rows(const struct rv_app *app)
{
	int h = rv_app_pane_rows(app, RV_PANE_READER) - HEADER_ROWS;
	return h < 1 ? 1 : h;
}

size_t rv_reader_offset(const struct rv_app *app)
{
	const struct rv_reader_state *r = &app->reader;
	if (r->art != SIZE_MAX && r->tail) /* past what the body holds yet */
		return app->c->articles[r->art].body_len;
	if (r->art == SIZE_MAX || r->top >= r->wrap.nlines)
		return r->art == SIZE_MAX ? 0 : r->wrap.done;
	return r->wrap.line[r->top].start;
}

static int cmp_hl(const void *x, const void *y)
{
	const struct rv_hl *a = x, *b = y;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->end > b->end ? -1 : a->end < b->end;
}

static void add_hl(struct rv_reader_state *r, size_t *cap, size_t start, size_t end, enum rv_element el, int prio)
{
	if (end <= start)
		return;
	r->hl = rv_xgrow(r->hl, cap, r->nhl + 1, sizeof *r->hl);
	r->hl[r->nhl++] = (struct rv_hl){start, end, (uint16_t)el, 0, (uint8_t)prio};
}

static const enum rv_element type_el[RV_ET_COUNT] = {RV_EL_PERSON, RV_EL_ORG,   RV_EL_PRODUCT,
						     RV_EL_PLACE,  RV_EL_MONEY, RV_EL_PERCENT};

static void build_hl(struct rv_app *app)
{
	struct rv_reader_state *r = &app->reader;
	free(r->hl);
	free(r->hl_maxend);
	free(r->links);
	r->hl = NULL;
	r->hl_maxend = NULL;
	r->links = NULL;
	r->nhl = r->nlinks = 0;
	r->curlink = SIZE_MAX;
	if (!app->ix || r->art == SIZE_MAX)
		return;
	const struct rv_analysis *an = &app->ix->an[r->art];
	size_t cap = 0;
	for (size_t i = 0; i < an->nquotes; i++)
		if (an->quotes[i].kind == RV_QUOTE_SPEECH)
			add_hl(r, &cap, an->quotes[i].start, an->quotes[i].end, RV_EL_QUOTE, PRIO_QUOTE);
	for (size_t i = 0; i < an->nnames; i++) {
		uint32_t e = an->names[i].entity;
		if (e != RV_NONE)
			add_hl(r, &cap, an->names[i].start, an->names[i].end, type_el[app->ix->entities[e].type],
			       PRIO_NAME);
	}
	for (size_t i = 0; i < an->namounts; i++)
		add_hl(r, &cap, an->amounts[i].start, an->amounts[i].end, type_el[an->amounts[i].kind], PRIO_NAME);
	for (size_t i = 0; i < an->ndates; i++)
		add_hl(r, &cap, an->dates[i].start, an->dates[i].end, RV_EL_DATE, PRIO_DATE);
	r->nlinks = rv_ui_links(app->ix, r->art, &r->links);
	for (size_t i = 0; i < r->nlinks; i++)
		add_hl(r, &cap, r->links[i].start, r->links[i].end, RV_EL_LINK, PRIO_LINK);
	if (r->nhl)
		qsort(r->hl, r->nhl, sizeof *r->hl, cmp_hl);
	r->hl_maxend = rv_xmalloc((r->nhl ? r->nhl : 1) * sizeof *r->hl_maxend);
	size_t m = 0;
	for (size_t i = 0; i < r->nhl; i++) {
		if (r->hl[i].end > m)
			m = r->hl[i].end;
		r->hl_maxend[i] = m;
	}
}

void rv_reader_set_matches(struct rv_app *app)
{
	struct rv_reader_state *r = &app->reader;
	r->nmatch = 0;
	r->curmatch = SIZE_MAX;
	r->match_stopped = false;
	if (!app->search || r->art == SIZE_MAX)
		return;
	double deadline = rv_search_now() + 1.0;
	r->match_stopped = rv_search_article(app->search, &app->c->articles[r->art], deadline, 100000, &r->match,
					     &r->nmatch, &r->capmatch) == RV_SEARCH_STOPPED;
	app->dirty |= RV_DIRTY(RV_PANE_READER);
}

/* Wraps the open article anew with the top line at body offset off: from
 * the top, or for a big body far from it, from a restart point near off. */
static void wrap_at(struct rv_app *app, size_t off)
{
	struct rv_reader_state *r = &app->reader;
	const struct rv_article *a = &app->c->articles[r->art];
	if (r->tail) { /* back to the body, and its search matches */
		r->tail = false;
		rv_reader_set_matches(app);
	}
	rv_wrap_free(&r->wrap);
	r->width = text_width(app);
	if (a->body_len > BIG_BODY && off > RV_WRAP_SCAN)
		rv_wrap_init_at(&r->wrap, a->body, a->body_len, r->width, rv_draw_sanflags(), off);
	else
		rv_wrap_init(&r->wrap, a->body, a->body_len, r->width, rv_draw_sanflags());
	r->top = rv_wrap_line_of(&r->wrap, off);
}

/* Is off out of the wrapped window of a big body, so far that wrapping up
 * to it would cost? */
static bool far_off(const struct rv_app *app, size_t off)
{
	const struct rv_reader_state *r = &app->reader;
	return r->tail || (app->c->articles[r->art].body_len > BIG_BODY &&
			   (off < r->wrap.origin || off > r->wrap.done + RV_WRAP_SCAN));
}

/* G while the article is still loading: its last part (rv_article.tail),
 * wrapped on its own, with byte `off` of it on the top line. Search
 * matches (offsets into the body) are left out meanwhile. */
static void tail_at(struct rv_app *app, size_t off)
{
	struct rv_reader_state *r = &app->reader;
	const struct rv_article *a = &app->c->articles[r->art];
	rv_wrap_free(&r->wrap);
	r->width = text_width(app);
	r->tail = true;
	r->nmatch = 0;
	r->curmatch = SIZE_MAX;
	rv_wrap_init_at(&r->wrap, a->tail, a->tail_len, r->width, rv_draw_sanflags(), off);
	r->top = rv_wrap_line_of(&r->wrap, off);
}

size_t rv_reader_place(const struct rv_app *app, const struct rv_article *whole)
{
	const struct rv_reader_state *r = &app->reader;
	const struct rv_article *a = &app->c->articles[r->art];
	if (!r->tail) {
		size_t off = rv_reader_offset(app);
		bool start = whole->body_len >= a->body_len && !memcmp(whole->body, a->body, a->body_len);
		return start ? off : SIZE_MAX;
	}
	size_t t = r->top < r->wrap.nlines ? r->wrap.line[r->top].start : r->wrap.done;
	bool end = whole->body_len >= a->tail_len &&
		   !memcmp(whole->body + whole->body_len - a->tail_len, a->tail, a->tail_len);
	return end ? whole->body_len - a->tail_len + t : SIZE_MAX;
}

void rv_reader_open(struct rv_app *app, size_t art, size_t off)
{
	struct rv_reader_state *r = &app->reader;
	if (r->art != art) {
		r->art = art;
		r->want_end = r->tail = false;
		wrap_at(app, off);
		build_hl(app);
		rv_reader_set_matches(app);
		return;
	}
	if (far_off(app, off))
		wrap_at(app, off);
	else
		r->top = rv_wrap_line_of(&r->wrap, off);
}

void rv_reader_reindex(struct rv_app *app)
{
	build_hl(app);
}

void rv_reader_free(struct rv_reader_state *r)
{
	rv_wrap_free(&r->wrap);
	free(r->hl);
	free(r->hl_maxend);
	free(r->match);
	free(r->links);
	memset(r, 0, sizeof *r);
	r->art = SIZE_MAX;
}

/* --- drawing ------------------------------------------------------------- */

#define MAX_COVER 64

struct cover {
	size_t start, end;
	uint16_t el;
	uint8_t prio;
};

/* The highlight spans meeting [ls, le): index spans (through the running
 * maximum of their ends) and search matches. */
static size_t covering(const struct rv_reader_state *r, size_t ls, size_t le, struct cover *out)
{
	size_t n = 0;
	size_t lo = 0, hi = r->nhl;
	while (lo < hi) { /* first span starting at or after le */
		size_t mid = (lo + hi) / 2;
		if (r->hl[mid].start < le)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i-- > 0 && r->hl_maxend[i] > ls && n < MAX_COVER;)
		if (r->hl[i].end > ls)
			out[n++] = (struct cover){r->hl[i].start, r->hl[i].end, r->hl[i].el, r->hl[i].prio};
	lo = 0, hi = r->nmatch;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (r->match[mid].end <= ls)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < r->nmatch && r->match[i].start < le && n < MAX_COVER; i++)
		out[n++] = (struct cover){r->match[i].start, r->match[i].end, RV_EL_MATCH,
					  i == r->curmatch ? PRIO_CURRENT : PRIO_MATCH};
	return n;
}

static int cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return a < b ? -1 : a > b;
}

static const unsigned el_attrs_always[RV_EL_COUNT] = {
#define RV_X_ATTRS(id, name, attrs) attrs,
	RV_ELEMENTS(RV_X_ATTRS)
#undef RV_X_ATTRS
};

/* Styled runs for the line [ls, le): per segment, the colour of the
 * strongest span and the attributes of all of them. */
static size_t line_runs(const struct rv_reader_state *r, size_t ls, size_t le, struct rv_run *runs, size_t cap,
			bool *in_quote)
{
	struct cover cv[MAX_COVER];
	size_t n = covering(r, ls, le, cv);
	*in_quote = false;
	size_t edges[2 * MAX_COVER + 2];
	size_t ne = 0;
	edges[ne++] = ls;
	edges[ne++] = le;
	for (size_t i = 0; i < n; i++) {
		if (cv[i].el == RV_EL_QUOTE)
			*in_quote = true;
		if (cv[i].start > ls && cv[i].start < le)
			edges[ne++] = cv[i].start;
		if (cv[i].end > ls && cv[i].end < le)
			edges[ne++] = cv[i].end;
	}
	qsort(edges, ne, sizeof *edges, cmp_size);
	size_t nr = 0;
	for (size_t k = 0; k + 1 < ne && nr < cap; k++) {
		size_t a = edges[k], b = edges[k + 1];
		if (a == b)
			continue;
		int best = 0;
		uint16_t el = RV_EL_TEXT, attrs = 0;
		for (size_t i = 0; i < n; i++) {
			if (cv[i].start > a || cv[i].end < b)
				continue;
			attrs |= (uint16_t)el_attrs_always[cv[i].el];
			if (cv[i].prio > best) {
				best = cv[i].prio;
				el = cv[i].el;
			}
			if (cv[i].prio == PRIO_CURRENT)
				attrs |= RV_ATTR_BOLD;
		}
		runs[nr++] = (struct rv_run){b, el, attrs};
	}
	return nr;
}

static size_t link_at(const struct rv_reader_state *r, size_t ls, size_t le)
{
	for (size_t i = 0; i < r->nlinks; i++)
		if (r->links[i].start < le && r->links[i].end > ls)
			return i;
	return SIZE_MAX;
}

static void title(struct rv_app *app, struct rv_buf *out)
{
	struct rv_reader_state *r = &app->reader;
	rv_buf_adds(out, "Reader");
	if (r->art == SIZE_MAX)
		return;
	rv_wrap_until(&r->wrap, r->top + (size_t)text_rows(app));
	size_t first = r->top + 1, last = r->top + (size_t)text_rows(app);
	if (last > r->wrap.nlines)
		last = r->wrap.nlines;
	const struct rv_article *a = &app->c->articles[r->art];
	/* Zoomed, the status line's percentage says where: a header that
	 * changed at each line would cost bytes at each line scrolled. */
	if (app->zoom)
		;
	else if (r->wrap.origin == 0 && rv_wrap_complete(&r->wrap) && !a->partial)
		rv_buf_printf(out, " %s line %zu-%zu/%zu", rv_glyph(RV_GL_DOT), first, last, r->wrap.nlines);
	else if (r->wrap.origin == 0 && !r->tail)
		rv_buf_printf(out, " %s line %zu-%zu", rv_glyph(RV_GL_DOT), first, last);
	if (!app->zoom && (r->wrap.origin || r->tail || a->partial)) {
		/* lines not counted from the top: where the screen ends, in bytes
		 * (of the file while it is loading), as less shows it */
		size_t end = last ? r->wrap.line[last - 1].end : r->wrap.origin;
		if (rv_wrap_complete(&r->wrap) && last == r->wrap.nlines)
			end = r->wrap.n;
		size_t total = r->wrap.n;
		if (a->partial && a->file_bytes > total) {
			total = a->file_bytes;
			if (r->tail) /* the tail, counted from the file's end */
				end = end + total - r->wrap.n;
		}
		rv_buf_printf(out, " %s %zu%%", rv_glyph(RV_GL_DOT), total ? (size_t)((double)end * 100 / (double)total) : 100);
	}
	if (a->partial)
		rv_buf_printf(out, " %s loading the rest", rv_glyph(RV_GL_DOT));
	if (app->search && r->nmatch)
		rv_buf_printf(out, " %s %zu match%s", rv_glyph(RV_GL_DOT), r->nmatch, r->nmatch == 1 ? "" : "es");
	if (r->match_stopped)
		rv_buf_adds(out, " (search stopped)");
	if (!app->ix)
		rv_buf_printf(out, " %s highlights once indexed", rv_glyph(RV_GL_DOT));
}

/* Is the line [start, end) part of a starred quote? */
static bool starred_line(const struct rv_app *app, size_t start, size_t end)
{
	if (!app->ix)
		return false;
	const struct rv_analysis *an = &app->ix->an[app->reader.art];
	for (size_t i = 0; i < an->nquotes; i++) {
		const struct rv_quote *q = &an->quotes[i];
		if (q->kind == RV_QUOTE_SPEECH && q->start < end && q->end > start &&
		    rv_saved_quote_starred(app, app->reader.art, q->start, q->end))
			return true;
	}
	return false;
}

static void draw(struct rv_app *app, struct rv_surface *s, int y0, int h, int w)
{
	struct rv_reader_state *r = &app->reader;
	if (r->art == SIZE_MAX) {
		rv_draw_label(s, y0, 1, w - 1, "no article open", RV_EL_DIM, 0);
		return;
	}
	const struct rv_article *a = &app->c->articles[r->art];
	const char *t = *a->title ? a->title : a->id;
	rv_draw_text(s, y0, 1, w - 1, t, strlen(t), RV_EL_HEADER, 0);
	struct rv_buf meta = {0};
	char date[80];
	rv_config_date(app->opts.date_format, &a->date, date, sizeof date);
	rv_buf_printf(&meta, "%s %s %s %s ", *a->source ? a->source : "(no source)", rv_glyph(RV_GL_DOT),
		      *date ? date : "(no date)", rv_glyph(RV_GL_DOT));
	size_t notelen;
	const char *note = rv_saved_note(app, r->art, &notelen);
	if (note) { /* its first line; the sanitizer makes the rest safe */
		const char *nl = memchr(note, '\n', notelen);
		rv_buf_adds(&meta, "note: ");
		rv_buf_add(&meta, note, nl ? (size_t)(nl - note) : notelen);
		rv_buf_printf(&meta, "%s %s ", nl ? (rv_draw_utf8() ? "\xe2\x80\xa6" : "...") : "", rv_glyph(RV_GL_DOT));
	}
	rv_buf_adds(&meta, a->id);
	if (h > 1)
		rv_draw_text(s, y0 + 1, 1, w - 1, meta.p, meta.len, RV_EL_DIM, 0);
	rv_buf_free(&meta);
	int rows = h - HEADER_ROWS;
	rv_wrap_until(&r->wrap, r->top + (size_t)(rows > 0 ? rows : 0));
	struct rv_run runs[2 * MAX_COVER + 2];
	for (int k = 0; k < rows; k++) {
		size_t li = r->top + (size_t)k;
		if (li >= r->wrap.nlines) {
			if (li == r->wrap.nlines && rv_wrap_complete(&r->wrap) && !a->partial)
				rv_draw_label(s, y0 + HEADER_ROWS + k, 0, w, "~", RV_EL_DIM, 0);
			break;
		}
		struct rv_span ln = r->wrap.line[li];
		bool in_quote;
		size_t nr = line_runs(r, ln.start, ln.end > ln.start ? ln.end : ln.start + 1, runs, RV_ARRAY_LEN(runs),
				      &in_quote);
		int y = y0 + HEADER_ROWS + k;
		size_t lk = r->nlinks ? link_at(r, ln.start, ln.end) : SIZE_MAX;
		int used = 2;
		if (lk != SIZE_MAX) {
			char m[16];
			snprintf(m, sizeof m, "%s%u", rv_glyph(RV_GL_LINK), r->links[lk].nothers);
			used = rv_draw_label(s, y, 0, MARGIN - 1, m, RV_EL_LINK, lk == r->curlink ? RV_ATTR_REVERSE : 0);
		} else if (in_quote && ln.end > ln.start) {
			rv_draw_label(s, y, 1, 1, rv_glyph(RV_GL_QUOTE_BAR), RV_EL_QUOTE, 0);
		}
		if (used <= 2 && ln.end > ln.start && starred_line(app, ln.start, ln.end)) /* a starred quote */
			rv_draw_label(s, y, 2, 1, "*", RV_EL_MARKER, RV_ATTR_BOLD);
		rv_draw_line(s, y, MARGIN, w - MARGIN, r->wrap.s, ln.start, ln.end, runs, nr, 0);
	}
}

bool rv_reader_visible(struct rv_app *app, size_t *start, size_t *end)
{
	struct rv_reader_state *r = &app->reader;
	if (r->art == SIZE_MAX || r->tail)
		return false;
	size_t rows = (size_t)text_rows(app);
	rv_wrap_until(&r->wrap, r->top + rows);
	if (r->top >= r->wrap.nlines)
		return false;
	size_t last = r->top + rows < r->wrap.nlines ? r->top + rows - 1 : r->wrap.nlines - 1;
	*start = r->wrap.line[r->top].start;
	*end = r->wrap.line[last].end;
	return true;
}

/* --- moving ------------------------------------------------------------------ */

static void clamp_top(struct rv_app *app)
{
	struct rv_reader_state *r = &app->reader;
	size_t rows = (size_t)text_rows(app);
	rv_wrap_until(&r->wrap, r->top + rows);
	if (rv_wrap_complete(&r->wrap) && r->top + rows > r->wrap.nlines) {
		if (r->wrap.nlines < rows && r->wrap.origin) /* a window too short to fill the screen */
			r->top += rv_wrap_prepend(&r->wrap, rows - r->wrap.nlines);
		r->top = r->wrap.nlines > rows ? r->wrap.nlines - rows : 0;
	}
}

/* Up k lines, wrapping before the window's origin when needed. */
static void up(struct rv_reader_state *r, size_t k)
{
	if (r->top < k && r->wrap.origin)
		r->top += rv_wrap_prepend(&r->wrap, k - r->top);
	r->top = r->top > k ? r->top - k : 0;
}

/* G: a big body is wrapped from a restart point near its end. */
static void bottom(struct rv_app *app)
{
	struct rv_reader_state *r = &app->reader;
	const struct rv_article *a = &app->c->articles[r->art];
	if (!r->tail && a->body_len > BIG_BODY && !rv_wrap_complete(&r->wrap))
		wrap_at(app, a->body_len);
	rv_wrap_until(&r->wrap, SIZE_MAX - 1);
	r->top = r->wrap.nlines;
}

static bool action(struct rv_app *app, enum rv_action a, int h)
{
	(void)h;
	struct rv_reader_state *r = &app->reader;
	if (r->art == SIZE_MAX)
		return false;
	size_t rows = (size_t)text_rows(app);
	size_t page = rows > 2 ? rows - 1 : 1;
	if (a != RV_ACT_BOTTOM)
		r->want_end = false; /* a move since G: stay there once loaded */
	switch (a) {
	case RV_ACT_DOWN:
		r->top++;
		break;
	case RV_ACT_UP:
		up(r, 1);
		break;
	case RV_ACT_PAGE_DOWN:
		r->top += page;
		break;
	case RV_ACT_PAGE_UP:
		up(r, page);
		break;
	case RV_ACT_TOP:
		if (r->wrap.origin || r->tail)
			wrap_at(app, 0);
		r->top = 0;
		break;
	case RV_ACT_BOTTOM:
		if (app->c->articles[r->art].partial) { /* the end is not read yet: its last part */
			const struct rv_article *pa = &app->c->articles[r->art];
			if (pa->tail && pa->tail_len)
				tail_at(app, pa->tail_len);
			r->want_end = true; /* and the whole's end once it is loaded */
			if (!r->tail) {
				rv_app_message(app, false, "G: the end of the article once it is loaded");
				return true;
			}
		}
		bottom(app);
		break;
	default:
		return false;
	}
	clamp_top(app);
	return true;
}

static void show_offset(struct rv_app *app, size_t off)
{
	struct rv_reader_state *r = &app->reader;
	r->want_end = false;
	bool anew = far_off(app, off);
	if (anew)
		wrap_at(app, off);
	size_t line = rv_wrap_line_of(&r->wrap, off);
	size_t rows = (size_t)text_rows(app);
	if (anew || line < r->top || line >= r->top + rows) {
		size_t above = rows / 3;
		if (line < above && r->wrap.origin)
			line += rv_wrap_prepend(&r->wrap, above - line);
		r->top = line > above ? line - above : 0;
	}
	clamp_top(app);
}

static bool search(struct rv_app *app, int dir)
{
	struct rv_reader_state *r = &app->reader;
	if (!r->nmatch) {
		if (r->match_stopped)
			rv_app_message(app, true, "search stopped (time or memory limit): no match so far");
		return false;
	}
	size_t from = rv_reader_offset(app);
	size_t k;
	if (r->curmatch != SIZE_MAX) {
		k = dir > 0 ? (r->curmatch + 1) % r->nmatch : (r->curmatch + r->nmatch - 1) % r->nmatch;
	} else {
		k = 0;
		while (k < r->nmatch && r->match[k].start < from)
			k++;
		if (dir < 0)
			k = k ? k - 1 : r->nmatch - 1;
		else if (k == r->nmatch)
			k = 0;
	}
	r->curmatch = k;
	show_offset(app, r->match[k].start);
	rv_app_message(app, false, "match %zu/%zu%s", k + 1, r->nmatch, r->match_stopped ? " (search stopped)" : "");
	return true;
}

bool rv_reader_link_action(struct rv_app *app, enum rv_action a)
{
	struct rv_reader_state *r = &app->reader;
	if (!r->nlinks) {
		rv_app_message(app, false, "%s", app->ix ? "no shared quote or passage in this article"
							 : "links: the index is not ready yet");
		return false;
	}
	if (a == RV_ACT_FOLLOW_LINK) {
		size_t k = r->curlink != SIZE_MAX ? r->curlink : 0;
		const struct rv_ui_link *l = &r->links[k];
		if (l->nothers < 2 || !rv_chooser_open(app, r->art, l->start, l->end))
			rv_app_open(app, l->other, l->other_start, true);
		return true;
	}
	size_t from = rv_reader_offset(app), k;
	if (r->curlink != SIZE_MAX)
		k = a == RV_ACT_NEXT_LINK ? (r->curlink + 1) % r->nlinks : (r->curlink + r->nlinks - 1) % r->nlinks;
	else {
		k = 0;
		while (k < r->nlinks && r->links[k].start < from)
			k++;
		if (a == RV_ACT_PREV_LINK)
			k = k ? k - 1 : r->nlinks - 1;
		else if (k == r->nlinks)
			k = 0;
	}
	r->curlink = k;
	show_offset(app, r->links[k].start);
	app->dirty = RV_DIRTY_ALL;
	return true;
}

/* The link c, y and v act on: the one chosen with ] [, else the first from
 * the top of the view; SIZE_MAX when the article has none. */
static size_t current_link(const struct rv_app *app)
{
	const struct rv_reader_state *r = &app->reader;
	if (!r->nlinks)
		return SIZE_MAX;
	if (r->curlink != SIZE_MAX)
		return r->curlink;
	size_t from = rv_reader_offset(app), k;
	for (k = 0; k < r->nlinks && r->links[k].end <= from; k++)
		;
	return k == r->nlinks ? 0 : k;
}

/* c: the shared quote or passage against its version in the other article;
 * the other versions of its cluster are a ] away in the compare view. */
void rv_reader_compare(struct rv_app *app)
{
	struct rv_reader_state *r = &app->reader;
	size_t k = current_link(app);
	if (k == SIZE_MAX) {
		rv_app_message(app, false, "%s", app->ix ? "compare: no shared quote or passage in this article"
							 : "compare: the index is not ready yet");
		return;
	}
	const struct rv_ui_link *l = &r->links[k];
	struct rv_cmp_member *pool;
	size_t n = rv_compare_cluster_pool(app, rv_links_at(app->ix->links, r->art, l->start), &pool);
	size_t here = SIZE_MAX, there = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		if (here == SIZE_MAX && pool[i].art == r->art && pool[i].start == l->start)
			here = i;
		if (there == SIZE_MAX && pool[i].art == l->other && pool[i].start == l->other_start)
			there = i;
	}
	if (here == SIZE_MAX || there == SIZE_MAX || here == there) { /* not one cluster: the pair alone */
		free(pool);
		struct rv_cmp_member two[2] = {{(uint32_t)r->art, (uint32_t)l->start, (uint32_t)l->end, RV_NONE},
					       {l->other, (uint32_t)l->other_start, (uint32_t)l->other_end, RV_NONE}};
		rv_compare_open(app, two, 2, 0, 1, false);
		return;
	}
	rv_compare_open(app, pool, n, here, there, true);
	free(pool);
}

bool rv_reader_current_quote(const struct rv_app *app, size_t *start, size_t *end, uint32_t *quote)
{
	const struct rv_reader_state *r = &app->reader;
	if (!app->ix || r->art == SIZE_MAX)
		return false;
	const struct rv_analysis *an = &app->ix->an[r->art];
	size_t k = r->curlink != SIZE_MAX ? r->curlink : SIZE_MAX;
	size_t from = rv_reader_offset(app);
	for (size_t i = 0; i < an->nquotes; i++) {
		const struct rv_quote *q = &an->quotes[i];
		bool hit = k != SIZE_MAX ? q->start < r->links[k].end && q->end > r->links[k].start : q->end > from;
		if (hit && (k != SIZE_MAX || q->kind == RV_QUOTE_SPEECH)) {
			*start = q->start;
			*end = q->end;
			*quote = (uint32_t)i;
			return true;
		}
	}
	return false;
}

/* y: the current quote with its citation; else the current shared passage. */
void rv_reader_copy(struct rv_app *app)
{
	struct rv_reader_state *r = &app->reader;
	size_t s, e;
	uint32_t q;
	if (rv_reader_current_quote(app, &s, &e, &q)) {
		uint32_t sp = app->ix->an[r->art].quotes[q].speaker;
		rv_view_copy(app, r->art, s, e, sp != RV_NONE ? app->ix->entities[sp].name : NULL);
		return;
	}
	size_t k = current_link(app);
	if (k == SIZE_MAX) {
		rv_app_message(app, false, "%s", app->ix ? "y: no quote to copy here" : "y: the index is not ready yet");
		return;
	}
	rv_view_copy(app, r->art, r->links[k].start, r->links[k].end, NULL);
}

static void click(struct rv_app *app, int row, int h)
{
	(void)app;
	(void)row;
	(void)h;
}

static void resize(struct rv_app *app, int h, int w)
{
	(void)h;
	(void)w;
	struct rv_reader_state *r = &app->reader;
	if (r->art == SIZE_MAX || text_width(app) == r->width) {
		if (r->art != SIZE_MAX)
			clamp_top(app);
		return;
	}
	if (r->tail)
		tail_at(app, r->top < r->wrap.nlines ? r->wrap.line[r->top].start : r->wrap.done);
	else
		wrap_at(app, rv_reader_offset(app));
	clamp_top(app);
}

void rv_reader_reload(struct rv_app *app, size_t off)
{
	struct rv_reader_state *r = &app->reader;
	bool end = r->want_end && (off == SIZE_MAX || !r->tail); /* still in the tail: stay on its line */
	r->want_end = false;
	if (off == SIZE_MAX)
		off = 0;
	r->tail = false;
	wrap_at(app, off);
	build_hl(app);
	rv_reader_set_matches(app);
	if (end)
		bottom(app);
	clamp_top(app);
	app->dirty |= RV_DIRTY(RV_PANE_READER) | RV_DIRTY_TITLE;
}

const struct rv_pane_ops rv_pane_reader = {"reader", title, draw, action, click, search, resize};
