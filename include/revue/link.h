/* link.h — text shared across articles: quote clusters and reused passages.
 *
 * In: a loaded corpus (its folded views) and, optionally, each article's
 * analysis (its quotations). Out: clusters of spans that say the same thing
 * in several articles. Two kinds:
 *  - quote: quotations of the index that match each other, one possibly
 *    contained in a longer one, in other words, with words dropped or
 *    inflected;
 *  - passage: any other run of reused text long enough to matter (wire copy).
 *
 * How (see link.c for the measurements behind each threshold): content words
 * of the folded view (function words dropped, elisions split, a light
 * suffix strip) → hashed word 3-grams → a sorted inverted index with a
 * document-frequency cap → article pairs that share enough fingerprints →
 * seeded alignment of each pair → union-find over the aligned spans. Work is
 * bounded per fingerprint and per pair, so the whole is near-linear in the
 * corpus; it runs on all cores and its result does not depend on their
 * number. Every span is a byte range [start, end) of an article's body.
 *
 * Building sets each quote's `cluster` (RV_NONE when it has none). The
 * result is frozen: queries are read-only and thread-safe. Memory is owned
 * by the rv_links and freed by rv_links_free.
 */
#ifndef REVUE_LINK_H
#define REVUE_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "revue/analysis.h"
#include "revue/corpus.h"
#include "revue/diag.h"

enum rv_link_kind { RV_LINK_QUOTE, RV_LINK_PASSAGE };

struct rv_link_member {
	uint32_t article;
	uint32_t start, end; /* body bytes */
	uint32_t quote;      /* the quote's index in its article's analysis, RV_NONE for a passage */
	uint32_t cluster;
};

struct rv_link_cluster {
	enum rv_link_kind kind;
	double score;          /* mean similarity of the aligned pairs that made it, 0..1 */
	bool speaker_conflict; /* quote: members attributed to different speakers */
	uint32_t first, n;     /* members[first .. first + n), the canonical one first */
};

struct rv_links {
	struct rv_link_cluster *clusters; /* the id of a cluster is its index */
	size_t nclusters;
	struct rv_link_member *members;
	size_t nmembers;
	uint32_t *by_article;  /* member indices ordered by (article, start, end) */
	uint32_t *article_at;  /* by_article[article_at[a] .. article_at[a + 1]): article a's */
	size_t narticles;
	const uint32_t *peer_counts; /* what rv_links_peer_counts gives, when already known (the
				      * index cache keeps it; not owned); NULL */
	size_t candidate_pairs, aligned_pairs; /* work done, for the bench */
	double seconds;
	double phase[4]; /* seconds in: words and fingerprints, pairs, alignment, clusters */
};

struct rv_link_opts {
	unsigned threads; /* 0: one per core */
};

/* an may be NULL (passages only); otherwise one analysis per article, whose
 * quotes get their cluster. */
struct rv_links *rv_links_build(const struct rv_corpus *c, struct rv_analysis *an, const struct rv_link_opts *opts);
void rv_links_free(struct rv_links *ls);

/* Link clusters computed elsewhere, read from the file at path instead of
 * computed: revue's own --dump links lines (byte offsets) or passim's output
 * records (cluster, id, begin, end in UTF-16 units of the text --dump passim
 * wrote). A record that does not fit the corpus is skipped with a
 * diagnostic naming the file and line; quotes of an that a member covers get
 * its cluster. NULL (and a diagnostic) when the file cannot be read. */
struct rv_links *rv_links_load(const struct rv_corpus *c, struct rv_analysis *an, const char *path,
			       struct rv_diags *d);
/* The same, from an open stream; path names it in the diagnostics. */
struct rv_links *rv_links_read(const struct rv_corpus *c, struct rv_analysis *an, FILE *f, const char *path,
			       struct rv_diags *d);
/* Orders members by article, then start, then end (qsort's comparator). */
int rv_link_member_cmp(const void *x, const void *y);
/* Fills ls->by_article and ls->article_at from ls->members. */
void rv_links_index_members(struct rv_links *ls, size_t narticles);

/* One link seen from an article: a member here, a member of the same
 * cluster in another article. */
struct rv_article_link {
	uint32_t other;   /* the other article */
	uint32_t cluster;
	uint32_t here_start, here_end;
	uint32_t there_start, there_end;
};
/* The links of article `art`, ordered by here_start, then other article;
 * returns the count and a new array in *out (free it). */
size_t rv_links_of_article(const struct rv_links *ls, size_t art, struct rv_article_link **out);

/* An article linked to another, with how many clusters they share. */
struct rv_link_peer {
	uint32_t article;
	uint32_t clusters;
};
/* The articles that share a cluster with `art`, most shared first; returns the
 * count and a new array in *out (free it). */
size_t rv_links_peers(const struct rv_links *ls, size_t art, struct rv_link_peer **out);

/* For every article, how many other articles share a cluster with it (the
 * count rv_links_peers returns), into out[0 .. narticles): one pass over
 * the clusters of each article, without sorting. */
void rv_links_peer_counts(const struct rv_links *ls, uint32_t *out);

/* The members of a cluster (canonical first); *n gets their count. */
const struct rv_link_member *rv_links_members(const struct rv_links *ls, uint32_t cluster, size_t *n);

/* The cluster of the first member of article `art` whose span holds body
 * offset `off`, or RV_NONE. */
uint32_t rv_links_at(const struct rv_links *ls, size_t art, size_t off);

const char *rv_link_kind_name(enum rv_link_kind k);

#endif
