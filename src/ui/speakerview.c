/* speakerview.c — the speaker view (v): every quote of one person across
 * the corpus, grouped by cluster: the quickest way to see how the outlets
 * reported that person.
 *
 * Groups: each cluster the person's quotes belong to (most articles
 * first), then the quotes no other article repeats. A group opens with a
 * header row; each quote row gives the article's date and source and the
 * quote. Space picks a quote (two at most) and c compares the two picked,
 * linked or not (the word diff needs no link); with fewer picked, c
 * compares the quote under the cursor with the other versions of its
 * cluster. Enter opens the article at the quote, y copies it with its
 * citation, / searches the quotes.
 */
#include "app.h"

#include "revue/link.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAD_ROWS 1

static const struct rv_app *sort_app;
static const uint32_t *group_size; /* per cluster: the person's quotes in it */

static int cmp_date(const struct rv_date *a, const struct rv_date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	return a->day < b->day ? -1 : a->day > b->day;
}

static uint32_t cluster_size(const struct rv_app *app, uint32_t cl)
{
	size_t n = 0;
	if (app->ix->links && cl < app->ix->links->nclusters)
		rv_links_members(app->ix->links, cl, &n);
	return (uint32_t)n;
}

static uint32_t cluster_of(const struct rv_app *app, uint32_t art, uint32_t q)
{
	return app->ix->an[art].quotes[q].cluster;
}

/* Clusters with most quotes first (the lone quotes last), then by date,
 * article and place. */
static int cmp_quote(const void *x, const void *y)
{
	const struct rv_timeline_ref *a = x, *b = y;
	uint32_t ca = cluster_of(sort_app, a->article, a->entry), cb = cluster_of(sort_app, b->article, b->entry);
	if (ca != cb) {
		if (ca == RV_NONE || cb == RV_NONE)
			return ca == RV_NONE ? 1 : -1;
		if (group_size[ca] != group_size[cb])
			return group_size[ca] > group_size[cb] ? -1 : 1;
		return ca < cb ? -1 : 1;
	}
	const struct rv_article *aa = &sort_app->c->articles[a->article], *ab = &sort_app->c->articles[b->article];
	int d = cmp_date(&aa->date, &ab->date);
	if (d)
		return d;
	if (a->article != b->article)
		return a->article < b->article ? -1 : 1;
	return a->entry < b->entry ? -1 : a->entry > b->entry;
}

bool rv_speakerview_open(struct rv_app *app, uint32_t ent)
{
	if (!app->ix) {
		rv_app_message(app, false, "speaker: the index is not ready yet");
		return false;
	}
	struct rv_timeline_ref *q;
	size_t n = rv_index_speaker_quotes(app->ix, ent, &q);
	if (!n) {
		free(q);
		rv_app_message(app, false, "speaker: no quote of %s in the corpus", app->ix->entities[ent].name);
		return false;
	}
	size_t ncl = app->ix->links ? app->ix->links->nclusters : 0;
	uint32_t *size = rv_xcalloc(ncl ? ncl : 1, sizeof *size);
	for (size_t i = 0; i < n; i++) {
		uint32_t cl = cluster_of(app, q[i].article, q[i].entry);
		if (cl != RV_NONE && cl < ncl)
			size[cl]++;
	}
	sort_app = app;
	group_size = size;
	qsort(q, n, sizeof *q, cmp_quote);
	struct rv_speakerview_state *v = &app->sv;
	free(v->rows);
	v->rows = rv_xmalloc(2 * n * sizeof *v->rows);
	size_t r = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t cl = cluster_of(app, q[i].article, q[i].entry);
		if (i == 0 || cl != cluster_of(app, q[i - 1].article, q[i - 1].entry))
			v->rows[r++] = (struct rv_speaker_row){0, RV_NONE, cl, cl != RV_NONE && cl < ncl ? size[cl] : 0};
		v->rows[r++] = (struct rv_speaker_row){q[i].article, q[i].entry, cl, 0};
	}
	/* the lone quotes' header counts them */
	for (size_t i = 0; i < r; i++)
		if (v->rows[i].quote == RV_NONE && v->rows[i].cluster == RV_NONE)
			v->rows[i].members = (uint32_t)(r - i - 1);
	free(size);
	free(q);
	v->entity = ent;
	v->c = (struct rv_cursor){1, 0, r};
	v->picked[0] = v->picked[1] = SIZE_MAX;
	rv_view_push(app, &rv_view_speaker);
	return true;
}

void rv_speakerview_from_panes(struct rv_app *app)
{
	if (!app->ix) {
		rv_app_message(app, false, "speaker: the index is not ready yet");
		return;
	}
	if (app->focus == RV_PANE_ENTITIES) {
		uint32_t e = rv_entities_current(app);
		if (e == RV_NONE || app->ix->entities[e].type != RV_ET_PERSON)
			rv_app_message(app, false, "v: pick a person in the sidebar (or a quote with a speaker in the reader)");
		else
			rv_speakerview_open(app, e);
		return;
	}
	size_t s, e;
	uint32_t q;
	if (app->reader.art == SIZE_MAX || !rv_reader_current_quote(app, &s, &e, &q)) {
		rv_app_message(app, false, "v: no quote here (] picks a shared one; or v on a person in the sidebar)");
		return;
	}
	uint32_t sp = app->ix->an[app->reader.art].quotes[q].speaker;
	if (sp == RV_NONE)
		rv_app_message(app, false, "v: this quote has no known speaker");
	else
		rv_speakerview_open(app, sp);
}

