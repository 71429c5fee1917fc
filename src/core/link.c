/* The link finder: text shared across articles (see link.h for the contract).
 *
 * Stages, each a map or a reduce so that the whole stays near-linear:
 *  1. per article, in parallel: content words of the folded view (function
 *     words and one-letter elision residues dropped, a light suffix strip so
 *     that toute/toutes and technologie/technologies meet), hashed 3-grams of
 *     them (the fingerprints), at most RV_LINK_OCC positions per fingerprint;
 *  2. the inverted index: (fingerprint, article) postings in one array,
 *     bucketed by their top bits and sorted in place (no global hash table;
 *     see ARCHITECTURE "Speed facts");
 *     a fingerprint of one article makes no pair and costs nothing more;
 *  3. candidate pairs: every pair of articles under a fingerprint whose
 *     document frequency is at most DF_CAP, and only neighbours (in article
 *     order) above it, so a banal phrase costs work linear in its frequency
 *     and 1,000 identical articles make a chain, not a million pairs; pairs
 *     sharing at least MIN_SHARED fingerprints are aligned;
 *  4. per pair, in parallel: a seeded alignment. Seeds are the shared
 *     fingerprints' positions; seeds chain along a diagonal with gaps of up to
 *     GAP content words in both texts (substituted or dropped words) and a
 *     drift of up to DRIFT (inserted words); each chain is extended word by
 *     word at both ends;
 *  5. in one thread, in pair order (hence deterministic): quotations that
 *     an aligned chain covers on both sides join by union-find, and so do
 *     the longer chains' spans (passages), spans of one article merged when
 *     they overlap by half.
 */
#include "revue/link.h"

#include "revue/strmap.h"
#include "revue/text.h"
#include "revue/util.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* --- thresholds, and the measurements behind them ---------------------------
 * "The keys" are tests/eval/links (make eval: linked article pairs on two
 * rpm2_fr clusters and eleven basil_en triplets); "gilets pairs" are the
 * article pairs that --dump links puts in one cluster on gilets_jaunes_fr,
 * compared with those of the values chosen here (8402 at the values below). */

/* Fingerprint length in content words. Measured: 3 keeps a paraphrase that
 * changes one word in four linkable (Suleyman's "modèles de base, qui sont à
 * la pointe" / "modèles fondamentaux, à la pointe"); 4 lost 5 pairs of the
 * keys (recall 0.983 to 0.898) and 11 % of the gilets pairs; 2 kept the keys,
 * made 2.5 times the candidate pairs on gilets_jaunes_fr and 13 % more
 * gilets pairs, of unknown worth, while losing 3 % of these. */
#define NGRAM 3
/* Positions kept per fingerprint per article: a sentence repeated 10,000
 * times yields at most 4 x 4 seeds per pair, not 10^8. Measured: 2, 4 and 8
 * give the same keys (P 1.000, R 0.983) and 8377, 8402 and 8402 gilets
 * pairs: 4 is where more positions stop adding links. */
#define RV_LINK_OCC 4
/* Document-frequency cap: above it a fingerprint is banal (boilerplate, a
 * set phrase, a story told by many outlets) and links each article only to
 * the next one holding it, so its cost is linear in its frequency. Measured
 * on gilets_jaunes_fr against a cap of 24: a cap of 8 keeps 96 % of the
 * linked article pairs (98 % of the quote pairs) and all of the keys, with
 * 0.77x the raw pairs; a cap of 4 keeps 94 %. On the generated corpus
 * (10k to 20k articles, paragraphs drawn from one pool, so true pairs grow
 * faster than the corpus) a cap of 8 has 2.2M raw pairs at 10k and 6.6M at
 * 20k, a cap of 24 3.0M and 9.4M. */
#define DF_CAP 8
/* Shared fingerprints for a pair to be aligned: one shared 3-gram is a set
 * phrase as often as not, and a quote link needs two overlapping seeds
 * (QMIN) anyway. Measured: 1, 2 and 3 give the same keys; gilets pairs
 * 8947, 8402, 7892 (1 aligns more pairs for links the keys do not see). */
#define MIN_SHARED 2
/* Chaining: a gap of up to GAP content words between seeds, a drift of up
 * to DRIFT between the two texts' gaps. Measured: GAP 4 loses 5 linked
 * pairs of the keys (R 0.898), 16 one (R 0.966), 8 none beyond the one
 * 4-word miss (R 0.983). DRIFT 2, 4 and 8 give the same keys; gilets pairs
 * 8008, 8402, 8549. */
#define GAP 8
#define DRIFT 4
/* A quote link: at least QMIN matched content words spanning at least
 * QWORDS running words (function words included), and at least QFRAC of the
 * shorter quotation's content words (containment, not Jaccard); with only
 * QMIN matched, the shorter quotation must be matched nearly whole (90 %).
 * Measured on the keys and on cross-story pairs (a pair of articles from two
 * rpm2_fr topics or two basil_en triplets is wrong):
 *  - QMIN 4 alone: "Make America Great Again" (four words, a slogan) joined
 *    two stories years apart; QMIN 5 cured that but lost "We are asking the
 *    president to open up government" / "We're asking the president to open
 *    the government" (four content words in eight); QWORDS 6 keeps the
 *    second and drops the first, and also drops four-word fragments
 *    ("disregarding basic security protocols"): the one pair the keys miss;
 *  - the 90 % rule: "a candidate for president of the United States of
 *    America" joined a 2011 and a 2015 basil_en story through a set phrase
 *    (4 of 6 content words); with the rule basil_en has no cross-story pair
 *    and the keys lose nothing;
 *  - QFRAC 0.6 or 0.7 lost basil_en 2014_01 (Boehner's "The principles
 *    aren't combined, written out yet" / "aren't written yet"), 0.75 lost
 *    five rpm2_fr pairs too. */
#define QMIN 4
#define QWORDS 6
#define QFRAC 0.5
/* A passage: at least PMIN matched content words outside linked quotes
 * (about 30 words of running text: a paragraph of wire copy, not a phrase).
 * Measured: 10 adds a wrong pair to the keys (P 0.983) and doubles the
 * gilets pairs (15667); 15 and 25 keep P 1.000, R 0.983 (8402 and 6562
 * gilets pairs): 15 is the least that stays exact. */
#define PMIN 15

/* --- words and keys ----------------------------------------------------------- */

/* Function words, folded (no accents): dropped from the similarity key, so
 * that "modèles de base, qui sont" and "modèles fondamentaux" differ by
 * content words only. French and English. */
static const char *const function_words[] = {
	"au", "aux", "avec", "ce", "ces", "cet", "cette", "ci", "comme", "dans", "de", "des", "du", "elle", "elles",
	"en", "est", "et", "etre", "eux", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "ma", "mais",
	"me", "meme", "mes", "moi", "mon", "ne", "ni", "nos", "notre", "nous", "on", "ont", "ou", "par", "pas",
	"pour", "qu", "que", "qui", "sa", "se", "ses", "si", "son", "sont", "sur", "ta", "te", "tes", "toi", "ton",
	"tu", "un", "une", "vos", "votre", "vous", "ete", "etait", "sera", "avait", "avoir", "aussi", "donc", "dont",
	"lors", "car", "cela", "ca", "ceci", "celui", "celle", "ceux", "lequel", "laquelle", "y", "sans", "sous",
	"entre", "vers", "chez", "plus", "tres", "peu", "bien", "tout", "tous", "toute", "toutes", "fait", "faire",
	"a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "being", "but",
	"by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "hers", "him",
	"his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "more", "most", "my", "no", "not",
	"of", "on", "one", "or", "our", "out", "over", "said", "says", "she", "so", "some", "such", "than", "that",
	"the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "us", "was", "we",
	"were", "what", "when", "where", "which", "while", "who", "whom", "will", "with", "would", "you", "your",
	/* what contractions leave once the apostrophe splits them: we're, I'll, don't */
	"re", "ll", "ve", "don", "didn", "doesn", "isn", "aren", "wasn", "weren", "won", "wouldn", "couldn",
	"shouldn", "haven", "hasn", "hadn",
};

/* The function words, each packed into a 64-bit number (they are 1 to 8
 * bytes long, so the packing is exact), in an open-addressed table. */
