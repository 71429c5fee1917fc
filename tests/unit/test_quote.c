/* Tests of the quotation finder (src/core/quote.c): every mark it knows
 * (« » with no-break spaces, “ ”, „ “, ‹ ›, ‘ ’, straight " by alternation),
 * nesting (only the outermost reported), quotations over two paragraphs,
 * unclosed marks that end with their paragraph, incises cut out, split
 * English quotations joined, block quotations after a colon, the kinds
 * (speech, term), and the speakers: in one article (a name, or a pronoun
 * left for the index) and through a corpus index (canonical names, pronouns
 * resolved). Also 10,000 nested marks in linear time.
 *
 * Most cases are rows of tables; each row runs as its own cmocka test, named
 * after its input. */
#include "testutil.h"

#include "revue/analysis.h"
#include "revue/corpus.h"
#include "revue/index.h"

#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NBSP "\xC2\xA0"      /* U+00A0 */
#define NNBSP "\xE2\x80\xAF" /* U+202F */
#define LDQ "\xE2\x80\x9C"   /* “ */
#define RDQ "\xE2\x80\x9D"   /* ” */
#define LSQ "\xE2\x80\x98"   /* ‘ */
#define RSQ "\xE2\x80\x99"   /* ’ */
#define LOW "\xE2\x80\x9E"   /* „ */
#define LSG "\xE2\x80\xB9"   /* ‹ */
#define RSG "\xE2\x80\xBA"   /* › */
#define EMDASH "\xE2\x80\x94"
#define NDASH "\xE2\x80\x93"

#include "fixture.h"

static void analyse(const char *lang, const char *text, struct doc *d)
{
	analyse_doc(lang, text, d, true);
}

/* The quotations' texts joined by '|', for comparisons and messages. */
static char *quote_texts(const struct rv_analysis *an)
{
	struct rv_buf b = {0};
	for (size_t i = 0; i < an->nquotes; i++) {
		if (i)
			rv_buf_addc(&b, '|');
		rv_buf_adds(&b, an->quotes[i].text);
	}
	if (!b.p)
		rv_buf_adds(&b, "");
	return rv_buf_steal(&b);
}

/* What every quotation of an article satisfies. */
static void check_quotes(const struct doc *d)
{
	for (size_t i = 0; i < d->an.nquotes; i++) {
		const struct rv_quote *q = &d->an.quotes[i];
		assert_true(q->start < q->end);
		assert_true(q->end <= d->a.body_len);
		assert_non_null(q->text);
		assert_true(strlen(q->text) > 0);
		assert_true(q->kind == RV_QUOTE_SPEECH || q->kind == RV_QUOTE_TERM);
		if (i) /* sorted, and only the outermost: no overlap */
			assert_true(q->start >= d->an.quotes[i - 1].end);
		assert_int_equal(q->speaker, RV_NONE); /* the index resolves speakers */
		if (q->speaker_name != RV_NONE)
			assert_true(q->speaker_name < d->an.nnames);
		if (q->kind == RV_QUOTE_TERM) {
			assert_int_equal(q->speaker_name, RV_NONE);
			assert_int_equal(q->pronoun_at, RV_NONE);
		}
		/* no unterminated quotation runs past its paragraph */
		if (q->flags & RV_QUOTE_UNTERMINATED) {
			const char *nl = memchr(d->a.body + q->start, '\n', q->end - q->start);
			assert_null(nl);
		}
	}
}

/* --- marks, nesting, paragraphs, incises, joins, blocks ----------------------- */

enum { ANY = -1 };

struct mark_case {
	const char *lang;
	const char *text;
	const char *texts; /* every quotation's text, joined by '|' */
	const char *span0; /* the exact span of the first, marks included; NULL: not checked */
	int flags0;        /* its flags, or ANY */
	int kind0;         /* its kind, or ANY */
};

