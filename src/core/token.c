#include "revue/token.h"

#include "revue/decode.h"
#include "revue/text.h"
#include "revue/util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unictype.h>

enum cls { C_SPACE, C_LETTER_UP, C_LETTER_LO, C_LETTER, C_DIGIT, C_MARK, C_APOS, C_HYPHEN, C_OTHER };

static enum cls classify_slow(unsigned cp);

/* The classes of U+0000..U+2FFF (Latin, Greek, Cyrillic, punctuation),
 * computed once from classify_slow: French and English text rarely leaves
 * them, and libunistring's category tests cost more than the rest of the
 * tokenizer together. */
#define CLASS_TABLE 0x3000u
static unsigned char class_table[CLASS_TABLE];
static pthread_once_t class_once = PTHREAD_ONCE_INIT;

static void class_table_init(void)
{
	for (unsigned cp = 0; cp < CLASS_TABLE; cp++)
		class_table[cp] = (unsigned char)classify_slow(cp);
}

static enum cls classify(unsigned cp)
{
	if (cp < CLASS_TABLE)
		return (enum cls)class_table[cp];
	return classify_slow(cp);
}

static enum cls classify_slow(unsigned cp)
{
	if (cp < 0x80) {
		if (cp >= 'a' && cp <= 'z')
			return C_LETTER_LO;
		if (cp >= 'A' && cp <= 'Z')
			return C_LETTER_UP;
		if (cp >= '0' && cp <= '9')
			return C_DIGIT;
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
			return C_SPACE;
		if (cp == '\'')
			return C_APOS;
		if (cp == '-')
			return C_HYPHEN;
		return C_OTHER;
	}
	if (cp == 0x2019 || cp == 0x02BC)
		return C_APOS;
	if (cp == 0x2010 || cp == 0x2011)
		return C_HYPHEN;
	if (uc_is_general_category(cp, UC_CATEGORY_Lu) || uc_is_general_category(cp, UC_CATEGORY_Lt))
		return C_LETTER_UP;
	if (uc_is_general_category(cp, UC_CATEGORY_Ll))
		return C_LETTER_LO;
	if (uc_is_general_category(cp, UC_CATEGORY_L))
		return C_LETTER;
	if (uc_is_general_category(cp, UC_CATEGORY_Nd))
		return C_DIGIT;
	if (uc_is_general_category(cp, UC_CATEGORY_M))
		return C_MARK;
	if (uc_is_general_category(cp, UC_CATEGORY_Z) || cp == 0x85)
		return C_SPACE;
	if (uc_is_property_default_ignorable_code_point(cp))
		return C_MARK; /* a soft hyphen or a zero-width joiner stays inside its word */
	return C_OTHER;
}

static bool is_letter(enum cls c)
{
	return c == C_LETTER_UP || c == C_LETTER_LO || c == C_LETTER;
}

static bool is_alnum(enum cls c)
{
	return is_letter(c) || c == C_DIGIT;
}

/* Reads the code point at s[i]; invalid bytes read as an "other" of length 1. */
static inline size_t next_cp(const char *s, size_t n, size_t i, unsigned *cp, enum cls *c)
{
	unsigned char b = (unsigned char)s[i];
	if (b < 0x80) { /* most of the text: no decoding, one table look-up */
		*cp = b;
		*c = (enum cls)class_table[b];
		return 1;
	}
	size_t l = rv_utf8_decode((const unsigned char *)s + i, n - i, cp);
	if (!l) {
		*cp = 0xFFFD;
		*c = C_OTHER;
		return 1;
	}
	*c = classify(*cp);
	return l;
}

static const char *const elisions[] = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu",
				       "puisqu", "quoiqu", "presqu"};

static bool is_elision_prefix(const char *s, size_t n)
{
	for (size_t i = 0; i < RV_ARRAY_LEN(elisions); i++)
		if (strlen(elisions[i]) == n && !strncasecmp(elisions[i], s, n))
			return true;
	return false;
}

static void push(struct rv_tokens *t, size_t a, size_t b, uint32_t flags)
{
	if (t->n == t->cap)
		t->v = rv_xgrow(t->v, &t->cap, t->n + 1, sizeof *t->v);
	t->v[t->n++] = (struct rv_token){(uint32_t)a, (uint32_t)b, flags, 0, 0, 0, 0};
}

