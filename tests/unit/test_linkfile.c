/* Tests of link files (src/core/linkfile.c): clusters computed elsewhere and
 * read instead of computed — revue's own --dump links lines and passim's
 * output records, written here by hand over a small corpus with accents and
 * an emoji (so that passim's UTF-16 offsets differ from bytes); every kind
 * of record that does not fit is refused with its line and the rest loads;
 * a computed result written with --dump links reads back the same. */
#include "testutil.h"

#include "revue/analysis.h"
#include "revue/corpus.h"
#include "revue/dump.h"
#include "revue/index.h"
#include "revue/link.h"
#include "tcorpus.h"

static const char *const texts[] = {
    "Title: Un\nSource: Le Monde\n\nLe ministre a déclaré : « Nous allons tout changer dans ce pays avant la fin "
    "de l'année prochaine », selon l'AFP.\n",
    "Title: Deux\nSource: Le Figaro\n\n\xf0\x9f\x98\x80 Hier, le ministre a dit : « Nous allons tout changer dans "
    "ce pays avant la fin de l'année », a rapporté un journal. Une phrase à part.\n",
    "Title: Trois\nSource: Libération\n\nRien à voir ici, sinon une phrase à part.\n",
};

static struct rv_corpus *corpus(void)
{
	return tu_corpus_of(texts, RV_ARRAY_LEN(texts));
}

static char path[] = "/tmp/revue-linkfile-XXXXXX";

static void write_file(const char *s)
{
	strcpy(path, "/tmp/revue-linkfile-XXXXXX"); /* also after a test that failed */
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, s, strlen(s)), (ssize_t)strlen(s));
	close(fd);
}

static void done_file(void)
{
	unlink(path);
	strcpy(path, "/tmp/revue-linkfile-XXXXXX");
}

/* The byte span of `needle` in article a's body. */
static void span_of(const struct rv_corpus *c, size_t a, const char *needle, unsigned *s, unsigned *e)
{
	const char *p = strstr(c->articles[a].body, needle);
	assert_non_null(p);
	*s = (unsigned)(p - c->articles[a].body);
	*e = *s + (unsigned)strlen(needle);
}

/* UTF-16 units before byte off, counted independently of the loader. */
static unsigned units(const struct rv_corpus *c, size_t a, unsigned off)
{
	unsigned u = 0;
	for (unsigned i = 0; i < off; i++) {
		unsigned char b = (unsigned char)c->articles[a].body[i];
		if ((b & 0xC0) != 0x80)
			u += b >= 0xF0 ? 2 : 1;
	}
	return u;
}

static struct rv_index *index_with(struct rv_corpus *c, const char *file)
{
	struct rv_index_opts o = {.threads = 1, .links = file};
	return rv_index_build(c, &o);
}

static bool has_diag(const struct rv_index *ix, unsigned line, const char *what)
{
	for (size_t i = 0; i < ix->diags.n; i++)
		if (ix->diags.v[i].line == line && strstr(ix->diags.v[i].msg, what))
			return true;
	return false;
}

#define Q1 "« Nous allons tout changer dans ce pays avant la fin de l'année prochaine »"
#define Q2 "« Nous allons tout changer dans ce pays avant la fin de l'année »"

static void test_revue_format(void **state)
{
	(void)state;
	struct rv_corpus *c = corpus();
	unsigned s0, e0, s1, e1;
	span_of(c, 0, Q1, &s0, &e0);
	span_of(c, 1, Q2, &s1, &e1);
	char buf[512];
	snprintf(buf, sizeof buf,
		 "{\"id\":0,\"kind\":\"quote\",\"members\":[{\"article\":\"0000.txt\",\"start\":%u,\"end\":%u},"
		 "{\"article\":\"0001.txt\",\"start\":%u,\"end\":%u}]}\n",
		 s0, e0, s1, e1);
	write_file(buf);
	struct rv_index *ix = index_with(c, path);
	assert_int_equal(ix->diags.n, 0);
	assert_int_equal(ix->links->nclusters, 1);
	assert_int_equal(ix->links->clusters[0].kind, RV_LINK_QUOTE);
	assert_int_equal(ix->links->clusters[0].n, 2);
	/* the canonical member first: the longer */
	assert_int_equal(ix->links->members[0].article, 0);
	assert_int_equal(ix->links->members[0].start, s0);
	/* the quotes know their cluster, and the reader's queries answer */
	assert_int_not_equal(ix->links->members[0].quote, RV_NONE);
	assert_int_equal(ix->an[0].quotes[ix->links->members[0].quote].cluster, 0);
	assert_int_equal(rv_links_at(ix->links, 1, s1 + 3), 0);
	struct rv_link_peer *peers;
	assert_int_equal(rv_links_peers(ix->links, 0, &peers), 1);
	assert_int_equal(peers[0].article, 1);
	free(peers);
	rv_index_free(ix);
	done_file();
	rv_corpus_free(c);
}