static const struct mark_case mark_cases[] = {
	/* the marks */
	{"fr", "Il a dit «" NBSP "Nous allons gagner cette bataille" NBSP "» hier soir.",
	 "Nous allons gagner cette bataille", "«" NBSP "Nous allons gagner cette bataille" NBSP "»", 0, RV_QUOTE_SPEECH},
	{"fr", "Il a dit «" NNBSP "Nous allons gagner cette bataille" NNBSP "» hier soir.",
	 "Nous allons gagner cette bataille", "«" NNBSP "Nous allons gagner cette bataille" NNBSP "»", 0, RV_QUOTE_SPEECH},
	{"fr", "Il a dit «Nous allons gagner cette bataille» hier soir.", "Nous allons gagner cette bataille",
	 "«Nous allons gagner cette bataille»", 0, RV_QUOTE_SPEECH},
	{"fr", "Il a dit «   Oui   » hier.", "Oui", NULL, 0, RV_QUOTE_TERM},
	{"en", "He said " LDQ "We will win this fight" RDQ " last night.", "We will win this fight",
	 LDQ "We will win this fight" RDQ, 0, RV_QUOTE_SPEECH},
	{"en", "Er sagte " LOW "Wir werden heute gewinnen" LDQ " gestern.", "Wir werden heute gewinnen",
	 LOW "Wir werden heute gewinnen" LDQ, 0, RV_QUOTE_SPEECH},
	{"fr", "Il a dit " LSG " Nous allons gagner cette bataille " RSG " hier.", "Nous allons gagner cette bataille",
	 LSG " Nous allons gagner cette bataille " RSG, 0, RV_QUOTE_SPEECH},
	{"en", "He said " LSQ "We will win this one" RSQ " yesterday.", "We will win this one", NULL, 0, RV_QUOTE_SPEECH},
	{"en", "The man said " LDQ "It" RSQ "s over now for good" RDQ " yesterday.", "It" RSQ "s over now for good",
	 NULL, 0, RV_QUOTE_SPEECH},
	/* straight quotes: an opener after a blank, a closer elsewhere */
	{"en", "He said \"We will win this fight\" and then \"another one\" too.", "We will win this fight|another one",
	 "\"We will win this fight\"", 0, RV_QUOTE_SPEECH},
	{"fr", "Il a dit \"oui\" puis \"non\" et enfin \"peut-être\" ce soir.", "oui|non|peut-être", "\"oui\"", 0,
	 RV_QUOTE_TERM},
	{"fr", "\"Nous partirons demain à l'aube\", a-t-il dit.", "Nous partirons demain à l'aube",
	 "\"Nous partirons demain à l'aube\"", 0, RV_QUOTE_SPEECH},
	{"fr", "Un écran de 27\" est \"vraiment grand\" pour moi.", "vraiment grand", "\"vraiment grand\"", 0, ANY},
	/* nesting: only the outermost */
	{"fr", "« Il a dit \"jamais\" devant nous tous » hier.", "Il a dit \"jamais\" devant nous tous", NULL, 0,
	 RV_QUOTE_SPEECH},
	{"fr", LDQ "Ils ont crié " LSQ "au loup" RSQ " trop souvent ici" RDQ ", dit-il.",
	 "Ils ont crié " LSQ "au loup" RSQ " trop souvent ici", NULL, 0, RV_QUOTE_SPEECH},
	{"fr", LDQ "Ils ont écrit « non » sur les murs de la ville" RDQ ".", "Ils ont écrit « non » sur les murs de la ville",
	 NULL, 0, RV_QUOTE_SPEECH},
	{"fr", "Il a dit «" NBSP "Le mot «" NBSP "crise" NBSP "» est trop fort ici" NBSP "» hier.",
	 "Le mot «" NBSP "crise" NBSP "» est trop fort ici", NULL, 0, RV_QUOTE_SPEECH},
	{"fr", "« Un « deux » trois quatre » et « cinq ».", "Un « deux » trois quatre|cinq", "« Un « deux » trois quatre »",
	 0, ANY},
	{"fr", "« a « b « c « d » e » f » g » puis « h ».", "a « b « c « d » e » f » g|h", NULL, 0, ANY},
	/* stray closers open nothing */
	{"fr", "Un texte » sans ouverture, puis " RDQ " et " RSG " encore.", "", NULL, ANY, ANY},
	{"fr", "Il a dit «»  puis « » sans rien.", "", NULL, ANY, ANY},
	/* a quotation over two paragraphs, reopened with its mark */
	{"fr",
	 "Le ministre a déclaré : « Nous allons réformer le système de fond en comble.\n"
	 "« Et nous le ferons sans attendre la fin de l'année », a-t-il ajouté.\nLa suite est connue.",
	 "Nous allons réformer le système de fond en comble.\nEt nous le ferons sans attendre la fin de l'année",
	 "« Nous allons réformer le système de fond en comble.\n« Et nous le ferons sans attendre la fin de l'année »", 0,
	 RV_QUOTE_SPEECH},
	{"en",
	 "The minister said: " LDQ "We will rebuild the whole system from scratch.\n"
	 LDQ "And we will do it before the end of the year," RDQ " he added.\nThe rest is history.",
	 "We will rebuild the whole system from scratch.\nAnd we will do it before the end of the year,", NULL, 0,
	 RV_QUOTE_SPEECH},
	/* unclosed: it ends with its paragraph, flagged */
	{"fr",
	 "Elle a lancé : « Nous ne reculerons pas devant la pression\n"
	 "Le lendemain, la réunion a commencé sans elle et sans ses alliés.",
	 "Nous ne reculerons pas devant la pression", "« Nous ne reculerons pas devant la pression",
	 RV_QUOTE_UNTERMINATED, RV_QUOTE_SPEECH},
	{"fr",
	 "« Nous ne reculerons pas devant la pression\n\n"
	 "Le lendemain, « la réunion » a commencé sans elle.",
	 "Nous ne reculerons pas devant la pression|la réunion", "« Nous ne reculerons pas devant la pression",
	 RV_QUOTE_UNTERMINATED, RV_QUOTE_SPEECH},
	{"fr",
	 "Elle a lancé : « Nous ne reculerons pas\n"
	 "Il a répondu : « Nous verrons bien ce qui se passera demain. »",
	 "Nous ne reculerons pas|Nous verrons bien ce qui se passera demain.", "« Nous ne reculerons pas",
	 RV_QUOTE_UNTERMINATED, RV_QUOTE_SPEECH},
	{"en", "He said " LDQ "We will leave tomorrow morning", "We will leave tomorrow morning",
	 LDQ "We will leave tomorrow morning", RV_QUOTE_UNTERMINATED, RV_QUOTE_SPEECH},
	{"en", "He said \"We will leave tomorrow morning\nShe said nothing at all that day.", "We will leave tomorrow morning",
	 "\"We will leave tomorrow morning", RV_QUOTE_UNTERMINATED, RV_QUOTE_SPEECH},
	/* incises cut out */
	{"fr", "«" NBSP "Nous devons, a-t-il expliqué, agir vite" NBSP "».", "Nous devons agir vite",
	 "«" NBSP "Nous devons, a-t-il expliqué, agir vite" NBSP "»", 0, RV_QUOTE_SPEECH},
	{"fr", "«" NBSP "Nous devons, explique-t-elle, agir vite" NBSP "».", "Nous devons agir vite", NULL, 0,
	 RV_QUOTE_SPEECH},
	{"fr", "« Il faut, dit-il, partir maintenant ».", "Il faut partir maintenant", NULL, 0, RV_QUOTE_SPEECH},
	{"fr", "« Il faut, ajoute-t-elle, partir maintenant ».", "Il faut partir maintenant", NULL, 0, RV_QUOTE_SPEECH},
	{"fr", "« Nous devons " NDASH " a-t-il expliqué " NDASH " agir vite ».", "Nous devons agir vite", NULL, 0,
	 RV_QUOTE_SPEECH},
	{"fr", "« Nous devons, avant tout, agir vite ».", "Nous devons, avant tout, agir vite", NULL, 0, RV_QUOTE_SPEECH},
	/* split English quotations joined */
	{"en", LDQ "We must," RDQ " he said, " LDQ "act now." RDQ, "We must act now.",
	 LDQ "We must," RDQ " he said, " LDQ "act now." RDQ, 0, RV_QUOTE_SPEECH},
	{"en", LDQ "We must act now and together," RDQ " he said, " LDQ "before it is too late." RDQ,
	 "We must act now and together before it is too late.", NULL, 0, RV_QUOTE_SPEECH},
	{"en", "\"We must,\" she said, \"act now.\"", "We must act now.", NULL, 0, RV_QUOTE_SPEECH},
	/* ...but not across paragraphs, nor without a reporting verb */
	{"en", LDQ "We must," RDQ " he said.\n" LDQ "Act now," RDQ " she replied.", "We must,|Act now,", NULL, 0, ANY},
	{"en", LDQ "Yes," RDQ " then " LDQ "no." RDQ, "Yes,|no.", NULL, 0, RV_QUOTE_TERM},
	/* block quotations */
	{"fr",
	 "Le ministre Jean Dupont a expliqué sa position aux journalistes présents :\n"
	 "La réforme sera menée à son terme quoi qu'il arrive cette année.\nLa suite.",
	 "La réforme sera menée à son terme quoi qu'il arrive cette année.",
	 "La réforme sera menée à son terme quoi qu'il arrive cette année.", RV_QUOTE_BLOCK, RV_QUOTE_SPEECH},
	{"en",
	 "The minister explained his position to the reporters:\n"
	 "The reform will be carried through whatever happens this year.\nThe rest.",
	 "The reform will be carried through whatever happens this year.", NULL, RV_QUOTE_BLOCK, RV_QUOTE_SPEECH},
	{"fr", "Voici la liste des courses pour la semaine :\nDes pommes, des poires et des scoubidous.", "", NULL, ANY,
	 ANY},
	{"fr", "Il a expliqué les trois points :\n" EMDASH " le premier point est important.", "", NULL, ANY, ANY},
	{"fr", "Il a déclaré :\n« Nous partirons demain matin sans faute. »", "Nous partirons demain matin sans faute.",
	 "« Nous partirons demain matin sans faute. »", 0, RV_QUOTE_SPEECH},
	/* no marks, no quotation */
	{"fr", "Un texte ordinaire, sans guillemets ni citation d'aucune sorte.", "", NULL, ANY, ANY},
	{"en", "Don't panic: it's the company's own decision, not theirs.", "", NULL, ANY, ANY},
};

