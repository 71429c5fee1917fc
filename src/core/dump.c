#include "revue/dump.h"

#include "revue/diff.h"
#include "revue/hash.h"
#include "revue/json.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

static void null_or_string(struct rv_buf *b, const char *s)
{
	if (*s)
		rv_json_cstring(b, s);
	else
		rv_buf_adds(b, "null");
}

static void key_span(struct rv_buf *b, size_t start, size_t end)
{
	rv_json_key(b, "start", false);
	rv_buf_printf(b, "%zu", start);
	rv_json_key(b, "end", false);
	rv_buf_printf(b, "%zu", end);
}

static void key_text(struct rv_buf *b, const char *key, const struct rv_article *a, size_t start, size_t end)
{
	rv_json_key(b, key, false);
	rv_json_string(b, a->body + start, end - start);
}

/* --- articles ---------------------------------------------------------- */

static void dump_articles(const struct rv_corpus *c, const struct rv_index *ix, size_t i, struct rv_buf *b)
{
	(void)ix;
	const struct rv_article *a = &c->articles[i];
	char date[11];
	rv_date_format(&a->date, date);
	rv_buf_addc(b, '{');
	rv_json_key(b, "id", true);
	rv_json_cstring(b, a->id);
	rv_json_key(b, "title", false);
	rv_json_cstring(b, a->title);
	rv_json_key(b, "date", false);
	null_or_string(b, date);
	rv_json_key(b, "source", false);
	null_or_string(b, a->source);
	rv_json_key(b, "lang", false);
	rv_json_cstring(b, a->lang);
	rv_json_key(b, "encoding", false);
	rv_json_cstring(b, rv_encoding_name(a->encoding));
	rv_json_key(b, "bytes", false);
	rv_buf_printf(b, "%zu", a->file_bytes);
	rv_json_key(b, "words", false);
	rv_buf_printf(b, "%zu", rv_text_words(a->body, a->body_len, NULL));
	rv_json_key(b, "body_bytes", false);
	rv_buf_printf(b, "%zu", a->body_len);
	char hex[17];
	rv_hash_hex(a->hash, hex);
	rv_json_key(b, "hash", false);
	rv_json_cstring(b, hex);
	rv_json_key(b, "url", false);
	null_or_string(b, a->url);
	rv_json_key(b, "author", false);
	null_or_string(b, a->author);
	rv_json_key(b, "fields", false);
	rv_buf_addc(b, '{');
	for (size_t k = 0; k < a->n_extra; k++) {
		rv_json_key(b, a->extra[k].key, k == 0);
		rv_json_cstring(b, a->extra[k].value);
	}
	rv_buf_adds(b, "}}\n");
}

/* --- entities: one line per mention, names and amounts in text order ---- */

static const char *period_name(enum rv_period p)
{
	switch (p) {
	case RV_PERIOD_DAY: return "day";
	case RV_PERIOD_WEEK: return "week";
	case RV_PERIOD_MONTH: return "month";
	case RV_PERIOD_YEAR: return "year";
	case RV_PERIOD_NONE: break;
	}
	return NULL;
}

static void mention_head(struct rv_buf *b, const struct rv_article *a, const char *name, enum rv_etype type,
			 size_t start, size_t end)
{
	rv_buf_addc(b, '{');
	rv_json_key(b, "article", true);
	rv_json_cstring(b, a->id);
	rv_json_key(b, "name", false);
	rv_json_cstring(b, name);
	rv_json_key(b, "type", false);
	rv_json_cstring(b, rv_etype_name(type));
	key_span(b, start, end);
	key_text(b, "text", a, start, end);
}

static void dump_amount(struct rv_buf *b, const struct rv_article *a, const struct rv_amount *m)
{
	char name[64];
	if (m->kind == RV_ET_PERCENT)
		snprintf(name, sizeof name, "%.15g %%", m->value);
	else
		snprintf(name, sizeof name, "%.15g%s%s", m->value, m->unit[0] ? " " : "", m->unit);
	mention_head(b, a, name, m->kind, m->start, m->end);
	rv_json_key(b, "value", false);
	if (isfinite(m->value))
		rv_buf_printf(b, "%.15g", m->value);
	else
		rv_buf_adds(b, "null"); /* JSON has no infinity */
	rv_json_key(b, "unit", false);
	rv_json_cstring(b, m->kind == RV_ET_PERCENT ? "%" : (m->unit[0] ? m->unit : NULL));
	if (m->kind == RV_ET_MONEY) {
		rv_json_key(b, "period", false);
		rv_json_cstring(b, period_name(m->period));
	}
	rv_buf_adds(b, "}\n");
}

