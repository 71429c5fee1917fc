/* Quotations and who said them.
 *
 * Marks: « » ‹ › “ ” „ “ ‘ ’ and straight " (an opener after a blank or at a
 * line start, a closer elsewhere). One pass over each paragraph with a stack
 * of open marks, at most MAX_DEPTH deep (deeper marks are ignored), so
 * 10,000 nested marks cost linear time. Only outermost quotations are
 * reported. A mark still open at a paragraph's end continues into the next
 * paragraph when that one reopens with the same mark (the French and English
 * convention for long quotations); otherwise the quotation ends with its
 * paragraph and is flagged unterminated — it never swallows the article.
 *
 * A paragraph ending with a colon whose sentence has a reporting verb
 * introduces the next paragraph as a block quotation. Incises inside a
 * quotation («..., a-t-il expliqué, ...») are cut out of its text. “We
 * must,” he said, “act.” is joined into one quotation.
 *
 * Speakers: a reporting verb after the quotation (», a déclaré X; ,” X
 * said), before it (X a déclaré : «; X said: “; selon X, d'après X,
 * according to X), or in an incise (, a-t-il dit, / , juge X,). The speaker
 * is the nearest name on the verb's side, a person's name preferred; a
 * pronoun (il, elle, he, she, or a-t-il) is left for index.c to resolve
 * once the corpus knows who is a person. Other quotations between a
 * quotation and its clause are stepped over (« A » et « B », dit X); a verb
 * past "là où", "while" has its own subject; a French subject may follow
 * the verb's complements (», confiait à l'AFP X). A document speaks with
 * its first signer's voice (indique la lettre, signée par X, Y et Z); an
 * indefinite subject (un ancien ministre, an insider) and another
 * article's headline (Lire aussi) speak for nobody. With no clause at all,
 * the sentence's subject speaks when a verb stands between it and the
 * quotation (X sees “...”); else index.c continues the speaker before.
 * Quotations of fewer than four words are terms, the rest speech.
 */
#include "revue/analysis.h"

#include "revue/lexicon.h"
#include "revue/util.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>

#define MAX_DEPTH 64
#define SPEECH_MIN_WORDS 4
#define BLOCK_MAX_WORDS 150
#define QUOTE_SKIP_MAX 200 /* tokens of another quotation stepped over on the way to a reporting verb */
#define CUE_WINDOW 26 /* tokens looked at after a quotation for its verb: "”, X, who has sued Y several times, said" */

struct mark {
	uint32_t pos;    /* offset of the opening mark */
	uint32_t len;    /* its length in bytes */
	unsigned closer; /* the code point that closes it */
};

struct span {
	uint32_t start, end;  /* marks included */
	uint32_t tstart, tend; /* the text inside */
	bool unterminated;
	struct {
		uint32_t s, e;
	} cont[8]; /* further paragraphs of a multi-paragraph quotation */
	int ncont;
};

static unsigned cp_at(const char *s, size_t n, size_t i, size_t *len)
{
	unsigned cp;
	size_t l = rv_utf8_decode((const unsigned char *)s + i, n - i, &cp);
	if (!l) {
		*len = 1;
		return 0xFFFD;
	}
	*len = l;
	return cp;
}

static unsigned closer_of(unsigned cp)
{
	switch (cp) {
	case 0xAB: return 0xBB;     /* « » */
	case 0x201C: return 0x201D; /* “ ” */
	case 0x201E: return 0x201C; /* „ “ */
	case 0x2039: return 0x203A; /* ‹ › */
	case 0x2018: return 0x2019; /* ‘ ’ */
	case '"': return '"';
	default: return 0;
	}
}

static bool is_blank_cp(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007;
}

static bool is_letter_byte(const char *s, size_t n, size_t i)
{
	if (i >= n)
		return false;
	unsigned char c = (unsigned char)s[i];
	return ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0xC0 || (c >= '0' && c <= '9');
}