static void test_marks(void **state)
{
	const struct mark_case *c = *state;
	analyse(c->lang, c->text, &D);
	check_quotes(&D);
	char *got = hold(quote_texts(&D.an));
	if (strcmp(got, c->texts) != 0)
		fail_msg("'%s':\n  want [%s]\n  got  [%s]", c->text, c->texts, got);
	if (D.an.nquotes) {
		const struct rv_quote *q = &D.an.quotes[0];
		if (c->span0) {
			const char *p = strstr(D.a.body, c->span0);
			assert_non_null(p);
			uint32_t s = (uint32_t)(p - D.a.body), e = s + (uint32_t)strlen(c->span0);
			if (q->start != s || q->end != e)
				fail_msg("'%s': span [%u, %u) '%.*s', want [%u, %u)", c->text, q->start, q->end,
					 (int)(q->end - q->start), D.a.body + q->start, s, e);
		}
		/* the marks' flags; how the speaker is to be resolved is checked by the speaker cases */
		unsigned mf = q->flags & (RV_QUOTE_UNTERMINATED | RV_QUOTE_BLOCK);
		if (c->flags0 != ANY && mf != (unsigned)c->flags0)
			fail_msg("'%s': flags %#x, want %#x", c->text, mf, (unsigned)c->flags0);
		if (c->kind0 != ANY && (int)q->kind != c->kind0)
			fail_msg("'%s': kind %d, want %d", c->text, q->kind, c->kind0);
	}
	done(&D);
}

/* --- kinds: four words make speech ---------------------------------------------- */

struct kind_case {
	const char *text;
	enum rv_quote_kind kind;
};

static const struct kind_case kind_cases[] = {
	{"Il parle de « crise » à chaque fois.", RV_QUOTE_TERM},
	{"Il parle d'une « crise grave » à chaque fois.", RV_QUOTE_TERM},
	{"Il parle d'« une crise grave » à chaque fois.", RV_QUOTE_TERM},
	{"Il parle d'« une crise très grave » à chaque fois.", RV_QUOTE_SPEECH},
	{"Il évoque « l'IA d'aujourd'hui » sans détour.", RV_QUOTE_TERM},
	{"Il dit « l'IA d'aujourd'hui est là » sans détour.", RV_QUOTE_SPEECH},
	{"Il dit « 2024 sera une année » sans détour.", RV_QUOTE_SPEECH},
	{"He called it the " LDQ "start-up nation" RDQ " again.", RV_QUOTE_TERM},
	{"He said " LDQ "We will win" RDQ " again.", RV_QUOTE_TERM},
	{"He said " LDQ "We will win this" RDQ " again.", RV_QUOTE_SPEECH},
	{"Le mot \"gilets jaunes\" est partout.", RV_QUOTE_TERM},
	/* marks and dashes inside are no words */
	{"Il parle de « choc " EMDASH " vraiment " EMDASH " terrible » sans détour.", RV_QUOTE_TERM},
	{"Il promet « le « vrai » débat » à ses électeurs.", RV_QUOTE_TERM},
};

static void test_kind(void **state)
{
	const struct kind_case *c = *state;
	analyse("fr", c->text, &D);
	check_quotes(&D);
	assert_int_equal(D.an.nquotes, 1);
	if (D.an.quotes[0].kind != c->kind)
		fail_msg("'%s' (text '%s'): kind %s, want %s", c->text, D.an.quotes[0].text,
			 D.an.quotes[0].kind == RV_QUOTE_SPEECH ? "speech" : "term",
			 c->kind == RV_QUOTE_SPEECH ? "speech" : "term");
	done(&D);
}

/* --- speakers in one article: a name, or a pronoun for the index ---------------- */

#define PRONOUN "<pronoun>"

struct local_case {
	const char *lang;
	const char *text;
	const char *quote; /* part of the quotation's text */
	const char *who;   /* the name spoken for, PRONOUN, or NULL for neither */
};

static const struct local_case local_cases[] = {
	{"fr", "Jean Dupont a déclaré : « Nous allons réformer le système de retraite dès cette année. »", "réformer",
	 "Jean Dupont"},
	{"fr", "« Nous allons réformer le système de retraite dès cette année », a déclaré Jean Dupont devant les élus.",
	 "réformer", "Jean Dupont"},
	{"fr", "« Nous allons réformer le système de retraite dès cette année », explique Jean Dupont.", "réformer",
	 "Jean Dupont"},
	{"fr", "Selon Claire Martin, « la réforme sera votée avant la fin de la session parlementaire ».", "réforme",
	 "Claire Martin"},
	{"en", LDQ "We are going to rebuild everything from scratch," RDQ " John Smith said after the meeting.", "rebuild",
	 "John Smith"},
	{"en", LDQ "We are going to rebuild everything from scratch," RDQ " said John Smith after the meeting.",
	 "rebuild", "John Smith"},
	{"en", "According to Mary Jones, " LDQ "the plan will cost far more than anyone expected." RDQ, "plan",
	 "Mary Jones"},
	{"fr", "Marie Durand, directrice de Radium Institut, explique : « Nous avons besoin de nouveaux crédits. »",
	 "crédits", "Marie Durand"},
	{"fr", "Marie Durand, conseillère de Paul Bernard, explique : « Nous avons besoin de nouveaux crédits. »",
	 "crédits", "Marie Durand"},
	{"en", "Jane Doe, the head of research at Acme Labs, said: " LDQ "We will publish everything we find." RDQ,
	 "publish", "Jane Doe"},
	{"fr", "« Jean Dupont ment depuis le début de cette affaire », a déclaré Claire Martin.", "ment", "Claire Martin"},
	{"fr", "« Nous ne céderons rien sur le fond de ce dossier », a-t-elle déclaré devant la presse.", "céderons",
	 PRONOUN},
	{"fr", "Il a déclaré : « Nous irons jusqu'au bout de cette réforme nécessaire. »", "irons", PRONOUN},
	{"en", LDQ "We are going to win this fight in the courts," RDQ " she said.", "win", PRONOUN},
	{"fr", "«" NBSP "Nous devons, a-t-elle expliqué, agir très vite" NBSP "».", "agir", PRONOUN},
	{"fr", "Il parle de « crise » à chaque fois que la question revient.", "crise", NULL},
};

