/* Tests of the state store (include/revue/state.h): marks, stars and notes
 * that survive a restart and a rename, schema migrations, two processes at
 * once, and every way the file can be unusable — each a warning naming the
 * file and a read-only session, never a crash and never a changed file. */
#include "testutil.h"

#include "revue/corpus.h"
#include "revue/hash.h"
#include "revue/state.h"
#include "revue/util.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

/* --- helpers -------------------------------------------------------------- */

static char scratch[64];
static char db_path[128];

static int setup(void **state)
{
	(void)state;
	strcpy(scratch, "/tmp/revue-state.XXXXXX");
	if (!mkdtemp(scratch))
		return -1;
	snprintf(db_path, sizeof db_path, "%s/sub/dir/state.db", scratch);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	chmod(scratch, 0700);
	tu_rm_rf(scratch);
	return 0;
}

/* A corpus of articles made from strings (ids and bodies). */
static struct rv_corpus *corpus_of(size_t n, const char *const *ids, const char *const *texts)
{
	struct rv_corpus *c = rv_xcalloc(1, sizeof *c);
	c->articles = rv_xcalloc(n ? n : 1, sizeof *c->articles);
	for (size_t i = 0; i < n; i++) {
		struct rv_diags d = {0};
		assert_true(rv_article_from_bytes(ids[i], (const unsigned char *)texts[i], strlen(texts[i]),
						  &c->articles[i], &d));
		rv_diag_free(&d);
	}
	c->n = n;
	return c;
}

/* n articles "a000.txt"... with distinct bodies. */
static struct rv_corpus *numbered_corpus(size_t n)
{
	char **ids = rv_xcalloc(n, sizeof *ids), **texts = rv_xcalloc(n, sizeof *texts);
	for (size_t i = 0; i < n; i++) {
		ids[i] = rv_xasprintf("a%03zu.txt", i);
		texts[i] = rv_xasprintf("Article numéro %zu.\n\nLe texte de l'article %zu, assez long pour "
					"porter une citation.\n",
					i, i);
	}
	struct rv_corpus *c = corpus_of(n, (const char *const *)ids, (const char *const *)texts);
	for (size_t i = 0; i < n; i++) {
		free(ids[i]);
		free(texts[i]);
	}
	free(ids);
	free(texts);
	return c;
}

static struct rv_state *open_at(const char *path, int busy_ms, struct rv_diags *d)
{
	struct rv_state_opts o = {.path = path, .busy_ms = busy_ms};
	return rv_state_open(&o, d);
}

/* Opens path, expecting no warning. */
static struct rv_state *open_ok(const char *path)
{
	struct rv_diags d = {0};
	struct rv_state *st = open_at(path, 0, &d);
	if (d.n)
		fail_msg("unexpected warning: %s", d.v[0].msg);
	assert_true(rv_state_writable(st));
	return st;
}

/* Exactly one warning, naming the file. */
static void expect_warning(struct rv_diags *d, const char *path)
{
	if (d->n != 1)
		fail_msg("%zu warnings, expected one", d->n);
	assert_non_null(d->v[0].file);
	assert_string_equal(d->v[0].file, path);
	struct rv_buf b = {0};
	rv_diag_format(&d->v[0], &b);
	print_message("    %s\n", b.p);
	rv_buf_free(&b);
	rv_diag_free(d);
}

static long long sql_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long v = -1;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

static void sql_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
	sqlite3_close(db);
}

static void write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* --- opening ---------------------------------------------------------------- */

static void test_open_creates_dirs_and_schema(void **state)
{
	(void)state;
	struct rv_state *st = open_ok(db_path);
	assert_string_equal(rv_state_path(st), db_path);
	rv_state_close(st);
	assert_int_equal(sql_int(db_path, "PRAGMA user_version"), RV_STATE_SCHEMA);
	assert_int_equal(sql_int(db_path, "SELECT count(*) FROM sqlite_schema WHERE name IN ('article', 'quote_star')"),
			 2);
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "wal");
	sqlite3_finalize(s);
	sqlite3_close(db);
	struct stat sb;
	char dir[160];
	snprintf(dir, sizeof dir, "%s/sub/dir", scratch);
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
}

