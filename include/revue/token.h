/* token.h — the analyzers' tokenizer.
 *
 * Words (letters and digits, with inner hyphens and dots kept: Jean-Luc,
 * GPT-4, 3.5, 46.600, U.S.), French elisions split off as their own token
 * (d' l' qu' jusqu'...), English possessive 's split off, and every other
 * non-space character a token of its own. Each token carries its shape and
 * whether it opens a sentence or a paragraph. Offsets are bytes into the
 * text tokenized (an article body). Linear time, no allocation per token.
 */
#ifndef REVUE_TOKEN_H
#define REVUE_TOKEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	RV_TOK_WORD = 1 << 0,   /* letters and/or digits */
	RV_TOK_CAP = 1 << 1,    /* starts with an upper-case letter */
	RV_TOK_UPPER = 1 << 2,  /* every letter upper case, at least two letters */
	RV_TOK_DIGIT = 1 << 3,  /* holds a digit */
	RV_TOK_ALPHA = 1 << 4,  /* holds a letter */
	RV_TOK_CAMEL = 1 << 5,  /* an upper-case letter after the first letter: OpenAI, xAI, iPhone */
	RV_TOK_ELISION = 1 << 6,/* d' l' qu' ... and English 's */
	RV_TOK_SENT = 1 << 7,   /* first token of a sentence */
	RV_TOK_PARA = 1 << 8,   /* first token of a paragraph (line) */
	RV_TOK_PUNCT = 1 << 9,  /* anything else: one character */
};

struct rv_token {
	uint32_t start, end;
	uint32_t flags;
	uint32_t sentence;          /* index of its sentence */
	uint32_t fold_start, fold_end; /* its folded form in the article's folded view */
	uint32_t lex;               /* lexicons holding its folded form (lexicon.h), RV_TOK_LEX_KNOWN set once known */
};

#define RV_TOK_LEX_KNOWN 0x80000000u

struct rv_tokens {
	struct rv_token *v;
	size_t n, cap;
	struct { uint32_t start, end; } *sent; /* sentence spans */
	size_t nsent;
};

void rv_tokenize(const char *s, size_t n, struct rv_tokens *out);
/* The same, reusing out->v's memory from an earlier call (out zeroed the
 * first time): one token buffer per thread spares a large allocation and
 * its page faults per article. out->sent is always allocated anew. */
void rv_tokenize_reuse(const char *s, size_t n, struct rv_tokens *out);
struct rv_fold;
/* Sets every token's folded span, in one walk over the fold's anchors. */
void rv_tokens_locate_folded(struct rv_tokens *t, const struct rv_fold *f);
void rv_tokens_free(struct rv_tokens *t);

/* The code point starting token t (0 for an empty token). */
unsigned rv_token_first_cp(const char *s, const struct rv_token *t);
/* True when the token's bytes equal w (ASCII case-insensitive when ci). */
bool rv_token_is(const char *s, const struct rv_token *t, const char *w, bool ci);

#endif
