/* Tests of the link finder (src/core/link.c) on small corpora built in
 * memory: quotations that match across articles despite substituted,
 * dropped and inflected words, punctuation, case, accents and apostrophe
 * styles; a short quotation inside a longer one; near misses that must not
 * match (two different quotations of one person on one topic); wire copy as
 * a passage; boilerplate that must not make pairs of every article; the same
 * result on any thread count; the queries; and hostile corpora (a sentence
 * repeated 10,000 times, 10,000 identical short articles) in bounded time. */
#include "testutil.h"

#include "revue/analysis.h"
#include "revue/corpus.h"
#include "revue/index.h"
#include "revue/link.h"
#include "tcorpus.h"

#include <time.h>

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

/* --- helpers ------------------------------------------------------------- */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Clusters of a kind. */
static size_t count_kind(const struct rv_links *ls, enum rv_link_kind k)
{
	size_t n = 0;
	for (size_t i = 0; i < ls->nclusters; i++)
		n += ls->clusters[i].kind == k;
	return n;
}

/* Are the quote clusters of articles 0 and 1 the same one (both quoted)? */
static bool first_quotes_joined(const struct rv_index *ix)
{
	if (!ix->an[0].nquotes || !ix->an[1].nquotes)
		return false;
	uint32_t a = ix->an[0].quotes[0].cluster, b = ix->an[1].quotes[0].cluster;
	return a != RV_NONE && a == b;
}

static struct rv_index *index_of(struct rv_corpus *c, unsigned threads)
{
	struct rv_index_opts o = {.threads = threads};
	return rv_index_build(c, &o);
}

/* Two articles, each quoting `qa` and `qb` in its own sentence; are the
 * quotations in one cluster? */
static bool quotes_link(const char *qa, const char *qb)
{
	char a[2048], b[2048];
	snprintf(a, sizeof a,
		 "Le ministre de l'Économie s'est exprimé lundi devant la presse à Paris.\n\n"
		 "« %s », a déclaré Bruno Lemaire lors de sa conférence.\n\nLa suite est attendue en juin.\n",
		 qa);
	snprintf(b, sizeof b,
		 "Réunion tendue à Bercy, où les syndicats attendaient des annonces claires.\n\n"
		 "Bruno Lemaire a affirmé : « %s ».\n\nLes marchés ont peu réagi.\n",
		 qb);
	const char *t[] = {a, b};
	struct rv_corpus *c = tu_corpus_of(t, 2);
	struct rv_index *ix = index_of(c, 1);
	bool joined = first_quotes_joined(ix);
	rv_index_free(ix);
	rv_corpus_free(c);
	return joined;
}

#define Q_BASE "Nous devons investir massivement dans la recherche publique et former des milliers d'ingénieurs chaque année"

/* --- quotations ------------------------------------------------------------ */

static void test_identical_quote(void **state)
{
	(void)state;
	assert_true(quotes_link(Q_BASE, Q_BASE));
}

static void test_substituted_word(void **state)
{
	(void)state;
	assert_true(quotes_link(Q_BASE, "Nous devons investir fortement dans la recherche publique et former des "
					"milliers d'ingénieurs chaque année"));
	assert_true(quotes_link(Q_BASE, "Nous devons investir massivement dans la recherche nationale et former des "
					"milliers d'ingénieurs chaque année"));
}

static void test_dropped_words(void **state)
{
	(void)state;
	assert_true(quotes_link(Q_BASE, "Nous devons investir dans la recherche publique et former des milliers "
					"d'ingénieurs chaque année"));
	assert_true(quotes_link(Q_BASE, "Nous devons investir massivement dans la recherche et former des "
					"milliers d'ingénieurs"));
}

static void test_inflection(void **state)
{
	(void)state;
	assert_true(quotes_link("Les meilleures équipes doivent garder les technologies nouvelles sous contrôle humain",
				"La meilleure équipe doit garder la technologie nouvelle sous contrôle humain"));
}