static void test_local_speaker(void **state)
{
	const struct local_case *c = *state;
	analyse(c->lang, c->text, &D);
	check_quotes(&D);
	const struct rv_quote *q = NULL;
	for (size_t i = 0; i < D.an.nquotes; i++)
		if (strstr(D.an.quotes[i].text, c->quote))
			q = &D.an.quotes[i];
	if (!q) {
		char *got = hold(quote_texts(&D.an));
		fail_msg("'%s': no quotation holds '%s': [%s]", c->text, c->quote, got);
	}
	if (!c->who) {
		assert_int_equal(q->speaker_name, RV_NONE);
		assert_int_equal(q->pronoun_at, RV_NONE);
	} else if (!strcmp(c->who, PRONOUN)) {
		if (q->speaker_name != RV_NONE)
			fail_msg("'%s': want a pronoun, got the name '%s'", c->text, D.an.names[q->speaker_name].key);
		assert_int_not_equal(q->pronoun_at, RV_NONE);
		assert_true(q->pronoun_at <= q->end);
	} else {
		if (q->speaker_name == RV_NONE)
			fail_msg("'%s': want the speaker '%s', got none (pronoun_at %d)", c->text, c->who, (int)q->pronoun_at);
		const struct rv_name *nm = &D.an.names[q->speaker_name];
		size_t len = nm->end - nm->start;
		if (len != strlen(c->who) || memcmp(D.a.body + nm->start, c->who, len) != 0)
			fail_msg("'%s': speaker '%.*s', want '%s'", c->text, (int)len, D.a.body + nm->start, c->who);
	}
	done(&D);
}

/* --- speakers through a corpus index --------------------------------------------- */

struct speaker_case {
	const char *lang;
	const char *text;
	const char *quote;   /* part of the quotation's text */
	const char *speaker; /* canonical entity name, or NULL: nobody */
};