/* Scans one word from s[i] (a letter or a digit); returns its end and flags. */
static size_t scan_word(const char *s, size_t n, size_t i, uint32_t *flags, bool *elided)
{
	size_t start = i, letters = 0, uppers = 0;
	uint32_t f = RV_TOK_WORD;
	unsigned cp;
	enum cls c, prev = C_OTHER;
	bool first = true;
	*elided = false;
	while (i < n) {
		if (s[i] >= 'a' && s[i] <= 'z') { /* a run of ASCII lower case: most of every word */
			size_t j = i + 1;
			while (j < n && s[j] >= 'a' && s[j] <= 'z')
				j++;
			f |= RV_TOK_ALPHA;
			letters += j - i;
			prev = C_LETTER_LO;
			first = false;
			i = j;
			continue;
		}
		size_t l = next_cp(s, n, i, &cp, &c);
		if (is_alnum(c) || (c == C_MARK && !first)) {
			if (c == C_DIGIT)
				f |= RV_TOK_DIGIT;
			if (is_letter(c)) {
				f |= RV_TOK_ALPHA;
				letters++;
				if (c == C_LETTER_UP) {
					uppers++;
					if (first)
						f |= RV_TOK_CAP;
					else if (prev == C_LETTER_LO || prev == C_DIGIT)
						f |= RV_TOK_CAMEL;
				}
			}
			if (c != C_MARK)
				prev = c;
			first = false;
			i += l;
			continue;
		}
		/* joiners: they stay inside the word only between the right things */
		unsigned ncp;
		enum cls nc = C_OTHER;
		if (i + l < n)
			next_cp(s, n, i + l, &ncp, &nc);
		if (c == C_HYPHEN && is_alnum(nc) && is_alnum(prev)) {
			i += l;
			prev = C_HYPHEN;
			continue;
		}
		/* U.S., U.K.: a dot between single capitals */
		if (cp == '.' && prev == C_LETTER_UP && nc == C_LETTER_UP && i - start <= 3 &&
		    (i - start == 1 || s[i - 2] == '.')) {
			i += l;
			continue;
		}
		if ((cp == '.' || cp == ',') && prev == C_DIGIT && nc == C_DIGIT) {
			i += l;
			continue;
		}
		if (c == C_APOS && is_letter(nc)) {
			if (is_elision_prefix(s + start, i - start)) {
				*elided = true;
				i += l;
				break;
			}
			/* English possessive: Microsoft's */
			unsigned c2;
			enum cls k2 = C_OTHER;
			if (i + l + 1 <= n && (s[i + l] == 's' || s[i + l] == 'S')) {
				if (i + l + 1 < n)
					next_cp(s, n, i + l + 1, &c2, &k2);
				if (!is_alnum(k2))
					break;
			}
			i += l; /* aujourd'hui, don't, O'Brien */
			prev = C_APOS;
			continue;
		}
		break;
	}
	if (uppers >= 2 && uppers == letters)
		f |= RV_TOK_UPPER;
	if (*elided)
		f = RV_TOK_WORD | RV_TOK_ALPHA | RV_TOK_ELISION;
	*flags = f;
	return i;
}

void rv_tokenize(const char *s, size_t n, struct rv_tokens *out)
{
	memset(out, 0, sizeof *out);
	rv_tokenize_reuse(s, n, out);
}

void rv_tokenize_reuse(const char *s, size_t n, struct rv_tokens *out)
{
	pthread_once(&class_once, class_table_init);
	struct rv_token *keep = out->v;
	size_t keep_cap = out->cap;
	memset(out, 0, sizeof *out);
	out->v = keep;
	out->cap = keep_cap;
	struct rv_span *sent;
	size_t nsent = rv_text_sentences(s, n, &sent);
	out->sent = rv_xcalloc(nsent ? nsent : 1, sizeof *out->sent);
	for (size_t k = 0; k < nsent; k++) {
		out->sent[k].start = (uint32_t)sent[k].start;
		out->sent[k].end = (uint32_t)sent[k].end;
	}
	out->nsent = nsent;
	free(sent);
	size_t i = 0;
	bool para = true;
	while (i < n) {
		unsigned cp;
		enum cls c;
		size_t l = next_cp(s, n, i, &cp, &c);
		if (c == C_SPACE) {
			if (cp == '\n')
				para = true;
			i += l;
			continue;
		}
		uint32_t flags;
		size_t end;
		if (is_alnum(c)) {
			bool elided;
			end = scan_word(s, n, i, &flags, &elided);
		} else if (c == C_APOS && i + l < n && (s[i + l] == 's' || s[i + l] == 'S') &&
			   (i + l + 1 >= n || !((s[i + l + 1] | 32) >= 'a' && (s[i + l + 1] | 32) <= 'z')) && out->n &&
			   out->v[out->n - 1].end == i && (out->v[out->n - 1].flags & RV_TOK_WORD)) {
			end = i + l + 1;
			flags = RV_TOK_WORD | RV_TOK_ALPHA | RV_TOK_ELISION;
		} else {
			end = i + l;
			flags = RV_TOK_PUNCT;
		}
		if (para)
			flags |= RV_TOK_PARA;
		para = false;
		push(out, i, end, flags);
		i = end;
	}
	/* sentence index and sentence-start flag, by a merge of the two lists */
	size_t k = 0;
	for (size_t t = 0; t < out->n; t++) {
		while (k + 1 < out->nsent && out->v[t].start >= out->sent[k + 1].start)
			k++;
		out->v[t].sentence = (uint32_t)k;
		if (out->nsent && (t == 0 || out->v[t - 1].sentence != k || out->v[t].start < out->sent[k].start))
			out->v[t].flags |= RV_TOK_SENT;
	}
}

/* Tokens and the fold's changes are both in text order: one merge walk maps
 * them all. */
void rv_tokens_locate_folded(struct rv_tokens *t, const struct rv_fold *f)
{
	struct rv_fold_walk w = {.f = f};
	for (size_t i = 0; i < t->n; i++) {
		t->v[i].fold_start = (uint32_t)rv_fold_walk_from_source(&w, t->v[i].start);
		t->v[i].fold_end = (uint32_t)rv_fold_walk_from_source(&w, t->v[i].end);
	}
}

void rv_tokens_free(struct rv_tokens *t)
{
	free(t->v);
	free(t->sent);
	memset(t, 0, sizeof *t);
}

unsigned rv_token_first_cp(const char *s, const struct rv_token *t)
{
	if (t->end <= t->start)
		return 0;
	unsigned cp;
	size_t l = rv_utf8_decode((const unsigned char *)s + t->start, t->end - t->start, &cp);
	return l ? cp : 0;
}

bool rv_token_is(const char *s, const struct rv_token *t, const char *w, bool ci)
{
	size_t len = strlen(w);
	if (t->end - t->start != len)
		return false;
	return ci ? !strncasecmp(s + t->start, w, len) : !memcmp(s + t->start, w, len);
}
