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

/* --grep's search straight from the files (rv_search_files) against the
 * reader's (rv_search_corpus on the loaded corpus): the same counts and the
 * same warnings, in the same order, on real and hostile corpora (encodings,
 * BOMs, CR line ends, NUL bytes, invalid UTF-8, headers, the date token,
 * NFD text, a file over the size limit), for folded and unfolded patterns.
 * A body that differs from the loader's by one byte shows here. */
static void write_bytes(const char *dir, const char *name, const char *bytes, size_t n)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	fclose(f);
}

static void same_counts(const char *dir, size_t max_file)
{
	static const char *const pats[] = {
	    "gouvernement", "e", "É", "Le", "'", "\\x{FFFD}", "(?m)^(title|date|lang|source):", "\r", "\\x{FEFF}",
	    "\\x{301}", "date", "école", "ÉCOLE", "[0-9]{4}", "(?m)^$", "(?s)\\A.{0,40}", "\\x{2019}", "\\\\", "\t",
	};
	const char *paths[] = {dir};
	struct rv_corpus_opts opts = {.max_file_bytes = max_file};
	struct rv_corpus *c;
	struct rv_diags err = {0};
	assert_int_equal(rv_corpus_load(paths, 1, &opts, &c, &err), 0);
	struct rv_diags warn = {0}, fail = {0};
	struct rv_corpus_file *files;
	size_t n;
	assert_int_equal(rv_corpus_files(paths, 1, &files, &n, &warn, &fail), 0);
	assert_int_equal(fail.n, 0);
	assert_true(n >= c->n);
	uint32_t *want = calloc(c->n + 1, sizeof *want), *got = calloc(n + 1, sizeof *got);
	struct rv_diags *diags = calloc(n + 1, sizeof *diags);
	for (size_t p = 0; p < RV_ARRAY_LEN(pats); p++) {
		char why[200];
		struct rv_search *s = rv_search_new(pats[p], strlen(pats[p]), why, sizeof why);
		assert_non_null(s);
		for (unsigned threads = 1; threads <= 2; threads++) {
			struct rv_corpus_search o = {.threads = threads, .deadline = INFINITY};
			assert_int_equal(rv_search_corpus(s, c, &o, 1000, want, NULL), RV_SEARCH_OK);
			size_t articles = 0, where = 0;
			assert_int_equal(rv_search_files(s, files, n, max_file, &o, 1000, got, diags, &articles, &where),
					 RV_SEARCH_OK);
			assert_int_equal(articles, c->n);
			assert_int_equal(where, SIZE_MAX);
			size_t k = 0; /* files left out have no article and count 0 */
			for (size_t i = 0; i < n; i++) {
				if (k < c->n && !strcmp(files[i].id, c->articles[k].id)) {
					if (got[i] != want[k])
						fail_msg("%s: /%s/: %u matches from the file, %u in the corpus", files[i].id,
							 pats[p], got[i], want[k]);
					k++;
				} else {
					assert_int_equal(got[i], 0);
				}
			}
			assert_int_equal(k, c->n);
			if (p || threads > 1) { /* the warnings: once is enough */
				for (size_t i = 0; i < n; i++)
					rv_diag_free(&diags[i]);
				continue;
			}
			for (size_t i = 0; i < n; i++)
				rv_diag_take(&warn, &diags[i]);
			assert_int_equal(warn.n, c->diags.n);
			for (size_t i = 0; i < warn.n; i++) {
				assert_string_equal(warn.v[i].msg, c->diags.v[i].msg);
				assert_int_equal(warn.v[i].line, c->diags.v[i].line);
			}
		}
		rv_search_free(s);
	}
	free(want);
	free(got);
	free(diags);
	rv_diag_free(&warn);
	rv_corpus_files_free(files, n);
	rv_corpus_free(c);
}

