/* bench_load — time rv_corpus_load (read + decode + validate + normalise +
 * fold), or with "index" rv_index_build on the loaded corpus, or with "link"
 * rv_links_build alone (fingerprints, pairs, alignment, clusters; no
 * quotes), several runs, and print the median.
 *
 * usage: bench_load DIR RUNS THREADS [index|link]
 * prints: "articles BYTES median_s MB/s peak_rss_MB" on one line.
 */
#include "revue/corpus.h"
#include "revue/index.h"
#include "revue/link.h"

#include <string.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	if (argc != 4 && argc != 5) {
		fprintf(stderr, "usage: bench_load DIR RUNS THREADS [index|link]\n");
		return 2;
	}
	bool index = argc == 5 && !strcmp(argv[4], "index");
	bool link = argc == 5 && !strcmp(argv[4], "link");
	const char *paths[] = {argv[1]};
	int runs = atoi(argv[2]);
	struct rv_corpus_opts opts = {.threads = (unsigned)atoi(argv[3])};
	if (runs < 1 || runs > 100)
		return 2;
	double t[100];
	size_t n = 0, bytes = 0;
	for (int r = 0; r < runs; r++) {
		struct rv_corpus *c;
		struct rv_diags err = {0};
		double t0 = now();
		if (rv_corpus_load(paths, 1, &opts, &c, &err) < 0) {
			fprintf(stderr, "bench_load: cannot load %s\n", argv[1]);
			return 1;
		}
		if (index) {
			t0 = now();
			struct rv_index_opts io = {.threads = opts.threads};
			struct rv_index *ix = rv_index_build(c, &io);
			if (getenv("BENCH_PHASES"))
				fprintf(stderr, "analyse %.3f s, resolve %.3f s, link %.3f s\n", ix->seconds_analyse,
					ix->seconds_resolve, ix->seconds_link);
			rv_index_free(ix);
		} else if (link) {
			t0 = now();
			struct rv_link_opts lo = {.threads = opts.threads};
			struct rv_links *ls = rv_links_build(c, NULL, &lo);
			if (getenv("BENCH_PHASES"))
				fprintf(stderr,
					"%zu candidate pairs, %zu aligned, %zu clusters; fingerprints %.3f s, pairs "
					"%.3f s, alignment %.3f s, clusters %.3f s\n",
					ls->candidate_pairs, ls->aligned_pairs, ls->nclusters, ls->phase[0], ls->phase[1],
					ls->phase[2], ls->phase[3]);
			rv_links_free(ls);
		}
		t[r] = now() - t0;
		n = c->n;
		bytes = c->bytes;
		rv_corpus_free(c);
	}
	qsort(t, (size_t)runs, sizeof t[0], cmp_double);
	double med = t[runs / 2];
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("%zu %zu %.4f %.1f %.1f\n", n, bytes, med, (double)bytes / 1e6 / med, (double)ru.ru_maxrss / 1024.0);
	return 0;
}
