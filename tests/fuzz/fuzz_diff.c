/* fuzz_diff.c — the word diff of two spans, as the compare view and
 * `revue --dump diff` ask for it.
 *
 * The input's first 16 bytes are four span offsets (little-endian, taken
 * modulo a little more than the body, so some fall past its end); the rest
 * is split at a "%%" line into two articles, read with rv_article_from_bytes.
 *
 * Checks: the compared spans are the ones asked for, clamped and snapped as
 * rv_diff_snap does; the runs tile both spans in order; each run's op agrees
 * with its word counts; an equal run never follows an equal run; the
 * summary adds up.
 */
#include "fuzz.h"

#include "revue/corpus.h"
#include "revue/diff.h"

static void check_runs(const struct rv_diff *d)
{
	size_t at = d->a_start, bt = d->b_start, wa = 0, wb = 0, common = 0;
	size_t changed = 0, removed = 0, added = 0, minor = 0;
	for (size_t r = 0; r < d->n; r++) {
		const struct rv_diff_run *run = &d->runs[r];
		FUZZ_CHECK(run->a_start == at && run->b_start == bt);
		FUZZ_CHECK(run->a_end >= run->a_start && run->b_end >= run->b_start);
		at = run->a_end;
		bt = run->b_end;
		wa += run->a_words;
		wb += run->b_words;
		FUZZ_CHECK(!run->minor || run->op == RV_DIFF_CHANGE);
		FUZZ_CHECK(run->op <= RV_DIFF_CHANGE);
		switch (run->op) {
		case RV_DIFF_EQUAL:
			FUZZ_CHECK(run->a_words == run->b_words && run->a_words > 0);
			FUZZ_CHECK(r == 0 || d->runs[r - 1].op != RV_DIFF_EQUAL);
			common += run->a_words;
			break;
		case RV_DIFF_DELETE:
			FUZZ_CHECK(run->a_words > 0 && run->b_words == 0);
			removed++;
			break;
		case RV_DIFF_INSERT:
			FUZZ_CHECK(run->a_words == 0 && run->b_words > 0);
			added++;
			break;
		case RV_DIFF_CHANGE:
			FUZZ_CHECK(run->a_words > 0 && run->b_words > 0);
			changed++;
			minor += run->minor;
			break;
		}
	}
	if (d->n > 0)
		FUZZ_CHECK(at == d->a_end && bt == d->b_end);
	else
		FUZZ_CHECK(d->words_a == 0 && d->words_b == 0);
	FUZZ_CHECK(wa == d->words_a && wb == d->words_b && common == d->words_common);
	FUZZ_CHECK(changed == d->changed && removed == d->removed && added == d->added && minor == d->minor);
	FUZZ_CHECK(d->share >= 0.0 && d->share <= 1.0);
}

static bool load(const struct fuzz_part *p, const char *id, struct rv_article *a, struct rv_diags *diags)
{
	memset(a, 0, sizeof *a);
	return rv_article_from_bytes(id, p->p, p->n, a, diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t off[4];
	for (size_t i = 0; i < 4; i++)
		off[i] = fuzz_take_u32(&data, &size);
	struct fuzz_part parts[2];
	size_t np = fuzz_split(data, size, parts, 2);
	if (np < 2)
		parts[1] = parts[0];

	struct rv_diags diags = {0};
	struct rv_article a, b;
	bool oka = load(&parts[0], "a.txt", &a, &diags);
	bool okb = oka && load(&parts[1], "b.txt", &b, &diags);
	if (oka && okb) {
		size_t as = off[0] % (a.body_len + 8), ae = off[1] % (a.body_len + 8);
		size_t bs = off[2] % (b.body_len + 8), be = off[3] % (b.body_len + 8);
		if (off[0] & 0x80000000u) { /* the whole of both, the dump's default */
			as = bs = 0;
			ae = a.body_len;
			be = b.body_len;
		}
		size_t sas = as, sae = ae, sbs = bs, sbe = be;
		rv_diff_snap(a.body, a.body_len, &sas, &sae);
		rv_diff_snap(b.body, b.body_len, &sbs, &sbe);
		FUZZ_CHECK(sas <= a.body_len && sae <= a.body_len && sbs <= b.body_len && sbe <= b.body_len);

		struct rv_diff d;
		FUZZ_CHECK(rv_diff_spans(a.body, a.body_len, as, ae, b.body, b.body_len, bs, be, &d) == 0);
		FUZZ_CHECK(d.a_start == sas && d.a_end == sae && d.b_start == sbs && d.b_end == sbe);
		FUZZ_CHECK(d.a_start <= d.a_end || d.n == 0);
		FUZZ_CHECK(fuzz_cp_boundary(a.body, a.body_len, d.a_start));
		FUZZ_CHECK(fuzz_cp_boundary(a.body, a.body_len, d.a_end));
		FUZZ_CHECK(fuzz_cp_boundary(b.body, b.body_len, d.b_start));
		FUZZ_CHECK(fuzz_cp_boundary(b.body, b.body_len, d.b_end));
		check_runs(&d);
		rv_diff_free(&d);
	}
	if (oka) /* b was read only after a; a refused article holds its id */
		rv_article_free(&b);
	rv_article_free(&a);
	rv_diag_free(&diags);
	return 0;
}
