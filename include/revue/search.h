/* search.h — what the user types after '/' or 's', run with limits.
 *
 * A pattern is PCRE2 (UTF, invalid UTF in the subject tolerated), at most
 * RV_SEARCH_MAX bytes. Smart case: caseless unless the pattern holds an
 * upper-case letter. Accent-insensitive unless the pattern holds a
 * non-ASCII letter: then it runs on the folded view and the matches are
 * mapped back to the source. Every run is bounded by match, depth and heap
 * limits and by a wall-clock deadline checked from a callout; a run that
 * trips one says RV_SEARCH_STOPPED, never "not found".
 */
#ifndef REVUE_SEARCH_H
#define REVUE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "revue/corpus.h"
#include "revue/text.h"

#define RV_SEARCH_MAX 1024

enum rv_search_status { RV_SEARCH_OK, RV_SEARCH_STOPPED };

struct rv_search;

/* NULL with the reason in err (one line) when the pattern does not compile. */
struct rv_search *rv_search_new(const char *pat, size_t len, char *err, size_t errlen);
void rv_search_free(struct rv_search *s);
bool rv_search_folded(const struct rv_search *s);
/* Monotonic seconds, to build deadlines from. */
double rv_search_now(void);

/* Appends the matches in an article's body (body offsets, ascending, empty
 * matches skipped) to *out (*n of *cap); at most `max` of them. */
enum rv_search_status rv_search_article(const struct rv_search *s, const struct rv_article *a, double deadline,
					size_t max, struct rv_span **out, size_t *n, size_t *cap);
/* A search over the whole corpus, on worker threads. */
struct rv_corpus_search {
	unsigned threads;         /* 0: one per core */
	double deadline;          /* rv_search_now() seconds; INFINITY: none */
	double article_seconds;   /* each article's own budget, > 0: this many seconds */
	double seconds_per_byte;  /*   plus this per byte of its body; 0 for both: none */
	_Atomic bool *cancel;     /* another thread sets it to stop early; NULL */
	_Atomic size_t *done;     /* counts the articles searched, for progress; NULL */
};
/* Counts the matches in every article into counts[c->n] (at most max per
 * article). RV_SEARCH_STOPPED when a deadline, a PCRE2 limit or cancel cut
 * it short: a pattern too costly for one article stops the whole search,
 * the articles not reached count 0, and *where (when not NULL) gets an
 * article where a limit struck (SIZE_MAX when cancel or the overall
 * deadline did). */
enum rv_search_status rv_search_corpus(const struct rv_search *s, const struct rv_corpus *c,
				       const struct rv_corpus_search *o, size_t max, uint32_t *counts, size_t *where);

/* The same search straight from files, as `revue --grep` runs it: each
 * file read as rv_article_read(body_only) reads it, folded when the pattern
 * wants the folded view, searched and dropped, so that the corpus is never
 * held whole and nothing the search does not use is computed. counts[i]
 * for files[i] (0 for a file left out), its warnings in diags[i] (n of
 * them, zeroed by the caller) so that they can be shown in file order;
 * *articles (when not NULL): the files read as articles. The counts equal
 * rv_search_corpus's on the corpus rv_corpus_load makes of the same files;
 * *where is then an index into files. Files not reached after a stop are
 * not read. */
enum rv_search_status rv_search_files(const struct rv_search *s, const struct rv_corpus_file *files, size_t n,
				      size_t max_file_bytes, const struct rv_corpus_search *o, size_t max,
				      uint32_t *counts, struct rv_diags *diags, size_t *articles, size_t *where);

/* Whether a short string (a title, a name) matches. */
bool rv_search_string(const struct rv_search *s, const char *t, size_t n);

#endif
