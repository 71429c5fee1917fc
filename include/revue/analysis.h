/* analysis.h — what the analyzers find in one article.
 *
 * Each analyzer (entity.c, quote.c, timeline.c) reads an article's body and
 * tokens and appends to its rv_analysis; index.c runs them on every article
 * in parallel, then resolves what needs the whole corpus (canonical entity
 * names and types, speakers) and freezes the result. Offsets are bytes into
 * the article's body. Strings here are owned by the analysis.
 */
#ifndef REVUE_ANALYSIS_H
#define REVUE_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "revue/corpus.h"
#include "revue/token.h"

#define RV_NONE UINT32_MAX

enum rv_etype { RV_ET_PERSON, RV_ET_ORG, RV_ET_PRODUCT, RV_ET_PLACE, RV_ET_MONEY, RV_ET_PERCENT, RV_ET_COUNT };
#define RV_NAME_TYPES 4 /* the first four: the types a name can take */

const char *rv_etype_name(enum rv_etype t);

enum {
	RV_NAME_SENT_INITIAL = 1, /* its first word opens a sentence */
	RV_NAME_TITLED = 2,       /* after M., Mme, Dr, Mr...: surely a person */
	RV_NAME_LOWER_SEEN = 4,   /* its first word also appears in lower case in the article */
	RV_NAME_HEADLINE = 8,     /* in a line in title case: its capitals say nothing */
	RV_NAME_PLAIN = 16,       /* one plain capitalised word: no acronym, CamelCase or digit */
	RV_NAME_SPEAKS = 32,      /* next to a reporting verb: "X said", "a déclaré X" */
	RV_NAME_ALIAS = 64,       /* written as an alias (an acronym) of its key's name */
	RV_NAME_DROPPED = 128,    /* swallowed by a longer phrase of the alias file */
	/* Its shape, a hint counted once per entity rather than once per
	 * mention (ten mentions of "ChatGPT" are not ten clues it is a company) */
	RV_NAME_SHAPE_CAMEL = 256,  /* OpenAI, ChatGPT: CamelCase from a capital */
	RV_NAME_SHAPE_LCAMEL = 512, /* iPhone, eBay */
	RV_NAME_SHAPE_UPPER = 1024, /* one all-capitals word: CGT, NATO */
	RV_NAME_SHAPE_DIGIT = 2048, /* GPT-4, Sora 2, Office 365 */
};

/* A name as written in one article, with the local evidence of its type. */
struct rv_name {
	uint32_t start, end;
	uint32_t tok_first, tok_last; /* tokens [first, last] */
	uint32_t sentence;            /* sentence of its first token */
	int16_t votes[RV_NAME_TYPES]; /* the context's evidence, mention by mention (shape apart) */
	uint16_t flags;
	char *key;       /* folded form, words joined by one space; NULL once the index is built */
	uint16_t key_rest;   /* where the key of the words after the first starts (0: one word) */
	uint32_t rest_start; /* body offset of the second word */
	uint32_t entity; /* index in the corpus entity table, RV_NONE if dropped */
	uint32_t role;   /* rv_tok_role of the role it is named with ("le président X", "X, ministre de"), 0 */
};

enum rv_period { RV_PERIOD_NONE, RV_PERIOD_DAY, RV_PERIOD_WEEK, RV_PERIOD_MONTH, RV_PERIOD_YEAR };

/* A money amount or a percentage. */
struct rv_amount {
	uint32_t start, end;
	enum rv_etype kind; /* RV_ET_MONEY or RV_ET_PERCENT */
	double value;       /* in base units (13 milliards: 13e9); percent: 27 for 27 % */
	char unit[4];       /* ISO 4217 code, "" when the text names none */
	enum rv_period period;
};

enum rv_quote_kind { RV_QUOTE_SPEECH, RV_QUOTE_TERM };

enum {
	RV_QUOTE_UNTERMINATED = 1, /* its mark never closed: it ends at its paragraph */
	RV_QUOTE_BLOCK = 2,        /* a paragraph after a colon, without marks */
	RV_QUOTE_BY_ORG = 4,       /* its speaker is an organisation named by its kind (la banque) */
	RV_QUOTE_NO_CUE = 8,       /* no reporting clause: the speaker of the quotation before, or the person last named */
	RV_QUOTE_PLURAL = 16,      /* said by "ils", "they": no one person */
};

struct rv_quote {
	uint32_t start, end;   /* the quotation, marks included */
	char *text;            /* without marks, incises cut out */
	enum rv_quote_kind kind;
	uint16_t flags;
	uint32_t speaker_name; /* index in the article's names, RV_NONE */
	uint32_t speaker;      /* corpus entity, RV_NONE */
	uint32_t pronoun_at;   /* speaker is a pronoun: resolve from this offset back; RV_NONE */
	uint32_t clause_end;   /* end of the sentence the quotation closes (its reporting clause) */
	uint32_t role;         /* said by "le président", "the minister": rv_tok_role of that role, 0 */
	uint32_t id;           /* corpus-wide quote number */
	uint32_t cluster;      /* link cluster, RV_NONE */
};

