/* compare.c — two versions of a shared quote or passage side by side.
 *
 * Opened with `c` on a shared quote or passage of the reading view: the
 * span here on the left, its counterpart in the other article on the right,
 * each wrapped in its column, with the word diff of core/diff.c marked in
 * both — words only on the left as removed, words only on the right as
 * added, changed runs on both sides — in styles that read without colour
 * (underline, reverse, bold). The columns scroll together. A summary line
 * gives the share of words in common, the runs changed, removed and added,
 * and warns when the two are attributed to different speakers. The view
 * draws through draw.c like every pane; it never parses text: the diff and
 * the spans come from core.
 */
#include "app.h"

#include "revue/diff.h"
#include "revue/index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAD_ROWS 5 /* bar, titles, speakers, summary, rule */

/* The speaker of the quotation holding [s, e) in article art, or NULL. */
static const char *speaker_of(const struct rv_app *app, size_t art, size_t s, size_t e)
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

static void side_runs(struct rv_compare_state *c, int side)
{
	free(c->runs[side]);
	c->runs[side] = rv_xmalloc((c->d.n ? c->d.n : 1) * sizeof *c->runs[side]);
	c->nruns[side] = 0;
	for (size_t i = 0; i < c->d.n; i++) {
		const struct rv_diff_run *r = &c->d.runs[i];
		size_t end = side ? r->b_end : r->a_end, base = side ? c->d.b_start : c->d.a_start;
		uint16_t el = RV_EL_TEXT;
		if (r->op == RV_DIFF_CHANGE)
			el = RV_EL_CHANGED;
		else if (r->op == RV_DIFF_DELETE && !side)
			el = RV_EL_REMOVED;
		else if (r->op == RV_DIFF_INSERT && side)
			el = RV_EL_ADDED;
		c->runs[side][c->nruns[side]++] = (struct rv_run){end - base, el, 0};
	}
}

static void rewrap(struct rv_app *app, int width)
{
	struct rv_compare_state *c = &app->cmp;
	for (int k = 0; k < 2; k++) {
		const struct rv_article *a = &app->c->articles[c->art[k]];
		size_t s = k ? c->d.b_start : c->d.a_start, e = k ? c->d.b_end : c->d.a_end;
		rv_wrap_free(&c->wrap[k]);
		rv_wrap_init(&c->wrap[k], a->body + s, e - s, width, rv_draw_sanflags());
		rv_wrap_until(&c->wrap[k], SIZE_MAX);
	}
	c->width = width;
}

bool rv_compare_open(struct rv_app *app, size_t art_a, size_t a_s, size_t a_e, size_t art_b, size_t b_s, size_t b_e)
{
	struct rv_compare_state *c = &app->cmp;
	rv_compare_close(app);
	const struct rv_article *a = &app->c->articles[art_a], *b = &app->c->articles[art_b];
	if (rv_diff_spans(a->body, a->body_len, a_s, a_e, b->body, b->body_len, b_s, b_e, &c->d) < 0) {
		rv_app_message(app, true, "compare: the two spans cannot be compared");
		return false;
	}
	c->art[0] = art_a;
	c->art[1] = art_b;
	c->who[0] = speaker_of(app, art_a, c->d.a_start, c->d.a_end);
	c->who[1] = speaker_of(app, art_b, c->d.b_start, c->d.b_end);
	side_runs(c, 0);
	side_runs(c, 1);
	c->top = 0;
	c->width = 0;
	c->open = true;
	app->dirty = RV_DIRTY_ALL;
	return true;
}

void rv_compare_close(struct rv_app *app)
{
	struct rv_compare_state *c = &app->cmp;
	if (!c->open && !c->runs[0])
		return;
	rv_diff_free(&c->d);
	for (int k = 0; k < 2; k++) {
		rv_wrap_free(&c->wrap[k]);
		free(c->runs[k]);
		c->runs[k] = NULL;
	}
	memset(c, 0, sizeof *c);
	app->dirty = RV_DIRTY_ALL;
}

