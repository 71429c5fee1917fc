/* Tests of the analyzers' tokenizer (src/core/token.c): words with inner
 * hyphens and dots, numbers with their separators, French elisions and the
 * English possessive split off, the words that keep their apostrophe, each
 * token's shape flags, sentence and paragraph starts, sentence spans, the
 * folded spans rv_tokens_classify sets, and linear time on 1 MB lines.
 *
 * Most cases are rows of tables; each row runs as its own cmocka test, named
 * after its input. */
#include "testutil.h"

#include "revue/analysis.h"
#include "revue/corpus.h"
#include "revue/lexicon.h"
#include "revue/text.h"
#include "revue/token.h"

#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NBSP "\xC2\xA0"    /* U+00A0 */
#define NNBSP "\xE2\x80\xAF" /* U+202F */
#define RSQ "\xE2\x80\x99" /* U+2019 ’ */

/* --- what a test holds: freed by cleanup() even when the test fails --------- */

static struct rv_tokens tk;
static struct rv_article art;
static bool art_loaded;
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
			free(p);
			held[i] = held[--nheld];
			return;
		}
	free(p);
}

static int cleanup(void **state)
{
	(void)state;
	rv_tokens_free(&tk);
	if (art_loaded)
		rv_article_free(&art);
	art_loaded = false;
	while (nheld)
		free(held[--nheld]);
	return 0;
}

/* --- the test list: fixed tests, then one test per table row --------------- */

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
	/* a one-line name: newlines and tabs shown as \n, \t */
	size_t cap = strlen(prefix) + 2 * strlen(label) + 8;
	char *name = malloc(cap), *p = name;
	p += snprintf(p, cap, "%s: ", prefix);
	for (const char *s = label; *s && (size_t)(p - name) + 3 < cap; s++) {
		if (*s == '\n' || *s == '\t') {
			*p++ = '\\';
			*p++ = *s == '\n' ? 'n' : 't';
		} else {
			*p++ = *s;
		}
	}
	*p = '\0';
	names[ntests] = name;
	tests[ntests++] = (struct CMUnitTest){name, fn, NULL, cleanup, (void *)row};
}

/* --- helpers -------------------------------------------------------------- */

static size_t tok_len(const struct rv_token *t)
{
	return t->end - t->start;
}

/* The tokens of text joined by '|' (the tables avoid '|' in their texts). */
static char *joined(const char *text, const struct rv_tokens *toks)
{
	struct rv_buf b = {0};
	for (size_t i = 0; i < toks->n; i++) {
		if (i)
			rv_buf_addc(&b, '|');
		rv_buf_add(&b, text + toks->v[i].start, tok_len(&toks->v[i]));
	}
	if (!b.p)
		rv_buf_adds(&b, "");
	return rv_buf_steal(&b);
}

/* Invariants every tokenization keeps: tokens in order, non-empty, not
 * overlapping, never covering a blank, sentence indices non-decreasing. */
static void check_invariants(const char *text, size_t n, const struct rv_tokens *toks)
{
	uint32_t prev_end = 0, prev_sent = 0;
	for (size_t i = 0; i < toks->n; i++) {
		const struct rv_token *t = &toks->v[i];
		assert_true(t->start < t->end);
		assert_true(t->end <= n);
		assert_true(t->start >= prev_end);
		assert_true(t->sentence >= prev_sent);
		if (toks->nsent)
			assert_true(t->sentence < toks->nsent);
		assert_true(text[t->start] != ' ' && text[t->start] != '\n');
		prev_end = t->end;
		prev_sent = t->sentence;
	}
}

/* An article whose body is exactly text (a header block says so). */
static void load(const char *lang, const char *text)
{
	struct rv_article *a = &art;
	size_t cap = strlen(text) + 64;
	char *buf = malloc(cap);
	assert_non_null(buf);
	int n = snprintf(buf, cap, "lang: %s\n\n%s", lang, text);
	assert_true(n > 0 && (size_t)n < cap);
	struct rv_diags d = {0};
	bool ok = rv_article_from_bytes("t.txt", (const unsigned char *)buf, (size_t)n, a, &d);
	rv_diag_free(&d);
	free(buf);
	assert_true(ok);
	art_loaded = true;
	assert_int_equal(a->body_len, strlen(text));
	assert_memory_equal(a->body, text, a->body_len);
}

