/* Tests of the JSON writer (include/revue/json.h): strings that are valid
 * JSON and valid UTF-8 for any input, and that cannot drive a terminal when
 * printed raw. */
#include "testutil.h"

#include "revue/decode.h"
#include "revue/json.h"
#include "revue/util.h"

#include <unictype.h>

/* --- helpers -------------------------------------------------------------- */

#define FFFD "\xEF\xBF\xBD"

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

static char *json(const char *s, size_t n, size_t *len)
{
	struct rv_buf b = {0};
	rv_json_string(&b, s, n);
	if (len)
		*len = b.len;
	return rv_buf_steal(&b);
}

static void check_json(const char *in, size_t n, const char *want, size_t want_len)
{
	size_t len;
	char *out = json(in, n, &len);
	if (len != want_len || memcmp(out, want, len) != 0)
		fail_msg("JSON %s, expected %s", out, want);
	free(out);
}

#define JSON_EQ(in, want) check_json(in, sizeof in - 1, want, sizeof want - 1)

static bool read_u16(const char *s, size_t n, size_t i, unsigned *u)
{
	if (i + 6 > n || s[i] != '\\' || s[i + 1] != 'u')
		return false;
	*u = 0;
	for (size_t k = 2; k < 6; k++) {
		int h = rv_hexval((unsigned char)s[i + k]);
		if (h < 0)
			return false;
		*u = *u << 4 | (unsigned)h;
	}
	return true;
}

/* A strict reader of one JSON string (RFC 8259): the decoded UTF-8 goes to
 * out; returns false, with the reason in *why, when the text is not exactly
 * one well-formed string. Besides the grammar it refuses what rv_json_string
 * promises never to write raw: controls, C1, format characters, U+2028/9. */
static bool parse_json_string(const char *s, size_t n, struct rv_buf *out, const char **why)
{
	*why = "not a string";
	if (n < 2 || s[0] != '"' || s[n - 1] != '"')
		return false;
	size_t i = 1;
	while (i < n - 1) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"') {
			*why = "unescaped quote";
			return false;
		}
		if (c == '\\') {
			if (i + 1 >= n - 1) {
				*why = "escape at the end";
				return false;
			}
			char e = s[i + 1];
			const char *simple = strchr("\"\\/bfnrt", e);
			if (e && simple) {
				static const char plain[] = "\"\\/\b\f\n\r\t";
				rv_buf_addc(out, plain[simple - "\"\\/bfnrt"]);
				i += 2;
				continue;
			}
			unsigned u;
			if (!read_u16(s, n - 1, i, &u)) {
				*why = "bad escape";
				return false;
			}
			i += 6;
			if (u >= 0xDC00 && u <= 0xDFFF) {
				*why = "lone low surrogate";
				return false;
			}
			if (u >= 0xD800 && u <= 0xDBFF) {
				unsigned lo;
				if (!read_u16(s, n - 1, i, &lo) || lo < 0xDC00 || lo > 0xDFFF) {
					*why = "lone high surrogate";
					return false;
				}
				i += 6;
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
			}
			char tmp[4];
			rv_buf_add(out, tmp, rv_utf8_encode(u, tmp));
			continue;
		}
		unsigned cp;
		size_t l = rv_utf8_decode((const unsigned char *)s + i, n - 1 - i, &cp);
		if (!l) {
			*why = "invalid UTF-8";
			return false;
		}
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
			*why = "raw control character";
			return false;
		}
		if (uc_is_general_category(cp, UC_CATEGORY_Cf) || cp == 0x2028 || cp == 0x2029) {
			*why = "raw format character or separator";
			return false;
		}
		rv_buf_add(out, s + i, l);
		i += l;
	}
	return true;
}

/* What a JSON string of s must decode to: s with each maximal invalid
 * subpart replaced by one U+FFFD. */
static void repaired(const char *s, size_t n, struct rv_buf *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned cp;
		size_t l = rv_utf8_decode(u + i, n - i, &cp);
		if (l) {
			rv_buf_add(out, s + i, l);
			i += l;
		} else {
			rv_buf_adds(out, FFFD);
			i += rv_utf8_invalid_len(u + i, n - i);
		}
	}
}