static void test_search_files(void **state)
{
	(void)state;
	char dir[] = "/tmp/revue-test-search-XXXXXX";
	assert_non_null(mkdtemp(dir));
	static const char nfd[] = "title: NFD\n\nL'e\xCC\x81" "cole du gouvernement, \xC3\x89tat.\n";
	write_bytes(dir, "a_nfd.txt", nfd, sizeof nfd - 1);
	static const char token[] = "\n\ndate 2024-03-01\n\n\nLe gouvernement `cite`.\r\nDate: no.\r\n";
	write_bytes(dir, "b_token.md", token, sizeof token - 1);
	static const char utf16[] = "\xFF\xFE" "t\0i\0t\0l\0e\0:\0 \0x\0\n\0\n\0\xC9\0t\0" "a\0t\0\r\0\n\0";
	write_bytes(dir, "c_utf16.txt", utf16, sizeof utf16 - 1);
	static const char cp1252[] = "\x93\xC9tat\x94 et gouvernement \x92s \xE9\xE9.\n";
	write_bytes(dir, "d_cp1252.txt", cp1252, sizeof cp1252 - 1);
	static const char bom[] = "\xEF\xBB\xBF\xEF\xBB\xBFtitle: BOM\n\ngouvernement\n";
	write_bytes(dir, "e_bom.txt", bom, sizeof bom - 1);
	char big[3000];
	memset(big, 'e', sizeof big);
	write_bytes(dir, "f_big.txt", big, sizeof big); /* over the limit below */
	static const char nul[] = "text\0binary";
	write_bytes(dir, "g_nul.txt", nul, sizeof nul - 1);
	write_bytes(dir, "h_empty.txt", "", 0);
	write_bytes(dir, "i_header_only.txt", "title: x\nlang: fr", 17);
	write_bytes(dir, "skipped.csv", "gouvernement", 12);
	same_counts(dir, 2048);
	tu_rm_rf(dir);
	same_counts(SOURCE_DIR "/corpus", 0);
	char path[512];
	static const char *const shared[] = {"adversarial", "corpora/rpm2_fr/articles", "corpora/basil_en/articles"};
	for (size_t i = 0; i < RV_ARRAY_LEN(shared); i++) {
		snprintf(path, sizeof path, "%s/%s", SHARED_DIR, shared[i]);
		struct stat st;
		if (stat(path, &st) == 0)
			same_counts(path, 0);
	}
}

/* A pattern without metacharacters is searched as a literal (memchr and
 * memcmp, or memmem), not by PCRE2: the same pattern in a group, which
 * PCRE2 runs, must give the same matches, on text made of the characters
 * where caseless and folded matching differ (Kelvin sign, long s, sharp s,
 * dotless and dotted i, ligatures, title-case digraphs) and on the real
 * and hostile corpora. */
static const char *const literals[] = {
    "k", "s", "i", "ss", "st", "e", "de", "la", "gouvernement", "macron", "l'", "the", "said", " ", "k ", "'",
    ",", "\"", "modèle", "Le", "The", "K", "S", "I", "SS", "É", "État", "Macron", "UE", "ee", "aa", "ll", "2019",
    "#", "%", "&", "@", "/", "-", "_", "=", "<", ">", "~", "!", ";", ":", "`", "fi", "ff", "dz", "Dz", "DZ",
    "aaaa", "ab", "ba", "xyzzy", "e e", "\xE2\x80\x99", "strasse", "stra\xC3\x9F" "e",
};

