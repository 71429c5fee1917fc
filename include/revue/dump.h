/* dump.h — the index as JSON Lines (revue --dump KIND).
 *
 * One JSON object per line on out. Byte offsets in every dump are offsets
 * into an article's body as --dump articles defines it (NFC UTF-8, LF line
 * ends, header and leading date token removed). Kinds are a table: later
 * parts of the index add theirs there. The schemas are in revue(1).
 */
#ifndef REVUE_DUMP_H
#define REVUE_DUMP_H

#include <stdbool.h>
#include <stdio.h>

#include "revue/corpus.h"
#include "revue/index.h"

bool rv_dump_known(const char *kind);
/* Does the dump need the index built (rv_index_build)? */
bool rv_dump_needs_index(const char *kind);
/* Is the kind written by the state store (rv_state_dump in state.h) rather
 * than by rv_dump? core knows its name only, so that --help and the usage
 * checks see one table of kinds. */
bool rv_dump_needs_store(const char *kind);
/* Writes the dump; ix may be NULL when the kind needs no index. Returns 0,
 * or -1 when out could not be written. */
int rv_dump(const char *kind, const struct rv_corpus *c, const struct rv_index *ix, FILE *out);
/* The kinds, for --help: "articles, entities, ..." */
const char *rv_dump_kinds(void);

/* --- diff: a kind that takes two spans instead of walking the corpus ----- */

/* Does the kind take two span arguments (revue --dump diff A B)? */
bool rv_dump_takes_spans(const char *kind);

/* A span argument: ID (the whole body) or ID:START:END (body byte offsets,
 * decimal). ID is an article id as --dump articles prints it, or a prefix of
 * exactly one (000 for 000_679a9a29bead16d9.txt). */
struct rv_dump_span {
	const char *arg; /* as given */
	size_t id_len;   /* the ID is arg[0, id_len) */
	bool whole;      /* no offsets given */
	size_t start, end;
};

/* Parses a span argument; returns NULL, or why it is not one (a phrase for a
 * one-line message). Offsets are not checked against any body here. */
const char *rv_dump_span_parse(const char *arg, struct rv_dump_span *out);

/* Writes the runs of the word diff of the two spans (diff.h), one JSON
 * object per line, then a summary line. Offsets past a body's end are
 * clamped to it and offsets inside a code point widened to whole ones.
 * Returns 0; -1 when out could not be written; -2 when a span names no
 * article or more than one (*why says which and how, *bad is the argument). */
int rv_dump_diff(const struct rv_corpus *c, const struct rv_dump_span *a, const struct rv_dump_span *b, FILE *out,
		 const char **why, const char **bad);

#endif
