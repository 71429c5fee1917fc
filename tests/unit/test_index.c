/* Tests of the shared index (src/core/index.c) on small temporary corpora:
 * partial names joining full ones (in their article first, then in the
 * corpus), names dropped for lack of evidence, entity types from the votes
 * of every mention, mention and article counts, canonical names, the
 * queries (article entities, entity lookup, a speaker's quotes), the
 * timeline's order, determinism over thread counts, and a corpus of 1,000
 * identical articles. */
#include "testutil.h"

#include "revue/analysis.h"
#include "revue/corpus.h"
#include "revue/index.h"

#include <dirent.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define LDQ "\xE2\x80\x9C" /* “ */
#define RDQ "\xE2\x80\x9D" /* ” */

/* --- helpers -------------------------------------------------------------- */

struct file {
	const char *name;
	const char *text; /* the whole file, header block included */
};

struct fixture {
	char dir[256];
	struct rv_corpus *c;
	struct rv_index *ix;
};


static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void make_dir(struct fixture *f)
{
	snprintf(f->dir, sizeof f->dir, "/tmp/revue-test-index-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
}

static void load_and_build(struct fixture *f, size_t want_articles, const struct rv_index_opts *opts)
{
	const char *paths[] = {f->dir};
	struct rv_diags err = {0};
	assert_int_equal(rv_corpus_load(paths, 1, NULL, &f->c, &err), 0);
	rv_diag_free(&err);
	assert_int_equal(f->c->n, want_articles);
	f->ix = rv_index_build(f->c, opts);
	assert_non_null(f->ix);
	assert_true(f->ix->corpus == f->c);
}

/* A corpus of the files (articles in name order), indexed. */
static void build(struct fixture *f, const struct file *files, size_t n)
{
	make_dir(f);
	for (size_t i = 0; i < n; i++)
		write_file(f->dir, files[i].name, files[i].text);
	load_and_build(f, n, NULL);
}

static void teardown(struct fixture *f)
{
	rv_index_free(f->ix);
	if (f->c)
		rv_corpus_free(f->c);
	if (f->dir[0])
		tu_rm_rf(f->dir);
	memset(f, 0, sizeof *f);
}

/* What a test holds, freed by cleanup() even when the test fails. */
static struct fixture fx;
static struct rv_index *second_ix;
static void *held[8];
static size_t nheld;

static void *hold(void *p)
{
	assert_true(nheld < RV_ARRAY_LEN(held));
	held[nheld++] = p;
	return p;
}

static int cleanup(void **state)
{
	(void)state;
	rv_index_free(second_ix);
	second_ix = NULL;
	teardown(&fx);
	while (nheld)
		free(held[--nheld]);
	return 0;
}

/* Every entity, "[name type mentions/articles]", for messages. */
static char *all_entities(const struct rv_index *ix)
{
	struct rv_buf b = {0};
	for (size_t e = 0; e < ix->nentities; e++)
		rv_buf_printf(&b, "[%s %s %u/%zu]", ix->entities[e].name, rv_etype_name(ix->entities[e].type),
			      ix->entities[e].mentions, ix->entities[e].narticles);
	if (!b.p)
		rv_buf_adds(&b, "(none)");
	return rv_buf_steal(&b);
}

/* The entity named so (canonical name, exact), or fails listing them all. */
static const struct rv_entity *entity(const struct rv_index *ix, const char *name)
{
	for (size_t e = 0; e < ix->nentities; e++)
		if (!strcmp(ix->entities[e].name, name))
			return &ix->entities[e];
	char *got = hold(all_entities(ix));
	fail_msg("no entity '%s': %s", name, got);
	return NULL;
}

static bool has_entity(const struct rv_index *ix, const char *name)
{
	for (size_t e = 0; e < ix->nentities; e++)
		if (!strcmp(ix->entities[e].name, name))
			return true;
	return false;
}

static uint32_t entity_index(const struct rv_index *ix, const char *name)
{
	return (uint32_t)(entity(ix, name) - ix->entities);
}

static size_t article_of(const struct rv_corpus *c, const char *id)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->articles[i].id, id))
			return i;
	fail_msg("no article '%s'", id);
	return SIZE_MAX;
}

/* What every index satisfies. */
static void check_index(const struct rv_index *ix)
{
	size_t mentions = 0;
	for (size_t e = 0; e < ix->nentities; e++) {
		const struct rv_entity *en = &ix->entities[e];
		assert_non_null(en->name);
		assert_non_null(en->key);
		assert_true(en->type < RV_NAME_TYPES);
		assert_true(en->mentions >= en->narticles);
		assert_true(en->narticles >= 1);
		for (size_t k = 0; k < en->narticles; k++) {
			assert_true(en->articles[k] < ix->corpus->n);
			if (k)
				assert_true(en->articles[k] > en->articles[k - 1]);
		}
		assert_int_equal(rv_index_find_entity(ix, en->key), (uint32_t)e);
		mentions += en->mentions;
	}
	size_t kept = 0;
	for (size_t a = 0; a < ix->corpus->n; a++)
		for (size_t i = 0; i < ix->an[a].nnames; i++)
			if (ix->an[a].names[i].entity != RV_NONE) {
				assert_true(ix->an[a].names[i].entity < ix->nentities);
				kept++;
			}
	assert_int_equal(kept, mentions);
}

/* --- partial names ------------------------------------------------------------ */

static void test_surname_joins_full_name(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\n"
			  "Le patron de la division intelligence artificielle chez Microsoft, Mustafa Suleyman, a "
			  "présenté sa vision de l'avenir mardi.\n"
			  "Pour lui, les agents vont transformer le travail. Suleyman a ajouté que rien ne pressait.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	const struct rv_entity *e = entity(fx.ix, "Mustafa Suleyman");
	assert_int_equal(e->type, RV_ET_PERSON);
	assert_int_equal(e->mentions, 2);
	assert_int_equal(e->narticles, 1);
	assert_false(has_entity(fx.ix, "Suleyman"));
	assert_int_equal(rv_index_find_entity(fx.ix, "Mustafa Suleyman"), entity_index(fx.ix, "Mustafa Suleyman"));
	assert_int_equal(rv_index_find_entity(fx.ix, "MUSTAFA SULEYMAN"), entity_index(fx.ix, "Mustafa Suleyman"));
	assert_int_equal(rv_index_find_entity(fx.ix, "Suleyman"), RV_NONE);
	/* both mentions point at it */
	size_t n = 0;
	for (size_t i = 0; i < fx.ix->an[0].nnames; i++)
		n += fx.ix->an[0].names[i].entity == entity_index(fx.ix, "Mustafa Suleyman");
	assert_int_equal(n, 2);
	teardown(&fx);
}