/* Trims blanks inside the marks. */
static void trim_inner(const char *s, size_t n, uint32_t *a, uint32_t *b)
{
	size_t l;
	while (*a < *b && is_blank_cp(cp_at(s, n, *a, &l)))
		*a += (uint32_t)l;
	while (*b > *a) {
		size_t k = *b - 1;
		while (k > *a && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		if (!is_blank_cp(cp_at(s, n, k, &l)))
			break;
		*b = (uint32_t)k;
	}
}

/* The marks of one paragraph [ps, pe); *open carries a quotation across
 * paragraphs. Returns the quotations that close (or end unterminated). */
static void scan_paragraph(const char *s, size_t n, size_t ps, size_t pe, struct mark *stack, int *depth,
			   struct span *cur, bool *in_quote, struct span **out, size_t *nout, size_t *cap,
			   bool next_reopens)
{
	size_t i = ps;
	size_t ignored = 0; /* marks past MAX_DEPTH, so that their closers are ignored too */
	while (i < pe) {
		/* the marks are '"' and non-ASCII: skip other ASCII at once */
		while (i < pe && (unsigned char)s[i] < 0x80 && s[i] != '"')
			i++;
		if (i >= pe)
			break;
		size_t l;
		unsigned cp = cp_at(s, n, i, &l);
		unsigned cl = closer_of(cp);
		bool prev_blank = i == ps || is_blank_cp(s[i - 1]) || s[i - 1] == '(' || s[i - 1] == '[' ||
				  s[i - 1] == '\n' || (unsigned char)s[i - 1] == 0xA0;
		if (ignored && (cp == 0xBB || cp == 0x203A || cp == 0x201D)) {
			ignored--; /* the closer of a mark past the depth cap */
			i += l;
			continue;
		}
		if (cp == '"' || cp == 0x2019 || cp == 0x201C) {
			/* closes the innermost matching opener, if it is open */
			int k = *depth - 1;
			while (k >= 0 && stack[k].closer != cp)
				k--;
			bool straight_opener = cp == '"' && prev_blank && (k < 0 || !is_letter_byte(s, n, i - 1));
			bool apostrophe = cp == 0x2019 && is_letter_byte(s, n, i + l);
			if (k >= 0 && !(cp == '"' && straight_opener && k < *depth - 1) && !apostrophe) {
				*depth = k;
				if (k == 0) {
					cur->end = (uint32_t)(i + l);
					cur->tend = (uint32_t)i;
					*out = rv_xgrow(*out, cap, *nout + 1, sizeof **out);
					(*out)[(*nout)++] = *cur;
					*in_quote = false;
				}
				i += l;
				continue;
			}
			if (cp == 0x2019 || (cp == '"' && !straight_opener)) {
				i += l;
				continue;
			}
			/* “ that closes nothing opens */
		}
		if (cl) {
			if (cp == 0x2018 && !prev_blank) { /* a ‘ inside a word is no mark */
				i += l;
				continue;
			}
			if (*depth >= MAX_DEPTH) {
				ignored++;
			} else {
				if (*depth == 0) {
					memset(cur, 0, sizeof *cur);
					cur->start = (uint32_t)i;
					cur->tstart = (uint32_t)(i + l);
					*in_quote = true;
				}
				stack[(*depth)++] = (struct mark){(uint32_t)i, (uint32_t)l, cl};
			}
			i += l;
			continue;
		}
		if (cp == 0xBB || cp == 0x203A || cp == 0x201D) {
			int k = *depth - 1;
			while (k >= 0 && stack[k].closer != cp)
				k--;
			if (k >= 0) {
				*depth = k;
				if (k == 0) {
					cur->end = (uint32_t)(i + l);
					cur->tend = (uint32_t)i;
					*out = rv_xgrow(*out, cap, *nout + 1, sizeof **out);
					(*out)[(*nout)++] = *cur;
					*in_quote = false;
				}
			}
		}
		i += l;
	}
	if (*in_quote && !next_reopens) {
		cur->end = (uint32_t)pe;
		cur->tend = (uint32_t)pe;
		cur->unterminated = true;
		*out = rv_xgrow(*out, cap, *nout + 1, sizeof **out);
		(*out)[(*nout)++] = *cur;
		*in_quote = false;
		*depth = 0;
	}
}

/* --- text of a quotation: marks off, incises cut ---------------------------- */

static bool incise_token(const struct rv_article *a, const struct rv_token *t)
{
	const char *s = a->body + t->start;
	size_t n = t->end - t->start;
	static const char *const suffixes[] = {"-t-il", "-t-elle", "-t-ils", "-t-elles", "-t-on", "-il", "-elle",
					       "-ils", "-elles", "-on"};
	for (size_t i = 0; i < RV_ARRAY_LEN(suffixes); i++) {
		size_t k = strlen(suffixes[i]);
		if (n > k && !strncmp(s + n - k, suffixes[i], k))
			return true;
	}
	return false;
}

/* A reporting verb, inverted or not: "déclare", "explique-t-il", "a-t-elle". */
static bool speech_verb(const struct rv_article *a, const struct rv_token *t)
{
	const char *s = a->body + t->start;
	size_t len = t->end - t->start;
	if (!(t->flags & RV_TOK_ALPHA))
		return false;
	if (!memchr(s, '-', len))
		return rv_tok_in(a, t, RV_LEX_SPEECH_VERB); /* the token's lexicons, looked up once */
	char buf[RV_FOLD_BUF];
	size_t n = rv_tok_fold(a, t, buf);
	static const char *const suffixes[] = {"-t-il", "-t-elle", "-t-ils", "-t-elles", "-t-on", "-il", "-elle",
					       "-ils", "-elles", "-on"};
	for (size_t i = 0; i < RV_ARRAY_LEN(suffixes); i++) {
		size_t k = strlen(suffixes[i]);
		if (n > k && !memcmp(buf + n - k, suffixes[i], k)) {
			n -= k;
			break;
		}
	}
	return rv_lex_has(RV_LEX_SPEECH_VERB, buf, n);
}

static size_t first_tok_at(const struct rv_tokens *tk, uint32_t pos)
{
	size_t lo = 0, hi = tk->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (tk->v[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool punct_is(const struct rv_article *a, const struct rv_token *t, const char *p)
{
	size_t k = strlen(p);
	return (t->flags & RV_TOK_PUNCT) && t->end - t->start == k && !memcmp(a->body + t->start, p, k);
}

static bool clause_mark(const struct rv_article *a, const struct rv_token *t)
{
	return punct_is(a, t, ",") || punct_is(a, t, "\xE2\x80\x94") || punct_is(a, t, "\xE2\x80\x93") ||
	       punct_is(a, t, "(") || punct_is(a, t, ")");
}

static bool participle(const struct rv_article *a, const struct rv_token *t);

/* Finds an incise [ia, ib) inside [ts, te): ", a-t-il expliqué," and the
 * like, or a reporting verb right after the comma with its subject: ",
 * juge un ancien ministre,", ", said John Smith,". */
static bool find_incise(const struct rv_article *a, const struct rv_tokens *tk, uint32_t ts, uint32_t te,
			uint32_t *ia, uint32_t *ib, size_t *verb_tok)
{
	size_t i = first_tok_at(tk, ts);
	for (; i < tk->n && tk->v[i].end <= te; i++) {
		if (!clause_mark(a, &tk->v[i]))
			continue;
		for (size_t j = i + 1; j < tk->n && j <= i + 8 && tk->v[j].end <= te; j++) {
			if (clause_mark(a, &tk->v[j])) {
				bool found = false;
				const struct rv_token *first = &tk->v[i + 1];
				if (j > i + 2 && punct_is(a, &tk->v[i], ",") && speech_verb(a, first) &&
				    !incise_token(a, first) && !participle(a, first)) {
					found = true;
					*verb_tok = i + 1;
				}
				for (size_t k = i + 1; k < j && !found; k++) {
					if (incise_token(a, &tk->v[k]) &&
					    (speech_verb(a, &tk->v[k]) ||
					     (k + 1 < j && speech_verb(a, &tk->v[k + 1])) ||
					     speech_verb(a, &tk->v[k]))) {
						found = true;
						*verb_tok = k;
						break;
					}
				}
				if (!found)
					break;
				*ia = tk->v[i].start;
				*ib = tk->v[j].end;
				return true;
			}
		}
	}
	return false;
}

static size_t count_words(const char *s, size_t n)
{
	size_t w = 0, i = 0;
	bool in = false;
	while (i < n) {
		unsigned cp;
		size_t l = rv_utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (!l) {
			cp = 0xFFFD;
			l = 1;
		}
		bool word = cp < 0x80 ? (((cp | 32) >= 'a' && (cp | 32) <= 'z') || (cp >= '0' && cp <= '9') ||
					 (in && (cp == '\'' || cp == '-')))
				      : (uc_is_general_category(cp, UC_CATEGORY_L) || uc_is_general_category(cp, UC_CATEGORY_N) ||
					 (in && cp == 0x2019));
		if (word && !in)
			w++;
		in = word;
		i += l;
	}
	return w;
}

/* --- speakers -------------------------------------------------------------- */


static const char *const pronouns[] = {"il", "elle", "ils", "elles", "he", "she", "they"};
static const char *const plural_pronouns[] = {"ils", "elles", "they"};
static const char *const aux[] = {"a", "ont", "avait", "avaient", "aura", "has", "have", "had", "was", "is"};
static const char *const according[] = {"selon", "d'apres", "according"};

#define APPOSITION_MAX 40 /* tokens walked back over appositions: "X, celui de Y (Z), la plus ..., a dit" */
#define SUBJECT_LOOKBACK 6 /* tokens walked back from a verb to its subject */

/* Is [s, e) inside one of the quotations found so far? They are sorted by
 * start and do not overlap, save those that join_split merged. */
static bool inside_quotation(const struct rv_analysis *an, uint32_t s, uint32_t e)
{
	size_t lo = 0, hi = an->nquotes;
	while (lo < hi) { /* first quotation starting after s */
		size_t mid = (lo + hi) / 2;
		if (an->quotes[mid].start <= s)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo; k-- > 0 && lo - k <= 4;)
		if (e <= an->quotes[k].end && !(an->quotes[k].flags & RV_QUOTE_BLOCK))
			return true;
	return false;
}

/* Names that can speak: not a place, not inside a quotation. */
static bool can_speak(const struct rv_analysis *an, const struct rv_name *nm)
{
	if (nm->votes[RV_ET_PLACE] >= 4 && nm->votes[RV_ET_PLACE] > nm->votes[RV_ET_PERSON])
		return false;
	return !inside_quotation(an, nm->start, nm->end);
}

static bool personish(const struct rv_name *nm)
{
	return nm->votes[RV_ET_PERSON] > 0 && nm->votes[RV_ET_PERSON] >= nm->votes[RV_ET_ORG];
}

/* The first name whose first token is at or after token ta. */
static size_t first_name_from(const struct rv_analysis *an, size_t ta)
{
	size_t lo = 0, hi = an->nnames;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (an->names[mid].tok_first < ta)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The name covering token j, or RV_NONE (names are in text order and do not
 * overlap). */
static uint32_t name_at_token(const struct rv_analysis *an, size_t j)
{
	size_t i = first_name_from(an, j + 1);
	if (i > 0 && an->names[i - 1].tok_last >= j)
		return (uint32_t)(i - 1);
	return RV_NONE;
}

/* The speaking name nearest to token `near` among those overlapping tokens
 * [ta, tb); with prefer_person, a person's name in the window beats an
 * organisation's ("said Standard Chartered chief executive Mervyn Davies"). */
static uint32_t nearest_name(const struct rv_analysis *an, size_t ta, size_t tb, size_t near, bool prefer_person)
{
	uint32_t best = RV_NONE;
	size_t best_d = SIZE_MAX;
	bool best_person = false;
	size_t i = first_name_from(an, ta);
	if (i > 0 && an->names[i - 1].tok_last >= ta)
		i--;
	for (; i < an->nnames; i++) {
		const struct rv_name *nm = &an->names[i];
		if (nm->tok_first >= tb)
			break;
		if (!can_speak(an, nm))
			continue;
		size_t d = nm->tok_last < near ? near - nm->tok_last : nm->tok_first > near ? nm->tok_first - near : 0;
		bool person = prefer_person && personish(nm);
		if ((person && !best_person) || ((person == best_person) && d < best_d)) {
			best = (uint32_t)i;
			best_d = d;
			best_person = person;
		}
	}
	return best;
}

static bool is_pronoun(const struct rv_article *a, const struct rv_token *t)
{
	return rv_tok_among(a, t, pronouns, RV_ARRAY_LEN(pronouns)) || incise_token(a, t);
}

/* "ils", "they", "estiment-ils": a group, not one person. */
static bool plural_pronoun(const struct rv_article *a, const struct rv_token *t)
{
	if (rv_tok_among(a, t, plural_pronouns, RV_ARRAY_LEN(plural_pronouns)))
		return true;
	const char *s = a->body + t->start;
	size_t n = t->end - t->start;
	return (n > 4 && !memcmp(s + n - 4, "-ils", 4)) || (n > 6 && !memcmp(s + n - 6, "-elles", 6));
}

static void set_pronoun(const struct rv_article *a, struct rv_quote *q, const struct rv_token *t, uint32_t at)
{
	q->pronoun_at = at;
	if (t && plural_pronoun(a, t))
		q->flags |= RV_QUOTE_PLURAL;
}

/* A reporting verb's present participle: "ajoutant", "estimant", "saying".
 * Its subject is the main clause's. */
static bool participle(const struct rv_article *a, const struct rv_token *t)
{
	char buf[RV_FOLD_BUF];
	size_t n = rv_tok_fold(a, t, buf);
	return n > 5 && (!memcmp(buf + n - 3, "ant", 3) || !memcmp(buf + n - 3, "ing", 3));
}

/* The first role word in tokens [from, to) ("a expliqué le président de
 * la République"), 0 if none: index.c looks for the person the article
 * names with that role. */
static uint32_t role_in(const struct rv_article *a, const struct rv_tokens *tk, size_t from, size_t to)
{
	for (size_t i = from; i < to && i < tk->n; i++) {
		uint32_t r = rv_tok_role(a, &tk->v[i]);
		if (r)
			return r;
	}
	return 0;
}

/* Is the subject in tokens [from, to) an organisation named by its kind
 * ("la banque", "le groupe", "the company")? */
static bool org_subject(const struct rv_article *a, const struct rv_tokens *tk, size_t from, size_t to)
{
	for (size_t i = from; i < to && i < tk->n; i++) {
		const struct rv_token *t = &tk->v[i];
		bool common = !(t->flags & RV_TOK_CAP) || (t->flags & RV_TOK_UPPER); /* la société, l'ONG */
		if (common && rv_tok_in(a, t, RV_LEX_ORG_CUE) && !rv_token_is(a->body, t, "chez", true) &&
		    !rv_token_is(a->body, t, "at", true))
			return true;
	}
	return false;
}

/* A document as the subject: "indique la lettre", "selon le courrier",
 * "the letter said". */
static const char *const documents[] = {"lettre", "courrier", "missive", "tribune", "petition", "letter",
					"memo", "memorandum", "op-ed", "petition"};
static const char *const signed_forms[] = {"signe", "signee", "signes", "signees", "cosigne", "cosignee",
					   "cosignes", "cosignees", "signed", "cosigned", "co-signed"};

#define SIGNATURE_LOOKBACK 1500 /* tokens searched back for who signed the document */
#define ROLE_LOOKBACK 600       /* tokens searched back for the role word that introduced a name */

static bool document_subject(const struct rv_article *a, const struct rv_tokens *tk, size_t from, size_t to)
{
	for (size_t i = from; i < to && i < tk->n; i++)
		if (!(tk->v[i].flags & RV_TOK_CAP) && rv_tok_among(a, &tk->v[i], documents, RV_ARRAY_LEN(documents)))
			return true;
	return false;
}

/* The words of a letter signed by several people are its first signer's
 * ("une lettre signée par X, Y et Z", "a letter signed by X and Y"): the
 * signature nearest before the end of the sentence of token k (or in it),
 * and the first person named after it. RV_NONE when the article names no
 * signer. */
static uint32_t document_signer(const struct rv_article *a, const struct rv_analysis *an, size_t k)
{
	const struct rv_tokens *tk = &an->tok;
	size_t e = k;
	while (e + 1 < tk->n && e - k < 40 && tk->v[e + 1].sentence == tk->v[k].sentence)
		e++;
	for (size_t i = e + 1; i-- > 0 && e - i < SIGNATURE_LOOKBACK;) {
		if (!rv_tok_among(a, &tk->v[i], signed_forms, RV_ARRAY_LEN(signed_forms)))
			continue;
		for (size_t j = i + 1; j < tk->n && j < i + 14 && !punct_is(a, &tk->v[j], "."); j++) {
			uint32_t nm = name_at_token(an, j);
			/* signers are people: any name but an organisation's or a place's */
			if (nm != RV_NONE && can_speak(an, &an->names[nm]) &&
			    an->names[nm].votes[RV_ET_ORG] <= an->names[nm].votes[RV_ET_PERSON])
				return nm;
		}
	}
	return RV_NONE;
}

/* Whose document: "le courrier de l'Union des métiers", "la lettre du
 * syndicat X", "a letter from X" — the name right after the nearest
 * document word before token k (or in its sentence) that has one. */
static uint32_t document_owner(const struct rv_article *a, const struct rv_analysis *an, size_t k)
{
	static const char *const from_words[] = {"de", "du", "des", "d'", "of", "from"};
	static const char *const the[] = {"la", "le", "les", "l'", "the"};
	const struct rv_tokens *tk = &an->tok;
	size_t e = k;
	while (e + 1 < tk->n && e - k < 40 && tk->v[e + 1].sentence == tk->v[k].sentence)
		e++;
	for (size_t i = e + 1; i-- > 0 && e - i < SIGNATURE_LOOKBACK;) {
		if ((tk->v[i].flags & RV_TOK_CAP) || !rv_tok_among(a, &tk->v[i], documents, RV_ARRAY_LEN(documents)))
			continue;
		for (size_t j = i + 1; j < tk->n && j <= i + 4; j++) {
			if (!rv_tok_among(a, &tk->v[j], from_words, RV_ARRAY_LEN(from_words)))
				continue;
			size_t n = j + 1;
			if (n < tk->n && rv_tok_among(a, &tk->v[n], the, RV_ARRAY_LEN(the)))
				n++;
			uint32_t nm = n < tk->n ? name_at_token(an, n) : RV_NONE;
			if (nm != RV_NONE && an->names[nm].tok_first == n && can_speak(an, &an->names[nm]))
				return nm;
			break;
		}
		/* "indique le courrier" names no owner: an earlier mention may */
	}
	return RV_NONE;
}

/* A document speaks: its signer if the article names one, else whoever
 * it is said to be from; else nobody the reader can name. */
static void document_speaker(const struct rv_article *a, const struct rv_analysis *an, size_t k, struct rv_quote *q)
{
	uint32_t nm = document_signer(a, an, k);
	if (nm == RV_NONE)
		nm = document_owner(a, an, k);
	q->speaker_name = nm;
}

/* The subject of a sentence's main clause: a name among its first words
 * ("Trump accused Obama of ..., saying"; "Mais Jean-Paul Betbèze (Crédit
 * Agricole) juge que"). */
static uint32_t sentence_subject(const struct rv_analysis *an, size_t from, size_t to)
{
	size_t words = 0;
	for (size_t j = from; j < to && words < 4; j++) {
		const struct rv_token *t = &an->tok.v[j];
		uint32_t nm = name_at_token(an, j);
		if (nm != RV_NONE && an->names[nm].tok_first == j && can_speak(an, &an->names[nm]))
			return nm;
		if (t->flags & RV_TOK_WORD)
			words++;
	}
	return RV_NONE;
}

/* Where the words after a reporting verb stop naming its subject: "said
 * in an email to The Huffington Post", "a déclaré à l'AFP". */
static const char *const verb_objects[] = {"to", "in", "on", "at", "for", "from", "with", "during", "a", "dans",
					   "sur", "pour", "lors", "devant", "au", "aux", "aupres", "en", "that", "que", "qu'"};
static const char *const role_of[] = {"de", "du", "des", "d'", "of", "at", "chez"};
static const char *const articles[] = {"la", "le", "les", "l'", "the"};

/* Is the name at token f the institution of a role ("le président de la
 * République", "chief executive of the company")? */
static bool role_institution(const struct rv_article *a, const struct rv_tokens *tk, size_t lo, size_t f)
{
	if (f > lo && rv_tok_among(a, &tk->v[f - 1], articles, RV_ARRAY_LEN(articles)))
		f--;
	return f > lo && rv_tok_among(a, &tk->v[f - 1], role_of, RV_ARRAY_LEN(role_of));
}
static const char *const relatives[] = {"qui", "dont", "lequel", "laquelle", "who", "which", "whose"};

/* Walks back from the reporting verb at token k (after its auxiliaries) to
 * its subject: "X a déclaré", "il a ajouté", and over appositions between
 * commas: "X, directeur de Y, explique", "Le présentateur de TF1, X, a
 * salué", "X, who has sued Y, said", "X (Y), juge". Across appositions a
 * person's name beats an organisation's, and a relative pronoun points at
 * the name before it. Sets the quotation's speaker or pronoun; false when
 * the words before the verb hold neither. */
static bool subject_before(const struct rv_article *a, const struct rv_analysis *an, size_t from, size_t k,
			   struct rv_quote *q)
{
	const struct rv_tokens *tk = &an->tok;
	size_t p = k;
	while (p > from && rv_tok_among(a, &tk->v[p - 1], aux, RV_ARRAY_LEN(aux)))
		p--;
	if (p == from)
		return false;
	bool apposition = punct_is(a, &tk->v[p - 1], ",");
	for (size_t j = p - 1; apposition && j-- > from && p - j <= APPOSITION_MAX;) {
		/* "X, who ...,": X, whatever else the relative clause names */
		if (!rv_tok_among(a, &tk->v[j], relatives, RV_ARRAY_LEN(relatives)) || j == from ||
		    !punct_is(a, &tk->v[j - 1], ","))
			continue;
		uint32_t nm = j > from + 1 ? name_at_token(an, j - 2) : RV_NONE;
		if (nm != RV_NONE && can_speak(an, &an->names[nm])) {
			q->speaker_name = nm;
			return true;
		}
		break;
	}
	uint32_t fallback = RV_NONE;
	size_t seen = 0;
	for (size_t j = p; j-- > from;) {
		const struct rv_token *w = &tk->v[j];
		if (p - j > APPOSITION_MAX || (!apposition && seen > SUBJECT_LOOKBACK))
			break;
		if (punct_is(a, w, ","))
			continue;
		if (punct_is(a, w, ")")) { /* "Betbèze (Crédit Agricole)": over the brackets */
			size_t o = j;
			while (o > from && j - o < APPOSITION_MAX && !punct_is(a, &tk->v[o], "("))
				o--;
			if (punct_is(a, &tk->v[o], "(")) {
				j = o;
				continue;
			}
		}
		if (is_pronoun(a, w) && (!apposition || fallback == RV_NONE)) {
			set_pronoun(a, q, w, w->start);
			return true;
		}
		uint32_t nm = name_at_token(an, j);
		if (nm != RV_NONE && can_speak(an, &an->names[nm])) {
			if (!apposition ||
			    (personish(&an->names[nm]) && !role_institution(a, tk, from, an->names[nm].tok_first))) {
				q->speaker_name = nm;
				return true;
			}
			if (fallback == RV_NONE)
				fallback = nm;
			j = an->names[nm].tok_first;
			continue;
		}
		if (w->flags & RV_TOK_WORD)
			seen++;
	}
	if (fallback != RV_NONE) {
		q->speaker_name = fallback;
		return true;
	}
	return false;
}

/* The token closing the quotation opened at token k, or `to` if none
 * does before it. */
static size_t quotation_end(const struct rv_article *a, const struct rv_tokens *tk, size_t k, size_t to)
{
	unsigned closer = closer_of(rv_token_first_cp(a->body, &tk->v[k]));
	size_t c = k + 1;
	while (c < to && rv_token_first_cp(a->body, &tk->v[c]) != closer)
		c++;
	return c;
}

/* A determiner makes the reporting verb after it a noun: "cette annonce",
 * "sa critique", "the claims". Not le, la, les, l', leur, which are also
 * object pronouns ("comme il le dit", "il leur explique"). */
static bool noun_use(const struct rv_article *a, const struct rv_token *before)
{
	static const char *const determiners[] = {"un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces",
						  "son", "sa", "ses", "mon", "ma", "mes", "notre", "nos", "votre",
						  "vos", "leurs", "the", "an", "this", "these", "his", "its", "their",
						  "our", "my", "your"};
	return rv_tok_among(a, before, determiners, RV_ARRAY_LEN(determiners)); /* not "a": the French auxiliary */
}

/* Words that open another clause: after a quotation, a reporting verb
 * past them has a subject of its own ("», là où X évoquait", "” while X
 * said"). */
static const char *const subordinators[] = {"tandis", "alors", "quand", "lorsque", "mais",
					    "while", "whereas", "but"};

/* A French subject put after the verb's complements: "», confiait mardi à
 * l'AFP Thomas Miralles", "», a averti le commissaire à l'Économie Pierre
 * Moscovici". Tokens [from, to) start at the complement's preposition; the
 * first person's name not itself governed by a preposition ("à l'AFP",
 * "in London"), before the next comma. */
static uint32_t inverted_subject(const struct rv_article *a, const struct rv_analysis *an, size_t from, size_t to)
{
	const struct rv_tokens *tk = &an->tok;
	for (size_t j = from; j < to; j++) {
		if (punct_is(a, &tk->v[j], ",") || punct_is(a, &tk->v[j], ";"))
			break;
		uint32_t nm = name_at_token(an, j);
		if (nm == RV_NONE || an->names[nm].tok_first != j)
			continue;
		size_t p = j;
		if (p > from && rv_tok_among(a, &tk->v[p - 1], articles, RV_ARRAY_LEN(articles)))
			p--;
		bool governed = p > from && (rv_tok_among(a, &tk->v[p - 1], verb_objects, RV_ARRAY_LEN(verb_objects)) ||
					     rv_tok_among(a, &tk->v[p - 1], role_of, RV_ARRAY_LEN(role_of)));
		if (p == from || governed || !can_speak(an, &an->names[nm]) || !personish(&an->names[nm])) {
			j = an->names[nm].tok_last;
			continue;
		}
		return nm;
	}
	return RV_NONE;
}

static bool indefinite_article(const struct rv_article *a, const struct rv_token *t)
{
	static const char *const indefinite[] = {"un", "une", "a", "an"};
	for (size_t i = 0; i < RV_ARRAY_LEN(indefinite); i++)
		if (rv_token_is(a->body, t, indefinite[i], true)) /* raw: "à" is no article */
			return true;
	return false;
}

/* "un ancien ministre", "a senior official": a subject with an indefinite
 * article at token `at` and no name before the clause ends (a comma or
 * `to`) speaks anonymously. "un porte-parole de Zorbank" names its
 * organisation, and is left to the other rules. */
static bool indefinite_subject(const struct rv_article *a, const struct rv_analysis *an, size_t at, size_t to)
{
	const struct rv_tokens *tk = &an->tok;
	if (!indefinite_article(a, &tk->v[at]))
		return false;
	for (size_t j = at + 1; j < to && j < at + SUBJECT_LOOKBACK * 2; j++) {
		if (punct_is(a, &tk->v[j], ";") || punct_is(a, &tk->v[j], "."))
			break;
		if (punct_is(a, &tk->v[j], ",")) { /* "un des membres de la délégation, X" names X */
			uint32_t ap = j + 1 < to ? name_at_token(an, j + 1) : RV_NONE;
			return !(ap != RV_NONE && an->names[ap].tok_first == j + 1);
		}
		if (name_at_token(an, j) != RV_NONE)
			return false;
	}
	return true;
}

/* ”, the newspaper quoted X as saying: X speaks, not the newspaper; "an
 * insider" is nobody the reader can name. Token k is the verb after
 * "as"; [from, k) is searched back for "quoted". */
static bool quoted_as(const struct rv_article *a, const struct rv_analysis *an, size_t from, size_t k,
		      struct rv_quote *q)
{
	static const char *const quoting[] = {"quoted", "quotes", "quoting", "cited", "cites", "citing"};
	const struct rv_tokens *tk = &an->tok;
	size_t o = k - 1;
	while (o > from && k - o < 14 && !rv_tok_among(a, &tk->v[o - 1], quoting, RV_ARRAY_LEN(quoting)))
		o--;
	if (o == from || !rv_tok_among(a, &tk->v[o - 1], quoting, RV_ARRAY_LEN(quoting)))
		return false;
	uint32_t nm = nearest_name(an, o, k - 1, o, true); /* the object, between "quoted" and "as" */
	if (nm != RV_NONE && personish(&an->names[nm])) {
		q->speaker_name = nm;
		return true;
	}
	return indefinite_subject(a, an, o, k - 1);
}

/* After the quotation, tokens [from, to): ”, X said / », a déclaré X /
 * ”, he said / », a-t-il ajouté / ”, Rep. X, D-N.Y., said. */
static bool speaker_after(const struct rv_article *a, const struct rv_analysis *an, size_t from, size_t to,
			  struct rv_quote *q)
{
	const struct rv_tokens *tk = &an->tok;
	for (size_t k = from; k < to; k++) {
		const struct rv_token *t = &tk->v[k];
		unsigned cp = rv_token_first_cp(a->body, t);
		if (cp == 0xAB || cp == 0x201C || cp == '"') {
			/* another quotation in the same sentence: « A » pour « B »
			 * et « C », expose X — the clause after the last one
			 * reports them all; one left open ends the search */
			size_t c = quotation_end(a, tk, k, to);
			if (c == to)
				return false;
			k = c;
			continue;
		}
		if (rv_tok_among(a, t, subordinators, RV_ARRAY_LEN(subordinators)) ||
		    rv_token_is(a->body, t, "o\xC3\xB9", true))
			return false; /* », là où X évoquait: another clause's verb */
		if (k > from && punct_is(a, &tk->v[k - 1], ",") && rv_tok_among(a, t, according, RV_ARRAY_LEN(according))) {
			size_t b = k + 1 + (rv_token_is(a->body, t, "according", true) ? 1 : 0);
			uint32_t nm = b < to ? nearest_name(an, b, b + 4 < to ? b + 4 : to, b, false) : RV_NONE;
			if (nm != RV_NONE && an->names[nm].tok_first <= b + 1) {
				q->speaker_name = nm; /* », selon X / ”, according to X */
				return true;
			}
		}
		bool inverted = incise_token(a, t);
		if (!speech_verb(a, t) && !(inverted && k + 1 < to && speech_verb(a, &tk->v[k + 1])))
			continue;
		if (k > from && noun_use(a, &tk->v[k - 1]))
			continue; /* "par cette annonce": a noun */
		if (inverted) {
			set_pronoun(a, q, t, q->start);
			return true;
		}
		if (k > from + 1 && rv_token_is(a->body, &tk->v[k - 1], "as", true) && quoted_as(a, an, from, k, q))
			return true; /* ”, the newspaper quoted an insider as saying */
		size_t v = k;
		while (v > from && rv_tok_among(a, &tk->v[v - 1], aux, RV_ARRAY_LEN(aux)))
			v--;
		if (v > from && is_pronoun(a, &tk->v[v - 1])) { /* ”, he said */
			set_pronoun(a, q, &tk->v[v - 1], q->start);
			return true;
		}
		/* the verb's clause: to the next comma or the sentence's end */
		size_t hi = k + 1;
		while (hi < to && hi < k + CUE_WINDOW && !punct_is(a, &tk->v[hi], ",") && !punct_is(a, &tk->v[hi], ";") &&
		       !rv_tok_among(a, &tk->v[hi], verb_objects, RV_ARRAY_LEN(verb_objects)))
			hi++;
		uint32_t nm = v > from ? name_at_token(an, v - 1) : RV_NONE; /* ”, X said */
		if (nm != RV_NONE && !can_speak(an, &an->names[nm]))
			nm = RV_NONE;
		if (nm == RV_NONE) {
			nm = nearest_name(an, k + 1, hi, k, true); /* », a déclaré X */
			/* "a expliqué le président de la République": the role's
			 * institution does not speak; the person last named does */
			if (nm != RV_NONE && !personish(&an->names[nm]) && role_institution(a, tk, k + 1, an->names[nm].tok_first))
				nm = RV_NONE;
		}
		if (nm == RV_NONE && hi < to && !punct_is(a, &tk->v[hi], ",") && !punct_is(a, &tk->v[hi], ";"))
			nm = inverted_subject(a, an, hi, to); /* », confiait à l'AFP X */
		if (nm == RV_NONE && hi + 1 < to && punct_is(a, &tk->v[hi], ",") &&
		    (role_in(a, tk, k + 1, hi) || indefinite_article(a, &tk->v[k + 1]))) {
			/* », expose son secrétaire général, X / a déclaré un des membres, X: the apposition */
			uint32_t ap = name_at_token(an, hi + 1);
			if (ap != RV_NONE && an->names[ap].tok_first == hi + 1 && can_speak(an, &an->names[ap]) &&
			    personish(&an->names[ap]))
				nm = ap;
		}
		if (nm == RV_NONE && k + 1 < to && indefinite_subject(a, an, k + 1, to))
			return true; /* », juge un ancien ministre: nobody the reader can name */
		if (nm == RV_NONE && subject_before(a, an, from, k, q))
			return true; /* ”, X, who ..., said */
		if (nm != RV_NONE) {
			q->speaker_name = nm;
			return true;
		}
		for (size_t p = k + 1; p < hi; p++) {
			if (is_pronoun(a, &tk->v[p])) {
				set_pronoun(a, q, &tk->v[p], q->start);
				return true;
			}
		}
		if (document_subject(a, tk, k + 1, hi) || document_subject(a, tk, k > from + 3 ? k - 3 : from, k)) {
			document_speaker(a, an, k, q); /* », indique la lettre, signée de X; ”, the letter said */
			return true;
		}
		q->pronoun_at = q->start; /* "said the minister": the person last named */
		q->role = role_in(a, tk, k + 1, hi);
		if (org_subject(a, tk, k + 1, hi))
			q->flags |= RV_QUOTE_BY_ORG; /* "concède le groupe": the organisation last named */
		return true;
	}
	return false;
}

/* Before the quotation, tokens [from, to): X a déclaré : « / X, directeur de
 * Y, explique que « / selon X, « / Il a ajouté : « / according to X, “ /
 * X accused Y of..., saying “. */
static bool speaker_before(const struct rv_article *a, const struct rv_analysis *an, size_t from, size_t to,
			   struct rv_quote *q)
{
	const struct rv_tokens *tk = &an->tok;
	for (size_t k = to; k-- > from;) {
		const struct rv_token *t = &tk->v[k];
		bool d_apres = rv_token_is(a->body, t, "apr\xC3\xA8s", true) && k > from &&
			       (tk->v[k - 1].flags & RV_TOK_ELISION);
		if (d_apres || rv_tok_among(a, t, according, RV_ARRAY_LEN(according))) {
			size_t b = k + 1;
			if (rv_token_is(a->body, t, "according", true) && b < to)
				b++; /* according to */
			uint32_t nm = nearest_name(an, b, b + 4 < to ? b + 4 : to, b, false);
			if (nm != RV_NONE) {
				q->speaker_name = nm;
				return true;
			}
			if (document_subject(a, tk, b, b + 3 < to ? b + 3 : to)) {
				document_speaker(a, an, k, q); /* selon la lettre */
				return true;
			}
			q->pronoun_at = q->start; /* selon la ministre */
			return true;
		}
		if (!speech_verb(a, t) || (k > from && noun_use(a, &tk->v[k - 1])))
			continue;
		if (incise_token(a, t)) {
			set_pronoun(a, q, t, t->start);
			return true;
		}
		if (participle(a, t)) {
			/* "Trump said, arguing that ... “": the clause's own verb
			 * decides when there is one; else the sentence's subject */
			bool earlier = false;
			for (size_t e = from; e < k && !earlier; e++)
				earlier = speech_verb(a, &tk->v[e]) && !participle(a, &tk->v[e]);
			if (earlier)
				continue;
			if (k > from && !punct_is(a, &tk->v[k - 1], ",") && subject_before(a, an, from, k, q))
				return true; /* "X estimant que": X */
			uint32_t before = k > from + 1 ? name_at_token(an, k - 2) : RV_NONE;
			size_t bf = before != RV_NONE ? an->names[before].tok_first : 0;
			if (before != RV_NONE && can_speak(an, &an->names[before]) && bf > from &&
			    speech_verb(a, &tk->v[bf - 1])) {
				q->speaker_name = before; /* "remarque X, jugeant que" */
				return true;
			}
			uint32_t nm = sentence_subject(an, from, k);
			if (nm != RV_NONE) {
				q->speaker_name = nm;
				return true;
			}
			q->pronoun_at = tk->v[from].start; /* "Le jeune eurodéputé ..., estimant": who was named before */
			q->role = role_in(a, tk, from, from + 4 < k ? from + 4 : k);
			return true;
		}
		if (subject_before(a, an, from, k, q))
			return true;
		/* a déclaré X : « */
		uint32_t nm = nearest_name(an, k + 1, to, k, true);
		if (nm != RV_NONE) {
			q->speaker_name = nm;
			return true;
		}
		nm = sentence_subject(an, from, k); /* "X, who ... (long) ..., said" */
		if (nm != RV_NONE) {
			q->speaker_name = nm;
			return true;
		}
		if (document_subject(a, tk, k > from + 5 ? k - 5 : from, k)) {
			document_speaker(a, an, k, q); /* "la lettre, qui déplore" */
			return true;
		}
		q->pronoun_at = q->start; /* "la ministre a précisé que": the person last named */
		q->role = role_in(a, tk, k > from + 5 ? k - 5 : from, k);
		if (org_subject(a, tk, k > from + 5 ? k - 5 : from, k))
			q->flags |= RV_QUOTE_BY_ORG; /* "la banque précise que" */
		return true;
	}
	return false;
}

#define SAME_NAME_LOOK 4096 /* names of an article compared with a sentence-initial one */

/* Does the article also write this name away from a sentence's start? */
static bool written_mid_sentence(const struct rv_analysis *an, const struct rv_name *nm)
{
	if (!nm->key)
		return false;
	for (size_t i = 0; i < an->nnames && i < SAME_NAME_LOOK; i++)
		if (!(an->names[i].flags & RV_NAME_SENT_INITIAL) && an->names[i].key && !strcmp(an->names[i].key, nm->key))
			return true;
	return false;
}

/* Does the sentence at token `from` announce another article ("Lire
 * aussi", "À lire également", "Voir aussi", "Read more", "See also")? */
static bool see_also_at(const struct rv_article *a, const struct rv_tokens *tk, size_t i)
{
	static const char *const verbs[] = {"lire", "voir", "read", "see"};
	static const char *const also[] = {"aussi", "egalement", "more", "also"};
	while (i + 1 < tk->n && (tk->v[i].flags & RV_TOK_PUNCT) && !(tk->v[i + 1].flags & RV_TOK_PARA))
		i++; /* "» LIRE AUSSI" */
	if (i + 1 < tk->n && rv_token_is(a->body, &tk->v[i], "\xC3\x80", true)) /* À lire */
		i++;
	return i + 1 < tk->n && rv_tok_among(a, &tk->v[i], verbs, RV_ARRAY_LEN(verbs)) &&
	       rv_tok_among(a, &tk->v[i + 1], also, RV_ARRAY_LEN(also));
}

static bool see_also(const struct rv_article *a, const struct rv_tokens *tk, size_t from)
{
	size_t p = from; /* "Lire aussi. X : « ... »": the paragraph's start too */
	while (p > 0 && from - p < 40 && !(tk->v[p].flags & RV_TOK_PARA))
		p--;
	return see_also_at(a, tk, from) || ((tk->v[p].flags & RV_TOK_PARA) && see_also_at(a, tk, p));
}

#define ANTECEDENT_SENTENCES 3 /* sentences looked back at for a pronoun's role antecedent */
#define ROLE_NAME_REACH 10     /* tokens from a role word to the name it introduces */

/* "Le présentateur vedette a annoncé ... « ... », a-t-il déclaré": when
 * the sentences just before a pronoun name no person, their subject may be
 * a role ("le présentateur"); it stands for the person the article
 * introduced with that role ("Le présentateur évincé de TF1, X"), the last
 * one before. RV_NONE if the sentences name a person (the pronoun is
 * theirs, index.c resolves it) or no role leads to a name. */
static uint32_t role_antecedent(const struct rv_article *a, const struct rv_analysis *an, size_t qa)
{
	const struct rv_tokens *tk = &an->tok;
	if (qa >= tk->n || !tk->nsent)
		return RV_NONE;
	uint32_t s = tk->v[qa].sentence, role = 0;
	size_t role_tok = 0;
	for (uint32_t back = 1; back <= ANTECEDENT_SENTENCES && back <= s && !role; back++) {
		size_t b = first_tok_at(tk, tk->sent[s - back].start), e = first_tok_at(tk, tk->sent[s - back].end);
		for (size_t i = first_name_from(an, b); i < an->nnames && an->names[i].tok_first < e; i++)
			if (can_speak(an, &an->names[i]) && personish(&an->names[i]))
				return RV_NONE;
		for (size_t j = b; j + 1 < e && j < b + 6; j++) {
			if (rv_tok_among(a, &tk->v[j], articles, RV_ARRAY_LEN(articles)) &&
			    (role = rv_tok_role(a, &tk->v[j + 1])) != 0) {
				role_tok = j + 1;
				break;
			}
		}
	}
	if (!role)
		return RV_NONE;
	/* the role word introducing a name, nearest before the antecedent */
	for (size_t j = role_tok; j-- > 0 && role_tok - j < ROLE_LOOKBACK;) {
		if (rv_tok_role(a, &tk->v[j]) != role)
			continue;
		for (size_t k = j + 1; k < tk->n && k <= j + ROLE_NAME_REACH && tk->v[k].sentence == tk->v[j].sentence; k++) {
			uint32_t nm = name_at_token(an, k);
			if (nm != RV_NONE && an->names[nm].tok_first == k && can_speak(an, &an->names[nm]) &&
			    personish(&an->names[nm]))
				return nm;
		}
	}
	return RV_NONE;
}

static void attribute_clause(const struct rv_article *a, struct rv_analysis *an, struct rv_quote *q,
			     size_t incise_verb);

/* The speaker from the quotation's clause, then a pronoun's role
 * antecedent. */
static void attribute(const struct rv_article *a, struct rv_analysis *an, struct rv_quote *q, size_t incise_verb)
{
	attribute_clause(a, an, q, incise_verb);
	if (q->speaker_name == RV_NONE && q->pronoun_at != RV_NONE && !q->role &&
	    !(q->flags & (RV_QUOTE_PLURAL | RV_QUOTE_BY_ORG | RV_QUOTE_NO_CUE))) {
		uint32_t nm = role_antecedent(a, an, first_tok_at(&an->tok, q->start));
		if (nm != RV_NONE)
			q->speaker_name = nm;
	}
}

static void attribute_clause(const struct rv_article *a, struct rv_analysis *an, struct rv_quote *q,
			     size_t incise_verb)
{
	const struct rv_tokens *tk = &an->tok;
	size_t qa = first_tok_at(tk, q->start), qb = first_tok_at(tk, q->end);
	q->clause_end = q->end;
	if (qb > 0 && tk->v[qb - 1].sentence < tk->nsent)
		q->clause_end = tk->sent[tk->v[qb - 1].sentence].end;
	if (incise_verb != SIZE_MAX) {
		const struct rv_token *t = &tk->v[incise_verb];
		/* the incise lies inside the quotation: its names are looked at directly */
		for (size_t j = incise_verb + 1; j < incise_verb + 5 && j < qb && !incise_token(a, t); j++) {
			uint32_t nm = name_at_token(an, j);
			if (nm == RV_NONE)
				continue;
			const struct rv_name *n = &an->names[nm];
			if (n->votes[RV_ET_PLACE] >= 4 && n->votes[RV_ET_PLACE] > n->votes[RV_ET_PERSON])
				break;
			q->speaker_name = nm;
			return;
		}
		if (!incise_token(a, t) && incise_verb + 1 < tk->n &&
		    indefinite_subject(a, an, incise_verb + 1, first_tok_at(tk, q->end)))
			return; /* «..., juge un ancien ministre, ...» */
		set_pronoun(a, q, t, q->start);
		return;
	}
	/* after: to the end of the sentence the quotation closes; other
	 * quotations on the way do not count against the window */
	size_t to = qb, counted = 0;
	uint32_t sent = qb > 0 ? tk->v[qb - 1].sentence : 0; /* the sentence the quotation closes */
	while (to < tk->n && counted < CUE_WINDOW && tk->v[to].sentence == sent && !(tk->v[to].flags & RV_TOK_PARA)) {
		unsigned cp = rv_token_first_cp(a->body, &tk->v[to]);
		if (cp == 0xAB || cp == 0x201C || cp == '"') {
			size_t lim = to + QUOTE_SKIP_MAX < tk->n ? to + QUOTE_SKIP_MAX : tk->n;
			size_t c = quotation_end(a, tk, to, lim);
			if (c < lim && tk->v[c].sentence == sent) {
				to = c + 1;
				counted++; /* a quotation counts as one token: bounded on hostile input */
				continue;
			}
		}
		to++;
		counted++;
	}
	if (qb < tk->n && !(tk->v[qb].flags & RV_TOK_PARA) && speaker_after(a, an, qb, to, q))
		return;
	/* before: from the start of the sentence (or of the paragraph before a colon) */
	size_t from = qa;
	while (from > 0 && qa - from < 40 && !(tk->v[from].flags & (RV_TOK_SENT | RV_TOK_PARA)))
		from--;
	if (from < qa && speaker_before(a, an, from, qa, q))
		return;
	/* a paragraph that ends with a colon introduces what follows */
	if (from > 0 && (tk->v[from].flags & RV_TOK_PARA) && punct_is(a, &tk->v[from - 1], ":")) {
		size_t p = from - 1;
		while (p > 0 && !(tk->v[p].flags & RV_TOK_PARA) && from - p < 80)
			p--;
		if (speaker_before(a, an, p, from - 1, q))
			return;
	}
	/* no reporting clause */
	if (see_also(a, tk, from))
		return; /* "Lire aussi : « ... »": another article's headline, said by nobody here */
	q->pronoun_at = q->start;
	q->flags |= RV_QUOTE_NO_CUE;
	/* "Standard Chartered sees “...”", "le MEDEF a salué des mesures
	 * qui « ... »": the sentence's subject, when a verb stands between it
	 * and the quotation (in "Zorbank « n'a rien payé »" the words are
	 * said of the subject, by someone else) */
	size_t topic_end = from; /* "Gilets jaunes : X prône « ... »": a headline's topic is no subject */
	for (size_t j = from; j < qa; j++)
		if (punct_is(a, &tk->v[j], ":"))
			topic_end = j + 1;
	uint32_t subj = topic_end < qa ? sentence_subject(an, topic_end, qa) : RV_NONE;
	if (subj != RV_NONE) { /* a word capitalised at the sentence's start, or "À Cuers", is no subject */
		const struct rv_name *sn = &an->names[subj];
		size_t f = sn->tok_first;
		bool governed = f > from && (rv_tok_among(a, &tk->v[f - 1], verb_objects, RV_ARRAY_LEN(verb_objects)) ||
					     rv_tok_among(a, &tk->v[f - 1], role_of, RV_ARRAY_LEN(role_of)));
		bool bare = (sn->flags & RV_NAME_SENT_INITIAL) && sn->tok_first == sn->tok_last &&
			    sn->votes[RV_ET_PERSON] + sn->votes[RV_ET_ORG] == 0 &&
			    !written_mid_sentence(an, sn); /* "Rencontre avec...", "Quelque 3 500" */
		if (governed || bare)
			subj = RV_NONE;
	}
	if (subj != RV_NONE && an->names[subj].tok_last + 1 < qa) {
		bool verb_between = false;
		for (size_t j = an->names[subj].tok_last + 1; j < qa; j++)
			verb_between |= (tk->v[j].flags & RV_TOK_ALPHA) != 0;
		if (verb_between) {
			q->speaker_name = subj;
			return;
		}
	}
	/* otherwise news writing quotes the person it has been talking
	 * about, or goes on quoting the one it just quoted; index.c decides
	 * once the corpus knows who is a person */
}

/* --- the pass ------------------------------------------------------------ */

static void add_quote(const struct rv_article *a, struct rv_analysis *an, const struct span *sp, uint16_t flags)
{
	const char *s = a->body;
	size_t n = a->body_len;
	struct rv_buf text = {0};
	uint32_t ts = sp->tstart, te = sp->tend;
	trim_inner(s, n, &ts, &te);
	uint32_t ia, ib;
	size_t verb = SIZE_MAX;
	if (find_incise(a, &an->tok, ts, te, &ia, &ib, &verb)) {
		uint32_t head_end = ia, rest = ib;
		trim_inner(s, n, &ts, &head_end);
		trim_inner(s, n, &rest, &te);
		rv_buf_add(&text, s + ts, head_end - ts);
		rv_buf_addc(&text, ' ');
		rv_buf_add(&text, s + rest, te - rest);
	} else {
		rv_buf_add(&text, s + ts, te - ts);
	}
	for (int c = 0; c < sp->ncont; c++) {
		uint32_t cs = sp->cont[c].s, ce = sp->cont[c].e;
		trim_inner(s, n, &cs, &ce);
		rv_buf_addc(&text, '\n');
		rv_buf_add(&text, s + cs, ce - cs);
	}
	if (!text.len) {
		rv_buf_free(&text);
		return;
	}
	an->quotes = rv_xgrow(an->quotes, &an->capquotes, an->nquotes + 1, sizeof *an->quotes);
	struct rv_quote *q = &an->quotes[an->nquotes];
	memset(q, 0, sizeof *q);
	q->start = sp->start;
	q->end = sp->end;
	q->flags = (uint16_t)(flags | (sp->unterminated ? RV_QUOTE_UNTERMINATED : 0));
	q->kind = count_words(text.p, text.len) >= SPEECH_MIN_WORDS ? RV_QUOTE_SPEECH : RV_QUOTE_TERM;
	q->speaker_name = RV_NONE;
	q->speaker = RV_NONE;
	q->pronoun_at = RV_NONE;
	q->id = RV_NONE;
	q->cluster = RV_NONE;
	q->text = rv_buf_steal(&text);
	an->nquotes++;
	if (q->kind == RV_QUOTE_SPEECH)
		attribute(a, an, q, verb);
}

/* “We must,” he said, “act.”: two quotations around a short reporting
 * clause become one. */
static void join_split(const struct rv_article *a, struct rv_analysis *an)
{
	const struct rv_tokens *tk = &an->tok;
	size_t w = 0;
	for (size_t i = 0; i < an->nquotes; i++) {
		struct rv_quote *q = &an->quotes[i];
		if (w > 0) {
			struct rv_quote *p = &an->quotes[w - 1];
			size_t ta = first_tok_at(tk, p->end), tb = first_tok_at(tk, q->start);
			size_t tl = strlen(p->text);
			bool comma = tl && (p->text[tl - 1] == ',');
			bool verb = false;
			for (size_t k = ta; k < tb; k++)
				verb |= speech_verb(a, &tk->v[k]);
			bool same_para = true;
			for (size_t k = ta; k <= tb && k < tk->n; k++)
				if (k > ta && (tk->v[k].flags & RV_TOK_PARA))
					same_para = false;
			if (comma && verb && tb - ta <= 8 && same_para) {
				char *joined = rv_xasprintf("%.*s %s", (int)(tl - 1), p->text, q->text);
				free(p->text);
				free(q->text);
				p->text = joined;
				if (p->speaker_name == RV_NONE && p->pronoun_at == RV_NONE) {
					p->speaker_name = q->speaker_name;
					p->pronoun_at = q->pronoun_at;
				}
				if (p->speaker_name == RV_NONE && p->pronoun_at == RV_NONE)
					speaker_after(a, an, ta, tb, p); /* the clause between the halves */
				p->end = q->end; /* after: the clause is not inside the quotation yet */
				p->kind = RV_QUOTE_SPEECH;
				continue;
			}
		}
		an->quotes[w++] = *q;
	}
	an->nquotes = w;
}

/* Block quotations: a paragraph after one that ends with a colon and has a
 * reporting verb, itself without quotation marks at its start. */
static void block_quotes(const struct rv_article *a, struct rv_analysis *an)
{
	const struct rv_tokens *tk = &an->tok;
	const char *s = a->body;
	for (size_t i = 1; i < tk->n; i++) {
		if (!(tk->v[i].flags & RV_TOK_PARA) || !punct_is(a, &tk->v[i - 1], ":"))
			continue;
		unsigned cp = rv_token_first_cp(s, &tk->v[i]);
		if (closer_of(cp) || cp == 0xBB || cp == 0x2014 || cp == 0x2013 || cp == '-')
			continue;
		size_t p = i - 1;
		bool verb = false;
		while (p > 0 && !(tk->v[p].flags & RV_TOK_PARA)) {
			verb |= speech_verb(a, &tk->v[p]);
			p--;
		}
		verb |= speech_verb(a, &tk->v[p]);
		if (!verb)
			continue;
		size_t e = i;
		while (e + 1 < tk->n && !(tk->v[e + 1].flags & RV_TOK_PARA))
			e++;
		struct span sp = {0};
		sp.start = sp.tstart = tk->v[i].start;
		sp.end = sp.tend = tk->v[e].end;
		if (count_words(s + sp.start, sp.end - sp.start) > BLOCK_MAX_WORDS)
			continue;
		size_t before = an->nquotes;
		add_quote(a, an, &sp, RV_QUOTE_BLOCK);
		if (an->nquotes > before) {
			struct rv_quote *q = &an->quotes[an->nquotes - 1];
			q->kind = RV_QUOTE_SPEECH;
			q->speaker_name = RV_NONE;
			q->pronoun_at = RV_NONE;
			speaker_before(a, an, p, i - 1, q);
		}
	}
}

static int cmp_quote(const void *x, const void *y)
{
	const struct rv_quote *a = x, *b = y;
	return (a->start > b->start) - (a->start < b->start);
}

void rv_quote_find(const struct rv_article *a, struct rv_analysis *an)
{
	const char *s = a->body;
	size_t n = a->body_len;
	struct mark stack[MAX_DEPTH];
	int depth = 0;
	struct span cur = {0};
	bool in_quote = false;
	struct span *spans = NULL;
	size_t nspans = 0, cap = 0;
	size_t ps = 0;
	while (ps < n) {
		const char *nl = memchr(s + ps, '\n', n - ps);
		size_t pe = nl ? (size_t)(nl - s) : n;
		/* does the next non-empty paragraph reopen the open mark? */
		bool reopens = false;
		size_t next = pe + 1;
		while (next < n && s[next] == '\n')
			next++;
		if (next < n) {
			size_t l;
			unsigned cp = cp_at(s, n, next, &l);
			reopens = cp == 0xAB || cp == 0x201C || cp == 0x2039;
		}
		bool was_open = in_quote;
		if (was_open) { /* skip the reopening mark: it belongs to the same quotation */
			size_t l;
			unsigned cp = cp_at(s, n, ps, &l);
			size_t body_start = ps;
			if (cp == 0xAB || cp == 0x201C || cp == 0x2039)
				body_start += l;
			if (cur.ncont < (int)RV_ARRAY_LEN(cur.cont)) {
				cur.cont[cur.ncont].s = (uint32_t)body_start;
				cur.cont[cur.ncont].e = (uint32_t)pe;
				cur.ncont++;
			}
			ps = body_start;
		}
		size_t before = nspans;
		scan_paragraph(s, n, ps, pe, stack, &depth, &cur, &in_quote, &spans, &nspans, &cap, reopens);
		if (was_open && nspans > before) {
			/* the quotation closed in this paragraph: its last part ends at the mark */
			struct span *sp = &spans[before];
			if (sp->ncont)
				sp->cont[sp->ncont - 1].e = sp->tend;
		}
		ps = pe + 1;
	}
	if (in_quote) {
		cur.end = cur.tend = (uint32_t)n;
		cur.unterminated = true;
		spans = rv_xgrow(spans, &cap, nspans + 1, sizeof *spans);
		spans[nspans++] = cur;
	}
	for (size_t i = 0; i < nspans; i++) {
		struct span sp = spans[i];
		if (sp.ncont) { /* the first part ends with its paragraph */
			const char *nl = memchr(s + sp.tstart, '\n', sp.end - sp.tstart);
			uint32_t first_end = nl ? (uint32_t)(nl - s) : sp.tend;
			uint32_t last_end = sp.tend;
			sp.tend = first_end;
			sp.cont[sp.ncont - 1].e = last_end;
		}
		add_quote(a, an, &sp, 0);
	}
	free(spans);
	join_split(a, an);
	block_quotes(a, an);
	if (an->nquotes > 1)
		qsort(an->quotes, an->nquotes, sizeof *an->quotes, cmp_quote);
}
