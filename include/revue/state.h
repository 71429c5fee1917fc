/* state.h — the saved state: read marks, stars and notes (SQLite).
 *
 * The only thing revue writes. One database file holds the state of every
 * corpus the user has read; an article is keyed by the content hash of its
 * body (rv_hash64, hash.h), not by its file name, so moving or renaming a
 * file keeps its marks, two files with the same body share them, and an
 * edited body is a new article. The corpus folder is never written.
 *
 * Where: rv_state_open's path, else $REVUE_STATE, else
 * $XDG_STATE_HOME/revue/state.db (when that variable is an absolute path),
 * else ~/.local/state/revue/state.db. Missing directories are made (0700).
 *
 * The database runs in WAL mode with a busy timeout, so two revue processes
 * on the same file (two SSH sessions) both read and write; every change is
 * one short IMMEDIATE transaction that touches only the field it changes
 * (a toggle flips the stored value, not the caller's copy), so concurrent
 * changes are never lost. PRAGMA user_version is the schema version;
 * rv_state_open applies the missing migrations in order, in one transaction.
 *
 * Nothing here fails hard. A file that cannot be made, opened, migrated or
 * locked within the timeout, one that is not a revue database (corrupt, or
 * from a newer revue, or another program's), one that is no regular file (a
 * FIFO would block), or a directory that is read-only: rv_state_open
 * records one warning naming the file and returns a read-only store, loaded
 * with whatever could still be read (possibly nothing). A write that fails
 * later (disk full, lock held too long) records a warning and turns the store
 * read-only for the rest of the session. On a read-only store the setters
 * still change the caller's snapshot, so the session shows what the user
 * did, and return -1 to say it was not saved.
 *
 * Memory: a store owns its connection; a snapshot owns its entries and their
 * notes and quote lists. A store is used from one thread at a time. Texts come back raw (a note may hold any byte):
 * pass them through the sanitizer before they reach a terminal.
 *
 * Schema (version 2; version 1 had no quote_star and no updated, and
 * migrations[] in state.c takes each version to the next):
 *   article(hash INTEGER PRIMARY KEY, read, starred INTEGER 0/1, note TEXT
 *           or NULL, updated INTEGER unix seconds)
 *   quote_star(article INTEGER, start_byte INTEGER, end_byte INTEGER,
 *              PRIMARY KEY (article, start_byte, end_byte))
 * A row whose state is all cleared is deleted.
 * hash is rv_hash64 of the body as a signed 64-bit integer. A starred quote
 * is a byte span of that body: the body of a given hash never changes, so a
 * span stays right across re-indexing; when a later revue finds the quote
 * with slightly different bounds, rv_state_quote_find still matches it by
 * overlap.
 */
#ifndef REVUE_STATE_H
#define REVUE_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "revue/corpus.h"
#include "revue/diag.h"

#define RV_STATE_SCHEMA 2
#define RV_STATE_BUSY_MS 2000               /* default busy timeout */
#define RV_STATE_NOTE_MAX ((size_t)1 << 20) /* longest note, in bytes */

struct rv_state;

struct rv_state_opts {
	const char *path; /* NULL: $REVUE_STATE, then the XDG default */
	int busy_ms;      /* how long to wait for a lock; 0: RV_STATE_BUSY_MS */
	bool read_only;   /* only read (--dump state): no file or directory is
			   * made, no migration run; a missing file is an empty
			   * store, not a warning */
};

/* Opens (creating when needed) the store. Never NULL: on trouble a warning
 * goes to diags and the store is read-only. opts may be NULL. */
struct rv_state *rv_state_open(const struct rv_state_opts *opts, struct rv_diags *diags);
void rv_state_close(struct rv_state *st);
/* The file in use ("" when there was nowhere to put one). */
const char *rv_state_path(const struct rv_state *st);
/* Are changes saved? False after any failure (see above). */
bool rv_state_writable(const struct rv_state *st);