/* index.c keeps "Suleyman va plus loin" for Mustafa Suleyman's sake: a lone
 * sentence-initial word that ends a longer name of its article (here a
 * surname no lexicon knows, so that nothing else votes for it). */
static void test_sentence_initial_surname_joins(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\n"
			  "Le patron de la division intelligence artificielle chez Microsoft, Thomas Kowalczyk, a "
			  "présenté sa vision de l'avenir mardi.\n"
			  "Kowalczyk va plus loin dans son raisonnement sur les agents autonomes.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	const struct rv_entity *e = entity(fx.ix, "Thomas Kowalczyk");
	if (e->mentions != 2) {
		char *got = hold(all_entities(fx.ix));
		fail_msg("'Kowalczyk va plus loin' must join Thomas Kowalczyk (2 mentions): %s", got);
	}
	teardown(&fx);
}

/* The same mid-sentence: a surname seen once, without a vote of its own,
 * still ends the full name of its article. */
static void test_mid_sentence_surname_joins(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\n"
			  "Le patron de la division intelligence artificielle chez Microsoft, Thomas Kowalczyk, a "
			  "présenté sa vision de l'avenir mardi.\n"
			  "Pour les équipes de Kowalczyk, la transformation du travail ne fait que commencer.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	const struct rv_entity *e = entity(fx.ix, "Thomas Kowalczyk");
	if (e->mentions != 2) {
		char *got = hold(all_entities(fx.ix));
		fail_msg("'les équipes de Kowalczyk' must join Thomas Kowalczyk (2 mentions): %s", got);
	}
	teardown(&fx);
}

static void test_trump_joins_melania_in_her_article(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: en\n\n"
			  "The first lady Melania Trump visited a primary school in rural Ohio on Friday morning.\n"
			  "The children were thrilled, and Trump said she would come back next year.\n"},
		{"b.txt", "lang: en\n\n"
			  "The president Donald Trump signed the order in the afternoon, surrounded by his advisers.\n"
			  "Donald Trump later left for a weekend of golf with his staff.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	const struct rv_entity *melania = entity(fx.ix, "Melania Trump"), *donald = entity(fx.ix, "Donald Trump");
	assert_int_equal(melania->mentions, 2);
	assert_int_equal(melania->narticles, 1);
	assert_int_equal(melania->articles[0], 0);
	assert_int_equal(donald->mentions, 2);
	assert_int_equal(donald->narticles, 1);
	assert_int_equal(donald->articles[0], 1);
	assert_false(has_entity(fx.ix, "Trump"));
	/* the mention "Trump" of the first article is Melania's */
	const struct rv_analysis *an = &fx.ix->an[0];
	const char *body = fx.c->articles[0].body;
	const char *t = strstr(body, "and Trump") + 4;
	bool seen = false;
	for (size_t i = 0; i < an->nnames; i++)
		if (an->names[i].start == (uint32_t)(t - body)) {
			seen = true;
			assert_int_equal(an->names[i].entity, entity_index(fx.ix, "Melania Trump"));
		}
	assert_true(seen);
	teardown(&fx);
}

/* With no full name in its article, a surname joins the one full name of
 * the corpus that ends so... */
static void test_surname_joins_the_corpus_full_name(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: en\n\n"
			  "The president Donald Trump signed the order in the afternoon, surrounded by his advisers.\n"},
		{"b.txt", "lang: en\n\n"
			  "The decision was welcomed by the markets, and Trump said he was very pleased with the outcome.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	const struct rv_entity *donald = entity(fx.ix, "Donald Trump");
	assert_int_equal(donald->mentions, 2);
	assert_int_equal(donald->narticles, 2);
	assert_false(has_entity(fx.ix, "Trump"));
	teardown(&fx);
}

/* ...but not when two full names end so: it stays itself. */
static void test_ambiguous_surname_stays_itself(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: en\n\n"
			  "The president Donald Trump signed the order in the afternoon, surrounded by his advisers.\n"},
		{"b.txt", "lang: en\n\n"
			  "The first lady Melania Trump visited a primary school in rural Ohio on Friday morning.\n"},
		{"c.txt", "lang: en\n\n"
			  "The decision was welcomed by the markets, and Trump said he was very pleased with the outcome.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	assert_int_equal(entity(fx.ix, "Donald Trump")->mentions, 1);
	assert_int_equal(entity(fx.ix, "Melania Trump")->mentions, 1);
	const struct rv_entity *t = entity(fx.ix, "Trump");
	assert_int_equal(t->mentions, 1);
	assert_int_equal(t->articles[0], 2);
	teardown(&fx);
}

/* A partial name that is mostly something else stays itself: "Jordan" the
 * country in an article that also names Michael Jordan. */
static void test_partial_name_that_is_a_place(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: en\n\n"
			  "The basketball player Michael Jordan visited a refugee camp during his long trip.\n"
			  "The camp lies in Jordan, near the border, and hosts thousands of families from the region.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	assert_int_equal(entity(fx.ix, "Michael Jordan")->mentions, 1);
	const struct rv_entity *j = entity(fx.ix, "Jordan");
	assert_int_equal(j->type, RV_ET_PLACE);
	teardown(&fx);
}

/* --- what is dropped -------------------------------------------------------------- */

