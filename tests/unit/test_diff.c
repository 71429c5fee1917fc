/* test_diff.c — the word-level diff: runs, their spans, the summary, the
 * bounds, and the bundled corpus's two reworded Suleyman quotes. */
#include "testutil.h"

#include "revue/corpus.h"
#include "revue/diff.h"

#include <signal.h>
#include <sys/wait.h>
#include <time.h>

/* What a test holds, released by cleanup() even when it fails. */
static struct rv_diff D;
static struct rv_corpus *C;
static char *held[4];

static int cleanup(void **state)
{
	(void)state;
	rv_diff_free(&D);
	if (C)
		rv_corpus_free(C);
	C = NULL;
	for (size_t i = 0; i < RV_ARRAY_LEN(held); i++) {
		free(held[i]);
		held[i] = NULL;
	}
	return 0;
}

/* Every diff keeps these: runs tile both spans in order, an equal run never
 * follows an equal run, each op matches its word counts, and the summary
 * adds up. */
static void check_invariants(const struct rv_diff *d)
{
	size_t at = d->a_start, bt = d->b_start, wa = 0, wb = 0, common = 0;
	for (size_t r = 0; r < d->n; r++) {
		const struct rv_diff_run *run = &d->runs[r];
		assert_int_equal(run->a_start, at);
		assert_int_equal(run->b_start, bt);
		assert_true(run->a_end >= run->a_start);
		assert_true(run->b_end >= run->b_start);
		at = run->a_end;
		bt = run->b_end;
		wa += run->a_words;
		wb += run->b_words;
		switch (run->op) {
		case RV_DIFF_EQUAL:
			assert_int_equal(run->a_words, run->b_words);
			assert_true(run->a_words > 0);
			assert_false(run->minor);
			if (r > 0)
				assert_int_not_equal(d->runs[r - 1].op, RV_DIFF_EQUAL);
			common += run->a_words;
			break;
		case RV_DIFF_DELETE:
			assert_true(run->a_words > 0);
			assert_int_equal(run->b_words, 0);
			break;
		case RV_DIFF_INSERT:
			assert_int_equal(run->a_words, 0);
			assert_true(run->b_words > 0);
			break;
		case RV_DIFF_CHANGE:
			assert_true(run->a_words > 0 && run->b_words > 0);
			if (run->minor)
				assert_int_equal(run->a_words, run->b_words);
			break;
		}
	}
	if (d->n) {
		assert_int_equal(at, d->a_end);
		assert_int_equal(bt, d->b_end);
	}
	assert_int_equal(wa, d->words_a);
	assert_int_equal(wb, d->words_b);
	assert_int_equal(common, d->words_common);
}

/* Diffs two whole strings into D. */
static void diff(const char *a, const char *b)
{
	rv_diff_free(&D);
	assert_int_equal(rv_diff_spans(a, strlen(a), 0, strlen(a), b, strlen(b), 0, strlen(b), &D), 0);
	check_invariants(&D);
}

/* The runs as letters: = equal, - delete, + insert, ~ change, m minor. */
static const char *shape(const struct rv_diff *d)
{
	static char s[256];
	size_t k = 0;
	for (size_t r = 0; r < d->n && k + 1 < sizeof s; r++) {
		const struct rv_diff_run *run = &d->runs[r];
		s[k++] = run->minor ? 'm' : "=-+~"[run->op];
	}
	s[k] = '\0';
	return s;
}

static bool text_is(const char *body, size_t start, size_t end, const char *want)
{
	return end - start == strlen(want) && !memcmp(body + start, want, end - start);
}

#define assert_run(body_a, body_b, r, want_a, want_b)                                              \
	do {                                                                                       \
		const struct rv_diff_run *run_ = &D.runs[r];                                       \
		if (!text_is(body_a, run_->a_start, run_->a_end, want_a) ||                        \
		    !text_is(body_b, run_->b_start, run_->b_end, want_b))                          \
			fail_msg("run %d: [%.*s] | [%.*s], want [%s] | [%s]", (int)(r),            \
				 (int)(run_->a_end - run_->a_start), (body_a) + run_->a_start,     \
				 (int)(run_->b_end - run_->b_start), (body_b) + run_->b_start,     \
				 want_a, want_b);                                                  \
	} while (0)

