#include "revue/analysis.h"

#include "revue/lexicon.h"

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
	return rv_fold_word(a->body + t->start, t->end - t->start, buf, RV_FOLD_BUF);
}

bool rv_tok_in(const struct rv_article *a, const struct rv_token *t, int lexicon)
{
	char buf[RV_FOLD_BUF];
	size_t n = rv_tok_fold(a, t, buf);
	return rv_lex_has((enum rv_lexicon)lexicon, buf, n);
}

bool rv_tok_among(const struct rv_article *a, const struct rv_token *t, const char *const *words, size_t count)
{
	char buf[RV_FOLD_BUF];
	size_t n = rv_tok_fold(a, t, buf);
	for (size_t k = 0; k < count; k++)
		if (strlen(words[k]) == n && !memcmp(words[k], buf, n))
			return true;
	return false;
}
