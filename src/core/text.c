#include "revue/text.h"

#include "revue/decode.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwbrk.h>
#include <uniwidth.h>

/* ---------------------------------------------------------------------------
 * Normalisation
 */

bool rv_text_nfc_stable(unsigned cp)
{
	/* Code points NFC leaves alone whatever surrounds them: combining class
	 * 0, no decomposition NFC would change, and never the second half of a
	 * canonical composition. That covers Latin (to the end of IPA),
	 * Cyrillic, the spaces and punctuation French and English typography
	 * use (thin space, ’ « » … – —), currency signs, arrows, box drawing,
	 * shapes, dingbats and emoji. U+2000 and U+2001 are left out: NFC maps
	 * them to U+2002 and U+2003. tests/unit/test_text.c proves the claim
	 * against libunistring over every code point. */
	if (cp < 0x300)
		return true;
	if (cp < 0x2000)
		return cp >= 0x400 && cp <= 0x482;
	if (cp < 0x2800)
		return (cp >= 0x2002 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20C0) ||
		       (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x2500 && cp <= 0x27BF);
	return (cp >= 0x2B00 && cp <= 0x2BFF) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFFFD ||
	       (cp >= 0x1F000 && cp <= 0x1FAFF);
}

char *rv_text_nfc(const char *s, size_t n, size_t *out_len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		unsigned cp;
		size_t l = rv_utf8_decode(u + i, n - i, &cp);
		if (!l || !rv_text_nfc_stable(cp))
			break;
		i += l;
	}
	if (i == n) {
		*out_len = n;
		return rv_xstrndup(s, n);
	}
	size_t len = 0;
	uint8_t *r = u8_normalize(UNINORM_NFC, u, n, NULL, &len);
	if (!r) { /* only on invalid input or no memory: keep the text as it is */
		*out_len = n;
		return rv_xstrndup(s, n);
	}
	char *out = rv_xstrndup((const char *)r, len);
	free(r);
	*out_len = len;
	return out;
}

/* ---------------------------------------------------------------------------
 * Folding
 */

#define FOLD_TABLE 0x2200u
#define FOLD_MAX 7

struct fold_entry {
	unsigned char len; /* 0xFF: too long for the table, fold on the fly */
	char bytes[FOLD_MAX];
};

static struct fold_entry fold_table[FOLD_TABLE];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static bool is_apostrophe(unsigned cp)
{
	return cp == 0x2019 || cp == 0x02BC || cp == 0x2018 || cp == 0x0060 || cp == 0x2032 ||
	       cp == 0xFF07;
}

size_t rv_text_fold_cp(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : (cp == '`' ? '\'' : cp));
		return 1;
	}
	if (is_apostrophe(cp)) {
		out[0] = '\'';
		return 1;
	}
	if (uc_is_property_default_ignorable_code_point(cp) || uc_is_general_category(cp, UC_CATEGORY_Cf))
		return 0;
	if (uc_is_general_category(cp, UC_CATEGORY_Zs)) {
		out[0] = ' ';
		return 1;
	}
	uint32_t in = cp, buf[8];
	size_t len = RV_ARRAY_LEN(buf);
	uint32_t *r = u32_casefold(&in, 1, NULL, UNINORM_NFD, buf, &len);
	if (!r)
		return rv_utf8_encode(cp, out);
	size_t k = 0;
	for (size_t i = 0; i < len && k + 4 <= 28; i++) {
		if (uc_is_general_category(r[i], UC_CATEGORY_Mn))
			continue;
		k += rv_utf8_encode(is_apostrophe(r[i]) ? '\'' : r[i], out + k);
	}
	if (r != buf)
		free(r);
	return k;
}

static void fold_table_init(void)
{
	char tmp[32];
	for (unsigned cp = 0; cp < FOLD_TABLE; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		size_t l = rv_text_fold_cp(cp, tmp);
		if (l > FOLD_MAX) {
			fold_table[cp].len = 0xFF;
			continue;
		}
		fold_table[cp].len = (unsigned char)l;
		memcpy(fold_table[cp].bytes, tmp, l);
	}
}