static void test_punctuation_case_accents_apostrophes(void **state)
{
	(void)state;
	assert_true(quotes_link("L’économie française résistera à la crise énergétique grâce à l’investissement",
				"l'ECONOMIE francaise, resistera a la crise energetique -- grace a l'investissement"));
}

static void test_containment(void **state)
{
	(void)state;
	assert_true(quotes_link("Il faut revoir notre approche. Ces outils sont conçus pour améliorer le bien-être "
				"humain et servir l'humanité, et non pour la dépasser. Nous en reparlerons au "
				"printemps avec nos partenaires européens",
				"ces outils sont conçus pour améliorer le bien-être humain et servir l'humanité"));
}

static void test_near_miss(void **state)
{
	(void)state;
	/* one speaker, one topic, two different things said */
	assert_false(quotes_link("Nous devons investir massivement dans la recherche publique dès cette année",
				 "La recherche privée doit prendre le relais de l'État sur les grands projets"));
	assert_false(quotes_link("Les impôts des ménages ne baisseront pas avant la fin du quinquennat",
				 "Les entreprises paieront moins d'impôts dès le premier janvier prochain"));
}

static void test_unrelated_articles(void **state)
{
	(void)state;
	const char *t[] = {
		"Le festival de Cannes a ouvert ses portes mardi sous un soleil radieux. Les stars ont monté les "
		"marches devant une foule nombreuse venue du monde entier.\n",
		"La Banque centrale européenne a relevé ses taux directeurs d'un quart de point, une décision "
		"attendue par les marchés financiers depuis plusieurs semaines.\n",
	};
	struct rv_corpus *c = tu_corpus_of(t, 2);
	struct rv_links *ls = rv_links_build(c, NULL, NULL);
	assert_int_equal(ls->nclusters, 0);
	rv_links_free(ls);
	rv_corpus_free(c);
}

static void test_speaker_conflict(void **state)
{
	(void)state;
	const char *t[] = {
		"Déplacement à Lyon.\n\n« Nous devons investir massivement dans la recherche publique et former des "
		"milliers d'ingénieurs chaque année », a déclaré Bruno Lemaire.\n",
		"Débat à l'Assemblée.\n\n« Nous devons investir massivement dans la recherche publique et former des "
		"milliers d'ingénieurs chaque année », a déclaré Élisabeth Borne.\n",
	};
	struct rv_corpus *c = tu_corpus_of(t, 2);
	struct rv_index *ix = index_of(c, 1);
	assert_true(first_quotes_joined(ix));
	uint32_t cl = ix->an[0].quotes[0].cluster;
	assert_int_equal(ix->links->clusters[cl].kind, RV_LINK_QUOTE);
	assert_true(ix->links->clusters[cl].speaker_conflict);
	rv_index_free(ix);
	rv_corpus_free(c);
}

/* --- passages and queries ----------------------------------------------------- */

#define WIRE                                                                                                      \
	"Selon les chiffres publiés jeudi par le ministère de l'Intérieur, quarante-six mille manifestants ont "  \
	"défilé samedi dans toute la France, dont cinq mille huit cents à Paris, contre plus de cent mille la "  \
	"semaine précédente, une décrue que le gouvernement attribue aux annonces du président sur le pouvoir " \
	"d'achat et la fiscalité des carburants.\n"

