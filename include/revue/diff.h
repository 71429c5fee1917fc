/* diff.h — the word-level diff of two spans of article bodies, the engine of
 * the side-by-side comparison view and of `revue --dump diff`.
 *
 * What is compared: the word tokens of each span (token.h: words, numbers,
 * elisions such as l' and qu' as their own tokens), by their folded form
 * (text.h: case, accents and apostrophe styles folded), so "l’IA" equals
 * "l'IA" and "Modèles" equals "modeles". Punctuation tokens are not compared
 * at all: a comma added or dropped makes no run, and the text between words
 * (spaces, punctuation) is carried by a neighbouring run, so the runs still
 * cover each span from start to end without gap or overlap.
 *
 * Inflection: two words whose folded forms differ only by a final s, x or e
 * (on words of four bytes or more: toute/toutes, technologie/technologies,
 * modele/modeles) are aligned with each other like equal words, and come out
 * as a `change` run with `minor` set, holding only such pairs, one to one.
 * Any other difference is a plain change, delete or insert.
 *
 * The algorithm is Myers' O((N+M)D) diff in its linear-space form (the middle
 * snake, divide and conquer), after stripping the common head and tail. Two
 * bounds keep hostile input (two unrelated 1 MB spans) cheap: a search for a
 * middle snake that passes RV_DIFF_MAX_D edits splits at its furthest point
 * instead (the result may then be longer than the shortest edit script), and
 * once RV_DIFF_BUDGET steps have been spent in all, what is left unaligned
 * becomes one change per remaining piece. Either sets `coarse`.
 *
 * Words are compared by 64-bit hashes of their folded (or stemmed) form; a
 * collision between two different words is possible in principle and would
 * show as an equal run. A span longer than 1 GiB is cut to its first GiB.
 *
 * Memory: the runs array belongs to the rv_diff; rv_diff_free releases it.
 * Working memory is linear in the number of words (about 30 MB for two
 * 1 MB spans).
 */
#ifndef REVUE_DIFF_H
#define REVUE_DIFF_H

#include <stdbool.h>
#include <stddef.h>

enum rv_diff_op {
	RV_DIFF_EQUAL,
	RV_DIFF_DELETE, /* words of the left span with nothing on the right */
	RV_DIFF_INSERT, /* words of the right span with nothing on the left */
	RV_DIFF_CHANGE, /* words on both sides, differing */
};

/* Limits (see above); exposed for the tests. */
#define RV_DIFF_MAX_D 2048
#define RV_DIFF_BUDGET ((size_t)60 * 1000 * 1000)

struct rv_diff_run {
	enum rv_diff_op op;
	bool minor;             /* change of inflection only (see above) */
	size_t a_start, a_end;  /* bytes of the left body */
	size_t b_start, b_end;  /* bytes of the right body */
	size_t a_words, b_words; /* word tokens on each side */
};

/* Runs are in text order on both sides and tile the compared spans: the first
 * starts at a_start/b_start, each starts where the one before ended, the last
 * ends at a_end/b_end. The side of a delete or insert that holds no word is
 * an empty span at the place the words would go, except when that whole side
 * has no word at all: it then holds whatever non-word text the span has.
 * Two spans without a word have no run. An equal run never follows an equal
 * run; a minor change may sit next to another non-equal run. */
struct rv_diff {
	struct rv_diff_run *runs;
	size_t n;
	/* The spans compared: the ones asked for, clamped to the bodies and
	 * widened to whole code points. */
	size_t a_start, a_end, b_start, b_end;
	size_t words_a, words_b;
	size_t words_common; /* words in equal runs (the same on both sides) */
	double share;        /* 2 * common / (words_a + words_b); 1 when both are 0 */
	size_t changed, removed, added; /* runs of change, delete, insert */
	size_t minor;                   /* changes among `changed` that are minor */
	bool coarse;                    /* a cost bound was hit (see above) */
};

/* Compares a[a_start, a_end) with b[b_start, b_end). a and b are article
 * bodies of a_len and b_len bytes, valid UTF-8. Offsets are clamped to the
 * body (a start past the end becomes the end) and an offset inside a code
 * point moves to its start (for a start) or its end (for an end), so any
 * offsets are safe. Fills *out (rv_diff_free releases it); returns 0. */
int rv_diff_spans(const char *a, size_t a_len, size_t a_start, size_t a_end, const char *b, size_t b_len,
		  size_t b_start, size_t b_end, struct rv_diff *out);
void rv_diff_free(struct rv_diff *d);

/* "equal", "delete", "insert", "change". */
const char *rv_diff_op_name(enum rv_diff_op op);

/* [*start, *end) clamped to a body of len bytes and widened to whole code
 * points, as rv_diff_spans does. */
void rv_diff_snap(const char *s, size_t len, size_t *start, size_t *end);

/* Widens [*start, *end) to the paragraphs that hold it: back to the start
 * of its first line, on to the end of its last (a paragraph is a line of
 * the body; the newline stays out). At most `cap` bytes are added on each
 * side, cut at a code point, so a quote in a 5 MB line widens by 2 * cap
 * bytes. The span is snapped first (rv_diff_snap). */
void rv_diff_widen(const char *s, size_t len, size_t *start, size_t *end, size_t cap);

#endif
