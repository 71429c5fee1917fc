/* fuzz_linkfile.c — link files read back (src/core/linkfile.c) and the JSON
 * reader under them (src/core/jsonread.c).
 *
 * The input is split at lines holding only "%%": the last part is a link
 * file, the others (at most three) articles built in memory. The index is
 * built on them (its own links computed), then the link file is read over
 * it, from memory. The whole input is also parsed as one JSON text.
 *
 * Checks: a JSON parse either succeeds with a value whose strings are valid
 * UTF-8, or fails with a message and an offset inside the input; every
 * cluster read has two members or more in two articles or more; every
 * member lies in its article's body, on character boundaries, with its
 * quote (if any) overlapping it and pointing back at the cluster; the
 * by-article order is complete and sorted; every diagnostic names the file.
 */
#include "fuzz.h"

#include "revue/corpus.h"
#include "revue/index.h"
#include "revue/json.h"
#include "revue/link.h"
#include "revue/util.h"

#define MAX_PARTS 4

static void check_jval(const struct rv_jval *v, unsigned depth)
{
	FUZZ_CHECK(depth <= RV_JSON_DEPTH + 1);
	switch (v->type) {
	case RV_JSTR:
		FUZZ_CHECK(v->str && v->str[v->len] == 0);
		for (size_t i = 0; i < v->len;) {
			unsigned cp;
			size_t k = rv_utf8_decode((const unsigned char *)v->str + i, v->len - i, &cp);
			FUZZ_CHECK(k > 0 && cp != 0);
			i += k;
		}
		break;
	case RV_JARR:
	case RV_JOBJ:
		for (size_t i = 0; i < v->n; i++) {
			if (v->type == RV_JOBJ)
				FUZZ_CHECK(v->keys[i] != NULL);
			check_jval(&v->items[i], depth + 1);
		}
		break;
	default:
		break;
	}
}

static void check_links(const struct rv_corpus *c, const struct rv_analysis *an, const struct rv_links *ls)
{
	for (size_t k = 0; k < ls->nclusters; k++) {
		const struct rv_link_cluster *cl = &ls->clusters[k];
		FUZZ_CHECK(cl->n >= 2 && cl->first + cl->n <= ls->nmembers);
		bool two = false;
		for (uint32_t i = 0; i < cl->n; i++) {
			const struct rv_link_member *m = &ls->members[cl->first + i];
			FUZZ_CHECK(m->cluster == k && m->article < c->n);
			two |= m->article != ls->members[cl->first].article;
			const struct rv_article *a = &c->articles[m->article];
			FUZZ_CHECK(m->start < m->end && m->end <= a->body_len);
			FUZZ_CHECK(fuzz_cp_boundary(a->body, a->body_len, m->start));
			FUZZ_CHECK(fuzz_cp_boundary(a->body, a->body_len, m->end));
			if (m->quote != RV_NONE) {
				FUZZ_CHECK(m->quote < an[m->article].nquotes);
				const struct rv_quote *q = &an[m->article].quotes[m->quote];
				FUZZ_CHECK(q->cluster == k && q->start < m->end && q->end > m->start);
			}
			FUZZ_CHECK((cl->kind == RV_LINK_QUOTE) == (m->quote != RV_NONE));
		}
		FUZZ_CHECK(two);
	}
	FUZZ_CHECK(ls->narticles == c->n && ls->article_at[c->n] == ls->nmembers);
	for (size_t i = 1; i < ls->nmembers; i++) {
		const struct rv_link_member *x = &ls->members[ls->by_article[i - 1]], *y = &ls->members[ls->by_article[i]];
		FUZZ_CHECK(x->article < y->article || (x->article == y->article && x->start <= y->start));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rv_jval v;
	const char *err = NULL;
	size_t at = 0;
	if (rv_json_parse((const char *)data, size, &v, &err, &at) == 0) {
		check_jval(&v, 0);
		rv_json_free(&v);
	} else {
		FUZZ_CHECK(err && at <= size);
	}

	struct fuzz_part parts[MAX_PARTS];
	size_t np = fuzz_split(data, size, parts, MAX_PARTS);
	if (np < 2)
		return 0;
	struct rv_corpus *c = rv_xcalloc(1, sizeof *c);
	c->articles = rv_xcalloc(np - 1, sizeof *c->articles);
	for (size_t i = 0; i + 1 < np; i++) {
		char id[16];
		snprintf(id, sizeof id, "%zu.txt", i);
		if (rv_article_from_bytes(id, parts[i].p, parts[i].n, &c->articles[c->n], &c->diags)) {
			c->bytes += parts[i].n;
			c->n++;
		} else {
			rv_article_free(&c->articles[c->n]);
		}
	}
	struct rv_index_opts o = {.threads = 1};
	struct rv_index *ix = rv_index_build(c, &o);
	const struct fuzz_part *lf = &parts[np - 1];
	FILE *f = fmemopen((void *)(lf->n ? lf->p : (const uint8_t *)""), lf->n ? lf->n : 1, "r");
	if (f) {
		struct rv_diags d = {0};
		struct rv_links *ls = rv_links_read(c, ix->an, f, "links.jsonl", &d);
		fclose(f);
		check_links(c, ix->an, ls);
		for (size_t i = 0; i < d.n; i++)
			FUZZ_CHECK(d.v[i].file && !strcmp(d.v[i].file, "links.jsonl") && d.v[i].msg);
		rv_links_free(ls);
		rv_diag_free(&d);
	}
	rv_index_free(ix);
	rv_corpus_free(c);
	return 0;
}
