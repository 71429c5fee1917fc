/* Tests of the text layer (include/revue/text.h): NFC and the proof of its
 * fast path, the folded view and its map back to the source, words,
 * sentences, the language guess, and the sanitizer every byte bound for a
 * terminal goes through. */
#include "testutil.h"

#include "fold_ref.h"

#include "revue/decode.h"
#include "revue/text.h"
#include "revue/util.h"

#include <dirent.h>
#include <time.h>
#include <unictype.h>
#include <uninorm.h>

/* --- helpers -------------------------------------------------------------- */

static uint64_t lcg_state;

static void lcg_seed(uint64_t seed)
{
	lcg_state = seed;
}

static uint32_t lcg(void)
{
	lcg_state = lcg_state * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)(lcg_state >> 33);
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Appends the UTF-8 of cp to buf at *len. */
static void put_cp(char *buf, size_t *len, unsigned cp)
{
	*len += rv_utf8_encode(cp, buf + *len);
}

static char *nfc(const char *s, size_t *len)
{
	return rv_text_nfc(s, strlen(s), len);
}

static void assert_nfc(const char *in, const char *want)
{
	size_t len = 0;
	char *out = nfc(in, &len);
	assert_int_equal(len, strlen(want));
	assert_string_equal(out, want);
	free(out);
}

static char *fold(const char *s)
{
	struct rv_fold f;
	rv_text_fold(s, strlen(s), &f);
	char *t = rv_xstrndup(f.text, f.len);
	assert_int_equal(f.text[f.len], '\0');
	rv_fold_free(&f);
	return t;
}

static void assert_fold(const char *in, const char *want)
{
	char *got = fold(in);
	assert_string_equal(got, want);
	free(got);
}

static size_t fold_cp(unsigned cp, char *out)
{
	size_t l = rv_text_fold_cp(cp, out);
	assert_true(l < 32);
	out[l] = '\0';
	return l;
}

/* The text of span i. */
static void assert_span_text(const char *s, const struct rv_span *sp, const char *want)
{
	size_t len = sp->end - sp->start;
	if (len != strlen(want) || memcmp(s + sp->start, want, len) != 0)
		fail_msg("span [%zu,%zu) is \"%.*s\", expected \"%s\"", sp->start, sp->end, (int)len,
		         s + sp->start, want);
}

/* Words of s, compared with the NULL-terminated list want. */
static void assert_words(const char *s, const char *const *want)
{
	struct rv_span *sp = NULL;
	size_t n = rv_text_words(s, strlen(s), &sp);
	size_t k = 0;
	while (want[k])
		k++;
	if (n != k) {
		char msg[1024] = "";
		for (size_t i = 0; i < n; i++) {
			size_t used = strlen(msg);
			snprintf(msg + used, sizeof msg - used, "[%.*s] ", (int)(sp[i].end - sp[i].start),
			         s + sp[i].start);
		}
		free(sp);
		fail_msg("%zu words in \"%s\", expected %zu: %s", n, s, k, msg);
	}
	struct rv_span copy[64];
	assert_true(n <= RV_ARRAY_LEN(copy));
	if (n)
		memcpy(copy, sp, n * sizeof *sp);
	free(sp);
	for (size_t i = 0; i < n; i++)
		assert_span_text(s, &copy[i], want[i]);
	assert_int_equal(rv_text_words(s, strlen(s), NULL), n);
}

static void assert_sentences(const char *s, const char *const *want)
{
	struct rv_span *sp = NULL;
	size_t n = rv_text_sentences(s, strlen(s), &sp);
	size_t k = 0;
	while (want[k])
		k++;
	if (n != k) {
		char msg[2048] = "";
		for (size_t i = 0; i < n; i++) {
			size_t used = strlen(msg);
			snprintf(msg + used, sizeof msg - used, "{%.*s} ", (int)(sp[i].end - sp[i].start),
			         s + sp[i].start);
		}
		free(sp);
		fail_msg("%zu sentences in \"%s\", expected %zu: %s", n, s, k, msg);
	}
	struct rv_span copy[64];
	assert_true(n <= RV_ARRAY_LEN(copy));
	if (n)
		memcpy(copy, sp, n * sizeof *sp);
	free(sp);
	for (size_t i = 0; i < n; i++)
		assert_span_text(s, &copy[i], want[i]);
	assert_int_equal(rv_text_sentences(s, strlen(s), NULL), n);
}

#define WORDS(s, ...)                                                                                        \
	do {                                                                                                 \
		static const char *const want_[] = {__VA_ARGS__, NULL};                                      \
		assert_words(s, want_);                                                                      \
	} while (0)
#define SENTENCES(s, ...)                                                                                    \
	do {                                                                                                 \
		static const char *const want_[] = {__VA_ARGS__, NULL};                                      \
		assert_sentences(s, want_);                                                                  \
	} while (0)

static char *sanitize(const char *s, size_t n, unsigned flags, size_t *len)
{
	struct rv_buf b = {0};
	rv_sanitize(s, n, flags, &b);
	if (len)
		*len = b.len;
	return rv_buf_steal(&b);
}

static void check_sanitized(const char *in, size_t n, unsigned flags, const char *want, size_t want_len)
{
	size_t len;
	char *out = sanitize(in, n, flags, &len);
	if (len != want_len || memcmp(out, want, len) != 0) {
		char msg[512];
		snprintf(msg, sizeof msg, "sanitized to \"%s\" (%zu bytes), expected \"%s\"", out, len, want);
		free(out);
		fail_msg("%s", msg);
	}
	free(out);
}

#define SAN_EQ(in, flags, want) check_sanitized(in, sizeof in - 1, flags, want, sizeof want - 1)

/* The first glyph of s. */
static struct rv_glyph glyph1(const char *s, size_t n, unsigned flags)
{
	struct rv_sanitizer st;
	rv_sanitizer_init(&st, flags);
	struct rv_glyph g;
	size_t l = rv_sanitize_next(&st, s, n, 0, &g);
	assert_int_equal(l, g.len);
	assert_true(l >= 1 && l <= n);
	return g;
}

/* A named placeholder such as <RLO> or <U+E0001>: printable ASCII in angle
 * brackets, as wide as it is long. */
static void assert_angle_token(const struct rv_glyph *g, unsigned cp)
{
	if (g->kind != RV_GLYPH_TOKEN)
		fail_msg("U+%04X: kind %d, expected a token", cp, (int)g->kind);
	size_t l = strlen(g->tok);
	if (l < 3 || g->tok[0] != '<' || g->tok[l - 1] != '>')
		fail_msg("U+%04X: token \"%s\"", cp, g->tok);
	for (size_t i = 0; i < l; i++)
		assert_true(g->tok[i] > 0x20 && g->tok[i] < 0x7F);
	assert_int_equal(g->width, (int)l);
}

/* What must never reach a terminal, from the README of ../shared/adversarial:
 * returns a description of the first offence in s, or NULL. */
static const char *terminal_hazard(const char *str, size_t n, size_t *at)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		*at = i;
		unsigned cp;
		size_t l = rv_utf8_decode(s + i, n - i, &cp);
		if (!l)
			return s[i] >= 0x80 && s[i] <= 0x9F ? "raw C1 byte" : "invalid UTF-8";
		if (cp == 0x1B)
			return "ESC";
		if (cp == 0x0E)
			return "SO";
		if (cp == '\r')
			return "CR";
		if (cp == '\b')
			return "BS";
		if (cp < 0x20 && cp != '\n' && cp != '\t')
			return "C0 control";
		if (cp >= 0x7F && cp <= 0x9F)
			return "DEL or C1 control";
		if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
			return "bidi control";
		if (uc_is_general_category(cp, UC_CATEGORY_Cf) || cp == 0x2028 || cp == 0x2029)
			return "format character or separator";
		i += l;
	}
	return NULL;
}

static void assert_terminal_safe(const char *s, size_t n, const char *what)
{
	size_t at = 0;
	const char *why = terminal_hazard(s, n, &at);
	if (why)
		fail_msg("%s: %s at byte %zu of the sanitized text", what, why, at);
}

/* --- NFC ------------------------------------------------------------------- */

static void test_nfc_composes_e_acute(void **state)
{
	(void)state;
	assert_nfc("e\xCC\x81", "\xC3\xA9");
	assert_nfc("E\xCC\x81lyse\xCC\x81"
	           "e",
	           "\xC3\x89lys\xC3\xA9"
	           "e");
}

static void test_nfc_french_sentence(void **state)
{
	(void)state;
	/* L’été à Noël, decomposed */
	assert_nfc("L\xE2\x80\x99"
	           "e\xCC\x81te\xCC\x81 a\xCC\x80 Noe\xCC\x88l",
	           "L\xE2\x80\x99\xC3\xA9t\xC3\xA9 \xC3\xA0 No\xC3\xABl");
}

static void test_nfc_fast_path_identical(void **state)
{
	(void)state;
	static const char *const texts[] = {
	    "",
	    "Plain ASCII, nothing to do.",
	    "L\xE2\x80\x99\xC3\xA9t\xC3\xA9 \xC3\xA0 No\xC3\xABl \xE2\x80\x94 "
	    "\xC2\xAB\xE2\x80\xAFoui\xE2\x80\xAF\xC2\xBB, "
	    "3,5\xC2\xA0\xE2\x82\xAC, \xC5\x93uvre\xE2\x80\xA6",
	};
	for (size_t i = 0; i < RV_ARRAY_LEN(texts); i++) {
		size_t len = 12345;
		char *out = nfc(texts[i], &len);
		assert_int_equal(len, strlen(texts[i]));
		assert_memory_equal(out, texts[i], len);
		assert_int_equal(out[len], '\0');
		assert_ptr_not_equal(out, texts[i]); /* a copy the caller frees */
		free(out);
	}
}

