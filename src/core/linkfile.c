/* linkfile.c — link clusters computed elsewhere, read instead of computed.
 *
 * A corpus of millions of articles is linked on a cluster (passim on Apache
 * Spark), not on the reader's machine. `--dump passim` writes the corpus as
 * passim's input; this file reads back either revue's own `--dump links`
 * lines or passim's output records and turns them into the same frozen
 * rv_links the link finder builds, so the reader and every dump work the
 * same on them.
 *
 * Two formats, told apart line by line:
 *  - revue: {"members": [{"article", "start", "end", "text"?}, ...], ...}
 *    with byte offsets into the article body;
 *  - passim: {"cluster", "id", "begin", "end", "text"?, ...}, one record per
 *    passage, grouped by cluster; begin and end count UTF-16 code units of
 *    the text `--dump passim` wrote (passim runs on the JVM, whose strings
 *    are UTF-16; outside the astral planes that is one unit per character).
 * A record that does not fit the corpus (unknown article, offsets out of the
 * body or inside a character, text that differs from the article's, a
 * cluster left with fewer than two members) is skipped with a diagnostic
 * naming the file and the line; the rest loads.
 *
 * A member that covers most of one of the index's quotations is that
 * quotation; a cluster whose members are all quotations is a quote cluster
 * (and its quotations get the cluster), any other a passage.
 */
#include "revue/link.h"

#include "revue/json.h"
#include "revue/strmap.h"
#include "revue/util.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* passim offsets: UTF-16 units → body bytes, through checkpoints every
 * CK_STEP units so that many records on one long article stay linear. */
#define CK_STEP 512

struct u16map {
	uint32_t *unit, *byte; /* ascending checkpoints: unit count at a character start, its byte */
	size_t n;
	bool built;
};

static size_t utf8_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static void u16map_build(struct u16map *m, const struct rv_article *a)
{
	size_t cap = 0, units = 0, next = 0;
	for (size_t i = 0; i <= a->body_len;) {
		if (units >= next || i == a->body_len) {
			m->unit = rv_xgrow(m->unit, &cap, m->n + 1, sizeof *m->unit);
			m->byte = rv_xrealloc(m->byte, cap * sizeof *m->byte);
			m->unit[m->n] = (uint32_t)units;
			m->byte[m->n] = (uint32_t)i;
			m->n++;
			next = units + CK_STEP;
		}
		if (i == a->body_len)
			break;
		size_t k = utf8_len((unsigned char)a->body[i]);
		if (k > a->body_len - i)
			k = a->body_len - i;
		units += k == 4 ? 2 : 1;
		i += k;
	}
	m->built = true;
}

/* The byte offset of UTF-16 unit u, or false when u falls past the end or
 * between the two halves of a surrogate pair. */
static bool u16_to_byte(const struct u16map *m, const struct rv_article *a, double u, uint32_t *out)
{
	if (!(u >= 0) || u != floor(u) || u > m->unit[m->n - 1])
		return false;
	size_t lo = 0, hi = m->n; /* last checkpoint with unit <= u */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->unit[mid] <= u)
			lo = mid;
		else
			hi = mid;
	}
	size_t units = m->unit[lo], i = m->byte[lo];
	while (units < u && i < a->body_len) {
		size_t k = utf8_len((unsigned char)a->body[i]);
		units += k == 4 ? 2 : 1;
		i += k;
	}
	if (units != u || i > a->body_len)
		return false;
	*out = (uint32_t)i;
	return true;
}

static bool char_start(const struct rv_article *a, size_t off)
{
	return off == a->body_len || (off < a->body_len && ((unsigned char)a->body[off] & 0xC0) != 0x80);
}

static bool whole_number(const struct rv_jval *v, double max)
{
	return v && v->type == RV_JNUM && v->num >= 0 && v->num <= max && v->num == floor(v->num);
}

/* A member's quote while reading: RV_NONE (the record says null), a quote
 * index (the record gives its id), or GUESS (not said: the quotation the
 * span covers, if any). */
#define GUESS (RV_NONE - 1)

struct pending {
	struct rv_link_member *m;
	size_t n, cap;
	bool passage; /* the record says "kind": "passage" */
	unsigned line; /* where the cluster was read, for its diagnostics */
	char *key;     /* passim's cluster id as text; NULL for a revue line */
};

struct loader {
	const struct rv_corpus *c;
	struct rv_analysis *an;
	const char *path;
	struct rv_diags *d;
	struct rv_strmap ids;     /* article id → index */
	struct u16map *u16;       /* per article, built on first use */
	struct pending *cl;       /* clusters in the order first read */
	size_t ncl, capcl;
	struct rv_strmap passim;  /* passim cluster id → index in cl */
	size_t skipped;           /* records refused; the first MAX_NOTES are said */
};

