/* fuzz_json.c — JSON output: rv_json_string on any bytes, and every dump
 * kind over a corpus of one or two articles built from the input, and
 * --dump diff with a span argument read from the input's first line.
 *
 * Checks, with a strict RFC 8259 reader written here: every line of every
 * dump is one JSON object; a string always reads back as valid UTF-8 and,
 * when its input was valid UTF-8, as exactly the input; the text holds no
 * raw control, C1, bidi or other format character (json.h promises a dump
 * printed raw cannot drive a terminal).
 */
#include "fuzz.h"

#include "revue/corpus.h"
#include "revue/dump.h"
#include "revue/index.h"
#include "revue/json.h"
#include "revue/util.h"

#include <unictype.h>

struct reader {
	const char *s;
	size_t n, i;
	int depth;
	struct rv_buf *out; /* the decoded string, when wanted */
};

static bool value(struct reader *r);

static void skip_ws(struct reader *r)
{
	while (r->i < r->n && (r->s[r->i] == ' ' || r->s[r->i] == '\t' || r->s[r->i] == '\n' || r->s[r->i] == '\r'))
		r->i++;
}

static bool hex4(struct reader *r, unsigned *v)
{
	*v = 0;
	for (int k = 0; k < 4; k++, r->i++) {
		if (r->i >= r->n)
			return false;
		char c = r->s[r->i];
		unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
			   : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
			   : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16u;
		if (d > 15)
			return false;
		*v = *v << 4 | d;
	}
	return true;
}

static bool string(struct reader *r)
{
	if (r->i >= r->n || r->s[r->i] != '"')
		return false;
	r->i++;
	while (r->i < r->n) {
		const unsigned char *u = (const unsigned char *)r->s + r->i;
		if (*u == '"') {
			r->i++;
			return true;
		}
		if (*u == '\\') {
			if (++r->i >= r->n)
				return false;
			char e = r->s[r->i++];
			unsigned cp;
			const char *simple = strchr("\"\\/bfnrt", e);
			if (e && simple) {
				static const char map[] = "\"\\/\b\f\n\r\t";
				cp = (unsigned char)map[simple - "\"\\/bfnrt"];
			} else if (e == 'u') {
				if (!hex4(r, &cp))
					return false;
				if (cp >= 0xD800 && cp < 0xDC00) { /* revue never writes a lone surrogate */
					unsigned lo;
					if (r->i + 2 > r->n || r->s[r->i] != '\\' || r->s[r->i + 1] != 'u')
						return false;
					r->i += 2;
					if (!hex4(r, &lo) || lo < 0xDC00 || lo > 0xDFFF)
						return false;
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
					return false;
				}
			} else {
				return false;
			}
			if (r->out) {
				char enc[4];
				rv_buf_add(r->out, enc, rv_utf8_encode(cp, enc));
			}
			continue;
		}
		unsigned cp;
		size_t l = rv_utf8_decode(u, r->n - r->i, &cp);
		if (!l || cp < 0x20)
			return false;
		/* Raw in the text: must be safe on a terminal. */
		FUZZ_CHECK(!(cp >= 0x7F && cp < 0xA0));
		FUZZ_CHECK(!uc_is_general_category(cp, UC_CATEGORY_Cf));
		FUZZ_CHECK(cp != 0x2028 && cp != 0x2029);
		if (r->out)
			rv_buf_add(r->out, u, l);
		r->i += l;
	}
	return false;
}

static bool number(struct reader *r)
{
	size_t i = r->i;
	if (i < r->n && r->s[i] == '-')
		i++;
	if (i >= r->n || r->s[i] < '0' || r->s[i] > '9')
		return false;
	if (r->s[i] == '0')
		i++;
	else
		while (i < r->n && r->s[i] >= '0' && r->s[i] <= '9')
			i++;
	if (i < r->n && r->s[i] == '.') {
		if (++i >= r->n || r->s[i] < '0' || r->s[i] > '9')
			return false;
		while (i < r->n && r->s[i] >= '0' && r->s[i] <= '9')
			i++;
	}
	if (i < r->n && (r->s[i] == 'e' || r->s[i] == 'E')) {
		i++;
		if (i < r->n && (r->s[i] == '+' || r->s[i] == '-'))
			i++;
		if (i >= r->n || r->s[i] < '0' || r->s[i] > '9')
			return false;
		while (i < r->n && r->s[i] >= '0' && r->s[i] <= '9')
			i++;
	}
	r->i = i;
	return true;
}

static bool literal(struct reader *r, const char *w)
{
	size_t l = strlen(w);
	if (r->n - r->i < l || memcmp(r->s + r->i, w, l) != 0)
		return false;
	r->i += l;
	return true;
}