/* The offset map (text.h): records appended as the fold goes. */
struct map_builder {
	struct rv_buf map;
	size_t cap_marks;
	size_t end_src; /* where the previous change ended in the source */
};

static void add_change(struct rv_fold *f, struct map_builder *mb, size_t so, size_t fo, size_t sl, size_t fl)
{
	if (f->changes % RV_FOLD_MARK_EVERY == 0) {
		f->marks = rv_xgrow(f->marks, &mb->cap_marks, 3 * (f->nmarks + 1), sizeof(uint32_t));
		f->marks[3 * f->nmarks] = (uint32_t)so;
		f->marks[3 * f->nmarks + 1] = (uint32_t)fo;
		f->marks[3 * f->nmarks + 2] = (uint32_t)mb->map.len;
		f->nmarks++;
	}
	unsigned char rec[6];
	size_t n = 0, gap = so - mb->end_src;
	do {
		rec[n++] = (unsigned char)((gap & 0x7F) | (gap > 0x7F ? 0x80 : 0));
		gap >>= 7;
	} while (gap);
	rec[n++] = (unsigned char)(fl << 2 | (sl - 1));
	rv_buf_add(&mb->map, rec, n);
	mb->end_src = so + sl;
	f->changes++;
}

/* Decodes the record at m[pos]; returns the position after it. */
static inline size_t read_change(const unsigned char *m, size_t pos, uint32_t *gap, unsigned *sl, unsigned *fl)
{
	uint32_t g = 0;
	unsigned shift = 0;
	while (m[pos] & 0x80) {
		g |= (uint32_t)(m[pos++] & 0x7F) << shift;
		shift += 7;
	}
	g |= (uint32_t)m[pos++] << shift;
	*gap = g;
	*sl = (m[pos] & 3u) + 1;
	*fl = m[pos] >> 2;
	return pos + 1;
}

/* More than one code point in a short UTF-8 string? */
static bool multi_cp(const char *b, size_t n)
{
	size_t cps = 0;
	for (size_t i = 0; i < n; i++)
		cps += ((unsigned char)b[i] & 0xC0) != 0x80;
	return cps > 1;
}

static const unsigned char ascii_lower[128] = {
#define L(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c) == '`' ? '\'' : (c))
#define R8(b) L(b), L(b + 1), L(b + 2), L(b + 3), L(b + 4), L(b + 5), L(b + 6), L(b + 7)
	R8(0), R8(8), R8(16), R8(24), R8(32), R8(40), R8(48), R8(56),
	R8(64), R8(72), R8(80), R8(88), R8(96), R8(104), R8(112), R8(120),
#undef R8
#undef L
};

/* Eight bytes lower-cased at once into o: returns how many of them, from
 * the first, were ASCII (8 when all were), or -1 when w holds a backquote
 * (which folds to an apostrophe) and nothing was written: SIZE_MAX. The bytes past
 * the ASCII ones are written too, wrong: the caller overwrites them. */
static size_t fold_ascii8(uint64_t w, unsigned char *o)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t bq = w ^ (0x60 * ones); /* a zero byte where there is a '`' */
	if ((bq - ones) & ~bq & high)
		return SIZE_MAX;
	uint64_t hi = w & high, a = w & ~high; /* seven bits a byte: no carry below */
	/* bytes below 0x80 plus 0x3F reach 0x80 from 'A' on, plus 0x25 from '[' on */
	uint64_t upper = (a + 0x3F * ones) & ~(a + 0x25 * ones) & high;
	a |= upper >> 2; /* 0x20 into every upper-case letter */
	memcpy(o, &a, 8);
	return hi ? rv_first_high_byte(hi) : 8;
}

/* The folding loop: s[0..n) appended to b; the offset map into f (built in
 * mb), unless f is NULL (the folded text alone). Returns whether every code point was valid
 * and NFC-stable (rv_text_nfc_stable). */