/* --- one article's state, and the corpus's in one load -------------------- */

struct rv_state_quote {
	size_t start, end; /* bytes of the article's body */
};

struct rv_state_entry {
	uint64_t hash; /* rv_hash64 of the body */
	bool read, starred;
	char *note;    /* NUL-terminated, or NULL when there is none */
	size_t note_len;
	struct rv_state_quote *quotes; /* starred quotes, by start then end */
	size_t nquotes;
};

/* The state of every article of a corpus. Articles with the same body share
 * one entry, so a change through either shows in both. */
struct rv_state_snapshot {
	struct rv_state_entry *entries; /* one per distinct body */
	size_t nentries;
	size_t *of_article; /* corpus article i -> entries[of_article[i]] */
	size_t narticles;
};

/* Reads the state of the whole corpus (each article known by the hash the
 * loader computed) with two queries, articles then starred quotes, however
 * large it is: the article list shows read marks without a query per row.
 * Returns 0; -1 when the store could not be read (a warning in diags), with
 * every entry empty. Loading again shows what another process changed
 * meanwhile; it is cheap (about 7 ms for 10k articles with state, see
 * tests/bench/bench_state.c). */
int rv_state_load(struct rv_state *st, const struct rv_corpus *c, struct rv_state_snapshot *out,
		  struct rv_diags *diags);
void rv_state_snapshot_free(struct rv_state_snapshot *s);

static inline struct rv_state_entry *rv_state_of(const struct rv_state_snapshot *s, size_t article)
{
	return &s->entries[s->of_article[article]];
}

/* Does the entry hold anything worth saving or printing? */
bool rv_state_entry_used(const struct rv_state_entry *e);

/* --- changes: each saves one field at once and updates *e ---------------- */
/* Each returns 0 when saved, -1 when not (read-only store, or the write
 * failed: a warning in diags); *e holds the change either way, except where
 * said. */

int rv_state_set_read(struct rv_state *st, struct rv_state_entry *e, bool read, struct rv_diags *diags);
int rv_state_set_starred(struct rv_state *st, struct rv_state_entry *e, bool starred, struct rv_diags *diags);
/* Flip the stored value (or *e's on a read-only store); *e gets the result,
 * so two processes toggling the same article each see the other's flips. */
int rv_state_toggle_read(struct rv_state *st, struct rv_state_entry *e, struct rv_diags *diags);
int rv_state_toggle_starred(struct rv_state *st, struct rv_state_entry *e, struct rv_diags *diags);
/* The note; len 0 removes it. A note longer than RV_STATE_NOTE_MAX is
 * refused: -1, a warning, *e unchanged. */
int rv_state_set_note(struct rv_state *st, struct rv_state_entry *e, const char *text, size_t len,
		      struct rv_diags *diags);
/* Star or unstar the quote [start, end) of the entry's body (start < end). */
int rv_state_star_quote(struct rv_state *st, struct rv_state_entry *e, size_t start, size_t end, bool on,
			struct rv_diags *diags);

/* The starred quote that is the quote [start, end), or overlaps it by at
 * least half of the shorter of the two; NULL when none. To unstar what it
 * finds, pass its own bounds to rv_state_star_quote. */
const struct rv_state_quote *rv_state_quote_find(const struct rv_state_entry *e, size_t start, size_t end);

/* --- revue --dump state ---------------------------------------------------- */

/* One JSON object per line on out, in corpus order, for every article that
 * has any state: {"article": id, "hash": 16 hex digits, "read", "starred",
 * "note": string or null, "starred_quotes": [{"start","end","text"}]}, text
 * being the quote's bytes of the body, all strings JSON-escaped and terminal
 * safe (json.h). Returns 0; -1 when out could not be written. */
int rv_state_dump(const struct rv_corpus *c, const struct rv_state_snapshot *s, FILE *out);

#endif