static void test_dropped_names(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\n"
			  "Les résultats de Zorblax ont déçu les marchés cette semaine. Les actionnaires de Zorblax "
			  "sont inquiets pour la suite.\n"
			  "Certes, la situation est difficile pour tout le monde.\n"
			  "Les analystes de Quorbix restent prudents sur les perspectives de croissance.\n"},
		{"b.txt", "lang: en\n\n"
			  "Zorg Sends Flurbs To Quexland Tomorrow Morning\n\n"
			  "the rest of the text is written without any capital letter at all here.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	/* a plain word seen twice mid-sentence is kept, an organisation by default */
	const struct rv_entity *z = entity(fx.ix, "Zorblax");
	assert_int_equal(z->type, RV_ET_ORG);
	assert_int_equal(z->mentions, 2);
	/* a sentence opener never written mid-sentence, without evidence: dropped */
	assert_int_equal(rv_index_find_entity(fx.ix, "certes"), RV_NONE);
	/* a plain word seen once, without evidence: dropped (it needs a second sighting) */
	assert_int_equal(rv_index_find_entity(fx.ix, "quorbix"), RV_NONE);
	/* title case proves nothing */
	for (size_t e = 0; e < fx.ix->nentities; e++)
		assert_null(strstr(fx.ix->entities[e].key, "zorg"));
	assert_int_equal(fx.ix->nentities, 1);
	teardown(&fx);
}

/* "Budget" twice mid-sentence, in an article that also writes "le
 * budget": a common word capitalised for emphasis, no name. */
static void test_capitalised_common_word(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\n"
			  "Les députés ont voté le Budget hier soir. Le budget reste serré cette année.\n"
			  "Les syndicats contestent le Budget, comme Zorblax et Zorblax.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	assert_int_equal(rv_index_find_entity(fx.ix, "budget"), RV_NONE);
	assert_int_equal(entity(fx.ix, "Zorblax")->mentions, 2); /* never in lower case: a name */
	teardown(&fx);
}

/* A capitalised word nothing types, that other articles of the corpus
 * write in lower case ("les manifestations"), is a word there too; a bare
 * name never written in lower case (Quorblat) stays. */
static void test_word_lower_elsewhere(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\n"
			  "Le bilan des Manifestations reste lourd, selon Quorblat. Les chiffres de Quorblat restent flous.\n"},
		{"b.txt", "lang: fr\n\n"
			  "Les manifestations ont repris samedi. Les manifestations se poursuivent depuis un mois.\n"},
		{"c.txt", "lang: fr\n\n"
			  "Les Manifestations du samedi inquiètent le gouvernement, dit un sondage de Quorblat.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	assert_int_equal(rv_index_find_entity(fx.ix, "manifestations"), RV_NONE);
	assert_int_not_equal(rv_index_find_entity(fx.ix, "Quorblat"), RV_NONE);
	teardown(&fx);
}

/* "Abandonner Windows": the article writes "abandonner" in lower case, so the
 * name is Windows. */
static void test_sentence_initial_word_stripped(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\n"
			  "Abandonner Windows serait une erreur pour les entreprises du secteur bancaire.\n"
			  "Il ne faut pas abandonner les clients fidèles qui utilisent encore le système Windows au "
			  "quotidien.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	const struct rv_entity *w = entity(fx.ix, "Windows");
	assert_int_equal(w->mentions, 2);
	for (size_t e = 0; e < fx.ix->nentities; e++)
		assert_null(strstr(fx.ix->entities[e].key, "abandonner"));
	teardown(&fx);
}

static void test_caps_line_gives_no_entity(void **state)
{
	(void)state;
	static const char *const w[] = {"Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"};
	struct rv_buf b = {0};
	rv_buf_adds(&b, "lang: en\n\n");
	for (size_t i = 0; i < 4000; i++) { /* test_entity times 20,000 */
		if (i)
			rv_buf_addc(&b, ' ');
		rv_buf_adds(&b, w[i % RV_ARRAY_LEN(w)]);
	}
	rv_buf_adds(&b, "\n");
	make_dir(&fx);
	write_file(fx.dir, "caps.txt", b.p);
	rv_buf_free(&b);
	load_and_build(&fx, 1, NULL);
	check_index(fx.ix);
	char *got = hold(all_entities(fx.ix));
	if (fx.ix->nentities)
		fail_msg("a line of capitalised words names nobody: %s", got);
	teardown(&fx);
}

/* --- types from every mention -------------------------------------------------------- */

static void test_type_from_all_mentions(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\n"
			  "Les ingénieurs qui travaillent chez Zorblax ont obtenu une augmentation importante cette "
			  "année.\n"},
		{"b.txt", "lang: fr\n\n"
			  "Les utilisateurs adorent le chatbot Zorblax depuis sa sortie au printemps dernier.\n"},
		{"c.txt", "lang: fr\n\n"
			  "De nombreux lycéens utilisent le chatbot Zorblax pour faire leurs devoirs du soir.\n"},
		{"d.txt", "lang: fr\n\n"
			  "Les ingénieurs qui travaillent chez Quorbix ont obtenu une augmentation cette année.\n"},
		{"e.txt", "lang: fr\n\n"
			  "Elle a rejoint la société Quorbix au début de l'année dernière, après un long stage.\n"},
		{"f.txt", "lang: fr\n\n"
			  "Les lycéens utilisent le chatbot Quorbix pour faire leurs devoirs du soir.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	/* org in one article, product in two: a product */
	const struct rv_entity *z = entity(fx.ix, "Zorblax");
	assert_int_equal(z->type, RV_ET_PRODUCT);
	assert_int_equal(z->mentions, 3);
	assert_int_equal(z->narticles, 3);
	assert_int_equal(z->articles[0], 0);
	assert_int_equal(z->articles[1], 1);
	assert_int_equal(z->articles[2], 2);
	/* org in two articles, product in one: an organisation */
	const struct rv_entity *q = entity(fx.ix, "Quorbix");
	assert_int_equal(q->type, RV_ET_ORG);
	assert_int_equal(q->mentions, 3);
	assert_int_equal(q->narticles, 3);
	assert_int_equal(q->articles[0], 3);
	teardown(&fx);
}

struct type_case {
	const char *text;
	const char *name;
	enum rv_etype type;
};

