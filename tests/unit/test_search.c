/* test_search.c — user patterns: smart case, accents, limits. */
#include "testutil.h"

#include "revue/corpus.h"
#include "revue/search.h"

#include <math.h>

static struct rv_article art(const char *text)
{
	struct rv_article a;
	struct rv_diags d = {0};
	assert_true(rv_article_from_bytes("t.txt", (const unsigned char *)text, strlen(text), &a, &d));
	rv_diag_free(&d);
	return a;
}

static size_t count(const char *pat, const struct rv_article *a, enum rv_search_status *st)
{
	char err[200];
	struct rv_search *s = rv_search_new(pat, strlen(pat), err, sizeof err);
	assert_non_null(s);
	struct rv_span *v = NULL;
	size_t n = 0, cap = 0;
	*st = rv_search_article(s, a, rv_search_now() + 2.0, 1000, &v, &n, &cap);
	for (size_t i = 0; i < n; i++) /* spans are body offsets on code point boundaries */
		assert_true(v[i].end > v[i].start && v[i].end <= a->body_len &&
			    ((unsigned char)a->body[v[i].start] & 0xC0) != 0x80);
	free(v);
	rv_search_free(s);
	return n;
}

static void test_search_smart_case(void **state)
{
	(void)state;
	struct rv_article a = art("Microsoft et OpenAI. microsoft, MICROSOFT.\n");
	enum rv_search_status st;
	assert_int_equal(count("microsoft", &a, &st), 3);
	assert_int_equal(st, RV_SEARCH_OK);
	assert_int_equal(count("Microsoft", &a, &st), 1);
	assert_int_equal(count("MICRO", &a, &st), 1);
	assert_int_equal(count("\\Smicro", &a, &st), 0); /* \S is a class, not a capital */
	rv_article_free(&a);
}

static void test_search_accents(void **state)
{
	(void)state;
	struct rv_article a = art("Il veut développer, Développer et developper.\n");
	enum rv_search_status st;
	assert_int_equal(count("developper", &a, &st), 3); /* no accent: accent-insensitive */
	assert_int_equal(count("développer", &a, &st), 2);  /* an accent: as written, case folded */
	assert_int_equal(count("Développer", &a, &st), 1);
	/* the spans map back to the source */
	char err[64];
	struct rv_search *s = rv_search_new("developper", 10, err, sizeof err);
	struct rv_span *v = NULL;
	size_t n = 0, cap = 0;
	rv_search_article(s, &a, rv_search_now() + 1, 10, &v, &n, &cap);
	assert_int_equal(n, 3);
	assert_memory_equal(a.body + v[0].start, "développer", v[0].end - v[0].start);
	free(v);
	rv_search_free(s);
	rv_article_free(&a);
}

static void test_search_errors(void **state)
{
	(void)state;
	char err[200];
	assert_null(rv_search_new("(", 1, err, sizeof err));
	assert_non_null(strstr(err, "missing closing parenthesis"));
	char big[RV_SEARCH_MAX + 2];
	memset(big, 'a', sizeof big);
	assert_null(rv_search_new(big, sizeof big, err, sizeof err));
}

/* The pattern ARCHITECTURE.md measured at minutes: bounded, and said so. */
static void test_search_bounded(void **state)
{
	(void)state;
	size_t n = 64 * 1024;
	char *text = malloc(n + 2);
	memset(text, 'a', n);
	text[n] = '\n';
	text[n + 1] = '\0';
	struct rv_article a = art(text);
	free(text);
	char err[200];
	struct rv_search *s = rv_search_new("a*a*a*a*(?:b|c)", 15, err, sizeof err);
	assert_non_null(s);
	struct rv_span *v = NULL;
	size_t cnt = 0, cap = 0;
	double t0 = rv_search_now();
	enum rv_search_status st = rv_search_article(s, &a, t0 + 0.3, 1000, &v, &cnt, &cap);
	double took = rv_search_now() - t0;
	assert_int_equal(st, RV_SEARCH_STOPPED);
	assert_true(took < 2.0);
	free(v);
	rv_search_free(s);
	rv_article_free(&a);
}

static void test_search_string(void **state)
{
	(void)state;
	char err[64];
	struct rv_search *s = rv_search_new("suleyman", 8, err, sizeof err);
	assert_true(rv_search_string(s, "Mustafa Suleyman", 16));
	assert_false(rv_search_string(s, "Satya Nadella", 13));
	rv_search_free(s);
	s = rv_search_new("ete", 3, err, sizeof err);
	assert_true(rv_search_string(s, "L'été", strlen("L'été")));
	rv_search_free(s);
}


/* The corpus search on worker threads: the same counts as one article at a
 * time, on any thread count; cancel and a costly pattern stop it. */
static void test_search_corpus(void **state)
{
	(void)state;
	struct rv_corpus c = {0};
	size_t n = 64;
	c.articles = calloc(n, sizeof *c.articles);
	for (size_t i = 0; i < n; i++) {
		char text[200];
		snprintf(text, sizeof text, "Le modèle %zu. %s\n", i, i % 3 ? "Un modele, un MODÈLE." : "Rien.");
		c.articles[c.n++] = art(text);
	}
	char err[200];
	struct rv_search *s = rv_search_new("modele", 6, err, sizeof err);
	assert_non_null(s);
	uint32_t counts[64];
	for (unsigned threads = 1; threads <= 4; threads++) {
		struct rv_corpus_search o = {.threads = threads, .deadline = rv_search_now() + 10};
		size_t where = 0;
		assert_int_equal(rv_search_corpus(s, &c, &o, 1000, counts, &where), RV_SEARCH_OK);
		assert_int_equal(where, SIZE_MAX);
		for (size_t i = 0; i < n; i++) {
			enum rv_search_status st;
			assert_int_equal(counts[i], count("modele", &c.articles[i], &st));
			assert_int_equal(counts[i], i % 3 ? 3 : 1);
		}
	}
	/* cancelled before it starts: nothing counted, stopped */
	_Atomic bool cancel = true;
	struct rv_corpus_search o = {.threads = 2, .deadline = rv_search_now() + 10, .cancel = &cancel};
	size_t where = 0;
	assert_int_equal(rv_search_corpus(s, &c, &o, 1000, counts, &where), RV_SEARCH_STOPPED);
	assert_int_equal(where, SIZE_MAX);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(counts[i], 0);
	rv_search_free(s);
	/* a pattern that backtracks on one article stops there, and says where */
	char *hostile = malloc(20000);
	memset(hostile, 'a', 19998);
	hostile[19998] = '\n';
	hostile[19999] = 0;
	rv_article_free(&c.articles[40]);
	c.articles[40] = art(hostile);
	free(hostile);
	s = rv_search_new("a*a*(?:b|c)", 11, err, sizeof err);
	assert_non_null(s);
	struct rv_corpus_search h = {.threads = 1, .deadline = INFINITY, .article_seconds = 0.05};
	double t0 = rv_search_now();
	assert_int_equal(rv_search_corpus(s, &c, &h, 1000, counts, &where), RV_SEARCH_STOPPED);
	assert_int_equal(where, 40);
	assert_true(rv_search_now() - t0 < 5);
	rv_search_free(s);
	for (size_t i = 0; i < c.n; i++)
		rv_article_free(&c.articles[i]);
	free(c.articles);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_search_smart_case), cmocka_unit_test(test_search_accents),
	    cmocka_unit_test(test_search_errors),     cmocka_unit_test(test_search_bounded),
	    cmocka_unit_test(test_search_string),     cmocka_unit_test(test_search_corpus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
