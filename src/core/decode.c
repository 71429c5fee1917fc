#include "revue/decode.h"

#include "revue/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BINARY_PROBE 8000
#define REPLACEMENT 0xFFFDu

/* Windows-1252 bytes 0x80..0x9F; 0 marks the five bytes it leaves undefined. */
static const unsigned short cp1252_high[32] = {
	0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
	0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

const char *rv_encoding_name(enum rv_encoding e)
{
	switch (e) {
	case RV_ENC_UTF8: return "utf-8";
	case RV_ENC_UTF8_REPAIRED: return "utf-8-repaired";
	case RV_ENC_UTF16LE: return "utf-16le";
	case RV_ENC_UTF16BE: return "utf-16be";
	case RV_ENC_CP1252: return "windows-1252";
	}
	return "unknown";
}

size_t rv_utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	unsigned lo = 0x80, hi = 0xBF, v;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		unsigned b = s[i];
		if (b < lo || b > hi)
			return 0;
		lo = 0x80;
		hi = 0xBF;
		v = (v << 6) | (b & 0x3F);
	}
	*cp = v;
	return len;
}

size_t rv_utf8_invalid_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len;
	unsigned lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return 1;
	}
	size_t i = 1;
	while (i < len && i < n && s[i] >= lo && s[i] <= hi) {
		lo = 0x80;
		hi = 0xBF;
		i++;
	}
	return i;
}

size_t rv_utf8_encode(unsigned cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		cp = REPLACEMENT;
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp > 0x10FFFF)
		return rv_utf8_encode(REPLACEMENT, out);
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Skips runs of ASCII a word at a time: most of any corpus is ASCII. */
static size_t ascii_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i + 8 <= n) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		w &= 0x8080808080808080ull;
		if (w) /* the first high byte, without a loop */
			return i + rv_first_high_byte(w);
		i += 8;
	}
	while (i < n && s[i] < 0x80)
		i++;
	return i;
}

bool rv_utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	unsigned cp;
	while (i < n) {
		i += ascii_prefix(s + i, n - i);
		if (i >= n)
			break;
		if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
			i += 2; /* two bytes, the common case of accented Latin */
			continue;
		}
		size_t l = rv_utf8_decode(s + i, n - i, &cp);
		if (!l)
			return false;
		i += l;
	}
	return true;
}

/* Appends one code point, turning CRLF and lone CR into LF. */
struct emitter {
	struct rv_buf out;
	bool after_cr;
};

static void emit(struct emitter *e, unsigned cp)
{
	if (cp == '\n' && e->after_cr) {
		e->after_cr = false;
		return;
	}
	e->after_cr = cp == '\r';
	if (cp == '\r')
		cp = '\n';
	char tmp[4];
	rv_buf_add(&e->out, tmp, rv_utf8_encode(cp, tmp));
}

/* Copies a run of ASCII, folding CR line ends, in one pass. */
static void emit_ascii(struct emitter *e, const unsigned char *s, size_t n)
{
	if (!n)
		return;
	size_t start = 0;
	if (e->after_cr && s[0] == '\n')
		start = 1;
	e->after_cr = false;
	rv_buf_reserve(&e->out, n);
	char *o = e->out.p + e->out.len;
	size_t k = 0;
	for (size_t i = start; i < n; i++) {
		char c = (char)s[i];
		if (c == '\r') {
			o[k++] = '\n';
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
			else if (i + 1 == n)
				e->after_cr = true;
		} else {
			o[k++] = c;
		}
	}
	e->out.len += k;
	e->out.p[e->out.len] = '\0';
}

static void decode_utf8(const unsigned char *s, size_t n, struct emitter *e, size_t *replaced)
{
	size_t i = 0;
	while (i < n) {
		size_t a = ascii_prefix(s + i, n - i);
		emit_ascii(e, s + i, a);
		i += a;
		if (i >= n)
			break;
		unsigned cp;
		size_t l = rv_utf8_decode(s + i, n - i, &cp);
		if (l) {
			e->after_cr = false;
			rv_buf_add(&e->out, s + i, l);
		} else {
			l = rv_utf8_invalid_len(s + i, n - i);
			emit(e, REPLACEMENT);
			(*replaced)++;
		}
		i += l;
	}
}

static void decode_cp1252(const unsigned char *s, size_t n, struct emitter *e, size_t *replaced)
{
	size_t i = 0;
	while (i < n) {
		size_t a = ascii_prefix(s + i, n - i);
		emit_ascii(e, s + i, a);
		i += a;
		if (i >= n)
			break;
		unsigned c = s[i++];
		unsigned cp = c >= 0xA0 ? c : cp1252_high[c - 0x80];
		if (!cp) {
			cp = REPLACEMENT;
			(*replaced)++;
		}
		emit(e, cp);
	}
}