static void test_nfc_reorders_and_composes(void **state)
{
	(void)state;
	/* c + acute (230) + cedilla (202): reordered, then c+cedilla+acute is U+1E09. */
	assert_nfc("c\xCC\x81\xCC\xA7", "\xE1\xB8\x89");
}

static void test_nfc_hangul(void **state)
{
	(void)state;
	/* U+1100 U+1161 U+11A8 compose to U+AC01 */
	assert_nfc("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8", "\xEA\xB0\x81");
}

static void test_nfc_singletons(void **state)
{
	(void)state;
	assert_nfc("\xE2\x84\xAB", "\xC3\x85"); /* ANGSTROM SIGN -> Å */
	assert_nfc("\xE2\x84\xA6", "\xCE\xA9"); /* OHM SIGN -> Ω */
	assert_nfc("a\xE2\x80\x80"
	           "b",
	           "a\xE2\x80\x82"
	           "b"); /* EN QUAD -> EN SPACE */
}

static void test_nfc_keeps_compatibility_forms(void **state)
{
	(void)state;
	/* NFC is not NFKC: the ligature and the superscript stay. */
	assert_nfc("\xEF\xAC\x81"
	           "n \xC2\xB2",
	           "\xEF\xAC\x81"
	           "n \xC2\xB2");
}

/* Random strings over code points chosen to interact under NFC: the result
 * must be libunistring's, byte for byte. */
static void test_nfc_matches_libunistring(void **state)
{
	(void)state;
	static const unsigned pool[] = {
	    'a',    'e',    'E',    'c',     ' ',    0xE9,   0xC9,   0x301,  0x300,  0x327,  0x308,
	    0x2019, 0xAB,   0xBB,   0x202F,  0xA0,   0xDF,   0x153,  0x1100, 0x1161, 0x11A8, 0xAC00,
	    0x212B, 0x2000, 0x2126, 0x1F600, 0xFE0F, 0x200D, 0x0419, 0x0418, 0x0306, 0x219A, 0x2190,
	    0x0338, 0x0344, 0x0F73, 0x2026,  0xFB01, 0x3099, 0x304B, 0x0CC6, 0x0CD5,
	};
	lcg_seed(4242);
	char buf[256];
	for (int t = 0; t < 2000; t++) {
		size_t n = 0, k = lcg() % 14;
		for (size_t i = 0; i < k; i++)
			put_cp(buf, &n, pool[lcg() % RV_ARRAY_LEN(pool)]);
		buf[n] = '\0';
		size_t len;
		char *got = rv_text_nfc(buf, n, &len);
		size_t rlen = 0;
		uint8_t *ref = u8_normalize(UNINORM_NFC, (const uint8_t *)buf, n, NULL, &rlen);
		assert_non_null(ref);
		if (len != rlen || memcmp(got, ref, len) != 0)
			fail_msg("NFC differs from libunistring for \"%s\"", buf);
		free(ref);
		free(got);
	}
}

static void test_nfc_stable_known_values(void **state)
{
	(void)state;
	assert_true(rv_text_nfc_stable('a'));
	assert_true(rv_text_nfc_stable(0xE9));   /* é */
	assert_true(rv_text_nfc_stable(0x2019)); /* ’ */
	assert_true(rv_text_nfc_stable(0xAB));   /* « */
	assert_true(rv_text_nfc_stable(0x2026)); /* … */
	assert_true(rv_text_nfc_stable(0x20AC)); /* € */
	assert_true(rv_text_nfc_stable(0xFFFD));
	/* These NFC does change, or may change with a neighbour. */
	assert_false(rv_text_nfc_stable(0x301));
	assert_false(rv_text_nfc_stable(0x2000));
	assert_false(rv_text_nfc_stable(0x212B));
	assert_false(rv_text_nfc_stable(0x1161));
	assert_false(rv_text_nfc_stable(0xD800));
}

/* Every code point the fast path trusts is a starter that NFC leaves alone. */
static void test_nfc_stable_exhaustive_single(void **state)
{
	(void)state;
	size_t count = 0;
	for (unsigned cp = 0; cp <= 0x10FFFF; cp++) {
		if (!rv_text_nfc_stable(cp))
			continue;
		count++;
		if (cp >= 0xD800 && cp <= 0xDFFF)
			fail_msg("surrogate U+%04X claimed stable", cp);
		if (uc_combining_class(cp) != 0)
			fail_msg("U+%04X claimed stable has combining class %d", cp, uc_combining_class(cp));
		uint32_t in = cp, buf[8];
		size_t len = RV_ARRAY_LEN(buf);
		uint32_t *r = u32_normalize(UNINORM_NFC, &in, 1, buf, &len);
		assert_non_null(r);
		if (len != 1 || r[0] != cp)
			fail_msg("NFC changes U+%04X claimed stable", cp);
		if (r != buf)
			free(r);
	}
	assert_true(count > 0x300);
	assert_false(rv_text_nfc_stable(0x110000));
}

/* The proof that the fast path of rv_text_nfc is exact: a string of stable
 * starters is in NFC when no adjacent pair composes, and this checks every
 * ordered pair against libunistring. */
static void test_nfc_stable_exhaustive_pairs(void **state)
{
	(void)state;
	unsigned *set = malloc(0x110000 * sizeof *set);
	size_t ns = 0;
	for (unsigned cp = 0; cp <= 0x10FFFF; cp++)
		if (rv_text_nfc_stable(cp))
			set[ns++] = cp;
	double t0 = now_seconds();
	for (size_t i = 0; i < ns; i++) {
		for (size_t j = 0; j < ns; j++) {
			uint32_t in[2] = {set[i], set[j]}, buf[8];
			size_t len = RV_ARRAY_LEN(buf);
			uint32_t *r = u32_normalize(UNINORM_NFC, in, 2, buf, &len);
			assert_non_null(r);
			if (len != 2 || r[0] != in[0] || r[1] != in[1])
				fail_msg("NFC changes the stable pair U+%04X U+%04X", set[i], set[j]);
			if (r != buf)
				free(r);
		}
	}
	print_message("nfc pairs: %zu stable code points, %zu pairs in %.2f s\n", ns, ns * ns,
	              now_seconds() - t0);
	free(set);
}

/* And through the public function: strings of stable code points only come
 * back as they went in. */
static void test_nfc_stable_strings_unchanged(void **state)
{
	(void)state;
	unsigned *set = malloc(0x110000 * sizeof *set);
	size_t ns = 0;
	for (unsigned cp = 1; cp <= 0x10FFFF; cp++)
		if (rv_text_nfc_stable(cp))
			set[ns++] = cp;
	lcg_seed(99);
	char buf[128];
	for (int t = 0; t < 3000; t++) {
		size_t n = 0, k = 1 + lcg() % 20;
		for (size_t i = 0; i < k; i++)
			put_cp(buf, &n, set[lcg() % ns]);
		size_t len, rlen = 0;
		char *got = rv_text_nfc(buf, n, &len);
		assert_int_equal(len, n);
		assert_memory_equal(got, buf, n);
		uint8_t *ref = u8_normalize(UNINORM_NFC, (const uint8_t *)buf, n, NULL, &rlen);
		assert_int_equal(rlen, n);
		assert_memory_equal(ref, buf, n);
		free(ref);
		free(got);
	}
	free(set);
}

/* --- folding ---------------------------------------------------------------- */

static void test_fold_accents_and_case(void **state)
{
	(void)state;
	assert_fold("\xC3\x89lys\xC3\xA9"
	            "e",
	            "elysee");
	assert_fold("\xC3\x87"
	            "A VA, NO\xC3\x8BL ?",
	            "ca va, noel ?");
	assert_fold("\xC3\x80 L\xE2\x80\x99\xC3\x89T\xC3\x89", "a l'ete");
	assert_fold("Hello World", "hello world");
	assert_fold("", "");
}

static void test_fold_apostrophes(void **state)
{
	(void)state;
	assert_fold("L\xE2\x80\x99IA", "l'ia"); /* ’ */
	assert_fold("l\xCA\xBCIA", "l'ia");     /* ʼ */
	assert_fold("\xE2\x80\x98"
	            "a",
	            "'a");                      /* ‘ */
	assert_fold("l`IA", "l'ia");            /* ` */
	assert_fold("5\xE2\x80\xB2", "5'");     /* ′ */
	assert_fold("l\xEF\xBC\x87IA", "l'ia"); /* ＇ */
	assert_fold("aujourd'hui", "aujourd'hui");
}

static void test_fold_spaces(void **state)
{
	(void)state;
	assert_fold("13\xC2\xA0"
	            "000",
	            "13 000");                                                               /* NBSP */
	assert_fold("\xC2\xAB\xE2\x80\xAFoui\xE2\x80\xAF\xC2\xBB", "\xC2\xAB oui \xC2\xBB"); /* narrow NBSP */
	assert_fold("a\xE2\x80\x89"
	            "b",
	            "a b"); /* thin space */
	assert_fold("a\xE3\x80\x80"
	            "b",
	            "a b"); /* ideographic space */
}

static void test_fold_sharp_s(void **state)
{
	(void)state;
	assert_fold("Stra\xC3\x9F"
	            "e",
	            "strasse");
	assert_fold("STRA\xE1\xBA\x9E"
	            "E",
	            "strasse"); /* capital sharp s */
}

static void test_fold_removes_ignorables(void **state)
{
	(void)state;
	assert_fold("pass\xE2\x80\x8Bword", "password"); /* ZWSP */
	assert_fold("anti\xC2\xAD"
	            "constitutionnel",
	            "anticonstitutionnel"); /* SHY */
	assert_fold("a\xE2\x80\x8C"
	            "b\xE2\x80\x8D"
	            "c",
	            "abc");                        /* ZWNJ, ZWJ */
	assert_fold("\xEF\xBB\xBFtitre", "titre"); /* BOM */
	assert_fold("a\xE2\x81\xA0"
	            "b",
	            "ab");                               /* WJ */
	assert_fold("x\xE2\x80\xAEy\xE2\x80\xAC", "xy"); /* RLO, PDF */
	assert_fold("\xE2\x80\x8Fz", "z");               /* RLM */
	assert_fold("t\xF3\xA0\x80\x81\xF3\xA0\x81\xA1"
	            "ag",
	            "tag"); /* tag characters */
}

