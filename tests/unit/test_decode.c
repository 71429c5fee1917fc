/* Tests of the decoder: raw file bytes to UTF-8 with LF line ends
 * (include/revue/decode.h), and of the strict UTF-8 primitives under it. */
#include "testutil.h"

#include "revue/decode.h"
#include "revue/util.h"

#include <dirent.h>

/* --- helpers -------------------------------------------------------------- */

#define FFFD "\xEF\xBF\xBD"

/* Decodes n bytes that must not be binary; the caller frees out->text. */
static void decode_ok(const char *raw, size_t n, struct rv_decoded *out)
{
	assert_int_equal(rv_decode((const unsigned char *)raw, n, out), RV_DECODE_OK);
	assert_non_null(out->text);
	assert_int_equal(out->text[out->len], '\0');
	assert_true(rv_utf8_valid(out->text, out->len));
}

/* Decodes raw and compares the text byte for byte, the encoding and the
 * count of replacement characters written. */
static void expect_decode(const char *raw, size_t n, const char *want, size_t want_len, enum rv_encoding enc,
                          size_t replaced)
{
	struct rv_decoded d;
	decode_ok(raw, n, &d);
	assert_int_equal(d.len, want_len);
	assert_memory_equal(d.text, want, want_len);
	assert_string_equal(rv_encoding_name(d.encoding), rv_encoding_name(enc));
	assert_int_equal(d.replaced, replaced);
	free(d.text);
}

#define EXPECT(raw, want, enc, rep) expect_decode(raw, sizeof raw - 1, want, sizeof want - 1, enc, rep)

static size_t count_byte(const char *s, size_t n, unsigned char c)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += (unsigned char)s[i] == c;
	return k;
}

static size_t count_crlf(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i + 1 < n; i++)
		k += s[i] == '\r' && s[i + 1] == '\n';
	return k;
}

static uint64_t lcg_state;

static void lcg_seed(uint64_t seed)
{
	lcg_state = seed;
}

/* Knuth's MMIX constants; the high bits are the good ones. */
static uint32_t lcg(void)
{
	lcg_state = lcg_state * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)(lcg_state >> 33);
}

/* --- valid UTF-8 ----------------------------------------------------------- */

static void test_utf8_ascii_passthrough(void **state)
{
	(void)state;
	EXPECT("Hello, world.\nSecond line\n", "Hello, world.\nSecond line\n", RV_ENC_UTF8, 0);
}

static void test_utf8_french_passthrough(void **state)
{
	(void)state;
	EXPECT("L\xE2\x80\x99\xC3\xA9t\xC3\xA9 \xC3\xA0 No\xC3\xABl, \xC2\xAB d\xC3\xA9j\xC3\xA0 \xC2\xBB "
	       "\xE2\x80\x94 3,5 \xE2\x82\xAC, \xC5\x93uvre",
	       "L\xE2\x80\x99\xC3\xA9t\xC3\xA9 \xC3\xA0 No\xC3\xABl, \xC2\xAB d\xC3\xA9j\xC3\xA0 \xC2\xBB "
	       "\xE2\x80\x94 3,5 \xE2\x82\xAC, \xC5\x93uvre",
	       RV_ENC_UTF8, 0);
}

static void test_utf8_astral_passthrough(void **state)
{
	(void)state;
	/* An emoji, CJK, and U+10FFFF, the last code point. */
	EXPECT("\xF0\x9F\x98\x80 \xE4\xB8\xAD\xE6\x96\x87 \xF4\x8F\xBF\xBF",
	       "\xF0\x9F\x98\x80 \xE4\xB8\xAD\xE6\x96\x87 \xF4\x8F\xBF\xBF", RV_ENC_UTF8, 0);
}

static void test_utf8_existing_fffd_not_counted(void **state)
{
	(void)state;
	/* A U+FFFD already in valid text is text, not a repair. */
	EXPECT("caf" FFFD, "caf" FFFD, RV_ENC_UTF8, 0);
}

static void test_empty_input(void **state)
{
	(void)state;
	struct rv_decoded d;
	decode_ok("", 0, &d);
	assert_int_equal(d.len, 0);
	assert_int_equal(d.encoding, RV_ENC_UTF8);
	assert_int_equal(d.replaced, 0);
	free(d.text);
}

/* --- byte-order marks ------------------------------------------------------ */

static void test_utf8_bom_dropped(void **state)
{
	(void)state;
	EXPECT("\xEF\xBB\xBF"
	       "Bonjour",
	       "Bonjour", RV_ENC_UTF8, 0);
}

static void test_utf8_bom_doubled_dropped(void **state)
{
	(void)state;
	EXPECT("\xEF\xBB\xBF\xEF\xBB\xBF"
	       "Title: x\n",
	       "Title: x\n", RV_ENC_UTF8, 0);
	EXPECT("\xEF\xBB\xBF\xEF\xBB\xBF\xEF\xBB\xBF"
	       "a",
	       "a", RV_ENC_UTF8, 0);
}

static void test_utf8_bom_only(void **state)
{
	(void)state;
	EXPECT("\xEF\xBB\xBF", "", RV_ENC_UTF8, 0);
}

static void test_utf8_bom_in_middle_kept(void **state)
{
	(void)state;
	/* Only a leading BOM is a mark; U+FEFF inside text is left for the
	 * sanitizer to show. */
	EXPECT("a\xEF\xBB\xBF"
	       "b",
	       "a\xEF\xBB\xBF"
	       "b",
	       RV_ENC_UTF8, 0);
}

static void test_utf8_bom_then_latin1(void **state)
{
	(void)state;
	/* The BOM goes, and the rest is judged on its own. */
	EXPECT("\xEF\xBB\xBF"
	       "Un r\xE9sum\xE9 assez long pour la r\xE8gle.",
	       "Un r\xC3\xA9sum\xC3\xA9 assez long pour la r\xC3\xA8gle.", RV_ENC_CP1252, 0);
}

/* --- UTF-16 ---------------------------------------------------------------- */

static void test_utf16le_basic(void **state)
{
	(void)state;
	/* "Élan\r\n" */
	EXPECT("\xFF\xFE\xC9\x00l\x00"
	       "a\x00n\x00\r\x00\n\x00",
	       "\xC3\x89lan\n", RV_ENC_UTF16LE, 0);
}

static void test_utf16be_basic(void **state)
{
	(void)state;
	/* "No\u00EBl \u20AC" */
	EXPECT("\xFE\xFF\x00N\x00o\x00\xEB\x00l\x00 \x20\xAC", "No\xC3\xABl \xE2\x82\xAC", RV_ENC_UTF16BE, 0);
}

