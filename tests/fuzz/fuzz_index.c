/* fuzz_index.c — the shared index over a few articles built from one input.
 *
 * The input is split at lines holding only "%%" into 1 to 4 articles, each
 * read with rv_article_from_bytes and gathered into a corpus in memory (the
 * rv_corpus struct is public, and rv_corpus_free frees what it holds), so
 * no file is written. The index is built on one thread, then queried.
 *
 * Checks: every entity has a name and a key that finds it again, articles
 * ascending and in range; an article's entity counts are positive and most
 * named first; quote speakers and timeline entries point at what exists,
 * and resolved timeline entries come first, in date order.
 */
#include "fuzz.h"

#include "revue/corpus.h"
#include "revue/index.h"
#include "revue/util.h"

#define MAX_ARTICLES 4

static struct rv_corpus *corpus_from(const uint8_t *data, size_t size)
{
	struct fuzz_part parts[MAX_ARTICLES];
	size_t np = fuzz_split(data, size, parts, MAX_ARTICLES);
	struct rv_corpus *c = rv_xcalloc(1, sizeof *c);
	c->articles = rv_xcalloc(np, sizeof *c->articles);
	for (size_t i = 0; i < np; i++) {
		char id[16];
		snprintf(id, sizeof id, "%zu.txt", i);
		if (rv_article_from_bytes(id, parts[i].p, parts[i].n, &c->articles[c->n], &c->diags)) {
			c->bytes += parts[i].n;
			c->n++;
		} else {
			rv_article_free(&c->articles[c->n]); /* a refused article holds its id */
		}
	}
	return c;
}

static void check_entities(const struct rv_index *ix, size_t narticles)
{
	for (size_t e = 0; e < ix->nentities; e++) {
		const struct rv_entity *en = &ix->entities[e];
		FUZZ_CHECK(en->name && en->key && en->type < RV_ET_COUNT);
		FUZZ_CHECK(rv_index_find_entity(ix, en->key) == e);
		for (size_t i = 0; i < en->narticles; i++) {
			FUZZ_CHECK(en->articles[i] < narticles);
			FUZZ_CHECK(i == 0 || en->articles[i - 1] < en->articles[i]);
		}
		struct rv_timeline_ref *q = NULL;
		size_t nq = rv_index_speaker_quotes(ix, (uint32_t)e, &q);
		for (size_t i = 0; i < nq; i++) {
			FUZZ_CHECK(q[i].article < narticles);
			const struct rv_analysis *an = &ix->an[q[i].article];
			FUZZ_CHECK(q[i].entry < an->nquotes && an->quotes[q[i].entry].speaker == e);
		}
		free(q);
	}
}

static void check_articles(const struct rv_index *ix, size_t narticles)
{
	for (size_t a = 0; a < narticles; a++) {
		struct rv_entity_count *ec = NULL;
		size_t n = rv_index_article_entities(ix, a, &ec);
		for (size_t i = 0; i < n; i++) {
			FUZZ_CHECK(ec[i].entity < ix->nentities && ec[i].count > 0);
			FUZZ_CHECK(i == 0 || ec[i - 1].count >= ec[i].count);
		}
		free(ec);
		const struct rv_analysis *an = &ix->an[a];
		for (size_t q = 0; q < an->nquotes; q++) {
			FUZZ_CHECK(an->quotes[q].speaker == RV_NONE || an->quotes[q].speaker < ix->nentities);
			FUZZ_CHECK(an->quotes[q].end <= ix->corpus->articles[a].body_len);
		}
		for (size_t k = 0; k < an->nnames; k++)
			FUZZ_CHECK(an->names[k].entity == RV_NONE || an->names[k].entity < ix->nentities);
	}
}

static void check_timeline(const struct rv_index *ix, size_t narticles)
{
	FUZZ_CHECK(ix->nresolved <= ix->ntimeline);
	for (size_t i = 0; i < ix->ntimeline; i++) {
		const struct rv_timeline_ref *r = &ix->timeline[i];
		FUZZ_CHECK(r->article < narticles && r->entry < ix->an[r->article].ndates);
		const struct rv_tentry *e = &ix->an[r->article].dates[r->entry];
		FUZZ_CHECK(e->resolved == (i < ix->nresolved));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rv_corpus *c = corpus_from(data, size);
	if (c->n > 0) {
		struct rv_index_opts opts = {.threads = 1, .aliases = NULL};
		struct rv_index *ix = rv_index_build(c, &opts);
		FUZZ_CHECK(ix != NULL && ix->corpus == c);
		check_entities(ix, c->n);
		check_articles(ix, c->n);
		check_timeline(ix, c->n);
		rv_index_free(ix);
	}
	rv_corpus_free(c);
	return 0;
}
