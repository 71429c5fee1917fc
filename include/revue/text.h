/* text.h — the text layer: normalisation, the folded view, words, sentences,
 * display widths, and the one sanitizer every byte bound for a terminal
 * passes through.
 *
 * libunistring is the authority on Unicode. The fast paths here (ASCII and
 * precomposed Latin) give, by construction, the same result as libunistring
 * would; tests/unit/test_text.c checks that claim over every code point.
 *
 * Spans are byte ranges [start, end) into the string they were computed on.
 * Functions that return arrays allocate them; the caller frees them.
 */
#ifndef REVUE_TEXT_H
#define REVUE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "revue/util.h"

struct rv_span {
	size_t start, end;
};

/* --- Normalisation ------------------------------------------------------ */

/* Returns s in NFC as a new NUL-terminated string; s must be valid UTF-8. */
char *rv_text_nfc(const char *s, size_t n, size_t *out_len);

/* True when NFC leaves cp alone in any context (exposed for the tests). */
bool rv_text_nfc_stable(unsigned cp);

/* --- The folded view ----------------------------------------------------- */

/* Folding, code point by code point: full case folding, canonical
 * decomposition with nonspacing marks (Mn) removed (so accents go), default
 * ignorable and other format characters removed, every space separator
 * becoming ' ', and the apostrophes ’ ʼ ‘ ` ′ ＇ becoming '. Because the
 * definition is per code point, a folded offset always maps back to a code
 * point boundary of the source. */
struct rv_fold {
	char *text; /* NUL-terminated */
	size_t len;
	/* The offset map, one record per "change": a source code point whose
	 * folded form is not a byte-for-byte replacement of the same length.
	 * Between changes, source and folded bytes correspond one to one. A
	 * record is the gap in bytes since the previous change's end (LEB128,
	 * 7 bits a byte, low first), then one byte fl << 2 | (sl - 1): the
	 * change's source length sl (1..4) and folded length fl (0..31).
	 * Every RV_FOLD_MARK_EVERY records, marks holds the absolute
	 * (source start, folded start, byte position in map) of that record,
	 * so a lookup is a binary search over the marks and a short decode:
	 * about 2.5 bytes a change instead of the 16 of two offset pairs. */
	unsigned char *map;
	size_t map_len;
	size_t changes;  /* records in map */
	uint32_t *marks; /* 3 per mark */
	size_t nmarks;
};

#define RV_FOLD_MARK_EVERY 16

/* s must be valid UTF-8 and shorter than 2 GiB. */
void rv_text_fold(const char *s, size_t n, struct rv_fold *out);
/* The folded text of s alone, without the offset map, appended to out
 * (NUL-terminated): the same bytes as rv_text_fold's, for a search that
 * only counts. Returns whether every code point of s is valid UTF-8 and
 * NFC-stable (rv_text_nfc_stable): then s is in NFC as it stands, and
 * rv_text_nfc would return it unchanged. */
bool rv_text_fold_text(const char *s, size_t n, struct rv_buf *out);
/* The source offset of folded offset f. A folded offset that falls inside the
 * folded form of one source code point maps to that code point's start, or
 * to its end when round_up is set (use it for the end of a span). */
size_t rv_fold_to_source(const struct rv_fold *f, size_t off, bool round_up);
/* The folded offset of source offset off (the inverse: a source offset
 * inside a changed code point maps to the start of its folded form). */
size_t rv_fold_from_source(const struct rv_fold *f, size_t off);
/* The same for source offsets taken in ascending order, in amortised O(1)
 * each: zero the walk, set w.f, then call rv_fold_walk_from_source with
 * offsets that never decrease. */
struct rv_fold_walk {
	const struct rv_fold *f;
	size_t next, pos; /* the next record and its byte position in f->map */
	uint32_t s, fo;   /* the current record (valid when have): its starts */
	unsigned sl, fl;  /* and lengths */
	bool have;
};
size_t rv_fold_walk_from_source(struct rv_fold_walk *w, size_t off);
void rv_fold_free(struct rv_fold *f);
/* Folds one code point into out (at least 32 bytes); returns the length. */
size_t rv_text_fold_cp(unsigned cp, char *out);

/* --- Words and sentences -------------------------------------------------- */

/* Words by UAX #29 (libunistring's u8_wordbreaks): the segments that hold a
 * letter or a digit. Returns the count; *out may be NULL to count only. */
size_t rv_text_words(const char *s, size_t n, struct rv_span **out);

/* Sentences: a line end always closes one; . ! ? … close one when followed
 * (after closing quotes or brackets) by white space and then something that
 * does not start in lower case, unless the word before the period is a known
 * abbreviation (M., Mme, Dr, Mr, Inc...) or a single capital initial.
 * Spans exclude leading and trailing white space; empty ones are dropped. */
size_t rv_text_sentences(const char *s, size_t n, struct rv_span **out);

/* "fr", "en" or "other", from function words in the first 8 KiB. */
const char *rv_text_guess_lang(const char *s, size_t n);

/* --- The sanitizer -------------------------------------------------------- */

enum rv_glyph_kind {
	RV_GLYPH_TEXT,    /* printable: bytes are s[i .. i+len) */
	RV_GLYPH_TOKEN,   /* a visible placeholder in tok, e.g. ^[ or <U+202E> */
	RV_GLYPH_NEWLINE, /* '\n' (only without RV_SAN_ONE_LINE) */
	RV_GLYPH_TAB,     /* '\t' (only without RV_SAN_ONE_LINE) */
	RV_GLYPH_SKIP,    /* consumed and shown as nothing (capped marks, emoji ZWJ) */
};

enum {
	RV_SAN_ONE_LINE = 1, /* newline and tab become tokens too (titles, names) */
	RV_SAN_ASCII = 2,    /* anything not ASCII becomes a token (LANG=C) */
};

struct rv_glyph {
	enum rv_glyph_kind kind;
	size_t len;   /* source bytes consumed */
	int width;    /* terminal columns: 0 for marks, 2 for wide */
	char tok[24]; /* NUL-terminated token when kind == RV_GLYPH_TOKEN */
};

/* State carried from one glyph to the next (combining marks need context).
 * Zero-initialise it at the start of a line. */
struct rv_sanitizer {
	unsigned flags;
	int marks; /* marks already stacked on the current base; -1: no base */
	bool prev_pictographic;
};

void rv_sanitizer_init(struct rv_sanitizer *st, unsigned flags);
/* Reads the glyph at s[i] (s need not be valid UTF-8: invalid bytes become
 * \xNN tokens). Returns the number of bytes consumed (>= 1 while i < n). */
size_t rv_sanitize_next(struct rv_sanitizer *st, const char *s, size_t n, size_t i, struct rv_glyph *g);
/* Appends the sanitized form of s to out: what a terminal may be sent. */
void rv_sanitize(const char *s, size_t n, unsigned flags, struct rv_buf *out);
/* Convenience for messages: a new NUL-terminated one-line sanitized copy. */
char *rv_sanitize_dup(const char *s, size_t n);
/* Display width of s once sanitized. */
size_t rv_text_width(const char *s, size_t n, unsigned flags);

#endif