/* --- word boundaries ---------------------------------------------------------- */

struct split_case {
	const char *text;
	const char *want; /* the tokens, joined by '|' */
};

static const struct split_case split_cases[] = {
	/* inner hyphens */
	{"Jean-Luc arrive", "Jean-Luc|arrive"},
	{"Saint-Étienne gagne", "Saint-Étienne|gagne"},
	{"e-mail reçu", "e-mail|reçu"},
	{"al-Assad", "al-Assad"},
	{"COVID-19 recule", "COVID-19|recule"},
	{"co\xE2\x80\x91op", "co\xE2\x80\x91op"}, /* U+2011 non-breaking hyphen */
	{"mot- test", "mot|-|test"},
	{"-mot", "-|mot"},
	{"a--b", "a|-|-|b"},
	{"x - y", "x|-|y"},
	/* words with digits */
	{"GPT-4 sort", "GPT-4|sort"},
	{"GPT-4o sort", "GPT-4o|sort"},
	{"12h30 pile", "12h30|pile"},
	{"x86 et ARM64", "x86|et|ARM64"},
	/* numbers: inner dots and commas between digits */
	{"3,5 millions", "3,5|millions"},
	{"46.600 euros", "46.600|euros"},
	{"3.5 fois", "3.5|fois"},
	{"1.000.000 de", "1.000.000|de"},
	{"v1.2.3 sort", "v1.2.3|sort"},
	{"1,5%", "1,5|%"},
	{"-3,5", "-|3,5"},
	{"fin 3.5.", "fin|3.5|."},
	{"en 2024, puis", "en|2024|,|puis"},
	{"1 000", "1|000"},
	/* French elisions split off */
	{"d'OpenAI", "d'|OpenAI"},
	{"l" RSQ "IA", "l" RSQ "|IA"},
	{"jusqu'à", "jusqu'|à"},
	{"jusqu'au bout", "jusqu'|au|bout"},
	{"qu'il", "qu'|il"},
	{"qu" RSQ "ils", "qu" RSQ "|ils"},
	{"lorsqu'elle", "lorsqu'|elle"},
	{"puisqu'il", "puisqu'|il"},
	{"quoiqu'on", "quoiqu'|on"},
	{"presqu'île", "presqu'|île"},
	{"L'Oréal", "L'|Oréal"},
	{"D'après", "D'|après"},
	{"C'est", "C'|est"},
	{"S'il", "S'|il"},
	{"N'importe", "N'|importe"},
	{"QU'IL", "QU'|IL"},
	{"j'ai", "j'|ai"},
	{"m'a", "m'|a"},
	{"t'as", "t'|as"},
	{"s'est", "s'|est"},
	{"n'a", "n'|a"},
	{"l'été", "l'|été"},
	{"l" RSQ "État", "l" RSQ "|État"},
	{"qu'aujourd'hui", "qu'|aujourd'hui"},
	/* an apostrophe that elides nothing */
	{"l'", "l|'"},
	{"5'000", "5|'|000"},
	/* English possessive split off */
	{"Microsoft's CEO", "Microsoft|'s|CEO"},
	{"Microsoft" RSQ "s chief", "Microsoft|" RSQ "s|chief"},
	{"Microsoft's.", "Microsoft|'s|."},
	{"Apple" RSQ "s iPhone's", "Apple|" RSQ "s|iPhone|'s"},
	{"L" RSQ "Oréal" RSQ "s", "L" RSQ "|Oréal|" RSQ "s"},
	{"James' car", "James|'|car"},
	/* words that keep their apostrophe */
	{"aujourd'hui", "aujourd'hui"},
	{"aujourd" RSQ "hui", "aujourd" RSQ "hui"},
	{"don't", "don't"},
	{"don" RSQ "t", "don" RSQ "t"},
	{"O'Brien", "O'Brien"},
	{"prud'homme", "prud'homme"},
	{"entr'acte", "entr'acte"},
	{"rock'n'roll", "rock'n'roll"},
	/* everything else: one character a token */
	{"fin.", "fin|."},
	{"(OpenAI)", "(|OpenAI|)"},
	{"«" NBSP "Oui" NBSP "»", "«|Oui|»"},
	{"«" NNBSP "Oui" NNBSP "»", "«|Oui|»"},
	{"«Oui»", "«|Oui|»"},
	{"€50 et 50 €", "€|50|et|50|€"},
	{"#tag @user", "#|tag|@|user"},
	{"ok \xF0\x9F\x91\x8D", "ok|\xF0\x9F\x91\x8D"},
	{"Quoi ?!", "Quoi|?|!"},
	{"test\xE2\x80\xA6", "test|\xE2\x80\xA6"},
	/* letters of any script; marks and joiners stay inside their word */
	{"naïve café", "naïve|café"},
	{"Москва сегодня", "Москва|сегодня"},
	{"cou\xC2\xADrage", "cou\xC2\xADrage"},       /* soft hyphen */
	{"a\xE2\x80\x8D" "b", "a\xE2\x80\x8D" "b"},  /* zero-width joiner */
	/* bytes that are no UTF-8 are one-byte tokens */
	{"a\xFF" "b", "a|\xFF|b"},
	/* blanks only */
	{"", ""},
	{"  \n\t ", ""},
};