static void test_default_path(void **state)
{
	(void)state;
	char *saved_home = getenv("HOME") ? rv_xstrdup(getenv("HOME")) : NULL;
	struct rv_diags d = {0};
	char want[200];

	setenv("REVUE_STATE", db_path, 1);
	struct rv_state *st = rv_state_open(NULL, &d);
	assert_string_equal(rv_state_path(st), db_path);
	rv_state_close(st);

	unsetenv("REVUE_STATE");
	setenv("XDG_STATE_HOME", scratch, 1);
	st = rv_state_open(NULL, &d);
	snprintf(want, sizeof want, "%s/revue/state.db", scratch);
	assert_string_equal(rv_state_path(st), want);
	rv_state_close(st);

	setenv("XDG_STATE_HOME", "relative/dir", 1); /* not absolute: ignored */
	setenv("HOME", scratch, 1);
	st = rv_state_open(NULL, &d);
	snprintf(want, sizeof want, "%s/.local/state/revue/state.db", scratch);
	assert_string_equal(rv_state_path(st), want);
	assert_true(rv_state_writable(st));
	rv_state_close(st);
	assert_int_equal(d.n, 0);

	/* Nowhere to put it: a warning and a read-only store that still works. */
	unsetenv("XDG_STATE_HOME");
	unsetenv("HOME");
	st = rv_state_open(NULL, &d);
	assert_int_equal(d.n, 1);
	assert_false(rv_state_writable(st));
	struct rv_corpus *c = numbered_corpus(2);
	struct rv_state_snapshot snap;
	assert_int_equal(rv_state_load(st, c, &snap, &d), 0);
	assert_int_equal(rv_state_set_read(st, rv_state_of(&snap, 1), true, &d), -1);
	assert_true(rv_state_of(&snap, 1)->read);
	rv_state_snapshot_free(&snap);
	rv_state_close(st);
	rv_corpus_free(c);
	rv_diag_free(&d);
	if (saved_home)
		setenv("HOME", saved_home, 1);
	free(saved_home);
}

/* --dump state only reads: a missing file is an empty store, and nothing is
 * made on disk. */
static void test_read_only_open_makes_nothing(void **state)
{
	(void)state;
	struct rv_diags d = {0};
	struct rv_state_opts o = {.path = db_path, .read_only = true};
	struct rv_state *st = rv_state_open(&o, &d);
	assert_int_equal(d.n, 0);
	assert_false(rv_state_writable(st));
	rv_state_close(st);
	char dir[160];
	snprintf(dir, sizeof dir, "%s/sub", scratch);
	assert_int_equal(access(dir, F_OK), -1);
}

/* --- round trips ------------------------------------------------------------ */

static void test_round_trip(void **state)
{
	(void)state;
	struct rv_corpus *c = numbered_corpus(3);
	struct rv_diags d = {0};
	struct rv_state *st = open_ok(db_path);
	struct rv_state_snapshot s;
	assert_int_equal(rv_state_load(st, c, &s, &d), 0);
	assert_int_equal(s.nentries, 3);
	for (size_t i = 0; i < 3; i++) {
		assert_false(rv_state_entry_used(rv_state_of(&s, i)));
		assert_int_equal(rv_state_of(&s, i)->hash, rv_hash64(c->articles[i].body, c->articles[i].body_len));
	}
	assert_int_equal(rv_state_set_read(st, rv_state_of(&s, 0), true, &d), 0);
	assert_int_equal(rv_state_toggle_starred(st, rv_state_of(&s, 1), &d), 0);
	assert_true(rv_state_of(&s, 1)->starred);
	assert_int_equal(rv_state_set_note(st, rv_state_of(&s, 2), "à relire", strlen("à relire"), &d), 0);
	assert_int_equal(rv_state_star_quote(st, rv_state_of(&s, 2), 30, 40, true, &d), 0);
	assert_int_equal(rv_state_star_quote(st, rv_state_of(&s, 2), 5, 12, true, &d), 0);
	assert_int_equal(rv_state_star_quote(st, rv_state_of(&s, 2), 5, 12, true, &d), 0); /* twice: once */
	assert_int_equal(rv_state_of(&s, 2)->nquotes, 2);
	assert_int_equal(d.n, 0);
	rv_state_snapshot_free(&s);
	rv_state_close(st);

	st = open_ok(db_path);
	assert_int_equal(rv_state_load(st, c, &s, &d), 0);
	const struct rv_state_entry *e0 = rv_state_of(&s, 0), *e1 = rv_state_of(&s, 1), *e2 = rv_state_of(&s, 2);
	assert_true(e0->read);
	assert_false(e0->starred);
	assert_null(e0->note);
	assert_false(e1->read);
	assert_true(e1->starred);
	assert_string_equal(e2->note, "à relire");
	assert_int_equal(e2->note_len, strlen("à relire"));
	assert_int_equal(e2->nquotes, 2);
	assert_int_equal(e2->quotes[0].start, 5); /* sorted */
	assert_int_equal(e2->quotes[1].start, 30);

	/* Clearing everything removes the rows. */
	struct rv_state_entry *m2 = rv_state_of(&s, 2);
	assert_int_equal(rv_state_toggle_read(st, rv_state_of(&s, 0), &d), 0);
	assert_false(rv_state_of(&s, 0)->read);
	assert_int_equal(rv_state_set_starred(st, rv_state_of(&s, 1), false, &d), 0);
	assert_int_equal(rv_state_set_note(st, m2, "", 0, &d), 0);
	assert_null(m2->note);
	assert_int_equal(rv_state_star_quote(st, m2, 30, 40, false, &d), 0);
	assert_int_equal(sql_int(db_path, "SELECT count(*) FROM article"), 1);
	assert_int_equal(rv_state_star_quote(st, m2, 5, 12, false, &d), 0);
	assert_int_equal(m2->nquotes, 0);
	assert_int_equal(sql_int(db_path, "SELECT count(*) FROM article"), 0);
	assert_int_equal(sql_int(db_path, "SELECT count(*) FROM quote_star"), 0);
	assert_int_equal(rv_state_star_quote(st, m2, 12, 5, true, &d), -1); /* empty span refused */
	assert_int_equal(d.n, 0);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	rv_corpus_free(c);
}