static void test_utf16le_surrogate_pair(void **state)
{
	(void)state;
	/* U+1F600 = D83D DE00, then U+10FFFF = DBFF DFFF */
	EXPECT("\xFF\xFE\x3D\xD8\x00\xDE\xFF\xDB\xFF\xDF", "\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF", RV_ENC_UTF16LE,
	       0);
}

static void test_utf16be_surrogate_pair(void **state)
{
	(void)state;
	/* U+10000 = D800 DC00, then "!" */
	EXPECT("\xFE\xFF\xD8\x00\xDC\x00\x00!", "\xF0\x90\x80\x80!", RV_ENC_UTF16BE, 0);
}

static void test_utf16_unpaired_high_surrogate(void **state)
{
	(void)state;
	/* D83D followed by 'A': the 'A' must survive. */
	EXPECT("\xFF\xFE\x3D\xD8"
	       "A\x00",
	       FFFD "A", RV_ENC_UTF16LE, 1);
	EXPECT("\xFE\xFF\xD8\x3D\x00"
	       "A",
	       FFFD "A", RV_ENC_UTF16BE, 1);
}

static void test_utf16_unpaired_low_surrogate(void **state)
{
	(void)state;
	EXPECT("\xFF\xFE"
	       "a\x00\x00\xDC"
	       "b\x00",
	       "a" FFFD "b", RV_ENC_UTF16LE, 1);
}

static void test_utf16_high_surrogate_at_end(void **state)
{
	(void)state;
	EXPECT("\xFE\xFF\x00"
	       "a\xDB\xFF",
	       "a" FFFD, RV_ENC_UTF16BE, 1);
}

static void test_utf16_reversed_pair(void **state)
{
	(void)state;
	/* Low then high: two unpaired halves. */
	EXPECT("\xFE\xFF\xDC\x00\xD8\x00", FFFD FFFD, RV_ENC_UTF16BE, 2);
}

static void test_utf16_two_high_then_low(void **state)
{
	(void)state;
	/* The first high is unpaired; the second pairs with the low. */
	EXPECT("\xFE\xFF\xD8\x3D\xD8\x3D\xDE\x00", FFFD "\xF0\x9F\x98\x80", RV_ENC_UTF16BE, 1);
}

static void test_utf16_odd_trailing_byte(void **state)
{
	(void)state;
	EXPECT("\xFF\xFE"
	       "A\x00"
	       "B",
	       "A" FFFD, RV_ENC_UTF16LE, 1);
}

static void test_utf16_line_ends(void **state)
{
	(void)state;
	/* a CR b CR LF c LF CR d */
	EXPECT("\xFE\xFF\x00"
	       "a\x00\r\x00"
	       "b\x00\r\x00\n\x00"
	       "c\x00\n\x00\r\x00"
	       "d",
	       "a\nb\nc\n\nd", RV_ENC_UTF16BE, 0);
}

static void test_utf16_bom_only_and_doubled(void **state)
{
	(void)state;
	EXPECT("\xFF\xFE", "", RV_ENC_UTF16LE, 0);
	EXPECT("\xFF\xFE\xFF\xFE"
	       "A\x00",
	       "A", RV_ENC_UTF16LE, 0);
}

static void test_utf16_nul_is_not_binary(void **state)
{
	(void)state;
	/* ASCII in UTF-16 is half NUL bytes: the BOM rule comes first. */
	struct rv_decoded d;
	decode_ok("\xFF\xFEO\x00K\x00", 6, &d);
	assert_string_equal(d.text, "OK");
	free(d.text);
}

/* --- binary ---------------------------------------------------------------- */

static void test_binary_nul_at_start(void **state)
{
	(void)state;
	struct rv_decoded d;
	assert_int_equal(rv_decode((const unsigned char *)"\0abc", 4, &d), RV_DECODE_BINARY);
	assert_null(d.text);
	assert_int_equal(d.binary_offset, 0);
}

static void test_binary_nul_in_middle(void **state)
{
	(void)state;
	struct rv_decoded d;
	assert_int_equal(rv_decode((const unsigned char *)"Bonjour\0monde", 13, &d), RV_DECODE_BINARY);
	assert_null(d.text);
	assert_int_equal(d.binary_offset, 7);
}

static void test_binary_gzip_magic(void **state)
{
	(void)state;
	struct rv_decoded d;
	static const unsigned char gz[] = {0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03};
	assert_int_equal(rv_decode(gz, sizeof gz, &d), RV_DECODE_BINARY);
	assert_int_equal(d.binary_offset, 3);
}

static void test_binary_nul_at_last_probed_byte(void **state)
{
	(void)state;
	char *buf = malloc(10000);
	memset(buf, 'a', 10000);
	buf[7999] = '\0';
	struct rv_decoded d;
	assert_int_equal(rv_decode((const unsigned char *)buf, 10000, &d), RV_DECODE_BINARY);
	assert_int_equal(d.binary_offset, 7999);
	assert_null(d.text);
	free(buf);
}

static void test_nul_after_probe_is_not_binary(void **state)
{
	(void)state;
	char *buf = malloc(10000);
	memset(buf, 'a', 10000);
	buf[8000] = '\0';
	buf[9999] = '\0';
	struct rv_decoded d;
	decode_ok(buf, 10000, &d);
	assert_int_equal(d.encoding, RV_ENC_UTF8);
	assert_int_equal(d.len, 10000); /* nothing truncated at the NUL */
	assert_int_equal(d.text[7999], 'a');
	assert_int_equal(d.text[8000], '\0');
	assert_int_equal(d.text[8001], 'a');
	free(d.text);
	free(buf);
}

static void test_binary_after_utf8_bom(void **state)
{
	(void)state;
	struct rv_decoded d;
	assert_int_equal(rv_decode((const unsigned char *)"\xEF\xBB\xBF"
	                                                  "ab\0",
	                           6, &d),
	                 RV_DECODE_BINARY);
	assert_null(d.text);
}

static void test_binary_wins_over_latin1(void **state)
{
	(void)state;
	struct rv_decoded d;
	assert_int_equal(rv_decode((const unsigned char *)"\xE9t\xE9\0", 4, &d), RV_DECODE_BINARY);
	assert_int_equal(d.binary_offset, 3);
}

/* --- line ends ------------------------------------------------------------- */

static void test_crlf_to_lf(void **state)
{
	(void)state;
	EXPECT("Titre\r\n\r\nCorps\r\n", "Titre\n\nCorps\n", RV_ENC_UTF8, 0);
}

static void test_lone_cr_to_lf(void **state)
{
	(void)state;
	EXPECT("a\rb\r", "a\nb\n", RV_ENC_UTF8, 0);
	EXPECT("\r", "\n", RV_ENC_UTF8, 0);
	EXPECT("\r\r", "\n\n", RV_ENC_UTF8, 0);
}

