/* diff.c — word-level diff of two body spans (the contract is in diff.h).
 *
 * Three steps: each span becomes a sequence of word keys (folded, lightly
 * stemmed, hashed); Myers' linear-space diff aligns the two sequences; the
 * aligned pairs become runs whose byte spans tile the two spans. */
#include "revue/diff.h"

#include "revue/text.h"
#include "revue/token.h"
#include "revue/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Spans longer than this are cut: the fold and the tokenizer keep 32-bit
 * offsets, and no comparison view needs a gigabyte. */
#define MAX_SPAN ((size_t)1 << 30)

const char *rv_diff_op_name(enum rv_diff_op op)
{
	switch (op) {
	case RV_DIFF_EQUAL: return "equal";
	case RV_DIFF_DELETE: return "delete";
	case RV_DIFF_INSERT: return "insert";
	case RV_DIFF_CHANGE: return "change";
	}
	return "?";
}

static bool continuation(const char *s, size_t i)
{
	return ((unsigned char)s[i] & 0xC0) == 0x80;
}

void rv_diff_snap(const char *s, size_t len, size_t *start, size_t *end)
{
	if (*end > len)
		*end = len;
	if (*start > *end)
		*start = *end;
	while (*start > 0 && continuation(s, *start))
		(*start)--;
	while (*end < len && continuation(s, *end))
		(*end)++;
	if (*end - *start > MAX_SPAN) {
		*end = *start + MAX_SPAN;
		while (*end > *start && continuation(s, *end))
			(*end)--;
	}
}

void rv_diff_widen(const char *s, size_t len, size_t *start, size_t *end, size_t cap)
{
	rv_diff_snap(s, len, start, end);
	size_t lo = *start > cap ? *start - cap : 0, hi = len - *end > cap ? *end + cap : len;
	const char *nl = *start > lo ? memrchr(s + lo, '\n', *start - lo) : NULL;
	size_t a = nl ? (size_t)(nl - s) + 1 : lo;
	nl = hi > *end ? memchr(s + *end, '\n', hi - *end) : NULL;
	size_t b = nl ? (size_t)(nl - s) : hi;
	while (a < *start && continuation(s, a))
		a++;
	while (b > *end && b < len && continuation(s, b))
		b--;
	*start = a;
	*end = b;
}

/* --- one side: its words and their keys --------------------------------- */

struct side {
	size_t start, end; /* the span, in body bytes */
	size_t n;
	size_t *wstart, *wend; /* each word's bytes in the body */
	uint64_t *key;         /* folded and stemmed: what the alignment compares */
	uint64_t *form;        /* folded only: equal or minor once aligned */
};

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

/* The inflection stem of a folded word: one final s or x, then one final e,
 * dropped from words of four bytes or more, so that toute, toutes, tout
 * share "tout" and technologie, technologies share "technologi". The floor
 * keeps short function words apart (le, la, les, des, ces, ses). Words that
 * end in a digit or hold an apostrophe (elisions) are kept whole. */
static size_t stem_len(const char *w, size_t n)
{
	if (n < 4 || memchr(w, '\'', n))
		return n;
	if (w[n - 1] == 's' || w[n - 1] == 'x')
		n--;
	if (n >= 4 && w[n - 1] == 'e')
		n--;
	return n;
}

static void side_load(struct side *sd, const char *body, size_t start, size_t end)
{
	memset(sd, 0, sizeof *sd);
	sd->start = start;
	sd->end = end;
	const char *s = body + start;
	size_t len = end - start;
	struct rv_tokens t;
	rv_tokenize(s, len, &t);
	struct rv_fold f;
	rv_text_fold(s, len, &f);
	rv_tokens_locate_folded(&t, &f);
	size_t cap = t.n ? t.n : 1;
	sd->wstart = rv_xmalloc(cap * sizeof *sd->wstart);
	sd->wend = rv_xmalloc(cap * sizeof *sd->wend);
	sd->key = rv_xmalloc(cap * sizeof *sd->key);
	sd->form = rv_xmalloc(cap * sizeof *sd->form);
	for (size_t i = 0; i < t.n; i++) {
		const struct rv_token *tk = &t.v[i];
		if (!(tk->flags & RV_TOK_WORD))
			continue;
		const char *w = f.text + tk->fold_start;
		size_t wl = tk->fold_end - tk->fold_start;
		sd->wstart[sd->n] = start + tk->start;
		sd->wend[sd->n] = start + tk->end;
		sd->key[sd->n] = hash_bytes(w, stem_len(w, wl));
		sd->form[sd->n] = hash_bytes(w, wl);
		sd->n++;
	}
	rv_fold_free(&f);
	rv_tokens_free(&t);
}