static const struct speaker_case speaker_cases[] = {
	{"fr",
	 "La réunion s'est tenue dans la matinée au siège du ministère.\n"
	 "Jean Dupont a déclaré : « Nous allons réformer le système de retraite dès cette année. »",
	 "réformer", "Jean Dupont"},
	{"fr",
	 "La réunion s'est tenue dans la matinée au siège du ministère.\n"
	 "« Nous allons réformer le système de retraite dès cette année », a déclaré Jean Dupont devant les élus.",
	 "réformer", "Jean Dupont"},
	{"fr",
	 "La réunion s'est tenue dans la matinée au siège du ministère.\n"
	 "« Nous allons réformer le système de retraite dès cette année », explique Jean Dupont.",
	 "réformer", "Jean Dupont"},
	{"fr",
	 "La ministre Claire Martin a longuement répondu aux questions des parlementaires.\n"
	 "« Nous ne céderons rien sur le fond de ce dossier », a-t-elle déclaré devant la presse.",
	 "céderons", "Claire Martin"},
	{"fr",
	 "Le ministre Paul Bernard a présenté son projet aux syndicats mardi matin.\n"
	 "« Nous irons jusqu'au bout de cette réforme nécessaire », a-t-il déclaré.",
	 "irons", "Paul Bernard"},
	{"fr",
	 "Le ministre Paul Bernard a présenté son projet aux syndicats mardi matin.\n"
	 "Il a déclaré : « Nous irons jusqu'au bout de cette réforme nécessaire. »",
	 "irons", "Paul Bernard"},
	{"fr",
	 "Le ministre Paul Bernard a présenté son projet aux syndicats mardi matin.\n"
	 "« Nous irons jusqu'au bout de cette réforme nécessaire », lance-t-il.",
	 "irons", "Paul Bernard"},
	{"fr",
	 "Le ministre Paul Bernard a présenté son projet aux syndicats mardi matin.\n"
	 "« Nous irons jusqu'au bout de cette réforme nécessaire », estime le ministre.",
	 "irons", "Paul Bernard"},
	{"fr",
	 "La réunion s'est tenue dans la matinée au siège du ministère.\n"
	 "Selon Claire Martin, « la réforme sera votée avant la fin de la session parlementaire ».",
	 "réforme", "Claire Martin"},
	{"fr",
	 "Le rapport de Jean Dupont est vivement contesté : d'après Claire Martin, « la réforme sera votée avant la fin "
	 "de la session parlementaire ».",
	 "réforme", "Claire Martin"},
	{"en",
	 "The meeting was held in the morning at the headquarters of the company.\n"
	 LDQ "We are going to rebuild everything from scratch," RDQ " John Smith said after the meeting.",
	 "rebuild", "John Smith"},
	{"en",
	 "The meeting was held in the morning at the headquarters of the company.\n"
	 LDQ "We are going to rebuild everything from scratch," RDQ " said John Smith after the meeting.",
	 "rebuild", "John Smith"},
	{"en",
	 "The chief executive John Smith spoke to reporters at length after the meeting.\n"
	 LDQ "We are going to rebuild everything from scratch," RDQ " he said with a smile.",
	 "rebuild", "John Smith"},
	{"en",
	 "Senator Mary Jones spoke to reporters at length after the long meeting.\n"
	 LDQ "We are going to win this fight in the courts," RDQ " she said.",
	 "win this fight", "Mary Jones"},
	{"en",
	 "The meeting was held in the morning at the headquarters of the company.\n"
	 "According to Mary Jones, " LDQ "the plan will cost far more than anyone expected." RDQ,
	 "plan will cost", "Mary Jones"},
	{"fr",
	 "La conférence a réuni des centaines de chercheurs venus du monde entier.\n"
	 "Marie Durand, directrice de Radium Institut, explique : « Nous avons besoin de nouveaux crédits pour travailler. »",
	 "crédits", "Marie Durand"},
	{"fr",
	 "La conférence a réuni des centaines de chercheurs venus du monde entier.\n"
	 "Marie Durand, conseillère de Paul Bernard, explique : « Nous avons besoin de nouveaux crédits pour travailler. »",
	 "crédits", "Marie Durand"},
	{"en",
	 "Jane Doe, the head of research at Acme Labs, said: " LDQ "We will publish everything we find next year." RDQ,
	 "publish", "Jane Doe"},
	{"fr",
	 "Le ministre Paul Bernard a présenté son projet aux syndicats mardi matin.\n"
	 "Il a ensuite précisé sa pensée devant les journalistes :\n"
	 "La réforme sera menée à son terme, quoi qu'il arrive dans les prochains mois.",
	 "menée à son terme", "Paul Bernard"},
	{"fr",
	 "La ministre Claire Martin a longuement répondu aux questions des parlementaires.\n"
	 "« Nous devons, a-t-elle expliqué, agir très vite sur ce dossier sensible. »",
	 "agir très vite", "Claire Martin"},
	{"fr",
	 "La séance a été agitée au conseil municipal.\n"
	 "Jean Dupont a déclaré : « Le budget de la ville est en grand danger. » "
	 "Claire Martin a répondu : « Les comptes sont parfaitement en ordre cette année. »",
	 "budget de la ville", "Jean Dupont"},
	{"fr",
	 "La séance a été agitée au conseil municipal.\n"
	 "Jean Dupont a déclaré : « Le budget de la ville est en grand danger. » "
	 "Claire Martin a répondu : « Les comptes sont parfaitement en ordre cette année. »",
	 "comptes", "Claire Martin"},
	{"fr",
	 "La séance a été agitée au conseil municipal.\n"
	 "« Jean Dupont ment depuis le début de cette affaire », a déclaré Claire Martin.",
	 "ment depuis", "Claire Martin"},
	{"en",
	 "The chief executive John Smith was asked about the layoffs on Tuesday.\n"
	 LDQ "Nobody will lose their job this year, I promise," RDQ " Smith told reporters.",
	 "lose their job", "John Smith"},
	{"en",
	 "The meeting was held in the morning at the headquarters of the company.\n"
	 LDQ "We must," RDQ " John Smith said, " LDQ "act now." RDQ,
	 "We must act now", "John Smith"},
	{"fr", "Le débat a tourné autour de la notion de « crise » pendant toute la soirée.", "crise", NULL},
	/* a participle takes its main clause's subject */
	{"en",
	 "The hearing lasted two hours in Washington.\n"
	 "John Smith accused Mary Jones of hiding the report, saying " LDQ "nobody knows what is in it." RDQ,
	 "nobody knows", "John Smith"},
	{"en",
	 "The hearing lasted two hours in Washington.\n"
	 LDQ "It was easy to get," RDQ " John Smith said, arguing that Mary Jones spent millions "
	 LDQ "to get away from this issue." RDQ,
	 "get away from", "John Smith"},
	{"fr",
	 "Le débat s'est poursuivi au Sénat.\n"
	 "Le déficit a dérapé, remarque Paul Bernard, jugeant qu'il aurait fallu baisser la TVA, « mesure qui a un effet immédiat ».",
	 "effet immédiat", "Paul Bernard"},
	/* appositions: a relative clause, brackets, a role before the name */
	{"en",
	 "The case went to court in the spring.\n"
	 LDQ "There is no emergency at the border this year," RDQ " Attorney General John Smith, who has sued Mary Jones "
	 "several times, said in a statement.",
	 "no emergency", "John Smith"},
	{"fr",
	 "Les économistes sont divisés sur ce point.\n"
	 "Mais Paul Bernard (Crédit Agricole), juge que s'endetter était indispensable : « on aura zéro croissance l'an prochain ».",
	 "zéro croissance", "Paul Bernard"},
	{"fr",
	 "La soirée a été longue à la télévision.\n"
	 "Le présentateur de la chaîne Canal Plus, Paul Bernard, a salué ses téléspectateurs en assurant que « nul ne pourrait défaire ces liens ».",
	 "nul ne pourrait", "Paul Bernard"},
	/* a quotation with no clause goes on with the speaker before */
	{"en",
	 "The campaign answered on Monday.\n"
	 LDQ "The senator would have cut health care to pay for tax cuts," RDQ " the press secretary of Mary Jones, John Smith, said in an email. "
	 LDQ "The president achieved a third as much savings by cutting subsidies." RDQ,
	 "a third as much", "John Smith"},
	/* a group speaks as no one person */
	{"fr",
	 "Jean Dupont a reçu la lettre des patrons.\n"
	 "Cette taxe « viendra affaiblir toute notre économie nationale », estiment-ils.",
	 "affaiblir toute", NULL},
	/* a role names the person the article gave it to */
	{"fr",
	 "Le président Paul Bernard a reçu Jean Dupont à l'Élysée.\n"
	 "« Nous n'avons pas le choix, il faut agir tout de suite », a expliqué le président de la République.",
	 "pas le choix", "Paul Bernard"},
	/* an organisation named by its kind: the one the article is about */
	{"fr",
	 "La banque Zorbank a perdu de l'argent. Zorbank paie la crise, selon Jean Dupont. Zorbank licencie.\n"
	 "La banque précise dans un communiqué que « le coût du risque inclut une lourde dotation ».",
	 "coût du risque", "Zorbank"},
	{"fr",
	 "L'organisation Oxfam publie son rapport annuel. Jeff Martin est cité.\n"
	 "« La richesse est tout particulièrement sous-taxée dans le monde », a souligné l'ONG.",
	 "richesse est tout", "Oxfam"},
	/* what follows "said in", "to": not its subject */
	{"en",
	 "The campaign answered on Monday.\n"
	 LDQ "The senator would have cut health care to pay for tax cuts," RDQ " the press secretary, John Smith, said in an email to The Daily Planet.",
	 "cut health care", "John Smith"},
	/* reporting verbs of all kinds: "concède", "rétorque", "retorted" */
	{"fr",
	 "La séance a été agitée au conseil municipal.\n"
	 "« Les comptes de la ville ne sont pas parfaits cette année », concède Claire Martin.",
	 "comptes de la ville", "Claire Martin"},
	{"en",
	 "The hearing lasted two hours in Washington.\n"
	 LDQ "That is simply not what the report says," RDQ " retorted Mary Jones.",
	 "simply not what", "Mary Jones"},
	/* other quotations between a quotation and its clause: the clause reports them all */
	{"fr",
	 "Le syndicat a présenté ses propositions jeudi.\n"
	 "Il veut mettre au cœur du débat « une fiscalité juste pour tous les citoyens » pour « partager mieux » "
	 "et « produire autrement », explique son secrétaire général, Jean Dupont.",
	 "fiscalité juste", "Jean Dupont"},
	{"fr",
	 "Le plan de relance a été annoncé jeudi par le président Paul Bernard.\n"
	 "Le Premier ministre Jean Dupont a précisé les chiffres dans la soirée.\n"
	 "\"Nous n'avons pas le choix, il faut agir\" et \"nos finances publiques seraient ruinées par "
	 "l'effondrement des recettes fiscales de tout le pays\", a expliqué le président.",
	 "pas le choix", "Paul Bernard"},
	{"en",
	 "The hearing lasted two hours in Washington.\n"
	 LDQ "The agency has failed in every way," RDQ " and " LDQ "nobody was held to account," RDQ
	 " Mary Jones said.",
	 "failed in every way", "Mary Jones"},
	/* ... but a verb past "là où", "while" has a subject of its own */
	{"fr",
	 "Les chiffres varient beaucoup selon les sources.\n"
	 "L'Alliance du commerce parlait ainsi de « plusieurs dizaines de millions d'euros » perdus, "
	 "là où le délégué de Zorbank évoquait une « perte bien plus lourde encore ».",
	 "plusieurs dizaines", "Alliance du commerce"},
	{"en",
	 "Mary Jones spoke first at the hearing.\n"
	 "She called it " LDQ "a complete waste of public money" RDQ ", while John Smith said it was fine.",
	 "complete waste", "Mary Jones"},
	/* a French subject after the verb's complements; a name after a preposition is no subject */
	{"fr",
	 "Les manifestants ont bloqué le rond-point toute la nuit.\n"
	 "« Sur le coup, je me suis dit que le maire nous avait entendus », confiait mardi à l'AFP Jean Dupont, porte-parole du collectif.",
	 "Sur le coup", "Jean Dupont"},
	{"fr",
	 "Le ministre Paul Bernard a visité l'usine mardi.\n"
	 "« Cette usine restera ouverte encore au moins dix ans », a confié le ministre à Jean Dupont.",
	 "usine restera", "Paul Bernard"},
	/* an indefinite subject speaks anonymously; one that names its organisation does not */
	{"fr",
	 "Le ministre Paul Bernard a présenté le budget mardi.\n"
	 "« Réduire la dette n'est plus du tout la priorité du moment », juge un ancien ministre de l'Économie.",
	 "Réduire la dette", NULL},
	{"en",
	 "The chief executive John Smith was asked about the merger on Tuesday.\n"
	 LDQ "The board never saw the final numbers before the vote," RDQ " said a senior official.",
	 "never saw the final", NULL},
	/* an incise of a verb and its subject inside the quotation */
	{"fr",
	 "Le déficit public dépassera les prévisions du gouvernement.\n"
	 "« Réduire la dette n'est plus la priorité, juge Claire Martin, il faut d'abord relancer l'activité. »",
	 "Réduire la dette n'est plus la priorité il faut", "Claire Martin"},
	{"fr",
	 "Le ministre Paul Bernard a présenté le budget mardi.\n"
	 "« Réduire la dette n'est plus la priorité, juge un ancien ministre, il faut d'abord relancer l'activité. »",
	 "Réduire la dette", NULL},
	{"fr",
	 "Le ministre Paul Bernard a répondu aux critiques mardi.\n"
	 "« Nous avons agi, estimant que c'était juste, et nous recommencerions demain », a-t-il déclaré.",
	 "estimant que c'était juste", "Paul Bernard"},
	/* another article's headline quotes nobody here */
	{"fr",
	 "Le ministre Paul Bernard a visité le chantier du viaduc mardi.\n"
	 "Lire aussi Infrastructures : « Il faut donner la priorité à l'entretien des routes »",
	 "priorité à l'entretien", NULL},
	{"en",
	 "Mary Jones visited the bridge on Tuesday.\n"
	 "Read more: " LDQ "We have to repair the roads before we build new ones" RDQ,
	 "repair the roads", NULL},
	/* no clause: the sentence's subject, when a verb stands between it and the words */
	{"en",
	 "The chief executive John Smith spoke to reporters at length about the bank Zorbank.\n"
	 "Zorbank sees " LDQ "the opportunity to create value in a growing market" RDQ ".",
	 "opportunity to create", "Zorbank"},
	{"fr",
	 "La séance a été agitée au conseil municipal.\n"
	 "« Nous avons tout vérifié deux fois », a déclaré Jean Dupont. "
	 "Zorbank « n'a jamais payé le moindre impôt en France ».",
	 "jamais payé", "Jean Dupont"},
	/* a signed letter speaks with its first signer's voice */
	{"fr",
	 "Les patrons de Zorbank et de Mediacorp ont écrit au ministre Paul Bernard.\n"
	 "« Nous avons été très surpris par cette décision » du gouvernement, indique la lettre, signée par Jean Dupont, "
	 "Claire Martin et Marc Petit.",
	 "très surpris", "Jean Dupont"},
	{"fr",
	 "La lettre, signée par Jean Dupont et Claire Martin, a été envoyée au ministre.\n"
	 "Le ministre Paul Bernard a répondu mardi.\n"
	 "Selon la lettre, la taxe servirait surtout à « compenser la mauvaise gestion de l'État ».",
	 "compenser la mauvaise", "Jean Dupont"},
	{"en",
	 "A letter signed by John Smith and Mary Jones reached the governor on Monday.\n"
	 "Governor Paul Brown answered on Tuesday.\n"
	 LDQ "The new tax will destroy thousands of jobs in the state," RDQ " the letter said.",
	 "destroy thousands", "John Smith"},
	/* a reporting verb after a determiner is a noun */
	{"fr",
	 "Le ministre Paul Bernard a parlé mardi devant les élus.\n"
	 "« Nous avons été stupéfaits par ses propos » et par cette annonce, indique Claire Martin.",
	 "stupéfaits par ses propos", "Claire Martin"},
	{"fr",
	 "Le ministre Paul Bernard a parlé mardi devant les élus.\n"
	 "« Il faut tout changer dans ce pays », comme il le dit souvent.",
	 "tout changer", "Paul Bernard"},
	/* a speaker goes by the fullest name the article gives them */
	{"fr",
	 "L'ONG Zorbank International publie son rapport annuel sur les inégalités.\n"
	 "Selon Zorbank, « la richesse est très peu taxée dans le monde entier ».",
	 "richesse est très peu", "Zorbank International"},
	{"fr",
	 "La CGT finances a publié ses propositions jeudi, et la CGT a appelé à manifester.\n"
	 "« Le gouvernement n'a rien compris de la colère », a dénoncé la CGT.",
	 "rien compris", "CGT"},
	/* "quoted X as saying": X, or nobody for "an insider" */
	{"en",
	 "Mary Jones runs the bank's Asian business from Singapore.\n"
	 LDQ "They moved so quickly that it caught everyone by surprise," RDQ " the Daily Planet quoted an insider in the talks as saying.",
	 "moved so quickly", NULL},
	{"en",
	 "Mary Jones runs the bank's Asian business from Singapore.\n"
	 LDQ "They moved so quickly that it caught everyone by surprise," RDQ " the Daily Planet quoted John Smith as saying.",
	 "moved so quickly", "John Smith"},
	/* a pronoun whose antecedent is a role: the person the article introduced with it */
	{"fr",
	 "Le présentateur évincé de Canal Nord, Paul Bernard, a fait ses adieux jeudi soir.\n"
	 "Ses adieux ont été suivis d'extraits de ses entretiens avec Jean Dupont.\n"
	 "Dans la matinée, le présentateur vedette a annoncé sur la radio avoir été licencié.\n"
	 "« J'ai reçu une lettre de licenciement, donc je suis viré », a-t-il déclaré.",
	 "lettre de licenciement", "Paul Bernard"},
	{"fr",
	 "Le présentateur évincé de Canal Nord, Paul Bernard, a fait ses adieux jeudi soir.\n"
	 "Dans la matinée, la ministre Claire Martin a annoncé une réforme de la chaîne.\n"
	 "« Cette réforme était prévue depuis longtemps déjà », a-t-elle déclaré.",
	 "prévue depuis longtemps", "Claire Martin"},
	{"fr",
	 "Une délégation a été reçue vendredi soir par le ministre Paul Bernard.\n"
	 "« Le ministre est conscient de la gravité de la situation », a déclaré un des membres de la délégation, Jean Dupont.",
	 "conscient de la gravité", "Jean Dupont"},
	{"fr",
	 "Jean Dupont a manifesté toute la journée avec le collectif.\n"
	 "À Montferrand, « un manifestant a été heurté par une voiture en colère » samedi.",
	 "manifestant a été heurté", "Jean Dupont"},
	{"fr",
	 "Le ministre Paul Bernard a reçu les élus mardi.\n"
	 "Zorbank Groupe : « La révolution ? On n'en est vraiment pas très loin ! »",
	 "révolution", "Paul Bernard"},
	/* », selon X after the quotation */
	{"fr",
	 "Le ministre Paul Bernard a reçu les élus mardi.\n"
	 "Un « visage raciste et putschiste » se cache derrière les violences, selon Jean Dupont.",
	 "visage raciste", "Jean Dupont"},
	/* a document with no signer: whoever it is from */
	{"fr",
	 "Le ministre Paul Bernard a reçu les élus mardi.\n"
	 "Un courrier de l'Union des hôteliers a été envoyé aux commerçants. "
	 "« Nous venons d'être informés de forts risques de débordements », indique le courrier.",
	 "venons d'être informés", "Union des hôteliers"},
	{"fr",
	 "Les élus ont été reçus mardi par le ministre Paul Bernard.\n"
	 "Lire aussi. Zorbank : « Qu'ils arrêtent enfin de nous prendre de haut »",
	 "arrêtent enfin", NULL},
	/* a place does not speak */
	{"en",
	 "The talks stalled in Geneva.\n"
	 "Libya was not mentioned, but in Libya " LDQ "nobody knows what will happen next," RDQ " the report said.",
	 "what will happen", NULL},
};