static void test_split(void **state)
{
	const struct split_case *c = *state;
	size_t n = strlen(c->text);
	rv_tokenize(c->text, n, &tk);
	check_invariants(c->text, n, &tk);
	char *got = hold(joined(c->text, &tk));
	if (strcmp(got, c->want) != 0)
		fail_msg("'%s': want [%s], got [%s]", c->text, c->want, got);
	rv_tokens_free(&tk);
}

/* "U.S.": the header's own example of inner dots kept. Whether the final
 * period belongs to the word or is a token of its own, "U.S" is one word. */
static void test_us_one_token(void **state)
{
	(void)state;
	static const char *const texts[] = {"aux U.S. hier", "the U.S. economy", "U.S. officials said"};
	for (size_t k = 0; k < RV_ARRAY_LEN(texts); k++) {
		const char *text = texts[k];
		const char *u = strstr(text, "U.S.");
		rv_tokenize(text, strlen(text), &tk);
		const struct rv_token *t = NULL;
		for (size_t i = 0; i < tk.n; i++)
			if (tk.v[i].start == (uint32_t)(u - text))
				t = &tk.v[i];
		assert_non_null(t);
		size_t len = tok_len(t);
		if (!(len == 3 || len == 4))
			fail_msg("'%s': want one token 'U.S' or 'U.S.', got '%.*s'", text, (int)len, text + t->start);
		assert_true(t->flags & RV_TOK_WORD);
		assert_true(t->flags & RV_TOK_CAP);
		rv_tokens_free(&tk);
	}
}

/* --- shape flags --------------------------------------------------------------- */

#define SHAPE (RV_TOK_WORD | RV_TOK_CAP | RV_TOK_UPPER | RV_TOK_DIGIT | RV_TOK_ALPHA | RV_TOK_CAMEL | \
	       RV_TOK_ELISION | RV_TOK_PUNCT)
#define W RV_TOK_WORD
#define A RV_TOK_ALPHA

struct flag_case {
	const char *text;
	size_t index; /* which token */
	uint32_t want; /* its flags, SHAPE bits only */
};

