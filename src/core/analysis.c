#include "revue/analysis.h"

#include "revue/lexicon.h"
#include "revue/strmap.h"
#include "revue/text.h"
#include "revue/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rv_analysis_free(struct rv_analysis *an)
{
	rv_tokens_free(&an->tok);
	for (size_t i = 0; i < an->nnames; i++)
		free(an->names[i].key);
	free(an->names);
	free(an->amounts);
	for (size_t i = 0; i < an->nquotes; i++)
		free(an->quotes[i].text);
	free(an->quotes);
	free(an->dates);
	memset(an, 0, sizeof *an);
}

size_t rv_tok_fold(const struct rv_article *a, const struct rv_token *t, char *buf)
{
	size_t n = t->fold_end - t->fold_start;
	if (t->fold_end > t->fold_start && n < RV_FOLD_BUF && t->fold_end <= a->fold.len) {
		memcpy(buf, a->fold.text + t->fold_start, n); /* located by rv_tokens_locate_folded */
		buf[n] = '\0';
		return n;
	}
	return rv_fold_word(a->body + t->start, t->end - t->start, buf, RV_FOLD_BUF);
}

bool rv_tok_in(const struct rv_article *a, const struct rv_token *t, int lexicon)
{
	uint32_t mask = t->lex;
	if (!(mask & RV_TOK_LEX_KNOWN)) {
		char buf[RV_FOLD_BUF];
		size_t n = rv_tok_fold(a, t, buf);
		mask = rv_lex_mask(buf, n) | RV_TOK_LEX_KNOWN;
		((struct rv_token *)t)->lex = mask; /* a cache: see analysis.h */
	}
	return (mask >> lexicon) & 1u;
}

uint32_t rv_tok_role(const struct rv_article *a, const struct rv_token *t)
{
	if (!(t->flags & RV_TOK_ALPHA) || !rv_tok_in(a, t, RV_LEX_ROLE))
		return 0;
	char buf[RV_FOLD_BUF];
	size_t n = rv_tok_fold(a, t, buf);
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)buf[i]) * 16777619u;
	return h ? h : 1;
}

void rv_analysis_prepare(const struct rv_article *a, struct rv_analysis *an)
{
	rv_tokenize_reuse(a->body, a->body_len, &an->tok);
	rv_tokens_classify(a, &an->tok);
}

void rv_tokens_classify(const struct rv_article *a, struct rv_tokens *tk)
{
	rv_tokens_locate_folded(tk, &a->fold);
	for (size_t i = 0; i < tk->n; i++)
		if (!(tk->v[i].flags & (RV_TOK_ALPHA | RV_TOK_PUNCT)))
			tk->v[i].lex = RV_TOK_LEX_KNOWN; /* numbers are in no lexicon */
}

/* The token's folded form: in the folded view when the tokens were
 * located there (always, after rv_analysis_prepare), else folded into buf. */
static const char *tok_folded(const struct rv_article *a, const struct rv_token *t, char *buf, size_t *n)
{
	size_t len = t->fold_end - t->fold_start;
	if (t->fold_end > t->fold_start && len < RV_FOLD_BUF && t->fold_end <= a->fold.len) {
		*n = len;
		return a->fold.text + t->fold_start;
	}
	*n = rv_tok_fold(a, t, buf);
	return buf;
}

bool rv_tok_among(const struct rv_article *a, const struct rv_token *t, const char *const *words, size_t count)
{
	char buf[RV_FOLD_BUF];
	size_t n;
	const char *f = tok_folded(a, t, buf, &n);
	char c0 = n ? f[0] : '\0';
	for (size_t k = 0; k < count; k++) /* strnlen: never past a shorter word's end */
		if (words[k][0] == c0 && strnlen(words[k], n + 1) == n && !memcmp(words[k], f, n))
			return true;
	return false;
}

struct rv_trigger_set {
	int lexicon;
	char symbols[64];
	bool openers;          /* false: any token may open an expression */
	struct rv_strmap opener_set; /* the words, when openers */
};

void rv_trigger_set_openers(struct rv_trigger_set *set, const char *const *words, size_t n)
{
	/* a map, not a scan of the list: the list is long, and asked about
	 * every token before every number of the corpus */
	set->openers = true;
	for (size_t i = 0; i < n; i++)
		rv_strmap_put(&set->opener_set, words[i], strlen(words[i]), 1, NULL);
}

static bool is_opener(const struct rv_article *a, const struct rv_token *t, const struct rv_trigger_set *set)
{
	char buf[RV_FOLD_BUF];
	size_t n;
	const char *f = tok_folded(a, t, buf, &n);
	return rv_strmap_get(&set->opener_set, f, n) != NULL;
}

struct rv_trigger_set *rv_trigger_set_new(int lexicon, const char *symbols)
{
	struct rv_trigger_set *set = rv_xcalloc(1, sizeof *set);
	set->lexicon = lexicon;
	snprintf(set->symbols, sizeof set->symbols, "%s", symbols ? symbols : "");
	return set;
}

static bool triggers(const struct rv_article *a, const struct rv_token *t, const struct rv_trigger_set *set,
		     unsigned which)
{
	if (t->flags & RV_TOK_DIGIT)
		return which & RV_TRIGGER_DIGITS;
	if (!(which & RV_TRIGGER_WORDS))
		return false;
	size_t n = t->end - t->start;
	if (t->flags & RV_TOK_PUNCT) {
		if (n == 1 && a->body[t->start] == '$')
			return strchr(set->symbols, '$') != NULL;
		if (n < 2 || !set->symbols[0])
			return false;
		char sym[8];
		memcpy(sym, a->body + t->start, n < 7 ? n : 7);
		sym[n < 7 ? n : 7] = '\0';
		return strstr(set->symbols, sym) != NULL;
	}
	return (t->flags & RV_TOK_ALPHA) && rv_tok_in(a, t, set->lexicon);
}

static int cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return (a > b) - (a < b);
}

size_t rv_trigger_starts(const struct rv_article *a, const struct rv_tokens *tk, const struct rv_trigger_set *set,
			 unsigned which, size_t lookback, size_t **out)
{
	size_t *v = NULL, n = 0, cap = 0;
	for (size_t i = 0; i < tk->n; i++) {
		if (!triggers(a, &tk->v[i], set, which))
			continue;
		size_t from = i > lookback ? i - lookback : 0;
		while (from < i && tk->v[from].sentence != tk->v[i].sentence)
			from++;
		for (size_t k = from; k <= i; k++) {
			if (k < i && set->openers && !(tk->v[k].flags & RV_TOK_DIGIT) &&
			    !((tk->v[k].flags & RV_TOK_ALPHA) && rv_tok_in(a, &tk->v[k], set->lexicon)) &&
			    !is_opener(a, &tk->v[k], set))
				continue;
			v = rv_xgrow(v, &cap, n + 1, sizeof *v);
			v[n++] = tk->v[k].fold_start; /* rv_fold_from_source of its start, located once */
		}
	}
	if (n > 1) {
		qsort(v, n, sizeof *v, cmp_size);
		size_t w = 1;
		for (size_t r = 1; r < n; r++)
			if (v[r] != v[w - 1])
				v[w++] = v[r];
		n = w;
	}
	*out = v;
	return n;
}

size_t rv_match_limit(const struct rv_fold *f, size_t start)
{
	/* the longest expression, "the beginning of the third quarter of 2024"
	 * and its lookaheads, is well under 160 bytes */
	size_t len = start + 160 < f->len ? start + 160 : f->len;
	while (len < f->len && ((unsigned char)f->text[len] & 0xC0) == 0x80)
		len++;
	return len;
}