static const struct type_case type_cases[] = {
	{"Pour sa part, M. Kowalczyk a répondu longuement aux questions des journalistes présents.", "Kowalczyk",
	 RV_ET_PERSON},
	{"Le projet a été présenté par Jean Dupont devant les élus de la commission des finances.", "Jean Dupont",
	 RV_ET_PERSON},
	{"Il est salarié de la société Mistral depuis plusieurs années maintenant, comme son frère.", "Mistral",
	 RV_ET_ORG},
	{"Les lycéens utilisent le chatbot Zorblax pour faire leurs devoirs du soir à la maison.", "Zorblax",
	 RV_ET_PRODUCT},
	{"Il vit en France depuis une dizaine d'années avec sa femme et ses enfants.", "France", RV_ET_PLACE},
	{"Les taux directeurs ont été relevés par la Banque centrale européenne jeudi dernier.",
	 "Banque centrale européenne", RV_ET_ORG},
	{"Les vidéos générées avec Sora 2 inondent les réseaux sociaux depuis son lancement.", "Sora 2", RV_ET_PRODUCT},
};

static void test_types(void **state)
{
	(void)state;
	make_dir(&fx);
	for (size_t i = 0; i < RV_ARRAY_LEN(type_cases); i++) {
		char name[32], text[512];
		snprintf(name, sizeof name, "t%02zu.txt", i);
		snprintf(text, sizeof text, "lang: fr\n\n%s\n", type_cases[i].text);
		write_file(fx.dir, name, text);
	}
	load_and_build(&fx, RV_ARRAY_LEN(type_cases), NULL);
	check_index(fx.ix);
	for (size_t i = 0; i < RV_ARRAY_LEN(type_cases); i++) {
		const struct rv_entity *e = entity(fx.ix, type_cases[i].name);
		if (e->type != type_cases[i].type)
			fail_msg("'%s': %s, want %s", e->name, rv_etype_name(e->type), rv_etype_name(type_cases[i].type));
		assert_int_equal(e->articles[0], i);
	}
	teardown(&fx);
}

/* A name with no evidence of its own takes the kind of the typed names it is
 * listed with; the traps: a comma after an opening phrase, and "et" after a
 * maker's "de" joining the maker. */
static void test_type_from_lists(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\n"
			  "Les lycéens utilisent le chatbot Zorblax pour leurs devoirs du soir.\n"
			  "Les étudiants utilisent le chatbot Krindle pour réviser leurs examens.\n"},
		{"b.txt", "lang: fr\n\n"
			  "Désormais Zorblax, Krindle et Quibbo sont gratuits pour les étudiants.\n"
			  "On parle beaucoup de Quibbo dans les lycées depuis la rentrée.\n"},
		{"c.txt", "lang: en\n\n"
			  "He has lived in Zorbland for ten years with his whole family.\n"
			  "In Zorbland, Plimsoll announced a thousand new jobs on Monday.\n"
			  "The newspaper says that Plimsoll hires again this spring.\n"},
		{"d.txt", "lang: fr\n\n"
			  "Le concepteur de Zorblax et Frobnic ont signé un accord cette semaine.\n"
			  "Les dirigeants de Frobnic se réjouissent de cet accord inédit.\n"},
		/* one weak cue against two lists of organisations */
		{"e.txt", "lang: fr\n\n"
			  "Le débat a été diffusé sur Flonk mardi soir devant un large public.\n"
			  "Zorblax News, Quorbix Media et Flonk ont protesté contre la nouvelle taxe.\n"},
		{"f.txt", "lang: fr\n\n"
			  "La publicité a baissé chez Zorblax News, Quorbix Media et Flonk cette année.\n"},
		/* lists do not make places: a place's evidence is its own */
		{"g.txt", "lang: fr\n\n"
			  "Les lycéens utilisent le chatbot Plonko pour réviser leurs examens.\n"
			  "Paris, Lyon et Plonko accueillent des ateliers gratuits cet été.\n"
			  "Marseille, Nantes et Plonko proposent des cours du soir cette année.\n"},
		/* a word seen once is a name when listed with names; a comma alone
		 * makes no list */
		{"h.txt", "lang: fr\n\n"
			  "Les élèves hésitent entre Zorblax, Krindle ou Gemblo pour réviser le bac.\n"
			  "Selon la mairie de Paris, Vorblix aurait ouvert trop tard cette année.\n"
			  "Pour l'économiste, de l\xE2\x80\x99" "Ehesso et de l\xE2\x80\x99" "Ecole normale supérieure, l'effort "
			  "est trop faible.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	assert_int_equal(entity(fx.ix, "Zorblax")->type, RV_ET_PRODUCT);
	assert_int_equal(entity(fx.ix, "Quibbo")->type, RV_ET_PRODUCT);
	assert_int_equal(entity(fx.ix, "Zorbland")->type, RV_ET_PLACE);
	assert_int_not_equal(entity(fx.ix, "Plimsoll")->type, RV_ET_PLACE);
	assert_int_not_equal(entity(fx.ix, "Frobnic")->type, RV_ET_PRODUCT);
	assert_int_equal(entity(fx.ix, "Flonk")->type, RV_ET_ORG);
	assert_int_equal(entity(fx.ix, "Plonko")->type, RV_ET_PRODUCT);
	assert_int_equal(entity(fx.ix, "Gemblo")->type, RV_ET_PRODUCT);
	assert_false(has_entity(fx.ix, "Vorblix"));
	assert_int_equal(entity(fx.ix, "Ehesso")->type, RV_ET_ORG);
	teardown(&fx);
}

/* An acronym spelled out in lower case is a common noun's ("la contribution
 * sociale généralisée (CSG)"), and so is its long form written as a name;
 * the traps: an institution spelled in lower case, and a capitalised name. */