static const struct flag_case flag_cases[] = {
	{"Paris", 0, W | A | RV_TOK_CAP},
	{"paris", 0, W | A},
	{"Élysée", 0, W | A | RV_TOK_CAP},
	{"Über", 0, W | A | RV_TOK_CAP},
	{"Москва", 0, W | A | RV_TOK_CAP},
	{"NASA", 0, W | A | RV_TOK_CAP | RV_TOK_UPPER},
	{"ÉTAT", 0, W | A | RV_TOK_CAP | RV_TOK_UPPER},
	{"ÇA", 0, W | A | RV_TOK_CAP | RV_TOK_UPPER},
	{"IA", 0, W | A | RV_TOK_CAP | RV_TOK_UPPER},
	{"A", 0, W | A | RV_TOK_CAP},               /* one letter: not UPPER */
	{"OpenAI", 0, W | A | RV_TOK_CAP | RV_TOK_CAMEL},
	{"ChatGPT", 0, W | A | RV_TOK_CAP | RV_TOK_CAMEL},
	{"YouTube", 0, W | A | RV_TOK_CAP | RV_TOK_CAMEL},
	{"McDonald", 0, W | A | RV_TOK_CAP | RV_TOK_CAMEL},
	{"iPhone", 0, W | A | RV_TOK_CAMEL},
	{"xAI", 0, W | A | RV_TOK_CAMEL},
	{"eBay", 0, W | A | RV_TOK_CAMEL},
	{"Jean-Luc", 0, W | A | RV_TOK_CAP},       /* a capital after a hyphen is no CamelCase */
	{"al-Assad", 0, W | A},
	{"GPT-4", 0, W | A | RV_TOK_CAP | RV_TOK_UPPER | RV_TOK_DIGIT},
	{"COVID-19", 0, W | A | RV_TOK_CAP | RV_TOK_UPPER | RV_TOK_DIGIT},
	{"x86", 0, W | A | RV_TOK_DIGIT},
	{"12h30", 0, W | A | RV_TOK_DIGIT},
	{"42", 0, W | RV_TOK_DIGIT},
	{"3,5", 0, W | RV_TOK_DIGIT},
	{"46.600", 0, W | RV_TOK_DIGIT},
	{"aujourd'hui", 0, W | A},
	{"d'accord", 0, W | A | RV_TOK_ELISION},
	{"d'accord", 1, W | A},
	{"L'Oréal", 0, W | A | RV_TOK_ELISION},  /* an elision carries no capital */
	{"L'Oréal", 1, W | A | RV_TOK_CAP},
	{"l" RSQ "IA", 1, W | A | RV_TOK_CAP | RV_TOK_UPPER},
	{"Microsoft's", 1, W | A | RV_TOK_ELISION},
	{"Apple" RSQ "s", 1, W | A | RV_TOK_ELISION},
	{",", 0, RV_TOK_PUNCT},
	{"«", 0, RV_TOK_PUNCT},
	{"€", 0, RV_TOK_PUNCT},
	{"-", 0, RV_TOK_PUNCT},
};

static void test_flags(void **state)
{
	const struct flag_case *c = *state;
	rv_tokenize(c->text, strlen(c->text), &tk);
	assert_true(c->index < tk.n);
	uint32_t got = tk.v[c->index].flags & SHAPE;
	if (got != c->want)
		fail_msg("'%s' token %zu: want flags %#x, got %#x", c->text, c->index, c->want, got);
	rv_tokens_free(&tk);
}

#undef W
#undef A

/* --- sentence and paragraph starts ------------------------------------------- */

struct start_case {
	const char *text;
	const char *sent; /* the tokens flagged RV_TOK_SENT, joined by '|' */
	const char *para; /* the tokens flagged RV_TOK_PARA */
};

static const struct start_case start_cases[] = {
	{"Il pleut. Elle chante.\nNous dansons.", "Il|Elle|Nous", "Il|Nous"},
	{"M. Dupont arrive. Le train part.", "M|Le", "M"},
	{"Mr. Smith went to Washington. He left.", "Mr|He", "Mr"},
	{"J. K. Rowling écrit. Fin.", "J|Fin", "J"},
	{"Il a dit «" NBSP "Oui." NBSP "» Puis il est parti.", "Il|Puis", "Il"},
	{"Quoi ? Vraiment ! Oui\xE2\x80\xA6 Bon.", "Quoi|Vraiment|Oui|Bon", "Quoi"},
	{"fin. suite ici", "fin", "fin"},
	{"\n\n  Texte ici.", "Texte", "Texte"},
	{"Le prix de 3.5 euros. Ok.", "Le|Ok", "Le"},
	{"Un titre sans point\nLe texte commence.", "Un|Le", "Un|Le"},
	{"Premier.\n\nDeuxième.\n\n\nTroisième.", "Premier|Deuxième|Troisième", "Premier|Deuxième|Troisième"},
	{"« Non », dit-il. Elle sourit.", "«|Elle", "«"},
	{"It rained. it stopped.", "It", "It"},
	{"Selon Mme Dupont, la hausse continue. Les prix montent.", "Selon|Les", "Selon"},
};

