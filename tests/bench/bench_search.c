/* bench_search — the reader's corpus search ('s') once the corpus is open:
 * loads DIR once, then times rv_search_corpus with PATTERN over every
 * article, RUNS times, with the reader's limits, and prints the median.
 *
 * usage: bench_search DIR RUNS THREADS PATTERN
 * prints: "articles bytes median_s matches" on one line.
 */
#include "revue/corpus.h"
#include "revue/search.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: bench_search DIR RUNS THREADS PATTERN\n");
		return 2;
	}
	const char *paths[] = {argv[1]};
	int runs = atoi(argv[2]);
	if (runs < 1 || runs > 100)
		return 2;
	struct rv_corpus_opts opts = {.threads = (unsigned)atoi(argv[3])};
	struct rv_corpus *c;
	struct rv_diags err = {0};
	if (rv_corpus_load(paths, 1, &opts, &c, &err) < 0) {
		fprintf(stderr, "bench_search: cannot load %s\n", argv[1]);
		return 1;
	}
	char why[200];
	struct rv_search *s = rv_search_new(argv[4], strlen(argv[4]), why, sizeof why);
	if (!s) {
		fprintf(stderr, "bench_search: %s\n", why);
		return 2;
	}
	uint32_t *counts = malloc(c->n * sizeof *counts);
	double t[100];
	size_t total = 0;
	for (int r = 0; r < runs; r++) {
		/* the reader's own settings (src/ui/app.c, corpus_search) */
		struct rv_corpus_search o = {.threads = opts.threads, .deadline = INFINITY, .article_seconds = 0.2,
					     .seconds_per_byte = 1.0 / 20e6};
		double t0 = rv_search_now();
		if (rv_search_corpus(s, c, &o, 100000, counts, NULL) != RV_SEARCH_OK) {
			fprintf(stderr, "bench_search: the search stopped\n");
			return 1;
		}
		t[r] = rv_search_now() - t0;
		total = 0;
		for (size_t i = 0; i < c->n; i++)
			total += counts[i];
	}
	qsort(t, (size_t)runs, sizeof t[0], cmp_double);
	printf("%zu %zu %.4f %zu\n", c->n, c->bytes, t[runs / 2], total);
	free(counts);
	rv_search_free(s);
	rv_corpus_free(c);
	return 0;
}