static void test_common_acronyms(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\n"
			  "Le gouvernement relève la contribution sociale généralisée (CSG) de deux points.\n"
			  "Selon l'institut national de la statistique et des études économiques (Insee), la croissance "
			  "ralentit.\n"},
		{"b.txt", "lang: fr\n\n"
			  "Les retraités dénoncent la hausse de la CSG votée en décembre par les députés.\n"
			  "La Contribution sociale généralisée rapporte beaucoup à l'État chaque année.\n"
			  "Les chiffres publiés par l'Insee confirment ce ralentissement de l'économie.\n"
			  "La Confédération générale du travail (CGT) appelle à manifester jeudi prochain.\n"
			  "La taxe intérieure sur les produits pétroliers (TIPP) pèse sur les routiers. La TIPP monte.\n"},
		/* spelled out in lower case once and as a name twice: a name */
		{"c.txt", "lang: fr\n\n"
			  "Les familles attendent la prime exceptionnelle de vacances (PEV) depuis juillet.\n"},
		{"d.txt", "lang: fr\n\n"
			  "La Prime exceptionnelle de vacances (PEV) sera versée en septembre aux familles.\n"
			  "Selon le ministère, la PEV coûtera près d'un milliard d'euros.\n"},
		{"e.txt", "lang: fr\n\n"
			  "Le gouvernement a confirmé que la Prime exceptionnelle de vacances (PEV) sera maintenue.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	assert_false(has_entity(fx.ix, "CSG"));
	assert_false(has_entity(fx.ix, "Contribution sociale généralisée"));
	assert_int_equal(entity(fx.ix, "Insee")->type, RV_ET_ORG);
	assert_true(has_entity(fx.ix, "Confédération générale du travail"));
	assert_false(has_entity(fx.ix, "TIPP"));
	assert_true(has_entity(fx.ix, "PEV"));
	teardown(&fx);
}

/* An organisation's name before a product's names the product ("Microsoft
 * Azure"), and the product's short name in that article joins it; the trap:
 * the organisation's name before a place's stays an organisation. */
static void test_maker_product(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\n"
			  "Elle a rejoint la société Zorblax au début de l'année dernière.\n"
			  "Les lycéens utilisent le chatbot Krindle pour faire leurs devoirs.\n"},
		{"b.txt", "lang: fr\n\n"
			  "Hier, Zorblax Krindle a répondu à plus d'un million de questions.\n"
			  "Les professeurs trouvent que Krindle se trompe encore souvent.\n"
			  "Selon la direction, Zorblax France a recruté cent ingénieurs.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	assert_int_equal(entity(fx.ix, "Zorblax Krindle")->type, RV_ET_PRODUCT);
	assert_int_equal(entity(fx.ix, "Zorblax Krindle")->mentions, 2);
	const struct rv_entity *k = entity(fx.ix, "Krindle");
	assert_int_equal(k->narticles, 1);
	assert_int_equal(k->articles[0], 0);
	assert_int_not_equal(entity(fx.ix, "Zorblax France")->type, RV_ET_PRODUCT);
	teardown(&fx);
}

/* "Full Name (ACRO)" makes every ACRO of the corpus the full name, a last
 * adjective left out of the initials too; the trap: initials that skip a
 * word in the middle match nothing. */
static void test_acronyms_expand(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\n"
			  "Selon le Groupement national des chaînes hôtelières (GNC), les réservations baissent.\n"
			  "La Fédération bretonne des maraîchers (FMB) proteste contre la nouvelle taxe.\n"},
		{"b.txt", "lang: fr\n\n"
			  "Le GNC réclame des aides pour les hôtels de la capitale depuis un mois.\n"
			  "La FMB réclame des aides pour les producteurs de légumes du Finistère.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	const struct rv_entity *g = entity(fx.ix, "Groupement national des chaînes hôtelières");
	assert_int_equal(g->narticles, 2);
	assert_false(has_entity(fx.ix, "GNC"));
	assert_true(has_entity(fx.ix, "FMB"));
	teardown(&fx);
}

/* "X (anciennement Y)": in that article Y is X; elsewhere Y stays itself,
 * and another word in the parenthesis renames nothing. */
static void test_former_names(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\n"
			  "Les abonnés de la suite Zorblax 365 (anciennement Quorbix 365) paieront plus cher.\n"
			  "Ceux qui ont souscrit à Quorbix 365 avant 2020 garderont leur tarif.\n"
			  "Pour les écoles, la suite Zorblax 365 (concurrente de Plimbo 365) coûte moins cher.\n"},
		{"b.txt", "lang: fr\n\n"
			  "La suite Quorbix 365 était vendue dans les magasins de la région.\n"
			  "Les écoles de la région utilisent Plimbo 365 depuis des années.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	const struct rv_entity *z = entity(fx.ix, "Zorblax 365");
	assert_int_equal(z->mentions, 4);
	assert_int_equal(z->narticles, 1);
	assert_int_equal(entity(fx.ix, "Quorbix 365")->narticles, 1);
	assert_int_equal(entity(fx.ix, "Plimbo 365")->narticles, 2);
	teardown(&fx);
}

/* A law is none of the four kinds; the trap: a body whose name starts with
 * the word. */
static void test_laws_are_no_entities(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: en\n\n"
			  "Critics say the Clean Water Act has failed the rivers of the valley.\n"
			  "The association Act Up marched through the city on Saturday.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	assert_false(has_entity(fx.ix, "Clean Water Act"));
	assert_int_equal(entity(fx.ix, "Act Up")->type, RV_ET_ORG);
	teardown(&fx);
}

/* "Oxfam" where the article names "Oxfam International" is that body; in an
 * article without the long name it stays itself. */
static void test_legal_stem_joins(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\n"
			  "Le rapport annuel de Zorblax International sur les inégalités est paru lundi.\n"
			  "Pour l'ONG Zorblax, les milliardaires doivent payer davantage d'impôts.\n"},
		{"b.txt", "lang: fr\n\n"
			  "L'ONG Zorblax a publié un autre rapport sur les inégalités mondiales.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	const struct rv_entity *full = entity(fx.ix, "Zorblax International");
	assert_int_equal(full->mentions, 2);
	assert_int_equal(full->narticles, 1);
	const struct rv_entity *bare = entity(fx.ix, "Zorblax");
	assert_int_equal(bare->narticles, 1);
	assert_int_equal(bare->articles[0], 1);
	teardown(&fx);
}

/* --- counts, canonical names, queries ------------------------------------------------ */