/* Renaming or moving a file keeps its state; an edited body is a new
 * article; two files with one body share one entry. */
static void test_rename_keeps_state(void **state)
{
	(void)state;
	const char *body = "Titre\n\nUn corps d'article qui ne change pas.\n";
	const char *ids1[] = {"2026/lemonde.txt"};
	const char *texts1[] = {body};
	struct rv_corpus *c1 = corpus_of(1, ids1, texts1);
	struct rv_diags d = {0};
	struct rv_state *st = open_ok(db_path);
	struct rv_state_snapshot s;
	rv_state_load(st, c1, &s, &d);
	rv_state_set_read(st, rv_state_of(&s, 0), true, &d);
	rv_state_set_note(st, rv_state_of(&s, 0), "vu", 2, &d);
	rv_state_snapshot_free(&s);

	const char *ids2[] = {"archive/renamed.md", "edited.txt", "copy.txt"};
	const char *texts2[] = {body, "Titre\n\nUn corps d'article qui a changé.\n", body};
	struct rv_corpus *c2 = corpus_of(3, ids2, texts2);
	rv_state_load(st, c2, &s, &d);
	assert_int_equal(s.nentries, 2);
	assert_true(rv_state_of(&s, 0)->read);
	assert_string_equal(rv_state_of(&s, 0)->note, "vu");
	assert_false(rv_state_entry_used(rv_state_of(&s, 1)));
	assert_ptr_equal(rv_state_of(&s, 0), rv_state_of(&s, 2));
	assert_int_equal(d.n, 0);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	rv_corpus_free(c1);
	rv_corpus_free(c2);
}

/* One store serves every corpus: rows of articles that are not in the
 * corpus being loaded are skipped, not an error. */
static void test_other_corpora_skipped(void **state)
{
	(void)state;
	struct rv_corpus *big = numbered_corpus(6), *small = numbered_corpus(2);
	struct rv_diags d = {0};
	struct rv_state *st = open_ok(db_path);
	struct rv_state_snapshot s;
	rv_state_load(st, big, &s, &d);
	for (size_t i = 0; i < 6; i++) {
		rv_state_set_read(st, rv_state_of(&s, i), true, &d);
		rv_state_star_quote(st, rv_state_of(&s, i), 1, 4, true, &d);
	}
	rv_state_snapshot_free(&s);
	assert_int_equal(rv_state_load(st, small, &s, &d), 0);
	assert_int_equal(d.n, 0);
	assert_true(rv_state_of(&s, 0)->read && rv_state_of(&s, 1)->read);
	assert_int_equal(rv_state_of(&s, 1)->nquotes, 1);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	rv_corpus_free(big);
	rv_corpus_free(small);
}

static void test_quote_find(void **state)
{
	(void)state;
	struct rv_state_quote q[] = {{10, 50}, {100, 120}};
	struct rv_state_entry e = {.quotes = q, .nquotes = 2};
	assert_ptr_equal(rv_state_quote_find(&e, 10, 50), &q[0]);
	assert_ptr_equal(rv_state_quote_find(&e, 12, 52), &q[0]);   /* bounds moved a little */
	assert_ptr_equal(rv_state_quote_find(&e, 100, 121), &q[1]);
	assert_null(rv_state_quote_find(&e, 45, 90));               /* overlap 5 of 40 */
	assert_null(rv_state_quote_find(&e, 50, 100));              /* touching only */
	assert_null(rv_state_quote_find(&e, 200, 210));
}

/* A note as long as allowed round-trips; one byte more is refused and the
 * saved note stays. */
static void test_huge_note(void **state)
{
	(void)state;
	struct rv_corpus *c = numbered_corpus(1);
	struct rv_diags d = {0};
	struct rv_state *st = open_ok(db_path);
	struct rv_state_snapshot s;
	rv_state_load(st, c, &s, &d);
	char *big = rv_xmalloc(RV_STATE_NOTE_MAX + 1);
	for (size_t i = 0; i < RV_STATE_NOTE_MAX + 1; i++)
		big[i] = (char)('a' + i % 26);
	assert_int_equal(rv_state_set_note(st, rv_state_of(&s, 0), big, RV_STATE_NOTE_MAX, &d), 0);
	assert_int_equal(rv_state_set_note(st, rv_state_of(&s, 0), big, RV_STATE_NOTE_MAX + 1, &d), -1);
	expect_warning(&d, db_path);
	assert_int_equal(rv_state_of(&s, 0)->note_len, RV_STATE_NOTE_MAX);
	assert_true(rv_state_writable(st)); /* refusing a note is no failure of the file */
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	st = open_ok(db_path);
	rv_state_load(st, c, &s, &d);
	assert_int_equal(rv_state_of(&s, 0)->note_len, RV_STATE_NOTE_MAX);
	assert_memory_equal(rv_state_of(&s, 0)->note, big, RV_STATE_NOTE_MAX);
	free(big);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	rv_corpus_free(c);
}

/* --- --dump state --------------------------------------------------------- */

