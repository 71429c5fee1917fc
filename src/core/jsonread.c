/* jsonread.c — a strict JSON reader for the files revue reads back.
 *
 * Recursive descent over one text with an explicit depth bound: every
 * byte is looked at a constant number of times, arrays and objects grow
 * geometrically, and a value nested deeper than RV_JSON_DEPTH stops the
 * parse, so a hostile line costs time and memory in proportion to its
 * length and never the stack. Numbers follow the RFC grammar exactly and
 * are converted with strtod on a bounded copy (JSON has no locale; the
 * grammar admits no ',' so the C locale's '.' is what strtod expects).
 */
#include "revue/json.h"

#include "revue/decode.h"
#include "revue/util.h"

#include <stdlib.h>
#include <string.h>

struct jp {
	const unsigned char *s;
	size_t n, i;
	const char *err;
};

static bool fail(struct jp *p, const char *msg)
{
	if (!p->err)
		p->err = msg;
	return false;
}

static void skip_ws(struct jp *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' || p->s[p->i] == '\r'))
		p->i++;
}

static bool literal(struct jp *p, const char *word)
{
	size_t k = strlen(word);
	if (p->n - p->i < k || memcmp(p->s + p->i, word, k))
		return fail(p, "invalid literal");
	p->i += k;
	return true;
}

static bool hex4(struct jp *p, unsigned *out)
{
	if (p->n - p->i < 4)
		return fail(p, "truncated \\u escape");
	unsigned v = 0;
	for (int k = 0; k < 4; k++) {
		int h = rv_hexval(p->s[p->i + (size_t)k]);
		if (h < 0)
			return fail(p, "invalid \\u escape");
		v = v << 4 | (unsigned)h;
	}
	p->i += 4;
	*out = v;
	return true;
}

static void put_utf8(struct rv_buf *b, unsigned cp)
{
	char u[4];
	size_t k;
	if (cp < 0x80) {
		u[0] = (char)cp;
		k = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		k = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		k = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		k = 4;
	}
	rv_buf_add(b, u, k);
}

static bool string(struct jp *p, struct rv_buf *b)
{
	p->i++; /* the opening quote */
	for (;;) {
		if (p->i >= p->n)
			return fail(p, "unterminated string");
		unsigned char c = p->s[p->i];
		if (c == '"') {
			p->i++;
			return true;
		}
		if (c < 0x20)
			return fail(p, "control character in a string");
		if (c != '\\') {
			size_t run = p->i;
			while (run < p->n && p->s[run] >= 0x20 && p->s[run] < 0x80 && p->s[run] != '"' && p->s[run] != '\\')
				run++;
			if (run > p->i) {
				rv_buf_add(b, p->s + p->i, run - p->i);
				p->i = run;
				continue;
			}
			unsigned cp;
			size_t k = rv_utf8_decode(p->s + p->i, p->n - p->i, &cp);
			if (!k)
				return fail(p, "invalid UTF-8 in a string");
			rv_buf_add(b, p->s + p->i, k);
			p->i += k;
			continue;
		}
		if (++p->i >= p->n)
			return fail(p, "unterminated string");
		c = p->s[p->i++];
		switch (c) {
		case '"': rv_buf_addc(b, '"'); break;
		case '\\': rv_buf_addc(b, '\\'); break;
		case '/': rv_buf_addc(b, '/'); break;
		case 'b': rv_buf_addc(b, '\b'); break;
		case 'f': rv_buf_addc(b, '\f'); break;
		case 'n': rv_buf_addc(b, '\n'); break;
		case 'r': rv_buf_addc(b, '\r'); break;
		case 't': rv_buf_addc(b, '\t'); break;
		case 'u': {
			unsigned cp;
			if (!hex4(p, &cp))
				return false;
			if (cp >= 0xDC00 && cp <= 0xDFFF)
				return fail(p, "lone low surrogate");
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				unsigned lo;
				if (p->n - p->i < 2 || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u')
					return fail(p, "lone high surrogate");
				p->i += 2;
				if (!hex4(p, &lo))
					return false;
				if (lo < 0xDC00 || lo > 0xDFFF)
					return fail(p, "lone high surrogate");
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			}
			if (!cp)
				return fail(p, "\\u0000 in a string");
			put_utf8(b, cp);
			break;
		}
		default:
			return fail(p, "invalid escape");
		}
	}
}

static bool digits(struct jp *p)
{
	size_t s = p->i;
	while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
		p->i++;
	return p->i > s;
}

static bool number(struct jp *p, double *out)
{
	size_t s = p->i;
	if (p->s[p->i] == '-')
		p->i++;
	if (p->i < p->n && p->s[p->i] == '0')
		p->i++;
	else if (!digits(p))
		return fail(p, "invalid number");
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		if (!digits(p))
			return fail(p, "invalid number");
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if (!digits(p))
			return fail(p, "invalid number");
	}
	char tmp[64];
	size_t len = p->i - s;
	if (len >= sizeof tmp)
		return fail(p, "number too long");
	memcpy(tmp, p->s + s, len);
	tmp[len] = 0;
	*out = strtod(tmp, NULL);
	return true;
}