static void dump_entities(const struct rv_corpus *c, const struct rv_index *ix, size_t i, struct rv_buf *b)
{
	const struct rv_article *a = &c->articles[i];
	const struct rv_analysis *an = &ix->an[i];
	size_t n = 0, m = 0;
	while (n < an->nnames || m < an->namounts) {
		bool name_next = m >= an->namounts || (n < an->nnames && an->names[n].start <= an->amounts[m].start);
		if (name_next) {
			const struct rv_name *nm = &an->names[n++];
			if (nm->entity == RV_NONE)
				continue;
			const struct rv_entity *e = &ix->entities[nm->entity];
			mention_head(b, a, e->name, e->type, nm->start, nm->end);
			rv_buf_adds(b, "}\n");
		} else {
			dump_amount(b, a, &an->amounts[m++]);
		}
	}
}

/* --- quotes ------------------------------------------------------------ */

static void dump_quotes(const struct rv_corpus *c, const struct rv_index *ix, size_t i, struct rv_buf *b)
{
	const struct rv_article *a = &c->articles[i];
	const struct rv_analysis *an = &ix->an[i];
	for (size_t q = 0; q < an->nquotes; q++) {
		const struct rv_quote *qu = &an->quotes[q];
		rv_buf_addc(b, '{');
		rv_json_key(b, "id", true);
		rv_buf_printf(b, "%u", qu->id);
		rv_json_key(b, "article", false);
		rv_json_cstring(b, a->id);
		key_span(b, qu->start, qu->end);
		rv_json_key(b, "text", false);
		rv_json_cstring(b, qu->text);
		rv_json_key(b, "kind", false);
		rv_json_cstring(b, qu->kind == RV_QUOTE_SPEECH ? "speech" : "term");
		rv_json_key(b, "speaker", false);
		rv_json_cstring(b, qu->speaker == RV_NONE ? NULL : ix->entities[qu->speaker].name);
		rv_json_key(b, "cluster", false);
		if (qu->cluster == RV_NONE)
			rv_buf_adds(b, "null");
		else
			rv_buf_printf(b, "%u", qu->cluster);
		rv_json_key(b, "block", false);
		rv_buf_adds(b, qu->flags & RV_QUOTE_BLOCK ? "true" : "false");
		rv_json_key(b, "unterminated", false);
		rv_buf_adds(b, qu->flags & RV_QUOTE_UNTERMINATED ? "true" : "false");
		rv_buf_adds(b, "}\n");
	}
}

/* --- timeline: the corpus's entries in date order, unresolved last ------ */

static const char *const granularities[] = {"year", "season", "quarter", "month", "week", "day", "decade"};
static const char *const mods[] = {NULL, "start", "mid", "end", "approx"};

static void dump_timeline(const struct rv_corpus *c, const struct rv_index *ix, size_t i, struct rv_buf *b)
{
	const struct rv_timeline_ref *r = &ix->timeline[i];
	const struct rv_article *a = &c->articles[r->article];
	const struct rv_tentry *e = &ix->an[r->article].dates[r->entry];
	rv_buf_addc(b, '{');
	rv_json_key(b, "article", true);
	rv_json_cstring(b, a->id);
	rv_json_key(b, "date", false);
	rv_json_cstring(b, e->resolved ? e->date : NULL);
	rv_json_key(b, "granularity", false);
	rv_json_cstring(b, granularities[e->granularity]);
	rv_json_key(b, "mod", false);
	rv_json_cstring(b, mods[e->mod]);
	rv_json_key(b, "resolved", false);
	rv_buf_adds(b, e->resolved ? "true" : "false");
	rv_json_key(b, "relative", false);
	rv_buf_adds(b, e->relative ? "true" : "false");
	key_span(b, e->start, e->end);
	key_text(b, "expression", a, e->start, e->end);
	key_text(b, "sentence", a, e->sent_start, e->sent_end);
	rv_buf_adds(b, "}\n");
}