static char *dump_of(const struct rv_corpus *c, const struct rv_state_snapshot *s)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	assert_non_null(f);
	assert_int_equal(rv_state_dump(c, s, f), 0);
	fclose(f);
	return out;
}

/* Escape sequences, bidi controls, a NUL and invalid UTF-8 in a note come
 * out of the dump JSON-escaped: no byte of it can drive a terminal. */
static void test_dump_hostile_note(void **state)
{
	(void)state;
	struct rv_corpus *c = numbered_corpus(3);
	struct rv_diags d = {0};
	struct rv_state *st = open_ok(db_path);
	struct rv_state_snapshot s;
	rv_state_load(st, c, &s, &d);
	static const char note[] = "\x1b]0;pwned\x07\x1b[2J\rALICE\x08\xe2\x80\xae\xc2\x9b" "6n\"\\\0after\xff";
	assert_int_equal(rv_state_set_note(st, rv_state_of(&s, 1), note, sizeof note - 1, &d), 0);
	assert_int_equal(rv_state_star_quote(st, rv_state_of(&s, 1), 0, 7, true, &d), 0);
	rv_state_snapshot_free(&s);
	/* A span from the file that runs past the body is cut to it. */
	char sql[200];
	snprintf(sql, sizeof sql, "INSERT INTO quote_star VALUES (%lld, 5, 1000000000)",
		 (long long)rv_hash64(c->articles[1].body, c->articles[1].body_len));
	sql_exec(db_path, sql);
	rv_state_load(st, c, &s, &d);
	char *out = dump_of(c, &s);
	assert_int_equal(d.n, 0);
	/* one line, for a001 only */
	assert_non_null(strstr(out, "{\"article\":\"a001.txt\",\"hash\":\""));
	assert_null(strstr(out, "a000"));
	assert_int_equal(strchr(out, '\n') - out + 1, (ptrdiff_t)strlen(out));
	assert_non_null(strstr(out, "\"note\":\"\\u001B]0;pwned\\u0007\\u001B[2J\\rALICE\\u0008\\u202E\\u009B6n\\\"\\\\"
				    "\\u0000after\xef\xbf\xbd\""));
	assert_non_null(strstr(out, "\"starred_quotes\":[{\"start\":0,\"end\":7,\"text\":\"Article\"},{\"start\":5,"
				    "\"end\":1000000000,\"text\":\""));
	for (const unsigned char *p = (const unsigned char *)out; *p; p++)
		if ((*p < 0x20 && *p != '\n') || *p == 0x7f)
			fail_msg("raw control byte 0x%02x in the dump", *p);
	assert_null(strstr(out, "\xe2\x80\xae"));
	assert_null(strstr(out, "\xc2\x9b"));
	free(out);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	rv_corpus_free(c);
}

static void test_dump_fields(void **state)
{
	(void)state;
	struct rv_corpus *c = numbered_corpus(4);
	struct rv_diags d = {0};
	struct rv_state *st = open_ok(db_path);
	struct rv_state_snapshot s;
	rv_state_load(st, c, &s, &d);
	char *out = dump_of(c, &s);
	assert_string_equal(out, "");
	free(out);
	rv_state_set_read(st, rv_state_of(&s, 3), true, &d);
	rv_state_set_starred(st, rv_state_of(&s, 0), true, &d);
	out = dump_of(c, &s);
	char h0[17], h3[17], want[512];
	rv_hash_hex(rv_state_of(&s, 0)->hash, h0);
	rv_hash_hex(rv_state_of(&s, 3)->hash, h3);
	snprintf(want, sizeof want,
		 "{\"article\":\"a000.txt\",\"hash\":\"%s\",\"read\":false,\"starred\":true,\"note\":null,"
		 "\"starred_quotes\":[]}\n"
		 "{\"article\":\"a003.txt\",\"hash\":\"%s\",\"read\":true,\"starred\":false,\"note\":null,"
		 "\"starred_quotes\":[]}\n",
		 h0, h3);
	assert_string_equal(out, want);
	free(out);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	rv_corpus_free(c);
}

/* --- migrations ------------------------------------------------------------- */

/* A store made by the first schema (no quote stars, no updated column) is
 * brought to the current one with its marks kept. */
