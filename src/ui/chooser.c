/* chooser.c — where `o` goes when a shared quote or passage of the reading
 * view is found in several other articles: a short list of them (title,
 * source, date, their version's text), j/k to pick, Enter or o to open the
 * article there (Backspace comes back), c to compare with the version
 * here, q or Esc to stay. With one other article, o goes there at once.
 */
#include "app.h"

#include "revue/link.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAD_ROWS 2

/* The other articles' versions of [s, e) in article art, one per article
 * (its first place there); returns the count (free *out). */
static size_t others(const struct rv_app *app, size_t art, size_t s, size_t e, struct rv_cmp_member **out)
{
	struct rv_article_link *al;
	size_t n = rv_links_of_article(app->ix->links, art, &al), m = 0;
	struct rv_cmp_member *v = rv_xmalloc((n ? n : 1) * sizeof *v);
	for (size_t i = 0; i < n; i++) {
		if (al[i].here_start != s || al[i].here_end != e)
			continue;
		bool seen = false;
		for (size_t j = 0; j < m && !seen; j++)
			seen = v[j].art == al[i].other;
		if (!seen)
			v[m++] = (struct rv_cmp_member){al[i].other, al[i].there_start, al[i].there_end, RV_NONE};
	}
	free(al);
	*out = v;
	return m;
}

bool rv_chooser_open(struct rv_app *app, size_t art, size_t s, size_t e)
{
	struct rv_cmp_member *v;
	size_t n = others(app, art, s, e, &v);
	if (n < 2) {
		free(v);
		return false;
	}
	struct rv_chooser_state *c = &app->ch;
	free(c->rows);
	c->rows = v;
	c->c = (struct rv_cursor){0, 0, n};
	c->here = (struct rv_cmp_member){(uint32_t)art, (uint32_t)s, (uint32_t)e, RV_NONE};
	rv_view_push(app, &rv_view_chooser);
	return true;
}

static void paint(struct rv_app *app, struct rv_surface *s)
{
	struct rv_chooser_state *c = &app->ch;
	rv_surface_clear(s);
	int w = app->cols, h = app->rows - 2 - HEAD_ROWS;
	if (h < 1)
		h = 1;
	rv_cursor_fit(&c->c, h);
	const char *dot = rv_glyph(RV_GL_DOT);
	struct rv_buf b = {0};
	rv_buf_printf(&b, "Follow the link %s %zu other articles share this %s Enter or o opens %s c compares %s q stays", dot,
		      c->c.n, dot, dot, dot);
	rv_draw_fill(s, 0, 0, RV_EL_PANE_FOCUS, 0);
	rv_draw_text(s, 0, 1, w - 1, b.p, b.len, RV_EL_PANE_FOCUS, 0);
	const struct rv_article *ha = &app->c->articles[c->here.art];
	size_t hn = c->here.end - c->here.start;
	rv_draw_text(s, 1, 1, w - 2, ha->body + c->here.start, hn > 4096 ? 4096 : hn, RV_EL_QUOTE, 0);
	for (int r = 0; r < h; r++) {
		size_t i = c->c.top + (size_t)r;
		if (i >= c->c.n)
			break;
		const struct rv_cmp_member *m = &c->rows[i];
		const struct rv_article *a = &app->c->articles[m->art];
		int y = HEAD_ROWS + r;
		bool sel = i == c->c.cur;
		enum rv_element base = sel ? RV_EL_SELECTED : RV_EL_TEXT;
		if (sel)
			rv_draw_fill(s, y, 0, base, 0);
		char date[16];
		rv_date_format(&a->date, date);
		rv_draw_label(s, y, 1, 10, *date ? date : "(no date)", sel ? base : RV_EL_DATE, 0);
		const char *src = *a->source ? a->source : "(no source)";
		rv_draw_text(s, y, 12, 16, src, strlen(src), sel ? base : RV_EL_DIM, 0);
		const char *t = *a->title ? a->title : a->id;
		int tw = w >= 100 ? 36 : 20;
		rv_draw_text(s, y, 29, tw, t, strlen(t), sel ? base : RV_EL_HEADER, 0);
		size_t n = m->end - m->start;
		rv_draw_text(s, y, 30 + tw, w - 30 - tw, a->body + m->start, n > 4096 ? 4096 : n, sel ? base : RV_EL_QUOTE, 0);
	}
	rv_buf_free(&b);
	rv_surface_done(s);
}

static void key(struct rv_app *app, enum rv_action a, int k)
{
	(void)k;
	struct rv_chooser_state *c = &app->ch;
	int h = app->rows - 2 - HEAD_ROWS;
	if (rv_cursor_action(&c->c, a, h > 0 ? h : 1)) {
		app->dirty = RV_DIRTY_ALL;
		return;
	}
	const struct rv_cmp_member *m = c->c.n ? &c->rows[c->c.cur] : NULL;
	switch (a) {
	case RV_ACT_OPEN:
	case RV_ACT_FOLLOW_LINK:
		if (m)
			rv_view_open_article(app, m->art, m->start);
		break;
	case RV_ACT_COMPARE:
		if (m) {
			struct rv_cmp_member two[2] = {c->here, *m};
			rv_view_pop(app);
			rv_compare_open(app, two, 2, 0, 1, false);
		}
		break;
	case RV_ACT_CLOSE:
	case RV_ACT_CLEAR:
	case RV_ACT_BACK:
		rv_view_pop(app);
		break;
	default:
		rv_app_message(app, false, "follow: j/k pick, Enter opens, c compares, q stays");
		break;
	}
	app->dirty = RV_DIRTY_ALL;
}

static void close_view(struct rv_app *app)
{
	struct rv_chooser_state *c = &app->ch;
	free(c->rows);
	c->rows = NULL;
	c->c = (struct rv_cursor){0, 0, 0};
}

const struct rv_view_ops rv_view_chooser = {"follow", paint, key, NULL, close_view};