static void test_fold_keeps_oe_and_ae(void **state)
{
	(void)state;
	assert_fold("\xC5\x93uvre", "\xC5\x93uvre");
	assert_fold("\xC5\x92UVRE", "\xC5\x93uvre");
	assert_fold("\xC3\x86sop", "\xC3\xA6sop");
}

static void test_fold_ligatures(void **state)
{
	(void)state;
	assert_fold("\xEF\xAC\x81"
	            "nance",
	            "finance"); /* ﬁ */
	assert_fold("o\xEF\xAC\x83"
	            "ce",
	            "office"); /* ﬃ */
}

static void test_fold_combining_marks_removed(void **state)
{
	(void)state;
	assert_fold("cafe\xCC\x81", "cafe");
	assert_fold("Z\xCC\x8C\xCC\x81\xCC\x82"
	            "a",
	            "za");
}

static void test_fold_other_scripts(void **state)
{
	(void)state;
	assert_fold("\xCE\xA3\xCE\x9F\xCE\xA6\xCE\x8A\xCE\x91",
	            "\xCF\x83\xCE\xBF\xCF\x86\xCE\xB9\xCE\xB1"); /* ΣΟΦΊΑ */
	assert_fold("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90",
	            "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");     /* МОСКВА */
	assert_fold("\xE4\xB8\xAD\xE6\x96\x87", "\xE4\xB8\xAD\xE6\x96\x87"); /* 中文 */
	assert_fold("\xF0\x9F\x98\x80!", "\xF0\x9F\x98\x80!");
}

static void test_fold_ascii_has_no_changes(void **state)
{
	(void)state;
	struct rv_fold f;
	rv_text_fold("Hello, World! 123", 17, &f);
	assert_string_equal(f.text, "hello, world! 123");
	assert_int_equal(f.changes, 0);
	assert_int_equal(f.nmarks, 0);
	for (size_t i = 0; i <= f.len; i++) {
		assert_int_equal(rv_fold_to_source(&f, i, false), i);
		assert_int_equal(rv_fold_to_source(&f, i, true), i);
	}
	rv_fold_free(&f);
}

static void test_fold_cp_examples(void **state)
{
	(void)state;
	char out[32];
	assert_int_equal(fold_cp('A', out), 1);
	assert_string_equal(out, "a");
	assert_int_equal(fold_cp(0xC9, out), 1);
	assert_string_equal(out, "e");
	assert_int_equal(fold_cp(0xDF, out), 2);
	assert_string_equal(out, "ss");
	assert_int_equal(fold_cp(0x2019, out), 1);
	assert_string_equal(out, "'");
	assert_int_equal(fold_cp(0xA0, out), 1);
	assert_string_equal(out, " ");
	assert_int_equal(fold_cp(0x200B, out), 0);
	assert_int_equal(fold_cp(0xAD, out), 0);
	assert_int_equal(fold_cp(0x153, out), 2);
	assert_string_equal(out, "\xC5\x93");
	assert_int_equal(fold_cp(0xFB01, out), 2);
	assert_string_equal(out, "fi");
}

/* Folding is per code point: folding the string of every code point at once
 * gives the concatenation of rv_text_fold_cp, through the table and past it. */
static void test_fold_cp_consistent_with_fold(void **state)
{
	(void)state;
	size_t cap = 0x110000 * 4;
	char *src = malloc(cap), *want = malloc(0x110000 * 32);
	size_t n = 0, wn = 0;
	for (unsigned cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		put_cp(src, &n, cp);
		char tmp[32];
		size_t l = rv_text_fold_cp(cp, tmp);
		assert_true(l < 32);
		if (!rv_utf8_valid(tmp, l))
			fail_msg("fold of U+%04X is not valid UTF-8", cp);
		memcpy(want + wn, tmp, l);
		wn += l;
	}
	struct rv_fold f;
	rv_text_fold(src, n, &f);
	assert_int_equal(f.len, wn);
	if (memcmp(f.text, want, wn) != 0) {
		size_t i = 0;
		while (f.text[i] == want[i])
			i++;
		fail_msg("rv_text_fold and rv_text_fold_cp differ at folded byte %zu", i);
	}
	struct rv_buf t = {0}; /* the text alone: the same bytes */
	rv_buf_adds(&t, "x");
	rv_text_fold_text(src, n, &t);
	assert_int_equal(t.len, wn + 1);
	assert_true(t.p[0] == 'x' && !memcmp(t.p + 1, want, wn) && t.p[t.len] == '\0');
	rv_buf_free(&t);
	rv_fold_free(&f);
	free(src);
	free(want);
}

/* ASCII folds eight bytes at a time: every byte at every place in a word,
 * upper case, backquotes and accents among them, gives what folding one
 * code point at a time gives, with and without the offset map. */
static void test_fold_ascii_words(void **state)
{
	(void)state;
	char src[64], want[128];
	unsigned seed = 12345;
	for (int round = 0; round < 20000; round++) {
		size_t n = (size_t)(round % 41), wn = 0;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) % 140;
			if (r >= 128 && i + 1 < n) { /* now and then an é */
				src[i] = '\xC3';
				src[i + 1] = '\xA9';
				want[wn++] = 'e';
				i++;
				continue;
			}
			unsigned c = r % 128 ? r % 128 : '`'; /* no NUL: C strings below */
			if (round % 7 == 0)
				c = 'A' + (seed >> 8) % 32; /* dense around A-Z and [ \\ ] ^ _ ` */
			src[i] = (char)c;
			wn += rv_text_fold_cp(c, want + wn);
		}
		struct rv_fold f;
		rv_text_fold(src, n, &f);
		assert_int_equal(f.len, wn);
		assert_memory_equal(f.text, want, wn);
		rv_fold_free(&f);
		struct rv_buf t = {0};
		rv_text_fold_text(src, n, &t);
		assert_int_equal(t.len, wn);
		assert_memory_equal(t.p, want, wn);
		rv_buf_free(&t);
	}
}

/* rv_text_fold_text says whether its input is its own NFC: valid UTF-8 of
 * NFC-stable code points only, which is rv_text_nfc_stable's verdict on
 * each code point, and false on bytes that are not UTF-8. */
static void test_fold_text_stable(void **state)
{
	(void)state;
	struct rv_buf b = {0};
	for (unsigned cp = 1; cp <= 0x10FFFF; cp += cp < 0x3000 ? 1 : 7) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char src[8];
		size_t n = 0;
		src[n++] = 'a';
		put_cp(src, &n, cp);
		b.len = 0;
		if (rv_text_fold_text(src, n, &b) != rv_text_nfc_stable(cp))
			fail_msg("U+%04X: rv_text_fold_text and rv_text_nfc_stable disagree", cp);
	}
	b.len = 0;
	assert_true(rv_text_fold_text("\xC3\x89" "cole l\xE2\x80\x99", 11, &b));
	assert_string_equal(b.p, "ecole l'");
	b.len = 0;
	assert_false(rv_text_fold_text("e\xCC\x81", 3, &b));
	b.len = 0;
	assert_false(rv_text_fold_text("ab\xFF", 3, &b));
	rv_buf_free(&b);
}

/* The contract of rv_fold_to_source at every code point boundary of the
 * folded text of s: where that boundary is also the boundary between the
 * folded forms of two source code points, the result is a source boundary
 * with exactly that much folded text before it; where it falls inside the
 * folded form of one source code point, the result is that code point's
 * start, or its end with round_up. Returns how many source code points broke
 * the contract and lists the first few in bad_list. */
static size_t fold_mapping_violations(const char *s, size_t n, char bad_list[96])
{
	const unsigned char *u = (const unsigned char *)s;
	size_t *src_b = malloc((n + 1) * sizeof *src_b), *fold_b = malloc((n + 1) * sizeof *fold_b);
	unsigned *cps = malloc((n + 1) * sizeof *cps);
	size_t k = 0;
	src_b[0] = fold_b[0] = 0;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t l = rv_utf8_decode(u + i, n - i, &cp);
		assert_true(l > 0);
		char tmp[32];
		cps[k] = cp;
		fold_b[k + 1] = fold_b[k] + rv_text_fold_cp(cp, tmp);
		src_b[k + 1] = src_b[k] + l;
		i += l;
		k++;
	}
	struct rv_fold f;
	rv_text_fold(s, n, &f);
	assert_int_equal(f.len, fold_b[k]);
	bad_list[0] = '\0';
	size_t bad = 0, run = 0; /* run: first source code point with fold_b == fold_b[i] */
	for (size_t i = 0; i <= k; i++) {
		if (i == 0 || fold_b[i] != fold_b[i - 1])
			run = i;
		bool broken = false;
		/* The boundary fold_b[i], once, at the last code point sharing it. */
		if (i == k || fold_b[i + 1] != fold_b[i]) {
			size_t lo = src_b[run], hi = src_b[i];
			for (int ru = 0; ru < 2; ru++) {
				size_t r = rv_fold_to_source(&f, fold_b[i], ru);
				bool on_boundary = false;
				for (size_t j = run; j <= i; j++)
					on_boundary |= src_b[j] == r;
				if (r < lo || r > hi || !on_boundary)
					broken = true;
			}
		}
		/* The folded code point boundaries inside the fold of code point i. */
		if (i < k) {
			size_t off = fold_b[i];
			while (off < fold_b[i + 1]) {
				unsigned cp;
				off += rv_utf8_decode((const unsigned char *)f.text + off, f.len - off, &cp);
				if (off >= fold_b[i + 1])
					break;
				if (rv_fold_to_source(&f, off, false) != src_b[i] ||
				    rv_fold_to_source(&f, off, true) != src_b[i + 1])
					broken = true;
			}
		}
		if (broken && bad++ < 8) {
			size_t used = strlen(bad_list);
			snprintf(bad_list + used, 96 - used, " U+%04X", i < k ? cps[i] : 0x110000);
		}
	}
	rv_fold_free(&f);
	free(src_b);
	free(fold_b);
	free(cps);
	return bad;
}