static bool fold_into(const unsigned char *u, size_t n, struct rv_buf *b, struct rv_fold *f, struct map_builder *mb)
{
	size_t i = 0;
	bool stable = true;
	while (i < n) {
		/* ASCII runs: lower-case in place, no change to record. Room for the
		 * rest as it is plus one code point's longest folded form. */
		if (b->cap - b->len < n - i + 33)
			rv_buf_reserve(b, n - i + 32);
		unsigned char *o = (unsigned char *)b->p + b->len;
		size_t k = 0;
		for (;;) {
			uint64_t w;
			if (i + k + 8 <= n) { /* room: o + k + 8 is within n - i + 33 */
				memcpy(&w, u + i + k, 8);
				size_t a = fold_ascii8(w, o + k);
				if (a == 8) {
					k += 8;
					continue;
				}
				if (a != SIZE_MAX) {
					k += a;
					break;
				}
			}
			if (i + k < n && u[i + k] < 0x80) {
				o[k] = ascii_lower[u[i + k]];
				k++;
				continue;
			}
			break;
		}
		b->len += k;
		i += k;
		if (i >= n)
			break;
		unsigned cp;
		size_t sl;
		if (u[i] >= 0xC2 && u[i] <= 0xDF && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
			cp = (unsigned)(u[i] & 0x1F) << 6 | (u[i + 1] & 0x3F); /* two bytes: most accents */
			sl = 2;
			if (cp >= 0x300)
				stable &= rv_text_nfc_stable(cp);
		} else {
			sl = rv_utf8_decode(u + i, n - i, &cp);
			stable &= sl && rv_text_nfc_stable(cp);
		}
		if (!sl) { /* not valid UTF-8: keep the byte so offsets stay aligned */
			b->p[b->len++] = (char)u[i];
			i++;
			continue;
		}
		char tmp[32];
		const char *fb = tmp;
		size_t fl;
		if (cp < FOLD_TABLE && fold_table[cp].len != 0xFF) {
			fl = fold_table[cp].len;
			fb = fold_table[cp].bytes;
			memcpy(b->p + b->len, fb, FOLD_MAX); /* a fixed size: no call; the room is there */
		} else {
			fl = rv_text_fold_cp(cp, tmp);
			memcpy(b->p + b->len, fb, fl);
		}
		if (f && (fl != sl || multi_cp(fb, fl)))
			add_change(f, mb, i, b->len, sl, fl);
		b->len += fl;
		i += sl;
	}
	b->p[b->len] = '\0';
	return stable;
}

void rv_text_fold(const char *s, size_t n, struct rv_fold *out)
{
	pthread_once(&fold_once, fold_table_init);
	memset(out, 0, sizeof *out);
	struct map_builder mb = {0};
	struct rv_buf b = {0};
	rv_buf_reserve(&b, n + n / 8 + 16);
	fold_into((const unsigned char *)s, n, &b, out, &mb);
	out->len = b.len;
	char *text = rv_buf_steal(&b);
	out->text = rv_xrealloc(text, out->len + 1); /* kept for the corpus's life: no slack */
	out->map_len = mb.map.len;
	out->map = out->changes ? (unsigned char *)rv_xrealloc(rv_buf_steal(&mb.map), out->map_len) : NULL;
	rv_buf_free(&mb.map);
	if (out->nmarks)
		out->marks = rv_xrealloc(out->marks, 3 * out->nmarks * sizeof(uint32_t));
}

/* One change, decoded. */
struct change {
	uint32_t s, fo;
	unsigned sl, fl;
};

/* The last change whose folded start (by_fold) or source start is <= off;
 * false when there is none. */
