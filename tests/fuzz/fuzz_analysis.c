/* fuzz_analysis.c — the analyzers on one article, in the order index.c runs
 * them: prepare (tokens and their folded forms), names, amounts, quotes,
 * timeline.
 *
 * Checks: tokens in order, inside the body and the folded view; every span
 * an analyzer reports inside the body, non-empty, on code point boundaries,
 * and in text order (amounts: each kind apart; quotes by start, as a block
 * quotation may hold a marked one); cross-references (a quote's speaker, a name's tokens)
 * point at things that exist.
 */
#include "fuzz.h"

#include "revue/analysis.h"
#include "revue/corpus.h"

static const struct rv_article *A;

static void check_span(uint32_t start, uint32_t end)
{
	FUZZ_CHECK(start < end && end <= A->body_len);
	FUZZ_CHECK(fuzz_cp_boundary(A->body, A->body_len, start));
	FUZZ_CHECK(fuzz_cp_boundary(A->body, A->body_len, end));
}

static void check_tokens(const struct rv_tokens *tk)
{
	uint32_t at = 0;
	for (size_t i = 0; i < tk->n; i++) {
		const struct rv_token *t = &tk->v[i];
		check_span(t->start, t->end);
		FUZZ_CHECK(t->start >= at);
		at = t->end;
		FUZZ_CHECK(t->fold_start <= t->fold_end && t->fold_end <= A->fold.len);
		FUZZ_CHECK(tk->nsent == 0 || t->sentence < tk->nsent);
		char buf[RV_FOLD_BUF];
		FUZZ_CHECK(rv_tok_fold(A, t, buf) < RV_FOLD_BUF);
	}
}

static void check_names(const struct rv_analysis *an)
{
	uint32_t at = 0;
	for (size_t i = 0; i < an->nnames; i++) {
		const struct rv_name *nm = &an->names[i];
		check_span(nm->start, nm->end);
		FUZZ_CHECK(nm->start >= at);
		at = nm->start;
		FUZZ_CHECK(nm->tok_first <= nm->tok_last && nm->tok_last < an->tok.n);
		FUZZ_CHECK(an->tok.v[nm->tok_first].start == nm->start);
		/* or one past it: "Canal+" takes its +, "U.S." its last period */
		uint32_t last_end = an->tok.v[nm->tok_last].end;
		FUZZ_CHECK(nm->end == last_end ||
			   (nm->end == last_end + 1 && (A->body[last_end] == '+' || A->body[last_end] == '.')));
		FUZZ_CHECK(nm->key != NULL);
		FUZZ_CHECK(nm->key_rest <= strlen(nm->key));
	}
}

static void check_amounts(const struct rv_analysis *an)
{
	/* Money is found in one pass and percentages in another: each kind is
	 * in text order, the two are not interleaved. */
	uint32_t at[2] = {0, 0};
	for (size_t i = 0; i < an->namounts; i++) {
		const struct rv_amount *m = &an->amounts[i];
		check_span(m->start, m->end);
		FUZZ_CHECK(m->kind == RV_ET_MONEY || m->kind == RV_ET_PERCENT);
		FUZZ_CHECK(m->start >= at[m->kind == RV_ET_PERCENT]);
		at[m->kind == RV_ET_PERCENT] = m->end;
		FUZZ_CHECK(memchr(m->unit, '\0', sizeof m->unit) != NULL);
	}
}

static void check_quotes(const struct rv_analysis *an)
{
	/* Sorted by start; they may overlap: a block quotation (a paragraph
	 * after "X a déclaré :") can hold a marked one. */
	uint32_t at = 0;
	for (size_t i = 0; i < an->nquotes; i++) {
		const struct rv_quote *q = &an->quotes[i];
		check_span(q->start, q->end);
		FUZZ_CHECK(q->start >= at);
		at = q->start;
		FUZZ_CHECK(q->text != NULL && rv_utf8_valid(q->text, strlen(q->text)));
		FUZZ_CHECK(q->speaker_name == RV_NONE || q->speaker_name < an->nnames);
		FUZZ_CHECK(q->pronoun_at == RV_NONE || q->pronoun_at <= A->body_len);
		FUZZ_CHECK(q->clause_end <= A->body_len);
	}
}

/* A resolved date is an ISO 8601 date (2023, 2023-01, 2023-01-17) that
 * rv_date_parse accepts, or START/END of two such with START <= END. */
static void check_iso(const char *date)
{
	const char *slash = strchr(date, '/');
	size_t n1 = slash ? (size_t)(slash - date) : strlen(date);
	struct rv_date d1, d2;
	FUZZ_CHECK(rv_date_parse(date, n1, &d1));
	if (!slash)
		return;
	FUZZ_CHECK(strchr(slash + 1, '/') == NULL);
	FUZZ_CHECK(rv_date_parse(slash + 1, strlen(slash + 1), &d2));
	FUZZ_CHECK(d1.precision == d2.precision);
	FUZZ_CHECK(strncmp(date, slash + 1, n1) <= 0);
}

static void check_dates(const struct rv_analysis *an)
{
	uint32_t at = 0;
	for (size_t i = 0; i < an->ndates; i++) {
		const struct rv_tentry *e = &an->dates[i];
		check_span(e->start, e->end);
		FUZZ_CHECK(e->start >= at);
		at = e->end;
		FUZZ_CHECK(e->sent_start <= e->start && e->end <= e->sent_end && e->sent_end <= A->body_len);
		FUZZ_CHECK(memchr(e->date, '\0', sizeof e->date) != NULL);
		FUZZ_CHECK(!e->resolved || e->date[0] != '\0');
		if (e->date[0])
			check_iso(e->date);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rv_article a;
	struct rv_diags diags = {0};
	memset(&a, 0, sizeof a);
	if (!rv_article_from_bytes("fuzz.txt", data, size, &a, &diags)) {
		rv_article_free(&a); /* even refused, it holds its id */
		rv_diag_free(&diags);
		return 0;
	}
	A = &a;
	struct rv_analysis an;
	memset(&an, 0, sizeof an);
	rv_analysis_prepare(&a, &an);
	check_tokens(&an.tok);
	rv_entity_names(&a, &an);
	check_names(&an);
	rv_entity_amounts(&a, &an);
	check_amounts(&an);
	rv_quote_find(&a, &an);
	check_quotes(&an);
	rv_timeline_find(&a, &an);
	check_dates(&an);
	rv_analysis_free(&an);
	rv_article_free(&a);
	rv_diag_free(&diags);
	return 0;
}