static void assert_fold_mapping(const char *s)
{
	char list[96];
	size_t bad = fold_mapping_violations(s, strlen(s), list);
	if (bad)
		fail_msg("\"%s\": %zu code points map back wrongly:%s", s, bad, list);
}

static void test_fold_to_source_accents(void **state)
{
	(void)state;
	const char *s = "\xC3\x89lys\xC3\xA9"
	                "e"; /* Élysée */
	struct rv_fold f;
	rv_text_fold(s, strlen(s), &f);
	assert_string_equal(f.text, "elysee");
	assert_int_equal(rv_fold_to_source(&f, 0, false), 0);
	assert_int_equal(rv_fold_to_source(&f, 1, false), 2); /* 'l' */
	assert_int_equal(rv_fold_to_source(&f, 4, false), 5); /* 'é' */
	assert_int_equal(rv_fold_to_source(&f, 5, false), 7); /* the last 'e' */
	assert_int_equal(rv_fold_to_source(&f, 6, true), 8);  /* the end */
	rv_fold_free(&f);
	assert_fold_mapping(s);
}

static void test_fold_to_source_ligature(void **state)
{
	(void)state;
	const char *s = "\xEF\xAC\x81n"; /* ﬁn -> fin */
	struct rv_fold f;
	rv_text_fold(s, strlen(s), &f);
	assert_string_equal(f.text, "fin");
	assert_int_equal(rv_fold_to_source(&f, 1, false), 0); /* inside ﬁ */
	assert_int_equal(rv_fold_to_source(&f, 1, true), 3);
	assert_int_equal(rv_fold_to_source(&f, 2, false), 3);
	assert_int_equal(rv_fold_to_source(&f, 3, true), 4);
	rv_fold_free(&f);
	assert_fold_mapping(s);
}

static void test_fold_to_source_sharp_s(void **state)
{
	(void)state;
	const char *s = "Stra\xC3\x9F"
	                "e"; /* the ß is bytes 4..6, "ss" 4..6 too */
	struct rv_fold f;
	rv_text_fold(s, strlen(s), &f);
	bool folded = !strcmp(f.text, "strasse");
	size_t at4 = rv_fold_to_source(&f, 4, false), at6 = rv_fold_to_source(&f, 6, false);
	/* Between the two s: inside the folded form of ß. */
	size_t down = rv_fold_to_source(&f, 5, false), up = rv_fold_to_source(&f, 5, true);
	rv_fold_free(&f);
	assert_true(folded);
	assert_int_equal(at4, 4);
	assert_int_equal(at6, 6);
	assert_int_equal(down, 4);
	assert_int_equal(up, 6);
}

static void test_fold_to_source_zero_width(void **state)
{
	(void)state;
	const char *s = "pass\xE2\x80\x8Bword"; /* ZWSP at 4..7 */
	struct rv_fold f;
	rv_text_fold(s, strlen(s), &f);
	assert_string_equal(f.text, "password");
	size_t a = rv_fold_to_source(&f, 4, false), b = rv_fold_to_source(&f, 4, true);
	assert_true(a == 4 || a == 7);
	assert_true(b == 4 || b == 7);
	assert_true(a <= b);
	assert_int_equal(rv_fold_to_source(&f, 5, false), 8);
	assert_int_equal(rv_fold_to_source(&f, 8, true), 11);
	rv_fold_free(&f);
	assert_fold_mapping(s);
}

static void test_fold_to_source_boundaries(void **state)
{
	(void)state;
	static const char *const texts[] = {
	    "\xC3\x89lys\xC3\xA9"
	    "e",
	    "L\xE2\x80\x99IA d\xE2\x80\x99OpenAI",
	    "\xEF\xAC\x81"
	    "nance \xEF\xAC\x81",
	    "cafe\xCC\x81 Z\xCC\x8C\xCC\x81\xCC\x82",
	    "pass\xE2\x80\x8Bword \xE2\x80\x8B\xE2\x80\x8B"
	    "x",
	    "\xF0\x9F\x98\x80 emoji \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9",
	    "13\xC2\xA0"
	    "000 \xC2\xAB\xE2\x80\xAFoui\xE2\x80\xAF\xC2\xBB",
	    "\xC4\xB0stanbul",
	    "\xCE\xA3\xCE\x9F\xCE\xA6\xCE\x8A\xCE\x91",
	    "\xEF\xBB\xBF\xC3\x89t\xC3\xA9\xC2\xAD",
	};
	for (size_t i = 0; i < RV_ARRAY_LEN(texts); i++)
		assert_fold_mapping(texts[i]);
}

/* Folds that are as long as their source but hold several code points. */
static void test_fold_to_source_same_length_expansions(void **state)
{
	(void)state;
	assert_fold_mapping("Stra\xC3\x9F"
	                    "e"); /* ß -> ss */
	assert_fold_mapping("o\xEF\xAC\x83"
	                    "ce");       /* ﬃ -> ffi */
	assert_fold_mapping("\xC5\x89"); /* ŉ -> 'n */
	assert_fold_mapping("\xC3\x9F\xE2\x80\x8B\xEF\xAC\x81\xC3\xA9\xF0\x9F\x98\x80x");
}

static void test_fold_to_source_every_code_point(void **state)
{
	(void)state;
	char *src = malloc(0x110000 * 4);
	size_t n = 0;
	for (unsigned cp = 0; cp <= 0x10FFFF; cp++)
		if (cp < 0xD800 || cp > 0xDFFF)
			put_cp(src, &n, cp);
	char list[96];
	size_t bad = fold_mapping_violations(src, n, list);
	free(src);
	if (bad)
		fail_msg("%zu code points map back wrongly:%s", bad, list);
}

/* A word found in the folded text maps back to a source span that folds to
 * the same word. */
static void check_word_round_trip(const char *s)
{
	struct rv_fold f;
	rv_text_fold(s, strlen(s), &f);
	struct rv_span *w = NULL;
	size_t nw = rv_text_words(f.text, f.len, &w);
	for (size_t i = 0; i < nw; i++) {
		size_t a = rv_fold_to_source(&f, w[i].start, false);
		size_t b = rv_fold_to_source(&f, w[i].end, true);
		assert_true(a <= b && b <= strlen(s));
		struct rv_fold g;
		rv_text_fold(s + a, b - a, &g);
		size_t wl = w[i].end - w[i].start;
		/* A word boundary of the folded text can fall inside the folded
		 * form of one source code point (ŉ folds to 'n): the source span
		 * then folds to more than the word, but always holds it. */
		char *word = strndup(f.text + w[i].start, wl);
		bool holds = strstr(g.text, word) != NULL;
		free(word);
		if (!holds) {
			char msg[512];
			snprintf(msg, sizeof msg,
			         "folded word \"%.*s\" maps to source [%zu,%zu) which folds to \"%s\"",
			         (int)wl, f.text + w[i].start, a, b, g.text);
			rv_fold_free(&g);
			free(w);
			rv_fold_free(&f);
			fail_msg("\"%s\": %s", s, msg);
		}
		rv_fold_free(&g);
	}
	free(w);
	rv_fold_free(&f);
}

static void test_fold_word_spans_round_trip(void **state)
{
	(void)state;
	static const char *const texts[] = {
	    "L\xE2\x80\x99\xC3\x89T\xC3\x89 \xC3\xA0 NO\xC3\x8BL, \xC2\xAB\xE2\x80\xAF"
	    "d\xC3\xA9j\xC3\xA0\xE2\x80\xAF\xC2\xBB",
	    "La Stra\xC3\x9F"
	    "e de l\xE2\x80\x99\xC5\x92uvre, \xEF\xAC\x81"
	    "nanc\xC3\xA9"
	    "e par l\xE2\x80\x99IA.",
	    "pass\xE2\x80\x8Bword and anti\xC2\xAD"
	    "constitutionnel",
	    "cafe\xCC\x81 cre\xCC\x80me bru\xCC\x82le\xCC\x81"
	    "e",
	    "\xF0\x9F\x98\x80 GPT-4 co\xC3\xBBte 13\xC2\xA0milliards \xE2\x80\x94 3,5 %",
	    "\xC4\xB0stanbul \xCE\xA3\xCE\x9F\xCE\xA6\xCE\x8A\xCE\x91 "
	    "\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90",
	    "\xE2\x80\xAE"
	    "evil\xE2\x80\xAC text\xEF\xBB\xBF here",
	};
	for (size_t i = 0; i < RV_ARRAY_LEN(texts); i++)
		check_word_round_trip(texts[i]);
}

static void test_fold_word_spans_round_trip_random(void **state)
{
	(void)state;
	static const unsigned pool[] = {
	    'a',   'B',   'c',     ' ',    ' ',    '\'',   '-',   '1',    0xE9,   0xC9,
	    0xDF,  0x153, 0x2019,  0xA0,   0x202F, 0x200B, 0xAD,  0x301,  0xFB01, 0xFB03,
	    0x130, 0x3A3, 0x1F600, 0x200D, 0x4E2D, 0xFEFF, 0x149, 0x1E9E,
	};
	lcg_seed(31337);
	char buf[256];
	for (int t = 0; t < 1500; t++) {
		size_t n = 0, k = lcg() % 30;
		for (size_t i = 0; i < k; i++)
			put_cp(buf, &n, pool[lcg() % RV_ARRAY_LEN(pool)]);
		buf[n] = '\0';
		check_word_round_trip(buf);
	}
}

/* The compact offset map answers as the naive one (fold_ref.h) at every
 * folded and source offset. */