static bool last_change(const struct rv_fold *f, size_t off, bool by_fold, struct change *c)
{
	unsigned key = by_fold ? 1 : 0;
	if (!f->changes || f->marks[key] > off)
		return false;
	size_t lo = 0, hi = f->nmarks; /* last mark with key <= off */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (f->marks[3 * mid + key] <= off)
			lo = mid;
		else
			hi = mid;
	}
	uint32_t gap;
	size_t r = lo * RV_FOLD_MARK_EVERY, end = r + RV_FOLD_MARK_EVERY;
	if (end > f->changes)
		end = f->changes;
	size_t pos = read_change(f->map, f->marks[3 * lo + 2], &gap, &c->sl, &c->fl);
	c->s = f->marks[3 * lo];
	c->fo = f->marks[3 * lo + 1];
	for (r++; r < end; r++) {
		unsigned sl, fl;
		size_t next = read_change(f->map, pos, &gap, &sl, &fl);
		uint32_t s = c->s + c->sl + gap, fo = c->fo + c->fl + gap;
		if ((by_fold ? fo : s) > off)
			break;
		*c = (struct change){s, fo, sl, fl};
		pos = next;
	}
	return true;
}

bool rv_text_fold_text(const char *s, size_t n, struct rv_buf *out)
{
	pthread_once(&fold_once, fold_table_init);
	rv_buf_reserve(out, n + 32);
	return fold_into((const unsigned char *)s, n, out, NULL, NULL);
}

size_t rv_fold_to_source(const struct rv_fold *f, size_t off, bool round_up)
{
	struct change c;
	if (!last_change(f, off, true, &c))
		return off;
	if (off >= c.fo + c.fl)
		return c.s + c.sl + (off - c.fo - c.fl);
	if (off > c.fo) /* inside one code point's folded form */
		return round_up ? c.s + c.sl : c.s;
	return c.s;
}

static size_t from_change(const struct rv_fold *f, const struct change *c, size_t off)
{
	if (off < c->s + c->sl)
		return c->fo; /* inside a changed code point */
	size_t r = c->fo + c->fl + (off - c->s - c->sl);
	return r > f->len ? f->len : r;
}

size_t rv_fold_from_source(const struct rv_fold *f, size_t off)
{
	struct change c;
	if (!last_change(f, off, false, &c))
		return off;
	return from_change(f, &c, off);
}

size_t rv_fold_walk_from_source(struct rv_fold_walk *w, size_t off)
{
	const struct rv_fold *f = w->f;
	while (w->next < f->changes) {
		uint32_t gap;
		unsigned sl, fl;
		size_t pos = read_change(f->map, w->pos, &gap, &sl, &fl);
		uint32_t s = (w->have ? w->s + w->sl : 0) + gap;
		if (s > off)
			break;
		w->fo = (w->have ? w->fo + w->fl : 0) + gap;
		w->s = s;
		w->sl = sl;
		w->fl = fl;
		w->have = true;
		w->pos = pos;
		w->next++;
	}
	if (!w->have)
		return off;
	struct change c = {w->s, w->fo, w->sl, w->fl};
	return from_change(f, &c, off);
}

void rv_fold_free(struct rv_fold *f)
{
	free(f->text);
	free(f->map);
	free(f->marks);
	memset(f, 0, sizeof *f);
}

/* ---------------------------------------------------------------------------
 * Words and sentences
 */

static bool is_word_char(unsigned cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z');
	return uc_is_general_category(cp, UC_CATEGORY_L) || uc_is_general_category(cp, UC_CATEGORY_N);
}

static void push_span(struct rv_span **arr, size_t *cap, size_t *count, size_t a, size_t b)
{
	if (arr) {
		*arr = rv_xgrow(*arr, cap, *count + 1, sizeof **arr);
		(*arr)[*count] = (struct rv_span){a, b};
	}
	(*count)++;
}

size_t rv_text_words(const char *s, size_t n, struct rv_span **out)
{
	if (out)
		*out = NULL;
	if (!n)
		return 0;
	char *brk = rv_xmalloc(n);
	u8_wordbreaks((const uint8_t *)s, n, brk);
	size_t count = 0, cap = 0, start = 0;
	for (size_t i = 1; i <= n; i++) {
		if (i < n && !brk[i])
			continue;
		for (size_t k = start; k < i;) {
			unsigned cp = 0;
			size_t l = rv_utf8_decode((const unsigned char *)s + k, i - k, &cp);
			if (l && is_word_char(cp)) {
				push_span(out, &cap, &count, start, i);
				break;
			}
			k += l ? l : 1;
		}
		start = i;
	}
	free(brk);
	return count;
}

