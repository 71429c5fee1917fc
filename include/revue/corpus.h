/* corpus.h — files to articles.
 *
 * In: paths (directories are walked, files are taken whatever their names).
 * Out: a corpus that owns every article, each decoded to UTF-8 (see
 * decode.h), its header read, its title, date and language inferred, its
 * body normalised to NFC and folded (see text.h). Loading runs on all cores;
 * the result does not depend on their number.
 *
 * Walking a directory: entries in byte order of their names, recursively;
 * names starting with '.' are skipped, and so are files not ending in .txt
 * or .md (any case). Symbolic links are followed when they stay inside the
 * corpus root; directory cycles are cut by remembering visited (device,
 * inode) pairs. Only regular files are read: FIFOs, devices and sockets are
 * reported and skipped without blocking.
 *
 * Header block: at the top of a file, lines "key: value" up to a blank line,
 * recognised when its first line has a key (a word of letters, digits, '-'
 * or '_') and some line has a known key (title, source, date, lang,
 * language, url, author). Keys are case-insensitive; the first value of a
 * key wins; unknown keys are kept in order.
 *
 * Errors: a path that cannot be used is an error (rv_corpus_load fails);
 * a file inside a corpus that cannot be read is a warning and is left out.
 */
#ifndef REVUE_CORPUS_H
#define REVUE_CORPUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "revue/decode.h"
#include "revue/diag.h"
#include "revue/text.h"

#define RV_DEFAULT_MAX_FILE ((size_t)64 * 1024 * 1024)

enum rv_date_precision { RV_DATE_NONE, RV_DATE_YEAR, RV_DATE_MONTH, RV_DATE_DAY };

struct rv_date {
	int year, month, day;
	enum rv_date_precision precision;
};

struct rv_field {
	char *key, *value;
};

/* A file as stat saw it when it was read: what the index cache (cache.h)
 * compares to tell an unchanged file without reading it. */
struct rv_file_id {
	uint64_t size, dev, ino;
	int64_t mtime_ns;
};

struct rv_article {
	char *id;   /* path relative to the corpus root: raw bytes */
	char *path; /* what open() was given */
	char *title, *source, *lang, *url, *author; /* never NULL; "" when unknown */
	bool lang_guessed;
	struct rv_date date;
	struct rv_field *extra; /* unknown header keys, in file order */
	size_t n_extra;
	enum rv_encoding encoding;
	size_t replaced;   /* U+FFFD written while decoding */
	size_t file_bytes; /* size on disk */
	unsigned body_line; /* line of the file where the body starts (1-based) */
	char *body;        /* NFC UTF-8, LF line ends: the one authoritative text */
	size_t body_len;
	uint64_t hash;     /* rv_hash64 of body (hash.h): keys saved state; hashed
			    * here, while the body is in cache */
	struct rv_fold fold; /* folded view of body, with its offset map */
	struct rv_file_id file; /* the file when it was read */
	uint64_t raw_hash;      /* rv_hash64 of the file's bytes as read */
	/* Taken from the index cache: the strings, body and fold point into its
	 * mapping (the corpus's `cache`); only path and extra are the article's. */
	bool mapped;
	/* Only the first part of the file is loaded (rv_corpus_opts.lazy_bytes):
	 * body is the text up to a line end (file_bytes is the whole file's
	 * size, hash that of this part); rv_article_finish reads the rest. */
	bool partial;
	/* With partial: the file's last part from a line start, decoded and in
	 * NFC like body, for a reader asked for the end meanwhile (NULL when
	 * the file has no such part). Most often the whole body ends with it,
	 * but that is the caller's to check. */
	char *tail;
	size_t tail_len;
};