static const struct file counting_files[] = {
	{"a.txt", "date: 2025-03-10\nlang: fr\n\n"
		  "Le ministre Jean Dupont a rencontré les dirigeants de la société Zorblax mardi dernier.\n"
		  "Les représentants de la société Zorblax ont présenté leurs comptes au ministre. Jean Dupont a "
		  "déclaré : « Nous suivrons ce dossier de très près dans les prochains mois. »\n"
		  "La société Zorblax a promis des embauches, et la société Quorbix aussi, selon Jean Dupont.\n"},
	{"b.txt", "date: 2025-03-11\nlang: fr\n\n"
		  "La ministre Claire Martin a visité une usine de la région ce matin.\n"
		  "« Nous avons besoin de ces emplois industriels dans tout le pays », a déclaré Claire Martin.\n"},
	{"c.txt", "date: 2025-03-12\nlang: fr\n\n"
		  "Le ministre Jean Dupont est revenu sur le sujet lors de sa conférence de presse hebdomadaire.\n"
		  "« Les engagements de la société Zorblax seront tenus jusqu'au bout », a déclaré Jean Dupont.\n"
		  "« Nous y veillerons personnellement chaque semaine », a-t-il ajouté devant les journalistes.\n"},
};

static void test_mentions_and_articles(void **state)
{
	(void)state;
	build(&fx, counting_files, RV_ARRAY_LEN(counting_files));
	check_index(fx.ix);
	const struct rv_entity *jd = entity(fx.ix, "Jean Dupont");
	assert_int_equal(jd->type, RV_ET_PERSON);
	assert_int_equal(jd->mentions, 5);
	assert_int_equal(jd->narticles, 2);
	assert_int_equal(jd->articles[0], 0);
	assert_int_equal(jd->articles[1], 2);
	const struct rv_entity *z = entity(fx.ix, "Zorblax");
	assert_int_equal(z->type, RV_ET_ORG);
	assert_int_equal(z->mentions, 4);
	assert_int_equal(z->narticles, 2);
	const struct rv_entity *cm = entity(fx.ix, "Claire Martin");
	assert_int_equal(cm->mentions, 2);
	assert_int_equal(cm->narticles, 1);
	assert_int_equal(cm->articles[0], 1);
	assert_int_equal(entity(fx.ix, "Quorbix")->mentions, 1);
	teardown(&fx);
}

/* Most named first; ties in entity order. */
static void test_article_entities_order(void **state)
{
	(void)state;
	build(&fx, counting_files, RV_ARRAY_LEN(counting_files));
	struct rv_entity_count *v;
	size_t n = rv_index_article_entities(fx.ix, 0, &v);
	hold(v);
	assert_int_equal(n, 3);
	assert_int_equal(v[0].entity, entity_index(fx.ix, "Jean Dupont"));
	assert_int_equal(v[0].count, 3);
	assert_int_equal(v[1].entity, entity_index(fx.ix, "Zorblax"));
	assert_int_equal(v[1].count, 3);
	assert_int_equal(v[2].entity, entity_index(fx.ix, "Quorbix"));
	assert_int_equal(v[2].count, 1);
	/* equal counts: the lower entity index first */
	assert_true(v[0].entity < v[1].entity);
	n = rv_index_article_entities(fx.ix, 2, &v);
	hold(v);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].entity, entity_index(fx.ix, "Jean Dupont"));
	assert_int_equal(v[0].count, 2);
	assert_int_equal(v[1].entity, entity_index(fx.ix, "Zorblax"));
	assert_int_equal(v[1].count, 1);
	for (size_t i = 1; i < n; i++)
		assert_true(v[i - 1].count >= v[i].count);
	teardown(&fx);
}

static void test_article_entities_order_by_count(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\n"
			  "La société Quorbix a racheté la société Zorblax pour un montant resté secret.\n"
			  "Le ministre Jean Dupont a salué l'opération. Selon la société Zorblax, les emplois sont "
			  "préservés, et la société Zorblax restera indépendante.\n"
			  "La société Quorbix n'a pas commenté.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	struct rv_entity_count *v;
	size_t n = rv_index_article_entities(fx.ix, 0, &v);
	hold(v);
	assert_int_equal(n, 3);
	assert_int_equal(v[0].entity, entity_index(fx.ix, "Zorblax"));
	assert_int_equal(v[0].count, 3);
	assert_int_equal(v[1].entity, entity_index(fx.ix, "Quorbix"));
	assert_int_equal(v[1].count, 2);
	assert_int_equal(v[2].entity, entity_index(fx.ix, "Jean Dupont"));
	assert_int_equal(v[2].count, 1);
	teardown(&fx);
}

static void test_article_without_names(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\nun texte sans aucune majuscule ni nom propre, écrit tout en minuscules.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	assert_int_equal(fx.ix->nentities, 0);
	struct rv_entity_count *v = NULL;
	assert_int_equal(rv_index_article_entities(fx.ix, 0, &v), 0);
	hold(v);
	assert_int_equal(rv_index_find_entity(fx.ix, "personne"), RV_NONE);
	assert_int_equal(rv_index_find_entity(fx.ix, ""), RV_NONE);
	teardown(&fx);
}

/* The canonical name is the full form as most often written; the lookup
 * folds case and accents. */
static void test_canonical_name(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "lang: fr\n\n"
			  "Le programme de Jean-Luc Melenchon a été vivement critiqué par ses adversaires.\n"},
		{"b.txt", "lang: fr\n\n"
			  "Le programme de Jean-Luc Mélenchon a été défendu par ses alliés pendant la campagne.\n"},
		{"c.txt", "lang: fr\n\n"
			  "Le discours de Jean-Luc Mélenchon a duré plus de deux heures devant ses partisans.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	check_index(fx.ix);
	const struct rv_entity *e = entity(fx.ix, "Jean-Luc Mélenchon");
	assert_string_equal(e->key, "jean-luc melenchon");
	assert_int_equal(e->mentions, 3);
	assert_int_equal(e->narticles, 3);
	uint32_t k = entity_index(fx.ix, "Jean-Luc Mélenchon");
	assert_int_equal(rv_index_find_entity(fx.ix, "JEAN-LUC MÉLENCHON"), k);
	assert_int_equal(rv_index_find_entity(fx.ix, "jean-luc melenchon"), k);
	assert_int_equal(rv_index_find_entity(fx.ix, "Jean-Luc Melenchon"), k);
	assert_false(has_entity(fx.ix, "Jean-Luc Melenchon"));
	teardown(&fx);
}