static void test_migration_from_version_1(void **state)
{
	(void)state;
	struct rv_corpus *c = numbered_corpus(2);
	struct rv_diags d = {0};
	char dir[160], sql[400];
	snprintf(dir, sizeof dir, "%s/sub", scratch);
	mkdir(dir, 0700);
	strcat(dir, "/dir");
	mkdir(dir, 0700);
	snprintf(sql, sizeof sql,
		 "CREATE TABLE article(hash INTEGER PRIMARY KEY, read INTEGER NOT NULL DEFAULT 0,"
		 " starred INTEGER NOT NULL DEFAULT 0, note TEXT);"
		 "INSERT INTO article VALUES (%lld, 1, 0, 'ancienne note');"
		 "PRAGMA user_version = 1;",
		 (long long)rv_hash64(c->articles[1].body, c->articles[1].body_len));
	sql_exec(db_path, sql);

	/* Read-only first (--dump state): the version 1 file is read as it is. */
	struct rv_state_opts ro = {.path = db_path, .read_only = true};
	struct rv_state *st = rv_state_open(&ro, &d);
	struct rv_state_snapshot s;
	assert_int_equal(rv_state_load(st, c, &s, &d), 0);
	assert_true(rv_state_of(&s, 1)->read);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	assert_int_equal(sql_int(db_path, "PRAGMA user_version"), 1);

	st = open_ok(db_path);
	assert_int_equal(sql_int(db_path, "PRAGMA user_version"), RV_STATE_SCHEMA);
	assert_int_equal(rv_state_load(st, c, &s, &d), 0);
	assert_true(rv_state_of(&s, 1)->read);
	assert_string_equal(rv_state_of(&s, 1)->note, "ancienne note");
	assert_false(rv_state_entry_used(rv_state_of(&s, 0)));
	assert_int_equal(rv_state_star_quote(st, rv_state_of(&s, 1), 0, 7, true, &d), 0);
	assert_int_equal(sql_int(db_path, "SELECT count(*) FROM quote_star"), 1);
	assert_true(sql_int(db_path, "SELECT updated FROM article") > 0);
	assert_int_equal(d.n, 0);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	rv_corpus_free(c);
}

/* Files revue must not touch: a newer revue's store, another program's
 * database, garbage. Each: a warning, read-only, the file unchanged. */
static void check_untouched(const char *what, size_t expect_read)
{
	size_t before_len, after_len;
	char *before = tu_read_file(db_path, &before_len);
	assert_non_null(before);
	struct rv_corpus *c = numbered_corpus(2);
	struct rv_diags d = {0};
	struct rv_state *st = open_at(db_path, 300, &d);
	if (d.n != 1)
		fail_msg("%s: %zu warnings", what, d.n);
	expect_warning(&d, db_path);
	assert_false(rv_state_writable(st));
	struct rv_state_snapshot s;
	rv_state_load(st, c, &s, &d);
	rv_diag_free(&d);
	size_t nread = 0;
	for (size_t i = 0; i < 2; i++)
		nread += rv_state_of(&s, i)->read;
	assert_int_equal(nread, expect_read);
	/* The session goes on: changes show, are not saved. */
	assert_int_equal(rv_state_toggle_read(st, rv_state_of(&s, 0), &d), -1);
	assert_int_equal(rv_state_set_note(st, rv_state_of(&s, 0), "x", 1, &d), -1);
	assert_int_equal(rv_state_star_quote(st, rv_state_of(&s, 0), 1, 2, true, &d), -1);
	assert_string_equal(rv_state_of(&s, 0)->note, "x");
	assert_int_equal(d.n, 0);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	rv_corpus_free(c);
	char *after = tu_read_file(db_path, &after_len);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);
	free(before);
	free(after);
}

static void test_newer_schema_untouched(void **state)
{
	(void)state;
	snprintf(db_path, sizeof db_path, "%s/newer.db", scratch);
	sql_exec(db_path, "CREATE TABLE article(hash INTEGER PRIMARY KEY, read INTEGER, starred INTEGER, note TEXT,"
			  " colour TEXT); PRAGMA user_version = 99;");
	check_untouched("newer schema", 0);
}

static void test_foreign_database_untouched(void **state)
{
	(void)state;
	snprintf(db_path, sizeof db_path, "%s/other.db", scratch);
	sql_exec(db_path, "CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES ('tarte');");
	check_untouched("another program's database", 0);
}

static void test_corrupt_file_untouched(void **state)
{
	(void)state;
	snprintf(db_path, sizeof db_path, "%s/garbage.db", scratch);
	char junk[8192];
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (char)(i * 7919 >> 3);
	write_file(db_path, junk, sizeof junk);
	check_untouched("garbage", 0);
}

/* A real store whose pages were overwritten after the header. */
static void test_damaged_store_untouched(void **state)
{
	(void)state;
	struct rv_corpus *c = numbered_corpus(2);
	struct rv_diags d = {0};
	struct rv_state *st = open_ok(db_path);
	struct rv_state_snapshot s;
	rv_state_load(st, c, &s, &d);
	for (int i = 0; i < 200; i++) {
		char note[64];
		snprintf(note, sizeof note, "note %d", i);
		rv_state_set_note(st, rv_state_of(&s, (size_t)i % 2), note, strlen(note), &d);
	}
	rv_state_snapshot_free(&s);
	rv_state_close(st); /* checkpoints the WAL into the file */
	rv_corpus_free(c);
	size_t n = 0;
	char *bytes = tu_read_file(db_path, &n);
	assert_true(n >= 4096);
	memset(bytes + 100, 0xA5, n - 100);
	write_file(db_path, bytes, n);
	free(bytes);
	/* Either open or load notices; neither crashes nor writes. */
	size_t before_len;
	char *before = tu_read_file(db_path, &before_len);
	st = open_at(db_path, 300, &d);
	rv_state_load(st, c = numbered_corpus(2), &s, &d);
	assert_true(d.n >= 1);
	assert_string_equal(d.v[0].file, db_path);
	rv_diag_free(&d);
	rv_state_set_read(st, rv_state_of(&s, 0), true, &d);
	rv_diag_free(&d);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	rv_corpus_free(c);
	size_t after_len;
	char *after = tu_read_file(db_path, &after_len);
	assert_int_equal(before_len, after_len);
	free(before);
	free(after);
}