/* --- diff: two spans, not the corpus ----------------------------------- */

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return n > 0;
}

/* The decimal offset s[0, n) (all digits), or false when it overflows. */
static bool parse_offset(const char *s, size_t n, size_t *out)
{
	size_t v = 0;
	for (size_t i = 0; i < n; i++) {
		size_t digit = (size_t)(s[i] - '0');
		if (v > (SIZE_MAX - digit) / 10)
			return false;
		v = v * 10 + digit;
	}
	*out = v;
	return true;
}

const char *rv_dump_span_parse(const char *arg, struct rv_dump_span *out)
{
	*out = (struct rv_dump_span){.arg = arg, .id_len = strlen(arg), .whole = true};
	const char *last = strrchr(arg, ':');
	if (last) {
		const char *mid = last;
		while (mid > arg && mid[-1] != ':')
			mid--;
		size_t s, e, ns = (size_t)(last - mid), ne = strlen(last + 1);
		if (mid > arg && all_digits(mid, ns) && all_digits(last + 1, ne)) {
			if (!parse_offset(mid, ns, &s) || !parse_offset(last + 1, ne, &e))
				return "offset too large in";
			if (s > e)
				return "START is past END in";
			out->id_len = (size_t)(mid - 1 - arg);
			out->whole = false;
			out->start = s;
			out->end = e;
		}
	}
	return out->id_len ? NULL : "no article id in";
}

/* The article a span names: the id in full, else the one id it begins. */
static const struct rv_article *find_article(const struct rv_corpus *c, const struct rv_dump_span *sp,
					     const char **why)
{
	const struct rv_article *found = NULL;
	for (size_t i = 0; i < c->n; i++)
		if (strlen(c->articles[i].id) == sp->id_len && !memcmp(c->articles[i].id, sp->arg, sp->id_len))
			return &c->articles[i];
	for (size_t i = 0; i < c->n; i++) {
		if (strncmp(c->articles[i].id, sp->arg, sp->id_len) != 0)
			continue;
		if (found) {
			*why = "more than one article id begins with";
			return NULL;
		}
		found = &c->articles[i];
	}
	if (!found)
		*why = "no article id is or begins with";
	return found;
}

static void diff_run(struct rv_buf *b, const struct rv_article *x, const struct rv_article *y,
		     const struct rv_diff_run *r)
{
	rv_buf_addc(b, '{');
	rv_json_key(b, "op", true);
	rv_json_cstring(b, rv_diff_op_name(r->op));
	rv_json_key(b, "minor", false);
	rv_buf_adds(b, r->minor ? "true" : "false");
	rv_json_key(b, "a_start", false);
	rv_buf_printf(b, "%zu", r->a_start);
	rv_json_key(b, "a_end", false);
	rv_buf_printf(b, "%zu", r->a_end);
	key_text(b, "a_text", x, r->a_start, r->a_end);
	rv_json_key(b, "a_words", false);
	rv_buf_printf(b, "%zu", r->a_words);
	rv_json_key(b, "b_start", false);
	rv_buf_printf(b, "%zu", r->b_start);
	rv_json_key(b, "b_end", false);
	rv_buf_printf(b, "%zu", r->b_end);
	key_text(b, "b_text", y, r->b_start, r->b_end);
	rv_json_key(b, "b_words", false);
	rv_buf_printf(b, "%zu", r->b_words);
	rv_buf_adds(b, "}\n");
}