/* json(s) parses back to repaired(s). */
static void check_round_trip(const char *s, size_t n)
{
	size_t len;
	char *out = json(s, n, &len);
	assert_true(rv_utf8_valid(out, len));
	assert_null(memchr(out, 0x1B, len));
	struct rv_buf got = {0}, want = {0};
	const char *why = "";
	if (!parse_json_string(out, len, &got, &why))
		fail_msg("not a clean JSON string (%s): %s", why, out);
	repaired(s, n, &want);
	if (got.len != want.len || (want.len && memcmp(got.p, want.p, want.len) != 0))
		fail_msg("JSON %s does not decode to its input", out);
	rv_buf_free(&got);
	rv_buf_free(&want);
	free(out);
}

/* --- plain text ------------------------------------------------------------ */

static void test_json_plain_ascii(void **state)
{
	(void)state;
	JSON_EQ("Bonjour, le monde", "\"Bonjour, le monde\"");
	JSON_EQ("", "\"\"");
	JSON_EQ("/path/to <b> & 'x'", "\"/path/to <b> & 'x'\"");
}

static void test_json_french_raw(void **state)
{
	(void)state;
	JSON_EQ(
	    "L\xE2\x80\x99\xC3\xA9t\xC3\xA9 \xC2\xAB\xC2\xA0\xC3\xA0\xE2\x80\xAFNo\xC3\xABl\xC2\xA0\xC2\xBB "
	    "\xE2\x80\x94 \xC5\x93uvre \xE2\x82\xAC",
	    "\"L\xE2\x80\x99\xC3\xA9t\xC3\xA9 "
	    "\xC2\xAB\xC2\xA0\xC3\xA0\xE2\x80\xAFNo\xC3\xABl\xC2\xA0\xC2\xBB \xE2\x80\x94 \xC5\x93uvre "
	    "\xE2\x82\xAC\"");
}

static void test_json_astral_plain_raw(void **state)
{
	(void)state;
	/* Emoji and CJK are text: written as they are, not as surrogates. */
	JSON_EQ("\xF0\x9F\x98\x80 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x91\xA8\xF0\x9F\x91\xA9",
	        "\"\xF0\x9F\x98\x80 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x91\xA8\xF0\x9F\x91\xA9\"");
	JSON_EQ("\xF4\x8F\xBF\xBD", "\"\xF4\x8F\xBF\xBD\"");
}

/* --- escapes --------------------------------------------------------------- */

static void test_json_quote_and_backslash(void **state)
{
	(void)state;
	JSON_EQ("il a dit \"oui\"", "\"il a dit \\\"oui\\\"\"");
	JSON_EQ("C:\\temp\\", "\"C:\\\\temp\\\\\"");
	JSON_EQ("\\\"", "\"\\\\\\\"\"");
}

static void test_json_named_escapes(void **state)
{
	(void)state;
	JSON_EQ("a\nb\tc\rd", "\"a\\nb\\tc\\rd\"");
}

static void test_json_control_characters(void **state)
{
	(void)state;
	for (unsigned c = 0; c < 0x20; c++) {
		if (c == '\n' || c == '\t' || c == '\r')
			continue;
		char in[1] = {(char)c}, want[16];
		snprintf(want, sizeof want, "\"\\u%04X\"", c);
		check_json(in, 1, want, strlen(want));
	}
	JSON_EQ("\x7F", "\"\\u007F\"");
	JSON_EQ("a\0b", "\"a\\u0000b\"");
}

static void test_json_esc_sequence(void **state)
{
	(void)state;
	JSON_EQ("\x1B[31mrouge\x1B[0m", "\"\\u001B[31mrouge\\u001B[0m\"");
	JSON_EQ("\x1B]0;pwned\x07", "\"\\u001B]0;pwned\\u0007\"");
}

static void test_json_c1_controls(void **state)
{
	(void)state;
	for (unsigned cp = 0x80; cp <= 0x9F; cp++) {
		char in[4], want[16];
		size_t l = rv_utf8_encode(cp, in);
		snprintf(want, sizeof want, "\"\\u%04X\"", cp);
		check_json(in, l, want, strlen(want));
	}
}

static void test_json_line_separators(void **state)
{
	(void)state;
	JSON_EQ("a\xE2\x80\xA8"
	        "b\xE2\x80\xA9"
	        "c",
	        "\"a\\u2028b\\u2029c\"");
}

