/* entities.c — the sidebar: the open article's entities by type.
 *
 * Each row: how often this article names the entity, its name, and how
 * many articles of the corpus name it. Enter narrows the article list to
 * the articles naming it (a second Enter on another narrows further; Esc
 * clears) and moves the reader to its next mention here.
 */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const group_names[RV_ET_COUNT] = {"People", "Organisations", "Products", "Places", "Money",
						     "Percentages"};

static const struct rv_index *sort_ix;

static int cmp_ent(const void *x, const void *y)
{
	const struct rv_entity_count *a = x, *b = y;
	const struct rv_entity *ea = &sort_ix->entities[a->entity], *eb = &sort_ix->entities[b->entity];
	if (ea->type != eb->type)
		return ea->type < eb->type ? -1 : 1;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(ea->name, eb->name);
}

void rv_entities_free(struct rv_entities_state *e)
{
	free(e->ents);
	free(e->row_kind);
	memset(e, 0, sizeof *e);
	e->art = SIZE_MAX;
}

void rv_entities_sync(struct rv_app *app)
{
	struct rv_entities_state *e = &app->ents;
	if (!app->ix || e->art == app->reader.art)
		return;
	free(e->ents);
	free(e->row_kind);
	e->ents = NULL;
	e->row_kind = NULL;
	e->nents = 0;
	e->art = app->reader.art;
	e->c = (struct rv_cursor){0, 0, 0};
	e->mention_next = 0;
	if (e->art == SIZE_MAX)
		return;
	e->nents = rv_index_article_entities(app->ix, e->art, &e->ents);
	sort_ix = app->ix;
	if (e->nents)
		qsort(e->ents, e->nents, sizeof *e->ents, cmp_ent);
	e->row_kind = rv_xmalloc((2 * e->nents + 1) * sizeof *e->row_kind);
	size_t n = 0;
	int last = -1;
	for (size_t i = 0; i < e->nents; i++) {
		int t = (int)app->ix->entities[e->ents[i].entity].type;
		if (t != last)
			e->row_kind[n++] = -1 - t;
		last = t;
		e->row_kind[n++] = (int)i;
	}
	e->c.n = n;
	if (n > 1)
		e->c.cur = 1; /* the first entity, not its group's header */
}

static void title(struct rv_app *app, struct rv_buf *out)
{
	rv_buf_adds(out, "Entities");
	if (app->ix)
		rv_buf_printf(out, " %s %zu here", rv_glyph(RV_GL_DOT), app->ents.nents);
}

static void draw(struct rv_app *app, struct rv_surface *s, int y0, int h, int w)
{
	const struct rv_entities_state *e = &app->ents;
	if (!app->ix) {
		rv_draw_label(s, y0, 1, w - 1, "waiting for the index", RV_EL_DIM, 0);
		return;
	}
	if (!e->c.n) {
		rv_draw_label(s, y0, 1, w - 1, "no entity in this article", RV_EL_DIM, 0);
		return;
	}
	for (int r = 0; r < h; r++) {
		size_t i = e->c.top + (size_t)r;
		if (i >= e->c.n)
			break;
		int y = y0 + r;
		int k = e->row_kind[i];
		bool sel = i == e->c.cur;
		unsigned dim = sel && app->focus != RV_PANE_ENTITIES ? RV_ATTR_DIM : 0;
		if (k < 0) {
			rv_draw_label(s, y, 0, w, group_names[-1 - k], RV_EL_HEADER, 0);
			continue;
		}
		const struct rv_entity_count *ec = &e->ents[k];
		const struct rv_entity *en = &app->ix->entities[ec->entity];
		bool filtering = false;
		for (size_t f = 0; f < app->list.nentity; f++)
			filtering |= app->list.entity[f] == ec->entity;
		enum rv_element el = sel ? RV_EL_SELECTED : RV_EL_TEXT;
		if (sel)
			rv_draw_fill(s, y, 0, el, dim);
		char left[16], right[32];
		snprintf(left, sizeof left, "%3u", ec->count);
		snprintf(right, sizeof right, "%zu article%s", en->narticles, en->narticles == 1 ? "" : "s");
		rv_draw_label(s, y, 0, 3, left, sel ? el : RV_EL_DIM, dim);
		rv_draw_label(s, y, 3, 1, filtering ? rv_glyph(RV_GL_CURRENT) : " ", sel ? el : RV_EL_MARKER, dim);
		int rw = (int)strlen(right);
		int nw = w - 4 - rw - 1;
		if (nw < 6) { /* too narrow for both: the name wins */
			nw = w - 4;
			rw = 0;
		}
		rv_draw_text(s, y, 4, nw, en->name, strlen(en->name),
			     sel ? el : (enum rv_element)(RV_EL_PERSON + (int)en->type), dim);
		if (rw)
			rv_draw_label(s, y, w - rw, rw, right, sel ? el : RV_EL_DIM, dim);
	}
}

