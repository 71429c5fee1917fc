/* wrap.c — text wrapped to a display width, lazily.
 *
 * Break opportunities come from libunistring (UAX #14); widths from the
 * sanitizer, since what the terminal shows is the sanitized glyphs (a
 * bidi control is an 8-column token, not a zero-width character). A
 * paragraph longer than CHUNK bytes is wrapped a chunk at a time, so the
 * first screen of a 5 MiB one-line article costs a chunk, not the article.
 */
#include "revue/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>

#define CHUNK ((size_t)64 * 1024)

static const struct {
	unsigned cp;
	const char *ascii;
} punct[] = {
	{0xA0, " "},   {0xAB, "\""},  {0xBB, "\""},  {0x2010, "-"}, {0x2011, "-"}, {0x2013, "-"},
	{0x2014, "--"}, {0x2018, "'"}, {0x2019, "'"}, {0x201C, "\""}, {0x201D, "\""}, {0x2026, "..."},
	{0x202F, " "}, {0x2009, " "}, {0x20AC, "EUR"}, {0xB0, "o"}, {0x2022, "*"},
};

static unsigned utf8_cp(const char *s, size_t n, size_t i, size_t len)
{
	const unsigned char *u = (const unsigned char *)s + i;
	if (len == 2 && i + 2 <= n)
		return (unsigned)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
	if (len == 3 && i + 3 <= n)
		return (unsigned)(u[0] & 0x0F) << 12 | (unsigned)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
	if (len == 4 && i + 4 <= n)
		return (unsigned)(u[0] & 0x07) << 18 | (unsigned)(u[1] & 0x3F) << 12 | (unsigned)(u[2] & 0x3F) << 6 |
		       (u[3] & 0x3F);
	return 0;
}

size_t rv_ui_glyph(struct rv_sanitizer *st, const char *s, size_t n, size_t i, struct rv_glyph *g)
{
	size_t l = rv_sanitize_next(st, s, n, i, g);
	if (!(st->flags & RV_SAN_ASCII) || g->kind != RV_GLYPH_TOKEN || strncmp(g->tok, "<U+", 3) != 0)
		return l;
	unsigned cp = utf8_cp(s, n, i, l);
	if (cp < 0xA0)
		return l;
	for (size_t k = 0; k < RV_ARRAY_LEN(punct); k++)
		if (punct[k].cp == cp) {
			snprintf(g->tok, sizeof g->tok, "%s", punct[k].ascii);
			g->width = (int)strlen(g->tok);
			return l;
		}
	char f[32];
	size_t fl = rv_text_fold_cp(cp, f);
	if (!fl || fl > 4)
		return l;
	for (size_t k = 0; k < fl; k++)
		if (f[k] < 0x21 || f[k] > 0x7E)
			return l;
	memcpy(g->tok, f, fl);
	g->tok[fl] = '\0';
	g->width = (int)fl;
	return l;
}

void rv_wrap_init(struct rv_wrap *w, const char *s, size_t n, int width, unsigned flags)
{
	memset(w, 0, sizeof *w);
	w->s = s;
	w->n = n;
	w->width = width < 1 ? 1 : width;
	w->flags = flags;
}

void rv_wrap_free(struct rv_wrap *w)
{
	free(w->line);
	memset(w, 0, sizeof *w);
}

bool rv_wrap_complete(const struct rv_wrap *w)
{
	return w->done >= w->n;
}

static void emit(struct rv_wrap *w, size_t start, size_t end)
{
	while (end > start && (w->s[end - 1] == ' ' || w->s[end - 1] == '\t'))
		end--;
	w->line = rv_xgrow(w->line, &w->cap, w->nlines + 1, sizeof *w->line);
	w->line[w->nlines++] = (struct rv_span){start, end};
}

/* Back from i to the start of a UTF-8 sequence (at most 3 bytes back). */
static size_t cp_start(const char *s, size_t lo, size_t i)
{
	for (int k = 0; k < 3 && i > lo && ((unsigned char)s[i] & 0xC0) == 0x80; k++)
		i--;
	return i;
}