/* --- small pairs --------------------------------------------------------- */

static void test_identical(void **state)
{
	(void)state;
	const char *s = "Le chat dort sur le canapé.";
	diff(s, s);
	assert_string_equal(shape(&D), "=");
	assert_run(s, s, 0, s, s);
	assert_int_equal(D.words_common, 6);
	assert_true(D.share == 1.0);
	assert_int_equal(D.changed + D.removed + D.added, 0);
	assert_false(D.coarse);
}

static void test_disjoint(void **state)
{
	(void)state;
	const char *a = "alpha beta gamma", *b = "un deux trois quatre";
	diff(a, b);
	assert_string_equal(shape(&D), "~");
	assert_run(a, b, 0, a, b);
	assert_int_equal(D.words_common, 0);
	assert_true(D.share == 0.0);
	assert_int_equal(D.changed, 1);
}

static void test_one_substitution(void **state)
{
	(void)state;
	const char *a = "le chat dort ici", *b = "le chien dort ici";
	diff(a, b);
	assert_string_equal(shape(&D), "=~=");
	assert_run(a, b, 0, "le ", "le ");
	assert_run(a, b, 1, "chat", "chien");
	assert_run(a, b, 2, " dort ici", " dort ici");
	assert_int_equal(D.changed, 1);
	assert_int_equal(D.words_common, 3);
	assert_true(D.share > 0.74 && D.share < 0.76);
}

static void test_insertions(void **state)
{
	(void)state;
	const char *base = "le chat dort";
	diff(base, "hier le chat dort");
	assert_string_equal(shape(&D), "+=");
	assert_run(base, "hier le chat dort", 0, "", "hier");
	assert_int_equal(D.runs[0].a_start, 0);
	diff(base, "le gros chat dort");
	assert_string_equal(shape(&D), "=+=");
	assert_run(base, "le gros chat dort", 1, "", "gros");
	assert_int_equal(D.runs[1].a_start, 3); /* before "chat" */
	diff(base, "le chat dort encore");
	assert_string_equal(shape(&D), "=+");
	assert_run(base, "le chat dort encore", 1, "", "encore");
	assert_int_equal(D.runs[1].a_start, strlen(base));
	assert_int_equal(D.added, 1);
	assert_int_equal(D.removed + D.changed, 0);
}

static void test_deletions(void **state)
{
	(void)state;
	const char *b = "le chat dort";
	diff("hier le chat dort", b);
	assert_string_equal(shape(&D), "-=");
	diff("le gros chat dort", b);
	assert_string_equal(shape(&D), "=-=");
	assert_run("le gros chat dort", b, 1, "gros", "");
	diff("le chat dort encore.", b);
	assert_string_equal(shape(&D), "=-");
	assert_run("le chat dort encore.", b, 1, "encore.", "");
	assert_int_equal(D.removed, 1);
	assert_int_equal(D.added + D.changed, 0);
}

static void test_folding_makes_equal(void **state)
{
	(void)state;
	diff("L’IA et les Modèles, là-bas", "l'ia et les modeles la-bas");
	assert_string_equal(shape(&D), "=");
	diff("ÉTÉ", "ete");
	assert_string_equal(shape(&D), "=");
	diff("d’OpenAI", "d'openai");
	assert_string_equal(shape(&D), "=");
}

static void test_punctuation_makes_no_run(void **state)
{
	(void)state;
	const char *a = "« Nous devons, dit-il, avancer. »", *b = "nous devons dit-il avancer";
	diff(a, b);
	assert_string_equal(shape(&D), "=");
	assert_true(D.share == 1.0);
}

static void test_inflection_is_minor(void **state)
{
	(void)state;
	const char *a = "comme toutes les technologies du passé", *b = "comme toute technologie du passé";
	diff(a, b);
	assert_string_equal(shape(&D), "=m-m=");
	assert_run(a, b, 1, "toutes ", "toute ");
	assert_run(a, b, 2, "les ", "");
	assert_run(a, b, 3, "technologies", "technologie");
	assert_int_equal(D.changed, 2);
	assert_int_equal(D.minor, 2);
	assert_int_equal(D.removed, 1);
	/* a different word is not an inflection; short words are never stemmed */
	diff("la dépasser", "la surpasser");
	assert_string_equal(shape(&D), "=~");
	diff("le chat", "les chat");
	assert_string_equal(shape(&D), "~=");
}