/* A file of a million bad records says the first few and how many more. */
#define MAX_NOTES 20

static void note(struct loader *L, unsigned line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void note(struct loader *L, unsigned line, const char *fmt, ...)
{
	if (L->skipped++ >= MAX_NOTES)
		return;
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	rv_diag_add(L->d, L->path, line, "%s", msg);
}

static uint32_t article_of(struct loader *L, const struct rv_jval *id)
{
	if (!id || id->type != RV_JSTR)
		return RV_NONE;
	const uint32_t *v = rv_strmap_get(&L->ids, id->str, id->len);
	return v ? *v : RV_NONE;
}

/* Checks a member's text, when the record gives one, against the body. */
static bool same_text(const struct rv_article *a, uint32_t s, uint32_t e, const struct rv_jval *text)
{
	if (!text)
		return true;
	return text->type == RV_JSTR && text->len == e - s && !memcmp(text->str, a->body + s, e - s);
}

static void add(struct pending *p, struct rv_link_member m)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->m[i].article == m.article && p->m[i].start == m.start && p->m[i].end == m.end)
			return; /* the same passage twice */
	p->m = rv_xgrow(p->m, &p->cap, p->n + 1, sizeof *p->m);
	p->m[p->n++] = m;
}

static struct pending *new_cluster(struct loader *L, unsigned line)
{
	L->cl = rv_xgrow(L->cl, &L->capcl, L->ncl + 1, sizeof *L->cl);
	struct pending *p = &L->cl[L->ncl++];
	memset(p, 0, sizeof *p);
	p->line = line;
	return p;
}

/* A revue line: the whole cluster at once; one bad member rejects it. */
static uint32_t quote_by_id(const struct rv_analysis *an, uint32_t id)
{
	for (size_t q = 0; q < an->nquotes; q++)
		if (an->quotes[q].id == id)
			return (uint32_t)q;
	return RV_NONE;
}

static void revue_line(struct loader *L, const struct rv_jval *parent, const struct rv_jval *members, unsigned line)
{
	if (members->type != RV_JARR) {
		note(L, line, "\"members\" is not an array; cluster skipped");
		return;
	}
	struct pending p = {.line = line};
	for (size_t k = 0; k < members->n; k++) {
		const struct rv_jval *m = &members->items[k];
		uint32_t a = article_of(L, rv_json_get(m, "article"));
		const struct rv_jval *s = rv_json_get(m, "start"), *e = rv_json_get(m, "end");
		const char *why = NULL;
		if (m->type != RV_JOBJ)
			why = "is not an object";
		else if (a == RV_NONE)
			why = "names no article of this corpus";
		else if (!whole_number(s, UINT32_MAX) || !whole_number(e, UINT32_MAX) || s->num >= e->num ||
			 e->num > (double)L->c->articles[a].body_len)
			why = "has start and end outside the article's body";
		else if (!char_start(&L->c->articles[a], (size_t)s->num) || !char_start(&L->c->articles[a], (size_t)e->num))
			why = "has an offset inside a character";
		else if (!same_text(&L->c->articles[a], (uint32_t)s->num, (uint32_t)e->num, rv_json_get(m, "text")))
			why = "has a text that differs from the article's at those offsets";
		uint32_t q = GUESS;
		const struct rv_jval *qv = why ? NULL : rv_json_get(m, "quote");
		if (qv && qv->type == RV_JNULL)
			q = RV_NONE;
		else if (qv && L->an) {
			q = whole_number(qv, UINT32_MAX) ? quote_by_id(&L->an[a], (uint32_t)qv->num) : RV_NONE;
			if (q == RV_NONE)
				why = "names a quote that is not in its article";
			else if (L->an[a].quotes[q].end <= (uint32_t)s->num || L->an[a].quotes[q].start >= (uint32_t)e->num)
				why = "names a quote outside its span";
		}
		if (why) {
			note(L, line, "member %zu %s; cluster skipped", k + 1, why);
			free(p.m);
			return;
		}
		add(&p, (struct rv_link_member){a, (uint32_t)s->num, (uint32_t)e->num, q, 0});
	}
	const struct rv_jval *kind = rv_json_get(parent, "kind");
	p.passage = kind && kind->type == RV_JSTR && !strcmp(kind->str, "passage");
	if (p.n < 2) {
		note(L, line, "a cluster needs two members or more; skipped");
		free(p.m);
		return;
	}
	*new_cluster(L, line) = p;
}