/* Wraps the next paragraph, or the next chunk of a long one. */
static void wrap_step(struct rv_wrap *w)
{
	size_t pos = w->done;
	size_t avail = w->n - pos;
	size_t look = avail < CHUNK ? avail : CHUNK;
	const char *nl = memchr(w->s + pos, '\n', look);
	size_t pe;
	bool final = true;
	if (nl)
		pe = (size_t)(nl - w->s);
	else if (avail <= CHUNK)
		pe = w->n;
	else {
		pe = cp_start(w->s, pos, pos + CHUNK);
		final = false;
	}
	if (pe == pos) {
		emit(w, pos, pos);
		w->done = pos + 1;
		return;
	}
	size_t len = pe - pos;
	char *brk = rv_xmalloc(len);
	u8_possible_linebreaks((const uint8_t *)w->s + pos, len, "UTF-8", brk);

	size_t start = pos, i = pos, last = 0;
	int col = 0;
	size_t emitted = 0;
	struct rv_sanitizer st;
	rv_sanitizer_init(&st, w->flags);
	while (i < pe) {
		if (i > start && (brk[i - pos] == UC_BREAK_POSSIBLE || brk[i - pos] == UC_BREAK_MANDATORY))
			last = i;
		struct rv_glyph g;
		size_t l = rv_ui_glyph(&st, w->s, pe, i, &g);
		int gw = g.kind == RV_GLYPH_TAB ? 8 - col % 8 : g.width;
		if (col + gw > w->width && i > start && w->s[i] != ' ') { /* blanks may hang: they are trimmed */
			size_t cut = last > start ? last : i;
			emit(w, start, cut);
			emitted++;
			start = i = cut;
			last = 0;
			col = 0;
			rv_sanitizer_init(&st, w->flags);
			continue;
		}
		col += gw;
		i += l;
	}
	free(brk);
	if (final) {
		emit(w, start, pe);
		w->done = pe < w->n ? pe + 1 : w->n;
	} else if (emitted) {
		w->done = start; /* the unfinished line starts the next chunk */
	} else {
		emit(w, start, pe); /* zero-width glyphs filled a chunk: cut there */
		w->done = pe;
	}
}

bool rv_wrap_until(struct rv_wrap *w, size_t want)
{
	while (w->nlines <= want && w->done < w->n)
		wrap_step(w);
	return want < w->nlines;
}

size_t rv_wrap_restart(const char *s, size_t off)
{
	if (!off)
		return 0;
	size_t lo = off > RV_WRAP_SCAN ? off - RV_WRAP_SCAN : 0;
	const char *nl = memrchr(s + lo, '\n', off - lo);
	if (nl)
		return (size_t)(nl - s) + 1;
	return lo ? cp_start(s, 0, off) : 0;
}

void rv_wrap_init_at(struct rv_wrap *w, const char *s, size_t n, int width, unsigned flags, size_t off)
{
	rv_wrap_init(w, s, n, width, flags);
	if (off >= n)
		off = n ? n - 1 : 0;
	w->origin = w->done = rv_wrap_restart(s, off);
}

/* Each step back wraps at least this much text before the origin. */
#define BACK_STEP ((size_t)8 * 1024)

size_t rv_wrap_prepend(struct rv_wrap *w, size_t want)
{
	size_t added = 0;
	while (added < want && w->origin > 0) {
		size_t to = w->origin;
		size_t from = rv_wrap_restart(w->s, to > BACK_STEP ? to - BACK_STEP : 0);
		/* [from, to) alone: from a paragraph start, the same lines as
		 * a wrap of the whole text (a paragraph's chunks are cut from
		 * its start, and `to` ends a paragraph or a window). */
		struct rv_wrap t;
		rv_wrap_init(&t, w->s, to, w->width, w->flags);
		t.origin = t.done = from;
		rv_wrap_until(&t, SIZE_MAX - 1);
		w->line = rv_xgrow(w->line, &w->cap, w->nlines + t.nlines, sizeof *w->line);
		memmove(w->line + t.nlines, w->line, w->nlines * sizeof *w->line);
		memcpy(w->line, t.line, t.nlines * sizeof *w->line);
		w->nlines += t.nlines;
		added += t.nlines;
		w->origin = from;
		rv_wrap_free(&t);
	}
	return added;
}

size_t rv_wrap_line_of(struct rv_wrap *w, size_t off)
{
	if (off < w->origin)
		return 0;
	while (w->done < w->n && (!w->nlines || w->done <= off))
		wrap_step(w);
	if (!w->nlines)
		return 0;
	size_t lo = 0, hi = w->nlines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (w->line[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}