struct rv_corpus_opts {
	size_t max_file_bytes; /* 0: RV_DEFAULT_MAX_FILE */
	unsigned threads;      /* 0: one per online core */
	/* When set, the load says how far it has got (relaxed atomic stores):
	 * *found the files it will read, once the walk is done, and *read those
	 * read so far; NULL: none. */
	_Atomic size_t *found, *read;
	/* When set, asked for each file before it is decoded: first with fid
	 * NULL (nothing read yet: the callback may stat the file itself), then,
	 * if it said no and the file was read, with its identity and the hash
	 * of its bytes. Returning true means *a has been filled (path apart)
	 * and the file is not decoded. Called from several threads at once.
	 * The index cache's lookup (cache.h). */
	bool (*reuse)(void *ctx, const char *path, const char *id, const struct rv_file_id *fid, uint64_t raw_hash,
		      size_t max_bytes, struct rv_article *a, struct rv_diags *diags);
	void *reuse_ctx;
	/* A file larger than this (and not 0) is loaded partially: its first
	 * RV_LAZY_HEAD bytes up to a line end, and as much from its end from a
	 * line start, so that it can be shown at once (see rv_article.partial).
	 * A file with a NUL byte in its first part is read in full. 0: every
	 * file in full. */
	size_t lazy_bytes;
};

#define RV_LAZY_HEAD ((size_t)256 * 1024)

struct rv_cache;

struct rv_corpus {
	struct rv_article *articles;
	size_t n;
	struct rv_diags diags; /* warnings about files left out or read oddly */
	size_t bytes;          /* sum of file_bytes */
	char *root;            /* the directory, when the corpus is one; else NULL */
	struct rv_cache *cache; /* the index cache mapped articles point into; closed with the corpus */
};

/* Returns 0 and a corpus, or -1 with the reason in *err (err->n > 0). A
 * corpus with no article is an error too. */
int rv_corpus_load(const char *const *paths, size_t npaths, const struct rv_corpus_opts *opts,
		   struct rv_corpus **out, struct rv_diags *err);
void rv_corpus_free(struct rv_corpus *c);

/* The files rv_corpus_load would read for these paths, in its order (the
 * same walk, filters and warnings, the latter added to *warn). Returns 0, or
 * -1 with the reason in *err; *out is NULL when *n is 0. */
struct rv_corpus_file {
	char *path, *id;
};
int rv_corpus_files(const char *const *paths, size_t npaths, struct rv_corpus_file **out, size_t *n,
		    struct rv_diags *warn, struct rv_diags *err);
void rv_corpus_files_free(struct rv_corpus_file *f, size_t n);

/* One file read as rv_corpus_load reads it (max: 0 for RV_DEFAULT_MAX_FILE),
 * with the same warnings. body_only stops once the header is read and the
 * body set: no title inference, language, hash or folded view (a->fold is
 * empty); with fold not NULL, the folded text of the body (what
 * rv_text_fold_text gives) replaces fold's contents, in the same pass as
 * the check for NFC. Returns false when the file is left out; release *a
 * with rv_article_free in both cases. */
bool rv_article_read(const char *path, const char *id, size_t max, bool body_only, struct rv_buf *fold,
		     struct rv_article *a, struct rv_diags *diags);

/* One article from bytes already in memory (tests, fuzzing): decodes, reads
 * the header, infers, normalises. Returns false (with a diagnostic) when the
 * bytes are binary. Release *a with rv_article_free in both cases. */
bool rv_article_from_bytes(const char *id, const unsigned char *raw, size_t n, struct rv_article *a,
			   struct rv_diags *diags);
void rv_article_free(struct rv_article *a);

/* The whole of a partially loaded article, read again from its file into
 * *out (which the caller frees with rv_article_free in both cases); false,
 * with a diagnostic, when it cannot be read now. Whether the part shown
 * was the start of the whole is the caller's to check (the file may have
 * changed meanwhile). */
bool rv_article_finish(const struct rv_article *part, size_t max_file_bytes, struct rv_article *out,
		       struct rv_diags *diags);

/* Parses an ISO 8601 date: YYYY, YYYY-MM, YYYY-MM-DD, optionally followed by
 * a time ("T12:00:00Z", "+01:00"...), which is checked and dropped. */
bool rv_date_parse(const char *s, size_t n, struct rv_date *d);
/* "2025", "2025-03" or "2025-03-14" into buf (at least 11 bytes); "" when none. */
void rv_date_format(const struct rv_date *d, char *buf);

#endif
