/* test_cache.c — the index cache: what comes back from it is what a fresh
 * build gives, dump for dump; a damaged file (a byte flipped at many
 * offsets, truncated at many lengths, garbage, empty) is refused with one
 * diagnostic, never used; a changed file is read again and the index
 * rebuilt; a touched file with the same bytes is still taken from it; an
 * unwritable folder is one diagnostic. */
#include "testutil.h"

#include "revue/cache.h"
#include "revue/corpus.h"
#include "revue/dump.h"
#include "revue/index.h"

#include <fcntl.h>
#include <sys/time.h>

static const char *const kinds[] = {"articles", "entities", "quotes", "timeline", "links"};

struct tmp {
	char dir[64];
	char corpus[96];
	char cache[128];
};

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
}

static void make_tmp(struct tmp *t)
{
	strcpy(t->dir, "/tmp/revue-cache-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->corpus, sizeof t->corpus, "%s/corpus", t->dir);
	snprintf(t->cache, sizeof t->cache, "%s/cache/c.idx", t->dir);
	assert_int_equal(mkdir(t->corpus, 0700), 0);
}

static void rm_tmp(struct tmp *t)
{
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
	assert_int_equal(system(cmd), 0);
}

/* A small corpus of three articles with names, quotes, dates and a shared
 * passage, written to t->corpus. */
static void small_corpus(struct tmp *t)
{
	static const char *const texts[] = {
		"title: Budget\ndate: 2024-03-14\nsource: Le Monde\n\nLe ministre Bruno Le Maire a déclaré : « Nous "
		"tiendrons le budget de l'année 2024. » La Banque de France prévoit 1,2 % de croissance en mars 2024.\n"
		"Les agriculteurs de la FNSEA manifestaient mardi devant l'Assemblée nationale à Paris.\n",
		"title: Grève\ndate: 2024-03-15\n\nBruno Le Maire a répété : « Nous tiendrons le budget de l'année "
		"2024. » Les agriculteurs de la FNSEA manifestaient mardi devant l'Assemblée nationale à Paris.\n",
		"Markets in London\n\nThe Bank of England said on Tuesday that inflation fell to 3.4 percent. "
		"\"We are not there yet,\" said Andrew Bailey, its governor, in London on 21 March 2024.\n",
	};
	for (size_t i = 0; i < RV_ARRAY_LEN(texts); i++) {
		char path[160];
		snprintf(path, sizeof path, "%s/a%zu.txt", t->corpus, i);
		write_file(path, texts[i]);
	}
}

static char *dump_all(const struct rv_corpus *c, const struct rv_index *ix)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	for (size_t k = 0; k < RV_ARRAY_LEN(kinds); k++)
		assert_int_equal(rv_dump(kinds[k], c, ix, f), 0);
	fclose(f);
	return buf;
}

static struct rv_corpus *load(const char *dir, struct rv_cache *ca)
{
	const char *paths[] = {dir};
	struct rv_corpus_opts o = {.threads = 2, .reuse = ca ? rv_cache_reuse : NULL, .reuse_ctx = ca};
	struct rv_corpus *c = NULL;
	struct rv_diags err = {0};
	int rc = rv_corpus_load(paths, 1, &o, &c, &err);
	rv_diag_free(&err);
	assert_int_equal(rc, 0);
	rv_cache_attach(ca, c);
	return c;
}

/* The dumps of a fresh load and build of dir, and the cache written from them. */
static char *fresh(const char *dir, const char *cache)
{
	struct rv_corpus *c = load(dir, NULL);
	struct rv_index_opts io = {.threads = 2};
	struct rv_index *ix = rv_index_build(c, &io);
	char *d = dump_all(c, ix);
	if (cache) {
		struct rv_diags diags = {0};
		assert_int_equal(rv_cache_write(cache, c, ix, rv_cache_opts_hash(c, &io), &diags), 0);
		assert_int_equal(diags.n, 0);
	}
	rv_index_free(ix);
	rv_corpus_free(c);
	return d;
}

/* Opens the cache and loads dir through it; returns the dumps, or NULL when
 * the cache was refused (*ndiags says how many diagnostics). *from_cache:
 * the index came from the cache. */
static char *through(const char *dir, const char *cache, size_t *ndiags, bool *from_cache, bool *stale)
{
	struct rv_diags d = {0};
	struct rv_cache *ca = rv_cache_open(cache, &d);
	*ndiags = d.n;
	rv_diag_free(&d);
	if (!ca)
		return NULL;
	struct rv_corpus *c = load(dir, ca);
	struct rv_index_opts io = {.threads = 2};
	uint64_t oh = rv_cache_opts_hash(c, &io);
	if (stale)
		*stale = rv_cache_stale(c, oh);
	struct rv_index *ix = rv_cache_index(c, oh);
	*from_cache = ix != NULL;
	if (!ix)
		ix = rv_index_build(c, &io);
	char *out = dump_all(c, ix);
	rv_index_free(ix);
	rv_corpus_free(c);
	return out;
}