static void test_empty_spans(void **state)
{
	(void)state;
	diff("", "");
	assert_int_equal(D.n, 0);
	assert_true(D.share == 1.0);
	diff("", "deux mots");
	assert_string_equal(shape(&D), "+");
	diff("deux mots", "");
	assert_string_equal(shape(&D), "-");
	diff(" , ; ", "...");
	assert_int_equal(D.n, 0);
	/* a side with no word at all keeps its text in the one run */
	diff("— ", "mot");
	assert_string_equal(shape(&D), "+");
	assert_run("— ", "mot", 0, "— ", "mot");
}

static void test_spans_inside_bodies(void **state)
{
	(void)state;
	const char *a = "AAA le chat dort ZZZ", *b = "YY le chien dort";
	rv_diff_free(&D);
	rv_diff_spans(a, strlen(a), 4, 16, b, strlen(b), 3, strlen(b), &D);
	check_invariants(&D);
	assert_string_equal(shape(&D), "=~=");
	assert_int_equal(D.runs[0].a_start, 4);
	assert_int_equal(D.runs[2].a_end, 16);
	assert_run(a, b, 1, "chat", "chien");
}

static void test_offsets_snapped_and_clamped(void **state)
{
	(void)state;
	const char *a = "été là", *b = "ete la";
	size_t al = strlen(a), bl = strlen(b);
	rv_diff_free(&D);
	/* 1 is inside é: the start moves back to 0; 4 is inside the second é
	 * (bytes 3-4): the end moves forward to 5 */
	rv_diff_spans(a, al, 1, 4, b, bl, 0, 3, &D);
	check_invariants(&D);
	assert_int_equal(D.a_start, 0);
	assert_int_equal(D.a_end, 5);
	assert_string_equal(shape(&D), "=");
	rv_diff_free(&D);
	rv_diff_spans(a, al, SIZE_MAX, SIZE_MAX, b, bl, 7, 2, &D);
	check_invariants(&D);
	assert_int_equal(D.a_start, al);
	assert_int_equal(D.a_end, al);
	assert_int_equal(D.b_start, 2);
	assert_int_equal(D.b_end, 2);
	assert_int_equal(D.n, 0);
	rv_diff_free(&D);
	rv_diff_spans(a, al, 0, SIZE_MAX, b, bl, 0, (size_t)-2, &D);
	check_invariants(&D);
	assert_int_equal(D.a_end, al);
	assert_string_equal(shape(&D), "=");
	size_t s = 1, e = 1; /* inside the first é */
	rv_diff_snap(a, al, &s, &e);
	assert_int_equal(s, 0);
	assert_int_equal(e, 2);
}

/* --- the alignment is a longest common subsequence ------------------------ */

/* The test's own stem, the rule diff.h states, for ASCII words. */
static size_t ref_stem(const char *w, size_t n)
{
	if (n < 4)
		return n;
	if (w[n - 1] == 's' || w[n - 1] == 'x')
		n--;
	if (n >= 4 && w[n - 1] == 'e')
		n--;
	return n;
}

static bool ref_same(const char *x, const char *y)
{
	size_t a = ref_stem(x, strlen(x)), b = ref_stem(y, strlen(y));
	return a == b && !memcmp(x, y, a);
}

