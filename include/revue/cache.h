/* cache.h — the index cache: a corpus and its index, saved beside the state
 * store and memory-mapped at the next start.
 *
 * A cache file holds, for one corpus (keyed by the real paths it was opened
 * with), every article as loaded (header fields, NFC body, folded view and
 * its offset map), each file's identity (size, mtime, device, inode) and
 * the hash of its bytes, and, when an index was built, the whole frozen
 * index: analyses, entities and their key map, timeline, links. Records are
 * fixed-size, strings and arrays are offsets into the file, so that opening
 * is mmap, a checksum and pointer fix-up, never parsing.
 *
 * At a start: rv_cache_open checks the file (magic, version, sizes, the
 * revue build that wrote it, a checksum of every byte). rv_corpus_load asks
 * rv_cache_reuse for each file it finds: a file whose stat matches is taken
 * from the mapping without being read; one whose stat differs is read, and
 * taken from the mapping still when its bytes hash the same. When every
 * article came from the cache and the alias and link files are those the
 * index was built with, rv_cache_index gives the index at once; otherwise
 * the caller builds it and writes a new cache (rv_cache_write: a temporary
 * file renamed over the old one, so that another revue reading the old file
 * keeps a whole mapping).
 *
 * A file that fails any check is not used (a diagnostic says why); nothing
 * in it is trusted before the checksum matched, and offsets and indices are
 * bounds-checked as well.
 */
#ifndef REVUE_CACHE_H
#define REVUE_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "revue/corpus.h"
#include "revue/diag.h"
#include "revue/index.h"

struct rv_cache;

/* The cache file for a corpus opened from paths: in the folder "cache" beside
 * the state store (state_path: --state's file; NULL: $REVUE_STATE, else
 * $XDG_STATE_HOME/revue, else ~/.local/state/revue), named after a hash of
 * the paths' real paths. NULL when there is no such place (no HOME). */
char *rv_cache_default_path(const char *state_path, const char *const *paths, size_t npaths);

/* Maps and checks the file at path. NULL when it does not exist (no
 * diagnostic) or cannot be used (one diagnostic naming the file says why). */
struct rv_cache *rv_cache_open(const char *path, struct rv_diags *d);
void rv_cache_close(struct rv_cache *ca);

/* rv_corpus_opts.reuse, with ctx the cache (see corpus.h). */
bool rv_cache_reuse(void *ctx, const char *path, const char *id, const struct rv_file_id *fid, uint64_t raw_hash,
		    size_t max_bytes, struct rv_article *a, struct rv_diags *diags);

/* Gives the cache to the corpus loaded with it: the corpus's mapped articles
 * point into it, and rv_corpus_free closes it. ca may be NULL. */
void rv_cache_attach(struct rv_cache *ca, struct rv_corpus *c);

/* What the index depends on beyond the corpus: the contents of the alias
 * file (io->aliases, else the corpus root's entities.tsv) and of the link
 * file (io->links). */
uint64_t rv_cache_opts_hash(const struct rv_corpus *c, const struct rv_index_opts *io);

/* The index the corpus's cache holds, when it was built from exactly these
 * articles with options of this hash; NULL otherwise. Call it once. */
struct rv_index *rv_cache_index(const struct rv_corpus *c, uint64_t opts_hash);

/* Is there anything new to write: an article not taken from the cache by
 * its stat alone, an article gone, or no index in the cache for these
 * options? True when the corpus has no cache. */
bool rv_cache_stale(const struct rv_corpus *c, uint64_t opts_hash);

/* Writes corpus and index (ix may be NULL: the articles alone) to path, by
 * way of a temporary file in the same folder, renamed. Returns 0, or -1
 * with one diagnostic naming path. */
int rv_cache_write(const char *path, const struct rv_corpus *c, const struct rv_index *ix, uint64_t opts_hash,
		   struct rv_diags *d);

#endif