#define STOP_SLOTS 1024
static uint64_t stop_table[STOP_SLOTS];
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

static uint64_t pack8(const unsigned char *w, size_t n)
{
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)w[i] << (8 * i);
	return v;
}

static size_t stop_slot(uint64_t v)
{
	return (size_t)((v * 0x9E3779B97F4A7C15ull) >> 54) & (STOP_SLOTS - 1);
}

static void byte_class_init(void);

static void stop_init(void)
{
	for (size_t i = 0; i < RV_ARRAY_LEN(function_words); i++) {
		uint64_t v = pack8((const unsigned char *)function_words[i], strlen(function_words[i]));
		size_t s = stop_slot(v);
		while (stop_table[s] && stop_table[s] != v)
			s = (s + 1) & (STOP_SLOTS - 1);
		stop_table[s] = v;
	}
	byte_class_init();
}

/* w[0..n), n from 1 to 8, none of its bytes NUL (a word's bytes never are). */
static bool is_function_word(const unsigned char *w, size_t n)
{
	uint64_t v = pack8(w, n);
	for (size_t s = stop_slot(v); stop_table[s]; s = (s + 1) & (STOP_SLOTS - 1))
		if (stop_table[s] == v)
			return true;
	return false;
}

/* Does code point cp belong to a word? ASCII letters and digits; Latin-1
 * punctuation, the general punctuation, symbol and CJK punctuation blocks
 * separate words; any other code point is a letter of some script. */
static bool word_cp(unsigned cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	if (cp < 0xC0)
		return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
	if (cp == 0xD7 || cp == 0xF7)
		return false;
	if (cp >= 0x2000 && cp <= 0x2BFF)
		return false;
	if (cp >= 0x3000 && cp <= 0x303F)
		return false;
	if (cp >= 0xFE30 && cp <= 0xFE6F)
		return false;
	if (cp >= 0xFF00 && cp <= 0xFF20)
		return false;
	return true;
}

static size_t utf8_next(const unsigned char *s, size_t n, size_t i, unsigned *cp)
{
	unsigned c = s[i];
	size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (i + len > n)
		len = n - i;
	unsigned v = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
	for (size_t k = 1; k < len; k++)
		v = (v << 6) | (s[i + k] & 0x3F);
	*cp = v;
	return len;
}

/* The bytes of the folded text: 1 an ASCII letter or digit, 2 the lead of a
 * multibyte code point (decoded to decide), 0 anything else. ASCII, most of
 * the text, is decided by one look-up. */
static unsigned char byte_class[256];

static void byte_class_init(void)
{
	for (unsigned c = 0; c < 256; c++)
		byte_class[c] = c >= 0x80 ? 2 : word_cp(c) ? 1 : 0;
}

/* Is the code point at s[i] part of a word, and how long is it? */
static inline size_t word_char(const unsigned char *s, size_t n, size_t i, bool *in_word)
{
	unsigned k = byte_class[s[i]];
	if (k < 2) {
		*in_word = k;
		return 1;
	}
	unsigned cp;
	size_t len = utf8_next(s, n, i, &cp);
	*in_word = word_cp(cp);
	return len;
}

/* Walks the content words of a folded text, in order: the one definition
 * of a content word, shared by the fingerprints and by the passages' body
 * offsets, which scan an article again rather than keep every word's span. */
struct word_walk {
	const unsigned char *s;
	size_t n, i;
	uint32_t all; /* words seen, content or not */
};

static inline bool next_content_word(struct word_walk *w, uint32_t *start, uint32_t *end)
{
	const unsigned char *s = w->s;
	size_t n = w->n, i = w->i;
	while (i < n) {
		bool in;
		if (!byte_class[s[i]]) {
			i++;
			continue;
		}
		size_t len = word_char(s, n, i, &in);
		if (!in) {
			i += len;
			continue;
		}
		size_t from = i;
		i += len;
		while (i < n) {
			if (byte_class[s[i]] == 1) {
				i++;
				continue;
			}
			len = word_char(s, n, i, &in);
			if (!in)
				break;
			i += len;
		}
		size_t wl = i - from;
		w->all++;
		if (wl < 2) /* elision residues (l' d' s'), initials */
			continue;
		if (wl <= 8 && is_function_word(s + from, wl))
			continue;
		w->i = i;
		*start = (uint32_t)from;
		*end = (uint32_t)i;
		return true;
	}
	w->i = n;
	return false;
}

/* The key of a content word: its folded form with a final s or x, then a
 * final e, stripped (plural and feminine in French, plural in English), cut
 * to STEM bytes (technologie/technologique, developper/developpement).
 * Measured: without the strip and the cut the keys lose 6 pairs (recall
 * 0.983 to 0.881) and gilets pairs 3 %; the cut at 7 bytes adds 0.4 % gilets
 * pairs to the strip alone and changes nothing on the keys; a cut at 5 adds
 * 2.5 %, of unknown worth. */
#define STEM 7
static uint32_t word_key(const char *w, size_t n)
{
	if (n > 3 && (w[n - 1] == 's' || w[n - 1] == 'x'))
		n--;
	if (n > 3 && w[n - 1] == 'e')
		n--;
	if (n > STEM)
		n = STEM;
	uint64_t h = rv_hash(w, n);
	return (uint32_t)(h ^ (h >> 32));
}

static uint32_t mix3(uint32_t a, uint32_t b, uint32_t c)
{
	uint64_t h = (uint64_t)a * 0x9E3779B97F4A7C15ull;
	h ^= (uint64_t)b * 0xC2B2AE3D27D4EB4Full + (h >> 29);
	h ^= (uint64_t)c * 0x165667B19E3779F9ull + (h >> 31);
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDull;
	h ^= h >> 33;
	return (uint32_t)h;
}

/* --- per article ------------------------------------------------------------ */

struct fp {
	uint32_t h, pos;
};

/* What the later stages keep of an article: its content words' keys and
 * its shared fingerprints; not the words' spans, which the passages that
 * need them scan again for, and the words' ranks only inside quotations,
 * the one place they are asked (spans and ranks were 12 of the 24 bytes a
 * content word this stage took). */
struct lart {
	uint32_t n;         /* content words */
	uint32_t *key;
	struct fp *fp;      /* sorted by (h, pos), at most RV_LINK_OCC per h */
	uint32_t nfp, nuniq;
	uint32_t *qw0, *qw1; /* each quote's content words [qw0, qw1) */
	uint32_t *qord;      /* the rank among all words of each of them: quote q's */
	uint32_t *qord_at;   /* from qord[qord_at[q]] */
};

/* The rank among all the article's words of content word w of quote q. */
static uint32_t quote_word_rank(const struct lart *la, uint32_t q, uint32_t w)
{
	return la->qord[la->qord_at[q] + (w - la->qw0[q])];
}

/* A worker's buffers, grown to the longest article it met and reused. */
struct wscratch {
	uint32_t *ws, *we; /* spans */
	size_t spancap;
	uint32_t *key, *ord;
	size_t cap;
	struct fp *fp, *fptmp;
	size_t fpcap;
	char pad[64];
};

static void scratch_free(struct wscratch *w)
{
	free(w->ws);
	free(w->we);
	free(w->key);
	free(w->ord);
	free(w->fp);
	free(w->fptmp);
	memset(w, 0, sizeof *w);
}

/* Sorts by (h, pos) an array made in pos order: a stable radix sort on h,
 * byte by byte (qsort was a third of this stage), through tmp (n entries). */
static void sort_fp(struct fp *v, struct fp *tmp, uint32_t n)
{
	if (n < 2)
		return;
	struct fp *src = v, *dst = tmp;
	uint32_t count[256];
	for (unsigned shift = 0; shift < 32; shift += 8) {
		memset(count, 0, sizeof count);
		for (uint32_t i = 0; i < n; i++)
			count[(src[i].h >> shift) & 0xFF]++;
		uint32_t sum = 0;
		for (unsigned d = 0; d < 256; d++) {
			uint32_t k = count[d];
			count[d] = sum;
			sum += k;
		}
		for (uint32_t i = 0; i < n; i++)
			dst[count[(src[i].h >> shift) & 0xFF]++] = src[i];
		struct fp *t = src;
		src = dst;
		dst = t;
	}
	/* four passes: the result is back in v */
}

