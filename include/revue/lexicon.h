/* lexicon.h — the word lists the analyzers reason with.
 *
 * Every list holds folded forms (see text.h: lower case, no accents,
 * apostrophes as '), French and English together. Lists are data, built into
 * the binary, hashed once on first use; a lookup is one hash probe.
 */
#ifndef REVUE_LEXICON_H
#define REVUE_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

enum rv_lexicon {
	RV_LEX_PERSON_TITLE,  /* M. Mme Dr Mr: a person's name follows */
	RV_LEX_ROLE,          /* président, ministre, CEO, porte-parole: a person's role */
	RV_LEX_ORG_CUE,       /* société, groupe, company, firm: an organisation's name follows */
	RV_LEX_ORG_WORD,      /* Inc, SA, Bank, Université, Party: a word inside an organisation's name */
	RV_LEX_PRODUCT_CUE,   /* chatbot, modèle, app, smartphone: a product's name follows */
	RV_LEX_PLACE,         /* countries, regions, cities */
	RV_LEX_FIRST_NAME,    /* common given names */
	RV_LEX_CONNECTOR,     /* de, du, van, von, al, bin, la, le: inside a name */
	RV_LEX_STOP,          /* words that open sentences in capitals and are no name */
	RV_LEX_SPEECH_VERB,   /* a déclaré, explique, said, told...: every form */
	RV_LEX_NATIONALITY,   /* français, américain, American: capitalised in English, never a name */
	RV_LEX_DATE_WORD,     /* months, seasons, weekdays, an, mois, hier...: a date may be near */
	RV_LEX_MONEY_WORD,    /* euros, dollars, milliards, pence...: an amount may be near */
	RV_LEX_COUNT
};

/* Is the folded word w[0..n) in the list? */
bool rv_lex_has(enum rv_lexicon lex, const char *w, size_t n);
/* Every list holding w, as a bit mask (1 << lex): one lookup for all. */
unsigned rv_lex_mask(const char *w, size_t n);

#endif