/* A passim record: one member, joined to its cluster by the cluster id. */
static void passim_line(struct loader *L, const struct rv_jval *v, unsigned line)
{
	const struct rv_jval *cid = rv_json_get(v, "cluster");
	uint32_t a = article_of(L, rv_json_get(v, "id"));
	const struct rv_jval *b = rv_json_get(v, "begin"), *e = rv_json_get(v, "end");
	char key[64];
	if (cid->type == RV_JNUM && cid->num == floor(cid->num) && fabs(cid->num) < 1e18)
		snprintf(key, sizeof key, "n%.0f", cid->num);
	else if (cid->type == RV_JSTR && cid->len < sizeof key - 1)
		snprintf(key, sizeof key, "s%s", cid->str);
	else {
		note(L, line, "\"cluster\" is not a number or a short string; record skipped");
		return;
	}
	if (a == RV_NONE) {
		note(L, line, "\"id\" names no article of this corpus; record skipped");
		return;
	}
	const struct rv_article *art = &L->c->articles[a];
	if (!L->u16[a].built)
		u16map_build(&L->u16[a], art);
	uint32_t s, t;
	if (!whole_number(b, UINT32_MAX) || !whole_number(e, UINT32_MAX) || b->num >= e->num ||
	    !u16_to_byte(&L->u16[a], art, b->num, &s) || !u16_to_byte(&L->u16[a], art, e->num, &t)) {
		note(L, line, "\"begin\" and \"end\" do not fit the article's text; record skipped");
		return;
	}
	if (!same_text(art, s, t, rv_json_get(v, "text"))) {
		note(L, line, "\"text\" differs from the article's at those offsets; record skipped");
		return;
	}
	bool fresh;
	uint32_t *slot = rv_strmap_put(&L->passim, key, strlen(key), (uint32_t)L->ncl, &fresh);
	size_t at = *slot;
	if (fresh) {
		struct pending *p = new_cluster(L, line);
		p->key = rv_xstrdup(key + 1);
	}
	add(&L->cl[at], (struct rv_link_member){a, s, t, GUESS, 0});
}

static void read_line(struct loader *L, const char *s, size_t n, unsigned line)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
		i++;
	if (i == n)
		return; /* blank */
	struct rv_jval v;
	const char *err = NULL;
	size_t at = 0;
	if (rv_json_parse(s, n, &v, &err, &at) < 0) {
		note(L, line, "not JSON (%s at byte %zu); line skipped", err, at + 1);
		return;
	}
	const struct rv_jval *members = rv_json_get(&v, "members");
	if (v.type != RV_JOBJ)
		note(L, line, "not a JSON object; line skipped");
	else if (members)
		revue_line(L, &v, members, line);
	else if (rv_json_get(&v, "cluster") && rv_json_get(&v, "id") && rv_json_get(&v, "begin") && rv_json_get(&v, "end"))
		passim_line(L, &v, line);
	else
		note(L, line,
			    "neither a revue cluster (\"members\") nor a passim record (\"cluster\", \"id\", \"begin\", \"end\"); "
			    "line skipped");
	rv_json_free(&v);
}

/* The quotation of article a that the span [s, e) covers for the most part
 * (more than half of the quotation), or RV_NONE. */
static uint32_t quote_under(const struct rv_analysis *an, uint32_t s, uint32_t e)
{
	uint32_t best = RV_NONE, best_ov = 0;
	for (size_t q = 0; q < an->nquotes; q++) {
		const struct rv_quote *qt = &an->quotes[q];
		uint32_t lo = qt->start > s ? qt->start : s, hi = qt->end < e ? qt->end : e;
		uint32_t ov = hi > lo ? hi - lo : 0;
		if (ov * 2 > qt->end - qt->start && ov > best_ov) {
			best = (uint32_t)q;
			best_ov = ov;
		}
	}
	return best;
}