static void assert_map_like_naive(const char *s, size_t n)
{
	struct rv_fold f;
	rv_text_fold(s, n, &f);
	const char *what;
	size_t bad = fold_ref_compare(s, n, &f, &what);
	size_t changes = f.changes;
	rv_fold_free(&f);
	if (bad)
		fail_msg("%s differs from the naive map at offset %zu (%zu bytes, %zu changes)", what, bad - 1, n,
			 changes);
}

static void test_fold_map_like_naive_random(void **state)
{
	(void)state;
	static const unsigned pool[] = {
	    'a',   'B',    ' ',     '\'',  0xE9,   0xC9,   0xDF,   0x153,  0x2019, 0xA0,  0x202F, 0x200B,
	    0xAD,  0x301,  0xFB01,  0xFB03, 0x130,  0x3A3,  0x1F600, 0x200D, 0x4E2D, 0xFEFF, 0x149, 0x1E9E,
	    0x390, 0x1F88, 0x10400, 0xE0001, 0x3B0, 0x587,
	};
	lcg_seed(4242);
	size_t cap = 1 << 16;
	char *buf = malloc(cap);
	for (int t = 0; t < 600; t++) {
		size_t n = 0, k = lcg() % 200;
		for (size_t i = 0; i < k && n + 300 < cap; i++) {
			unsigned r = lcg() % 16;
			if (r == 0) { /* a run of plain text: gaps of one, two and three LEB128 bytes */
				size_t run = lcg() % 3 == 0 ? 16000 + lcg() % 2000 : lcg() % 200;
				for (size_t j = 0; j < run && n + 300 < cap; j++)
					buf[n++] = (char)('a' + j % 26);
			} else if (r == 1) { /* a run of removed code points across several marks */
				size_t run = lcg() % 40;
				for (size_t j = 0; j < run; j++)
					put_cp(buf, &n, lcg() % 2 ? 0x200B : 0x301);
			} else if (r == 2 && lcg() % 4 == 0) {
				buf[n++] = (char)(0x80 + lcg() % 0x80); /* a stray byte: kept as it is */
			} else {
				put_cp(buf, &n, pool[lcg() % RV_ARRAY_LEN(pool)]);
			}
		}
		assert_map_like_naive(buf, n);
	}
	free(buf);
}

static void test_fold_map_like_naive_adversarial(void **state)
{
	(void)state;
	assert_map_like_naive("", 0);
	assert_map_like_naive("plain ascii only", 16);
	char *buf = malloc(1 << 20);
	size_t n = 0;
	for (int i = 0; i < 100; i++) /* nothing but removed code points */
		put_cp(buf, &n, 0x200B);
	assert_map_like_naive(buf, n);
	n = 0;
	for (int i = 0; i < 300; i++) /* nothing but changes, back to back */
		put_cp(buf, &n, i % 3 ? 0xE9 : 0xFB03);
	assert_map_like_naive(buf, n);
	n = 0;
	for (int i = 0; i < 200000; i++) /* one change past a gap of three LEB128 bytes */
		buf[n++] = 'x';
	put_cp(buf, &n, 0xC9);
	buf[n++] = 'y';
	assert_map_like_naive(buf, n);
	n = 0; /* every code point of the first planes' blocks that fold to something else */
	for (unsigned cp = 0; cp < 0x3400; cp++)
		if (cp < 0xD800 || cp > 0xDFFF)
			put_cp(buf, &n, cp);
	assert_map_like_naive(buf, n);
	free(buf);
}

/* --- words ------------------------------------------------------------------ */

static void test_words_french(void **state)
{
	(void)state;
	WORDS("Aujourd'hui, l'IA d\xE2\x80\x99OpenAI a lev\xC3\xA9 13 milliards.", "Aujourd'hui", "l'IA",
	      "d\xE2\x80\x99OpenAI", "a", "lev\xC3\xA9", "13", "milliards");
}

static void test_words_spans_exact(void **state)
{
	(void)state;
	const char *s = "GPT-4 a co\xC3\xBBt\xC3\xA9 3,5 milliards.";
	struct rv_span *sp = NULL;
	assert_int_equal(rv_text_words(s, strlen(s), &sp), 6);
	assert_span(sp[0], 0, 3);   /* GPT */
	assert_span(sp[1], 4, 5);   /* 4 */
	assert_span(sp[2], 6, 7);   /* a */
	assert_span(sp[3], 8, 15);  /* coûté */
	assert_span(sp[4], 16, 19); /* 3,5 */
	assert_span(sp[5], 20, 29); /* milliards */
	free(sp);
}

static void test_words_english(void **state)
{
	(void)state;
	WORDS("OpenAI's GPT-4 doesn't cost $3.5 billion, or does it?", "OpenAI's", "GPT", "4", "doesn't",
	      "cost", "3.5", "billion", "or", "does", "it");
}

static void test_words_numbers(void **state)
{
	(void)state;
	WORDS("13 milliards", "13", "milliards");
	WORDS("3,5 %", "3,5");
	WORDS("1,000,000.50 dollars", "1,000,000.50", "dollars");
	WORDS("le 14 juillet 1789", "le", "14", "juillet", "1789");
}

static void test_words_hyphens_and_apostrophes(void **state)
{
	(void)state;
	WORDS("peut-\xC3\xAAtre", "peut", "\xC3\xAAtre");
	WORDS("l\xE2\x80\x99\xC3\xA9t\xC3\xA9", "l\xE2\x80\x99\xC3\xA9t\xC3\xA9");
	WORDS("rock 'n' roll", "rock", "n", "roll");
}

static void test_words_decomposed_accents(void **state)
{
	(void)state;
	/* The combining marks belong to their word. */
	WORDS("e\xCC\x81te\xCC\x81 chaud", "e\xCC\x81te\xCC\x81", "chaud");
}

static void test_words_none(void **state)
{
	(void)state;
	struct rv_span *sp = (struct rv_span *)&sp;
	assert_int_equal(rv_text_words("", 0, &sp), 0);
	assert_null(sp);
	const char *p = "\xE2\x80\x94 \xE2\x80\xA6 \xC2\xAB \xC2\xBB ! ? \xF0\x9F\x98\x80 $ %";
	assert_int_equal(rv_text_words(p, strlen(p), &sp), 0);
	free(sp);
}

static void test_words_other_scripts(void **state)
{
	(void)state;
	WORDS("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 and \xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1",
	      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "and",
	      "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1");
}

/* A segment that holds letters is a word even when it does not start with
 * one: UAX #29 keeps a leading underscore (ExtendNumLet) in the segment. */
static void test_words_leading_underscore(void **state)
{
	(void)state;
	WORDS("snake_case _private __init__", "snake_case", "_private", "__init__");
}

static void test_words_count_only(void **state)
{
	(void)state;
	const char *s = "Le chat dort. The cat sleeps.";
	assert_int_equal(rv_text_words(s, strlen(s), NULL), 6);
}

/* --- sentences --------------------------------------------------------------- */

static void test_sentences_basic(void **state)
{
	(void)state;
	const char *s = "Il pleut. Il fait froid.";
	struct rv_span *sp = NULL;
	assert_int_equal(rv_text_sentences(s, strlen(s), &sp), 2);
	assert_span(sp[0], 0, 9);
	assert_span(sp[1], 10, 24);
	free(sp);
}

static void test_sentences_french_abbreviations(void **state)
{
	(void)state;
	SENTENCES("M. Dupont est arriv\xC3\xA9. Il pleut.", "M. Dupont est arriv\xC3\xA9.", "Il pleut.");
	SENTENCES("Mme Martin et M. Durand sont l\xC3\xA0. Ils parlent.",
	          "Mme Martin et M. Durand sont l\xC3\xA0.", "Ils parlent.");
	SENTENCES("Selon le Pr. Raoult et Mme. Lef\xC3\xA8vre, rien. Fin.",
	          "Selon le Pr. Raoult et Mme. Lef\xC3\xA8vre, rien.", "Fin.");
}

static void test_sentences_english_abbreviations(void **state)
{
	(void)state;
	SENTENCES("Dr. House met Mr. Smith yesterday. They talked.", "Dr. House met Mr. Smith yesterday.",
	          "They talked.");
	SENTENCES("The U.S. Army arrived. Then it left.", "The U.S. Army arrived.", "Then it left.");
	SENTENCES("Apple Inc. Reported a loss. Shares fell.", "Apple Inc. Reported a loss.", "Shares fell.");
}

static void test_sentences_initials(void **state)
{
	(void)state;
	SENTENCES("J. K. Rowling a \xC3\xA9"
	          "crit Harry Potter. Le livre est sorti en 1997.",
	          "J. K. Rowling a \xC3\xA9"
	          "crit Harry Potter.",
	          "Le livre est sorti en 1997.");
}

static void test_sentences_question_and_exclamation(void **state)
{
	(void)state;
	SENTENCES("Vraiment ? Oui ! Bien s\xC3\xBBr.", "Vraiment ?", "Oui !", "Bien s\xC3\xBBr.");
	SENTENCES("Really? Yes! Of course.", "Really?", "Yes!", "Of course.");
	SENTENCES("Quoi ?! Non.", "Quoi ?!", "Non.");
}

static void test_sentences_ellipsis(void **state)
{
	(void)state;
	SENTENCES("Il h\xC3\xA9sita\xE2\x80\xA6 Puis il partit.", "Il h\xC3\xA9sita\xE2\x80\xA6",
	          "Puis il partit.");
	SENTENCES("Wait... Then he left.", "Wait...", "Then he left.");
	SENTENCES("Et ensuite\xE2\x80\xA6", "Et ensuite\xE2\x80\xA6");
}