static void test_speaker_quotes(void **state)
{
	(void)state;
	build(&fx, counting_files, RV_ARRAY_LEN(counting_files));
	check_index(fx.ix);
	uint32_t jd = entity_index(fx.ix, "Jean Dupont"), cm = entity_index(fx.ix, "Claire Martin");
	struct rv_timeline_ref *v;
	size_t n = rv_index_speaker_quotes(fx.ix, jd, &v);
	hold(v);
	assert_int_equal(n, 3);
	/* (article, quote) in corpus order */
	assert_int_equal(v[0].article, 0);
	assert_int_equal(v[1].article, 2);
	assert_int_equal(v[2].article, 2);
	assert_true(v[1].entry < v[2].entry);
	assert_non_null(strstr(fx.ix->an[0].quotes[v[0].entry].text, "Nous suivrons"));
	assert_non_null(strstr(fx.ix->an[2].quotes[v[1].entry].text, "engagements"));
	assert_non_null(strstr(fx.ix->an[2].quotes[v[2].entry].text, "veillerons")); /* a-t-il ajouté */
	for (size_t i = 0; i < n; i++)
		assert_int_equal(fx.ix->an[v[i].article].quotes[v[i].entry].speaker, jd);
	n = rv_index_speaker_quotes(fx.ix, cm, &v);
	hold(v);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].article, 1);
	assert_non_null(strstr(fx.ix->an[1].quotes[v[0].entry].text, "emplois industriels"));
	/* an organisation says nothing here */
	n = rv_index_speaker_quotes(fx.ix, entity_index(fx.ix, "Zorblax"), &v);
	hold(v);
	assert_int_equal(n, 0);
	assert_int_equal(fx.ix->nquotes, 4);
	teardown(&fx);
}

/* --- the timeline ----------------------------------------------------------------- */

static void test_timeline_order(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "date: 2025-03-14\nlang: fr\n\n"
			  "Le projet a été lancé le 3 mars 2024 après des années de travail. Il avait été imaginé en "
			  "2020 par une petite équipe.\n"},
		{"b.txt", "lang: fr\n\n"
			  "La décision a été prise hier soir par le conseil. Le texte avait été signé le 5 janvier "
			  "2023 à Bruxelles.\n"},
		{"c.txt", "date: 2024-06-01\nlang: en\n\n"
			  "The deal was signed yesterday in London. Talks began in March 2019 and stalled twice.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	const struct rv_index *ix = fx.ix;
	size_t total = 0;
	for (size_t a = 0; a < fx.c->n; a++)
		total += ix->an[a].ndates;
	assert_int_equal(ix->ntimeline, total);
	assert_int_equal(ix->ntimeline, 6);
	assert_int_equal(ix->nresolved, 5);
	static const char *const want[] = {"2019-03", "2020", "2023-01-05", "2024-03-03", "2024-05-31", ""};
	static const char *const expr[] = {"March 2019", "2020", "5 janvier 2023", "3 mars 2024", "yesterday", "hier"};
	for (size_t i = 0; i < ix->ntimeline; i++) {
		const struct rv_timeline_ref *r = &ix->timeline[i];
		assert_true(r->article < fx.c->n);
		assert_true(r->entry < ix->an[r->article].ndates);
		const struct rv_tentry *t = &ix->an[r->article].dates[r->entry];
		const char *body = fx.c->articles[r->article].body;
		if (strcmp(t->date, want[i]) != 0 || (size_t)(t->end - t->start) != strlen(expr[i]) ||
		    memcmp(body + t->start, expr[i], strlen(expr[i])) != 0)
			fail_msg("timeline %zu: '%.*s' %s, want '%s' %s", i, (int)(t->end - t->start), body + t->start,
				 t->date, expr[i], want[i]);
		assert_int_equal(t->resolved, i < ix->nresolved);
		if (i && i < ix->nresolved) {
			const struct rv_timeline_ref *p = &ix->timeline[i - 1];
			assert_true(strcmp(ix->an[p->article].dates[p->entry].date, t->date) <= 0);
		}
	}
	/* the undated article's relative date is the unresolved one */
	assert_int_equal(ix->timeline[5].article, article_of(fx.c, "b.txt"));
	teardown(&fx);
}

/* Equal dates: by article, then by position. */
static void test_timeline_ties(void **state)
{
	(void)state;
	static const struct file files[] = {
		{"a.txt", "date: 2025-03-14\nlang: fr\n\nLa loi a été votée en 2020. Elle a été promulguée en 2020 aussi.\n"},
		{"b.txt", "date: 2025-03-14\nlang: fr\n\nLe débat avait commencé en 2020 dans une grande confusion.\n"},
	};
	build(&fx, files, RV_ARRAY_LEN(files));
	const struct rv_index *ix = fx.ix;
	assert_int_equal(ix->ntimeline, 3);
	assert_int_equal(ix->nresolved, 3);
	assert_int_equal(ix->timeline[0].article, 0);
	assert_int_equal(ix->timeline[1].article, 0);
	assert_int_equal(ix->timeline[2].article, 1);
	const struct rv_tentry *d = ix->an[0].dates;
	assert_true(d[ix->timeline[0].entry].start < d[ix->timeline[1].entry].start);
	for (size_t i = 0; i < 3; i++) {
		const struct rv_timeline_ref *r = &ix->timeline[i];
		assert_string_equal(ix->an[r->article].dates[r->entry].date, "2020");
	}
	teardown(&fx);
}

/* --- the same answers whatever the number of threads ---------------------------------- */