static char *flagged(const char *text, const struct rv_tokens *toks, uint32_t flag)
{
	struct rv_buf b = {0};
	for (size_t i = 0; i < toks->n; i++)
		if (toks->v[i].flags & flag) {
			if (b.len)
				rv_buf_addc(&b, '|');
			rv_buf_add(&b, text + toks->v[i].start, tok_len(&toks->v[i]));
		}
	if (!b.p)
		rv_buf_adds(&b, "");
	return rv_buf_steal(&b);
}

static void test_starts(void **state)
{
	const struct start_case *c = *state;
	size_t n = strlen(c->text);
	rv_tokenize(c->text, n, &tk);
	check_invariants(c->text, n, &tk);
	char *s = hold(flagged(c->text, &tk, RV_TOK_SENT)), *p = hold(flagged(c->text, &tk, RV_TOK_PARA));
	if (strcmp(s, c->sent) != 0)
		fail_msg("'%s': sentence starts want [%s], got [%s]", c->text, c->sent, s);
	if (strcmp(p, c->para) != 0)
		fail_msg("'%s': paragraph starts want [%s], got [%s]", c->text, c->para, p);
	/* every token of a sentence lies in its span; a sentence's first token starts it */
	for (size_t i = 0; i < tk.n; i++) {
		const struct rv_token *t = &tk.v[i];
		assert_true(t->start >= tk.sent[t->sentence].start);
		assert_true(t->end <= tk.sent[t->sentence].end);
		if (t->flags & RV_TOK_SENT)
			assert_int_equal(t->start, tk.sent[t->sentence].start);
		if (t->flags & RV_TOK_PARA)
			assert_true(t->flags & RV_TOK_SENT); /* a line end always closes a sentence */
	}
	rv_tokens_free(&tk);
}

/* --- sentence spans ------------------------------------------------------------- */

static void test_sentence_spans(void **state)
{
	(void)state;
	const char *text = "  Il pleut.  Elle chante.  ";
	rv_tokenize(text, strlen(text), &tk);
	assert_int_equal(tk.nsent, 2);
	assert_span(tk.sent[0], 2, 11);
	assert_span(tk.sent[1], 13, 25);
	assert_int_equal(tk.n, 6);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(tk.v[i].sentence, 0);
	for (size_t i = 3; i < 6; i++)
		assert_int_equal(tk.v[i].sentence, 1);
	rv_tokens_free(&tk);
}

static void test_sentence_spans_lines(void **state)
{
	(void)state;
	const char *text = "Titre\n\nPremière phrase. Seconde phrase.\nDernière ligne";
	rv_tokenize(text, strlen(text), &tk);
	assert_int_equal(tk.nsent, 4);
	assert_span(tk.sent[0], 0, 5);
	const char *p = strstr(text, "Première"), *s = strstr(text, "Seconde"), *d = strstr(text, "Dernière");
	assert_span(tk.sent[1], (uint32_t)(p - text), (uint32_t)(s - text - 1));
	assert_span(tk.sent[2], (uint32_t)(s - text), (uint32_t)(d - text - 1));
	assert_span(tk.sent[3], (uint32_t)(d - text), (uint32_t)strlen(text));
	rv_tokens_free(&tk);
}

static void test_sentence_index_of_each_token(void **state)
{
	(void)state;
	const char *text = "Un. Deux trois. Quatre\ncinq six. Sept";
	static const uint32_t want[] = {0, 0, 1, 1, 1, 2, 3, 3, 3, 4};
	rv_tokenize(text, strlen(text), &tk);
	assert_int_equal(tk.n, RV_ARRAY_LEN(want));
	for (size_t i = 0; i < tk.n; i++)
		if (tk.v[i].sentence != want[i])
			fail_msg("token %zu '%.*s': sentence %u, want %u", i, (int)tok_len(&tk.v[i]), text + tk.v[i].start,
				 tk.v[i].sentence, want[i]);
	rv_tokens_free(&tk);
}

static void test_empty(void **state)
{
	(void)state;
	rv_tokenize("", 0, &tk);
	assert_int_equal(tk.n, 0);
	assert_int_equal(tk.nsent, 0);
	rv_tokens_free(&tk);
	rv_tokenize(" \n \n", 4, &tk);
	assert_int_equal(tk.n, 0);
	rv_tokens_free(&tk);
}

