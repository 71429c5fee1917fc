/* fuzz_text.c — the text layer on any bytes: the sanitizer, NFC, the folded
 * view and its offset maps, words and sentences.
 *
 * The sanitizer's output is what reaches the terminal, so its check is the
 * security property: valid UTF-8 holding no C0 or C1 control, no DEL, no
 * format character (bidi controls, zero-width characters, BOM, soft
 * hyphen), no line or paragraph separator and no noncharacter, except '\n'
 * and '\t' when the caller asked for lines; only ASCII under RV_SAN_ASCII.
 * The oracle is written apart from text.c's own list, from the Unicode
 * categories libunistring reports.
 *
 * NFC is checked against libunistring's u8_normalize (text.h promises the
 * fast path gives the same bytes); the fold against its own per-code-point
 * definition (rv_text_fold_cp), and its maps for order and bounds.
 */
#include "fuzz.h"

#include "../unit/fold_ref.h"

#include "revue/text.h"
#include "revue/util.h"

#include <unictype.h>
#include <uninorm.h>

static bool forbidden_on_terminal(unsigned cp, unsigned flags)
{
	if (cp == '\n' || cp == '\t')
		return flags & RV_SAN_ONE_LINE;
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return true;
	if ((flags & RV_SAN_ASCII) && cp >= 0x80)
		return true;
	if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF))
		return true;
	return uc_is_general_category(cp, UC_CATEGORY_Cc) || uc_is_general_category(cp, UC_CATEGORY_Cf) ||
	       uc_is_general_category(cp, UC_CATEGORY_Zl) || uc_is_general_category(cp, UC_CATEGORY_Zp) ||
	       uc_is_general_category(cp, UC_CATEGORY_Cs);
}

/* The terminal-safety property, on what the sanitizer wrote. */
static void check_safe(const char *s, size_t n, unsigned flags)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned cp;
		size_t l = rv_utf8_decode(u + i, n - i, &cp);
		FUZZ_CHECK(l > 0); /* a raw 0x9B byte is a CSI on an 8-bit terminal */
		FUZZ_CHECK(!forbidden_on_terminal(cp, flags));
		i += l;
	}
}

static void check_sanitizer(const char *s, size_t n, unsigned flags)
{
	struct rv_buf out = {0};
	rv_sanitize(s, n, flags, &out);
	FUZZ_CHECK(out.p != NULL);
	check_safe(out.p, out.len, flags);
	rv_buf_free(&out);

	/* Glyph by glyph, as the drawing layer reads it. */
	struct rv_sanitizer st;
	rv_sanitizer_init(&st, flags);
	size_t i = 0, width = 0;
	while (i < n) {
		struct rv_glyph g;
		size_t l = rv_sanitize_next(&st, s, n, i, &g);
		FUZZ_CHECK(l >= 1 && l <= n - i && l == g.len);
		FUZZ_CHECK(g.width >= 0);
		if (g.kind == RV_GLYPH_TOKEN) {
			FUZZ_CHECK(memchr(g.tok, '\0', sizeof g.tok) != NULL);
			check_safe(g.tok, strlen(g.tok), flags | RV_SAN_ONE_LINE);
		}
		width += (size_t)g.width;
		i += l;
	}
	FUZZ_CHECK(rv_text_width(s, n, flags) == width);
}

static void check_nfc(const char *s, size_t n)
{
	size_t len;
	char *ours = rv_text_nfc(s, n, &len);
	FUZZ_CHECK(ours != NULL && ours[len] == '\0');
	size_t ref_len = 0;
	uint8_t *ref = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &ref_len);
	FUZZ_CHECK(ref != NULL || n == 0);
	FUZZ_CHECK(len == ref_len && (len == 0 || memcmp(ours, ref, len) == 0));
	free(ref);
	free(ours);
}

/* rv_text_fold_cp goes to libunistring each time, which made this harness
 * ten times slower than the others: the folds of the first code points,
 * where most text lives, are kept from one input to the next. */
#define FOLD_CACHED 0x3000
static struct {
	bool known;
	unsigned char len;
	char s[32];
} fold_cache[FOLD_CACHED];

static size_t fold_cp(unsigned cp, char *out)
{
	if (cp >= FOLD_CACHED)
		return rv_text_fold_cp(cp, out);
	if (!fold_cache[cp].known) {
		size_t k = rv_text_fold_cp(cp, fold_cache[cp].s);
		FUZZ_CHECK(k <= sizeof fold_cache[cp].s);
		fold_cache[cp].len = (unsigned char)k;
		fold_cache[cp].known = true;
	}
	memcpy(out, fold_cache[cp].s, fold_cache[cp].len);
	return fold_cache[cp].len;
}