static const char *const abbreviations[] = {
	"M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mgr", "Dr", "Drs", "Pr", "Prof", "Mr",
	"Mrs", "Ms", "St", "Ste", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "Cie", "etc", "cf", "vs",
	"p", "pp", "vol", "no", "No", "n", "av", "bd", "Gen", "Gén", "Sen", "Rep", "Gov", "Lt",
	"Col", "Capt", "Sgt", "Mt", "Ft", "art", "al", "env", "ex", "fig", "janv", "févr", "avr",
	"juil", "sept", "oct", "nov", "déc", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept",
	"Oct", "Nov", "Dec", "approx", "dept", "est", "U.S", "U.K", "J.-C", "a.m", "p.m", "e.g",
	"i.e",
};

static bool is_abbreviation(const char *w, size_t len)
{
	if (len == 1 && w[0] >= 'A' && w[0] <= 'Z')
		return true; /* an initial: J. K. Rowling */
	for (size_t i = 0; i < RV_ARRAY_LEN(abbreviations); i++)
		if (abbreviations[i][0] == w[0] && strlen(abbreviations[i]) == len && !memcmp(abbreviations[i], w, len))
			return true;
	return false;
}

static bool is_space_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Length of a Unicode space (NBSP, narrow NBSP...) or ASCII blank at s[i], or 0. */
static size_t space_len(const char *s, size_t n, size_t i)
{
	if (is_space_byte(s[i]))
		return 1;
	unsigned cp;
	size_t l = rv_utf8_decode((const unsigned char *)s + i, n - i, &cp);
	if (l > 1 && uc_is_general_category(cp, UC_CATEGORY_Zs))
		return l;
	return 0;
}

static bool is_closer(unsigned cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0xBB || cp == 0x201D ||
	       cp == 0x2019 || cp == 0x203A;
}

static bool opens_or_spaces(unsigned cp)
{
	return cp == '(' || cp == '[' || cp == '"' || cp == '\'' || cp == '\n' || cp == 0xAB || cp == 0x201C ||
	       cp == 0x2018 || cp == 0x201E || cp == 0x2014 || cp == 0x2013 || cp == ' ' || cp == '\t' ||
	       (cp >= 0x80 && uc_is_general_category(cp, UC_CATEGORY_Zs));
}

/* Where the word that ends at `end` starts: back to a space or an opening
 * mark, by whole code points. */
static size_t word_start_before(const char *s, size_t end)
{
	size_t w = end;
	while (w > 0) {
		size_t p = w - 1;
		while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80)
			p--;
		unsigned cp;
		if (!rv_utf8_decode((const unsigned char *)s + p, w - p, &cp))
			cp = 0xFFFD;
		if (opens_or_spaces(cp))
			break;
		w = p;
	}
	return w;
}

/* Is there a sentence end at the terminal punctuation ending at s[i]? Returns
 * the offset just past the punctuation and closers when there is, else 0. */
static size_t sentence_end_after(const char *s, size_t n, size_t i, size_t term_start)
{
	unsigned cp;
	size_t j = i;
	while (j < n) {
		size_t l = rv_utf8_decode((const unsigned char *)s + j, n - j, &cp);
		if (l && is_closer(cp)) {
			j += l;
			continue;
		}
		/* French typography puts a space before the closing guillemet */
		size_t sp = space_len(s, n, j);
		if (sp && s[j] != '\n' && j + sp < n) {
			size_t l2 = rv_utf8_decode((const unsigned char *)s + j + sp, n - j - sp, &cp);
			if (l2 && (cp == 0xBB || cp == 0x201D)) {
				j += sp + l2;
				continue;
			}
		}
		break;
	}
	size_t end = j;
	if (j >= n)
		return end;
	size_t sl = space_len(s, n, j);
	if (!sl)
		return 0;
	while (j < n && (sl = space_len(s, n, j)) && s[j] != '\n')
		j += sl;
	if (j >= n || s[j] == '\n')
		return end;
	size_t l = rv_utf8_decode((const unsigned char *)s + j, n - j, &cp);
	if (l && uc_is_general_category(cp, UC_CATEGORY_Ll))
		return 0;
	if (s[term_start] == '.') { /* the word before the period */
		size_t w = word_start_before(s, term_start);
		if (is_abbreviation(s + w, term_start - w))
			return 0;
	}
	return end;
}