static void test_mixed_line_ends(void **state)
{
	(void)state;
	EXPECT("a\r\nb\rc\nd\r\r\ne\n\rf", "a\nb\nc\nd\n\ne\n\nf", RV_ENC_UTF8, 0);
}

static void test_crlf_around_multibyte(void **state)
{
	(void)state;
	EXPECT("\xC3\xA9\r\n\xC3\xA9\r\xC3\xA9\r", "\xC3\xA9\n\xC3\xA9\n\xC3\xA9\n", RV_ENC_UTF8, 0);
}

static void test_crlf_in_cp1252(void **state)
{
	(void)state;
	EXPECT("Le caf\xE9\r\nest pr\xEAt.\rOui.\r\n", "Le caf\xC3\xA9\nest pr\xC3\xAAt.\nOui.\n",
	       RV_ENC_CP1252, 0);
}

static void test_crlf_in_repaired_utf8(void **state)
{
	(void)state;
	/* A CR just before an invalid sequence, and a CRLF right after one. */
	EXPECT("x\r\xE2\x82\r\ny", "x\n" FFFD "\ny", RV_ENC_UTF8_REPAIRED, 1);
}

/* --- Windows-1252 ---------------------------------------------------------- */

static void test_cp1252_french(void **state)
{
	(void)state;
	/* On its own, "L'\xE9t\xE9 \xE0 No\xEBl" is 4 high bytes in 13, over the
	 * 30 % of rule 4, so it reads as damaged UTF-8; in a sentence of
	 * ordinary length it is Windows-1252. */
	EXPECT("Il neige ici, de L'\xE9t\xE9 \xE0 No\xEBl, sans arr\xEAt.",
	       "Il neige ici, de L'\xC3\xA9t\xC3\xA9 \xC3\xA0 No\xC3\xABl, sans arr\xC3\xAAt.", RV_ENC_CP1252,
	       0);
}

static void test_cp1252_smart_quotes_and_euro(void **state)
{
	(void)state;
	EXPECT("Il a dit \x93"
	       "bonjour\x94 pour 5\x80, \x85 peu pr\xE8s \x96 rien.",
	       "Il a dit \xE2\x80\x9C"
	       "bonjour\xE2\x80\x9D pour 5\xE2\x82\xAC, \xE2\x80\xA6 peu pr\xC3\xA8s "
	       "\xE2\x80\x93 rien.",
	       RV_ENC_CP1252, 0);
}

static void test_cp1252_oe_and_guillemets(void **state)
{
	(void)state;
	EXPECT("Une \x9Cuvre, dit-il, \xAB vraiment \xBB unique.",
	       "Une \xC5\x93uvre, dit-il, \xC2\xAB vraiment \xC2\xBB unique.", RV_ENC_CP1252, 0);
}

static void test_cp1252_apostrophe_english(void **state)
{
	(void)state;
	EXPECT("It\x92s the company\x92s best quarter since 2019.",
	       "It\xE2\x80\x99s the company\xE2\x80\x99s best quarter since 2019.", RV_ENC_CP1252, 0);
}

/* Windows-1252 0x80..0x9F as published by the WHATWG encoding standard;
 * 0 where the byte is undefined. */
