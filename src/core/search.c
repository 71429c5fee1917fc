/* search.c — user patterns over bodies and short strings, bounded. */
#include "revue/search.h"

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicase.h>

struct rv_search {
	pcre2_code *re;
	bool folded;
	/* A pattern without a metacharacter whose matches are its own bytes:
	 * found without PCRE2 and its callouts (find_literal), the same
	 * matches. */
	char *literal;
	size_t literal_len;
	size_t rare; /* the literal's byte least common in text, looked for first */
};

struct budget {
	double deadline;
	unsigned ticks;
	bool expired;
};

double rv_search_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Called at every item of the pattern (PCRE2_AUTO_CALLOUT): a clock read
 * every 4096 calls keeps the cost small and the deadline near. */
static int callout(pcre2_callout_block *cb, void *data)
{
	(void)cb;
	struct budget *b = data;
	if (++b->ticks % 4096)
		return 0;
	if (rv_search_now() > b->deadline) {
		b->expired = true;
		return PCRE2_ERROR_CALLOUT;
	}
	return 0;
}

/* Whether any of the bytes of set is in p[0..n). */
static bool strpbrk_n(const char *p, size_t n, const char *set)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] == '\0' || strchr(set, p[i]))
			return true;
	return false;
}

struct rv_search *rv_search_new(const char *pat, size_t len, char *err, size_t errlen)
{
	if (len > RV_SEARCH_MAX) {
		snprintf(err, errlen, "pattern longer than %d bytes", RV_SEARCH_MAX);
		return NULL;
	}
	bool upper = false, nonascii = false;
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)pat[i];
		if (ch == '\\' && i + 1 < len) { /* \D \S \W \B name classes, not letters */
			i++;
			continue;
		}
		upper |= ch >= 'A' && ch <= 'Z';
		nonascii |= ch >= 0x80;
	}
	/* Upper-case letters beyond ASCII count too (É): lower-casing changes them. */
	if (nonascii && !upper) {
		size_t ll = 0;
		uint8_t *lower = u8_tolower((const uint8_t *)pat, len, NULL, NULL, NULL, &ll);
		upper = !lower || ll != len || memcmp(lower, pat, len) != 0;
		free(lower);
	}
	uint32_t flags = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_AUTO_CALLOUT;
	bool folded = !upper && !nonascii;
	if (!upper)
		flags |= PCRE2_CASELESS;
	int code;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, len, flags, &code, &off, NULL);
	if (!re) {
		PCRE2_UCHAR msg[160];
		pcre2_get_error_message(code, msg, sizeof msg);
		snprintf(err, errlen, "%s (at %zu)", (char *)msg, (size_t)off);
		return NULL;
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	struct rv_search *s = rv_xcalloc(1, sizeof *s);
	s->re = re;
	s->folded = folded;
	/* Its own bytes: case-sensitive (an upper-case letter), or caseless
	 * ASCII on the folded view, where every letter is already lower case
	 * and the few that PCRE2 would also take for an ASCII letter (the
	 * Kelvin sign, long s) are folded to it. */
	if (len && !strpbrk_n(pat, len, "\\^$.|?*+()[]{}") && (upper || folded)) {
		s->literal = rv_xstrndup(pat, len);
		s->literal_len = len;
		/* bytes of French and English text, the most common first */
		static const char common[] = " eastinrulodcmp'h,gbfv.yw-kqjxz";
		size_t best = SIZE_MAX;
		for (size_t i = 0; i < len; i++) {
			const char *c = strchr(common, pat[i]);
			size_t rank = c ? (size_t)(c - common) : sizeof common; /* not listed: rarer still */
			if (best == SIZE_MAX || rank > best) {
				best = rank;
				s->rare = i;
			}
		}
	}
	return s;
}

void rv_search_free(struct rv_search *s)
{
	if (!s)
		return;
	pcre2_code_free(s->re);
	free(s->literal);
	free(s);
}

bool rv_search_folded(const struct rv_search *s)
{
	return s->folded;
}

/* What one thread needs to run a pattern, made once and reused from one
 * article to the next. */
struct matcher {
	pcre2_match_context *mc;
	pcre2_match_data *md;
	struct budget b; /* the callout's */
};

static void matcher_init(struct matcher *m, const struct rv_search *s)
{
	m->mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(m->mc, 1000000);
	pcre2_set_depth_limit(m->mc, 10000);
	pcre2_set_heap_limit(m->mc, 16384); /* KiB */
	pcre2_set_callout(m->mc, callout, &m->b);
	m->md = pcre2_match_data_create_from_pattern(s->re, NULL);
}

static void matcher_free(struct matcher *m)
{
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mc);
}

/* The first match of the literal in t[off..n): its rarest byte found with
 * memchr, then the rest compared; memmem (linear) once too many candidates
 * have failed, so that a text made to defeat the first way costs no more
 * than the second. */