/* --- unwritable places --------------------------------------------------- */

static void expect_read_only_session(const char *path)
{
	struct rv_diags d = {0};
	struct rv_state *st = open_at(path, 300, &d);
	expect_warning(&d, path);
	assert_false(rv_state_writable(st));
	struct rv_corpus *c = numbered_corpus(1);
	struct rv_state_snapshot s;
	assert_int_equal(rv_state_load(st, c, &s, &d), 0);
	assert_int_equal(rv_state_set_read(st, rv_state_of(&s, 0), true, &d), -1);
	assert_true(rv_state_of(&s, 0)->read);
	assert_int_equal(d.n, 0);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	rv_corpus_free(c);
}

/* A path whose directory is a file: mkdir fails whoever runs the test. */
static void test_unwritable_path(void **state)
{
	(void)state;
	char file[160], path[200];
	snprintf(file, sizeof file, "%s/plain", scratch);
	write_file(file, "x", 1);
	snprintf(path, sizeof path, "%s/state.db", file);
	expect_read_only_session(path);
}

/* The checks of expect_read_only_session, for a child process (no cmocka
 * asserts there): 0 when all hold; *marks gets how many of the corpus's
 * articles showed as read. */
static int child_read_only_session(const char *path, const struct rv_corpus *c, size_t *marks)
{
	struct rv_diags d = {0};
	struct rv_state *st = open_at(path, 300, &d);
	int bad = d.n != 1 || strcmp(d.v[0].file, path) != 0 || rv_state_writable(st);
	rv_diag_free(&d);
	struct rv_state_snapshot s;
	rv_state_load(st, c, &s, &d);
	*marks = 0;
	for (size_t i = 0; i < c->n; i++)
		*marks += rv_state_of(&s, i)->read;
	bad |= rv_state_set_starred(st, rv_state_of(&s, 0), true, &d) != -1 || !rv_state_of(&s, 0)->starred;
	rv_diag_free(&d);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	return bad;
}

/* A FIFO would block SQLite's first read; a device is no store. */
static void test_not_a_regular_file(void **state)
{
	(void)state;
	char fifo[160];
	snprintf(fifo, sizeof fifo, "%s/fifo.db", scratch);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	alarm(20); /* a hang fails the test instead of the whole suite */
	expect_read_only_session(fifo);
	expect_read_only_session("/dev/zero");
	expect_read_only_session(scratch); /* a directory */
	struct rv_diags d = {0};
	struct rv_state_opts o = {.path = fifo, .read_only = true};
	struct rv_state *st = rv_state_open(&o, &d);
	expect_warning(&d, fifo);
	rv_state_close(st);
	alarm(0);
}

/* A read-only directory, and in it a read-only store holding marks: a
 * warning, a read-only session that still shows the marks, nothing written.
 * Root writes anywhere, so as root the check runs in a child that becomes
 * nobody. */
static void test_read_only_directory(void **state)
{
	(void)state;
	expect_read_only_session("/proc/revue-state-test/state.db"); /* not even root writes there */
	expect_read_only_session("/proc/state.db");

	struct rv_corpus *c = numbered_corpus(2);
	char dir[160], path[200], empty_path[200];
	snprintf(dir, sizeof dir, "%s/ro", scratch);
	snprintf(path, sizeof path, "%s/state.db", dir);
	snprintf(empty_path, sizeof empty_path, "%s/new.db", dir);
	struct rv_diags d = {0};
	struct rv_state *st = open_ok(path);
	struct rv_state_snapshot s;
	rv_state_load(st, c, &s, &d);
	rv_state_set_read(st, rv_state_of(&s, 1), true, &d);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	size_t before_len;
	char *before = tu_read_file(path, &before_len);
	chmod(scratch, 0755);
	chmod(path, 0444);
	chmod(dir, 0555);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(3);
		size_t marks_new, marks_old;
		int bad = child_read_only_session(empty_path, c, &marks_new);
		bad |= child_read_only_session(path, c, &marks_old) << 1;
		bad |= (marks_new != 0) << 2 | (marks_old != 1) << 3;
		_exit(bad);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	chmod(dir, 0700);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 3) {
		free(before);
		rv_corpus_free(c);
		print_message("    root that cannot become nobody: the chmod case is not run\n");
		skip();
	}
	if (WEXITSTATUS(status))
		fail_msg("read-only directory: child status %d", WEXITSTATUS(status));
	size_t after_len;
	char *after = tu_read_file(path, &after_len);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);
	assert_int_equal(access(empty_path, F_OK), -1);
	free(before);
	free(after);
	rv_corpus_free(c);
}

/* The disk fills up during a session (a file size limit stands in for it):
 * the write fails, a warning, the session read-only from then on. */