static const unsigned cp1252_ref[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static void test_cp1252_every_high_byte(void **state)
{
	(void)state;
	for (unsigned b = 0x80; b <= 0xFF; b++) {
		char in[64], want[64];
		int n = snprintf(in, sizeof in, "Le signe %c est ici, dans la phrase.", (char)b);
		unsigned cp = b >= 0xA0 ? b : cp1252_ref[b - 0x80];
		char enc[4];
		size_t el = rv_utf8_encode(cp ? cp : 0xFFFD, enc);
		int wn = snprintf(want, sizeof want, "Le signe %.*s est ici, dans la phrase.", (int)el, enc);
		struct rv_decoded d;
		decode_ok(in, (size_t)n, &d);
		assert_int_equal(d.len, (size_t)wn);
		assert_memory_equal(d.text, want, (size_t)wn);
		if (cp) {
			assert_int_equal(d.encoding, RV_ENC_CP1252);
			assert_int_equal(d.replaced, 0);
		} else { /* 81 8D 8F 90 9D: evidence of damaged UTF-8 */
			assert_int_equal(d.encoding, RV_ENC_UTF8_REPAIRED);
			assert_int_equal(d.replaced, 1);
		}
		free(d.text);
	}
}

static void test_undefined_cp1252_bytes_force_repair(void **state)
{
	(void)state;
	static const unsigned char undefined[] = {0x81, 0x8D, 0x8F, 0x90, 0x9D};
	for (size_t k = 0; k < sizeof undefined; k++) {
		char in[80];
		/* Latin-1 letters that would otherwise read as Windows-1252. */
		int n =
		    snprintf(in, sizeof in, "Un \xE9t\xE9 tr\xE8s long, et un octet %c au milieu du texte.",
		             (char)undefined[k]);
		struct rv_decoded d;
		decode_ok(in, (size_t)n, &d);
		assert_int_equal(d.encoding, RV_ENC_UTF8_REPAIRED);
		assert_int_equal(d.replaced, 4); /* two é, one è, the byte */
		assert_null(strstr(d.text, "\xC3\xA9"));
		free(d.text);
	}
}

/* --- damaged UTF-8 ---------------------------------------------------------- */

static void test_truncated_sequence_then_esc(void **state)
{
	(void)state;
	/* A lead byte and one continuation, then ESC: decoding resumes at the
	 * ESC, which stays the single byte 0x1B (the sanitizer shows it). */
	EXPECT("Titre \xE2\x82\x1B[31mrouge", "Titre " FFFD "\x1B[31mrouge", RV_ENC_UTF8_REPAIRED, 1);
	EXPECT("d\xC3\xA9j\xC3\xA0 \xC3\x1B[2J", "d\xC3\xA9j\xC3\xA0 " FFFD "\x1B[2J", RV_ENC_UTF8_REPAIRED,
	       1);
	EXPECT("\xF0\x9F\x98\x1B]0;x\x07", FFFD "\x1B]0;x\x07", RV_ENC_UTF8_REPAIRED, 1);
}

static void test_truncated_sequence_then_ascii(void **state)
{
	(void)state;
	EXPECT("\xE2\x82"
	       "A",
	       FFFD "A", RV_ENC_UTF8_REPAIRED, 1);
}

static void test_truncated_at_end_of_input(void **state)
{
	(void)state;
	EXPECT("caf\xC3\xA9 cr\xC3\xA8me \xE2\x82", "caf\xC3\xA9 cr\xC3\xA8me " FFFD, RV_ENC_UTF8_REPAIRED,
	       1);
}

static void test_bad_second_byte_after_f0(void **state)
{
	(void)state;
	/* F0 needs 90..BF next: F0 alone is the maximal subpart, then each
	 * stray continuation byte is one more. */
	EXPECT("\xF0\x80\x80"
	       "A",
	       FFFD FFFD FFFD "A", RV_ENC_UTF8_REPAIRED, 3);
}

static void test_unicode_table_3_8(void **state)
{
	(void)state;
	/* The example of Unicode §3.9 (Table 3-8): 61 F1 80 80 E1 80 C2 62 80
	 * 63 80 BF 64 gives a FFFD FFFD FFFD b FFFD c FFFD FFFD d. */
	EXPECT("a\xF1\x80\x80\xE1\x80\xC2"
	       "b\x80"
	       "c\x80\xBF"
	       "d",
	       "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d", RV_ENC_UTF8_REPAIRED, 6);
}

static void test_overlong_slash_never_decodes(void **state)
{
	(void)state;
	EXPECT("\xC0\xAF", FFFD FFFD, RV_ENC_UTF8_REPAIRED, 2);
	EXPECT("\xE0\x80\xAF", FFFD FFFD FFFD, RV_ENC_UTF8_REPAIRED, 3);
	EXPECT("\xF0\x80\x80\xAF", FFFD FFFD FFFD FFFD, RV_ENC_UTF8_REPAIRED, 4);
	/* In a long text the bytes may read as Windows-1252 (À¯): still no '/'. */
	static const char in[] = "Le chemin ..\xC0\xAF..\xC0\xAF"
	                         "etc/passwd est ici, dans un long texte.";
	struct rv_decoded d;
	decode_ok(in, sizeof in - 1, &d);
	assert_int_equal(count_byte(d.text, d.len, '/'), 1);
	free(d.text);
}

static void test_overlong_esc_never_decodes(void **state)
{
	(void)state;
	EXPECT("\xC0\x9B[2J", FFFD FFFD "[2J", RV_ENC_UTF8_REPAIRED, 2);
	EXPECT("\xE0\x80\x9B[2J", FFFD FFFD FFFD "[2J", RV_ENC_UTF8_REPAIRED, 3);
	EXPECT("\xC1\xBF", FFFD FFFD, RV_ENC_UTF8_REPAIRED, 2);
	static const char in[] = "Un texte long et banal, avec \xC0\x9B[2J au milieu, et \xC0\x80 aussi.";
	struct rv_decoded d;
	decode_ok(in, sizeof in - 1, &d);
	assert_int_equal(count_byte(d.text, d.len, 0x1B), 0);
	assert_int_equal(count_byte(d.text, d.len, 0x00), 0);
	free(d.text);
}

static void test_surrogates_in_utf8_rejected(void **state)
{
	(void)state;
	EXPECT("\xED\xA0\x80", FFFD FFFD FFFD, RV_ENC_UTF8_REPAIRED, 3);
	/* A CESU-8 pair (U+1F600 as two 3-byte surrogates). */
	EXPECT("\xED\xA0\xBD\xED\xB8\x80", FFFD FFFD FFFD FFFD FFFD FFFD, RV_ENC_UTF8_REPAIRED, 6);
	/* ED 9F BF is U+D7FF, the last code point before the surrogates. */
	EXPECT("\xED\x9F\xBF", "\xED\x9F\xBF", RV_ENC_UTF8, 0);
}

static void test_above_max_code_point_rejected(void **state)
{
	(void)state;
	EXPECT("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, RV_ENC_UTF8_REPAIRED, 4);
	EXPECT("\xF5\x80\x80\x80", FFFD FFFD FFFD FFFD, RV_ENC_UTF8_REPAIRED, 4);
	EXPECT("\xFF\xFF\xFF", FFFD FFFD FFFD, RV_ENC_UTF8_REPAIRED, 3);
	/* two accented letters in a row are ordinary Windows-1252 French */
	EXPECT("cr\xE9\xE9" "e", "cr\xC3\xA9\xC3\xA9" "e", RV_ENC_CP1252, 0);
}

static void test_valid_majority_means_utf8(void **state)
{
	(void)state;
	/* Two good sequences, one bad byte: damaged UTF-8, not Latin-1. */
	EXPECT("caf\xC3\xA9 cr\xC3\xA8me br\xFBl\xC3\xA9"
	       "e et voil\xE0 tout le reste du texte",
	       "caf\xC3\xA9 cr\xC3\xA8me br" FFFD "l\xC3\xA9"
	       "e et voil" FFFD " tout le reste du texte",
	       RV_ENC_UTF8_REPAIRED, 2);
}

static void test_high_byte_ratio_means_utf8(void **state)
{
	(void)state;
	/* More than 30 % of bytes above 0x7F and no other evidence. */
	EXPECT("\xE9\xE8\xE0", FFFD FFFD FFFD, RV_ENC_UTF8_REPAIRED, 3);
}

static void test_replaced_count_matches_output(void **state)
{
	(void)state;
	struct rv_decoded d;
	static const char in[] = "\xFF"
	                         "a\xC0\xAF"
	                         "b\xE2\x82"
	                         "c\xF4\x90\x80\x80";
	decode_ok(in, sizeof in - 1, &d);
	size_t fffd = 0;
	for (const char *p = d.text; (p = strstr(p, FFFD)); p += 3)
		fffd++;
	assert_int_equal(fffd, d.replaced);
	assert_int_equal(d.replaced, 1 + 2 + 1 + 4);
	free(d.text);
}

/* --- the primitives --------------------------------------------------------- */

static void test_encoding_names(void **state)
{
	(void)state;
	assert_string_equal(rv_encoding_name(RV_ENC_UTF8), "utf-8");
	assert_string_equal(rv_encoding_name(RV_ENC_UTF8_REPAIRED), "utf-8-repaired");
	assert_string_equal(rv_encoding_name(RV_ENC_UTF16LE), "utf-16le");
	assert_string_equal(rv_encoding_name(RV_ENC_UTF16BE), "utf-16be");
	assert_string_equal(rv_encoding_name(RV_ENC_CP1252), "windows-1252");
}

static size_t expected_utf8_len(unsigned cp)
{
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

static void test_utf8_round_trip_every_code_point(void **state)
{
	(void)state;
	for (unsigned cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char buf[4];
		size_t l = rv_utf8_encode(cp, buf);
		assert_int_equal(l, expected_utf8_len(cp));
		unsigned back = 0xFFFFFFFFu;
		size_t dl = rv_utf8_decode((const unsigned char *)buf, l, &back);
		if (dl != l || back != cp)
			fail_msg("U+%04X: encoded in %zu bytes, decoded %zu bytes as U+%04X", cp, l, dl,
			         back);
		/* One byte short is never a valid sequence. */
		if (l > 1 && rv_utf8_decode((const unsigned char *)buf, l - 1, &back) != 0)
			fail_msg("U+%04X: truncated sequence accepted", cp);
		assert_true(rv_utf8_valid(buf, l));
	}
}

static void test_utf8_encode_out_of_range(void **state)
{
	(void)state;
	char buf[4];
	assert_int_equal(rv_utf8_encode(0xD800, buf), 3);
	assert_memory_equal(buf, FFFD, 3);
	assert_int_equal(rv_utf8_encode(0xDFFF, buf), 3);
	assert_memory_equal(buf, FFFD, 3);
	assert_int_equal(rv_utf8_encode(0x110000, buf), 3);
	assert_memory_equal(buf, FFFD, 3);
	assert_int_equal(rv_utf8_encode(0xFFFFFFFFu, buf), 3);
	assert_memory_equal(buf, FFFD, 3);
}

static void test_utf8_decode_rejects(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		size_t n;
	} bad[] = {
	    {"\x80", 1},
	    {"\xBF", 1},
	    {"\xC0\x80", 2},
	    {"\xC1\xBF", 2},
	    {"\xC2", 1},
	    {"\xC2\x41", 2},
	    {"\xC2\xC0", 2},
	    {"\xE0\x9F\xBF", 3},
	    {"\xE0\xA0", 2},
	    {"\xED\xA0\x80", 3},
	    {"\xED\xBF\xBF", 3},
	    {"\xEF\xBF", 2},
	    {"\xF0\x8F\xBF\xBF", 4},
	    {"\xF4\x90\x80\x80", 4},
	    {"\xF5\x80\x80\x80", 4},
	    {"\xF7\xBF\xBF\xBF", 4},
	    {"\xF8\x88\x80\x80\x80", 5},
	    {"\xFE", 1},
	    {"\xFF", 1},
	};
	for (size_t i = 0; i < RV_ARRAY_LEN(bad); i++) {
		unsigned cp;
		if (rv_utf8_decode((const unsigned char *)bad[i].s, bad[i].n, &cp) != 0)
			fail_msg("case %zu accepted as U+%04X", i, cp);
		assert_false(rv_utf8_valid(bad[i].s, bad[i].n));
	}
}

static void test_utf8_decode_boundaries(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		size_t n;
		unsigned cp;
	} good[] = {
	    {"\x7F", 1, 0x7F},
	    {"\xC2\x80", 2, 0x80},
	    {"\xDF\xBF", 2, 0x7FF},
	    {"\xE0\xA0\x80", 3, 0x800},
	    {"\xED\x9F\xBF", 3, 0xD7FF},
	    {"\xEE\x80\x80", 3, 0xE000},
	    {"\xEF\xBF\xBF", 3, 0xFFFF},
	    {"\xF0\x90\x80\x80", 4, 0x10000},
	    {"\xF4\x8F\xBF\xBF", 4, 0x10FFFF},
	};
	for (size_t i = 0; i < RV_ARRAY_LEN(good); i++) {
		unsigned cp = 0;
		assert_int_equal(rv_utf8_decode((const unsigned char *)good[i].s, good[i].n, &cp), good[i].n);
		assert_int_equal(cp, good[i].cp);
	}
}

/* Every string of three bytes (and a fourth from a handful): whatever
 * rv_utf8_decode accepts is exactly the one canonical encoding of what it
 * returns. With the round trip above, this is the whole strictness claim. */
static void test_utf8_decode_strict_exhaustive(void **state)
{
	(void)state;
	static const unsigned char fourth[] = {0x00, 0x41, 0x80, 0x8F, 0x90, 0xBF, 0xC0, 0xFF};
	unsigned char s[4];
	for (unsigned a = 0; a < 256; a++) {
		for (unsigned b = 0; b < 256; b++) {
			for (unsigned c = 0; c < 256; c++) {
				for (size_t k = 0; k < (a >= 0xF0 ? sizeof fourth : 1); k++) {
					s[0] = (unsigned char)a;
					s[1] = (unsigned char)b;
					s[2] = (unsigned char)c;
					s[3] = fourth[k];
					unsigned cp = 0;
					size_t l = rv_utf8_decode(s, 4, &cp);
					if (!l)
						continue;
					char enc[4];
					size_t el = rv_utf8_encode(cp, enc);
					if (el != l || memcmp(enc, s, l) != 0 ||
					    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
						fail_msg("%02X %02X %02X %02X accepted as U+%04X (%zu bytes)",
						         a, b, c, s[3], cp, l);
				}
			}
		}
	}
}

static size_t invalid_len(const char *s, size_t n)
{
	return rv_utf8_invalid_len((const unsigned char *)s, n);
}

static void test_invalid_len_examples(void **state)
{
	(void)state;
	assert_int_equal(invalid_len("\xE2\x82"
	                             "A",
	                             3),
	                 2);
	assert_int_equal(invalid_len("\xE2\x82", 2), 2); /* bounded by n */
	assert_int_equal(invalid_len("\xF0\x80\x80"
	                             "A",
	                             4),
	                 1);
	assert_int_equal(invalid_len("\xF0\x90\x80"
	                             "A",
	                             4),
	                 3);
	assert_int_equal(invalid_len("\xF0\x90\x80", 3), 3);
	assert_int_equal(invalid_len("\xF4\x8F\xBF"
	                             "A",
	                             4),
	                 3);
	assert_int_equal(invalid_len("\xF4\x90", 2), 1);
	assert_int_equal(invalid_len("\xE0\x80\xAF", 3), 1);
	assert_int_equal(invalid_len("\xE0\xA0"
	                             "A",
	                             3),
	                 2);
	assert_int_equal(invalid_len("\xED\xA0\x80", 3), 1);
	assert_int_equal(invalid_len("\xED\x9F"
	                             "A",
	                             3),
	                 2);
	assert_int_equal(invalid_len("\xC2"
	                             "A",
	                             2),
	                 1);
	assert_int_equal(invalid_len("\xC2", 1), 1);
	assert_int_equal(invalid_len("\xC0\xAF", 2), 1);
	assert_int_equal(invalid_len("\x80\x80", 2), 1);
	assert_int_equal(invalid_len("\xFF\x80", 2), 1);
	assert_int_equal(invalid_len("\xE2\x82\x1B", 3), 2);
}

/* Prefixes of well-formed sequences, from the encoder: a reference for the
 * maximal subpart that shares no code with rv_utf8_invalid_len. */
static void build_prefix_tables(unsigned char *p1, unsigned char *p2, unsigned char *p3)
{
	memset(p1, 0, 256);
	memset(p2, 0, 65536);
	memset(p3, 0, 1u << 24);
	for (unsigned cp = 0x80; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		unsigned char e[4];
		size_t l = rv_utf8_encode(cp, (char *)e);
		p1[e[0]] = 1;
		if (l > 2)
			p2[e[0] << 8 | e[1]] = 1;
		if (l > 3)
			p3[(unsigned)e[0] << 16 | (unsigned)e[1] << 8 | e[2]] = 1;
	}
}

static void test_invalid_len_matches_reference(void **state)
{
	(void)state;
	unsigned char *p1 = malloc(256), *p2 = malloc(65536), *p3 = malloc(1u << 24);
	build_prefix_tables(p1, p2, p3);
	static const unsigned char fourth[] = {0x41, 0x80};
	unsigned char s[4];
	for (unsigned a = 0x80; a < 256; a++) {
		for (unsigned b = 0; b < 256; b++) {
			for (unsigned c = 0; c < 256; c++) {
				for (size_t k = 0; k < sizeof fourth; k++) {
					s[0] = (unsigned char)a;
					s[1] = (unsigned char)b;
					s[2] = (unsigned char)c;
					s[3] = fourth[k];
					for (size_t n = 1; n <= 4; n++) {
						unsigned cp;
						if (rv_utf8_decode(s, n, &cp))
							continue;
						size_t want = 1;
						if (p1[a] && n >= 2 && p2[a << 8 | b])
							want = 2;
						if (want == 2 && n >= 3 && p3[a << 16 | b << 8 | c])
							want = 3;
						size_t got = rv_utf8_invalid_len(s, n);
						if (got != want)
							fail_msg("%02X %02X %02X %02X (n=%zu): maximal "
							         "subpart %zu, "
							         "got %zu",
							         a, b, c, s[3], n, want, got);
					}
				}
				if (a < 0xE0 && c > 0)
					break; /* the third byte only matters after E0..F4 */
			}
		}
	}
	free(p1);
	free(p2);
	free(p3);
}

static void test_utf8_valid(void **state)
{
	(void)state;
	assert_true(rv_utf8_valid("", 0));
	assert_true(rv_utf8_valid("plain ascii text that is longer than eight bytes", 48));
	assert_true(rv_utf8_valid("\xC3\xA9t\xC3\xA9", 5));
	assert_true(rv_utf8_valid("\0\0", 2));
	assert_false(rv_utf8_valid("\xE9t\xE9", 3));
	/* The invalid byte after a long ASCII run (the word-at-a-time path). */
	assert_false(rv_utf8_valid("abcdefghijklmnop\x80", 17));
	assert_false(rv_utf8_valid("abcdefg\xC3", 8));
	/* Only the first n bytes count. */
	assert_true(rv_utf8_valid("abc\xC3\xA9\xFF", 5));
	assert_false(rv_utf8_valid("abc\xC3\xA9\xFF", 4));
}

/* --- properties ------------------------------------------------------------- */

/* Bytes that make decoding interesting: ASCII, line ends, ESC, every kind of
 * high byte, and whole valid sequences. */
static size_t random_piece(char *out)
{
	static const char *const pieces[] = {
	    "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xE2\x80\x99", "\xEF\xBB\xBF", "\r\n", FFFD,
	};
	uint32_t r = lcg() % 16;
	if (r < 5) {
		out[0] = (char)(' ' + lcg() % 95);
		return 1;
	}
	if (r == 5) {
		out[0] = "\r\n\x1B\t"[lcg() % 4];
		return 1;
	}
	if (r < 11) {
		out[0] = (char)(0x80 + lcg() % 128);
		return 1;
	}
	const char *p = pieces[lcg() % RV_ARRAY_LEN(pieces)];
	size_t l = strlen(p);
	/* Sometimes a piece cut short: a truncated sequence. */
	if (l > 1 && lcg() % 4 == 0)
		l = 1 + lcg() % (l - 1);
	memcpy(out, p, l);
	return l;
}

static void check_decoded_invariants(const char *in, size_t n, const struct rv_decoded *d)
{
	assert_true(rv_utf8_valid(d->text, d->len));
	assert_int_equal(d->text[d->len], '\0');
	assert_null(memchr(d->text, '\r', d->len));
	if (d->encoding == RV_ENC_UTF16LE || d->encoding == RV_ENC_UTF16BE)
		return;
	/* Every ASCII byte but CR comes through, and nothing adds one: an ESC
	 * or a '/' never appears from a decoded sequence. */
	for (unsigned c = 1; c < 0x80; c++) {
		if (c == '\r' || c == '\n')
			continue;
		if (count_byte(in, n, (unsigned char)c) != count_byte(d->text, d->len, (unsigned char)c))
			fail_msg("byte %02X: %zu in, %zu out", c, count_byte(in, n, (unsigned char)c),
			         count_byte(d->text, d->len, (unsigned char)c));
	}
	assert_int_equal(count_byte(d->text, d->len, '\n'),
	                 count_byte(in, n, '\n') + count_byte(in, n, '\r') - count_crlf(in, n));
	assert_null(memchr(d->text, '\0', d->len));
}

static void test_random_bytes_decode_to_valid_utf8(void **state)
{
	(void)state;
	lcg_seed(20240611);
	char in[512];
	for (int t = 0; t < 600; t++) {
		size_t n = 0, want = lcg() % 400;
		while (n < want)
			n += random_piece(in + n);
		struct rv_decoded d;
		assert_int_equal(rv_decode((const unsigned char *)in, n, &d), RV_DECODE_OK);
		check_decoded_invariants(in, n, &d);
		free(d.text);
	}
}

static void test_random_utf16_decodes_to_valid_utf8(void **state)
{
	(void)state;
	lcg_seed(77);
	unsigned char in[300];
	for (int t = 0; t < 300; t++) {
		size_t n = 2 + lcg() % 290;
		in[0] = t % 2 ? 0xFE : 0xFF;
		in[1] = t % 2 ? 0xFF : 0xFE;
		for (size_t i = 2; i < n; i++) {
			uint32_t r = lcg() % 8;
			/* plenty of surrogate halves and CRs */
			in[i] = (unsigned char)(r == 0   ? 0xD8 + lcg() % 8
			                        : r == 1 ? '\r'
			                        : r == 2 ? 0
			                                 : lcg() % 256);
		}
		struct rv_decoded d;
		assert_int_equal(rv_decode(in, n, &d), RV_DECODE_OK);
		check_decoded_invariants((const char *)in, n, &d);
		free(d.text);
	}
}

/* --- rv_decode_take ---------------------------------------------------------- */

static unsigned char *owned_copy(const char *s, size_t n)
{
	unsigned char *p = malloc(n + 1);
	memcpy(p, s, n);
	return p;
}

static void test_take_adopts_clean_utf8(void **state)
{
	(void)state;
	static const char in[] = "L\xE2\x80\x99\xC3\xA9t\xC3\xA9 \xC3\xA0 No\xC3\xABl\n";
	unsigned char *raw = owned_copy(in, sizeof in - 1);
	struct rv_decoded d;
	assert_int_equal(rv_decode_take(raw, sizeof in - 1, &d), RV_DECODE_OK);
	assert_ptr_equal(d.text, raw); /* no copy */
	assert_int_equal(d.len, sizeof in - 1);
	assert_string_equal(d.text, in);
	assert_int_equal(d.encoding, RV_ENC_UTF8);
	assert_int_equal(d.replaced, 0);
	free(d.text);
}

static void test_take_drops_boms_in_place(void **state)
{
	(void)state;
	static const char in[] = "\xEF\xBB\xBF\xEF\xBB\xBFTitle: x";
	unsigned char *raw = owned_copy(in, sizeof in - 1);
	struct rv_decoded d;
	assert_int_equal(rv_decode_take(raw, sizeof in - 1, &d), RV_DECODE_OK);
	assert_string_equal(d.text, "Title: x");
	assert_int_equal(d.len, 8);
	free(d.text);
}

static void test_take_converts_when_needed(void **state)
{
	(void)state;
	struct rv_decoded d;
	unsigned char *raw = owned_copy("a\r\nb\r", 5);
	assert_int_equal(rv_decode_take(raw, 5, &d), RV_DECODE_OK);
	assert_string_equal(d.text, "a\nb\n");
	free(d.text);
	static const char latin[] = "Un r\xE9sum\xE9 assez long pour la r\xE8gle.";
	raw = owned_copy(latin, sizeof latin - 1);
	assert_int_equal(rv_decode_take(raw, sizeof latin - 1, &d), RV_DECODE_OK);
	assert_int_equal(d.encoding, RV_ENC_CP1252);
	assert_string_equal(d.text, "Un r\xC3\xA9sum\xC3\xA9 assez long pour la r\xC3\xA8gle.");
	free(d.text);
	raw = owned_copy("\xFF\xFE"
	                 "A\x00",
	                 4);
	assert_int_equal(rv_decode_take(raw, 4, &d), RV_DECODE_OK);
	assert_int_equal(d.encoding, RV_ENC_UTF16LE);
	assert_string_equal(d.text, "A");
	free(d.text);
}

static void test_take_binary_frees(void **state)
{
	(void)state;
	struct rv_decoded d;
	unsigned char *raw = owned_copy("abc\0def", 7);
	assert_int_equal(rv_decode_take(raw, 7, &d), RV_DECODE_BINARY);
	assert_null(d.text);
	assert_int_equal(d.binary_offset, 3);
	raw = owned_copy("", 0);
	assert_int_equal(rv_decode_take(raw, 0, &d), RV_DECODE_OK);
	assert_int_equal(d.len, 0);
	assert_string_equal(d.text, "");
	free(d.text);
}

/* Taking ownership changes who allocates, never the result. */
static void test_take_agrees_with_decode(void **state)
{
	(void)state;
	lcg_seed(1789);
	char in[512];
	for (int t = 0; t < 600; t++) {
		size_t n = 0, want = lcg() % 400;
		if (t % 3 == 0) { /* mostly clean text, the adopted case */
			while (n < want) {
				static const char *const clean[] = {"mot ", "\xC3\xA9t\xC3\xA9 ",
				                                    "\xE2\x80\x99", "\n", "\xEF\xBB\xBF"};
				const char *p = clean[lcg() % RV_ARRAY_LEN(clean)];
				memcpy(in + n, p, strlen(p));
				n += strlen(p);
			}
		} else {
			while (n < want)
				n += random_piece(in + n);
		}
		if (t % 50 == 0 && n > 0)
			in[lcg() % n] = '\0';
		struct rv_decoded a, b;
		enum rv_decode_status sa = rv_decode((const unsigned char *)in, n, &a);
		enum rv_decode_status sb = rv_decode_take(owned_copy(in, n), n, &b);
		assert_int_equal(sa, sb);
		if (sa == RV_DECODE_BINARY) {
			assert_int_equal(a.binary_offset, b.binary_offset);
			assert_null(b.text);
			continue;
		}
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.text, b.text, a.len);
		assert_int_equal(b.text[b.len], '\0');
		assert_int_equal(a.encoding, b.encoding);
		assert_int_equal(a.replaced, b.replaced);
		free(a.text);
		free(b.text);
	}
}

/* --- the adversarial corpus -------------------------------------------------- */

static bool has_suffix(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && !strcmp(s + a - b, suffix);
}

static void test_adversarial_files_decode_safely(void **state)
{
	(void)state;
	DIR *dir = opendir(SHARED_DIR "/adversarial");
	if (!dir)
		skip();
	struct dirent *de;
	size_t files = 0;
	while ((de = readdir(dir))) {
		if (!has_suffix(de->d_name, ".txt"))
			continue;
		char path[1024];
		snprintf(path, sizeof path, "%s/adversarial/%s", SHARED_DIR, de->d_name);
		size_t n;
		char *raw = tu_read_file(path, &n);
		if (!raw)
			continue;
		files++;
		struct rv_decoded d;
		if (rv_decode((const unsigned char *)raw, n, &d) == RV_DECODE_OK) {
			assert_true(rv_utf8_valid(d.text, d.len));
			assert_null(memchr(d.text, '\r', d.len));
			assert_int_equal(d.text[d.len], '\0');
			if (d.encoding != RV_ENC_UTF16LE && d.encoding != RV_ENC_UTF16BE)
				assert_int_equal(count_byte(d.text, d.len, 0x1B), count_byte(raw, n, 0x1B));
			free(d.text);
		} else {
			assert_null(d.text);
			assert_true(d.binary_offset < 8000 && d.binary_offset < n);
		}
		free(raw);
	}
	closedir(dir);
	assert_true(files > 0);
}

static struct rv_decoded decode_shared(const char *name, enum rv_decode_status want)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/adversarial/%s", SHARED_DIR, name);
	size_t n;
	char *raw = tu_read_file(path, &n);
	struct rv_decoded d = {0};
	if (!raw)
		return d;
	assert_int_equal(rv_decode((const unsigned char *)raw, n, &d), want);
	free(raw);
	return d;
}