static const char *find_literal(const struct rv_search *s, const char *t, size_t n, size_t off, size_t *misses)
{
	size_t k = s->literal_len, j = s->rare;
	const char *p = t + off + j, *end = t + n - (k - 1 - j); /* where the rare byte can be */
	char c = s->literal[j];
	while (p < end && *misses < 256 + (size_t)(p - t) / 16) {
		p = memchr(p, c, (size_t)(end - p));
		if (!p)
			return NULL;
		if (!memcmp(p - j, s->literal, k))
			return p - j;
		++*misses;
		p++;
	}
	if (p >= end)
		return NULL;
	return memmem(p - j, (size_t)(t + n - (p - j)), s->literal, k);
}

/* A literal's matches, left to right, none overlapping: PCRE2's. */
static enum rv_search_status run_literal(const struct rv_search *s, const char *t, size_t n, double deadline,
					 size_t max, struct rv_span **out, size_t *cnt, size_t *cap)
{
	size_t off = 0, found = 0, k = s->literal_len, misses = 0;
	while (found < max && off + k <= n) {
		const char *hit = find_literal(s, t, n, off, &misses);
		if (!hit)
			break;
		size_t ms = (size_t)(hit - t);
		*out = rv_xgrow(*out, cap, *cnt + 1, sizeof **out);
		(*out)[(*cnt)++] = (struct rv_span){ms, ms + k};
		found++;
		off = ms + k;
		if (rv_search_now() > deadline)
			return RV_SEARCH_STOPPED;
	}
	return RV_SEARCH_OK;
}

/* Matches of s in t[0..n): spans in t's offsets; m: the thread's matcher. */
static enum rv_search_status run_with(const struct rv_search *s, struct matcher *m, const char *t, size_t n,
				      double deadline, size_t max, struct rv_span **out, size_t *cnt, size_t *cap)
{
	if (s->literal)
		return run_literal(s, t, n, deadline, max, out, cnt, cap);
	m->b = (struct budget){deadline, 0, false};
	pcre2_match_context *mc = m->mc;
	pcre2_match_data *md = m->md;
	enum rv_search_status st = RV_SEARCH_OK;
	size_t off = 0, found = 0;
	while (off <= n && found < max) {
		int rc = pcre2_match(s->re, (PCRE2_SPTR)t, n, off, 0, md, mc);
		if (rc == PCRE2_ERROR_NOMATCH)
			break;
		if (rc < 0) {
			st = RV_SEARCH_STOPPED; /* a limit or the clock */
			break;
		}
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		size_t ms = ov[0], me = ov[1];
		if (me > ms) {
			*out = rv_xgrow(*out, cap, *cnt + 1, sizeof **out);
			(*out)[(*cnt)++] = (struct rv_span){ms, me};
			found++;
			off = me;
		} else {
			off = me + 1;
			while (off < n && ((unsigned char)t[off] & 0xC0) == 0x80)
				off++;
		}
		if (rv_search_now() > deadline) {
			st = RV_SEARCH_STOPPED;
			break;
		}
	}
	return st;
}

static enum rv_search_status run(const struct rv_search *s, const char *t, size_t n, double deadline, size_t max,
				 struct rv_span **out, size_t *cnt, size_t *cap)
{
	struct matcher m;
	matcher_init(&m, s);
	enum rv_search_status st = run_with(s, &m, t, n, deadline, max, out, cnt, cap);
	matcher_free(&m);
	return st;
}

enum rv_search_status rv_search_article(const struct rv_search *s, const struct rv_article *a, double deadline,
					size_t max, struct rv_span **out, size_t *n, size_t *cap)
{
	if (!s->folded)
		return run(s, a->body, a->body_len, deadline, max, out, n, cap);
	size_t first = *n;
	enum rv_search_status st = run(s, a->fold.text, a->fold.len, deadline, max, out, n, cap);
	for (size_t i = first; i < *n; i++) {
		(*out)[i].start = rv_fold_to_source(&a->fold, (*out)[i].start, false);
		(*out)[i].end = rv_fold_to_source(&a->fold, (*out)[i].end, true);
	}
	return st;
}

struct corpus_job {
	const struct rv_search *s;
	const struct rv_corpus *c; /* rv_search_corpus: the articles in memory */
	const struct rv_corpus_file *files; /* rv_search_files: read one by one */
	size_t max_file;
	struct rv_diags *diags;
	atomic_size_t articles;
	const struct rv_corpus_search *o;
	size_t max;
	uint32_t *counts;
	struct scratch {
		struct rv_span *v;
		size_t cap;
		struct matcher m;
		struct rv_buf fold; /* rv_search_files: the folded view, reused */
	} *w;
	atomic_bool stopped;
	atomic_size_t first_stopped; /* an article where a limit stopped the search */
};

/* The matches in one article, counted: the folded view when the pattern
 * wants it (it needs no offsets mapped back), the body otherwise. */
