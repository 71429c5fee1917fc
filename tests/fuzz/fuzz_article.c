/* fuzz_article.c — one article from raw bytes, as the corpus loader reads a
 * file: decoding (BOMs, UTF-16, Windows-1252, damaged UTF-8, CR), the header
 * block, title and date inference, NFC and the folded view.
 *
 * Checks: the body and every header string are valid UTF-8 without CR (and
 * header strings on one line); plain UTF-8 decodes to itself; the
 * body is already NFC; the two decoding entry points agree; a date that
 * parses formats and parses back to itself.
 */
#include "fuzz.h"

#include "revue/corpus.h"
#include "revue/decode.h"
#include "revue/text.h"

/* A header value or an inferred title: valid UTF-8 on one line. */
static void check_string(const char *s)
{
	FUZZ_CHECK(s != NULL);
	FUZZ_CHECK(rv_utf8_valid(s, strlen(s)));
	FUZZ_CHECK(strchr(s, '\n') == NULL);
}

static void check_date(const struct rv_date *d)
{
	if (d->precision == RV_DATE_NONE)
		return;
	if (d->precision >= RV_DATE_MONTH)
		FUZZ_CHECK(d->month >= 1 && d->month <= 12);
	if (d->precision == RV_DATE_DAY)
		FUZZ_CHECK(d->day >= 1 && d->day <= 31);
	char buf[11]; /* the size date.h asks for: ASan sees an overflow */
	rv_date_format(d, buf);
	struct rv_date back;
	FUZZ_CHECK(rv_date_parse(buf, strlen(buf), &back));
	FUZZ_CHECK(back.precision == d->precision && back.year == d->year);
	if (d->precision >= RV_DATE_MONTH)
		FUZZ_CHECK(back.month == d->month);
	if (d->precision == RV_DATE_DAY)
		FUZZ_CHECK(back.day == d->day);
}

static void check_decode(const uint8_t *data, size_t size)
{
	struct rv_decoded a, b;
	enum rv_decode_status sa = rv_decode(data, size, &a);
	unsigned char *copy = malloc(size + 1);
	FUZZ_CHECK(copy != NULL);
	if (size)
		memcpy(copy, data, size);
	enum rv_decode_status sb = rv_decode_take(copy, size, &b);
	FUZZ_CHECK(sa == sb);
	if (sa == RV_DECODE_OK) {
		FUZZ_CHECK(a.text && b.text);
		FUZZ_CHECK(a.len == b.len && memcmp(a.text, b.text, a.len) == 0);
		FUZZ_CHECK(a.text[a.len] == '\0');
		FUZZ_CHECK(a.encoding == b.encoding && a.replaced == b.replaced);
		FUZZ_CHECK(rv_utf8_valid(a.text, a.len));
		FUZZ_CHECK(memchr(a.text, '\r', a.len) == NULL);
	}
	/* Valid UTF-8 without BOM, CR or NUL is taken as it is (decode.h, rule 3). */
	bool plain = rv_utf8_valid((const char *)data, size) && !memchr(data, '\r', size) &&
		     !memchr(data, '\0', size) && !(size >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3));
	if (plain) {
		FUZZ_CHECK(sa == RV_DECODE_OK && a.encoding == RV_ENC_UTF8 && a.replaced == 0);
		FUZZ_CHECK(a.len == size && (size == 0 || memcmp(a.text, data, size) == 0));
	}
	free(a.text);
	free(b.text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_decode(data, size);

	struct rv_date d;
	if (rv_date_parse((const char *)data, size, &d))
		check_date(&d);

	struct rv_article a;
	struct rv_diags diags = {0};
	memset(&a, 0, sizeof a);
	if (rv_article_from_bytes("fuzz.txt", data, size, &a, &diags)) {
		FUZZ_CHECK(a.body != NULL && a.body[a.body_len] == '\0');
		FUZZ_CHECK(rv_utf8_valid(a.body, a.body_len));
		FUZZ_CHECK(memchr(a.body, '\r', a.body_len) == NULL);
		FUZZ_CHECK(a.body_line >= 1);
		check_string(a.title);
		check_string(a.source);
		check_string(a.lang);
		check_string(a.url);
		check_string(a.author);
		for (size_t i = 0; i < a.n_extra; i++) {
			check_string(a.extra[i].key);
			check_string(a.extra[i].value);
		}
		check_date(&a.date);
		size_t nl;
		char *nfc = rv_text_nfc(a.body, a.body_len, &nl);
		FUZZ_CHECK(nl == a.body_len && memcmp(nfc, a.body, nl) == 0);
		free(nfc);
		FUZZ_CHECK(a.fold.text != NULL && a.fold.text[a.fold.len] == '\0');
		FUZZ_CHECK(rv_utf8_valid(a.fold.text, a.fold.len));
	}
	rv_article_free(&a); /* even refused, it holds its id */
	rv_diag_free(&diags);
	return 0;
}