enum rv_granularity { RV_GRAN_YEAR, RV_GRAN_SEASON, RV_GRAN_QUARTER, RV_GRAN_MONTH, RV_GRAN_WEEK, RV_GRAN_DAY, RV_GRAN_DECADE };
enum rv_date_mod { RV_MOD_NONE, RV_MOD_START, RV_MOD_MID, RV_MOD_END, RV_MOD_APPROX };

struct rv_tentry {
	uint32_t start, end;     /* the expression */
	uint32_t sent_start, sent_end;
	char date[48];           /* ISO 8601: 2023, 2023-01, 2023-01-17, or START/END; "" unresolved */
	enum rv_granularity granularity;
	enum rv_date_mod mod;
	bool resolved;           /* false: relative and the article has no usable date */
	bool relative;
};

struct rv_analysis {
	struct rv_tokens tok;
	struct rv_name *names;
	size_t nnames, capnames;
	struct rv_amount *amounts;
	size_t namounts, capamounts;
	struct rv_quote *quotes;
	size_t nquotes, capquotes;
	struct rv_tentry *dates;
	size_t ndates, capdates;
};

void rv_analysis_free(struct rv_analysis *an);

/* Tokenizes the article into an->tok and classifies the tokens (their
 * folded forms and lexicons): what every analyzer below reads. an must be
 * zeroed, or hold in an->tok.v/cap a token buffer to reuse. */
void rv_analysis_prepare(const struct rv_article *a, struct rv_analysis *an);

/* The analyzers, one article at a time; thread-safe. Each needs
 * rv_analysis_prepare first; rv_quote_find reads the names, so it runs
 * after rv_entity_names. */
void rv_entity_names(const struct rv_article *a, struct rv_analysis *an);
/* Adds the votes a name's shape flags (RV_NAME_SHAPE_*) stand for; the
 * index counts them once per entity. */
void rv_name_shape_votes(unsigned flags, int32_t votes[RV_NAME_TYPES]);
void rv_entity_amounts(const struct rv_article *a, struct rv_analysis *an);
void rv_quote_find(const struct rv_article *a, struct rv_analysis *an);
void rv_timeline_find(const struct rv_article *a, struct rv_analysis *an);

#define RV_FOLD_BUF 256
/* The folded form of a token into buf (RV_FOLD_BUF bytes); returns its length. */
size_t rv_tok_fold(const struct rv_article *a, const struct rv_token *t, char *buf);
/* A role word (RV_LEX_ROLE: président, ministre, spokesman) as a nonzero
 * number that two mentions of the same role share; 0 for any other token. */
uint32_t rv_tok_role(const struct rv_article *a, const struct rv_token *t);
/* Locates every token's folded form. Lexicons are looked up when first
 * asked (rv_tok_in) and the answer kept in the token. */
void rv_tokens_classify(const struct rv_article *a, struct rv_tokens *tk);
/* Is the token's folded form in the lexicon? (lexicon.h) The first call
 * for a token probes every lexicon at once and keeps the answer in it:
 * tokens belong to one analysis, run by one thread. */
bool rv_tok_in(const struct rv_article *a, const struct rv_token *t, int lexicon);
/* Is the token's folded form one of words? */
bool rv_tok_among(const struct rv_article *a, const struct rv_token *t, const char *const *words, size_t count);

/* Where pattern analyzers try to match: most of a text holds no date and
 * no amount, and trying every pattern at every position is what costs.
 * A trigger is a token that holds a digit, starts with one of `symbols`
 * (UTF-8, e.g. "$€£"), or whose folded form is in the lexicon `lexicon`;
 * the candidate starts are the starts of each trigger and of the `lookback`
 * tokens before it in its sentence (a date may open with "fin", "l'", "au
 * mois de"). rv_trigger_starts returns them as folded offsets, ascending and
 * unique; analyzers match anchored at each, leftmost first. */
struct rv_trigger_set;
struct rv_trigger_set *rv_trigger_set_new(int lexicon, const char *symbols);
/* With openers, a token before a trigger is a candidate start only when it
 * holds a digit, is in the lexicon, or is one of words (folded): the words
 * an expression may open with. words must outlive the set. */
void rv_trigger_set_openers(struct rv_trigger_set *set, const char *const *words, size_t n);
enum { RV_TRIGGER_DIGITS = 1, RV_TRIGGER_WORDS = 2 }; /* which triggers count */
size_t rv_trigger_starts(const struct rv_article *a, const struct rv_tokens *tk, const struct rv_trigger_set *set,
			 unsigned which, size_t lookback, size_t **out);
/* The length to give a matcher that starts at `start`: far enough for any
 * expression (and the lookaheads after it), on a code point boundary. */
size_t rv_match_limit(const struct rv_fold *f, size_t start);

/* Folds the word s[0..n) into out (cap bytes at least 4 * n + 1): the folded
 * view's rules, on a short string. Returns the length. */
size_t rv_fold_word(const char *s, size_t n, char *out, size_t cap);

#endif