static void test_disk_full(void **state)
{
	(void)state;
	struct rv_corpus *c = numbered_corpus(2);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		signal(SIGXFSZ, SIG_IGN);
		struct rlimit rl = {64 * 1024, 64 * 1024};
		setrlimit(RLIMIT_FSIZE, &rl);
		struct rv_diags d = {0};
		struct rv_state *st = open_at(db_path, 0, &d);
		struct rv_state_snapshot s;
		rv_state_load(st, c, &s, &d);
		int ok = d.n == 0 && rv_state_writable(st);
		ok = ok && rv_state_set_read(st, rv_state_of(&s, 0), true, &d) == 0;
		char *big = rv_xmalloc(RV_STATE_NOTE_MAX);
		memset(big, 'n', RV_STATE_NOTE_MAX);
		ok = ok && rv_state_set_note(st, rv_state_of(&s, 1), big, RV_STATE_NOTE_MAX, &d) == -1;
		ok = ok && d.n == 1 && !strcmp(d.v[0].file, db_path) && !rv_state_writable(st);
		ok = ok && rv_state_set_starred(st, rv_state_of(&s, 1), true, &d) == -1;
		ok = ok && rv_state_of(&s, 1)->starred && rv_state_of(&s, 1)->note_len == RV_STATE_NOTE_MAX;
		free(big);
		rv_diag_free(&d);
		rv_state_snapshot_free(&s);
		rv_state_close(st);
		rv_corpus_free(c);
		_exit(ok ? 0 : 1);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	/* What was saved before is there; the store is whole. */
	struct rv_diags d = {0};
	struct rv_state *st = open_ok(db_path);
	struct rv_state_snapshot s;
	assert_int_equal(rv_state_load(st, c, &s, &d), 0);
	assert_true(rv_state_of(&s, 0)->read);
	assert_false(rv_state_entry_used(rv_state_of(&s, 1)));
	assert_int_equal(sql_int(db_path, "PRAGMA integrity_check") != -1, 1);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	rv_corpus_free(c);
}

/* --- locks and two processes ------------------------------------------------ */

/* A child that takes a lock on the store (how: sql), says so on a pipe and
 * holds it until the parent closes the other pipe. */
static pid_t hold_lock(const char *sql, int *release_fd)
{
	int ready[2], release[2];
	assert_int_equal(pipe(ready), 0);
	assert_int_equal(pipe(release), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(ready[0]);
		close(release[1]);
		sqlite3 *db;
		int ok = sqlite3_open(db_path, &db) == SQLITE_OK &&
			 sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
		char b = ok ? 'y' : 'n';
		if (write(ready[1], &b, 1) != 1)
			_exit(2);
		if (read(release[0], &b, 1) < 0)
			_exit(2);
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		sqlite3_close(db);
		_exit(ok ? 0 : 1);
	}
	close(ready[1]);
	close(release[0]);
	char b = 0;
	assert_int_equal(read(ready[0], &b, 1), 1);
	close(ready[0]);
	assert_int_equal(b, 'y');
	*release_fd = release[1];
	return pid;
}

static void release_lock(pid_t pid, int fd)
{
	close(fd);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* Another process holds the write lock longer than the busy timeout: the
 * store still opens and reads (WAL), the write fails after the timeout with
 * a warning, and the session goes on read-only. */
static void test_locked_too_long_on_write(void **state)
{
	(void)state;
	rv_state_close(open_ok(db_path));
	struct rv_corpus *c = numbered_corpus(2);
	int fd;
	pid_t pid = hold_lock("BEGIN IMMEDIATE; INSERT INTO article(hash, read) VALUES (1, 1);", &fd);
	struct rv_diags d = {0};
	struct rv_state *st = open_at(db_path, 200, &d);
	assert_int_equal(d.n, 0);
	struct rv_state_snapshot s;
	assert_int_equal(rv_state_load(st, c, &s, &d), 0);
	double t0 = now_s();
	assert_int_equal(rv_state_set_read(st, rv_state_of(&s, 0), true, &d), -1);
	double waited = now_s() - t0;
	assert_true(waited >= 0.15 && waited < 5);
	expect_warning(&d, db_path);
	assert_false(rv_state_writable(st));
	assert_true(rv_state_of(&s, 0)->read);
	release_lock(pid, fd);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	rv_corpus_free(c);
}

/* Another process holds the file exclusively: opening gives up after the
 * timeout with a warning and an empty read-only store. */
static void test_locked_too_long_on_open(void **state)
{
	(void)state;
	rv_state_close(open_ok(db_path));
	int fd;
	pid_t pid = hold_lock("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
			      " INSERT INTO article(hash, read) VALUES (1, 1);",
			      &fd);
	struct rv_diags d = {0};
	double t0 = now_s();
	struct rv_state *st = open_at(db_path, 200, &d);
	assert_true(now_s() - t0 < 5);
	expect_warning(&d, db_path);
	assert_false(rv_state_writable(st));
	struct rv_corpus *c = numbered_corpus(1);
	struct rv_state_snapshot s;
	rv_state_load(st, c, &s, &d);
	rv_diag_free(&d);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	rv_corpus_free(c);
	release_lock(pid, fd);
}

enum { NCONC = 40, TOGGLES = 51 };

/* One of the two writers: marks every article read (writer 0) or gives each
 * a note and a starred quote (writer 1), and both toggle the star of
 * article 0 TOGGLES times, interleaved. */
static int writer(int who, const struct rv_corpus *c)
{
	struct rv_diags d = {0};
	struct rv_state *st = open_at(db_path, 20000, &d);
	struct rv_state_snapshot s;
	int ok = d.n == 0 && rv_state_load(st, c, &s, &d) == 0;
	for (size_t i = 0; ok && i < NCONC; i++) {
		struct rv_state_entry *e = rv_state_of(&s, i);
		if (who == 0) {
			ok = rv_state_set_read(st, e, true, &d) == 0;
		} else {
			char note[32];
			snprintf(note, sizeof note, "note %zu", i);
			ok = rv_state_set_note(st, e, note, strlen(note), &d) == 0 &&
			     rv_state_star_quote(st, e, i, i + 3, true, &d) == 0;
		}
		if (ok && i < TOGGLES)
			ok = rv_state_toggle_starred(st, rv_state_of(&s, 0), &d) == 0;
	}
	for (size_t i = NCONC; ok && i < TOGGLES; i++)
		ok = rv_state_toggle_starred(st, rv_state_of(&s, 0), &d) == 0;
	if (ok)
		rv_state_snapshot_free(&s);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "writer %d: %s\n", who, d.v[i].msg);
	rv_state_close(st);
	rv_diag_free(&d);
	return ok ? 0 : 1;
}