static void test_passage_and_queries(void **state)
{
	(void)state;
	const char *t[] = {
		"Un texte sans rapport avec la suite, sur la pêche en Bretagne et les quotas européens.\n",
		"Notre correspondant raconte la journée.\n\n" WIRE "\nLes commerçants comptent leurs pertes.\n",
		WIRE "\nÀ Bordeaux, la tension est restée vive jusqu'au soir.\n",
	};
	struct rv_corpus *c = tu_corpus_of(t, 3);
	struct rv_links *ls = rv_links_build(c, NULL, NULL);
	assert_int_equal(ls->nclusters, 1);
	assert_int_equal(ls->clusters[0].kind, RV_LINK_PASSAGE);
	size_t n;
	const struct rv_link_member *m = rv_links_members(ls, 0, &n);
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++) {
		const struct rv_article *a = &c->articles[m[i].article];
		/* the span is the wire paragraph, from its first word to its last */
		assert_true(m[i].end - m[i].start > 250);
		assert_memory_equal(a->body + m[i].start, "Selon", 5);
		assert_memory_equal(a->body + m[i].end - 10, "carburants", 10);
		assert_int_equal(m[i].quote, RV_NONE);
	}
	assert_true(ls->clusters[0].score > 0.9);
	struct rv_article_link *al;
	size_t nl = rv_links_of_article(ls, 1, &al);
	assert_int_equal(nl, 1);
	assert_int_equal(al[0].other, 2);
	assert_int_equal(al[0].cluster, 0);
	free(al);
	assert_int_equal(rv_links_of_article(ls, 0, &al), 0);
	free(al);
	struct rv_link_peer *peers;
	assert_int_equal(rv_links_peers(ls, 2, &peers), 1);
	assert_int_equal(peers[0].article, 1);
	assert_int_equal(peers[0].clusters, 1);
	free(peers);
	const struct rv_link_member *in1 = m[0].article == 1 ? &m[0] : &m[1];
	assert_int_equal(rv_links_at(ls, 1, in1->start + 10), 0);
	assert_int_equal(rv_links_at(ls, 1, 0), RV_NONE);
	assert_int_equal(rv_links_at(ls, 0, 0), RV_NONE);
	assert_null(rv_links_members(ls, 7, &n));
	rv_links_free(ls);
	rv_corpus_free(c);
}

/* A footer every article carries is banal: the articles make a chain of
 * neighbours, not a pair of each two. */
static void test_boilerplate_capped(void **state)
{
	(void)state;
	enum { N = 200 };
	char *texts[N];
	const char *topics[] = {"la pêche", "le rugby", "la vendange", "les élections", "la météo"};
	for (size_t i = 0; i < N; i++) {
		texts[i] = malloc(1024);
		snprintf(texts[i], 1024,
			 "Article %zu sur %s numéro %zu, écrit par la rédaction locale le jour %zu.\n\n"
			 "Abonnez-vous à notre lettre quotidienne pour recevoir chaque matin l'essentiel de "
			 "l'actualité régionale, nationale et internationale, ainsi que nos enquêtes exclusives.\n",
			 i, topics[i % 5], i * 7919, i + 1000);
	}
	struct rv_corpus *c = tu_corpus_of((const char *const *)texts, N);
	struct rv_links *ls = rv_links_build(c, NULL, NULL);
	assert_true(ls->candidate_pairs < 2 * N);
	assert_true(ls->nclusters <= 2);
	rv_links_free(ls);
	rv_corpus_free(c);
	for (size_t i = 0; i < N; i++)
		free(texts[i]);
}

/* --- determinism ------------------------------------------------------------- */