static void header(struct rv_app *app, struct rv_surface *s, int x, int w, int side)
{
	const struct rv_compare_state *c = &app->cmp;
	const struct rv_article *a = &app->c->articles[c->art[side]];
	char date[80];
	rv_config_date(app->opts.date_format, &a->date, date, sizeof date);
	int used = rv_draw_text(s, 1, x, w, a->title, strlen(a->title), RV_EL_HEADER, 0);
	char meta[160];
	snprintf(meta, sizeof meta, " · %s · %s", *a->source ? a->source : "(no source)", *date ? date : "(no date)");
	if (used < w)
		rv_draw_text(s, 1, x + used, w - used, meta, strlen(meta), RV_EL_DIM, 0);
	const char *who = c->who[side];
	char line[200];
	snprintf(line, sizeof line, "said by %s", who ? who : "(no speaker)");
	rv_draw_text(s, 2, x, w, line, strlen(line), who ? RV_EL_PERSON : RV_EL_DIM, 0);
}

void rv_compare_paint(struct rv_app *app, struct rv_surface *s)
{
	struct rv_compare_state *c = &app->cmp;
	rv_surface_clear(s);
	int h = app->rows - 2, colw = (app->cols - 3) / 2;
	if (colw < 8) {
		rv_draw_label(s, 0, 0, app->cols, "compare: the terminal is too narrow", RV_EL_NOTICE, 0);
		rv_surface_done(s);
		return;
	}
	if (c->width != colw)
		rewrap(app, colw);
	rv_draw_fill(s, 0, 0, RV_EL_PANE_FOCUS, 0);
	rv_draw_label(s, 0, 1, app->cols - 1,
		      "Compare · removed underlined, added reversed, changed bold · j/k scroll · o opens the right · q closes",
		      RV_EL_PANE_FOCUS, 0);
	header(app, s, 1, colw, 0);
	header(app, s, colw + 2, colw, 1);
	const char *wa = c->who[0], *wb = c->who[1];
	char sum[256];
	snprintf(sum, sizeof sum, "%.0f%% of words in common · %zu changed (%zu inflection only) · %zu removed · %zu added%s%s",
		 c->d.share * 100.0, c->d.changed, c->d.minor, c->d.removed, c->d.added,
		 c->d.coarse ? " · a coarse diff (long texts)" : "",
		 wa && wb && strcmp(wa, wb) != 0 ? " · attributed to different speakers!" : "");
	rv_draw_label(s, 3, 1, app->cols - 2, sum, wa && wb && strcmp(wa, wb) ? RV_EL_NOTICE : RV_EL_TEXT, 0);
	size_t lines = c->wrap[0].nlines > c->wrap[1].nlines ? c->wrap[0].nlines : c->wrap[1].nlines;
	int body = h - HEAD_ROWS;
	if (body < 1)
		body = 1;
	if (c->top + (size_t)body > lines)
		c->top = lines > (size_t)body ? lines - (size_t)body : 0;
	for (int y = 0; y < body; y++) {
		size_t ln = c->top + (size_t)y;
		rv_draw_label(s, HEAD_ROWS + y, colw + 1, 1, rv_glyph(RV_GL_VLINE), RV_EL_BORDER, 0);
		for (int k = 0; k < 2; k++) {
			if (ln >= c->wrap[k].nlines)
				continue;
			const struct rv_span *sp = &c->wrap[k].line[ln];
			rv_draw_line(s, HEAD_ROWS + y, k ? colw + 2 : 1, colw, c->wrap[k].s, sp->start, sp->end, c->runs[k],
				     c->nruns[k], 0);
		}
	}
	rv_surface_done(s);
}

void rv_compare_key(struct rv_app *app, enum rv_action a)
{
	struct rv_compare_state *c = &app->cmp;
	int page = app->rows - 2 - HEAD_ROWS > 1 ? app->rows - 2 - HEAD_ROWS - 1 : 1;
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
	case RV_ACT_FOLLOW_LINK: {
		size_t art = c->art[1], off = c->d.b_start;
		rv_compare_close(app);
		rv_app_open(app, art, off, true);
		break;
	}
	case RV_ACT_QUIT:
		app->quit = true;
		break;
	case RV_ACT_CLOSE:
	case RV_ACT_CLEAR:
	case RV_ACT_COMPARE:
		rv_compare_close(app);
		break;
	default:
		rv_app_message(app, false, "compare: j/k scroll, o opens the right-hand article, q closes");
		break;
	}
	app->dirty = RV_DIRTY_ALL;
}