static void test_json_bidi_controls(void **state)
{
	(void)state;
	static const unsigned bidi[] = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066,
	                                0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C};
	for (size_t i = 0; i < RV_ARRAY_LEN(bidi); i++) {
		char in[4], want[16];
		size_t l = rv_utf8_encode(bidi[i], in);
		snprintf(want, sizeof want, "\"\\u%04X\"", bidi[i]);
		check_json(in, l, want, strlen(want));
	}
	JSON_EQ("invoice_\xE2\x80\xAE"
	        "fdp.txt",
	        "\"invoice_\\u202Efdp.txt\"");
}

static void test_json_invisible_format_characters(void **state)
{
	(void)state;
	JSON_EQ("\xEF\xBB\xBFTitle", "\"\\uFEFFTitle\"");
	JSON_EQ("anti\xC2\xAD"
	        "constitutionnel",
	        "\"anti\\u00ADconstitutionnel\"");
	JSON_EQ("pass\xE2\x80\x8Bword", "\"pass\\u200Bword\"");
	JSON_EQ("a\xE2\x80\x8D"
	        "b\xE2\x81\xA0"
	        "c",
	        "\"a\\u200Db\\u2060c\"");
	JSON_EQ("\xD8\x80", "\"\\u0600\""); /* ARABIC NUMBER SIGN, Cf */
}

static void test_json_astral_format_as_surrogates(void **state)
{
	(void)state;
	/* Tag characters (hidden text in "tag flags" and prompts). */
	JSON_EQ("\xF3\xA0\x80\x81", "\"\\uDB40\\uDC01\"");
	JSON_EQ("\xF3\xA0\x81\xA1\xF3\xA0\x81\xBF", "\"\\uDB40\\uDC61\\uDB40\\uDC7F\"");
	/* MUSICAL SYMBOL BEGIN BEAM, Cf in the supplementary planes. */
	JSON_EQ("\xF0\x9D\x85\xB3", "\"\\uD834\\uDD73\"");
}

/* --- invalid input ---------------------------------------------------------- */

static void test_json_invalid_bytes_become_fffd(void **state)
{
	(void)state;
	JSON_EQ("\xFF", "\"" FFFD "\"");
	JSON_EQ("caf\xE9", "\"caf" FFFD "\"");
	/* One U+FFFD per maximal subpart. */
	JSON_EQ("a\xE2\x82"
	        "b",
	        "\"a" FFFD "b\"");
	JSON_EQ("\xF0\x80\x80"
	        "A",
	        "\"" FFFD FFFD FFFD "A\"");
	JSON_EQ("\xC0\xAF", "\"" FFFD FFFD "\"");
	JSON_EQ("\xED\xA0\x80", "\"" FFFD FFFD FFFD "\"");
	JSON_EQ("\xF4\x90\x80\x80", "\"" FFFD FFFD FFFD FFFD "\"");
	/* Raw C1 bytes are invalid UTF-8, not escapes. */
	JSON_EQ("\x9B"
	        "2J",
	        "\"" FFFD "2J\"");
}

static void test_json_truncated_then_esc(void **state)
{
	(void)state;
	/* The ESC after a truncated sequence is escaped, never swallowed. */
	JSON_EQ("\xE2\x82\x1B[2J", "\"" FFFD "\\u001B[2J\"");
	JSON_EQ("\xC0\x9B", "\"" FFFD FFFD "\"");
}

/* --- the other entry points -------------------------------------------------- */

static void test_json_cstring(void **state)
{
	(void)state;
	struct rv_buf b = {0};
	rv_json_cstring(&b, NULL);
	assert_string_equal(b.p, "null");
	b.len = 0;
	rv_json_cstring(&b, "");
	assert_string_equal(b.p, "\"\"");
	b.len = 0;
	rv_json_cstring(&b, "\xC3\xA9t\xC3\xA9 \"chaud\"");
	assert_string_equal(b.p, "\"\xC3\xA9t\xC3\xA9 \\\"chaud\\\"\"");
	rv_buf_free(&b);
}