static void same_as_group(const struct rv_corpus *c, bool spans)
{
	char err[200], group[64];
	uint32_t *a = calloc(c->n, sizeof *a), *b = calloc(c->n, sizeof *b);
	for (size_t p = 0; p < RV_ARRAY_LEN(literals); p++) {
		snprintf(group, sizeof group, "(?:%s)", literals[p]);
		struct rv_search *lit = rv_search_new(literals[p], strlen(literals[p]), err, sizeof err);
		struct rv_search *re = rv_search_new(group, strlen(group), err, sizeof err);
		assert_non_null(lit);
		assert_non_null(re);
		assert_int_equal(rv_search_folded(lit), rv_search_folded(re));
		struct rv_corpus_search o = {.threads = 1, .deadline = INFINITY};
		assert_int_equal(rv_search_corpus(lit, c, &o, 100000, a, NULL), RV_SEARCH_OK);
		assert_int_equal(rv_search_corpus(re, c, &o, 100000, b, NULL), RV_SEARCH_OK);
		for (size_t i = 0; i < c->n; i++)
			if (a[i] != b[i])
				fail_msg("%s: '%s': %u matches as a literal, %u by PCRE2", c->articles[i].id, literals[p], a[i],
					 b[i]);
		for (size_t i = 0; spans && i < c->n; i++) {
			struct rv_span *va = NULL, *vb = NULL;
			size_t na = 0, nb = 0, ca = 0, cb = 0;
			rv_search_article(lit, &c->articles[i], INFINITY, 1000, &va, &na, &ca);
			rv_search_article(re, &c->articles[i], INFINITY, 1000, &vb, &nb, &cb);
			assert_int_equal(na, nb);
			for (size_t k = 0; k < na; k++)
				assert_true(va[k].start == vb[k].start && va[k].end == vb[k].end);
			free(va);
			free(vb);
		}
		rv_search_free(lit);
		rv_search_free(re);
	}
	free(a);
	free(b);
}

static void test_search_literal(void **state)
{
	(void)state;
	static const char *const texts[] = {
	    "Le \xE2\x84\xAA" "elvin et le k, le K; \xC5\xBF" "ans ss \xC3\x9F \xE1\xBA\x9E STRASSE stra\xC3\x9F" "e.\n",
	    "\xC4\xB0stanbul \xC4\xB1 I i \xC7\x85 \xC7\x84 \xC7\x86 dz Dz DZ \xEF\xAC\x80 \xEF\xAC\x81 \xEF\xAC\x86 st fi ff\n",
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab abababab `cite` l\xE2\x80\x99" "Etat \xC3\x89tat \xC3\xA9tat ETAT\n",
	    "Le mod\xC3\xA8le, un modele, un MOD\xC3\x88LE, un mode\xCC\x80le. The said the THE.\n",
	};
	struct rv_corpus c = {0};
	c.articles = calloc(RV_ARRAY_LEN(texts), sizeof *c.articles);
	for (size_t i = 0; i < RV_ARRAY_LEN(texts); i++)
		c.articles[c.n++] = art(texts[i]);
	same_as_group(&c, true);
	for (size_t i = 0; i < c.n; i++)
		rv_article_free(&c.articles[i]);
	free(c.articles);
	char path[512];
	static const char *const dirs[] = {"adversarial", "corpora/rpm2_fr/articles", "corpora/basil_en/articles"};
	for (size_t i = 0; i <= RV_ARRAY_LEN(dirs); i++) {
		if (i)
			snprintf(path, sizeof path, "%s/%s", SHARED_DIR, dirs[i - 1]);
		else
			snprintf(path, sizeof path, "%s/corpus", SOURCE_DIR);
		struct stat st;
		if (stat(path, &st) != 0)
			continue;
		const char *paths[] = {path};
		struct rv_corpus *cc;
		struct rv_diags err = {0};
		assert_int_equal(rv_corpus_load(paths, 1, NULL, &cc, &err), 0);
		same_as_group(cc, false);
		rv_corpus_free(cc);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_search_smart_case), cmocka_unit_test(test_search_accents),
	    cmocka_unit_test(test_search_errors),     cmocka_unit_test(test_search_bounded),
	    cmocka_unit_test(test_search_string),     cmocka_unit_test(test_search_corpus),
	    cmocka_unit_test(test_search_files),      cmocka_unit_test(test_search_literal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