static void test_same_as_fresh(const char *dir)
{
	struct tmp t;
	make_tmp(&t);
	char *want = fresh(dir, t.cache);
	size_t nd;
	bool hit, stale;
	char *got = through(dir, t.cache, &nd, &hit, &stale);
	assert_non_null(got);
	assert_true(hit);
	assert_false(stale);
	assert_int_equal(nd, 0);
	assert_string_equal(got, want);
	free(got);
	free(want);
	rm_tmp(&t);
}

static void bundled_corpus(void **state)
{
	(void)state;
	test_same_as_fresh(SOURCE_DIR "/corpus");
}

static void real_corpus(void **state)
{
	(void)state;
	struct stat st;
	if (stat(SHARED_DIR "/corpora/rpm2_fr", &st) != 0)
		skip();
	test_same_as_fresh(SHARED_DIR "/corpora/rpm2_fr");
}

/* The reader's link column from the cached index: all counts at once equal
 * the per-article count. */
static void peer_counts(void **state)
{
	(void)state;
	struct stat st;
	const char *dir = SHARED_DIR "/corpora/basil_en";
	if (stat(dir, &st) != 0)
		dir = SOURCE_DIR "/corpus";
	struct rv_corpus *c = load(dir, NULL);
	struct rv_index_opts io = {.threads = 2};
	struct rv_index *ix = rv_index_build(c, &io);
	uint32_t *all = calloc(c->n, sizeof *all);
	rv_links_peer_counts(ix->links, all);
	size_t linked = 0;
	for (size_t a = 0; a < c->n; a++) {
		struct rv_link_peer *p;
		size_t n = rv_links_peers(ix->links, a, &p);
		free(p);
		assert_int_equal(all[a], n);
		linked += n > 0;
	}
	assert_true(linked > 0);
	/* and as the cache keeps them */
	char dirt[] = "/tmp/revue-peers-XXXXXX";
	assert_non_null(mkdtemp(dirt));
	char path[64];
	snprintf(path, sizeof path, "%s/c.idx", dirt);
	struct rv_diags d = {0};
	assert_int_equal(rv_cache_write(path, c, ix, rv_cache_opts_hash(c, &io), &d), 0);
	struct rv_cache *ca = rv_cache_open(path, &d);
	assert_non_null(ca);
	struct rv_corpus *c2 = load(dir, ca);
	struct rv_index *ix2 = rv_cache_index(c2, rv_cache_opts_hash(c2, &io));
	assert_non_null(ix2);
	assert_non_null(ix2->links->peer_counts);
	uint32_t *cached = calloc(c->n, sizeof *cached);
	rv_links_peer_counts(ix2->links, cached);
	assert_memory_equal(all, cached, c->n * sizeof *all);
	free(cached);
	rv_index_free(ix2);
	rv_corpus_free(c2);
	unlink(path);
	rmdir(dirt);
	assert_int_equal(d.n, 0);
	free(all);
	rv_index_free(ix);
	rv_corpus_free(c);
}

static void absent_is_silent(void **state)
{
	(void)state;
	struct rv_diags d = {0};
	assert_null(rv_cache_open("/nonexistent/revue/cache.idx", &d));
	assert_int_equal(d.n, 0);
}

static char *read_all(const char *path, size_t *len)
{
	char *p = tu_read_file(path, len);
	assert_non_null(p);
	return p;
}

