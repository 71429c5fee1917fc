/* bench_state — what saved state costs the reader, on a real corpus:
 * loading it (for scale), hashing every body, one change (a read mark, one
 * transaction), and the bulk load of the whole corpus's state, with every
 * article marked and again with a store also holding OTHER rows of other
 * corpora. Medians of RUNS runs.
 *
 * usage: bench_state DIR RUNS [OTHER]
 */
#include "revue/corpus.h"
#include "revue/hash.h"
#include "revue/state.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return v[n / 2];
}

static double time_load(struct rv_state *st, const struct rv_corpus *c, int runs)
{
	double t[64];
	for (int r = 0; r < runs; r++) {
		struct rv_diags d = {0};
		struct rv_state_snapshot s;
		double t0 = now();
		rv_state_load(st, c, &s, &d);
		t[r] = now() - t0;
		rv_state_snapshot_free(&s);
		rv_diag_free(&d);
	}
	return median(t, runs);
}

int main(int argc, char **argv)
{
	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: bench_state DIR RUNS [OTHER]\n");
		return 2;
	}
	const char *paths[] = {argv[1]};
	int runs = atoi(argv[2]);
	long other = argc == 4 ? atol(argv[3]) : 100000;
	if (runs < 1 || runs > 64)
		runs = 5;
	struct rv_corpus *c;
	struct rv_diags err = {0};
	double t0 = now();
	if (rv_corpus_load(paths, 1, NULL, &c, &err) < 0)
		return 1;
	double t_corpus = now() - t0;

	double t[64];
	uint64_t sink = 0;
	for (int r = 0; r < runs; r++) {
		t0 = now();
		for (size_t i = 0; i < c->n; i++)
			sink += rv_hash64(c->articles[i].body, c->articles[i].body_len);
		t[r] = now() - t0;
	}
	double t_hash = median(t, runs);

	char dir[] = "/tmp/revue-bench-state.XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	char *path = rv_xasprintf("%s/state.db", dir);
	struct rv_diags d = {0};
	struct rv_state_opts o = {.path = path};
	struct rv_state *st = rv_state_open(&o, &d);
	struct rv_state_snapshot s;
	rv_state_load(st, c, &s, &d);
	double t_empty = time_load(st, c, runs);
	t0 = now();
	for (size_t i = 0; i < c->n; i++)
		rv_state_set_read(st, rv_state_of(&s, i), true, &d);
	double t_mark = (now() - t0) / (double)c->n;
	rv_state_snapshot_free(&s);
	double t_full = time_load(st, c, runs);

	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	sqlite3_stmt *ins;
	sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO article(hash, read) VALUES (?, 1)", -1, &ins, NULL);
	for (long i = 0; i < other; i++) {
		sqlite3_bind_int64(ins, 1, (sqlite3_int64)rv_hash64(&i, sizeof i));
		sqlite3_step(ins);
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(db);
	double t_other = time_load(st, c, runs);

	printf("articles %zu, %.1f MB; corpus load %.3f s\n", c->n, (double)c->bytes / 1e6, t_corpus);
	printf("hash every body: %.2f ms (%.0f MB/s, 1 thread) [%llx]\n", t_hash * 1e3,
	       (double)c->bytes / 1e6 / t_hash, (unsigned long long)(sink & 0xf));
	printf("bulk load, empty store: %.2f ms\n", t_empty * 1e3);
	printf("one read mark (one transaction): %.1f us\n", t_mark * 1e6);
	printf("bulk load, every article read: %.2f ms\n", t_full * 1e3);
	printf("bulk load, plus %ld rows of other corpora: %.2f ms\n", other, t_other * 1e3);
	rv_state_close(st);
	rv_diag_free(&d);
	rv_diag_free(&err);
	rv_corpus_free(c);
	char *wal = rv_xasprintf("%s-wal", path), *shm = rv_xasprintf("%s-shm", path);
	unlink(path);
	unlink(wal);
	unlink(shm);
	rmdir(dir);
	free(path);
	free(wal);
	free(shm);
	return 0;
}