/* The bytes the scan for sentence ends stops at: \n . ! ? and the lead
 * byte of … (one look-up a byte instead of five comparisons). */
static const bool may_end_sentence[256] = {['\n'] = true, ['.'] = true, ['!'] = true, ['?'] = true, [0xE2] = true};

size_t rv_text_sentences(const char *s, size_t n, struct rv_span **out)
{
	if (out)
		*out = NULL;
	size_t count = 0, cap = 0, start = 0, i = 0;
	while (i <= n) {
		size_t cut = 0, next = 0;
		if (i == n || s[i] == '\n') {
			cut = i;
			next = i + 1;
		} else if (s[i] == '.' || s[i] == '!' || s[i] == '?' ||
			   (i + 2 < n && !memcmp(s + i, "\xE2\x80\xA6", 3))) {
			size_t t = i;
			size_t j = i;
			while (j < n && (s[j] == '.' || s[j] == '!' || s[j] == '?'))
				j++;
			while (j + 2 < n && !memcmp(s + j, "\xE2\x80\xA6", 3))
				j += 3;
			size_t e = sentence_end_after(s, n, j, t);
			if (e) {
				cut = e;
				next = e;
			} else {
				i = j;
				continue;
			}
		} else {
			/* on to the next byte that can end a sentence: \n . ! ? or the
			 * lead byte of … */
			i++;
			while (i < n && !may_end_sentence[(unsigned char)s[i]])
				i++;
			continue;
		}
		size_t a = start, b = cut;
		while (a < b && space_len(s, n, a))
			a += space_len(s, n, a);
		while (b > a && is_space_byte(s[b - 1]))
			b--;
		if (b > a)
			push_span(out, &cap, &count, a, b);
		start = next;
		i = next;
		if (i > n)
			break;
	}
	return count;
}

/* Function words, frequent and unambiguous between the two languages. */
#define W(s) {s, sizeof s - 1}
struct word {
	const char *s;
	size_t len;
};
static const struct word fr_words[] = {
	W("le"), W("la"), W("les"), W("des"), W("du"), W("de"), W("et"), W("est"), W("une"), W("un"),
	W("que"), W("qui"), W("dans"), W("pour"), W("pas"), W("sur"), W("au"), W("aux"), W("ce"),
	W("cette"), W("il"), W("elle"), W("nous"), W("sont"), W("avec"), W("par"), W("plus"), W("ont"),
	W("mais"), W("ses"), W("leur"), W("selon"),
};
static const struct word en_words[] = {
	W("the"), W("and"), W("of"), W("to"), W("is"), W("in"), W("that"), W("it"), W("for"), W("was"),
	W("on"), W("are"), W("with"), W("as"), W("his"), W("they"), W("be"), W("at"), W("by"),
	W("this"), W("have"), W("from"), W("has"), W("said"), W("were"), W("which"), W("will"),
	W("would"), W("their"), W("but"), W("not"), W("been"),
};
#undef W

static bool in_list(const struct word *list, size_t count, const char *w, size_t len)
{
	for (size_t i = 0; i < count; i++)
		if (list[i].len == len && !memcmp(list[i].s, w, len))
			return true;
	return false;
}

static bool ascii_letter(char c)
{
	return (c | 32) >= 'a' && (c | 32) <= 'z';
}