static void add_span(struct wscratch *w, uint32_t i, uint32_t s, uint32_t e)
{
	if (i == w->spancap) {
		size_t c = w->spancap;
		w->ws = rv_xgrow(w->ws, &c, (size_t)i + 1, sizeof *w->ws);
		w->we = rv_xgrow(w->we, &w->spancap, (size_t)i + 1, sizeof *w->we);
	}
	w->ws[i] = s;
	w->we[i] = e;
}

/* Content words into the scratch: spans, keys, ranks; returns their count. */
static uint32_t content_words(const struct rv_fold *f, struct wscratch *w)
{
	struct word_walk walk = {(const unsigned char *)f->text, f->len, 0, 0};
	uint32_t n = 0, s, e;
	while (next_content_word(&walk, &s, &e)) {
		add_span(w, n, s, e);
		if (n == w->cap) {
			size_t c = w->cap;
			w->ord = rv_xgrow(w->ord, &c, (size_t)n + 1, sizeof *w->ord);
			w->key = rv_xgrow(w->key, &w->cap, (size_t)n + 1, sizeof *w->key);
		}
		w->key[n] = word_key(f->text + s, e - s);
		w->ord[n] = walk.all;
		n++;
	}
	return n;
}

static uint32_t *copy_u32(const uint32_t *v, uint32_t n)
{
	uint32_t *p = rv_xmalloc((n ? n : 1) * sizeof *p);
	if (n)
		memcpy(p, v, n * sizeof *p);
	return p;
}

/* Fingerprints of one article only can seed no alignment and make no pair:
 * about 70 % of them (73 % on the 10k generated corpus, 66 % on
 * gilets_jaunes_fr). So they are made twice: a first pass marks each
 * article's fingerprints in two corpus-wide bit sets (seen once, seen
 * twice or more), indexed by the fingerprint's low bits; the second keeps
 * those marked twice. A collision keeps a fingerprint that
 * could go, never drops one that could serve, so the result is the same
 * as keeping them all, and no stage holds every fingerprint of the corpus
 * at once (they were, with the postings made of them, the link finder's
 * peak). */
struct df_bits {
	_Atomic uint64_t *once, *twice;
	uint32_t mask;
};

static void df_bits_init(struct df_bits *df, const struct rv_corpus *c)
{
	size_t bytes = 0, bits = 64;
	for (size_t a = 0; a < c->n; a++)
		bytes += c->articles[a].fold.len;
	/* a bit per 2 bytes of text: about 6 bits a distinct fingerprint */
	while (bits < bytes / 2 && bits < ((size_t)1 << 32))
		bits *= 2;
	df->once = rv_xcalloc(bits / 64, sizeof *df->once);
	df->twice = rv_xcalloc(bits / 64, sizeof *df->twice);
	df->mask = (uint32_t)(bits - 1);
}

static bool df_shared(const struct df_bits *df, uint32_t h)
{
	uint32_t bit = h & df->mask;
	return (atomic_load_explicit(&df->twice[bit / 64], memory_order_relaxed) >> (bit % 64)) & 1;
}

/* The article's fingerprints marked shared into w->fp, sorted by (h, pos).
 * Returns their count. */
static uint32_t make_fingerprints(const struct lart *la, struct wscratch *w, const struct df_bits *keep)
{
	if (la->n < NGRAM)
		return 0;
	uint32_t m = la->n - NGRAM + 1, k = 0;
	if (m > w->fpcap) {
		size_t c = w->fpcap;
		w->fp = rv_xgrow(w->fp, &c, m, sizeof *w->fp);
		w->fptmp = rv_xgrow(w->fptmp, &w->fpcap, m, sizeof *w->fptmp);
	}
	for (uint32_t i = 0; i < m; i++) {
		uint32_t h = mix3(la->key[i], la->key[i + 1], la->key[i + 2]);
		if (df_shared(keep, h))
			w->fp[k++] = (struct fp){h, i};
	}
	sort_fp(w->fp, w->fptmp, k);
	return k;
}

/* Unsorted, so a fingerprint repeated inside the article marks itself
 * twice: kept, uselessly but harmlessly (see above), at less cost than a
 * sort of every fingerprint. */
static void mark_fingerprints(const struct lart *la, struct df_bits *df)
{
	for (uint32_t i = 0; i + NGRAM <= la->n; i++) {
		uint32_t bit = mix3(la->key[i], la->key[i + 1], la->key[i + 2]) & df->mask;
		uint64_t b = 1ull << (bit % 64);
		if (atomic_load_explicit(&df->twice[bit / 64], memory_order_relaxed) & b)
			continue;
		if (atomic_fetch_or_explicit(&df->once[bit / 64], b, memory_order_relaxed) & b)
			atomic_fetch_or_explicit(&df->twice[bit / 64], b, memory_order_relaxed);
	}
}

static void fingerprints(struct lart *la, struct wscratch *w, const struct df_bits *df)
{
	uint32_t m = make_fingerprints(la, w, df);
	struct fp *fp = w->fp;
	uint32_t out = 0, run = 0;
	for (uint32_t i = 0; i < m; i++) {
		run = (i && fp[i].h == fp[i - 1].h) ? run + 1 : 0;
		if (run == 0)
			la->nuniq++;
		if (run < RV_LINK_OCC)
			fp[out++] = fp[i];
	}
	la->nfp = out;
	la->fp = rv_xmalloc((out ? out : 1) * sizeof *la->fp);
	if (out)
		memcpy(la->fp, fp, out * sizeof *la->fp);
}