static void side_free(struct side *sd)
{
	free(sd->wstart);
	free(sd->wend);
	free(sd->key);
	free(sd->form);
}

/* --- Myers, linear space ------------------------------------------------ */

typedef ptrdiff_t idx;
#define NONE ((idx)-1)

struct pair {
	size_t i, j;
};

struct myers {
	const uint64_t *a, *b;
	idx *vf, *vb; /* 2 * RV_DIFF_MAX_D + 3 each */
	struct pair *pairs;
	size_t npairs, cap;
	size_t cost;
	bool coarse;
};

static void emit(struct myers *m, size_t i, size_t j)
{
	m->pairs = rv_xgrow(m->pairs, &m->cap, m->npairs + 1, sizeof *m->pairs);
	m->pairs[m->npairs++] = (struct pair){i, j};
}

/* A split of a box: the snake (x, y) → (u, v), relative to the box. */
struct split {
	idx x, y, u, v;
};

/* The furthest point one edit further than a D-path on a neighbouring
 * diagonal reaches on diagonal k, or NONE: the path must stay in the N × M
 * grid, which the textbook form does not check. */
static idx step(const idx *v, idx off, idx k, idx d, idx n, idx m)
{
	idx down = k + 1 <= d - 1 ? v[off + k + 1] : NONE;
	if (down != NONE && down - k > m)
		down = NONE;
	idx right = k - 1 >= -(d - 1) && v[off + k - 1] != NONE ? v[off + k - 1] + 1 : NONE;
	if (right > n)
		right = NONE;
	return down > right ? down : right;
}

/* Finds the middle snake of the box a[a0, a0+n) × b[b0, b0+m) (both non
 * empty, first and last elements differing). Past RV_DIFF_MAX_D edits, splits
 * at the furthest point the forward search reached instead. Returns false
 * when the budget ran out. */
static bool middle_snake(struct myers *mm, size_t a0, size_t b0, idx n, idx m, struct split *out)
{
	const uint64_t *A = mm->a + a0, *B = mm->b + b0;
	idx delta = n - m;
	bool odd = (delta & 1) != 0;
	idx half = (n + m + 1) / 2;
	idx dlim = half < RV_DIFF_MAX_D ? half : RV_DIFF_MAX_D;
	idx off = dlim + 1;
	idx *vf = mm->vf, *vb = mm->vb;
	for (idx i = 0; i < 2 * dlim + 3; i++)
		vf[i] = vb[i] = NONE;
	for (idx d = 0; d <= dlim; d++) {
		for (idx k = -d; k <= d; k += 2) {
			idx x = d ? step(vf, off, k, d, n, m) : 0;
			vf[off + k] = x;
			if (x == NONE)
				continue;
			idx x0 = x, y = x - k;
			while (x < n && y < m && A[x] == B[y])
				x++, y++;
			mm->cost += (size_t)(x - x0) + 1;
			vf[off + k] = x;
			idx c = delta - k;
			if (odd && c >= -(d - 1) && c <= d - 1 && vb[off + c] != NONE && x + vb[off + c] >= n) {
				*out = (struct split){x0, x0 - k, x, y};
				return true;
			}
		}
		for (idx c = -d; c <= d; c += 2) {
			idx x = d ? step(vb, off, c, d, n, m) : 0;
			vb[off + c] = x;
			if (x == NONE)
				continue;
			idx x0 = x, y = x - c;
			while (x < n && y < m && A[n - 1 - x] == B[m - 1 - y])
				x++, y++;
			mm->cost += (size_t)(x - x0) + 1;
			vb[off + c] = x;
			idx k = delta - c;
			if (!odd && k >= -d && k <= d && vf[off + k] != NONE && vf[off + k] + x >= n) {
				*out = (struct split){n - x, m - y, n - x0, m - (x0 - c)};
				return true;
			}
		}
		if (mm->cost > RV_DIFF_BUDGET)
			return false;
	}
	/* Too many edits for an exact answer at a bounded cost: cut at the
	 * forward point furthest from the origin and go on from there. */
	mm->coarse = true;
	idx best = NONE, bx = 0, by = 0;
	for (idx k = -dlim; k <= dlim; k += 2) {
		idx x = vf[off + k];
		if (x != NONE && x + (x - k) > best) {
			best = x + (x - k);
			bx = x;
			by = x - k;
		}
	}
	*out = (struct split){bx, by, bx, by};
	return true;
}