static void decode_utf16(const unsigned char *s, size_t n, bool big, struct emitter *e, size_t *replaced)
{
	size_t i = 0;
	while (i + 1 < n) {
		unsigned u = big ? (unsigned)(s[i] << 8 | s[i + 1]) : (unsigned)(s[i + 1] << 8 | s[i]);
		i += 2;
		if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n) {
			unsigned u2 = big ? (unsigned)(s[i] << 8 | s[i + 1]) : (unsigned)(s[i + 1] << 8 | s[i]);
			if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
				i += 2;
				emit(e, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
				continue;
			}
		}
		if (u >= 0xD800 && u <= 0xDFFF) {
			u = REPLACEMENT;
			(*replaced)++;
		}
		emit(e, u);
	}
	if (i < n) { /* an odd trailing byte */
		emit(e, REPLACEMENT);
		(*replaced)++;
	}
}

/* The evidence of rule 4 in decode.h. */
static bool looks_like_damaged_utf8(const unsigned char *s, size_t n)
{
	size_t valid_multi = 0, invalid = 0, high = 0, in_runs = 0, run = 0;
	size_t i = 0;
	while (i < n) {
		size_t a = ascii_prefix(s + i, n - i);
		if (a) {
			if (run >= 3)
				in_runs += run;
			run = 0;
		}
		i += a;
		if (i >= n)
			break;
		unsigned c = s[i], cp;
		size_t l = rv_utf8_decode(s + i, n - i, &cp);
		if (l) {
			valid_multi++;
			i += l;
			continue;
		}
		invalid++;
		if (c >= 0x80 && c <= 0x9F && !cp1252_high[c - 0x80])
			return true;
		if (c >= 0xC0 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0xBF)
			return true;
		high++;
		run++;
		i++;
	}
	if (run >= 3)
		in_runs += run;
	if (valid_multi && valid_multi >= invalid)
		return true;
	/* Windows-1252 text has its accented letters one or two at a time
	 * between ASCII letters; runs of three or more invalid bytes are not
	 * text in that encoding either. */
	return in_runs * 10 > high;
}

/* Drops every byte-order mark at the very start of out->text: a mark written
 * twice (a file converted twice) is still not text. */
static void drop_leading_boms(struct rv_decoded *out)
{
	size_t skip = 0;
	while (out->len - skip >= 3 && !memcmp(out->text + skip, "\xEF\xBB\xBF", 3))
		skip += 3;
	if (skip) {
		memmove(out->text, out->text + skip, out->len - skip + 1);
		out->len -= skip;
	}
}

enum rv_decode_status rv_decode_take(unsigned char *raw, size_t n, struct rv_decoded *out)
{
	size_t bom = n >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF ? 3 : 0;
	size_t probe = n - bom < BINARY_PROBE ? n - bom : BINARY_PROBE;
	if (!memchr(raw + bom, 0, probe) && !memchr(raw, '\r', n) && rv_utf8_valid((char *)raw + bom, n - bom)) {
		memset(out, 0, sizeof *out);
		raw[n] = '\0';
		out->text = (char *)raw;
		out->len = n;
		out->encoding = RV_ENC_UTF8;
		drop_leading_boms(out);
		return RV_DECODE_OK;
	}
	enum rv_decode_status st = rv_decode(raw, n, out);
	free(raw);
	return st;
}

enum rv_decode_status rv_decode(const unsigned char *raw, size_t n, struct rv_decoded *out)
{
	memset(out, 0, sizeof *out);
	struct emitter e = {0};
	if (n >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF))) {
		bool big = raw[0] == 0xFE;
		out->encoding = big ? RV_ENC_UTF16BE : RV_ENC_UTF16LE;
		rv_buf_reserve(&e.out, n);
		decode_utf16(raw + 2, n - 2, big, &e, &out->replaced);
		goto done;
	}
	if (n >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF) {
		raw += 3;
		n -= 3;
	}
	const void *nul = memchr(raw, 0, n < BINARY_PROBE ? n : BINARY_PROBE);
	if (nul) {
		out->binary_offset = (size_t)((const unsigned char *)nul - raw);
		return RV_DECODE_BINARY;
	}
	rv_buf_reserve(&e.out, n);
	if (rv_utf8_valid((const char *)raw, n)) {
		out->encoding = RV_ENC_UTF8;
		decode_utf8(raw, n, &e, &out->replaced);
	} else if (looks_like_damaged_utf8(raw, n)) {
		out->encoding = RV_ENC_UTF8_REPAIRED;
		decode_utf8(raw, n, &e, &out->replaced);
	} else {
		out->encoding = RV_ENC_CP1252;
		decode_cp1252(raw, n, &e, &out->replaced);
	}
done:
	out->len = e.out.len;
	out->text = rv_buf_steal(&e.out);
	drop_leading_boms(out);
	return RV_DECODE_OK;
}