static char corpus_dir[256];
static struct rv_corpus *corpus;
static struct rv_index *ix;


/* One corpus holds every row, one article a row (q000.txt, q001.txt...),
 * indexed once, on first use. */
static void build_corpus(void)
{
	if (ix)
		return;
	snprintf(corpus_dir, sizeof corpus_dir, "/tmp/revue-test-quote-XXXXXX");
	assert_non_null(mkdtemp(corpus_dir));
	for (size_t i = 0; i < RV_ARRAY_LEN(speaker_cases); i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/q%03zu.txt", corpus_dir, i);
		FILE *f = fopen(path, "wb");
		assert_non_null(f);
		fprintf(f, "date: 2025-03-14\nlang: %s\n\n%s\n", speaker_cases[i].lang, speaker_cases[i].text);
		fclose(f);
	}
	const char *paths[] = {corpus_dir};
	struct rv_diags err = {0};
	assert_int_equal(rv_corpus_load(paths, 1, NULL, &corpus, &err), 0);
	rv_diag_free(&err);
	assert_int_equal(corpus->n, RV_ARRAY_LEN(speaker_cases));
	ix = rv_index_build(corpus, NULL);
	assert_non_null(ix);
}

static void free_corpus(void)
{
	rv_index_free(ix);
	if (corpus)
		rv_corpus_free(corpus);
	ix = NULL;
	corpus = NULL;
	if (corpus_dir[0])
		tu_rm_rf(corpus_dir);
}