/* The first content word ending after folded offset off. */
static uint32_t word_at(const uint32_t *we, uint32_t n, size_t off)
{
	uint32_t lo = 0, hi = n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (we[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct build {
	const struct rv_corpus *c;
	struct rv_analysis *an;
	struct lart *la;
	struct df_bits df;
	struct wscratch *scratch; /* per worker */
	/* pairs stage */
	uint64_t *cand;
	size_t ncand;
	struct hitvec *hits; /* per worker */
};

static void prepare_article(void *ctx, size_t a, unsigned worker)
{
	struct build *b = ctx;
	const struct rv_article *art = &b->c->articles[a];
	struct lart *la = &b->la[a];
	struct wscratch *w = &b->scratch[worker];
	la->n = content_words(&art->fold, w);
	la->key = copy_u32(w->key, la->n);
	mark_fingerprints(la, &b->df);
	if (b->an && b->an[a].nquotes) {
		const struct rv_analysis *an = &b->an[a];
		la->qw0 = rv_xmalloc(an->nquotes * sizeof *la->qw0);
		la->qw1 = rv_xmalloc(an->nquotes * sizeof *la->qw1);
		for (size_t q = 0; q < an->nquotes; q++) {
			size_t fs = rv_fold_from_source(&art->fold, an->quotes[q].start);
			size_t fe = rv_fold_from_source(&art->fold, an->quotes[q].end);
			la->qw0[q] = word_at(w->we, la->n, fs);
			la->qw1[q] = word_at(w->we, la->n, fe > 0 ? fe - 1 : 0);
			if (la->qw1[q] < la->n && w->ws[la->qw1[q]] < fe)
				la->qw1[q]++;
			if (la->qw1[q] < la->qw0[q])
				la->qw1[q] = la->qw0[q];
		}
		la->qord_at = rv_xmalloc(an->nquotes * sizeof *la->qord_at);
		uint32_t total = 0;
		for (size_t q = 0; q < an->nquotes; q++) {
			la->qord_at[q] = total;
			total += la->qw1[q] - la->qw0[q];
		}
		la->qord = rv_xmalloc((total ? total : 1) * sizeof *la->qord);
		for (size_t q = 0; q < an->nquotes; q++)
			if (la->qw1[q] > la->qw0[q])
				memcpy(la->qord + la->qord_at[q], w->ord + la->qw0[q],
				       (la->qw1[q] - la->qw0[q]) * sizeof *la->qord);
	}
}

static void fingerprint_job(void *ctx, size_t a, unsigned worker)
{
	struct build *b = ctx;
	fingerprints(&b->la[a], &b->scratch[worker], &b->df);
}

static void lart_free(struct lart *la)
{
	free(la->key);
	free(la->fp);
	free(la->qw0);
	free(la->qw1);
	free(la->qord);
	free(la->qord_at);
}

/* --- sorting ------------------------------------------------------------------ */

/* Sorts v[0..n) ascending in place, without allocating: glibc's qsort
 * allocates a buffer per call, and per pair that was a tenth of the link
 * stage. Quicksort with a median of three and a three-way partition (many
 * equal keys are the rule here), insertion sort below 16, recursion on the
 * smaller side only. */
static void sort_u64(uint64_t *v, size_t n)
{
	while (n > 16) {
		uint64_t a = v[0], b = v[n / 2], c = v[n - 1];
		uint64_t pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
		size_t lt = 0, i = 0, gt = n;
		while (i < gt) {
			if (v[i] < pivot) {
				uint64_t t = v[lt];
				v[lt++] = v[i];
				v[i++] = t;
			} else if (v[i] > pivot) {
				uint64_t t = v[--gt];
				v[gt] = v[i];
				v[i] = t;
			} else {
				i++;
			}
		}
		if (lt < n - gt) {
			sort_u64(v, lt);
			v += gt;
			n -= gt;
		} else {
			sort_u64(v + gt, n - gt);
			n = lt;
		}
	}
	for (size_t i = 1; i < n; i++) {
		uint64_t x = v[i];
		size_t j = i;
		while (j > 0 && v[j - 1] > x) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
}

/* --- candidate pairs ------------------------------------------------------------ */

/* Every article's distinct fingerprints as (fingerprint << 32 | article),
 * sorted: placed straight into buckets by the fingerprint's top 16 bits
 * (a counting pass first), then each bucket sorted in place. No second
 * array, as a radix sort needs: at the stage's peak that was a quarter of
 * the link finder's memory. Keys are unique (an article lists a
 * fingerprint once), so the order is the one a stable sort would give. */
#define BUCKET_BITS 16
/* The buckets are sorted in BUCKET_JOBS parallel jobs of consecutive buckets. */
#define BUCKET_JOBS 256
struct bucket_sort {
	uint64_t *post;
	const size_t *end; /* where each bucket ends */
};

static void sort_buckets(void *ctx, size_t j, unsigned worker)
{
	(void)worker;
	const struct bucket_sort *bs = ctx;
	size_t per = ((size_t)1 << BUCKET_BITS) / BUCKET_JOBS;
	for (size_t d = j * per; d < (j + 1) * per; d++) {
		size_t from = d ? bs->end[d - 1] : 0;
		sort_u64(bs->post + from, bs->end[d] - from);
	}
}

static uint64_t *postings(const struct build *b, size_t total, unsigned threads, size_t **bucket_end)
{
	size_t n = b->c->n, nb = (size_t)1 << BUCKET_BITS;
	size_t *at = rv_xcalloc(nb + 1, sizeof *at);
	for (size_t a = 0; a < n; a++) {
		const struct lart *la = &b->la[a];
		for (uint32_t i = 0; i < la->nfp; i++)
			if (!i || la->fp[i].h != la->fp[i - 1].h)
				at[(la->fp[i].h >> (32 - BUCKET_BITS)) + 1]++;
	}
	for (size_t d = 0; d < nb; d++)
		at[d + 1] += at[d];
	uint64_t *post = rv_xmalloc((total ? total : 1) * sizeof *post);
	for (size_t a = 0; a < n; a++) {
		const struct lart *la = &b->la[a];
		for (uint32_t i = 0; i < la->nfp; i++)
			if (!i || la->fp[i].h != la->fp[i - 1].h)
				post[at[la->fp[i].h >> (32 - BUCKET_BITS)]++] = (uint64_t)la->fp[i].h << 32 | a;
	}
	/* at[d] is now where bucket d ends */
	struct bucket_sort bs = {post, at};
	rv_parallel_for(BUCKET_JOBS, threads, sort_buckets, &bs);
	*bucket_end = at;
	return post;
}

/* Where (h, a) is in the postings: a binary search in h's bucket. */
static size_t posting_of(const uint64_t *post, const size_t *bucket_end, uint32_t h, uint32_t a)
{
	size_t d = h >> (32 - BUCKET_BITS);
	size_t lo = d ? bucket_end[d - 1] : 0, hi = bucket_end[d];
	uint64_t key = (uint64_t)h << 32 | a;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (post[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The pairs stage works article by article, in parallel: each article
 * gathers the later articles that share its fingerprints (every one under a
 * fingerprint of at most DF_CAP articles, only the next one above), sorts
 * them and keeps those met MIN_SHARED times. No global array of raw pairs:
 * it was the stage's cost (6.6M pairs, two radix passes) on 20k articles. */
struct pairing {
	const uint64_t *post; /* (fingerprint << 32 | article), sorted */
	size_t npost;
	const size_t *bucket_end; /* see postings() */
	const struct lart *la;
	uint32_t **partners; /* per article: the later articles to align with */
	uint32_t *npartners;
	struct { uint64_t *v; size_t cap; } *scratch; /* per worker */
};

static void pair_article(void *ctx, size_t a, unsigned worker)
{
	struct pairing *pg = ctx;
	const uint64_t *post = pg->post;
	size_t k = pg->npost, n = 0;
	uint64_t **v = &pg->scratch[worker].v;
	size_t *cap = &pg->scratch[worker].cap;
	const struct lart *la = &pg->la[a];
	for (uint32_t f = 0; f < la->nfp; f++) {
		if (f && la->fp[f].h == la->fp[f - 1].h)
			continue;
		size_t i = posting_of(post, pg->bucket_end, la->fp[f].h, (uint32_t)a);
		uint64_t h = post[i] >> 32;
		/* the fingerprint's group, looked at no further than DF_CAP either way */
		size_t lo = i, hi = i + 1;
		while (lo > 0 && i - lo < DF_CAP && post[lo - 1] >> 32 == h)
			lo--;
		while (hi < k && hi - i <= DF_CAP && post[hi] >> 32 == h)
			hi++;
		bool banal = hi - lo > DF_CAP || (lo > 0 && post[lo - 1] >> 32 == h) || (hi < k && post[hi] >> 32 == h);
		if (banal)
			hi = (i + 1 < k && post[i + 1] >> 32 == h) ? i + 2 : i + 1;
		for (size_t x = i + 1; x < hi; x++) {
			*v = rv_xgrow(*v, cap, n + 1, sizeof **v);
			(*v)[n++] = (uint32_t)post[x];
		}
	}
	sort_u64(*v, n);
	uint32_t *out = NULL;
	size_t nout = 0, capout = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && (*v)[j] == (*v)[i])
			j++;
		if (j - i >= MIN_SHARED) {
			out = rv_xgrow(out, &capout, nout + 1, sizeof *out);
			out[nout++] = (uint32_t)(*v)[i];
		}
		i = j;
	}
	pg->partners[a] = out;
	pg->npartners[a] = (uint32_t)nout;
}

static void candidate_pairs(struct build *b, unsigned threads)
{
	size_t n = b->c->n, total = 0;
	for (size_t a = 0; a < n; a++)
		total += b->la[a].nuniq;
	size_t *bucket_end;
	uint64_t *post = postings(b, total, threads, &bucket_end);
	/* each article finds its postings by search in the buckets: an index
	 * from article to postings cost 4 bytes a posting at the stage's peak */
	struct pairing pg = {post, total, bucket_end, b->la, rv_xcalloc(n ? n : 1, sizeof *pg.partners),
			     rv_xcalloc(n ? n : 1, sizeof *pg.npartners), rv_xcalloc(threads, sizeof *pg.scratch)};
	rv_parallel_for(n, threads, pair_article, &pg);
	size_t nc = 0;
	for (size_t a = 0; a < n; a++)
		nc += pg.npartners[a];
	b->cand = rv_xmalloc((nc ? nc : 1) * sizeof *b->cand);
	nc = 0;
	for (size_t a = 0; a < n; a++) {
		for (uint32_t j = 0; j < pg.npartners[a]; j++)
			b->cand[nc++] = (uint64_t)a << 32 | pg.partners[a][j];
		free(pg.partners[a]);
	}
	b->ncand = nc;
	for (unsigned w = 0; w < threads; w++)
		free(pg.scratch[w].v);
	free(pg.scratch);
	free(pg.partners);
	free(pg.npartners);
	free(bucket_end);
	free(post);
}

/* --- seeded alignment ------------------------------------------------------------ */

struct hit {
	uint32_t pair;
	uint32_t a, b;
	uint32_t fa, ta, fb, tb; /* content words [fa, ta) of a, [fb, tb) of b */
	uint32_t matched;
};

struct hitvec {
	struct hit *v;
	size_t n, cap;
	uint64_t *seeds; /* scratch: pos in a << 32 | pos in b */
	size_t seedcap;
	char pad[64];
};

struct chain {
	uint32_t fa, fb, la, lb, matched;
};

static void emit(struct hitvec *hv, uint32_t pair, uint32_t a, uint32_t b, const struct lart *A, const struct lart *B,
		 const struct chain *ch)
{
	struct hit h = {pair, a, b, ch->fa, ch->la + NGRAM, ch->fb, ch->lb + NGRAM, ch->matched};
	while (h.fa > 0 && h.fb > 0 && A->key[h.fa - 1] == B->key[h.fb - 1]) {
		h.fa--, h.fb--, h.matched++;
	}
	while (h.ta < A->n && h.tb < B->n && A->key[h.ta] == B->key[h.tb]) {
		h.ta++, h.tb++, h.matched++;
	}
	if (h.matched < QMIN)
		return;
	/* chains of repeated text may overlap an earlier hit of the same pair */
	if (hv->n && hv->v[hv->n - 1].pair == pair) {
		struct hit *p = &hv->v[hv->n - 1];
		if (p->fa == h.fa && p->fb == h.fb)
			return;
	}
	hv->v = rv_xgrow(hv->v, &hv->cap, hv->n + 1, sizeof *hv->v);
	hv->v[hv->n++] = h;
}

#define MAX_OPEN 32

static void align_pair(void *ctx, size_t p, unsigned worker)
{
	struct build *bd = ctx;
	struct hitvec *hv = &bd->hits[worker];
	uint32_t a = (uint32_t)(bd->cand[p] >> 32), b = (uint32_t)bd->cand[p];
	const struct lart *A = &bd->la[a], *B = &bd->la[b];
	size_t ns = 0;
	for (uint32_t i = 0, j = 0; i < A->nfp && j < B->nfp;) {
		if (A->fp[i].h < B->fp[j].h) {
			i++;
		} else if (A->fp[i].h > B->fp[j].h) {
			j++;
		} else {
			uint32_t h = A->fp[i].h, i2 = i, j2 = j;
			while (i2 < A->nfp && A->fp[i2].h == h)
				i2++;
			while (j2 < B->nfp && B->fp[j2].h == h)
				j2++;
			for (uint32_t x = i; x < i2; x++)
				for (uint32_t y = j; y < j2; y++) {
					hv->seeds = rv_xgrow(hv->seeds, &hv->seedcap, ns + 1, sizeof *hv->seeds);
					hv->seeds[ns++] = (uint64_t)A->fp[x].pos << 32 | B->fp[y].pos;
				}
			i = i2;
			j = j2;
		}
	}
	if (ns < MIN_SHARED)
		return;
	sort_u64(hv->seeds, ns);
	struct chain open[MAX_OPEN] = {{0}};
	size_t nopen = 0;
	for (size_t s = 0; s < ns; s++) {
		uint32_t pa = (uint32_t)(hv->seeds[s] >> 32), pb = (uint32_t)hv->seeds[s];
		/* close the chains this seed is too far from */
		for (size_t c = 0; c < nopen;) {
			if (pa - open[c].la > GAP) {
				emit(hv, (uint32_t)p, a, b, A, B, &open[c]);
				open[c] = open[--nopen];
			} else {
				c++;
			}
		}
		long best = -1, bestd = 0;
		for (size_t c = 0; c < nopen; c++) {
			const struct chain *ch = &open[c];
			if (pa <= ch->la || pb <= ch->lb || pb - ch->lb > GAP)
				continue;
			long d = (long)(pa - ch->la) - (long)(pb - ch->lb);
			if (d < 0)
				d = -d;
			if (d > DRIFT)
				continue;
			if (best < 0 || d < bestd || (d == bestd && open[c].fa < open[best].fa)) {
				best = (long)c;
				bestd = d;
			}
		}
		if (best >= 0) {
			struct chain *ch = &open[best];
			uint32_t step = pa - ch->la;
			ch->matched += step < NGRAM ? step : NGRAM;
			ch->la = pa;
			ch->lb = pb;
			continue;
		}
		if (nopen == MAX_OPEN) {
			size_t old = 0;
			for (size_t c = 1; c < nopen; c++)
				if (open[c].la < open[old].la)
					old = c;
			emit(hv, (uint32_t)p, a, b, A, B, &open[old]);
			open[old] = open[--nopen];
		}
		open[nopen++] = (struct chain){pa, pb, pa, pb, NGRAM};
	}
	/* emit the rest in a fixed order: by first position */
	while (nopen) {
		size_t first = 0;
		for (size_t c = 1; c < nopen; c++)
			if (open[c].fa < open[first].fa || (open[c].fa == open[first].fa && open[c].fb < open[first].fb))
				first = c;
		emit(hv, (uint32_t)p, a, b, A, B, &open[first]);
		open[first] = open[--nopen];
	}
}

static int cmp_hit(const void *x, const void *y)
{
	const struct hit *a = x, *b = y;
	if (a->pair != b->pair)
		return a->pair < b->pair ? -1 : 1;
	if (a->fa != b->fa)
		return a->fa < b->fa ? -1 : 1;
	if (a->fb != b->fb)
		return a->fb < b->fb ? -1 : 1;
	if (a->ta != b->ta)
		return a->ta < b->ta ? -1 : 1;
	return (a->tb > b->tb) - (a->tb < b->tb);
}

/* --- union-find ----------------------------------------------------------------- */

static uint32_t uf_find(uint32_t *parent, uint32_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

static void uf_union(uint32_t *parent, uint32_t x, uint32_t y)
{
	x = uf_find(parent, x);
	y = uf_find(parent, y);
	if (x != y) {
		if (x < y)
			parent[y] = x;
		else
			parent[x] = y;
	}
}

/* --- clustering ------------------------------------------------------------------ */

struct pspan {
	uint32_t article, w0, w1; /* content words */
	uint32_t link;            /* passage link index */
	uint32_t node;
};

struct plink {
	double score;
	uint32_t span[2];
};

struct qlink {
	uint32_t q[2]; /* global quote numbers */
	double score;
};

struct proto {
	uint32_t root;
	enum rv_link_kind kind;
	double score_sum;
	uint32_t nlinks;
	uint32_t first_article, first_start;
	struct rv_link_member *m;
	size_t n, cap;
};

static int cmp_pspan(const void *x, const void *y)
{
	const struct pspan *a = x, *b = y;
	if (a->article != b->article)
		return a->article < b->article ? -1 : 1;
	if (a->w0 != b->w0)
		return a->w0 < b->w0 ? -1 : 1;
	if (a->w1 != b->w1)
		return a->w1 < b->w1 ? -1 : 1;
	return (a->link > b->link) - (a->link < b->link);
}

int rv_link_member_cmp(const void *x, const void *y)
{
	const struct rv_link_member *a = x, *b = y;
	if (a->article != b->article)
		return a->article < b->article ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return (a->end > b->end) - (a->end < b->end);
}

static int cmp_proto(const void *x, const void *y)
{
	const struct proto *a = x, *b = y;
	if (a->first_article != b->first_article)
		return a->first_article < b->first_article ? -1 : 1;
	if (a->first_start != b->first_start)
		return a->first_start < b->first_start ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return (a->root > b->root) - (a->root < b->root);
}

static uint32_t overlap(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1)
{
	uint32_t lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
	return hi > lo ? hi - lo : 0;
}

struct clusters {
	struct qlink *ql;
	size_t nql, capql;
	struct pspan *ps;
	size_t nps, capps;
	struct plink *pl;
	size_t npl, cappl;
};

/* Quotes of article x overlapping words [f, t): indices into out. */
static size_t quotes_over(const struct build *b, uint32_t x, uint32_t f, uint32_t t, uint32_t *out, size_t max)
{
	size_t k = 0;
	if (!b->an)
		return 0;
	const struct lart *la = &b->la[x];
	for (size_t q = 0; q < b->an[x].nquotes && k < max; q++)
		if (la->qw1[q] > la->qw0[q] && overlap(f, t, la->qw0[q], la->qw1[q]))
			out[k++] = (uint32_t)q;
	return k;
}

#define MAX_QUOTES_PER_HIT 16

static void classify_hit(const struct build *b, const struct hit *h, const uint32_t *qbase, struct clusters *cl)
{
	uint32_t qa[MAX_QUOTES_PER_HIT], qb[MAX_QUOTES_PER_HIT];
	size_t na = quotes_over(b, h->a, h->fa, h->ta, qa, MAX_QUOTES_PER_HIT);
	size_t nb = quotes_over(b, h->b, h->fb, h->tb, qb, MAX_QUOTES_PER_HIT);
	const struct lart *A = &b->la[h->a], *B = &b->la[h->b];
	double density = (double)h->matched / (double)(h->ta - h->fa);
	if (density > 1)
		density = 1;
	double in_quotes = 0;
	for (size_t i = 0; i < na; i++) {
		uint32_t a0 = A->qw0[qa[i]], a1 = A->qw1[qa[i]];
		for (size_t j = 0; j < nb; j++) {
			uint32_t b0 = B->qw0[qb[j]], b1 = B->qw1[qb[j]];
			/* the part of the hit inside both quotations, in offsets from the
			 * hit's start (the chain keeps the two sides in step) */
			uint32_t o0 = a0 > h->fa ? a0 - h->fa : 0, o1 = (a1 < h->ta ? a1 : h->ta) - h->fa;
			uint32_t p0 = b0 > h->fb ? b0 - h->fb : 0, p1 = (b1 < h->tb ? b1 : h->tb) - h->fb;
			uint32_t both = overlap(o0, o1, p0, p1);
			double m = (double)both * density;
			uint32_t lo = h->fa + (o0 > p0 ? o0 : p0);
			uint32_t running =
				both ? quote_word_rank(A, qa[i], lo + both - 1) - quote_word_rank(A, qa[i], lo) + 1 : 0;
			if (running < QWORDS)
				continue;
			uint32_t shorter = (a1 - a0) < (b1 - b0) ? a1 - a0 : b1 - b0;
			if (m < QMIN || m < QFRAC * shorter || (m < QMIN + 1 && m < 0.9 * shorter))
				continue;
			cl->ql = rv_xgrow(cl->ql, &cl->capql, cl->nql + 1, sizeof *cl->ql);
			double sc = m / (double)shorter;
			cl->ql[cl->nql++] = (struct qlink){{qbase[h->a] + qa[i], qbase[h->b] + qb[j]}, sc > 1 ? 1 : sc};
			if (m > in_quotes)
				in_quotes = m;
		}
	}
	if ((double)h->matched - in_quotes < PMIN)
		return;
	uint32_t la = h->ta - h->fa, lb = h->tb - h->fb;
	double sc = (double)h->matched / (double)(la < lb ? la : lb);
	uint32_t link = (uint32_t)cl->npl;
	cl->pl = rv_xgrow(cl->pl, &cl->cappl, cl->npl + 1, sizeof *cl->pl);
	cl->pl[cl->npl++] = (struct plink){sc > 1 ? 1 : sc, {(uint32_t)cl->nps, (uint32_t)cl->nps + 1}};
	cl->ps = rv_xgrow(cl->ps, &cl->capps, cl->nps + 2, sizeof *cl->ps);
	cl->ps[cl->nps++] = (struct pspan){h->a, h->fa, h->ta, link, 0};
	cl->ps[cl->nps++] = (struct pspan){h->b, h->fb, h->tb, link, 0};
}

static void add_member(struct proto *pr, struct rv_link_member m)
{
	pr->m = rv_xgrow(pr->m, &pr->cap, pr->n + 1, sizeof *pr->m);
	pr->m[pr->n++] = m;
}

/* A cluster's members: the canonical (longest, then earliest) first, the
 * others in corpus order. */
static void order_members(struct proto *pr)
{
	qsort(pr->m, pr->n, sizeof *pr->m, rv_link_member_cmp);
	size_t best = 0;
	for (size_t i = 1; i < pr->n; i++)
		if (pr->m[i].end - pr->m[i].start > pr->m[best].end - pr->m[best].start)
			best = i;
	struct rv_link_member c = pr->m[best];
	memmove(pr->m + 1, pr->m, best * sizeof *pr->m);
	pr->m[0] = c;
	pr->first_article = pr->m[0].article;
	pr->first_start = pr->m[0].start;
	for (size_t i = 1; i < pr->n; i++)
		if (pr->m[i].article < pr->first_article ||
		    (pr->m[i].article == pr->first_article && pr->m[i].start < pr->first_start)) {
			pr->first_article = pr->m[i].article;
			pr->first_start = pr->m[i].start;
		}
}

static struct proto *quote_protos(const struct build *b, const struct clusters *cl, const uint32_t *qbase,
				  uint32_t nq, size_t *nout)
{
	uint32_t *parent = rv_xmalloc((nq ? nq : 1) * sizeof *parent);
	for (uint32_t i = 0; i < nq; i++)
		parent[i] = i;
	for (size_t i = 0; i < cl->nql; i++)
		uf_union(parent, cl->ql[i].q[0], cl->ql[i].q[1]);
	uint32_t *slot = rv_xmalloc((nq ? nq : 1) * sizeof *slot);
	struct proto *pr = NULL;
	size_t n = 0, cap = 0;
	for (uint32_t i = 0; i < nq; i++)
		slot[i] = RV_NONE;
	for (size_t i = 0; i < cl->nql; i++) {
		uint32_t r = uf_find(parent, cl->ql[i].q[0]);
		if (slot[r] == RV_NONE) {
			pr = rv_xgrow(pr, &cap, n + 1, sizeof *pr);
			memset(&pr[n], 0, sizeof pr[n]);
			pr[n].root = r;
			pr[n].kind = RV_LINK_QUOTE;
			slot[r] = (uint32_t)n++;
		}
		pr[slot[r]].score_sum += cl->ql[i].score;
		pr[slot[r]].nlinks++;
	}
	size_t a = 0;
	for (uint32_t g = 0; g < nq; g++) {
		while (a + 1 < b->c->n && qbase[a + 1] <= g)
			a++;
		uint32_t r = uf_find(parent, g);
		if (slot[r] == RV_NONE)
			continue;
		const struct rv_quote *q = &b->an[a].quotes[g - qbase[a]];
		add_member(&pr[slot[r]], (struct rv_link_member){(uint32_t)a, q->start, q->end, g - qbase[a], 0});
	}
	free(parent);
	free(slot);
	*nout = n;
	return pr;
}

/* Body offsets of passage nodes: each node's content words [w0, w1) of its
 * article, the article scanned again (nodes come sorted by article, and a
 * run of one article's nodes is one job). */
struct spans_job {
	const struct build *b;
	const struct pspan *nodes;
	const size_t *run_at; /* runs of one article: nodes[run_at[r] .. run_at[r + 1]) */
	uint32_t *body0, *body1;
};

static void node_spans(void *ctx, size_t r, unsigned worker)
{
	struct spans_job *j = ctx;
	const struct pspan *first = &j->nodes[j->run_at[r]];
	const struct rv_article *art = &j->b->c->articles[first->article];
	struct wscratch *w = &j->b->scratch[worker];
	struct word_walk walk = {(const unsigned char *)art->fold.text, art->fold.len, 0, 0};
	uint32_t n = 0, ws, we, last = 0;
	for (size_t i = j->run_at[r]; i < j->run_at[r + 1]; i++)
		if (j->nodes[i].w1 > last)
			last = j->nodes[i].w1;
	while (n < last && next_content_word(&walk, &ws, &we)) /* the spans up to the last word asked */
		add_span(w, n++, ws, we);
	for (size_t i = j->run_at[r]; i < j->run_at[r + 1]; i++) {
		const struct pspan *s = &j->nodes[i];
		if (s->w0 >= s->w1 || s->w1 > n)
			continue; /* cannot happen: the words are the ones fingerprinted */
		j->body0[i] = (uint32_t)rv_fold_to_source(&art->fold, w->ws[s->w0], false);
		j->body1[i] = (uint32_t)rv_fold_to_source(&art->fold, w->we[s->w1 - 1], true);
	}
}

static struct proto *passage_protos(const struct build *b, struct clusters *cl, unsigned threads, size_t *nout)
{
	/* spans of one article that overlap by half of the shorter one are one node */
	size_t nps = cl->nps;
	uint32_t *span_node = rv_xmalloc((nps ? nps : 1) * sizeof *span_node);
	struct pspan *sorted = rv_xmalloc((nps ? nps : 1) * sizeof *sorted);
	for (size_t i = 0; i < nps; i++)
		cl->ps[i].node = (uint32_t)i; /* remember the original index */
	if (nps)
		memcpy(sorted, cl->ps, nps * sizeof *sorted);
	qsort(sorted, nps, sizeof *sorted, cmp_pspan);
	struct pspan *nodes = NULL;
	size_t nn = 0, capn = 0;
	for (size_t i = 0; i < nps; i++) {
		const struct pspan *s = &sorted[i];
		if (nn) {
			struct pspan *cur = &nodes[nn - 1];
			uint32_t len_s = s->w1 - s->w0, len_c = cur->w1 - cur->w0;
			uint32_t shorter = len_s < len_c ? len_s : len_c;
			if (cur->article == s->article && 2 * overlap(cur->w0, cur->w1, s->w0, s->w1) >= shorter) {
				if (s->w1 > cur->w1)
					cur->w1 = s->w1;
				span_node[s->node] = (uint32_t)(nn - 1);
				continue;
			}
		}
		nodes = rv_xgrow(nodes, &capn, nn + 1, sizeof *nodes);
		nodes[nn] = *s;
		span_node[s->node] = (uint32_t)nn++;
	}
	free(sorted);
	uint32_t *parent = rv_xmalloc((nn ? nn : 1) * sizeof *parent);
	for (size_t i = 0; i < nn; i++)
		parent[i] = (uint32_t)i;
	for (size_t i = 0; i < cl->npl; i++)
		uf_union(parent, span_node[cl->pl[i].span[0]], span_node[cl->pl[i].span[1]]);
	uint32_t *slot = rv_xmalloc((nn ? nn : 1) * sizeof *slot);
	for (size_t i = 0; i < nn; i++)
		slot[i] = RV_NONE;
	struct proto *pr = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < cl->npl; i++) {
		uint32_t r = uf_find(parent, span_node[cl->pl[i].span[0]]);
		if (slot[r] == RV_NONE) {
			pr = rv_xgrow(pr, &cap, n + 1, sizeof *pr);
			memset(&pr[n], 0, sizeof pr[n]);
			pr[n].root = r;
			pr[n].kind = RV_LINK_PASSAGE;
			slot[r] = (uint32_t)n++;
		}
		pr[slot[r]].score_sum += cl->pl[i].score;
		pr[slot[r]].nlinks++;
	}
	size_t *run_at = rv_xmalloc((nn + 1) * sizeof *run_at), nrun = 0;
	for (size_t i = 0; i < nn; i++)
		if (!i || nodes[i].article != nodes[i - 1].article)
			run_at[nrun++] = i;
	run_at[nrun] = nn;
	struct spans_job sj = {b, nodes, run_at, rv_xcalloc(nn ? nn : 1, sizeof *sj.body0),
			       rv_xcalloc(nn ? nn : 1, sizeof *sj.body1)};
	rv_parallel_for(nrun, rv_thread_count(threads, nrun), node_spans, &sj);
	free(run_at);
	for (size_t i = 0; i < nn; i++) {
		uint32_t r = uf_find(parent, (uint32_t)i);
		if (slot[r] == RV_NONE)
			continue;
		add_member(&pr[slot[r]],
			   (struct rv_link_member){nodes[i].article, sj.body0[i], sj.body1[i], RV_NONE, 0});
	}
	free(sj.body0);
	free(sj.body1);
	free(parent);
	free(slot);
	free(nodes);
	free(span_node);
	*nout = n;
	return pr;
}

static bool conflicting_speakers(const struct build *b, const struct proto *pr)
{
	uint32_t seen = RV_NONE;
	for (size_t i = 0; i < pr->n; i++) {
		uint32_t s = b->an[pr->m[i].article].quotes[pr->m[i].quote].speaker;
		if (s == RV_NONE)
			continue;
		if (seen == RV_NONE)
			seen = s;
		else if (s != seen)
			return true;
	}
	return false;
}

static void freeze(struct rv_links *ls, const struct build *b, struct proto *pr, size_t n)
{
	for (size_t i = 0; i < n; i++)
		order_members(&pr[i]);
	qsort(pr, n, sizeof *pr, cmp_proto);
	size_t nm = 0;
	for (size_t i = 0; i < n; i++)
		nm += pr[i].n;
	ls->clusters = rv_xcalloc(n ? n : 1, sizeof *ls->clusters);
	ls->members = rv_xmalloc((nm ? nm : 1) * sizeof *ls->members);
	ls->nclusters = n;
	for (size_t i = 0; i < n; i++) {
		struct rv_link_cluster *c = &ls->clusters[i];
		c->kind = pr[i].kind;
		c->score = pr[i].nlinks ? pr[i].score_sum / pr[i].nlinks : 0;
		c->speaker_conflict = pr[i].kind == RV_LINK_QUOTE && conflicting_speakers(b, &pr[i]);
		c->first = (uint32_t)ls->nmembers;
		c->n = (uint32_t)pr[i].n;
		for (size_t k = 0; k < pr[i].n; k++) {
			struct rv_link_member m = pr[i].m[k];
			m.cluster = (uint32_t)i;
			ls->members[ls->nmembers++] = m;
			if (m.quote != RV_NONE)
				b->an[m.article].quotes[m.quote].cluster = (uint32_t)i;
		}
		free(pr[i].m);
	}
	rv_links_index_members(ls, b->c->n);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct rv_links *rv_links_build(const struct rv_corpus *c, struct rv_analysis *an, const struct rv_link_opts *opts)
{
	double t0 = now();
	pthread_once(&stop_once, stop_init);
	struct rv_links *ls = rv_xcalloc(1, sizeof *ls);
	struct build b = {.c = c, .an = an};
	b.la = rv_xcalloc(c->n ? c->n : 1, sizeof *b.la);
	unsigned threads = rv_thread_count(opts ? opts->threads : 0, c->n);
	b.scratch = rv_xcalloc(64, sizeof *b.scratch); /* any later stage's thread count */
	df_bits_init(&b.df, c);
	rv_parallel_for(c->n, threads, prepare_article, &b);
	free(b.df.once);
	rv_parallel_for(c->n, threads, fingerprint_job, &b);
	free(b.df.twice);
	for (unsigned w = 0; w < threads; w++)
		scratch_free(&b.scratch[w]); /* the pairs stage needs the room more */
	double tp = now();
	ls->phase[0] = tp - t0;
	candidate_pairs(&b, threads);
	ls->phase[1] = now() - tp;
	tp = now();
	ls->candidate_pairs = b.ncand;
	unsigned at = rv_thread_count(opts ? opts->threads : 0, b.ncand);
	b.hits = rv_xcalloc(at, sizeof *b.hits);
	rv_parallel_for(b.ncand, at, align_pair, &b);
	ls->phase[2] = now() - tp;
	tp = now();
	/* every worker's hits, in pair order: the same result on any thread count */
	size_t nh = 0;
	for (unsigned w = 0; w < at; w++)
		nh += b.hits[w].n;
	struct hit *hits = rv_xmalloc((nh ? nh : 1) * sizeof *hits);
	nh = 0;
	for (unsigned w = 0; w < at; w++) {
		if (b.hits[w].n)
			memcpy(hits + nh, b.hits[w].v, b.hits[w].n * sizeof *hits);
		nh += b.hits[w].n;
		free(b.hits[w].v);
		free(b.hits[w].seeds);
	}
	free(b.hits);
	qsort(hits, nh, sizeof *hits, cmp_hit);
	size_t aligned = 0;
	for (size_t i = 0; i < nh; i++)
		aligned += !i || hits[i].pair != hits[i - 1].pair;
	ls->aligned_pairs = aligned;
	uint32_t *qbase = rv_xmalloc((c->n + 1) * sizeof *qbase);
	qbase[0] = 0;
	for (size_t a = 0; a < c->n; a++)
		qbase[a + 1] = qbase[a] + (uint32_t)(an ? an[a].nquotes : 0);
	if (an)
		for (size_t a = 0; a < c->n; a++)
			for (size_t q = 0; q < an[a].nquotes; q++)
				an[a].quotes[q].cluster = RV_NONE;
	struct clusters cl = {0};
	for (size_t i = 0; i < nh; i++)
		classify_hit(&b, &hits[i], qbase, &cl);
	free(hits);
	size_t nqp = 0, npp = 0;
	struct proto *qp = an ? quote_protos(&b, &cl, qbase, qbase[c->n], &nqp) : NULL;
	struct proto *pp = passage_protos(&b, &cl, threads, &npp);
	struct proto *all = rv_xmalloc((nqp + npp + 1) * sizeof *all);
	if (nqp)
		memcpy(all, qp, nqp * sizeof *all);
	if (npp)
		memcpy(all + nqp, pp, npp * sizeof *all);
	free(qp);
	free(pp);
	freeze(ls, &b, all, nqp + npp);
	ls->phase[3] = now() - tp;
	free(all);
	free(cl.ql);
	free(cl.ps);
	free(cl.pl);
	free(qbase);
	free(b.cand);
	for (size_t a = 0; a < c->n; a++)
		lart_free(&b.la[a]);
	free(b.la);
	for (unsigned w = 0; w < 64; w++)
		scratch_free(&b.scratch[w]);
	free(b.scratch);
	ls->seconds = now() - t0;
	return ls;
}

static int cmp_by_article(const void *x, const void *y, void *ctx)
{
	const struct rv_link_member *m = ctx;
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	int r = rv_link_member_cmp(&m[a], &m[b]);
	return r ? r : (a > b) - (a < b);
}

void rv_links_index_members(struct rv_links *ls, size_t narticles)
{
	size_t nm = ls->nmembers;
	ls->narticles = narticles;
	ls->article_at = rv_xcalloc(narticles + 1, sizeof *ls->article_at);
	ls->by_article = rv_xmalloc((nm ? nm : 1) * sizeof *ls->by_article);
	for (size_t i = 0; i < nm; i++) {
		ls->by_article[i] = (uint32_t)i;
		ls->article_at[ls->members[i].article + 1]++;
	}
	qsort_r(ls->by_article, nm, sizeof *ls->by_article, cmp_by_article, ls->members);
	for (size_t a = 0; a < narticles; a++)
		ls->article_at[a + 1] += ls->article_at[a];
}

void rv_links_free(struct rv_links *ls)
{
	if (!ls)
		return;
	free(ls->clusters);
	free(ls->members);
	free(ls->by_article);
	free(ls->article_at);
	free(ls);
}

/* --- queries ---------------------------------------------------------------------- */

const char *rv_link_kind_name(enum rv_link_kind k)
{
	return k == RV_LINK_QUOTE ? "quote" : "passage";
}

const struct rv_link_member *rv_links_members(const struct rv_links *ls, uint32_t cluster, size_t *n)
{
	if (cluster >= ls->nclusters) {
		*n = 0;
		return NULL;
	}
	*n = ls->clusters[cluster].n;
	return ls->members + ls->clusters[cluster].first;
}

uint32_t rv_links_at(const struct rv_links *ls, size_t art, size_t off)
{
	if (art >= ls->narticles)
		return RV_NONE;
	for (uint32_t i = ls->article_at[art]; i < ls->article_at[art + 1]; i++) {
		const struct rv_link_member *m = &ls->members[ls->by_article[i]];
		if (m->start > off)
			break;
		if (off < m->end)
			return m->cluster;
	}
	return RV_NONE;
}

static int cmp_alink(const void *x, const void *y)
{
	const struct rv_article_link *a = x, *b = y;
	if (a->here_start != b->here_start)
		return a->here_start < b->here_start ? -1 : 1;
	if (a->other != b->other)
		return a->other < b->other ? -1 : 1;
	if (a->cluster != b->cluster)
		return a->cluster < b->cluster ? -1 : 1;
	return (a->there_start > b->there_start) - (a->there_start < b->there_start);
}

size_t rv_links_of_article(const struct rv_links *ls, size_t art, struct rv_article_link **out)
{
	struct rv_article_link *v = NULL;
	size_t n = 0, cap = 0;
	for (uint32_t i = art < ls->narticles ? ls->article_at[art] : 0;
	     art < ls->narticles && i < ls->article_at[art + 1]; i++) {
		const struct rv_link_member *m = &ls->members[ls->by_article[i]];
		const struct rv_link_cluster *c = &ls->clusters[m->cluster];
		for (uint32_t k = c->first; k < c->first + c->n; k++) {
			const struct rv_link_member *o = &ls->members[k];
			if (o->article == art)
				continue;
			v = rv_xgrow(v, &cap, n + 1, sizeof *v);
			v[n++] = (struct rv_article_link){o->article, m->cluster, m->start, m->end, o->start, o->end};
		}
	}
	if (n)
		qsort(v, n, sizeof *v, cmp_alink);
	*out = v;
	return n;
}

static int cmp_peer(const void *x, const void *y)
{
	const struct rv_link_peer *a = x, *b = y;
	if (a->clusters != b->clusters)
		return a->clusters > b->clusters ? -1 : 1;
	return (a->article > b->article) - (a->article < b->article);
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return (a > b) - (a < b);
}

void rv_links_peer_counts(const struct rv_links *ls, uint32_t *out)
{
	if (ls->peer_counts) {
		memcpy(out, ls->peer_counts, ls->narticles * sizeof *out);
		return;
	}
	uint32_t *seen = rv_xmalloc((ls->narticles ? ls->narticles : 1) * sizeof *seen);
	uint32_t *cseen = rv_xmalloc((ls->nclusters ? ls->nclusters : 1) * sizeof *cseen);
	memset(seen, 0xff, ls->narticles * sizeof *seen);
	memset(cseen, 0xff, ls->nclusters * sizeof *cseen);
	for (uint32_t a = 0; a < ls->narticles; a++) {
		uint32_t n = 0;
		for (uint32_t i = ls->article_at[a]; i < ls->article_at[a + 1]; i++) {
			uint32_t cl = ls->members[ls->by_article[i]].cluster;
			if (cseen[cl] == a) /* two members of a in one cluster: its articles once */
				continue;
			cseen[cl] = a;
			const struct rv_link_cluster *c = &ls->clusters[cl];
			for (uint32_t k = c->first; k < c->first + c->n; k++) {
				uint32_t o = ls->members[k].article;
				if (o != a && seen[o] != a) {
					seen[o] = a;
					n++;
				}
			}
		}
		out[a] = n;
	}
	free(seen);
	free(cseen);
}

size_t rv_links_peers(const struct rv_links *ls, size_t art, struct rv_link_peer **out)
{
	struct rv_article_link *l;
	size_t nl = rv_links_of_article(ls, art, &l);
	/* (other article, cluster), unique, then counted per article */
	uint64_t *k = rv_xmalloc((nl ? nl : 1) * sizeof *k);
	for (size_t i = 0; i < nl; i++)
		k[i] = (uint64_t)l[i].other << 32 | l[i].cluster;
	free(l);
	qsort(k, nl, sizeof *k, cmp_u64);
	struct rv_link_peer *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < nl; i++) {
		if (i && k[i] == k[i - 1])
			continue;
		uint32_t other = (uint32_t)(k[i] >> 32);
		if (!n || v[n - 1].article != other) {
			v = rv_xgrow(v, &cap, n + 1, sizeof *v);
			v[n++] = (struct rv_link_peer){other, 0};
		}
		v[n - 1].clusters++;
	}
	free(k);
	if (n)
		qsort(v, n, sizeof *v, cmp_peer);
	*out = v;
	return n;
}