const char *rv_text_guess_lang(const char *s, size_t n)
{
	/* A few hundred words decide it; the rest of a long text adds nothing. */
	if (n > 8192)
		n = 8192;
	size_t fr = 0, en = 0, i = 0;
	char w[8];
	while (i < n) {
		while (i < n && !ascii_letter(s[i]))
			i++;
		size_t a = i;
		while (i < n && (ascii_letter(s[i]) || (unsigned char)s[i] >= 0x80))
			i++;
		size_t len = i - a;
		if (!len || len >= sizeof w)
			continue;
		for (size_t k = 0; k < len; k++)
			w[k] = (char)(s[a + k] | 32);
		if (in_list(fr_words, RV_ARRAY_LEN(fr_words), w, len))
			fr++;
		else if (in_list(en_words, RV_ARRAY_LEN(en_words), w, len))
			en++;
	}
	if (fr + en < 3)
		return "other";
	if (fr > en * 2)
		return "fr";
	if (en > fr * 2)
		return "en";
	return "other";
}

/* ---------------------------------------------------------------------------
 * The sanitizer
 */

static const struct {
	unsigned cp;
	const char *name;
} format_names[] = {
	{0x00AD, "SHY"}, {0x061C, "ALM"}, {0x200B, "ZWSP"}, {0x200C, "ZWNJ"}, {0x200D, "ZWJ"},
	{0x200E, "LRM"}, {0x200F, "RLM"}, {0x2028, "LS"},   {0x2029, "PS"},   {0x202A, "LRE"},
	{0x202B, "RLE"}, {0x202C, "PDF"}, {0x202D, "LRO"},  {0x202E, "RLO"},  {0x2060, "WJ"},
	{0x2066, "LRI"}, {0x2067, "RLI"}, {0x2068, "FSI"},  {0x2069, "PDI"},  {0xFEFF, "BOM"},
};

/* Code points that must never be sent: controls, and anything invisible or
 * that changes how its neighbours are drawn (bidi, format, separators). */
static bool must_tokenize(unsigned cp)
{
	if (cp < 0x20 || cp == 0x7F)
		return true;
	if (cp < 0xA0)
		return cp >= 0x80;
	if (cp < 0x300)
		return cp == 0xAD;
	if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF))
		return true; /* noncharacters */
	if (cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0)
		return true; /* Hangul fillers: blank, yet not spaces */
	if (uc_is_general_category(cp, UC_CATEGORY_Cf) || uc_is_general_category(cp, UC_CATEGORY_Zl) ||
	    uc_is_general_category(cp, UC_CATEGORY_Zp) || uc_is_general_category(cp, UC_CATEGORY_Cc))
		return true;
	return false;
}

static void token_for(unsigned cp, char *tok, size_t size)
{
	if (cp < 0x20) {
		snprintf(tok, size, "^%c", (char)(cp + 64));
		return;
	}
	if (cp == 0x7F) {
		snprintf(tok, size, "^?");
		return;
	}
	for (size_t i = 0; i < RV_ARRAY_LEN(format_names); i++) {
		if (format_names[i].cp == cp) {
			snprintf(tok, size, "<%s>", format_names[i].name);
			return;
		}
	}
	snprintf(tok, size, "<U+%04X>", cp);
}

static bool is_pictographic(unsigned cp)
{
	return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
}

#define MAX_MARKS 4 /* what one ncursesw cell keeps (CCHARW_MAX - 1) */

void rv_sanitizer_init(struct rv_sanitizer *st, unsigned flags)
{
	st->flags = flags;
	st->marks = -1;
	st->prev_pictographic = false;
}

static size_t emit_token(struct rv_sanitizer *st, struct rv_glyph *g, unsigned cp, size_t len)
{
	g->kind = RV_GLYPH_TOKEN;
	g->len = len;
	token_for(cp, g->tok, sizeof g->tok);
	g->width = (int)strlen(g->tok);
	st->marks = 0; /* a token is a base: marks after it stack on it */
	st->prev_pictographic = false;
	return len;
}