static void test_json_key(void **state)
{
	(void)state;
	struct rv_buf b = {0};
	rv_buf_addc(&b, '{');
	rv_json_key(&b, "title", true);
	rv_json_cstring(&b, "L\xE2\x80\x99IA");
	rv_json_key(&b, "author", false);
	rv_json_cstring(&b, NULL);
	rv_json_key(&b, "we\"ird", false);
	rv_json_cstring(&b, "x");
	rv_buf_addc(&b, '}');
	assert_string_equal(b.p, "{\"title\":\"L\xE2\x80\x99IA\",\"author\":null,\"we\\\"ird\":\"x\"}");
	rv_buf_free(&b);
}

static void test_json_appends(void **state)
{
	(void)state;
	struct rv_buf b = {0};
	rv_buf_adds(&b, "[");
	rv_json_string(&b, "a", 1);
	rv_buf_addc(&b, ',');
	rv_json_string(&b, "b\nc", 3);
	rv_buf_addc(&b, ']');
	assert_string_equal(b.p, "[\"a\",\"b\\nc\"]");
	assert_int_equal(b.len, strlen(b.p));
	rv_buf_free(&b);
}

static void test_json_length_not_strlen(void **state)
{
	(void)state;
	/* n counts, not the NUL: the bytes after it are written too. */
	check_json("ab\0cd", 5, "\"ab\\u0000cd\"", 12);
	check_json("abcdef", 3, "\"abc\"", 5);
}

/* --- properties ---------------------------------------------------------------- */

static void test_json_every_code_point(void **state)
{
	(void)state;
	for (unsigned cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char in[4];
		size_t l = rv_utf8_encode(cp, in);
		size_t len;
		char *out = json(in, l, &len);
		struct rv_buf got = {0};
		const char *why = "";
		if (!parse_json_string(out, len, &got, &why))
			fail_msg("U+%04X: %s in %s", cp, why, out);
		if (got.len != l || memcmp(got.p, in, l) != 0)
			fail_msg("U+%04X does not come back from %s", cp, out);
		/* Text is written as it is: only what must be escaped is. */
		bool escaped = out[1] == '\\';
		bool must = cp < 0x20 || cp == '"' || cp == '\\' || (cp >= 0x7F && cp <= 0x9F) ||
		            uc_is_general_category(cp, UC_CATEGORY_Cf) || cp == 0x2028 || cp == 0x2029;
		if (escaped != must)
			fail_msg("U+%04X written as %s", cp, out);
		rv_buf_free(&got);
		free(out);
	}
}

static void test_json_random_bytes_round_trip(void **state)
{
	(void)state;
	static const char *const pieces[] = {
	    "\xC3\xA9",     "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xE2\x80\xAE", "\xEF\xBB\xBF",
	    "\xE2\x80\xA8", "\xC2\x85",     "\xF3\xA0\x80\x81", "\\",           "\"",
	    "\x1B[",        FFFD,           "\xED\xA0\x80",     "\xC0\xAF",
	};
	lcg_seed(8086);
	char s[600];
	for (int t = 0; t < 800; t++) {
		size_t n = 0, want = lcg() % 500;
		while (n < want) {
			uint32_t r = lcg() % 8;
			if (r < 3) {
				s[n++] = (char)(lcg() % 0x80);
			} else if (r < 5) {
				s[n++] = (char)(0x80 + lcg() % 0x80);
			} else {
				const char *p = pieces[lcg() % RV_ARRAY_LEN(pieces)];
				size_t l = strlen(p);
				if (l > 1 && lcg() % 4 == 0)
					l = 1 + lcg() % (l - 1);
				memcpy(s + n, p, l);
				n += l;
			}
		}
		check_round_trip(s, n);
	}
}

static void test_json_round_trip_examples(void **state)
{
	(void)state;
	static const char *const texts[] = {
	    "",
	    "Le \xC2\xAB\xC2\xA0projet\xC2\xA0\xC2\xBB de l\xE2\x80\x99IA co\xC3\xBBte "
	    "3,5\xC2\xA0Md\xE2\x82\xAC.",
	    "Title: \x1B]0;pwned\x07\x1B[2J\r\n",
	    "\xE2\x80\xAE"
	    "evil\xE2\x80\xAC \xE2\x81\xA6"
	    "iso\xE2\x81\xA9",
	    "\xFF\xFE\xFD garbage \xC3",
	};
	for (size_t i = 0; i < RV_ARRAY_LEN(texts); i++)
		check_round_trip(texts[i], strlen(texts[i]));
}


