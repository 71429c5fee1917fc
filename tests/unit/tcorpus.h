/* tcorpus.h — a corpus built in memory from article texts, ids 0000.txt,
 * 0001.txt...: what the link finder's and the link file's tests build.
 * Include it after testutil.h and revue/corpus.h; free with
 * rv_corpus_free. */
#ifndef REVUE_TCORPUS_H
#define REVUE_TCORPUS_H

static inline struct rv_corpus *tu_corpus_of(const char *const *texts, size_t n)
{
	struct rv_corpus *c = calloc(1, sizeof *c);
	c->articles = calloc(n, sizeof *c->articles);
	for (size_t i = 0; i < n; i++) {
		char id[32];
		snprintf(id, sizeof id, "%04zu.txt", i);
		struct rv_diags d = {0};
		assert_true(rv_article_from_bytes(id, (const unsigned char *)texts[i], strlen(texts[i]),
						  &c->articles[c->n], &d));
		rv_diag_free(&d);
		c->bytes += strlen(texts[i]);
		c->n++;
	}
	return c;
}

#endif
