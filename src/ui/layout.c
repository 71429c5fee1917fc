/* layout.c — which pane gets which rectangle: plain data, no terminal.
 *
 * Wide (RV_WIDE_COLS × RV_WIDE_ROWS and more): list at left, reader in the
 * middle, sidebar at right, timeline along the bottom. Narrower: the list
 * and the reader, and whatever the user brings in. Narrower than 60
 * columns: one pane at a time. Below RV_MIN_COLS × RV_MIN_ROWS: nothing
 * but a notice.
 */
#include "revue/ui.h"

#include <string.h>

static int clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static bool wanted(enum rv_visibility v, bool wide)
{
	return v == RV_VIS_ON || (v == RV_VIS_AUTO && wide);
}

void rv_layout_compute(int cols, int rows, const enum rv_visibility vis[RV_PANE_COUNT], enum rv_pane_id focus,
		       struct rv_layout *l)
{
	rv_layout_compute_sized(cols, rows, vis, focus, NULL, l);
}

/* The user's sizes give way to the reader's minimum (30 columns, 5 rows). */
void rv_layout_compute_sized(int cols, int rows, const enum rv_visibility vis[RV_PANE_COUNT], enum rv_pane_id focus,
			     const struct rv_pane_sizes *sz, struct rv_layout *l)
{
	static const struct rv_pane_sizes automatic;
	if (!sz)
		sz = &automatic;
	memset(l, 0, sizeof *l);
	if (cols < RV_MIN_COLS || rows < RV_MIN_ROWS) {
		l->too_small = true;
		return;
	}
	l->title = (struct rv_rect){0, 0, 1, cols};
	l->status = (struct rv_rect){rows - 1, 0, 1, cols};
	int top = 1, body = rows - 2;
	bool wide = cols >= RV_WIDE_COLS && rows >= RV_WIDE_ROWS;
	bool side = wanted(vis[RV_PANE_ENTITIES], wide) || focus == RV_PANE_ENTITIES;
	bool tl = wanted(vis[RV_PANE_TIMELINE], wide) || focus == RV_PANE_TIMELINE;

	if (tl) {
		int th = sz->timeline_height ? sz->timeline_height : clampi(body / 3, 5, 14);
		if (body - th < 5)
			th = body - 5;
		l->shown[RV_PANE_TIMELINE] = true;
		l->pane[RV_PANE_TIMELINE] = (struct rv_rect){top + body - th, 0, th, cols};
		body -= th;
	}
	if (cols < 60) { /* one column of panes: the focused one, else the reader */
		enum rv_pane_id one = focus == RV_PANE_TIMELINE ? RV_PANE_READER : focus;
		if (focus == RV_PANE_TIMELINE && body < 8) { /* the timeline alone */
			l->pane[RV_PANE_TIMELINE] = (struct rv_rect){top, 0, body + l->pane[RV_PANE_TIMELINE].h, cols};
			return;
		}
		l->shown[one] = true;
		l->pane[one] = (struct rv_rect){top, 0, body, cols};
		return;
	}
	int sw = 0;
	if (side) {
		sw = sz->sidebar_width ? clampi(sz->sidebar_width, 16, cols / 3) : clampi(cols / 4, 22, 36);
		l->shown[RV_PANE_ENTITIES] = true;
		l->pane[RV_PANE_ENTITIES] = (struct rv_rect){top, cols - sw, body, sw};
		sw += 1; /* separator */
	}
	int rest = cols - sw;
	int lw = sz->list_width ? sz->list_width : clampi(rest * 3 / 10, 20, 48);
	if (rest - lw - 1 < 30)
		lw = rest - 31;
	if (lw < 16) { /* no room for the list beside the reader */
		enum rv_pane_id one = focus == RV_PANE_LIST ? RV_PANE_LIST : RV_PANE_READER;
		l->shown[one] = true;
		l->pane[one] = (struct rv_rect){top, 0, body, rest};
		return;
	}
	l->shown[RV_PANE_LIST] = l->shown[RV_PANE_READER] = true;
	l->pane[RV_PANE_LIST] = (struct rv_rect){top, 0, body, lw};
	l->pane[RV_PANE_READER] = (struct rv_rect){top, lw + 1, body, rest - lw - 1};
}

enum rv_pane_id rv_layout_hit(const struct rv_layout *l, int y, int x)
{
	for (int p = 0; p < RV_PANE_COUNT; p++) {
		const struct rv_rect *r = &l->pane[p];
		if (l->shown[p] && y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w)
			return (enum rv_pane_id)p;
	}
	return RV_PANE_COUNT;
}

void rv_layout_describe(const struct rv_layout *l, struct rv_buf *out)
{
	static const char *const names[RV_PANE_COUNT] = {"list", "reader", "entities", "timeline"};
	if (l->too_small) {
		rv_buf_adds(out, "too small");
		return;
	}
	const char *sep = "";
	for (int p = 0; p < RV_PANE_COUNT; p++) {
		const struct rv_rect *r = &l->pane[p];
		if (!l->shown[p])
			continue;
		rv_buf_printf(out, "%s%s %d,%d %dx%d", sep, names[p], r->y, r->x, r->w, r->h);
		sep = "; ";
	}
}

int rv_compare_columns(int cols, size_t versions, int x[3], int w[3])
{
	int n = versions >= 3 && cols >= RV_COMPARE_WIDE ? 3 : 2;
	int colw = (cols - 1 - n) / n; /* the left margin, the separators, and one spare column at the right */
	if (colw < RV_COMPARE_MIN_W)
		return 0;
	for (int k = 0; k < n; k++) {
		x[k] = 1 + k * (colw + 1);
		w[k] = colw;
	}
	return n;
}