static void test_adversarial_expected_encodings(void **state)
{
	(void)state;
	DIR *dir = opendir(SHARED_DIR "/adversarial");
	if (!dir)
		skip();
	closedir(dir);
	static const struct {
		const char *name;
		enum rv_encoding enc;
	} cases[] = {
	    {"13b_utf8_valid_across_buffer_boundaries.txt", RV_ENC_UTF8},
	    {"37_utf8_bom.txt", RV_ENC_UTF8},
	    {"38_utf16le_bom.txt", RV_ENC_UTF16LE},
	    {"39_utf16be_bom.txt", RV_ENC_UTF16BE},
	    {"40_latin1_french.txt", RV_ENC_CP1252},
	    {"41_cp1252_smart_quotes.txt", RV_ENC_CP1252},
	    {"11_utf8_overlong.txt", RV_ENC_UTF8_REPAIRED},
	    {"12_utf8_surrogates.txt", RV_ENC_UTF8_REPAIRED},
	    {"13_utf8_truncated.txt", RV_ENC_UTF8_REPAIRED},
	};
	for (size_t i = 0; i < RV_ARRAY_LEN(cases); i++) {
		struct rv_decoded d = decode_shared(cases[i].name, RV_DECODE_OK);
		if (!d.text)
			continue;
		if (d.encoding != cases[i].enc)
			fail_msg("%s read as %s", cases[i].name, rv_encoding_name(d.encoding));
		if (i == 0)
			assert_int_equal(d.replaced, 0); /* every € straddling a boundary is whole */
		if (i == 1)                              /* both leading BOMs gone: the first key is Title */
			assert_memory_equal(d.text, "Title", 5);
		free(d.text);
	}
	struct rv_decoded d = decode_shared("31_binary_gzip.txt", RV_DECODE_BINARY);
	assert_null(d.text);
	d = decode_shared("32_binary_random_64KiB.txt", RV_DECODE_BINARY);
	assert_null(d.text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_utf8_ascii_passthrough),
	    cmocka_unit_test(test_utf8_french_passthrough),
	    cmocka_unit_test(test_utf8_astral_passthrough),
	    cmocka_unit_test(test_utf8_existing_fffd_not_counted),
	    cmocka_unit_test(test_empty_input),
	    cmocka_unit_test(test_utf8_bom_dropped),
	    cmocka_unit_test(test_utf8_bom_doubled_dropped),
	    cmocka_unit_test(test_utf8_bom_only),
	    cmocka_unit_test(test_utf8_bom_in_middle_kept),
	    cmocka_unit_test(test_utf8_bom_then_latin1),
	    cmocka_unit_test(test_utf16le_basic),
	    cmocka_unit_test(test_utf16be_basic),
	    cmocka_unit_test(test_utf16le_surrogate_pair),
	    cmocka_unit_test(test_utf16be_surrogate_pair),
	    cmocka_unit_test(test_utf16_unpaired_high_surrogate),
	    cmocka_unit_test(test_utf16_unpaired_low_surrogate),
	    cmocka_unit_test(test_utf16_high_surrogate_at_end),
	    cmocka_unit_test(test_utf16_reversed_pair),
	    cmocka_unit_test(test_utf16_two_high_then_low),
	    cmocka_unit_test(test_utf16_odd_trailing_byte),
	    cmocka_unit_test(test_utf16_line_ends),
	    cmocka_unit_test(test_utf16_bom_only_and_doubled),
	    cmocka_unit_test(test_utf16_nul_is_not_binary),
	    cmocka_unit_test(test_binary_nul_at_start),
	    cmocka_unit_test(test_binary_nul_in_middle),
	    cmocka_unit_test(test_binary_gzip_magic),
	    cmocka_unit_test(test_binary_nul_at_last_probed_byte),
	    cmocka_unit_test(test_nul_after_probe_is_not_binary),
	    cmocka_unit_test(test_binary_after_utf8_bom),
	    cmocka_unit_test(test_binary_wins_over_latin1),
	    cmocka_unit_test(test_crlf_to_lf),
	    cmocka_unit_test(test_lone_cr_to_lf),
	    cmocka_unit_test(test_mixed_line_ends),
	    cmocka_unit_test(test_crlf_around_multibyte),
	    cmocka_unit_test(test_crlf_in_cp1252),
	    cmocka_unit_test(test_crlf_in_repaired_utf8),
	    cmocka_unit_test(test_cp1252_french),
	    cmocka_unit_test(test_cp1252_smart_quotes_and_euro),
	    cmocka_unit_test(test_cp1252_oe_and_guillemets),
	    cmocka_unit_test(test_cp1252_apostrophe_english),
	    cmocka_unit_test(test_cp1252_every_high_byte),
	    cmocka_unit_test(test_undefined_cp1252_bytes_force_repair),
	    cmocka_unit_test(test_truncated_sequence_then_esc),
	    cmocka_unit_test(test_truncated_sequence_then_ascii),
	    cmocka_unit_test(test_truncated_at_end_of_input),
	    cmocka_unit_test(test_bad_second_byte_after_f0),
	    cmocka_unit_test(test_unicode_table_3_8),
	    cmocka_unit_test(test_overlong_slash_never_decodes),
	    cmocka_unit_test(test_overlong_esc_never_decodes),
	    cmocka_unit_test(test_surrogates_in_utf8_rejected),
	    cmocka_unit_test(test_above_max_code_point_rejected),
	    cmocka_unit_test(test_valid_majority_means_utf8),
	    cmocka_unit_test(test_high_byte_ratio_means_utf8),
	    cmocka_unit_test(test_replaced_count_matches_output),
	    cmocka_unit_test(test_encoding_names),
	    cmocka_unit_test(test_utf8_round_trip_every_code_point),
	    cmocka_unit_test(test_utf8_encode_out_of_range),
	    cmocka_unit_test(test_utf8_decode_rejects),
	    cmocka_unit_test(test_utf8_decode_boundaries),
	    cmocka_unit_test(test_utf8_decode_strict_exhaustive),
	    cmocka_unit_test(test_invalid_len_examples),
	    cmocka_unit_test(test_invalid_len_matches_reference),
	    cmocka_unit_test(test_utf8_valid),
	    cmocka_unit_test(test_random_bytes_decode_to_valid_utf8),
	    cmocka_unit_test(test_random_utf16_decodes_to_valid_utf8),
	    cmocka_unit_test(test_take_adopts_clean_utf8),
	    cmocka_unit_test(test_take_drops_boms_in_place),
	    cmocka_unit_test(test_take_converts_when_needed),
	    cmocka_unit_test(test_take_binary_frees),
	    cmocka_unit_test(test_take_agrees_with_decode),
	    cmocka_unit_test(test_adversarial_files_decode_safely),
	    cmocka_unit_test(test_adversarial_expected_encodings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