static void test_random_pairs_are_optimal(void **state)
{
	(void)state;
	static const char *vocab[] = {"le", "la", "les", "chat", "chats", "dort", "toute", "toutes",
				      "mange", "souris", "vite", "bien", "ici", "modele", "modeles"};
	static const char *punct[] = {" ", " ", " ", ", ", ". ", " « ", " » "};
	unsigned seed = 12345;
	for (int trial = 0; trial < 400; trial++) {
		const char *wa[48], *wb[48];
		size_t na = (size_t)(rand_r(&seed) % 40), nb = (size_t)(rand_r(&seed) % 40);
		char a[1024] = "", b[1024] = "";
		size_t la = 0, lb = 0;
		for (size_t i = 0; i < na; i++) {
			wa[i] = vocab[rand_r(&seed) % RV_ARRAY_LEN(vocab)];
			la += (size_t)snprintf(a + la, sizeof a - la, "%s%s", wa[i],
					       punct[rand_r(&seed) % RV_ARRAY_LEN(punct)]);
		}
		for (size_t j = 0; j < nb; j++) {
			/* mostly a copy of a with edits, so that runs are long */
			wb[j] = j < na && rand_r(&seed) % 3 ? wa[j] : vocab[rand_r(&seed) % RV_ARRAY_LEN(vocab)];
			lb += (size_t)snprintf(b + lb, sizeof b - lb, "%s%s", wb[j],
					       punct[rand_r(&seed) % RV_ARRAY_LEN(punct)]);
		}
		diff(a, b);
		assert_int_equal(D.words_a, na);
		assert_int_equal(D.words_b, nb);
		size_t lcs[49][49];
		for (size_t i = 0; i <= na; i++)
			for (size_t j = 0; j <= nb; j++) {
				if (!i || !j)
					lcs[i][j] = 0;
				else if (ref_same(wa[i - 1], wb[j - 1]))
					lcs[i][j] = lcs[i - 1][j - 1] + 1;
				else
					lcs[i][j] = lcs[i - 1][j] > lcs[i][j - 1] ? lcs[i - 1][j] : lcs[i][j - 1];
			}
		size_t aligned = 0;
		for (size_t r = 0; r < D.n; r++)
			if (D.runs[r].op == RV_DIFF_EQUAL || D.runs[r].minor)
				aligned += D.runs[r].a_words;
		if (aligned != lcs[na][nb])
			fail_msg("trial %d: %zu words aligned, LCS %zu\n[%s]\n[%s]", trial, aligned, lcs[na][nb], a,
				 b);
		assert_false(D.coarse);
	}
}

/* --- the bundled corpus ---------------------------------------------------- */

static const struct rv_article *article(const char *prefix)
{
	for (size_t i = 0; i < C->n; i++)
		if (!strncmp(C->articles[i].id, prefix, strlen(prefix)))
			return &C->articles[i];
	fail_msg("no article %s in the bundled corpus", prefix);
	abort(); /* not reached: fail_msg does not return */
}

static void load_bundled(void)
{
	const char *paths[] = {SOURCE_DIR "/corpus"};
	struct rv_diags err = {0};
	assert_int_equal(rv_corpus_load(paths, 1, NULL, &C, &err), 0);
	rv_diag_free(&err);
}

/* [start of from, end of to] in body, found at run time. */
static void find_span(const struct rv_article *a, const char *from, const char *to, size_t *start, size_t *end)
{
	const char *s = strstr(a->body, from);
	if (!s) {
		fail_msg("'%s' not in %s", from, a->id);
		return;
	}
	const char *e = strstr(s, to);
	if (!e) {
		fail_msg("'%s' not after '%s' in %s", to, from, a->id);
		return;
	}
	*start = (size_t)(s - a->body);
	*end = (size_t)(e - a->body) + strlen(to);
}

/* The run of D whose left text is want_a, or -1. */
static int find_run(const char *a, const char *b, const char *want_a, const char *want_b)
{
	for (size_t r = 0; r < D.n; r++)
		if (text_is(a, D.runs[r].a_start, D.runs[r].a_end, want_a) &&
		    text_is(b, D.runs[r].b_start, D.runs[r].b_end, want_b))
			return (int)r;
	return -1;
}