static void test_same_on_any_thread_count(void **state)
{
	(void)state;
	size_t len;
	const char *names[] = {"000_679a9a29bead16d9.txt", "001_fd70df3b9bc0aabe.txt", "002_a7e62f9106381dc2.txt",
			       "003_7731edd94bbb19a4.txt", "004_adeceaaae8a7c653.txt"};
	char *texts[10];
	for (size_t i = 0; i < 5; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/corpus/%s", SOURCE_DIR, names[i]);
		texts[i] = tu_read_file(path, &len);
		assert_non_null(texts[i]);
		texts[i + 5] = texts[i]; /* and each once more: exact copies too */
	}
	struct rv_corpus *c = tu_corpus_of((const char *const *)texts, 10);
	struct rv_index *one = index_of(c, 1);
	uint32_t *cl1 = malloc(1024 * sizeof *cl1);
	size_t nq = 0;
	for (size_t a = 0; a < c->n; a++)
		for (size_t q = 0; q < one->an[a].nquotes && nq < 1024; q++)
			cl1[nq++] = one->an[a].quotes[q].cluster;
	for (unsigned t = 2; t <= 4; t++) {
		struct rv_index *many = index_of(c, t);
		const struct rv_links *x = one->links, *y = many->links;
		assert_int_equal(x->nclusters, y->nclusters);
		assert_int_equal(x->nmembers, y->nmembers);
		assert_memory_equal(x->members, y->members, x->nmembers * sizeof *x->members);
		for (size_t i = 0; i < x->nclusters; i++) {
			assert_int_equal(x->clusters[i].kind, y->clusters[i].kind);
			assert_true(x->clusters[i].score == y->clusters[i].score);
		}
		size_t k = 0;
		for (size_t a = 0; a < c->n; a++)
			for (size_t q = 0; q < many->an[a].nquotes && k < 1024; q++)
				assert_int_equal(many->an[a].quotes[q].cluster, cl1[k++]);
		rv_index_free(many);
	}
	assert_true(count_kind(one->links, RV_LINK_QUOTE) >= 2);
	free(cl1);
	rv_index_free(one);
	rv_corpus_free(c);
	for (size_t i = 0; i < 5; i++)
		free(texts[i]);
}

/* --- hostile corpora ----------------------------------------------------------- */

static void test_repeated_sentence(void **state)
{
	(void)state;
	const char *unit = "Le gouvernement a annoncé une réforme des retraites contestée par les syndicats. ";
	size_t ul = strlen(unit), copies = 10000;
	char *big = malloc(ul * copies + 1);
	for (size_t i = 0; i < copies; i++)
		memcpy(big + i * ul, unit, ul);
	big[ul * copies] = '\0';
	const char *t[] = {big, big, "Une réforme des retraites contestée par les syndicats, dit-on. Rien d'autre.\n"};
	struct rv_corpus *c = tu_corpus_of(t, 3);
	double t0 = now();
	struct rv_links *ls = rv_links_build(c, NULL, NULL);
	double s = now() - t0;
	assert_true(s < (SLOW_BUILD ? 20.0 : 5.0));
	assert_true(ls->nclusters >= 1 && ls->nclusters <= 3);
	assert_true(ls->nmembers < 10);
	rv_links_free(ls);
	rv_corpus_free(c);
	free(big);
}

static void test_many_identical_articles(void **state)
{
	(void)state;
	size_t n = SLOW_BUILD ? 3000 : 10000;
	const char *one = "Le conseil municipal a voté le budget de la commune pour l'année prochaine, avec une hausse "
			  "des dépenses d'entretien des écoles, des routes et des équipements sportifs du quartier.\n";
	const char **t = malloc(n * sizeof *t);
	for (size_t i = 0; i < n; i++)
		t[i] = one;
	struct rv_corpus *c = tu_corpus_of(t, n);
	double t0 = now();
	struct rv_links *ls = rv_links_build(c, NULL, NULL);
	double s = now() - t0;
	assert_true(s < (SLOW_BUILD ? 30.0 : 5.0));
	assert_true(ls->candidate_pairs < n); /* neighbours only */
	assert_int_equal(ls->nclusters, 1);
	assert_int_equal(ls->clusters[0].n, n);
	rv_links_free(ls);
	rv_corpus_free(c);
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identical_quote),
		cmocka_unit_test(test_substituted_word),
		cmocka_unit_test(test_dropped_words),
		cmocka_unit_test(test_inflection),
		cmocka_unit_test(test_punctuation_case_accents_apostrophes),
		cmocka_unit_test(test_containment),
		cmocka_unit_test(test_near_miss),
		cmocka_unit_test(test_unrelated_articles),
		cmocka_unit_test(test_speaker_conflict),
		cmocka_unit_test(test_passage_and_queries),
		cmocka_unit_test(test_boilerplate_capped),
		cmocka_unit_test(test_same_on_any_thread_count),
		cmocka_unit_test(test_repeated_sentence),
		cmocka_unit_test(test_many_identical_articles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