static void test_speaker(void **state)
{
	const struct speaker_case *c = *state;
	build_corpus();
	size_t row = (size_t)(c - speaker_cases);
	char id[32];
	snprintf(id, sizeof id, "q%03zu.txt", row);
	size_t art = SIZE_MAX;
	for (size_t i = 0; i < corpus->n; i++)
		if (!strcmp(corpus->articles[i].id, id))
			art = i;
	assert_true(art != SIZE_MAX);
	const struct rv_analysis *an = &ix->an[art];
	const struct rv_quote *q = NULL;
	for (size_t i = 0; i < an->nquotes; i++)
		if (strstr(an->quotes[i].text, c->quote))
			q = &an->quotes[i];
	if (!q) {
		char *got = hold(quote_texts(an));
		fail_msg("no quotation holds '%s': [%s]", c->quote, got);
	}
	assert_true(q->id < ix->nquotes);
	if (!c->speaker) {
		if (q->speaker != RV_NONE)
			fail_msg("'%s': want no speaker, got '%s'", q->text, ix->entities[q->speaker].name);
		return;
	}
	if (q->speaker == RV_NONE)
		fail_msg("'%s': want the speaker '%s', got none", q->text, c->speaker);
	assert_true(q->speaker < ix->nentities);
	const struct rv_entity *e = &ix->entities[q->speaker];
	if (strcmp(e->name, c->speaker) != 0)
		fail_msg("'%s': speaker '%s', want '%s'", q->text, e->name, c->speaker);
	assert_true(e->type == RV_ET_PERSON || e->type == RV_ET_ORG); /* people and organisations speak */
	/* the query agrees */
	struct rv_timeline_ref *refs;
	size_t n = rv_index_speaker_quotes(ix, q->speaker, &refs);
	bool found = false;
	for (size_t i = 0; i < n; i++)
		found |= refs[i].article == art && &ix->an[art].quotes[refs[i].entry] == q;
	free(refs);
	assert_true(found);
}