static void diff_summary(struct rv_buf *b, const struct rv_article *x, const struct rv_article *y,
			 const struct rv_diff *d)
{
	rv_buf_addc(b, '{');
	rv_json_key(b, "op", true);
	rv_json_cstring(b, "summary");
	rv_json_key(b, "a", false);
	rv_json_cstring(b, x->id);
	rv_json_key(b, "a_start", false);
	rv_buf_printf(b, "%zu", d->a_start);
	rv_json_key(b, "a_end", false);
	rv_buf_printf(b, "%zu", d->a_end);
	rv_json_key(b, "b", false);
	rv_json_cstring(b, y->id);
	rv_json_key(b, "b_start", false);
	rv_buf_printf(b, "%zu", d->b_start);
	rv_json_key(b, "b_end", false);
	rv_buf_printf(b, "%zu", d->b_end);
	rv_json_key(b, "words_a", false);
	rv_buf_printf(b, "%zu", d->words_a);
	rv_json_key(b, "words_b", false);
	rv_buf_printf(b, "%zu", d->words_b);
	rv_json_key(b, "words_common", false);
	rv_buf_printf(b, "%zu", d->words_common);
	rv_json_key(b, "share", false);
	rv_buf_printf(b, "%.4f", d->share);
	rv_json_key(b, "changed", false);
	rv_buf_printf(b, "%zu", d->changed);
	rv_json_key(b, "minor", false);
	rv_buf_printf(b, "%zu", d->minor);
	rv_json_key(b, "removed", false);
	rv_buf_printf(b, "%zu", d->removed);
	rv_json_key(b, "added", false);
	rv_buf_printf(b, "%zu", d->added);
	rv_json_key(b, "coarse", false);
	rv_buf_adds(b, d->coarse ? "true" : "false");
	rv_buf_adds(b, "}\n");
}

int rv_dump_diff(const struct rv_corpus *c, const struct rv_dump_span *a, const struct rv_dump_span *b, FILE *out,
		 const char **why, const char **bad)
{
	const struct rv_article *x = find_article(c, a, why);
	if (!x) {
		*bad = a->arg;
		return -2;
	}
	const struct rv_article *y = find_article(c, b, why);
	if (!y) {
		*bad = b->arg;
		return -2;
	}
	struct rv_diff d;
	rv_diff_spans(x->body, x->body_len, a->whole ? 0 : a->start, a->whole ? x->body_len : a->end, y->body,
		      y->body_len, b->whole ? 0 : b->start, b->whole ? y->body_len : b->end, &d);
	struct rv_buf buf = {0};
	int rc = 0;
	for (size_t r = 0; r <= d.n && !rc; r++) {
		if (r < d.n)
			diff_run(&buf, x, y, &d.runs[r]);
		else
			diff_summary(&buf, x, y, &d);
		if (buf.len >= 1 << 16 || r == d.n) {
			if (fwrite(buf.p, 1, buf.len, out) != buf.len)
				rc = -1;
			buf.len = 0;
		}
	}
	rv_buf_free(&buf);
	rv_diff_free(&d);
	if (!rc && fflush(out))
		rc = -1;
	return rc;
}

/* --- links: one cluster per line, the canonical member first ------------ */

static void dump_links(const struct rv_corpus *c, const struct rv_index *ix, size_t i, struct rv_buf *b)
{
	const struct rv_link_cluster *cl = &ix->links->clusters[i];
	rv_buf_addc(b, '{');
	rv_json_key(b, "id", true);
	rv_buf_printf(b, "%zu", i);
	rv_json_key(b, "kind", false);
	rv_json_cstring(b, rv_link_kind_name(cl->kind));
	rv_json_key(b, "score", false);
	rv_buf_printf(b, "%.3f", cl->score);
	rv_json_key(b, "speaker_conflict", false);
	rv_buf_adds(b, cl->speaker_conflict ? "true" : "false");
	rv_json_key(b, "members", false);
	rv_buf_addc(b, '[');
	for (uint32_t k = 0; k < cl->n; k++) {
		const struct rv_link_member *m = &ix->links->members[cl->first + k];
		const struct rv_article *a = &c->articles[m->article];
		if (k)
			rv_buf_addc(b, ',');
		rv_buf_addc(b, '{');
		rv_json_key(b, "article", true);
		rv_json_cstring(b, a->id);
		key_span(b, m->start, m->end);
		key_text(b, "text", a, m->start, m->end);
		rv_json_key(b, "quote", false);
		if (m->quote == RV_NONE)
			rv_buf_adds(b, "null");
		else
			rv_buf_printf(b, "%u", ix->an[m->article].quotes[m->quote].id);
		rv_buf_addc(b, '}');
	}
	rv_buf_adds(b, "]}\n");
}