/* Aligns a[a0, a1) with b[b0, b1), appending the matched pairs in order. The
 * right part of each split is handled by the loop, so the recursion depth
 * stays logarithmic in the edit count even on long inputs. */
static void solve(struct myers *mm, size_t a0, size_t a1, size_t b0, size_t b1)
{
	size_t a_end = a1;
	for (;;) {
		while (a0 < a1 && b0 < b1 && mm->a[a0] == mm->b[b0])
			emit(mm, a0++, b0++);
		while (a0 < a1 && b0 < b1 && mm->a[a1 - 1] == mm->b[b1 - 1])
			a1--, b1--;
		if (a0 == a1 || b0 == b1)
			break;
		idx n = (idx)(a1 - a0), m = (idx)(b1 - b0);
		struct split s;
		if (mm->cost > RV_DIFF_BUDGET || !middle_snake(mm, a0, b0, n, m, &s) ||
		    (s.x == n && s.y == m) || (s.u == 0 && s.v == 0)) {
			/* out of budget, or a cut that would not shrink the box:
			 * leave the rest of this box unaligned */
			mm->coarse = true;
			break;
		}
		solve(mm, a0, a0 + (size_t)s.x, b0, b0 + (size_t)s.y);
		for (idx i = 0; i < s.u - s.x; i++)
			emit(mm, a0 + (size_t)(s.x + i), b0 + (size_t)(s.y + i));
		a0 += (size_t)s.u;
		b0 += (size_t)s.v;
	}
	while (a1 < a_end)
		emit(mm, a1++, b1++);
}

/* --- runs --------------------------------------------------------------- */

/* A run in word indexes, before its bytes are known. */
struct proto {
	enum rv_diff_op op;
	bool minor;
	size_t i0, i1, j0, j1;
};