static void test_sentences_closing_quotes(void **state)
{
	(void)state;
	SENTENCES("He said \xE2\x80\x9CIt is over.\xE2\x80\x9D Then he left.",
	          "He said \xE2\x80\x9CIt is over.\xE2\x80\x9D", "Then he left.");
	SENTENCES("Il a conclu : \xC2\xAB C\xE2\x80\x99"
	          "est fini.\xC2\xBB Puis il est parti.",
	          "Il a conclu : \xC2\xAB C\xE2\x80\x99"
	          "est fini.\xC2\xBB",
	          "Puis il est parti.");
	SENTENCES("(Voir plus haut.) Ensuite, rien.", "(Voir plus haut.)", "Ensuite, rien.");
	SENTENCES("She asked \"why?\" Nobody answered.", "She asked \"why?\"", "Nobody answered.");
}

static void test_sentences_newline_always_splits(void **state)
{
	(void)state;
	SENTENCES("Titre\nLe texte commence ici", "Titre", "Le texte commence ici");
	SENTENCES("Selon M.\nDupont", "Selon M.", "Dupont");
	SENTENCES("Une ligne\n\n\nAutre ligne\n", "Une ligne", "Autre ligne");
	SENTENCES("et puis\nle reste", "et puis", "le reste");
}

static void test_sentences_lowercase_does_not_split(void **state)
{
	(void)state;
	SENTENCES("Il est arriv\xC3\xA9 vers 3 h. environ. Puis il est reparti.",
	          "Il est arriv\xC3\xA9 vers 3 h. environ.", "Puis il est reparti.");
	SENTENCES("See the figure. it shows growth.", "See the figure. it shows growth.");
}

static void test_sentences_decimals(void **state)
{
	(void)state;
	SENTENCES("Le taux est pass\xC3\xA9 \xC3\xA0 3.5 % cette ann\xC3\xA9"
	          "e. Fin.",
	          "Le taux est pass\xC3\xA9 \xC3\xA0 3.5 % cette ann\xC3\xA9"
	          "e.",
	          "Fin.");
	SENTENCES("It grew 3.5% in 2023. Analysts agreed.", "It grew 3.5% in 2023.", "Analysts agreed.");
	SENTENCES("Version 2.0.1 is out.", "Version 2.0.1 is out.");
}

static void test_sentences_white_space_trimmed(void **state)
{
	(void)state;
	const char *s = "  Bonjour.   Au revoir.  ";
	struct rv_span *sp = NULL;
	assert_int_equal(rv_text_sentences(s, strlen(s), &sp), 2);
	assert_span(sp[0], 2, 10);
	assert_span(sp[1], 13, 23);
	free(sp);
	SENTENCES("Fin.\xC2\xA0"
	          "D\xC3\xA9"
	          "but.",
	          "Fin.",
	          "D\xC3\xA9"
	          "but.");
	SENTENCES("\t Un.\t", "Un.");
}

static void test_sentences_none(void **state)
{
	(void)state;
	struct rv_span *sp = (struct rv_span *)&sp;
	assert_int_equal(rv_text_sentences("", 0, &sp), 0);
	assert_null(sp);
	assert_int_equal(rv_text_sentences("  \n \n", 5, &sp), 0);
	free(sp);
	SENTENCES("Sans point final", "Sans point final");
}

/* The word before the period is the abbreviation even when a no-break space
 * or an opening quote stands before it (French typography puts a no-break
 * space after «). */
static void test_sentences_abbreviation_after_nbsp(void **state)
{
	(void)state;
	SENTENCES("Il a vu\xC2\xA0M. Dupont hier.", "Il a vu\xC2\xA0M. Dupont hier.");
}

static void test_sentences_abbreviation_after_guillemet(void **state)
{
	(void)state;
	SENTENCES("\xC2\xAB\xC2\xA0M. Dupont est arriv\xC3\xA9\xC2\xA0\xC2\xBB, dit-elle.",
	          "\xC2\xAB\xC2\xA0M. Dupont est arriv\xC3\xA9\xC2\xA0\xC2\xBB, dit-elle.");
}

static void test_sentences_abbreviation_after_opening_quote(void **state)
{
	(void)state;
	SENTENCES("\xE2\x80\x9CMr. Smith arrived,\xE2\x80\x9D she said.",
	          "\xE2\x80\x9CMr. Smith arrived,\xE2\x80\x9D she said.");
	SENTENCES("Il cite \"M. Dupont\" et part.", "Il cite \"M. Dupont\" et part.");
}

/* --- language ----------------------------------------------------------------- */

static const char *guess(const char *s)
{
	return rv_text_guess_lang(s, strlen(s));
}

static void test_lang_french(void **state)
{
	(void)state;
	assert_string_equal(guess("Le gouvernement a annonc\xC3\xA9 une r\xC3\xA9"
	                          "forme des retraites dans la journ\xC3\xA9"
	                          "e."),
	                    "fr");
	assert_string_equal(guess("LE CHAT ET LA SOURIS SONT DANS LA MAISON"), "fr");
	assert_string_equal(guess("Selon l\xE2\x80\x99"
	                          "INSEE, le ch\xC3\xB4mage est en baisse pour la premi\xC3\xA8re fois."),
	                    "fr");
}

static void test_lang_english(void **state)
{
	(void)state;
	assert_string_equal(guess("The government said that it would announce the reform on Monday."), "en");
	assert_string_equal(guess("Shares of the company were up by 3% in early trading, analysts said."),
	                    "en");
}

static void test_lang_other(void **state)
{
	(void)state;
	assert_string_equal(guess(""), "other");
	assert_string_equal(guess("Der Hund schl\xC3\xA4"
	                          "ft im Garten und die Katze spielt."),
	                    "other");
	assert_string_equal(guess("Hello"), "other");
	assert_string_equal(guess("12345 678 -- !!!"), "other");
	assert_string_equal(guess("\xE4\xB8\xAD\xE6\x96\x87\xE6\x96\x87\xE6\x9C\xAC"), "other");
}

static void test_lang_long_text(void **state)
{
	(void)state;
	struct rv_buf b = {0};
	for (int i = 0; i < 20000; i++)
		rv_buf_adds(&b, "Le chat de la voisine est sur le toit. ");
	assert_string_equal(rv_text_guess_lang(b.p, b.len), "fr");
	rv_buf_free(&b);
}

/* --- the sanitizer -------------------------------------------------------------- */

static void test_san_plain_text_unchanged(void **state)
{
	(void)state;
	SAN_EQ("L\xE2\x80\x99\xC3\xA9t\xC3\xA9 \xC3\xA0 No\xC3\xABl \xE2\x80\x94 "
	       "\xC2\xAB\xC2\xA0oui\xC2\xA0\xC2\xBB",
	       0,
	       "L\xE2\x80\x99\xC3\xA9t\xC3\xA9 \xC3\xA0 No\xC3\xABl \xE2\x80\x94 "
	       "\xC2\xAB\xC2\xA0oui\xC2\xA0\xC2\xBB");
	SAN_EQ("Plain ASCII ~!@#$%^&*()_+{}|:<>?", 0, "Plain ASCII ~!@#$%^&*()_+{}|:<>?");
	SAN_EQ("", 0, "");
}

static void test_san_c0_controls(void **state)
{
	(void)state;
	for (unsigned c = 0; c < 0x20; c++) {
		if (c == '\n' || c == '\t')
			continue;
		char in[1] = {(char)c}, want[3] = {'^', (char)(c + 64), '\0'};
		check_sanitized(in, 1, 0, want, 2);
		struct rv_glyph g = glyph1(in, 1, 0);
		assert_int_equal(g.kind, RV_GLYPH_TOKEN);
		assert_int_equal(g.width, 2);
	}
}

static void test_san_c0_examples(void **state)
{
	(void)state;
	SAN_EQ("\x1B[2J\x1B]0;pwned\x07", 0, "^[[2J^[]0;pwned^G");
	SAN_EQ("abc\rXYZ", 0, "abc^MXYZ");
	SAN_EQ("abc\b\b\bXYZ", 0, "abc^H^H^HXYZ");
	SAN_EQ("\x0E\x0F", 0, "^N^O");
	SAN_EQ("a\0b", 0, "a^@b");
	SAN_EQ("\x7F", 0, "^?");
}

static void test_san_c1_controls(void **state)
{
	(void)state;
	for (unsigned cp = 0x80; cp <= 0x9F; cp++) {
		char in[4], want[16];
		size_t l = rv_utf8_encode(cp, in);
		snprintf(want, sizeof want, "<U+%04X>", cp);
		check_sanitized(in, l, 0, want, strlen(want));
	}
}

static void test_san_bidi_controls(void **state)
{
	(void)state;
	static const unsigned bidi[] = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066,
	                                0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C};
	for (size_t i = 0; i < RV_ARRAY_LEN(bidi); i++) {
		char in[8];
		size_t l = rv_utf8_encode(bidi[i], in);
		struct rv_glyph g = glyph1(in, l, 0);
		assert_angle_token(&g, bidi[i]);
		assert_int_equal(g.len, l);
	}
	/* invoice_<RLO>fdp.txt keeps its bytes in order, the RLO visible. */
	size_t len;
	char *out = sanitize("invoice_\xE2\x80\xAE"
	                     "fdp.txt",
	                     18, 0, &len);
	assert_null(strstr(out, "\xE2\x80\xAE"));
	assert_memory_equal(out, "invoice_<", 9);
	assert_memory_equal(out + len - 8, ">fdp.txt", 8);
	free(out);
}

static void test_san_invisible_characters(void **state)
{
	(void)state;
	static const unsigned invisible[] = {
	    0x200B,  0x200C, 0xFEFF, 0x00AD, 0x2060, 0x2061, 0x2028, 0x2029,  0xE0001, 0xE0041,
	    0xE007F, 0x180E, 0xFFF9, 0x115F, 0x3164, 0xFFFE, 0xFFFF, 0x1FFFE, 0xFDD0,
	};
	for (size_t i = 0; i < RV_ARRAY_LEN(invisible); i++) {
		char in[8];
		size_t l = rv_utf8_encode(invisible[i], in);
		struct rv_glyph g = glyph1(in, l, 0);
		assert_angle_token(&g, invisible[i]);
	}
	/* The tag characters are numbered, so hidden text stays readable. */
	struct rv_glyph g = glyph1("\xF3\xA0\x80\x81", 4, 0);
	assert_string_equal(g.tok, "<U+E0001>");
}