static void put_all(const char *path, const char *p, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(p, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* A byte flipped anywhere: refused with one diagnostic (were one ever
 * taken, its results would have to be a fresh build's). */
static void flipped_bytes(void **state)
{
	(void)state;
	struct tmp t;
	make_tmp(&t);
	small_corpus(&t);
	char *want = fresh(t.corpus, t.cache);
	size_t len;
	char *orig = read_all(t.cache, &len);
	char *bad = malloc(len);
	size_t refused = 0, tries = 0;
	/* every byte of the header's used part, then offsets spread over the rest */
	for (size_t off = 0; off < len; off = off < 512 ? off + 1 : off + 1 + off / 40 % 97 + len / 300) {
		memcpy(bad, orig, len);
		bad[off] ^= (char)(1u << (off % 8));
		put_all(t.cache, bad, len);
		size_t nd;
		bool hit;
		char *got = through(t.corpus, t.cache, &nd, &hit, NULL);
		tries++;
		if (!got) {
			assert_int_equal(nd, 1);
			refused++;
		} else {
			assert_string_equal(got, want);
			free(got);
		}
	}
	assert_true(tries > 600);
	assert_int_equal(refused, tries);
	free(bad);
	free(orig);
	free(want);
	rm_tmp(&t);
}

static void truncated_and_garbage(void **state)
{
	(void)state;
	struct tmp t;
	make_tmp(&t);
	small_corpus(&t);
	char *want = fresh(t.corpus, t.cache);
	size_t len;
	char *orig = read_all(t.cache, &len);
	for (size_t n = 0; n < len; n += 1 + n / 7) {
		put_all(t.cache, orig, n);
		size_t nd;
		bool hit;
		char *got = through(t.corpus, t.cache, &nd, &hit, NULL);
		assert_null(got);
		assert_int_equal(nd, 1);
	}
	/* a longer file: its size is not the one the header says */
	char *longer = calloc(1, len + 100);
	memcpy(longer, orig, len);
	put_all(t.cache, longer, len + 100);
	size_t nd;
	bool hit;
	assert_null(through(t.corpus, t.cache, &nd, &hit, NULL));
	assert_int_equal(nd, 1);
	/* garbage of the right size */
	for (size_t i = 0; i < len; i++)
		longer[i] = (char)(i * 131 + 7);
	put_all(t.cache, longer, len);
	assert_null(through(t.corpus, t.cache, &nd, &hit, NULL));
	assert_int_equal(nd, 1);
	/* another format version */
	memcpy(longer, orig, len);
	longer[8] ^= 2;
	put_all(t.cache, longer, len);
	assert_null(through(t.corpus, t.cache, &nd, &hit, NULL));
	assert_int_equal(nd, 1);
	/* the good file again: used */
	put_all(t.cache, orig, len);
	char *got = through(t.corpus, t.cache, &nd, &hit, NULL);
	assert_non_null(got);
	assert_true(hit);
	assert_string_equal(got, want);
	free(got);
	free(longer);
	free(orig);
	free(want);
	rm_tmp(&t);
}

static void changed_added_removed_touched(void **state)
{
	(void)state;
	struct tmp t;
	make_tmp(&t);
	small_corpus(&t);
	free(fresh(t.corpus, t.cache));
	char path[160];
	size_t nd;
	bool hit, stale;

	/* touched: same bytes, another mtime; taken from the cache, index too */
	snprintf(path, sizeof path, "%s/a1.txt", t.corpus);
	struct timeval tv[2] = {{1000000000, 0}, {1000000000, 0}};
	assert_int_equal(utimes(path, tv), 0);
	char *want = fresh(t.corpus, NULL);
	char *got = through(t.corpus, t.cache, &nd, &hit, &stale);
	assert_true(hit);
	assert_true(stale); /* its new stat is worth writing */
	assert_string_equal(got, want);
	free(got);
	free(want);

	/* changed: its new text, a new index */
	write_file(path, "title: Autre\n\nLa CGT appelle à la grève le 12 avril 2024, a dit Sophie Binet.\n");
	want = fresh(t.corpus, NULL);
	got = through(t.corpus, t.cache, &nd, &hit, &stale);
	assert_false(hit);
	assert_true(stale);
	assert_non_null(strstr(got, "Sophie Binet"));
	assert_string_equal(got, want);
	free(got);
	free(want);

	/* added and removed */
	snprintf(path, sizeof path, "%s/a9.txt", t.corpus);
	write_file(path, "Un nouvel article sur Airbus à Toulouse.\n");
	snprintf(path, sizeof path, "%s/a0.txt", t.corpus);
	assert_int_equal(unlink(path), 0);
	want = fresh(t.corpus, NULL);
	got = through(t.corpus, t.cache, &nd, &hit, &stale);
	assert_false(hit);
	assert_true(stale);
	assert_string_equal(got, want);
	free(got);
	free(want);

	/* an alias file: the articles still come from the cache, not the index */
	free(fresh(t.corpus, t.cache));
	snprintf(path, sizeof path, "%s/entities.tsv", t.corpus);
	write_file(path, "Airbus\tAirbus SE\torg\n");
	got = through(t.corpus, t.cache, &nd, &hit, &stale);
	assert_false(hit);
	assert_true(stale);
	free(got);
	rm_tmp(&t);
}

static void unwritable(void **state)
{
	(void)state;
	struct rv_corpus *c = load(SOURCE_DIR "/corpus", NULL);
	struct rv_diags d = {0};
	assert_int_equal(rv_cache_write("/proc/revue-no/cache.idx", c, NULL, 0, &d), -1);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].msg, "going on without it"));
	rv_diag_free(&d);
	rv_corpus_free(c);
}

static void default_path(void **state)
{
	(void)state;
	const char *paths[] = {SOURCE_DIR "/corpus"};
	char *a = rv_cache_default_path("/x/y/state.db", paths, 1);
	assert_non_null(a);
	assert_int_equal(strncmp(a, "/x/y/cache/", 11), 0);
	assert_non_null(strstr(a, ".idx"));
	const char *other[] = {SOURCE_DIR "/tests"};
	char *b = rv_cache_default_path("/x/y/state.db", other, 1);
	assert_string_not_equal(a, b);
	free(a);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bundled_corpus),
		cmocka_unit_test(real_corpus),
		cmocka_unit_test(peer_counts),
		cmocka_unit_test(absent_is_silent),
		cmocka_unit_test(flipped_bytes),
		cmocka_unit_test(truncated_and_garbage),
		cmocka_unit_test(changed_added_removed_touched),
		cmocka_unit_test(unwritable),
		cmocka_unit_test(default_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