static void test_passim_format_utf16(void **state)
{
	(void)state;
	struct rv_corpus *c = corpus();
	unsigned s0, e0, s1, e1, s2, e2, t1, u1;
	span_of(c, 0, Q1, &s0, &e0);
	span_of(c, 1, Q2, &s1, &e1);
	span_of(c, 2, "une phrase à part", &s2, &e2);
	span_of(c, 1, "Une phrase à part", &t1, &u1);
	/* the emoji: 4 bytes, 2 units; the accents: 2 bytes, 1 unit */
	assert_int_equal(units(c, 1, s1), s1 - 2 - 0);
	char buf[1024];
	snprintf(buf, sizeof buf,
		 "{\"cluster\": 7, \"id\": \"0000.txt\", \"begin\": %u, \"end\": %u, \"series\": \"Le Monde\"}\n"
		 "{\"cluster\": 7, \"id\": \"0001.txt\", \"begin\": %u, \"end\": %u, \"text\": \"%s\"}\n"
		 "\n"
		 "{\"cluster\": \"x9\", \"id\": \"0002.txt\", \"begin\": %u, \"end\": %u}\n"
		 "{\"cluster\": \"x9\", \"id\": \"0001.txt\", \"begin\": %u, \"end\": %u}\n",
		 units(c, 0, s0), units(c, 0, e0), units(c, 1, s1), units(c, 1, e1), Q2, units(c, 2, s2),
		 units(c, 2, e2), units(c, 1, t1), units(c, 1, u1));
	write_file(buf);
	struct rv_index *ix = index_with(c, path);
	for (size_t i = 0; i < ix->diags.n; i++)
		print_message("diag: %u %s\n", ix->diags.v[i].line, ix->diags.v[i].msg);
	assert_int_equal(ix->diags.n, 0);
	assert_int_equal(ix->links->nclusters, 2);
	const struct rv_link_cluster *q = &ix->links->clusters[0], *p = &ix->links->clusters[1];
	assert_int_equal(q->kind, RV_LINK_QUOTE);
	assert_int_equal(p->kind, RV_LINK_PASSAGE);
	/* byte offsets, mapped back exactly */
	const struct rv_link_member *m = &ix->links->members[q->first];
	assert_int_equal(m[0].article, 0);
	assert_int_equal(m[0].start, s0);
	assert_int_equal(m[0].end, e0);
	assert_int_equal(m[1].article, 1);
	assert_int_equal(m[1].start, s1);
	assert_int_equal(m[1].end, e1);
	m = &ix->links->members[p->first];
	assert_int_equal(m[0].quote, RV_NONE);
	rv_index_free(ix);
	done_file();
	rv_corpus_free(c);
}