/* The length given wins over a NUL-free longer buffer. */
static void test_respects_length(void **state)
{
	(void)state;
	const char *text = "Jean-Luc arrive demain";
	rv_tokenize(text, 6, &tk); /* "Jean-L" */
	assert_int_equal(tk.n, 1);
	assert_span(tk.v[0], 0, 6);
	rv_tokens_free(&tk);
	rv_tokenize(text, 5, &tk); /* "Jean-": the hyphen is not inner */
	assert_int_equal(tk.n, 2);
	assert_span(tk.v[0], 0, 4);
	rv_tokens_free(&tk);
}

/* --- folded spans --------------------------------------------------------------- */

static const char *const fold_texts[] = {
	"L" RSQ "Élysée a dit : «" NBSP "Ça suffit !" NBSP "»",
	"l" RSQ "IA d" RSQ "OpenAI et l'État",
	"ÉTAT naïve Æsir cœur œuvre",
	"Straße İstanbul \xEF\xAC\x81nance",   /* ß, dotted I, the ﬁ ligature: longer folds */
	"cou\xC2\xADrage et a\xE2\x80\x8D" "b", /* ignorables vanish from the fold */
	"Microsoft" RSQ "s chief, aujourd" RSQ "hui, don" RSQ "t",
	"Москва ΑΘΗΝΑ Ωmega",
	"Jean-Luc Mélenchon, Saint-Étienne et 46.600 €",
	"Les «" NNBSP "gilets jaunes" NNBSP "» à l’Arc de Triomphe",
	"\xC7\x85" "emal Ǆ ǆ",                  /* title-case digraphs */
};

static void test_fold_spans(void **state)
{
	const char *text = *(const char *const *)*state;
	load("fr", text);
	rv_tokenize(art.body, art.body_len, &tk);
	rv_tokens_classify(&art, &tk);
	for (size_t i = 0; i < tk.n; i++) {
		const struct rv_token *t = &tk.v[i];
		char want[1024];
		size_t wn = rv_fold_word(art.body + t->start, tok_len(t), want, sizeof want);
		assert_true(t->fold_start <= t->fold_end);
		assert_true(t->fold_end <= art.fold.len);
		size_t gn = t->fold_end - t->fold_start;
		if (gn != wn || memcmp(art.fold.text + t->fold_start, want, wn) != 0)
			fail_msg("token '%.*s': folded span '%.*s', want '%s'", (int)tok_len(t), art.body + t->start, (int)gn,
				 art.fold.text + t->fold_start, want);
		char buf[RV_FOLD_BUF];
		size_t bn = rv_tok_fold(&art, t, buf);
		assert_int_equal(bn, wn);
		assert_memory_equal(buf, want, wn);
		if (i > 0)
			assert_true(t->fold_start >= tk.v[i - 1].fold_end);
	}
	rv_tokens_free(&tk);
}

/* The concrete forms: é → e, ’ → ', capitals down. */
static void test_fold_examples(void **state)
{
	(void)state;
	const char *text = "L" RSQ "Élysée et l" RSQ "IA, aujourd" RSQ "hui.";
	static const char *const want[] = {"l'", "elysee", "et", "l'", "ia", ",", "aujourd'hui", "."};
	load("fr", text);
	rv_tokenize(art.body, art.body_len, &tk);
	rv_tokens_classify(&art, &tk);
	assert_int_equal(tk.n, RV_ARRAY_LEN(want));
	for (size_t i = 0; i < tk.n; i++) {
		size_t n = tk.v[i].fold_end - tk.v[i].fold_start;
		if (n != strlen(want[i]) || memcmp(art.fold.text + tk.v[i].fold_start, want[i], n) != 0)
			fail_msg("token %zu: folded '%.*s', want '%s'", i, (int)n, art.fold.text + tk.v[i].fold_start, want[i]);
	}
	rv_tokens_free(&tk);
}