static const struct rv_quote *quote_of(const struct rv_app *app, const struct rv_speaker_row *row)
{
	return &app->ix->an[row->art].quotes[row->quote];
}

static void paint(struct rv_app *app, struct rv_surface *s)
{
	struct rv_speakerview_state *v = &app->sv;
	rv_surface_clear(s);
	int w = app->cols, h = app->rows - 2 - HEAD_ROWS;
	if (h < 1)
		h = 1;
	rv_cursor_fit(&v->c, h);
	size_t nq = 0, npick = 0;
	for (size_t i = 0; i < v->c.n; i++)
		nq += v->rows[i].quote != RV_NONE;
	npick = (v->picked[0] != SIZE_MAX) + (v->picked[1] != SIZE_MAX);
	const char *dot = rv_glyph(RV_GL_DOT);
	struct rv_buf b = {0};
	rv_buf_printf(&b, "Speaker %s %s %s %zu quote%s %s %zu picked (Space, two at most) %s c compares %s Enter opens %s y copies "
			  "%s q closes",
		      dot, app->ix->entities[v->entity].name, dot, nq, nq == 1 ? "" : "s", dot, npick, dot, dot, dot, dot);
	rv_draw_fill(s, 0, 0, RV_EL_PANE_FOCUS, 0);
	rv_draw_text(s, 0, 1, w - 1, b.p, b.len, RV_EL_PANE_FOCUS, 0);
	for (int r = 0; r < h; r++) {
		size_t i = v->c.top + (size_t)r;
		if (i >= v->c.n)
			break;
		const struct rv_speaker_row *row = &v->rows[i];
		int y = HEAD_ROWS + r;
		bool sel = i == v->c.cur;
		enum rv_element base = sel ? RV_EL_SELECTED : RV_EL_TEXT;
		if (sel)
			rv_draw_fill(s, y, 0, base, 0);
		b.len = 0;
		if (row->quote == RV_NONE) {
			if (row->cluster == RV_NONE)
				rv_buf_printf(&b, "said once: %u quote%s no other article repeats", row->members,
					      row->members == 1 ? "" : "s");
			else
				rv_buf_printf(&b, "%s one quote, %u version%s by this speaker (%u in the corpus)", rv_glyph(RV_GL_LINK),
					      row->members, row->members == 1 ? "" : "s", cluster_size(app, row->cluster));
			rv_draw_text(s, y, 1, w - 1, b.p, b.len, sel ? base : RV_EL_HEADER, 0);
			continue;
		}
		const struct rv_article *a = &app->c->articles[row->art];
		const char *mark = i == v->picked[0] ? "1" : i == v->picked[1] ? "2" : " ";
		rv_draw_label(s, y, 1, 1, mark, sel ? base : RV_EL_MARKER, RV_ATTR_BOLD);
		char date[32];
		rv_date_format(&a->date, date);
		rv_draw_label(s, y, 3, 10, *date ? date : "(no date)", sel ? base : RV_EL_DATE, 0);
		/* narrow: no room for the title, which stands in for a missing source */
		const char *src = *a->source ? a->source : w < 100 && *a->title ? a->title : "(no source)";
		rv_draw_text(s, y, 14, 16, src, strlen(src), sel ? base : RV_EL_DIM, 0);
		int x = 31;
		if (w >= 100) { /* which article: its title (sources are often missing) */
			const char *t = *a->title ? a->title : a->id;
			rv_draw_text(s, y, x, 26, t, strlen(t), sel ? base : RV_EL_HEADER, 0);
			x += 27;
		}
		const struct rv_quote *q = quote_of(app, row);
		size_t qn = q->end - q->start;
		rv_draw_text(s, y, x, w - x, a->body + q->start, qn > 4096 ? 4096 : qn, sel ? base : RV_EL_QUOTE, 0);
	}
	rv_buf_free(&b);
	rv_surface_done(s);
}

/* Space: picks or unpicks the quote under the cursor. */
static void pick(struct rv_app *app)
{
	struct rv_speakerview_state *v = &app->sv;
	size_t i = v->c.cur;
	if (i >= v->c.n || v->rows[i].quote == RV_NONE)
		return;
	if (v->picked[0] == i || v->picked[1] == i) {
		if (v->picked[0] == i)
			v->picked[0] = v->picked[1];
		v->picked[1] = SIZE_MAX;
		rv_app_message(app, false, "unpicked");
	} else if (v->picked[0] == SIZE_MAX) {
		v->picked[0] = i;
		rv_app_message(app, false, "picked 1: pick another with Space, then c compares them");
	} else if (v->picked[1] == SIZE_MAX) {
		v->picked[1] = i;
		rv_app_message(app, false, "picked 2: c compares the two");
	} else {
		rv_app_message(app, false, "two picked already: c compares them, Space on one unpicks it");
		return;
	}
	if (v->c.cur + 1 < v->c.n) /* on to the next, as mutt's tag does */
		v->c.cur++;
}