static void test_bad_records_refused_rest_loads(void **state)
{
	(void)state;
	struct rv_corpus *c = corpus();
	unsigned s0, e0, s1, e1;
	span_of(c, 0, Q1, &s0, &e0);
	span_of(c, 1, Q2, &s1, &e1);
	unsigned len1 = (unsigned)c->articles[1].body_len;
	char buf[4096];
	snprintf(buf, sizeof buf,
		 /* 1 */ "not json\n"
		 /* 2 */ "[1, 2]\n"
		 /* 3 */ "{\"hello\": 1}\n"
		 /* 4 */ "{\"members\": [{\"article\": \"nope.txt\", \"start\": 0, \"end\": 4}, "
		 "{\"article\": \"0001.txt\", \"start\": 0, \"end\": 4}]}\n"
		 /* 5 */ "{\"members\": [{\"article\": \"0000.txt\", \"start\": 0, \"end\": 99999}, "
		 "{\"article\": \"0001.txt\", \"start\": 0, \"end\": 4}]}\n"
		 /* 6: inside the emoji */ "{\"members\": [{\"article\": \"0000.txt\", \"start\": 0, \"end\": 4}, "
		 "{\"article\": \"0001.txt\", \"start\": 1, \"end\": 4}]}\n"
		 /* 7 */ "{\"members\": [{\"article\": \"0000.txt\", \"start\": 0, \"end\": 2, \"text\": \"Xe\"}, "
		 "{\"article\": \"0001.txt\", \"start\": 0, \"end\": 4}]}\n"
		 /* 8 */ "{\"members\": [{\"article\": \"0000.txt\", \"start\": 0, \"end\": 4}]}\n"
		 /* 9 */ "{\"members\": [{\"article\": \"0000.txt\", \"start\": 0, \"end\": 4}, "
		 "{\"article\": \"0000.txt\", \"start\": 10, \"end\": 14}]}\n"
		 /* 10: begin between the two halves of the emoji's surrogate pair */
		 "{\"cluster\": 1, \"id\": \"0001.txt\", \"begin\": 1, \"end\": 5}\n"
		 /* 11 */ "{\"cluster\": 1, \"id\": \"0001.txt\", \"begin\": 5, \"end\": %u}\n"
		 /* 12 */ "{\"cluster\": 2, \"id\": \"0001.txt\", \"begin\": 0, \"end\": 3}\n"
		 /* 13 */ "{\"cluster\": 3.5, \"id\": \"0001.txt\", \"begin\": 0, \"end\": 3}\n"
		 /* 14 */ "{\"members\": \"x\"}\n"
		 /* 15 */ "{\"members\": [{\"article\": \"0000.txt\", \"start\": 4, \"end\": 4}, "
		 "{\"article\": \"0001.txt\", \"start\": 0, \"end\": 4}]}\n"
		 /* 16: a good one, after all that */
		 "{\"members\":[{\"article\":\"0000.txt\",\"start\":%u,\"end\":%u},"
		 "{\"article\":\"0001.txt\",\"start\":%u,\"end\":%u}]}\n",
		 len1 + 10, s0, e0, s1, e1);
	write_file(buf);
	struct rv_index *ix = index_with(c, path);
	assert_true(has_diag(ix, 1, "not JSON"));
	assert_true(has_diag(ix, 2, "not a JSON object"));
	assert_true(has_diag(ix, 3, "neither"));
	assert_true(has_diag(ix, 4, "names no article"));
	assert_true(has_diag(ix, 5, "outside the article's body"));
	assert_true(has_diag(ix, 6, "inside a character"));
	assert_true(has_diag(ix, 7, "differs"));
	assert_true(has_diag(ix, 8, "two members"));
	assert_true(has_diag(ix, 9, "one article"));
	assert_true(has_diag(ix, 10, "do not fit"));
	assert_true(has_diag(ix, 11, "do not fit"));
	assert_true(has_diag(ix, 12, "one record only"));
	assert_true(has_diag(ix, 13, "not a number or a short string"));
	assert_true(has_diag(ix, 14, "not an array"));
	assert_true(has_diag(ix, 15, "outside the article's body"));
	for (size_t i = 0; i < ix->diags.n; i++)
		assert_string_equal(ix->diags.v[i].file, path);
	assert_int_equal(ix->links->nclusters, 1);
	assert_int_equal(ix->links->members[0].start, s0);
	rv_index_free(ix);
	done_file();
	rv_corpus_free(c);
}