/* rv_tokens_classify looks each word up once: a title, a stop word. */
static void test_classify_lexicons(void **state)
{
	(void)state;
	const char *text = "Selon M. Dupont, le président a déclaré que la Société va bien.";
	load("fr", text);
	rv_tokenize(art.body, art.body_len, &tk);
	rv_tokens_classify(&art, &tk);
	assert_true(tk.n > 10);
	assert_true(rv_tok_in(&art, &tk.v[0], RV_LEX_STOP));         /* Selon */
	assert_true(rv_tok_in(&art, &tk.v[1], RV_LEX_PERSON_TITLE)); /* M */
	assert_false(rv_tok_in(&art, &tk.v[3], RV_LEX_STOP));        /* Dupont */
	size_t k = 0;
	while (k < tk.n && !rv_token_is(art.body, &tk.v[k], "président", false))
		k++;
	assert_true(k < tk.n);
	assert_true(rv_tok_in(&art, &tk.v[k], RV_LEX_ROLE));
	while (k < tk.n && !rv_token_is(art.body, &tk.v[k], "déclaré", false))
		k++;
	assert_true(k < tk.n);
	assert_true(rv_tok_in(&art, &tk.v[k], RV_LEX_SPEECH_VERB));
	while (k < tk.n && !rv_token_is(art.body, &tk.v[k], "Société", false))
		k++;
	assert_true(k < tk.n);
	assert_true(rv_tok_in(&art, &tk.v[k], RV_LEX_ORG_CUE)); /* the accent is folded away */
	assert_true(rv_tok_among(&art, &tk.v[k], (const char *const[]){"groupe", "societe"}, 2));
	rv_tokens_free(&tk);
}

/* --- small accessors ------------------------------------------------------------- */

static void test_token_is_and_first_cp(void **state)
{
	(void)state;
	const char *text = "Élysée OpenAI";
	rv_tokenize(text, strlen(text), &tk);
	assert_int_equal(tk.n, 2);
	assert_int_equal(rv_token_first_cp(text, &tk.v[0]), 0xC9);
	assert_int_equal(rv_token_first_cp(text, &tk.v[1]), 'O');
	assert_true(rv_token_is(text, &tk.v[1], "OpenAI", false));
	assert_false(rv_token_is(text, &tk.v[1], "openai", false));
	assert_true(rv_token_is(text, &tk.v[1], "openai", true));
	assert_false(rv_token_is(text, &tk.v[1], "Open", true));
	struct rv_token empty = {3, 3, 0, 0, 0, 0, 0};
	assert_int_equal(rv_token_first_cp(text, &empty), 0);
	rv_tokens_free(&tk);
}

/* --- linear time ------------------------------------------------------------------ */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* This thread's CPU time: what a ratio of two runs compares, so that other
 * work on a busy machine does not make a linear tokenizer look quadratic. */
static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct line_case {
	const char *unit;       /* repeated to fill the line */
	size_t tokens_per_unit; /* 0: the whole line is one token (+ what the last unit leaves) */
	size_t extra;           /* tokens the line's end adds */
};

static const struct line_case line_cases[] = {
	{"mot ", 1, 0},
	{"Aa. ", 2, 0},
	{"d'", 1, 1}, /* the last "d'" elides nothing: "d" and "'" */
	{"x" RSQ "s ", 2, 0},
	{"«", 1, 0},
	{"a-", 0, 0},
	{"1.", 0, 0},
	{"M. ", 2, 0},
};

/* Tokenizes a 1 MB line of each pattern in a child with an alarm: a
 * quadratic tokenizer fails by time instead of hanging the suite. */
static void test_linear_time(void **state)
{
	(void)state;
	const size_t size = (size_t)1 << 20;
	const unsigned budget = 20;
	for (size_t p = 0; p < RV_ARRAY_LEN(line_cases); p++) {
		const struct line_case *c = &line_cases[p];
		size_t k = strlen(c->unit), units = size / k, n = units * k;
		char *s = hold(malloc(n + 1));
		assert_non_null(s);
		for (size_t i = 0; i < units; i++)
			memcpy(s + i * k, c->unit, k);
		s[n] = '\0';
		int fd[2];
		assert_int_equal(pipe(fd), 0);
		double t0 = now();
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(fd[0]);
			alarm(budget);
			struct rv_tokens ctk;
			rv_tokenize(s, n, &ctk);
			size_t r[2] = {ctk.n, ctk.nsent};
			ssize_t w = write(fd[1], r, sizeof r);
			_exit(w == (ssize_t)sizeof r ? 0 : 1);
		}
		close(fd[1]);
		size_t r[2] = {0, 0};
		ssize_t got = read(fd[0], r, sizeof r);
		close(fd[0]);
		int status = 0;
		assert_int_equal(waitpid(pid, &status, 0), pid);
		double secs = now() - t0;
		if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
			fail_msg("1 MB of '%s' did not tokenize within %u s: not linear", c->unit, budget);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		assert_int_equal(got, (ssize_t)sizeof r);
		if (c->tokens_per_unit)
			assert_int_equal(r[0], units * c->tokens_per_unit + c->extra);
		else
			assert_true(r[0] >= 1 && r[0] <= 2);
		if (secs > 5.0)
			fail_msg("1 MB of '%s': %.2f s", c->unit, secs);
		release(s);
	}
}