static void test_bundled_base_models(void **state)
{
	(void)state;
	load_bundled();
	const struct rv_article *x = article("000"), *y = article("001");
	size_t as = 0, ae = 0, bs = 0, be = 0;
	find_span(x, "modèles de base, qui sont", "au monde", &as, &ae);
	find_span(y, "modèles fondamentaux, à la pointe", "au monde", &bs, &be);
	rv_diff_spans(x->body, x->body_len, as, ae, y->body, y->body_len, bs, be, &D);
	check_invariants(&D);
	int r = find_run(x->body, y->body, "de base, qui sont", "fondamentaux");
	assert_true(r >= 1);
	assert_int_equal(D.runs[r].op, RV_DIFF_CHANGE);
	assert_false(D.runs[r].minor);
	assert_int_equal(D.runs[r - 1].op, RV_DIFF_EQUAL);
	assert_int_equal(D.runs[r + 1].op, RV_DIFF_EQUAL);
	const char *next = " à la pointe";
	assert_true(text_is(x->body, D.runs[r + 1].a_start, D.runs[r + 1].a_start + strlen(next), next));
	assert_false(D.coarse);
	assert_true(D.share > 0.7);
}

static void test_bundled_technologies(void **state)
{
	(void)state;
	load_bundled();
	const struct rv_article *x = article("000"), *y = article("001");
	size_t as = 0, ae = 0, bs = 0, be = 0;
	find_span(x, "comme toutes les technologies du passé", "la dépasser", &as, &ae);
	find_span(y, "comme toute technologie du passé", "la surpasser", &bs, &be);
	rv_diff_spans(x->body, x->body_len, as, ae, y->body, y->body_len, bs, be, &D);
	check_invariants(&D);
	assert_string_equal(shape(&D), "=m-m=~");
	assert_run(x->body, y->body, 1, "toutes ", "toute ");
	assert_run(x->body, y->body, 2, "les ", "");
	assert_run(x->body, y->body, 3, "technologies", "technologie");
	assert_run(x->body, y->body, 5, "dépasser", "surpasser");
	/* l'humanité and l’humanité are one word */
	assert_int_equal(D.words_common, D.words_b - 3);
}

static void test_bundled_whole_bodies(void **state)
{
	(void)state;
	load_bundled();
	for (size_t i = 0; i < C->n; i++)
		for (size_t j = 0; j < C->n; j++) {
			const struct rv_article *x = &C->articles[i], *y = &C->articles[j];
			rv_diff_free(&D);
			rv_diff_spans(x->body, x->body_len, 0, x->body_len, y->body, y->body_len, 0, y->body_len, &D);
			check_invariants(&D);
			assert_false(D.coarse);
			if (i == j)
				assert_true(D.share == 1.0);
		}
}

/* --- bounds ---------------------------------------------------------------- */

#if defined(__SANITIZE_ADDRESS__)
#define SLOW_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define SLOW_BUILD 1
#endif
#endif
#ifndef SLOW_BUILD
#define SLOW_BUILD 0
#endif

/* n bytes of words w<number>, the numbers drawn from [0, vocab). */
static char *words(size_t n, unsigned seed, unsigned vocab)
{
	char *s = malloc(n + 16);
	size_t i = 0;
	while (i < n)
		i += (size_t)sprintf(s + i, "w%u ", rand_r(&seed) % vocab);
	s[n] = '\0';
	return s;
}

/* Diffs a and b (1 MB each) in a child under an alarm; returns the result's
 * coarse flag and share through a pipe. */
static void bounded(const char *a, const char *b, size_t n, bool *coarse, double *share)
{
	unsigned budget = SLOW_BUILD ? 30 : 8; /* seconds; it takes well under one here */
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		alarm(budget);
		struct rv_diff d;
		rv_diff_spans(a, n, 0, n, b, n, 0, n, &d);
		struct {
			bool coarse;
			double share;
		} res = {d.coarse, d.share};
		rv_diff_free(&d);
		ssize_t w = write(fd[1], &res, sizeof res);
		_exit(w == (ssize_t)sizeof res ? 0 : 4);
	}
	close(fd[1]);
	struct {
		bool coarse;
		double share;
	} res = {false, 0};
	ssize_t r = read(fd[0], &res, sizeof res);
	close(fd[0]);
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	print_message("diff of two %zu-byte spans: %.2f s\n", n, secs);
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
		fail_msg("the diff of two %zu-byte spans did not finish within %u s", n, budget);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(r, (ssize_t)sizeof res);
	*coarse = res.coarse;
	*share = res.share;
}