static struct rv_cmp_member as_member(const struct rv_app *app, const struct rv_speaker_row *row)
{
	const struct rv_quote *q = quote_of(app, row);
	return (struct rv_cmp_member){row->art, q->start, q->end, row->quote};
}

static void compare(struct rv_app *app)
{
	struct rv_speakerview_state *v = &app->sv;
	if (v->picked[0] != SIZE_MAX && v->picked[1] != SIZE_MAX) {
		struct rv_cmp_member two[2] = {as_member(app, &v->rows[v->picked[0]]), as_member(app, &v->rows[v->picked[1]])};
		rv_compare_open(app, two, 2, 0, 1, false);
		return;
	}
	const struct rv_speaker_row *row = &v->rows[v->c.cur];
	if (row->quote == RV_NONE || row->cluster == RV_NONE) {
		rv_app_message(app, false, "c: pick two quotes with Space (or stand on a repeated one)");
		return;
	}
	struct rv_cmp_member *pool;
	size_t n = rv_compare_cluster_pool(app, row->cluster, &pool);
	size_t here = 0;
	for (size_t i = 0; i < n; i++)
		if (pool[i].art == row->art && pool[i].quote == row->quote) {
			here = i;
			break;
		}
	rv_compare_open(app, pool, n, here, here ? 0 : 1, true);
	free(pool);
}

static void key(struct rv_app *app, enum rv_action a, int k)
{
	struct rv_speakerview_state *v = &app->sv;
	int h = app->rows - 2 - HEAD_ROWS;
	if (k == rv_key_code("Space", 5)) { /* Space picks here; PgDn still pages */
		pick(app);
		app->dirty = RV_DIRTY_ALL;
		return;
	}
	size_t before = v->c.cur;
	if (rv_cursor_action(&v->c, a, h > 0 ? h : 1)) {
		/* over the group headers, in the direction of the move */
		bool up = v->c.cur < before;
		while (v->c.n && v->rows[v->c.cur].quote == RV_NONE) {
			if (up && v->c.cur > 0)
				v->c.cur--;
			else if (v->c.cur + 1 < v->c.n)
				v->c.cur++;
			else
				break;
			up = up && v->c.cur > 0;
		}
		app->dirty = RV_DIRTY_ALL;
		return;
	}
	const struct rv_speaker_row *row = v->c.n ? &v->rows[v->c.cur] : NULL;
	switch (a) {
	case RV_ACT_OPEN:
	case RV_ACT_FOLLOW_LINK:
		if (row && row->quote != RV_NONE)
			rv_view_open_article(app, row->art, quote_of(app, row)->start);
		break;
	case RV_ACT_COMPARE:
		compare(app);
		break;
	case RV_ACT_LINKS:
		rv_linksview_open(app);
		break;
	case RV_ACT_COPY:
		if (row && row->quote != RV_NONE) {
			const struct rv_quote *q = quote_of(app, row);
			rv_view_copy(app, row->art, q->start, q->end, app->ix->entities[v->entity].name);
		}
		break;
	case RV_ACT_CLOSE:
	case RV_ACT_CLEAR:
	case RV_ACT_SPEAKER:
		rv_view_pop(app);
		break;
	default:
		rv_app_message(app, false, "speaker: j/k move, Space picks, c compares, Enter opens, y copies, q closes");
		break;
	}
	app->dirty = RV_DIRTY_ALL;
}

static bool search(struct rv_app *app, int dir)
{
	struct rv_speakerview_state *v = &app->sv;
	if (!app->search || !v->c.n)
		return false;
	for (size_t k = 1; k <= v->c.n; k++) {
		size_t i = dir > 0 ? (v->c.cur + k) % v->c.n : (v->c.cur + v->c.n - k % v->c.n) % v->c.n;
		const struct rv_speaker_row *row = &v->rows[i];
		if (row->quote == RV_NONE)
			continue;
		const struct rv_quote *q = quote_of(app, row);
		const struct rv_article *a = &app->c->articles[row->art];
		if (rv_search_string(app->search, a->body + q->start, q->end - q->start) ||
		    rv_search_string(app->search, a->source, strlen(a->source))) {
			v->c.cur = i;
			return true;
		}
	}
	return false;
}

static void close_view(struct rv_app *app)
{
	struct rv_speakerview_state *v = &app->sv;
	free(v->rows);
	v->rows = NULL;
	v->c = (struct rv_cursor){0, 0, 0};
}

const struct rv_view_ops rv_view_speaker = {"speaker", paint, key, search, close_view};