uint32_t rv_entities_current(const struct rv_app *app)
{
	const struct rv_entities_state *e = &app->ents;
	if (!e->c.n || e->row_kind[e->c.cur] < 0)
		return RV_NONE;
	return e->ents[e->row_kind[e->c.cur]].entity;
}

/* The reader moves to the next mention of entity `ent` in the open article. */
static void next_mention(struct rv_app *app, uint32_t ent)
{
	const struct rv_analysis *an = &app->ix->an[app->ents.art];
	size_t found = 0, first = SIZE_MAX, pick = SIZE_MAX;
	for (size_t i = 0; i < an->nnames; i++) {
		if (an->names[i].entity != ent)
			continue;
		if (first == SIZE_MAX)
			first = i;
		if (found++ == app->ents.mention_next)
			pick = i;
	}
	if (first == SIZE_MAX)
		return;
	if (pick == SIZE_MAX) {
		pick = first;
		app->ents.mention_next = 0;
	}
	size_t nth = app->ents.mention_next + 1;
	app->ents.mention_next = nth;
	rv_reader_open(app, app->ents.art, an->names[pick].start);
	rv_app_message(app, false, "%s: mention %zu/%zu here; the list shows the articles naming it",
		       app->ix->entities[ent].name, nth, found);
}

static bool action(struct rv_app *app, enum rv_action a, int h)
{
	struct rv_entities_state *e = &app->ents;
	size_t before = e->c.cur;
	if (rv_cursor_action(&e->c, a, h)) {
		if (e->c.n && e->row_kind[e->c.cur] < 0) { /* skip the group headers */
			bool up = e->c.cur < before || a == RV_ACT_TOP;
			if (a == RV_ACT_TOP || (up && e->c.cur == 0))
				e->c.cur = e->c.cur + 1 < e->c.n ? e->c.cur + 1 : e->c.cur;
			else if (up)
				e->c.cur--;
			else if (e->c.cur + 1 < e->c.n)
				e->c.cur++;
			rv_cursor_fit(&e->c, h);
		}
		if (e->c.cur != before)
			e->mention_next = 0;
		return true;
	}
	if (a != RV_ACT_OPEN || !app->ix)
		return false;
	uint32_t ent = rv_entities_current(app);
	if (ent == RV_NONE)
		return false;
	struct rv_list_state *l = &app->list;
	bool have = false;
	for (size_t f = 0; f < l->nentity; f++)
		have |= l->entity[f] == ent;
	if (!have) {
		if (l->nentity == RV_MAX_FILTERS) {
			rv_app_message(app, true, "at most %d entity filters (Esc clears them)", RV_MAX_FILTERS);
			return true;
		}
		l->entity[l->nentity++] = ent;
		rv_list_rebuild(app);
	}
	next_mention(app, ent);
	app->dirty = RV_DIRTY_ALL;
	return true;
}

static void click(struct rv_app *app, int row, int h)
{
	struct rv_entities_state *e = &app->ents;
	size_t i = e->c.top + (size_t)row;
	if (i < e->c.n && e->row_kind[i] >= 0) {
		e->c.cur = i;
		rv_cursor_fit(&e->c, h);
	}
}

static bool search(struct rv_app *app, int dir)
{
	struct rv_entities_state *e = &app->ents;
	if (!app->search || !e->c.n || !app->ix)
		return false;
	for (size_t k = 1; k <= e->c.n; k++) {
		size_t i = dir > 0 ? (e->c.cur + k) % e->c.n : (e->c.cur + e->c.n - k % e->c.n) % e->c.n;
		if (e->row_kind[i] < 0)
			continue;
		const char *name = app->ix->entities[e->ents[e->row_kind[i]].entity].name;
		if (rv_search_string(app->search, name, strlen(name))) {
			e->c.cur = i;
			rv_cursor_fit(&e->c, rv_app_pane_rows(app, RV_PANE_ENTITIES));
			return true;
		}
	}
	return false;
}

static void resize(struct rv_app *app, int h, int w)
{
	(void)w;
	rv_cursor_fit(&app->ents.c, h);
}

const struct rv_pane_ops rv_pane_entities = {"entities", title, draw, action, click, search, resize};