/* --- the reader ----------------------------------------------------------- */

static struct rv_jval parse_ok(const char *s)
{
	struct rv_jval v;
	const char *err = NULL;
	size_t at = 0;
	if (rv_json_parse(s, strlen(s), &v, &err, &at) < 0)
		fail_msg("%s: %s at %zu", s, err, at);
	return v;
}

static void parse_bad(const char *s, size_t n, const char *want_err)
{
	struct rv_jval v;
	const char *err = NULL;
	size_t at = 0;
	if (rv_json_parse(s, n, &v, &err, &at) == 0) {
		rv_json_free(&v);
		fail_msg("accepted: %.*s", (int)n, s);
	}
	assert_non_null(err);
	assert_true(at <= n);
	if (want_err && !strstr(err, want_err))
		fail_msg("%.*s: error '%s', expected '%s'", (int)n, s, err, want_err);
	assert_int_equal(v.type, RV_JNULL); /* nothing left to free */
	assert_null(v.items);
}

static void test_jread_values(void **state)
{
	(void)state;
	struct rv_jval v = parse_ok(" {\"a\": [1, -2.5e3, true, false, null, \"x\"], \"b\": {}, \"c\": []} \n");
	assert_int_equal(v.type, RV_JOBJ);
	assert_int_equal(v.n, 3);
	const struct rv_jval *a = rv_json_get(&v, "a");
	assert_non_null(a);
	assert_int_equal(a->type, RV_JARR);
	assert_int_equal(a->n, 6);
	assert_true(a->items[0].type == RV_JNUM && a->items[0].num == 1);
	assert_true(a->items[1].num == -2500);
	assert_true(a->items[2].type == RV_JBOOL && a->items[2].b);
	assert_true(a->items[3].type == RV_JBOOL && !a->items[3].b);
	assert_int_equal(a->items[4].type, RV_JNULL);
	assert_string_equal(a->items[5].str, "x");
	assert_int_equal(rv_json_get(&v, "b")->type, RV_JOBJ);
	assert_int_equal(rv_json_get(&v, "c")->n, 0);
	assert_null(rv_json_get(&v, "d"));
	assert_null(rv_json_get(a, "a")); /* not an object */
	rv_json_free(&v);
}

static void test_jread_strings(void **state)
{
	(void)state;
	struct rv_jval v = parse_ok("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00 d\xc3\xa9j\xc3\xa0\"");
	assert_int_equal(v.type, RV_JSTR);
	const char want[] = "\"\\/\b\f\n\r\t\xc3\xa9\xf0\x9f\x98\x80 d\xc3\xa9j\xc3\xa0";
	assert_int_equal(v.len, sizeof want - 1);
	assert_memory_equal(v.str, want, v.len);
	rv_json_free(&v);
	v = parse_ok("\"\"");
	assert_int_equal(v.len, 0);
	assert_string_equal(v.str, "");
	rv_json_free(&v);
}

static void test_jread_errors(void **state)
{
	(void)state;
	static const struct {
		const char *s, *err;
	} bad[] = {
	    {"", "expected a value"},
	    {"{", "expected a key"},
	    {"{\"a\"}", "expected ':'"},
	    {"{\"a\":1,}", "expected a key"},
	    {"[1,]", "unexpected character"},
	    {"[1 2]", "expected ','"},
	    {"{\"a\":1 \"b\":2}", "expected ','"},
	    {"\"abc", "unterminated string"},
	    {"\"a\tb\"", "control character"},
	    {"\"\\x\"", "invalid escape"},
	    {"\"\\u12\"", "truncated \\u escape"},
	    {"\"\\u12G4\"", "invalid \\u escape"},
	    {"\"\\uDE00\"", "lone low surrogate"},
	    {"\"\\uD83D\"", "lone high surrogate"},
	    {"\"\\uD83D\\u0041\"", "lone high surrogate"},
	    {"\"\\u0000\"", "\\u0000"},
	    {"\"\xc3\"", "invalid UTF-8"},
	    {"\"\xc0\xaf\"", "invalid UTF-8"},      /* overlong */
	    {"\"\xed\xa0\x80\"", "invalid UTF-8"},  /* a surrogate in UTF-8 */
	    {"\"\xf4\x90\x80\x80\"", "invalid UTF-8"}, /* past U+10FFFF */
	    {"01", "text after"},
	    {"-", "invalid number"},
	    {"1.", "invalid number"},
	    {"1e", "invalid number"},
	    {".5", "unexpected character"},
	    {"tru", "invalid literal"},
	    {"nul", "invalid literal"},
	    {"1 2", "text after"},
	    {"{} x", "text after"},
	};
	for (size_t i = 0; i < RV_ARRAY_LEN(bad); i++)
		parse_bad(bad[i].s, strlen(bad[i].s), bad[i].err);
	/* a NUL byte inside the text is a byte like another: refused in a string */
	parse_bad("\"a\0b\"", 5, "control character");
	/* a number longer than any double needs */
	char big[200];
	memset(big, '1', sizeof big - 1);
	big[sizeof big - 1] = 0;
	parse_bad(big, strlen(big), "number too long");
}