static void test_deterministic_over_threads(void **state)
{
	(void)state;
	make_dir(&fx);
	for (size_t i = 0; i < RV_ARRAY_LEN(counting_files); i++)
		write_file(fx.dir, counting_files[i].name, counting_files[i].text);
	write_file(fx.dir, "d.txt", "lang: en\n\nThe president Donald Trump signed the order on Monday, and Trump "
				    "said it would last.\n");
	struct rv_index_opts one = {.threads = 1, .aliases = NULL};
	load_and_build(&fx, 4, &one);
	struct rv_index *many = second_ix = rv_index_build(fx.c, &(struct rv_index_opts){.threads = 4, .aliases = NULL});
	assert_int_equal(many->nentities, fx.ix->nentities);
	for (size_t e = 0; e < many->nentities; e++) {
		assert_string_equal(many->entities[e].name, fx.ix->entities[e].name);
		assert_string_equal(many->entities[e].key, fx.ix->entities[e].key);
		assert_int_equal(many->entities[e].type, fx.ix->entities[e].type);
		assert_int_equal(many->entities[e].mentions, fx.ix->entities[e].mentions);
		assert_int_equal(many->entities[e].narticles, fx.ix->entities[e].narticles);
	}
	assert_int_equal(many->nquotes, fx.ix->nquotes);
	assert_int_equal(many->ntimeline, fx.ix->ntimeline);
	for (size_t i = 0; i < many->ntimeline; i++) {
		assert_int_equal(many->timeline[i].article, fx.ix->timeline[i].article);
		assert_int_equal(many->timeline[i].entry, fx.ix->timeline[i].entry);
	}
	for (size_t a = 0; a < fx.c->n; a++)
		for (size_t q = 0; q < many->an[a].nquotes; q++)
			assert_int_equal(many->an[a].quotes[q].speaker, fx.ix->an[a].quotes[q].speaker);
	rv_index_free(second_ix); /* before the corpus it points to */
	second_ix = NULL;
	teardown(&fx);
}

/* --- 1,000 identical articles ------------------------------------------------------- */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_thousand_identical_articles(void **state)
{
	(void)state;
	const size_t n = 1000;
	make_dir(&fx);
	for (size_t i = 0; i < n; i++) {
		char name[32];
		snprintf(name, sizeof name, "a%04zu.txt", i);
		write_file(fx.dir, name,
			   "date: 2025-03-14\nlang: fr\n\n"
			   "Le ministre Jean Dupont a rencontré les dirigeants de Microsoft à Paris le 3 mars 2025.\n"
			   "Dupont a ajouté que les discussions avaient été constructives et franches.\n"
			   "« Nous avancerons ensemble sur ce dossier difficile », a-t-il déclaré.\n");
	}
	double t0 = now();
	_Atomic size_t progress = 0;
	struct rv_index_opts io = {.threads = 2, .progress = &progress};
	load_and_build(&fx, n, &io);
	assert_int_equal(atomic_load(&progress), n); /* every article counted once, on two threads */
	double secs = now() - t0;
	print_message("1,000 articles loaded and indexed in %.3f s (analyse %.3f s, resolve %.3f s)\n", secs,
		      fx.ix->seconds_analyse, fx.ix->seconds_resolve);
	check_index(fx.ix);
	assert_int_equal(fx.ix->nentities, 3);
	const struct rv_entity *jd = entity(fx.ix, "Jean Dupont");
	assert_int_equal(jd->type, RV_ET_PERSON);
	assert_int_equal(jd->mentions, 2 * n);
	assert_int_equal(jd->narticles, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(jd->articles[i], i);
	const struct rv_entity *ms = entity(fx.ix, "Microsoft");
	assert_int_equal(ms->mentions, n);
	assert_int_equal(ms->narticles, n);
	const struct rv_entity *pa = entity(fx.ix, "Paris");
	assert_int_equal(pa->type, RV_ET_PLACE);
	assert_int_equal(pa->mentions, n);
	/* every quotation is Jean Dupont's, numbered in corpus order */
	assert_int_equal(fx.ix->nquotes, n);
	struct rv_timeline_ref *v;
	assert_int_equal(rv_index_speaker_quotes(fx.ix, entity_index(fx.ix, "Jean Dupont"), &v), n);
	hold(v);
	assert_int_equal(fx.ix->ntimeline, n);
	assert_int_equal(fx.ix->nresolved, n);
	if (secs > 10.0)
		fail_msg("1,000 small articles took %.2f s", secs);
	teardown(&fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_surname_joins_full_name, cleanup),
		cmocka_unit_test_teardown(test_sentence_initial_surname_joins, cleanup),
		cmocka_unit_test_teardown(test_mid_sentence_surname_joins, cleanup),
		cmocka_unit_test_teardown(test_trump_joins_melania_in_her_article, cleanup),
		cmocka_unit_test_teardown(test_surname_joins_the_corpus_full_name, cleanup),
		cmocka_unit_test_teardown(test_ambiguous_surname_stays_itself, cleanup),
		cmocka_unit_test_teardown(test_partial_name_that_is_a_place, cleanup),
		cmocka_unit_test_teardown(test_dropped_names, cleanup),
		cmocka_unit_test_teardown(test_capitalised_common_word, cleanup),
		cmocka_unit_test_teardown(test_word_lower_elsewhere, cleanup),
		cmocka_unit_test_teardown(test_sentence_initial_word_stripped, cleanup),
		cmocka_unit_test_teardown(test_caps_line_gives_no_entity, cleanup),
		cmocka_unit_test_teardown(test_type_from_all_mentions, cleanup),
		cmocka_unit_test_teardown(test_types, cleanup),
		cmocka_unit_test_teardown(test_type_from_lists, cleanup),
		cmocka_unit_test_teardown(test_common_acronyms, cleanup),
		cmocka_unit_test_teardown(test_maker_product, cleanup),
		cmocka_unit_test_teardown(test_legal_stem_joins, cleanup),
		cmocka_unit_test_teardown(test_acronyms_expand, cleanup),
		cmocka_unit_test_teardown(test_former_names, cleanup),
		cmocka_unit_test_teardown(test_laws_are_no_entities, cleanup),
		cmocka_unit_test_teardown(test_mentions_and_articles, cleanup),
		cmocka_unit_test_teardown(test_article_entities_order, cleanup),
		cmocka_unit_test_teardown(test_article_entities_order_by_count, cleanup),
		cmocka_unit_test_teardown(test_article_without_names, cleanup),
		cmocka_unit_test_teardown(test_canonical_name, cleanup),
		cmocka_unit_test_teardown(test_speaker_quotes, cleanup),
		cmocka_unit_test_teardown(test_timeline_order, cleanup),
		cmocka_unit_test_teardown(test_timeline_ties, cleanup),
		cmocka_unit_test_teardown(test_deterministic_over_threads, cleanup),
		cmocka_unit_test_teardown(test_thousand_identical_articles, cleanup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