static bool value(struct jp *p, struct rv_jval *v, unsigned depth);

static bool array(struct jp *p, struct rv_jval *v, unsigned depth)
{
	size_t cap = 0;
	v->type = RV_JARR;
	p->i++;
	skip_ws(p);
	if (p->i < p->n && p->s[p->i] == ']') {
		p->i++;
		return true;
	}
	for (;;) {
		v->items = rv_xgrow(v->items, &cap, v->n + 1, sizeof *v->items);
		memset(&v->items[v->n], 0, sizeof *v->items);
		v->n++;
		if (!value(p, &v->items[v->n - 1], depth + 1))
			return false;
		skip_ws(p);
		if (p->i >= p->n)
			return fail(p, "unterminated array");
		if (p->s[p->i] == ']') {
			p->i++;
			return true;
		}
		if (p->s[p->i] != ',')
			return fail(p, "expected ',' or ']'");
		p->i++;
	}
}

static bool object(struct jp *p, struct rv_jval *v, unsigned depth)
{
	size_t cap = 0, kcap = 0;
	v->type = RV_JOBJ;
	p->i++;
	skip_ws(p);
	if (p->i < p->n && p->s[p->i] == '}') {
		p->i++;
		return true;
	}
	for (;;) {
		skip_ws(p);
		if (p->i >= p->n || p->s[p->i] != '"')
			return fail(p, "expected a key");
		struct rv_buf k = {0};
		if (!string(p, &k)) {
			rv_buf_free(&k);
			return false;
		}
		v->keys = rv_xgrow(v->keys, &kcap, v->n + 1, sizeof *v->keys);
		v->items = rv_xgrow(v->items, &cap, v->n + 1, sizeof *v->items);
		v->keys[v->n] = k.p ? rv_buf_steal(&k) : rv_xstrdup("");
		memset(&v->items[v->n], 0, sizeof *v->items);
		v->n++;
		skip_ws(p);
		if (p->i >= p->n || p->s[p->i] != ':')
			return fail(p, "expected ':'");
		p->i++;
		if (!value(p, &v->items[v->n - 1], depth + 1))
			return false;
		skip_ws(p);
		if (p->i >= p->n)
			return fail(p, "unterminated object");
		if (p->s[p->i] == '}') {
			p->i++;
			return true;
		}
		if (p->s[p->i] != ',')
			return fail(p, "expected ',' or '}'");
		p->i++;
	}
}

static bool value(struct jp *p, struct rv_jval *v, unsigned depth)
{
	if (depth > RV_JSON_DEPTH)
		return fail(p, "nested too deep");
	skip_ws(p);
	if (p->i >= p->n)
		return fail(p, "expected a value");
	switch (p->s[p->i]) {
	case '{':
		return object(p, v, depth);
	case '[':
		return array(p, v, depth);
	case '"': {
		struct rv_buf b = {0};
		v->type = RV_JSTR;
		bool ok = string(p, &b);
		v->len = b.len;
		v->str = b.p ? rv_buf_steal(&b) : rv_xstrdup("");
		return ok;
	}
	case 't':
		v->type = RV_JBOOL;
		v->b = true;
		return literal(p, "true");
	case 'f':
		v->type = RV_JBOOL;
		return literal(p, "false");
	case 'n':
		v->type = RV_JNULL;
		return literal(p, "null");
	default:
		if (p->s[p->i] == '-' || (p->s[p->i] >= '0' && p->s[p->i] <= '9')) {
			v->type = RV_JNUM;
			return number(p, &v->num);
		}
		return fail(p, "unexpected character");
	}
}

int rv_json_parse(const char *s, size_t n, struct rv_jval *out, const char **err, size_t *at)
{
	struct jp p = {(const unsigned char *)s, n, 0, NULL};
	memset(out, 0, sizeof *out);
	bool ok = value(&p, out, 0);
	if (ok) {
		skip_ws(&p);
		if (p.i < p.n)
			ok = fail(&p, "text after the value");
	}
	if (!ok) {
		rv_json_free(out);
		if (err)
			*err = p.err;
		if (at)
			*at = p.i;
		return -1;
	}
	return 0;
}

void rv_json_free(struct rv_jval *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->n; i++) {
		if (v->items)
			rv_json_free(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->str);
	memset(v, 0, sizeof *v);
}

const struct rv_jval *rv_json_get(const struct rv_jval *v, const char *key)
{
	if (!v || v->type != RV_JOBJ)
		return NULL;
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->keys[i], key))
			return &v->items[i];
	return NULL;
}