/* The folded view equals the concatenation of each code point's fold, and
 * its maps are monotone, in bounds, and land on code point boundaries. */
static void check_fold(const char *s, size_t n)
{
	struct rv_fold f;
	rv_text_fold(s, n, &f);
	FUZZ_CHECK(f.text != NULL && f.text[f.len] == '\0');
	FUZZ_CHECK(rv_utf8_valid(f.text, f.len));

	struct rv_buf want = {0};
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t l = rv_utf8_decode(u + i, n - i, &cp);
		FUZZ_CHECK(l > 0);
		char one[32];
		size_t k = fold_cp(cp, one);
		FUZZ_CHECK(k <= sizeof one);
		rv_buf_add(&want, one, k);
		i += l;
	}
	FUZZ_CHECK(want.len == f.len && (f.len == 0 || memcmp(want.p, f.text, f.len) == 0));
	rv_buf_free(&want);

	/* the compact offset map answers as the naive one everywhere */
	const char *what;
	FUZZ_CHECK(fold_ref_compare(s, n, &f, &what) == 0);

	size_t prev_lo = 0, prev_hi = 0;
	for (size_t off = 0; off <= f.len; off++) {
		if (!fuzz_cp_boundary(f.text, f.len, off))
			continue;
		size_t lo = rv_fold_to_source(&f, off, false), hi = rv_fold_to_source(&f, off, true);
		FUZZ_CHECK(lo <= hi && hi <= n);
		FUZZ_CHECK(fuzz_cp_boundary(s, n, lo) && fuzz_cp_boundary(s, n, hi));
		FUZZ_CHECK(lo >= prev_lo && hi >= prev_hi);
		/* Back again: where lo and hi fold to brackets off. (Not the
		 * other way round: a source offset before a code point the fold
		 * removes shares its folded offset with the one after it.) */
		FUZZ_CHECK(rv_fold_from_source(&f, lo) <= off && rv_fold_from_source(&f, hi) >= off);
		prev_lo = lo;
		prev_hi = hi;
	}
	size_t prev = 0;
	for (size_t off = 0; off <= n; off++) {
		if (!fuzz_cp_boundary(s, n, off))
			continue;
		size_t fo = rv_fold_from_source(&f, off);
		FUZZ_CHECK(fo <= f.len && fo >= prev);
		FUZZ_CHECK(fuzz_cp_boundary(f.text, f.len, fo));
		prev = fo;
	}
	rv_fold_free(&f);
}

/* Spans in order, not overlapping, non-empty, inside s, on boundaries. */
static void check_spans(const char *s, size_t n, const struct rv_span *v, size_t count)
{
	size_t at = 0;
	for (size_t i = 0; i < count; i++) {
		FUZZ_CHECK(v[i].start >= at && v[i].start < v[i].end && v[i].end <= n);
		FUZZ_CHECK(fuzz_cp_boundary(s, n, v[i].start) && fuzz_cp_boundary(s, n, v[i].end));
		at = v[i].end;
	}
}

static void check_segments(const char *s, size_t n)
{
	struct rv_span *w = NULL, *st = NULL;
	size_t nw = rv_text_words(s, n, &w);
	FUZZ_CHECK(rv_text_words(s, n, NULL) == nw);
	check_spans(s, n, w, nw);
	size_t ns = rv_text_sentences(s, n, &st);
	check_spans(s, n, st, ns);
	for (size_t i = 0; i < ns; i++) {
		FUZZ_CHECK(s[st[i].start] != ' ' && s[st[i].start] != '\n');
		FUZZ_CHECK(s[st[i].end - 1] != ' ' && s[st[i].end - 1] != '\n');
	}
	free(w);
	free(st);
	const char *lang = rv_text_guess_lang(s, n);
	FUZZ_CHECK(!strcmp(lang, "fr") || !strcmp(lang, "en") || !strcmp(lang, "other"));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *raw = (const char *)data;
	/* The flags from the last byte: all four combinations on every input
	 * cost four times as much for little more coverage. */
	check_sanitizer(raw, size, size ? data[size - 1] & (RV_SAN_ONE_LINE | RV_SAN_ASCII) : 0);
	char *dup = rv_sanitize_dup(raw, size);
	check_safe(dup, strlen(dup), RV_SAN_ONE_LINE);
	free(dup);

	/* The rest needs valid UTF-8: what the decoder hands on. */
	struct rv_decoded d;
	if (rv_decode(data, size, &d) != RV_DECODE_OK)
		return 0;
	check_nfc(d.text, d.len);
	size_t nl;
	char *nfc = rv_text_nfc(d.text, d.len, &nl);
	free(d.text);
	check_fold(nfc, nl);
	check_segments(nfc, nl);
	free(nfc);
	return 0;
}