/* --- passim: the corpus as passim's input ------------------------------ */

/* One document per article: passim's id is revue's article id, its series
 * the outlet (reuse inside one series is ignored by passim, so an article
 * with no known source is a series of its own), its text the body that
 * every byte offset of revue counts in. */
static void dump_passim(const struct rv_corpus *c, const struct rv_index *ix, size_t i, struct rv_buf *b)
{
	(void)ix;
	const struct rv_article *a = &c->articles[i];
	char date[11];
	rv_date_format(&a->date, date);
	rv_buf_addc(b, '{');
	rv_json_key(b, "id", true);
	rv_json_cstring(b, a->id);
	rv_json_key(b, "series", false);
	rv_json_cstring(b, *a->source ? a->source : a->id);
	rv_json_key(b, "date", false);
	null_or_string(b, date);
	rv_json_key(b, "text", false);
	rv_json_string(b, a->body, a->body_len);
	rv_buf_adds(b, "}\n");
}

typedef void (*dump_fn)(const struct rv_corpus *c, const struct rv_index *ix, size_t i, struct rv_buf *b);

static const struct {
	const char *kind;
	bool needs_index;
	enum { PER_ARTICLE, PER_TIMELINE_ENTRY, PER_LINK_CLUSTER } over; /* what one call of fn writes */
	bool takes_spans; /* rv_dump_diff, not rv_dump */
	bool needs_store; /* written by the state store (state.h), not here */
	dump_fn fn;
} kinds[] = {
	{"articles", false, PER_ARTICLE, false, false, dump_articles},
	{"entities", true, PER_ARTICLE, false, false, dump_entities},
	{"quotes", true, PER_ARTICLE, false, false, dump_quotes},
	{"timeline", true, PER_TIMELINE_ENTRY, false, false, dump_timeline},
	{"links", true, PER_LINK_CLUSTER, false, false, dump_links},
	{"passim", false, PER_ARTICLE, false, false, dump_passim},
	{"diff", false, PER_ARTICLE, true, false, NULL},
	{"state", false, PER_ARTICLE, false, true, NULL},
};

static int find_kind(const char *kind)
{
	for (size_t i = 0; i < RV_ARRAY_LEN(kinds); i++)
		if (!strcmp(kinds[i].kind, kind))
			return (int)i;
	return -1;
}

bool rv_dump_known(const char *kind)
{
	return find_kind(kind) >= 0;
}

bool rv_dump_needs_index(const char *kind)
{
	int k = find_kind(kind);
	return k >= 0 && kinds[k].needs_index;
}

const char *rv_dump_kinds(void)
{
	return "articles, entities, quotes, timeline, links, passim, diff, state";
}

bool rv_dump_needs_store(const char *kind)
{
	int k = find_kind(kind);
	return k >= 0 && kinds[k].needs_store;
}

bool rv_dump_takes_spans(const char *kind)
{
	int k = find_kind(kind);
	return k >= 0 && kinds[k].takes_spans;
}

int rv_dump(const char *kind, const struct rv_corpus *c, const struct rv_index *ix, FILE *out)
{
	int k = find_kind(kind);
	if (k < 0 || kinds[k].takes_spans || kinds[k].needs_store || (kinds[k].needs_index && !ix))
		return -1;
	size_t n = kinds[k].over == PER_TIMELINE_ENTRY ? ix->ntimeline
		   : kinds[k].over == PER_LINK_CLUSTER ? ix->links->nclusters
						       : c->n;
	struct rv_buf b = {0};
	for (size_t i = 0; i < n; i++) {
		kinds[k].fn(c, ix, i, &b);
		if (b.len >= 1 << 16 || i + 1 == n) {
			if (fwrite(b.p, 1, b.len, out) != b.len) {
				rv_buf_free(&b);
				return -1;
			}
			b.len = 0;
		}
	}
	rv_buf_free(&b);
	return fflush(out) ? -1 : 0;
}