/* --- quote ids over the corpus ----------------------------------------------------- */

static void test_quote_ids(void **state)
{
	(void)state;
	build_corpus();
	size_t total = 0;
	for (size_t a = 0; a < corpus->n; a++)
		for (size_t q = 0; q < ix->an[a].nquotes; q++) {
			assert_int_equal(ix->an[a].quotes[q].id, total);
			total++;
		}
	assert_int_equal(total, ix->nquotes);
}

/* --- 10,000 nested marks ------------------------------------------------------------- */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "Il a dit « « « ... texte ... » » » hier." with `depth` marks each way,
 * and whether to close them. */
static char *nested(size_t depth, bool closed, const char *open, const char *closer)
{
	struct rv_buf b = {0};
	rv_buf_adds(&b, "Il a dit ");
	for (size_t i = 0; i < depth; i++) {
		rv_buf_adds(&b, open);
		rv_buf_addc(&b, ' ');
	}
	rv_buf_adds(&b, "texte profond ici et là");
	if (closed)
		for (size_t i = 0; i < depth; i++) {
			rv_buf_addc(&b, ' ');
			rv_buf_adds(&b, closer);
		}
	rv_buf_adds(&b, " hier.\nLe paragraphe suivant ne cite personne.");
	return rv_buf_steal(&b);
}

/* In a child with an alarm: a quadratic scan fails instead of hanging. */
static void run_nested(size_t depth, bool closed, const char *open, const char *closer, double *secs)
{
	char *text = hold(nested(depth, closed, open, closer));
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	double t0 = now();
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		alarm(20);
		analyse("fr", text, &D);
		uint32_t r[4] = {(uint32_t)D.an.nquotes, D.an.nquotes ? D.an.quotes[0].start : 0,
				 D.an.nquotes ? D.an.quotes[0].end : 0, D.an.nquotes ? D.an.quotes[0].flags : 0};
		ssize_t w = write(fd[1], r, sizeof r);
		_exit(w == (ssize_t)sizeof r ? 0 : 1);
	}
	close(fd[1]);
	uint32_t r[4] = {0, 0, 0, 0};
	ssize_t got = read(fd[0], r, sizeof r);
	close(fd[0]);
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	*secs = now() - t0;
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
		fail_msg("%zu nested marks: no result within 20 s", depth);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(got, (ssize_t)sizeof r);
	/* one quotation, the outermost: from the first mark to the last closer
	 * (or, unclosed, to the end of its paragraph) */
	assert_int_equal(r[0], 1);
	const char *first = strstr(text, open);
	assert_int_equal(r[1], (uint32_t)(first - text));
	uint32_t want_end;
	if (closed) {
		const char *tail = strstr(text, " hier.");
		want_end = (uint32_t)(tail - text);
	} else {
		want_end = (uint32_t)(strchr(text, '\n') - text);
	}
	if (r[2] != want_end)
		fail_msg("%zu nested marks (%s): the quotation ends at %u, want %u", depth, closed ? "closed" : "unclosed",
			 r[2], want_end);
	assert_int_equal(r[3], closed ? 0 : RV_QUOTE_UNTERMINATED);
	release(text);
}

static void test_nested_unclosed(void **state)
{
	(void)state;
	double t1, t2;
	run_nested(2500, false, "«", "»", &t1);
	run_nested(10000, false, "«", "»", &t2);
	print_message("unclosed nested «: 2,500 in %.3f s, 10,000 in %.3f s\n", t1, t2);
	if (t2 > 10 * t1 + 0.3)
		fail_msg("10,000 nested marks took %.3f s, 2,500 took %.3f s: worse than linear", t2, t1);
}

static void test_nested_closed(void **state)
{
	(void)state;
	double t1, t2;
	run_nested(2500, true, "«", "»", &t1);
	run_nested(10000, true, "«", "»", &t2);
	print_message("closed nested «: 2,500 in %.3f s, 10,000 in %.3f s\n", t1, t2);
	if (t2 > 10 * t1 + 0.3)
		fail_msg("10,000 nested marks took %.3f s, 2,500 took %.3f s: worse than linear", t2, t1);
}

static void test_nested_curly(void **state)
{
	(void)state;
	double t;
	run_nested(10000, true, LDQ, RDQ, &t);
	print_message("closed nested “: 10,000 in %.3f s\n", t);
}

int main(void)
{
	for (size_t i = 0; i < RV_ARRAY_LEN(mark_cases); i++)
		add_test("marks", mark_cases[i].text, test_marks, &mark_cases[i]);
	for (size_t i = 0; i < RV_ARRAY_LEN(kind_cases); i++)
		add_test("kind", kind_cases[i].text, test_kind, &kind_cases[i]);
	for (size_t i = 0; i < RV_ARRAY_LEN(local_cases); i++)
		add_test("local speaker", local_cases[i].text, test_local_speaker, &local_cases[i]);
	for (size_t i = 0; i < RV_ARRAY_LEN(speaker_cases); i++) {
		char label[160];
		snprintf(label, sizeof label, "%s <- %s", speaker_cases[i].quote,
			 speaker_cases[i].speaker ? speaker_cases[i].speaker : "nobody");
		add_test("speaker", label, test_speaker, &speaker_cases[i]);
	}
	add_test("test", "quote_ids", test_quote_ids, NULL);
	add_test("test", "nested_unclosed", test_nested_unclosed, NULL);
	add_test("test", "nested_closed", test_nested_closed, NULL);
	add_test("test", "nested_curly", test_nested_curly, NULL);
	int rc = _cmocka_run_group_tests("test_quote", tests, ntests, NULL, NULL);
	free_corpus();
	for (size_t i = 0; i < ntests; i++)
		free(names[i]);
	free(names);
	free(tests);
	return rc;
}