static void freeze(struct loader *L, struct rv_links *ls)
{
	size_t nm = 0, ncl = 0;
	for (size_t i = 0; i < L->ncl; i++) {
		struct pending *p = &L->cl[i];
		size_t arts = 0;
		qsort(p->m, p->n, sizeof *p->m, rv_link_member_cmp);
		for (size_t k = 0; k < p->n; k++)
			arts += !k || p->m[k].article != p->m[k - 1].article;
		if (p->n < 2 || arts < 2) {
			if (p->key)
				note(L, p->line, "passim cluster %s has %s; skipped", p->key,
					    p->n < 2 ? "one record only" : "all its records in one article");
			else
				note(L, p->line, "a cluster with all its members in one article; skipped");
			p->n = 0;
			continue;
		}
		nm += p->n;
		ncl++;
	}
	ls->clusters = rv_xcalloc(ncl ? ncl : 1, sizeof *ls->clusters);
	ls->members = rv_xmalloc((nm ? nm : 1) * sizeof *ls->members);
	for (size_t i = 0; i < L->ncl; i++) {
		struct pending *p = &L->cl[i];
		if (!p->n)
			continue;
		uint32_t id = (uint32_t)ls->nclusters++;
		struct rv_link_cluster *c = &ls->clusters[id];
		/* the canonical member first: the longest, then the earliest */
		size_t best = 0;
		for (size_t k = 1; k < p->n; k++)
			if (p->m[k].end - p->m[k].start > p->m[best].end - p->m[best].start)
				best = k;
		struct rv_link_member top = p->m[best];
		memmove(p->m + 1, p->m, best * sizeof *p->m);
		p->m[0] = top;
		bool all_quotes = L->an != NULL && !p->passage;
		for (size_t k = 0; k < p->n; k++) {
			struct rv_link_member *m = &p->m[k];
			m->cluster = id;
			if (!L->an)
				m->quote = RV_NONE;
			else if (m->quote == GUESS)
				m->quote = quote_under(&L->an[m->article], m->start, m->end);
			if (m->quote != RV_NONE && L->an[m->article].quotes[m->quote].cluster != RV_NONE)
				m->quote = RV_NONE; /* already in an earlier cluster */
			all_quotes &= m->quote != RV_NONE;
		}
		c->kind = all_quotes ? RV_LINK_QUOTE : RV_LINK_PASSAGE;
		c->score = 0; /* computed elsewhere: no similarity of ours */
		c->first = (uint32_t)ls->nmembers;
		c->n = (uint32_t)p->n;
		uint32_t seen = RV_NONE;
		for (size_t k = 0; k < p->n; k++) {
			struct rv_link_member m = p->m[k];
			if (!all_quotes)
				m.quote = RV_NONE;
			else {
				struct rv_quote *q = &L->an[m.article].quotes[m.quote];
				q->cluster = id;
				if (q->speaker != RV_NONE) {
					if (seen != RV_NONE && seen != q->speaker)
						c->speaker_conflict = true;
					seen = q->speaker;
				}
			}
			ls->members[ls->nmembers++] = m;
		}
	}
	rv_links_index_members(ls, L->c->n);
}

struct rv_links *rv_links_read(const struct rv_corpus *c, struct rv_analysis *an, FILE *f, const char *path,
			       struct rv_diags *d)
{
	struct loader L = {.c = c, .an = an, .path = path, .d = d};
	for (size_t a = 0; a < c->n; a++) {
		bool fresh;
		rv_strmap_put(&L.ids, c->articles[a].id, strlen(c->articles[a].id), (uint32_t)a, &fresh);
	}
	L.u16 = rv_xcalloc(c->n ? c->n : 1, sizeof *L.u16);
	if (an)
		for (size_t a = 0; a < c->n; a++)
			for (size_t q = 0; q < an[a].nquotes; q++)
				an[a].quotes[q].cluster = RV_NONE;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	unsigned lineno = 0;
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		read_line(&L, line, (size_t)n - (n && line[n - 1] == '\n'), lineno);
	}
	if (ferror(f))
		rv_diag_add(d, path, 0, "read error: the link file stops at line %u", lineno);
	free(line);
	struct rv_links *ls = rv_xcalloc(1, sizeof *ls);
	freeze(&L, ls);
	if (L.skipped > MAX_NOTES)
		rv_diag_add(d, path, 0, "%zu more records skipped", L.skipped - MAX_NOTES);
	for (size_t i = 0; i < L.ncl; i++) {
		free(L.cl[i].m);
		free(L.cl[i].key);
	}
	free(L.cl);
	for (size_t a = 0; a < c->n; a++) {
		free(L.u16[a].unit);
		free(L.u16[a].byte);
	}
	free(L.u16);
	rv_strmap_free(&L.ids);
	rv_strmap_free(&L.passim);
	return ls;
}

struct rv_links *rv_links_load(const struct rv_corpus *c, struct rv_analysis *an, const char *path,
			       struct rv_diags *d)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		rv_diag_add(d, path, 0, "cannot read the link file: %s", strerror(errno));
		return NULL;
	}
	struct rv_links *ls = rv_links_read(c, an, f, path, d);
	fclose(f);
	return ls;
}
