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
/* Writes the dump; ix may be NULL when the kind needs no index. Returns 0,
 * or -1 when out could not be written. */
int rv_dump(const char *kind, const struct rv_corpus *c, const struct rv_index *ix, FILE *out);
/* The kinds, for --help: "articles, entities, ..." */
const char *rv_dump_kinds(void);

#endif