static bool members(struct reader *r, char close, bool keyed)
{
	r->i++;
	skip_ws(r);
	if (r->i < r->n && r->s[r->i] == close) {
		r->i++;
		return true;
	}
	for (;;) {
		skip_ws(r);
		if (keyed) {
			if (!string(r))
				return false;
			skip_ws(r);
			if (r->i >= r->n || r->s[r->i++] != ':')
				return false;
		}
		if (!value(r))
			return false;
		skip_ws(r);
		if (r->i >= r->n)
			return false;
		char c = r->s[r->i++];
		if (c == close)
			return true;
		if (c != ',')
			return false;
	}
}

static bool value(struct reader *r)
{
	skip_ws(r);
	if (r->i >= r->n || ++r->depth > 64)
		return false;
	bool ok;
	switch (r->s[r->i]) {
	case '{': ok = members(r, '}', true); break;
	case '[': ok = members(r, ']', false); break;
	case '"': ok = string(r); break;
	case 't': ok = literal(r, "true"); break;
	case 'f': ok = literal(r, "false"); break;
	case 'n': ok = literal(r, "null"); break;
	default: ok = number(r); break;
	}
	r->depth--;
	return ok;
}

/* One JSON object per line, each line ending in '\n'. */
static void check_lines(const char *s, size_t n)
{
	size_t at = 0;
	while (at < n) {
		const char *nl = memchr(s + at, '\n', n - at);
		FUZZ_CHECK(nl != NULL);
		size_t end = (size_t)(nl - s);
		struct reader r = {s + at, end - at, 0, 0, NULL};
		FUZZ_CHECK(r.n > 0 && r.s[0] == '{');
		FUZZ_CHECK(value(&r));
		skip_ws(&r);
		FUZZ_CHECK(r.i == r.n);
		at = end + 1;
	}
}

static void check_string_roundtrip(const uint8_t *data, size_t size)
{
	struct rv_buf js = {0}, back = {0};
	rv_json_string(&js, (const char *)data, size);
	struct reader r = {js.p, js.len, 0, 0, &back};
	FUZZ_CHECK(string(&r) && r.i == js.len);
	FUZZ_CHECK(rv_utf8_valid(back.p ? back.p : "", back.len));
	if (rv_utf8_valid((const char *)data, size))
		FUZZ_CHECK(back.len == size && (size == 0 || memcmp(back.p, data, size) == 0));
	rv_buf_free(&js);
	rv_buf_free(&back);
}

/* --dump diff A B: A is the input's first line (an ID or ID:START:END),
 * B the last article loaded. */
static void check_diff_dump(const struct rv_corpus *c, const uint8_t *data, size_t size)
{
	char arg[48];
	size_t k = 0;
	while (k < size && k < sizeof arg - 1 && data[k] != '\n' && data[k] != '\0') {
		arg[k] = (char)data[k];
		k++;
	}
	arg[k] = '\0';
	struct rv_dump_span a, b;
	if (rv_dump_span_parse(arg, &a) != NULL)
		return;
	FUZZ_CHECK(a.id_len > 0 && a.id_len <= k && (a.whole || a.start <= a.end));
	FUZZ_CHECK(rv_dump_span_parse(c->articles[c->n - 1].id, &b) == NULL && b.whole);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	FUZZ_CHECK(f != NULL);
	const char *why = NULL, *bad = NULL;
	int rc = rv_dump_diff(c, &a, &b, f, &why, &bad);
	fclose(f);
	FUZZ_CHECK(rc == 0 || rc == -2);
	if (rc == 0)
		check_lines(buf, len);
	else
		FUZZ_CHECK(why != NULL && bad == a.arg);
	free(buf);
}

static void check_dumps(const uint8_t *data, size_t size)
{
	struct fuzz_part parts[2];
	size_t np = fuzz_split(data, size, parts, 2);
	struct rv_corpus *c = rv_xcalloc(1, sizeof *c);
	c->articles = rv_xcalloc(np, sizeof *c->articles);
	for (size_t i = 0; i < np; i++) {
		char id[16];
		snprintf(id, sizeof id, "%zu.txt", i);
		if (rv_article_from_bytes(id, parts[i].p, parts[i].n, &c->articles[c->n], &c->diags))
			c->n++;
		else
			rv_article_free(&c->articles[c->n]); /* a refused article holds its id */
	}
	if (c->n > 0) {
		struct rv_index_opts opts = {.threads = 1, .aliases = NULL};
		struct rv_index *ix = rv_index_build(c, &opts);
		static const char *const kinds[] = {"articles", "entities", "quotes", "timeline"};
		for (size_t k = 0; k < RV_ARRAY_LEN(kinds); k++) {
			if (!rv_dump_known(kinds[k]))
				continue;
			char *buf = NULL;
			size_t len = 0;
			FILE *f = open_memstream(&buf, &len);
			FUZZ_CHECK(f != NULL);
			FUZZ_CHECK(rv_dump(kinds[k], c, ix, f) == 0);
			fclose(f);
			check_lines(buf, len);
			free(buf);
		}
		rv_index_free(ix);
		check_diff_dump(c, data, size);
	}
	rv_corpus_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_string_roundtrip(data, size);
	check_dumps(data, size);
	return 0;
}