/* The same pattern at 256 KB and at 1 MB: four times the text, about four
 * times the time (a quadratic tokenizer takes sixteen). */
static void test_linear_ratio(void **state)
{
	(void)state;
	const size_t big = (size_t)1 << 20, small = big / 4;
	char *s = hold(malloc(big));
	assert_non_null(s);
	static const char unit[] = "Jean-Luc d'OpenAI l" RSQ "IA 46.600 U.S. «x» ";
	size_t k = strlen(unit), units = big / k, n = units * k;
	for (size_t i = 0; i < units; i++)
		memcpy(s + i * k, unit, k);
	size_t m = small / k * k;
	double best_small = 1e9, best_big = 1e9;
	for (int rep = 0; rep < 3; rep++) {
		double t0 = cpu_now();
		rv_tokenize(s, m, &tk);
		double t1 = cpu_now();
		size_t ns = tk.n;
		rv_tokens_free(&tk);
		double t2 = cpu_now();
		rv_tokenize(s, n, &tk);
		double t3 = cpu_now();
		assert_int_equal(tk.n, ns / (m / k) * units);
		rv_tokens_free(&tk);
		best_small = t1 - t0 < best_small ? t1 - t0 : best_small;
		best_big = t3 - t2 < best_big ? t3 - t2 : best_big;
	}
	print_message("tokenize: %.3f s for 256 KB, %.3f s for 1 MB\n", best_small, best_big);
	if (best_big > 10 * best_small + 0.05)
		fail_msg("1 MB took %.3f s, 256 KB %.3f s: worse than linear", best_big, best_small);
}

int main(void)
{
	for (size_t i = 0; i < RV_ARRAY_LEN(split_cases); i++)
		add_test("split", split_cases[i].text, test_split, &split_cases[i]);
	for (size_t i = 0; i < RV_ARRAY_LEN(flag_cases); i++) {
		char label[96];
		snprintf(label, sizeof label, "%s #%zu", flag_cases[i].text, flag_cases[i].index);
		add_test("flags", label, test_flags, &flag_cases[i]);
	}
	for (size_t i = 0; i < RV_ARRAY_LEN(start_cases); i++)
		add_test("starts", start_cases[i].text, test_starts, &start_cases[i]);
	for (size_t i = 0; i < RV_ARRAY_LEN(fold_texts); i++)
		add_test("fold", fold_texts[i], test_fold_spans, &fold_texts[i]);
	add_test("test", "us_one_token", test_us_one_token, NULL);
	add_test("test", "sentence_spans", test_sentence_spans, NULL);
	add_test("test", "sentence_spans_lines", test_sentence_spans_lines, NULL);
	add_test("test", "sentence_index_of_each_token", test_sentence_index_of_each_token, NULL);
	add_test("test", "empty", test_empty, NULL);
	add_test("test", "respects_length", test_respects_length, NULL);
	add_test("test", "fold_examples", test_fold_examples, NULL);
	add_test("test", "classify_lexicons", test_classify_lexicons, NULL);
	add_test("test", "token_is_and_first_cp", test_token_is_and_first_cp, NULL);
	add_test("test", "linear_time", test_linear_time, NULL);
	add_test("test", "linear_ratio", test_linear_ratio, NULL);
	int rc = _cmocka_run_group_tests("test_token", tests, ntests, NULL, NULL);
	for (size_t i = 0; i < ntests; i++)
		free(names[i]);
	free(names);
	free(tests);
	return rc;
}