static void add_proto(struct proto **v, size_t *n, size_t *cap, struct proto p)
{
	*v = rv_xgrow(*v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = p;
}

static enum rv_diff_op gap_op(size_t i0, size_t i1, size_t j0, size_t j1)
{
	if (i0 == i1)
		return RV_DIFF_INSERT;
	return j0 == j1 ? RV_DIFF_DELETE : RV_DIFF_CHANGE;
}

/* Aligned pairs whose folded forms match make equal runs, those whose only
 * stems match make minor changes; what lies between aligned pairs makes one
 * delete, insert or change. */
static struct proto *build_protos(const struct side *a, const struct side *b, const struct pair *p, size_t np,
				  size_t *out_n)
{
	struct proto *v = NULL;
	size_t n = 0, cap = 0, i = 0, j = 0, k = 0;
	while (i < a->n || j < b->n) {
		if (k < np && p[k].i == i && p[k].j == j) {
			bool same = a->form[i] == b->form[j];
			size_t i0 = i, j0 = j;
			while (k < np && p[k].i == i && p[k].j == j && (a->form[i] == b->form[j]) == same)
				i++, j++, k++;
			add_proto(&v, &n, &cap,
				  (struct proto){same ? RV_DIFF_EQUAL : RV_DIFF_CHANGE, !same, i0, i, j0, j});
		} else {
			size_t ni = k < np ? p[k].i : a->n, nj = k < np ? p[k].j : b->n;
			add_proto(&v, &n, &cap, (struct proto){gap_op(i, ni, j, nj), false, i, ni, j, nj});
			i = ni;
			j = nj;
		}
	}
	*out_n = n;
	return v;
}

/* The bytes of words [i0, i1) of one side, or the empty place where such
 * words would go. */
static void raw_span(const struct side *sd, size_t i0, size_t i1, size_t *start, size_t *end)
{
	if (i1 > i0) {
		*start = sd->wstart[i0];
		*end = sd->wend[i1 - 1];
	} else {
		size_t at = i0 == 0 ? sd->start : i0 == sd->n ? sd->end : sd->wstart[i0];
		*start = *end = at;
	}
}

/* Tiles one side: the text between two runs goes to the equal one of the
 * two, else to the earlier one; the first run starts at the span's start,
 * the last ends at its end. */
static void tile(const struct side *sd, const struct proto *pr, size_t n, struct rv_diff_run *runs, bool left)
{
	size_t prev_end = sd->start;
	for (size_t r = 0; r < n; r++) {
		size_t s, e;
		raw_span(sd, left ? pr[r].i0 : pr[r].j0, left ? pr[r].i1 : pr[r].j1, &s, &e);
		size_t start = r == 0 ? sd->start : pr[r].op == RV_DIFF_EQUAL && !pr[r].minor ? prev_end : s;
		if (left)
			runs[r].a_start = start;
		else
			runs[r].b_start = start;
		if (r > 0) {
			if (left)
				runs[r - 1].a_end = start;
			else
				runs[r - 1].b_end = start;
		}
		prev_end = e;
	}
	if (n) {
		if (left)
			runs[n - 1].a_end = sd->end;
		else
			runs[n - 1].b_end = sd->end;
	}
}

static void summarize(struct rv_diff *d)
{
	for (size_t r = 0; r < d->n; r++) {
		const struct rv_diff_run *run = &d->runs[r];
		switch (run->op) {
		case RV_DIFF_EQUAL: d->words_common += run->a_words; break;
		case RV_DIFF_DELETE: d->removed++; break;
		case RV_DIFF_INSERT: d->added++; break;
		case RV_DIFF_CHANGE:
			d->changed++;
			d->minor += run->minor;
			break;
		}
	}
	size_t total = d->words_a + d->words_b;
	d->share = total ? 2.0 * (double)d->words_common / (double)total : 1.0;
}

int rv_diff_spans(const char *a, size_t a_len, size_t a_start, size_t a_end, const char *b, size_t b_len,
		  size_t b_start, size_t b_end, struct rv_diff *out)
{
	memset(out, 0, sizeof *out);
	rv_diff_snap(a, a_len, &a_start, &a_end);
	rv_diff_snap(b, b_len, &b_start, &b_end);
	struct side sa, sb;
	side_load(&sa, a, a_start, a_end);
	side_load(&sb, b, b_start, b_end);

	struct myers mm = {.a = sa.key, .b = sb.key};
	mm.vf = rv_xmalloc((2 * RV_DIFF_MAX_D + 3) * sizeof *mm.vf);
	mm.vb = rv_xmalloc((2 * RV_DIFF_MAX_D + 3) * sizeof *mm.vb);
	solve(&mm, 0, sa.n, 0, sb.n);
	free(mm.vf);
	free(mm.vb);

	size_t np;
	struct proto *pr = build_protos(&sa, &sb, mm.pairs, mm.npairs, &np);
	free(mm.pairs);
	out->runs = rv_xcalloc(np ? np : 1, sizeof *out->runs);
	out->n = np;
	for (size_t r = 0; r < np; r++) {
		out->runs[r].op = pr[r].op;
		out->runs[r].minor = pr[r].minor;
		out->runs[r].a_words = pr[r].i1 - pr[r].i0;
		out->runs[r].b_words = pr[r].j1 - pr[r].j0;
	}
	tile(&sa, pr, np, out->runs, true);
	tile(&sb, pr, np, out->runs, false);
	free(pr);

	out->a_start = a_start;
	out->a_end = a_end;
	out->b_start = b_start;
	out->b_end = b_end;
	out->words_a = sa.n;
	out->words_b = sb.n;
	out->coarse = mm.coarse;
	summarize(out);
	side_free(&sa);
	side_free(&sb);
	return 0;
}

void rv_diff_free(struct rv_diff *d)
{
	free(d->runs);
	memset(d, 0, sizeof *d);
}
