/* index.h — the shared index: built once per corpus, then frozen.
 *
 * rv_index_build runs the analyzers on every article (all cores), then
 * resolves what needs the whole corpus: which capitalised words are names,
 * which partial names join full ones (Suleyman → Mustafa Suleyman), each
 * entity's type from the evidence of all its mentions, quote speakers
 * (pronouns included), an optional alias file, and the timeline in order.
 * After that nothing changes: every query is read-only and thread-safe.
 * The index keeps a pointer to the corpus, which must outlive it.
 */
#ifndef REVUE_INDEX_H
#define REVUE_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "revue/analysis.h"
#include "revue/corpus.h"
#include "revue/link.h"
#include "revue/strmap.h"

struct rv_entity {
	char *name; /* canonical: the fullest form, as most often written */
	char *key;  /* folded */
	enum rv_etype type;
	uint32_t mentions;
	uint32_t *articles; /* article indices, ascending, unique */
	size_t narticles;
};

struct rv_timeline_ref {
	uint32_t article, entry;
};

struct rv_index {
	const struct rv_corpus *corpus;
	struct rv_analysis *an; /* one per article */
	struct rv_entity *entities;
	size_t nentities, capentities;
	struct rv_strmap entity_by_key;
	size_t nquotes;
	struct rv_timeline_ref *timeline; /* resolved entries in date order, then the unresolved */
	size_t ntimeline, nresolved;
	struct rv_links *links; /* quote clusters and shared passages (link.h) */
	struct rv_diags diags; /* alias file problems */
	double seconds_analyse, seconds_resolve, seconds_link; /* where the build's time went */
	/* Read from the index cache (cache.h): the analyses' arrays, the
	 * entities' strings and article lists, the key map's slots, the
	 * timeline and the links' arrays point into the corpus's cache mapping;
	 * the index owns only the arrays of structs that hold those pointers,
	 * the key map, and quote_block, every article's quotes in one array. */
	bool mapped;
	struct rv_quote *quote_block;
};

struct rv_index_opts {
	unsigned threads; /* 0: one per core */
	/* When set, counts the articles analysed so far (relaxed atomic adds),
	 * so that a reader can show the build's progress; NULL: none. */
	_Atomic size_t *progress;
	const char *aliases; /* an alias file to read (see revue(1), ALIASES); NULL: the corpus
			      * root's entities.tsv when there is one */
	const char *links;   /* a link file to read instead of computing the links
			      * (rv_links_load: revue's --dump links or passim's
			      * output); NULL: computed */
};

struct rv_index *rv_index_build(const struct rv_corpus *c, const struct rv_index_opts *opts);
void rv_index_free(struct rv_index *ix);

/* An entity of one article with how often the article names it. */
struct rv_entity_count {
	uint32_t entity;
	uint32_t count;
};
/* The entities of article `art`, most named first; returns the count. */
size_t rv_index_article_entities(const struct rv_index *ix, size_t art, struct rv_entity_count **out);
/* The entity a folded name resolves to, or RV_NONE. */
uint32_t rv_index_find_entity(const struct rv_index *ix, const char *name);
/* Quotes of a speaker: (article, quote index) pairs; returns the count. */
size_t rv_index_speaker_quotes(const struct rv_index *ix, uint32_t entity, struct rv_timeline_ref **out);

#endif