static void test_jread_depth_bounded(void **state)
{
	(void)state;
	/* RV_JSON_DEPTH levels are fine, one more is refused, and a hostile
	 * 1,000,000 levels costs no stack */
	size_t n = 1000000;
	char *s = malloc(2 * n + 1);
	for (size_t i = 0; i < n; i++) {
		s[i] = '[';
		s[2 * n - 1 - i] = ']';
	}
	s[2 * n] = 0;
	struct rv_jval v;
	const char *err = NULL;
	size_t at;
	size_t ok = RV_JSON_DEPTH + 1; /* the outermost value is depth 0 */
	assert_int_equal(rv_json_parse(s + n - ok, 2 * ok, &v, &err, &at), 0);
	rv_json_free(&v);
	parse_bad(s + n - ok - 1, 2 * ok + 2, "nested too deep");
	parse_bad(s, 2 * n, "nested too deep");
	free(s);
}

static void test_jread_reads_what_the_writer_writes(void **state)
{
	(void)state;
	/* every code point but U+0000 (which the reader refuses) comes back */
	for (unsigned cp = 1; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char in[4];
		size_t l = rv_utf8_encode(cp, in);
		size_t len;
		char *out = json(in, l, &len);
		struct rv_jval v;
		const char *err = NULL;
		size_t at;
		if (rv_json_parse(out, len, &v, &err, &at) < 0)
			fail_msg("U+%04X: %s in %s", cp, err, out);
		if (v.type != RV_JSTR || v.len != l || memcmp(v.str, in, l))
			fail_msg("U+%04X does not come back from %s", cp, out);
		rv_json_free(&v);
		free(out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_json_plain_ascii),
	    cmocka_unit_test(test_json_french_raw),
	    cmocka_unit_test(test_json_astral_plain_raw),
	    cmocka_unit_test(test_json_quote_and_backslash),
	    cmocka_unit_test(test_json_named_escapes),
	    cmocka_unit_test(test_json_control_characters),
	    cmocka_unit_test(test_json_esc_sequence),
	    cmocka_unit_test(test_json_c1_controls),
	    cmocka_unit_test(test_json_line_separators),
	    cmocka_unit_test(test_json_bidi_controls),
	    cmocka_unit_test(test_json_invisible_format_characters),
	    cmocka_unit_test(test_json_astral_format_as_surrogates),
	    cmocka_unit_test(test_json_invalid_bytes_become_fffd),
	    cmocka_unit_test(test_json_truncated_then_esc),
	    cmocka_unit_test(test_json_cstring),
	    cmocka_unit_test(test_json_key),
	    cmocka_unit_test(test_json_appends),
	    cmocka_unit_test(test_json_length_not_strlen),
	    cmocka_unit_test(test_json_every_code_point),
	    cmocka_unit_test(test_json_random_bytes_round_trip),
	    cmocka_unit_test(test_json_round_trip_examples),
	    cmocka_unit_test(test_jread_values),
	    cmocka_unit_test(test_jread_strings),
	    cmocka_unit_test(test_jread_errors),
	    cmocka_unit_test(test_jread_depth_bounded),
	    cmocka_unit_test(test_jread_reads_what_the_writer_writes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