static void test_huge_unrelated_is_bounded(void **state)
{
	(void)state;
	size_t n = 1 << 20;
	held[0] = words(n, 1, 100000);
	held[1] = words(n, 2, 100000);
	bool coarse;
	double share;
	bounded(held[0], held[1], n, &coarse, &share);
	assert_true(coarse);
	assert_true(share < 0.05);
	/* a small vocabulary: many matches everywhere, the worst case for Myers */
	free(held[0]);
	free(held[1]);
	held[0] = words(n, 3, 20);
	held[1] = words(n, 4, 20);
	bounded(held[0], held[1], n, &coarse, &share);
	assert_true(coarse);
}

static void test_huge_similar_is_exact(void **state)
{
	(void)state;
	size_t n = 1 << 20;
	held[0] = words(n, 5, 100000);
	held[1] = malloc(n + 1);
	memcpy(held[1], held[0], n + 1);
	for (size_t i = 100; i < n; i += 4099)
		held[1][i] = held[1][i] == ' ' ? ' ' : 'x';
	bool coarse;
	double share;
	bounded(held[0], held[1], n, &coarse, &share);
	assert_false(coarse);
	assert_true(share > 0.99);
}

/* x in the compare view: a quote widens to its line, at most cap bytes a side. */
static void test_widen_to_paragraphs(void **state)
{
	(void)state;
	const char *t = "First para.\nHe said \"yes, we will\" and left.\nLast para.";
	size_t len = strlen(t), qs = (size_t)(strstr(t, "\"yes") - t), qe = (size_t)(strstr(t, " and") - t);
	size_t s = qs, e = qe;
	rv_diff_widen(t, len, &s, &e, 1000);
	assert_int_equal(s, 12);
	assert_int_equal(e, (size_t)(strstr(t, "\nLast") - t));
	s = qs, e = qe;
	rv_diff_widen(t, len, &s, &e, 3); /* capped: three bytes a side */
	assert_int_equal(s, qs - 3);
	assert_int_equal(e, qe + 3);
	s = 0, e = 5; /* the first line, to its end */
	rv_diff_widen(t, len, &s, &e, 1000);
	assert_int_equal(s, 0);
	assert_int_equal(e, 11);
	s = len - 4, e = len; /* the last, with no newline after it */
	rv_diff_widen(t, len, &s, &e, 1000);
	assert_int_equal(s, len - 10);
	assert_int_equal(e, len);
	const char *u = "\xc3\xa9\xc3\xa9\xc3\xa9X\xc3\xa9\xc3\xa9\xc3\xa9"; /* éééXééé: a cap of 3 cuts inside é */
	s = 6, e = 7;
	rv_diff_widen(u, strlen(u), &s, &e, 3);
	assert_int_equal(s, 4); /* whole code points only */
	assert_int_equal(e, 9);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_identical, cleanup),
		cmocka_unit_test_teardown(test_disjoint, cleanup),
		cmocka_unit_test_teardown(test_one_substitution, cleanup),
		cmocka_unit_test_teardown(test_insertions, cleanup),
		cmocka_unit_test_teardown(test_deletions, cleanup),
		cmocka_unit_test_teardown(test_folding_makes_equal, cleanup),
		cmocka_unit_test_teardown(test_punctuation_makes_no_run, cleanup),
		cmocka_unit_test_teardown(test_inflection_is_minor, cleanup),
		cmocka_unit_test_teardown(test_empty_spans, cleanup),
		cmocka_unit_test_teardown(test_spans_inside_bodies, cleanup),
		cmocka_unit_test_teardown(test_offsets_snapped_and_clamped, cleanup),
		cmocka_unit_test_teardown(test_random_pairs_are_optimal, cleanup),
		cmocka_unit_test_teardown(test_bundled_base_models, cleanup),
		cmocka_unit_test_teardown(test_bundled_technologies, cleanup),
		cmocka_unit_test_teardown(test_bundled_whole_bodies, cleanup),
		cmocka_unit_test_teardown(test_huge_unrelated_is_bounded, cleanup),
		cmocka_unit_test_teardown(test_huge_similar_is_exact, cleanup),
		cmocka_unit_test(test_widen_to_paragraphs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
