/* fixture.h — what the table-driven analyzer tests share: a test list
 * where each table row is a named cmocka test, one article under test (D)
 * analysed as index.c does, and allocations held until the test's cleanup,
 * so that a failing test leaks nothing under LeakSanitizer. Include it once,
 * after testutil.h and revue/analysis.h. */
#ifndef REVUE_FIXTURE_H
#define REVUE_FIXTURE_H

/* --- the test list: fixed tests, then one test per table row --------------- */

static int cleanup(void **state);
static struct CMUnitTest *tests;
static size_t ntests, captests;
static char **names;

static void add_test(const char *prefix, const char *label, CMUnitTestFunction fn, const void *row)
{
	if (ntests == captests) {
		captests = captests ? captests * 2 : 64;
		tests = realloc(tests, captests * sizeof *tests);
		names = realloc(names, captests * sizeof *names);
		assert_non_null(tests);
		assert_non_null(names);
	}
	size_t cap = strlen(prefix) + 2 * strlen(label) + 8;
	char *name = malloc(cap), *p = name;
	p += snprintf(p, cap, "%s: ", prefix);
	for (const char *s = label; *s && (size_t)(p - name) + 3 < cap; s++) {
		if (*s == '\n') {
			*p++ = '\\';
			*p++ = 'n';
		} else {
			*p++ = *s;
		}
	}
	*p = '\0';
	names[ntests] = name;
	tests[ntests++] = (struct CMUnitTest){name, fn, NULL, cleanup, (void *)row};
}

/* --- one article under test ------------------------------------------------ */

struct doc {
	struct rv_article a;
	struct rv_analysis an;
	bool loaded;
};

/* What a test holds, freed by cleanup() even when the test fails: the
 * article under test and a few allocations. */
static struct doc D;
static void *held[8];
static size_t nheld;

static void *hold(void *p)
{
	assert_true(nheld < RV_ARRAY_LEN(held));
	held[nheld++] = p;
	return p;
}

static void release(void *p)
{
	for (size_t i = 0; i < nheld; i++)
		if (held[i] == p) {
			held[i] = held[--nheld];
			break;
		}
	free(p);
}

/* An article whose body is exactly text, analysed as index.c does: names,
 * and quotations when asked. */
static void analyse_doc(const char *lang, const char *text, struct doc *d, bool quotes)
{
	size_t cap = strlen(text) + 64;
	char *buf = malloc(cap);
	assert_non_null(buf);
	int n = snprintf(buf, cap, "lang: %s\n\n%s", lang, text);
	assert_true(n > 0 && (size_t)n < cap);
	struct rv_diags diags = {0};
	bool ok = rv_article_from_bytes("t.txt", (const unsigned char *)buf, (size_t)n, &d->a, &diags);
	rv_diag_free(&diags);
	free(buf);
	assert_true(ok);
	memset(&d->an, 0, sizeof d->an);
	d->loaded = true;
	assert_int_equal(d->a.body_len, strlen(text));
	assert_memory_equal(d->a.body, text, d->a.body_len);
	rv_analysis_prepare(&d->a, &d->an);
	rv_entity_names(&d->a, &d->an);
	if (quotes)
		rv_quote_find(&d->a, &d->an);
}

static void done(struct doc *d)
{
	if (!d->loaded)
		return;
	rv_analysis_free(&d->an);
	rv_article_free(&d->a);
	d->loaded = false;
}

static int cleanup(void **state)
{
	(void)state;
	done(&D);
	while (nheld)
		free(held[--nheld]);
	return 0;
}


#endif
