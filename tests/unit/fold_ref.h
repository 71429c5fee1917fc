/* fold_ref.h — the naive offset map of the folded view, for the tests: two
 * plain arrays of anchors (folded offset, source offset) around every
 * changed code point, as text.c kept them before the compact map, and the
 * lookups over them. The compact map (struct rv_fold's records and marks)
 * must answer exactly as this does, at every offset. */
#ifndef REVUE_TEST_FOLD_REF_H
#define REVUE_TEST_FOLD_REF_H

#include "revue/decode.h"
#include "revue/text.h"
#include "revue/util.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#define FOLD_REF_START 0x80000000u

struct fold_ref {
	uint32_t *fo, *so; /* so | FOLD_REF_START at a changed code point's start */
	size_t n, len;
};

static void fold_ref_add(struct fold_ref *r, size_t fo, size_t so, bool start)
{
	uint32_t flag = start ? FOLD_REF_START : 0;
	if (r->n && r->fo[r->n - 1] == fo && (r->so[r->n - 1] & ~FOLD_REF_START) == so) {
		r->so[r->n - 1] |= flag;
		return;
	}
	r->fo = realloc(r->fo, (r->n + 1) * sizeof *r->fo);
	r->so = realloc(r->so, (r->n + 1) * sizeof *r->so);
	r->fo[r->n] = (uint32_t)fo;
	r->so[r->n] = (uint32_t)so | flag;
	r->n++;
}

/* Folds s (valid UTF-8 or not: an invalid byte stays itself) code point by
 * code point with rv_text_fold_cp, recording anchors. */
static void fold_ref_build(const char *s, size_t n, struct fold_ref *r)
{
	const unsigned char *u = (const unsigned char *)s;
	*r = (struct fold_ref){0};
	size_t fo = 0;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t sl = rv_utf8_decode(u + i, n - i, &cp);
		if (!sl) {
			i++;
			fo++;
			continue;
		}
		char tmp[32];
		size_t fl = rv_text_fold_cp(cp, tmp), cps = 0;
		for (size_t k = 0; k < fl; k++)
			cps += ((unsigned char)tmp[k] & 0xC0) != 0x80;
		if (fl != sl || cps > 1) {
			fold_ref_add(r, fo, i, true);
			fold_ref_add(r, fo + fl, i + sl, false);
		}
		fo += fl;
		i += sl;
	}
	r->len = fo;
}

static size_t fold_ref_to_source(const struct fold_ref *r, size_t off, bool round_up)
{
	if (!r->n || off < r->fo[0])
		return off;
	size_t k = 0, hi = r->n; /* the last anchor at or before off */
	while (hi - k > 1) {
		size_t mid = k + (hi - k) / 2;
		if (r->fo[mid] <= off)
			k = mid;
		else
			hi = mid;
	}
	size_t fo = r->fo[k], so = r->so[k] & ~FOLD_REF_START;
	if ((r->so[k] & FOLD_REF_START) && k + 1 < r->n && off > fo && off < r->fo[k + 1])
		return round_up ? r->so[k + 1] & ~FOLD_REF_START : so;
	return so + (off - fo);
}

static size_t fold_ref_from_source(const struct fold_ref *r, size_t off)
{
	if (!r->n || off < (r->so[0] & ~FOLD_REF_START))
		return off;
	size_t k = 0, hi = r->n;
	while (hi - k > 1) {
		size_t mid = k + (hi - k) / 2;
		if ((r->so[mid] & ~FOLD_REF_START) <= off)
			k = mid;
		else
			hi = mid;
	}
	size_t so = r->so[k] & ~FOLD_REF_START, fo = r->fo[k];
	if ((r->so[k] & FOLD_REF_START) && k + 1 < r->n && off < (r->so[k + 1] & ~FOLD_REF_START))
		return fo;
	size_t x = fo + (off - so);
	return x > r->len ? r->len : x;
}

static void fold_ref_free(struct fold_ref *r)
{
	free(r->fo);
	free(r->so);
}

/* Compares f (rv_text_fold of s) with the naive map at every folded and
 * every source offset, one past the ends included, and the ascending walk
 * with rv_fold_from_source. Returns the first offset that differs plus one
 * (0: none); *what says which lookup. */
static size_t fold_ref_compare(const char *s, size_t n, const struct rv_fold *f, const char **what)
{
	struct fold_ref r;
	fold_ref_build(s, n, &r);
	size_t bad = 0;
	*what = "length";
	if (r.len != f->len)
		bad = 1;
	for (size_t off = 0; !bad && off <= f->len + 1; off++) {
		*what = "to_source";
		if (rv_fold_to_source(f, off, false) != fold_ref_to_source(&r, off, false) ||
		    rv_fold_to_source(f, off, true) != fold_ref_to_source(&r, off, true))
			bad = off + 1;
	}
	struct rv_fold_walk w = {.f = f};
	for (size_t off = 0; !bad && off <= n + 1; off++) {
		size_t want = fold_ref_from_source(&r, off);
		*what = "from_source";
		if (rv_fold_from_source(f, off) != want)
			bad = off + 1;
		*what = "walk";
		if (!bad && rv_fold_walk_from_source(&w, off) != want)
			bad = off + 1;
	}
	fold_ref_free(&r);
	return bad;
}

#endif