static void test_san_invalid_bytes(void **state)
{
	(void)state;
	SAN_EQ("\xFF", 0, "\\xFF");
	SAN_EQ("a\xC3", 0, "a\\xC3");
	SAN_EQ("a\xE2\x82"
	       "b",
	       0, "a\\xE2\\x82b");
	SAN_EQ("\x9B"
	       "2J",
	       0,
	       "\\x9B"
	       "2J");
	SAN_EQ("\xC0\xAF", 0, "\\xC0\\xAF");
	SAN_EQ("\xED\xA0\x80", 0, "\\xED\\xA0\\x80");
	struct rv_glyph g = glyph1("\x80", 1, 0);
	assert_int_equal(g.kind, RV_GLYPH_TOKEN);
	assert_int_equal(g.width, 4);
}

static void test_san_newline_and_tab(void **state)
{
	(void)state;
	SAN_EQ("a\nb\tc", 0, "a\nb\tc");
	struct rv_glyph g = glyph1("\n", 1, 0);
	assert_int_equal(g.kind, RV_GLYPH_NEWLINE);
	assert_int_equal(g.width, 0);
	g = glyph1("\t", 1, 0);
	assert_int_equal(g.kind, RV_GLYPH_TAB);
}

static void test_san_one_line(void **state)
{
	(void)state;
	SAN_EQ("a\nb\tc", RV_SAN_ONE_LINE, "a^Jb^Ic");
	const char *in = "Titre\n\x1B[31m\t\xC3\xA9t\xC3\xA9";
	char *d = rv_sanitize_dup(in, strlen(in));
	assert_string_equal(d, "Titre^J^[[31m^I\xC3\xA9t\xC3\xA9");
	free(d);
	d = rv_sanitize_dup("", 0);
	assert_string_equal(d, "");
	free(d);
}

static void test_san_ascii_mode(void **state)
{
	(void)state;
	SAN_EQ("No\xC3\xABl", RV_SAN_ASCII, "No<U+00EB>l");
	SAN_EQ("\xC3\xA9t\xC3\xA9", RV_SAN_ASCII, "<U+00E9>t<U+00E9>");
	SAN_EQ("\xF0\x9F\x98\x80", RV_SAN_ASCII, "<U+1F600>");
	SAN_EQ("plain\ttext\n", RV_SAN_ASCII, "plain\ttext\n");
	SAN_EQ("a\nb", RV_SAN_ASCII | RV_SAN_ONE_LINE, "a^Jb");
}

static void test_san_combining_mark_storm(void **state)
{
	(void)state;
	size_t n = 1 + 5000 * 2 + 1;
	char *s = malloc(n);
	s[0] = 'e';
	for (size_t i = 0; i < 5000; i++)
		memcpy(s + 1 + 2 * i, "\xCC\x81", 2);
	s[n - 1] = 'x';
	struct rv_sanitizer st;
	rv_sanitizer_init(&st, 0);
	size_t i = 0, kept = 0, skipped = 0, glyphs = 0;
	struct rv_glyph g;
	while (i < n) {
		size_t l = rv_sanitize_next(&st, s, n, i, &g);
		assert_true(l >= 1);
		if (i > 0 && i < n - 1) {
			if (g.kind == RV_GLYPH_TEXT) {
				kept++;
				assert_int_equal(g.width, 0);
			} else {
				assert_int_equal(g.kind, RV_GLYPH_SKIP);
				assert_int_equal(g.width, 0);
				skipped++;
			}
		}
		glyphs++;
		i += l;
	}
	assert_int_equal(kept, 4);
	assert_int_equal(skipped, 4996);
	assert_int_equal(g.kind, RV_GLYPH_TEXT); /* the x after the storm */
	size_t len;
	char *out = sanitize(s, n, 0, &len);
	assert_int_equal(len, 1 + 4 * 2 + 1);
	assert_memory_equal(out, "e\xCC\x81\xCC\x81\xCC\x81\xCC\x81x", len);
	free(out);
	assert_int_equal(rv_text_width(s, n, 0), 2);
	free(s);
}

static void test_san_marks_reset_per_base(void **state)
{
	(void)state;
	/* Five marks on each of two bases: four kept on each. */
	SAN_EQ("a\xCC\x81\xCC\x82\xCC\x83\xCC\x84\xCC\x85"
	       "b\xCC\x81\xCC\x82\xCC\x83\xCC\x84\xCC\x85",
	       0,
	       "a\xCC\x81\xCC\x82\xCC\x83\xCC\x84"
	       "b\xCC\x81\xCC\x82\xCC\x83\xCC\x84");
}

static void test_san_mark_without_base(void **state)
{
	(void)state;
	struct rv_glyph g = glyph1("\xCC\x81", 2, 0);
	assert_int_equal(g.kind, RV_GLYPH_TOKEN);
	assert_string_equal(g.tok, "\xE2\x97\x8C\xCC\x81"); /* U+25CC then the mark */
	assert_int_equal(g.width, 1);
	SAN_EQ("\xCC\x81", 0, "\xE2\x97\x8C\xCC\x81");
	SAN_EQ("a \xCC\x81", 0, "a \xE2\x97\x8C\xCC\x81");
	SAN_EQ("a\n\xCC\x81", 0, "a\n\xE2\x97\x8C\xCC\x81");
	/* A second mark sits on the dotted circle. */
	SAN_EQ("\xCC\x81\xCC\x82", 0, "\xE2\x97\x8C\xCC\x81\xCC\x82");
	assert_int_equal(rv_text_width("\xCC\x81\xCC\x82", 4, 0), 1);
}

/* White space is no base for a mark: a tab no more than a space (the reader
 * draws a tab as spaces, and the accent would float over a blank cell). */
static void test_san_mark_after_tab(void **state)
{
	(void)state;
	SAN_EQ("a\t\xCC\x81", 0, "a\t\xE2\x97\x8C\xCC\x81");
}

static void test_san_cjk_width(void **state)
{
	(void)state;
	struct rv_glyph g = glyph1("\xE4\xB8\xAD", 3, 0);
	assert_int_equal(g.kind, RV_GLYPH_TEXT);
	assert_int_equal(g.width, 2);
	assert_int_equal(rv_text_width("\xE4\xB8\xAD\xE6\x96\x87", 6, 0), 4); /* 中文 */
	assert_int_equal(rv_text_width("\xED\x95\x9C\xEA\xB5\xAD", 6, 0), 4); /* 한국 */
	assert_int_equal(rv_text_width("\xEF\xBC\xA1", 3, 0), 2);             /* fullwidth A */
	assert_int_equal(rv_text_width("\xEF\xBD\xB1", 3, 0), 1);             /* half-width kana */
}

static void test_san_emoji_width(void **state)
{
	(void)state;
	struct rv_glyph g = glyph1("\xF0\x9F\x98\x80", 4, 0);
	assert_int_equal(g.kind, RV_GLYPH_TEXT);
	assert_int_equal(g.width, 2);
	assert_int_equal(rv_text_width("\xF0\x9F\x98\x80\xF0\x9F\x8E\x89", 8, 0), 4);
}

static void test_san_emoji_zwj_sequence(void **state)
{
	(void)state;
	/* 👨‍👩‍👧: the joiners are consumed, the parts drawn. */
	static const char fam[] = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
	static const enum rv_glyph_kind kinds[] = {RV_GLYPH_TEXT, RV_GLYPH_SKIP, RV_GLYPH_TEXT, RV_GLYPH_SKIP,
	                                           RV_GLYPH_TEXT};
	struct rv_sanitizer st;
	rv_sanitizer_init(&st, 0);
	struct rv_glyph g;
	size_t i = 0, k = 0, n = sizeof fam - 1;
	while (i < n) {
		i += rv_sanitize_next(&st, fam, n, i, &g);
		assert_true(k < RV_ARRAY_LEN(kinds));
		assert_int_equal(g.kind, kinds[k]);
		k++;
	}
	assert_int_equal(k, RV_ARRAY_LEN(kinds));
	SAN_EQ("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", 0,
	       "\xF0\x9F\x91\xA8\xF0\x9F\x91\xA9\xF0\x9F\x91\xA7");
	assert_int_equal(rv_text_width(fam, n, 0), 6);
}

static void test_san_zwj_outside_emoji_is_token(void **state)
{
	(void)state;
	size_t len;
	char *out = sanitize("a\xE2\x80\x8D"
	                     "b",
	                     5, 0, &len);
	assert_null(strstr(out, "\xE2\x80\x8D"));
	assert_true(len > 4 && out[0] == 'a' && out[1] == '<' && out[len - 2] == '>' && out[len - 1] == 'b');
	free(out);
	/* After an emoji but with nothing pictographic next. */
	out = sanitize("\xF0\x9F\x91\xA8\xE2\x80\x8D"
	               "x",
	               8, 0, &len);
	assert_null(strstr(out, "\xE2\x80\x8D"));
	free(out);
	out = sanitize("\xF0\x9F\x91\xA8\xE2\x80\x8D", 7, 0, &len);
	assert_null(strstr(out, "\xE2\x80\x8D"));
	free(out);
}

static void test_text_width(void **state)
{
	(void)state;
	assert_int_equal(rv_text_width("", 0, 0), 0);
	assert_int_equal(rv_text_width("abc", 3, 0), 3);
	assert_int_equal(rv_text_width("\xC3\xA9t\xC3\xA9", 5, 0), 3);
	assert_int_equal(rv_text_width("e\xCC\x81", 3, 0), 1);
	assert_int_equal(rv_text_width("\x1B", 1, 0), 2);     /* ^[ */
	assert_int_equal(rv_text_width("\xFF", 1, 0), 4);     /* \xFF */
	assert_int_equal(rv_text_width("\xC2\x85", 2, 0), 8); /* <U+0085> */
	assert_int_equal(rv_text_width("a\tb", 3, 0), 3);
	assert_int_equal(rv_text_width("a\nb", 3, 0), 2);
	assert_int_equal(rv_text_width("a\nb", 3, RV_SAN_ONE_LINE), 4);
	assert_int_equal(rv_text_width("\xC3\xA9", 2, RV_SAN_ASCII), 8);
}