/* The two start together on no file at all, so they also race to make the
 * directories, the file and the schema. */
static void test_two_processes_lose_nothing(void **state)
{
	(void)state;
	struct rv_corpus *c = numbered_corpus(NCONC);
	pid_t pids[2];
	for (int w = 0; w < 2; w++) {
		pids[w] = fork();
		assert_true(pids[w] >= 0);
		if (pids[w] == 0) {
			int rc = writer(w, c);
			rv_corpus_free(c);
			_exit(rc);
		}
	}
	for (int w = 0; w < 2; w++) {
		int status;
		assert_int_equal(waitpid(pids[w], &status, 0), pids[w]);
		assert_true(WIFEXITED(status));
		if (WEXITSTATUS(status))
			fail_msg("writer %d failed", w);
	}
	struct rv_diags d = {0};
	struct rv_state *st = open_ok(db_path);
	struct rv_state_snapshot s;
	assert_int_equal(rv_state_load(st, c, &s, &d), 0);
	for (size_t i = 0; i < NCONC; i++) {
		const struct rv_state_entry *e = rv_state_of(&s, i);
		char note[32];
		snprintf(note, sizeof note, "note %zu", i);
		assert_true(e->read);
		assert_non_null(e->note);
		assert_string_equal(e->note, note);
		assert_int_equal(e->nquotes, 1);
		assert_int_equal(e->quotes[0].start, i);
	}
	/* 2 × TOGGLES flips, an even number: a lost one would leave it starred. */
	assert_false(rv_state_of(&s, 0)->starred);
	assert_int_equal(sql_int(db_path, "SELECT count(*) FROM article WHERE starred"), 0);
	rv_state_snapshot_free(&s);
	rv_state_close(st);
	rv_corpus_free(c);
}

/* A toggle flips what is stored, not the caller's stale copy. */
static void test_toggle_sees_the_other_process(void **state)
{
	(void)state;
	struct rv_corpus *c = numbered_corpus(1);
	struct rv_diags d = {0};
	struct rv_state *a = open_ok(db_path), *b = open_ok(db_path);
	struct rv_state_snapshot sa, sb;
	rv_state_load(a, c, &sa, &d);
	rv_state_load(b, c, &sb, &d);
	assert_int_equal(rv_state_toggle_read(a, rv_state_of(&sa, 0), &d), 0);
	assert_true(rv_state_of(&sa, 0)->read);
	assert_false(rv_state_of(&sb, 0)->read); /* b's copy is stale */
	assert_int_equal(rv_state_toggle_read(b, rv_state_of(&sb, 0), &d), 0);
	assert_false(rv_state_of(&sb, 0)->read); /* flipped the stored true */
	assert_int_equal(sql_int(db_path, "SELECT count(*) FROM article"), 0);
	assert_int_equal(d.n, 0);
	rv_state_snapshot_free(&sa);
	rv_state_snapshot_free(&sb);
	rv_state_close(a);
	rv_state_close(b);
	rv_corpus_free(c);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(test_open_creates_dirs_and_schema),
	    T(test_default_path),
	    T(test_read_only_open_makes_nothing),
	    T(test_round_trip),
	    T(test_rename_keeps_state),
	    T(test_other_corpora_skipped),
	    T(test_quote_find),
	    T(test_huge_note),
	    T(test_dump_hostile_note),
	    T(test_dump_fields),
	    T(test_migration_from_version_1),
	    T(test_newer_schema_untouched),
	    T(test_foreign_database_untouched),
	    T(test_corrupt_file_untouched),
	    T(test_damaged_store_untouched),
	    T(test_unwritable_path),
	    T(test_not_a_regular_file),
	    T(test_read_only_directory),
	    T(test_disk_full),
	    T(test_locked_too_long_on_write),
	    T(test_locked_too_long_on_open),
	    T(test_two_processes_lose_nothing),
	    T(test_toggle_sees_the_other_process),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