size_t rv_sanitize_next(struct rv_sanitizer *st, const char *s, size_t n, size_t i, struct rv_glyph *g)
{
	const unsigned char *u = (const unsigned char *)s;
	g->tok[0] = '\0';
	unsigned cp;
	size_t l = rv_utf8_decode(u + i, n - i, &cp);
	if (!l) {
		g->kind = RV_GLYPH_TOKEN;
		g->len = 1;
		snprintf(g->tok, sizeof g->tok, "\\x%02X", u[i]);
		g->width = 4;
		st->marks = 0;
		st->prev_pictographic = false;
		return 1;
	}
	if ((cp == '\n' || cp == '\t') && !(st->flags & RV_SAN_ONE_LINE)) {
		g->kind = cp == '\n' ? RV_GLYPH_NEWLINE : RV_GLYPH_TAB;
		g->len = 1;
		g->width = cp == '\n' ? 0 : 1;
		st->marks = -1; /* a tab is drawn as blanks: nothing for a mark to sit on */
		st->prev_pictographic = false;
		return 1;
	}
	if (cp == 0x200D && st->prev_pictographic) {
		unsigned next;
		size_t nl = i + l < n ? rv_utf8_decode(u + i + l, n - i - l, &next) : 0;
		if (nl && is_pictographic(next)) { /* emoji ZWJ sequence: draw the parts */
			g->kind = RV_GLYPH_SKIP;
			g->len = l;
			g->width = 0;
			return l;
		}
	}
	if (must_tokenize(cp) || (cp >= 0x80 && (st->flags & RV_SAN_ASCII)))
		return emit_token(st, g, cp, l);
	int w = cp < 0x80 ? 1 : uc_width(cp, "UTF-8");
	if (w < 0)
		return emit_token(st, g, cp, l);
	if (w == 0) { /* a combining mark */
		if (st->marks < 0) { /* nothing to sit on: show it on a dotted circle */
			g->kind = RV_GLYPH_TOKEN;
			g->len = l;
			size_t k = rv_utf8_encode(0x25CC, g->tok);
			memcpy(g->tok + k, s + i, l);
			g->tok[k + l] = '\0';
			g->width = 1;
			st->marks = 1;
			return l;
		}
		if (st->marks >= MAX_MARKS) {
			g->kind = RV_GLYPH_SKIP;
			g->len = l;
			g->width = 0;
			return l;
		}
		st->marks++;
		g->kind = RV_GLYPH_TEXT;
		g->len = l;
		g->width = 0;
		return l;
	}
	g->kind = RV_GLYPH_TEXT;
	g->len = l;
	g->width = w;
	st->marks = cp == ' ' ? -1 : 0;
	st->prev_pictographic = is_pictographic(cp);
	return l;
}

void rv_sanitize(const char *s, size_t n, unsigned flags, struct rv_buf *out)
{
	struct rv_sanitizer st;
	rv_sanitizer_init(&st, flags);
	struct rv_glyph g;
	size_t i = 0;
	while (i < n) {
		size_t l = rv_sanitize_next(&st, s, n, i, &g);
		switch (g.kind) {
		case RV_GLYPH_TEXT:
		case RV_GLYPH_NEWLINE:
		case RV_GLYPH_TAB:
			rv_buf_add(out, s + i, l);
			break;
		case RV_GLYPH_TOKEN:
			rv_buf_adds(out, g.tok);
			break;
		case RV_GLYPH_SKIP:
			break;
		}
		i += l;
	}
	if (!out->p)
		rv_buf_reserve(out, 0);
}

char *rv_sanitize_dup(const char *s, size_t n)
{
	struct rv_buf b = {0};
	rv_sanitize(s, n, RV_SAN_ONE_LINE, &b);
	return rv_buf_steal(&b);
}

size_t rv_text_width(const char *s, size_t n, unsigned flags)
{
	struct rv_sanitizer st;
	rv_sanitizer_init(&st, flags);
	struct rv_glyph g;
	size_t i = 0, w = 0;
	while (i < n) {
		i += rv_sanitize_next(&st, s, n, i, &g);
		w += (size_t)g.width;
	}
	return w;
}