static void count_one(struct corpus_job *j, size_t i, struct scratch *w, const char *body, size_t body_len,
		      const char *fold, size_t fold_len)
{
	size_t n = 0;
	double deadline = j->o->deadline;
	if (j->o->article_seconds > 0) {
		double mine = rv_search_now() + j->o->article_seconds + (double)body_len * j->o->seconds_per_byte;
		if (mine < deadline)
			deadline = mine;
	}
	enum rv_search_status st = j->s->folded ? run_with(j->s, &w->m, fold, fold_len, deadline, j->max, &w->v, &n, &w->cap)
						: run_with(j->s, &w->m, body, body_len, deadline, j->max, &w->v, &n, &w->cap);
	j->counts[i] = (uint32_t)n;
	if (st == RV_SEARCH_STOPPED) {
		/* a pattern too costly for one article is too costly: the rest is skipped */
		size_t none = SIZE_MAX;
		atomic_compare_exchange_strong(&j->first_stopped, &none, i);
		atomic_store(&j->stopped, true);
	}
}

static void search_one(void *ctx, size_t i, unsigned worker)
{
	struct corpus_job *j = ctx;
	if (atomic_load_explicit(&j->stopped, memory_order_relaxed) ||
	    (j->o->cancel && atomic_load_explicit(j->o->cancel, memory_order_relaxed))) {
		atomic_store(&j->stopped, true);
		return;
	}
	struct scratch *w = &j->w[worker];
	if (j->c) {
		const struct rv_article *a = &j->c->articles[i];
		count_one(j, i, w, a->body, a->body_len, a->fold.text, a->fold.len);
	} else {
		struct rv_article a;
		/* the folded text alone, when the pattern wants it: counts need no offset map */
		if (rv_article_read(j->files[i].path, j->files[i].id, j->max_file, true, j->s->folded ? &w->fold : NULL,
				    &a, &j->diags[i])) {
			atomic_fetch_add_explicit(&j->articles, 1, memory_order_relaxed);
			count_one(j, i, w, a.body, a.body_len, w->fold.p, w->fold.len);
		}
		rv_article_free(&a);
	}
	if (j->o->done)
		atomic_fetch_add_explicit(j->o->done, 1, memory_order_relaxed);
}

static enum rv_search_status search_all(struct corpus_job *j, size_t n, size_t *where)
{
	memset(j->counts, 0, (n ? n : 1) * sizeof *j->counts);
	atomic_init(&j->stopped, false);
	atomic_init(&j->first_stopped, SIZE_MAX);
	atomic_init(&j->articles, 0);
	unsigned threads = rv_thread_count(j->o->threads, n);
	j->w = rv_xcalloc(threads ? threads : 1, sizeof *j->w);
	for (unsigned t = 0; t < (threads ? threads : 1); t++)
		matcher_init(&j->w[t].m, j->s);
	rv_parallel_for(n, threads, search_one, j);
	for (unsigned t = 0; t < (threads ? threads : 1); t++) {
		free(j->w[t].v);
		matcher_free(&j->w[t].m);
		rv_buf_free(&j->w[t].fold);
	}
	free(j->w);
	if (where)
		*where = atomic_load(&j->first_stopped);
	return atomic_load(&j->stopped) ? RV_SEARCH_STOPPED : RV_SEARCH_OK;
}

enum rv_search_status rv_search_corpus(const struct rv_search *s, const struct rv_corpus *c,
				       const struct rv_corpus_search *o, size_t max, uint32_t *counts, size_t *where)
{
	struct corpus_job j = {.s = s, .c = c, .o = o, .max = max, .counts = counts};
	return search_all(&j, c->n, where);
}

enum rv_search_status rv_search_files(const struct rv_search *s, const struct rv_corpus_file *files, size_t n,
				      size_t max_file_bytes, const struct rv_corpus_search *o, size_t max,
				      uint32_t *counts, struct rv_diags *diags, size_t *articles, size_t *where)
{
	struct corpus_job j = {.s = s, .files = files, .max_file = max_file_bytes, .diags = diags, .o = o,
			       .max = max, .counts = counts};
	enum rv_search_status st = search_all(&j, n, where);
	if (articles)
		*articles = atomic_load(&j.articles);
	return st;
}

bool rv_search_string(const struct rv_search *s, const char *t, size_t n)
{
	struct rv_span *v = NULL;
	size_t cnt = 0, cap = 0;
	double deadline = rv_search_now() + 0.05;
	if (s->folded) {
		struct rv_buf f = {0};
		rv_text_fold_text(t, n, &f);
		run(s, f.p, f.len, deadline, 1, &v, &cnt, &cap);
		rv_buf_free(&f);
	} else {
		run(s, t, n, deadline, 1, &v, &cnt, &cap);
	}
	free(v);
	return cnt > 0;
}