/* The width is the sum of the glyph widths, and what rv_sanitize writes is
 * what the glyphs say. */
static void test_san_glyphs_agree_with_sanitize(void **state)
{
	(void)state;
	lcg_seed(555);
	char s[200];
	for (int t = 0; t < 500; t++) {
		size_t n = lcg() % sizeof s;
		for (size_t i = 0; i < n; i++) {
			uint32_t r = lcg() % 4;
			s[i] = (char)(r == 0   ? lcg() % 0x20
			              : r == 1 ? 0x80 + lcg() % 0x80
			                       : ' ' + lcg() % 95);
		}
		struct rv_sanitizer st;
		rv_sanitizer_init(&st, 0);
		struct rv_buf b = {0};
		size_t i = 0, w = 0;
		struct rv_glyph g;
		while (i < n) {
			size_t l = rv_sanitize_next(&st, s, n, i, &g);
			assert_true(l >= 1 && i + l <= n);
			assert_int_equal(l, g.len);
			assert_true(g.width >= 0);
			w += (size_t)g.width;
			if (g.kind == RV_GLYPH_TOKEN)
				rv_buf_adds(&b, g.tok);
			else if (g.kind != RV_GLYPH_SKIP)
				rv_buf_add(&b, s + i, l);
			i += l;
		}
		assert_int_equal(rv_text_width(s, n, 0), w);
		size_t len;
		char *out = sanitize(s, n, 0, &len);
		assert_int_equal(len, b.len);
		assert_memory_equal(out, b.p ? b.p : "", len);
		assert_terminal_safe(out, len, "random bytes");
		free(out);
		rv_buf_free(&b);
	}
}

/* Every code point alone, and after a base: the output is safe, the ASCII
 * mode is ASCII, the one-line mode has no line end. */
static void test_san_every_code_point_safe(void **state)
{
	(void)state;
	struct rv_buf b = {0};
	for (unsigned cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char in[5] = {'a'};
		size_t l = rv_utf8_encode(cp, in + 1);
		for (int base = 0; base < 2; base++) {
			b.len = 0;
			rv_sanitize(in + 1 - base, l + (size_t)base, 0, &b);
			size_t at;
			const char *why = terminal_hazard(b.p, b.len, &at);
			if (why)
				fail_msg("U+%04X%s: %s in the output", cp, base ? " after a base" : "", why);
		}
		b.len = 0;
		rv_sanitize(in + 1, l, RV_SAN_ASCII, &b);
		for (size_t i = 0; i < b.len; i++)
			if ((unsigned char)b.p[i] >= 0x7F ||
			    (b.p[i] < 0x20 && b.p[i] != '\n' && b.p[i] != '\t'))
				fail_msg("U+%04X: byte %02X in ASCII mode", cp, (unsigned char)b.p[i]);
		b.len = 0;
		rv_sanitize(in + 1, l, RV_SAN_ONE_LINE, &b);
		if (memchr(b.p, '\n', b.len) || memchr(b.p, '\t', b.len))
			fail_msg("U+%04X: line end in one-line mode", cp);
		struct rv_glyph g = glyph1(in + 1, l, 0);
		assert_true(g.width >= 0 && g.width <= 24);
		if (g.kind == RV_GLYPH_TEXT)
			assert_true(g.width <= 2);
	}
	rv_buf_free(&b);
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && !strcmp(s + a - b, suffix);
}

static void test_san_adversarial_files(void **state)
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
		for (unsigned flags = 0; flags <= RV_SAN_ONE_LINE; flags++) {
			size_t len;
			char *out = sanitize(raw, n, flags, &len);
			assert_terminal_safe(out, len, de->d_name);
			assert_null(memchr(out, 0x1B, len));
			if (flags & RV_SAN_ONE_LINE)
				assert_null(memchr(out, '\n', len));
			free(out);
		}
		free(raw);
	}
	closedir(dir);
	assert_true(files > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_nfc_composes_e_acute),
	    cmocka_unit_test(test_nfc_french_sentence),
	    cmocka_unit_test(test_nfc_fast_path_identical),
	    cmocka_unit_test(test_nfc_reorders_and_composes),
	    cmocka_unit_test(test_nfc_hangul),
	    cmocka_unit_test(test_nfc_singletons),
	    cmocka_unit_test(test_nfc_keeps_compatibility_forms),
	    cmocka_unit_test(test_nfc_matches_libunistring),
	    cmocka_unit_test(test_nfc_stable_known_values),
	    cmocka_unit_test(test_nfc_stable_exhaustive_single),
	    cmocka_unit_test(test_nfc_stable_exhaustive_pairs),
	    cmocka_unit_test(test_nfc_stable_strings_unchanged),
	    cmocka_unit_test(test_fold_accents_and_case),
	    cmocka_unit_test(test_fold_apostrophes),
	    cmocka_unit_test(test_fold_spaces),
	    cmocka_unit_test(test_fold_sharp_s),
	    cmocka_unit_test(test_fold_removes_ignorables),
	    cmocka_unit_test(test_fold_keeps_oe_and_ae),
	    cmocka_unit_test(test_fold_ligatures),
	    cmocka_unit_test(test_fold_combining_marks_removed),
	    cmocka_unit_test(test_fold_other_scripts),
	    cmocka_unit_test(test_fold_ascii_has_no_changes),
	    cmocka_unit_test(test_fold_cp_examples),
	    cmocka_unit_test(test_fold_cp_consistent_with_fold),
	    cmocka_unit_test(test_fold_ascii_words),
	    cmocka_unit_test(test_fold_text_stable),
	    cmocka_unit_test(test_fold_to_source_accents),
	    cmocka_unit_test(test_fold_to_source_ligature),
	    cmocka_unit_test(test_fold_to_source_sharp_s),
	    cmocka_unit_test(test_fold_to_source_zero_width),
	    cmocka_unit_test(test_fold_to_source_boundaries),
	    cmocka_unit_test(test_fold_to_source_same_length_expansions),
	    cmocka_unit_test(test_fold_to_source_every_code_point),
	    cmocka_unit_test(test_fold_map_like_naive_random),
	    cmocka_unit_test(test_fold_map_like_naive_adversarial),
	    cmocka_unit_test(test_fold_word_spans_round_trip),
	    cmocka_unit_test(test_fold_word_spans_round_trip_random),
	    cmocka_unit_test(test_words_french),
	    cmocka_unit_test(test_words_spans_exact),
	    cmocka_unit_test(test_words_english),
	    cmocka_unit_test(test_words_numbers),
	    cmocka_unit_test(test_words_hyphens_and_apostrophes),
	    cmocka_unit_test(test_words_decomposed_accents),
	    cmocka_unit_test(test_words_none),
	    cmocka_unit_test(test_words_other_scripts),
	    cmocka_unit_test(test_words_leading_underscore),
	    cmocka_unit_test(test_words_count_only),
	    cmocka_unit_test(test_sentences_basic),
	    cmocka_unit_test(test_sentences_french_abbreviations),
	    cmocka_unit_test(test_sentences_english_abbreviations),
	    cmocka_unit_test(test_sentences_initials),
	    cmocka_unit_test(test_sentences_question_and_exclamation),
	    cmocka_unit_test(test_sentences_ellipsis),
	    cmocka_unit_test(test_sentences_closing_quotes),
	    cmocka_unit_test(test_sentences_newline_always_splits),
	    cmocka_unit_test(test_sentences_lowercase_does_not_split),
	    cmocka_unit_test(test_sentences_decimals),
	    cmocka_unit_test(test_sentences_white_space_trimmed),
	    cmocka_unit_test(test_sentences_none),
	    cmocka_unit_test(test_sentences_abbreviation_after_nbsp),
	    cmocka_unit_test(test_sentences_abbreviation_after_guillemet),
	    cmocka_unit_test(test_sentences_abbreviation_after_opening_quote),
	    cmocka_unit_test(test_lang_french),
	    cmocka_unit_test(test_lang_english),
	    cmocka_unit_test(test_lang_other),
	    cmocka_unit_test(test_lang_long_text),
	    cmocka_unit_test(test_san_plain_text_unchanged),
	    cmocka_unit_test(test_san_c0_controls),
	    cmocka_unit_test(test_san_c0_examples),
	    cmocka_unit_test(test_san_c1_controls),
	    cmocka_unit_test(test_san_bidi_controls),
	    cmocka_unit_test(test_san_invisible_characters),
	    cmocka_unit_test(test_san_invalid_bytes),
	    cmocka_unit_test(test_san_newline_and_tab),
	    cmocka_unit_test(test_san_one_line),
	    cmocka_unit_test(test_san_ascii_mode),
	    cmocka_unit_test(test_san_combining_mark_storm),
	    cmocka_unit_test(test_san_marks_reset_per_base),
	    cmocka_unit_test(test_san_mark_without_base),
	    cmocka_unit_test(test_san_mark_after_tab),
	    cmocka_unit_test(test_san_cjk_width),
	    cmocka_unit_test(test_san_emoji_width),
	    cmocka_unit_test(test_san_emoji_zwj_sequence),
	    cmocka_unit_test(test_san_zwj_outside_emoji_is_token),
	    cmocka_unit_test(test_text_width),
	    cmocka_unit_test(test_san_glyphs_agree_with_sanitize),
	    cmocka_unit_test(test_san_every_code_point_safe),
	    cmocka_unit_test(test_san_adversarial_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