static void test_many_bad_lines_summed_up(void **state)
{
	(void)state;
	struct rv_corpus *c = corpus();
	struct rv_buf b = {0};
	for (int i = 0; i < 5000; i++)
		rv_buf_adds(&b, "{oops}\n");
	write_file(b.p);
	rv_buf_free(&b);
	struct rv_index *ix = index_with(c, path);
	assert_int_equal(ix->diags.n, 21);
	assert_non_null(strstr(ix->diags.v[20].msg, "4980 more"));
	assert_int_equal(ix->links->nclusters, 0);
	rv_index_free(ix);
	done_file();
	rv_corpus_free(c);
}

static void test_unreadable_file(void **state)
{
	(void)state;
	struct rv_corpus *c = corpus();
	struct rv_index *ix = index_with(c, "/nonexistent/links.jsonl");
	assert_int_equal(ix->diags.n, 1);
	assert_non_null(strstr(ix->diags.v[0].msg, "cannot read"));
	assert_int_equal(ix->links->nclusters, 0); /* none, and not computed */
	assert_int_equal(rv_links_at(ix->links, 0, 0), RV_NONE);
	rv_index_free(ix);
	rv_corpus_free(c);
}

static void test_kind_and_quote_as_written(void **state)
{
	(void)state;
	struct rv_corpus *c = corpus();
	unsigned s0, e0, s1, e1;
	span_of(c, 0, Q1, &s0, &e0);
	span_of(c, 1, Q2, &s1, &e1);
	char buf[512];
	snprintf(buf, sizeof buf,
		 "{\"kind\":\"passage\",\"members\":[{\"article\":\"0000.txt\",\"start\":%u,\"end\":%u},"
		 "{\"article\":\"0001.txt\",\"start\":%u,\"end\":%u}]}\n"
		 "{\"members\":[{\"article\":\"0000.txt\",\"start\":%u,\"end\":%u,\"quote\":12345},"
		 "{\"article\":\"0001.txt\",\"start\":%u,\"end\":%u}]}\n",
		 s0, e0, s1, e1, s0, e0, s1, e1);
	write_file(buf);
	struct rv_index *ix = index_with(c, path);
	assert_int_equal(ix->links->nclusters, 1);
	assert_int_equal(ix->links->clusters[0].kind, RV_LINK_PASSAGE);
	assert_true(has_diag(ix, 2, "names a quote that is not in its article"));
	rv_index_free(ix);
	done_file();
	rv_corpus_free(c);
}

/* What the link finder computes, written by --dump links, reads back the
 * same (but the score, which is the finder's own). */
static void test_dump_round_trip(void **state)
{
	(void)state;
	struct rv_corpus *c = corpus();
	struct rv_index_opts o = {.threads = 1};
	struct rv_index *ix = rv_index_build(c, &o);
	assert_true(ix->links->nclusters >= 1);
	strcpy(path, "/tmp/revue-linkfile-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_int_equal(rv_dump("links", c, ix, f), 0);
	fclose(f);
	struct rv_index *back = index_with(c, path);
	assert_int_equal(back->diags.n, 0);
	assert_int_equal(back->links->nclusters, ix->links->nclusters);
	assert_int_equal(back->links->nmembers, ix->links->nmembers);
	for (size_t i = 0; i < ix->links->nclusters; i++) {
		assert_int_equal(back->links->clusters[i].kind, ix->links->clusters[i].kind);
		assert_int_equal(back->links->clusters[i].n, ix->links->clusters[i].n);
	}
	for (size_t i = 0; i < ix->links->nmembers; i++) {
		const struct rv_link_member *x = &ix->links->members[i], *y = &back->links->members[i];
		assert_int_equal(x->article, y->article);
		assert_int_equal(x->start, y->start);
		assert_int_equal(x->end, y->end);
		assert_int_equal(x->quote, y->quote);
	}
	rv_index_free(back);
	rv_index_free(ix);
	done_file();
	rv_corpus_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_revue_format),
	    cmocka_unit_test(test_passim_format_utf16),
	    cmocka_unit_test(test_bad_records_refused_rest_loads),
	    cmocka_unit_test(test_many_bad_lines_summed_up),
	    cmocka_unit_test(test_unreadable_file),
	    cmocka_unit_test(test_kind_and_quote_as_written),
	    cmocka_unit_test(test_dump_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
