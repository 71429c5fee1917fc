#include "revue/state.h"

#include "revue/hash.h"
#include "revue/util.h"

#include <errno.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* --- the schema: migrations in order, migration k taking version k to k+1 - */

static const char *const migrations[] = {
	"CREATE TABLE article(hash INTEGER PRIMARY KEY, read INTEGER NOT NULL DEFAULT 0,"
	" starred INTEGER NOT NULL DEFAULT 0, note TEXT);",
	/* 2: stars on quotes, and when each article's state last changed */
	"CREATE TABLE quote_star(article INTEGER NOT NULL, start_byte INTEGER NOT NULL,"
	" end_byte INTEGER NOT NULL, PRIMARY KEY (article, start_byte, end_byte)) WITHOUT ROWID;"
	"ALTER TABLE article ADD COLUMN updated INTEGER NOT NULL DEFAULT 0;",
};

_Static_assert(RV_ARRAY_LEN(migrations) == RV_STATE_SCHEMA, "one migration per schema version");

/* The prepared statements, made once when the store opens read-write. */
enum stmt {
	S_BEGIN,
	S_COMMIT,
	S_ROLLBACK,
	S_ENSURE,
	S_SET_READ,
	S_SET_STARRED,
	S_TOGGLE_READ,
	S_TOGGLE_STARRED,
	S_SET_NOTE,
	S_TOUCH,
	S_STAR_QUOTE,
	S_UNSTAR_QUOTE,
	S_PRUNE,
	S_COUNT
};

static const char *const stmt_sql[S_COUNT] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
	[S_ENSURE] = "INSERT INTO article(hash) VALUES (?1) ON CONFLICT DO NOTHING",
	[S_SET_READ] = "UPDATE article SET read = ?2 WHERE hash = ?1 RETURNING read",
	[S_SET_STARRED] = "UPDATE article SET starred = ?2 WHERE hash = ?1 RETURNING starred",
	[S_TOGGLE_READ] = "UPDATE article SET read = 1 - read WHERE hash = ?1 RETURNING read",
	[S_TOGGLE_STARRED] = "UPDATE article SET starred = 1 - starred WHERE hash = ?1 RETURNING starred",
	[S_SET_NOTE] = "UPDATE article SET note = ?2 WHERE hash = ?1",
	[S_TOUCH] = "UPDATE article SET updated = ?2 WHERE hash = ?1",
	[S_STAR_QUOTE] = "INSERT INTO quote_star VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
	[S_UNSTAR_QUOTE] = "DELETE FROM quote_star WHERE article = ?1 AND start_byte = ?2 AND end_byte = ?3",
	/* One statement over two lines, not two elements: the parentheses say so. */
	[S_PRUNE] = ("DELETE FROM article WHERE hash = ?1 AND read = 0 AND starred = 0 AND note IS NULL"
		     " AND NOT EXISTS (SELECT 1 FROM quote_star WHERE article = ?1)"),
};

struct rv_state {
	sqlite3 *db;   /* NULL when nothing could be opened */
	bool writable; /* db is read-write and nothing has failed yet */
	int version;   /* the schema version of db */
	char *path;
	sqlite3_stmt *stmt[S_COUNT];
};

/* --- where the file is --------------------------------------------------- */

static char *default_path(void)
{
	const char *env = getenv("REVUE_STATE");
	if (env && *env)
		return rv_xstrdup(env);
	const char *xdg = getenv("XDG_STATE_HOME");
	if (xdg && xdg[0] == '/')
		return rv_xasprintf("%s/revue/state.db", xdg);
	const char *home = getenv("HOME");
	if (home && *home)
		return rv_xasprintf("%s/.local/state/revue/state.db", home);
	return NULL;
}

/* mkdir -p of the directory holding path; 0, or -1 with errno set. */
static int make_parent(const char *path)
{
	char *dir = rv_xstrdup(path);
	char *slash = strrchr(dir, '/');
	int rc = 0;
	if (slash && slash != dir) {
		*slash = '\0';
		for (char *p = dir + 1; rc == 0; p++) {
			if (*p != '/' && *p != '\0')
				continue;
			char c = *p;
			*p = '\0';
			struct stat sb;
			if (mkdir(dir, 0700) < 0 && errno != EEXIST)
				rc = -1;
			else if (stat(dir, &sb) == 0 && !S_ISDIR(sb.st_mode))
				rc = -1, errno = ENOTDIR;
			*p = c;
			if (!c)
				break;
		}
	}
	free(dir);
	return rc;
}

/* --- opening ------------------------------------------------------------- */

/* SQLite's words for the last error, with the system's when a system call
 * failed ("unable to open database file" alone does not say why). */
static char *db_error(sqlite3 *db, int rc)
{
	if (!db)
		return rv_xstrdup(sqlite3_errstr(rc));
	int sys = sqlite3_system_errno(db);
	int primary = sqlite3_errcode(db) & 0xff;
	if (sys && (primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR || primary == SQLITE_FULL ||
		    primary == SQLITE_READONLY))
		return rv_xasprintf("%s: %s", sqlite3_errmsg(db), strerror(sys));
	return rv_xstrdup(sqlite3_errmsg(db));
}

static int user_version(sqlite3 *db, int *out)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(s, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

/* Does the file hold tables of something else than revue? */
static int foreign_tables(sqlite3 *db, bool *out)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(s, 0) > 0;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

/* Brings the schema to RV_STATE_SCHEMA in one transaction; the version is
 * read again inside it, as another process may have migrated meanwhile.
 * Returns an SQLite code; *why is set for a file revue must not touch. */
static int migrate(sqlite3 *db, int *version, const char **why)
{
	int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return rc;
	bool foreign = false;
	rc = user_version(db, version);
	if (rc == SQLITE_OK && *version == 0)
		rc = foreign_tables(db, &foreign);
	if (rc == SQLITE_OK && foreign) {
		*why = "it holds tables that are not revue's";
		rc = SQLITE_ERROR;
	}
	for (int v = *version; rc == SQLITE_OK && v < RV_STATE_SCHEMA; v++)
		rc = sqlite3_exec(db, migrations[v], NULL, NULL, NULL);
	if (rc == SQLITE_OK && *version < RV_STATE_SCHEMA) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", RV_STATE_SCHEMA);
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	else
		*version = RV_STATE_SCHEMA;
	return rc;
}

/* WAL mode (it stays set in the file) and the syncing WAL needs. Turning a
 * new file to WAL takes an exclusive lock without calling the busy handler,
 * so two revues making the store at once would see SQLITE_BUSY at once: the
 * switch is retried for as long as the busy timeout. */
static int set_wal(sqlite3 *db, int busy_ms)
{
	int rc;
	for (int waited = 0;; waited += 10) {
		rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
		if ((rc & 0xff) != SQLITE_BUSY || waited >= busy_ms)
			break;
		sqlite3_sleep(10);
	}
	return rc == SQLITE_OK ? sqlite3_exec(db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL) : rc;
}

/* The read-write store; SQLITE_OK, or a code and a reason in *why. */
static int open_rw(struct rv_state *st, int busy_ms, const char **why)
{
	if (make_parent(st->path) < 0) {
		*why = strerror(errno);
		return SQLITE_CANTOPEN;
	}
	int rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_busy_timeout(st->db, busy_ms);
	/* Reading the version first tells a corrupt file from a busy one, and a
	 * file that is not revue's, before anything is written to it. The two
	 * reads share one transaction: between them another revue may have
	 * made the schema, which would look like tables of another program. */
	int v = 0;
	bool foreign = false;
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL);
	if (rc == SQLITE_OK) {
		rc = user_version(st->db, &v);
		if (rc == SQLITE_OK && v == 0)
			rc = foreign_tables(st->db, &foreign);
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	}
	if (rc == SQLITE_OK && v > RV_STATE_SCHEMA) {
		*why = "it was made by a newer revue";
		return SQLITE_ERROR;
	}
	if (rc == SQLITE_OK && foreign) {
		*why = "it holds tables that are not revue's";
		return SQLITE_ERROR;
	}
	if (rc == SQLITE_OK)
		rc = set_wal(st->db, busy_ms);
	if (rc == SQLITE_OK && v < RV_STATE_SCHEMA)
		rc = migrate(st->db, &st->version, why);
	else
		st->version = v;
	for (int k = 0; k < S_COUNT && rc == SQLITE_OK; k++)
		rc = sqlite3_prepare_v3(st->db, stmt_sql[k], -1, SQLITE_PREPARE_PERSISTENT, &st->stmt[k],
					NULL);
	return rc;
}

static void close_db(struct rv_state *st)
{
	for (int k = 0; k < S_COUNT; k++) {
		sqlite3_finalize(st->stmt[k]);
		st->stmt[k] = NULL;
	}
	sqlite3_close(st->db);
	st->db = NULL;
}

static bool dir_writable(const char *path)
{
	char *dir = rv_xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir] = '\0';
	bool w = access(slash ? dir : ".", W_OK) == 0;
	free(dir);
	return w;
}

/* file:PATH?immutable=1, PATH percent-encoded but for its slashes. */
static char *immutable_uri(const char *path)
{
	struct rv_buf b = {0};
	rv_buf_adds(&b, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/-._~", *p))
			rv_buf_addc(&b, (char)*p);
		else
			rv_buf_printf(&b, "%%%02X", *p);
	}
	rv_buf_adds(&b, "?immutable=1");
	return rv_buf_steal(&b);
}

/* After a failed read-write open, or for a read-only store: the file
 * read-only, if it can still be read and is a revue store; else nothing.
 * Never creates or changes it. Returns NULL, or why it cannot be read (to
 * free). */
static char *open_ro(struct rv_state *st, int busy_ms)
{
	int v = 0;
	int rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_busy_timeout(st->db, busy_ms);
	if (rc == SQLITE_OK)
		rc = user_version(st->db, &v);
	if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_NOTADB &&
	    !dir_writable(st->path)) {
		/* A WAL file in a directory nobody may write: SQLite cannot make
		 * its shared-memory file, but then nobody else can be writing the
		 * store either, and it may be read as an immutable file. */
		close_db(st);
		char *uri = immutable_uri(st->path);
		rc = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
		free(uri);
		if (rc == SQLITE_OK)
			rc = user_version(st->db, &v);
	}
	char *why = NULL;
	if (rc != SQLITE_OK)
		why = db_error(st->db, rc);
	else if (v < 1 || v > RV_STATE_SCHEMA)
		why = rv_xasprintf("not a revue state file of a known version (version %d)", v);
	if (why)
		close_db(st);
	else
		st->version = v;
	return why;
}

struct rv_state *rv_state_open(const struct rv_state_opts *opts, struct rv_diags *diags)
{
	struct rv_state *st = rv_xcalloc(1, sizeof *st);
	int busy_ms = opts && opts->busy_ms > 0 ? opts->busy_ms : RV_STATE_BUSY_MS;
	st->path = opts && opts->path ? rv_xstrdup(opts->path) : default_path();
	if (!st->path) {
		st->path = rv_xstrdup("");
		rv_diag_add(diags, NULL, 0,
			    "no place for the state file (HOME is not set): read marks, stars and notes "
			    "will not be saved");
		return st;
	}
	/* SQLite would block reading a FIFO, and has no business with devices. */
	struct stat sb;
	if (stat(st->path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		if (opts && opts->read_only)
			rv_diag_add(diags, st->path, 0, "cannot read the state file (not a regular file)");
		else
			rv_diag_add(diags, st->path, 0,
				    "cannot use the state file (not a regular file): read marks, stars and "
				    "notes will not be saved in this session");
		return st;
	}
	if (opts && opts->read_only) {
		char *why = stat(st->path, &sb) == 0 ? open_ro(st, busy_ms) : NULL;
		if (why)
			rv_diag_add(diags, st->path, 0, "cannot read the state file (%s)", why);
		free(why);
		return st;
	}
	const char *why = NULL;
	int rc = open_rw(st, busy_ms, &why);
	if (rc == SQLITE_OK) {
		st->writable = true;
		return st;
	}
	char *err = why ? rv_xstrdup(why) : db_error(st->db, rc);
	rv_diag_add(diags, st->path, 0,
		    "cannot use the state file (%s): read marks, stars and notes will not be saved in "
		    "this session",
		    err);
	free(err);
	close_db(st);
	free(open_ro(st, busy_ms));
	return st;
}

void rv_state_close(struct rv_state *st)
{
	if (!st)
		return;
	close_db(st);
	free(st->path);
	free(st);
}

const char *rv_state_path(const struct rv_state *st)
{
	return st->path;
}

bool rv_state_writable(const struct rv_state *st)
{
	return st->writable;
}

/* --- loading ------------------------------------------------------------- */

struct keyed {
	uint64_t hash;
	size_t article;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return x->article < y->article ? -1 : x->article > y->article;
}

/* The snapshot's entries, one per distinct hash, sorted by hash. */
static void build_entries(const struct rv_corpus *c, struct rv_state_snapshot *s)
{
	struct keyed *k = rv_xmalloc((c->n ? c->n : 1) * sizeof *k);
	for (size_t i = 0; i < c->n; i++)
		k[i] = (struct keyed){c->articles[i].hash, i};
	qsort(k, c->n, sizeof *k, cmp_keyed);
	s->entries = rv_xcalloc(c->n ? c->n : 1, sizeof *s->entries);
	s->of_article = rv_xmalloc((c->n ? c->n : 1) * sizeof *s->of_article);
	s->narticles = c->n;
	s->nentries = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (!i || k[i].hash != k[i - 1].hash)
			s->entries[s->nentries++].hash = k[i].hash;
		s->of_article[k[i].article] = s->nentries - 1;
	}
	free(k);
}

static struct rv_state_entry *find_entry(const struct rv_state_snapshot *s, uint64_t hash)
{
	size_t lo = 0, hi = s->nentries;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->entries[mid].hash < hash)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->nentries && s->entries[lo].hash == hash ? &s->entries[lo] : NULL;
}

static void entry_set_note(struct rv_state_entry *e, const char *text, size_t len)
{
	free(e->note);
	e->note = len ? rv_xstrndup(text, len) : NULL;
	e->note_len = e->note ? len : 0;
}

static void clear_entries(struct rv_state_snapshot *s)
{
	for (size_t i = 0; i < s->nentries; i++) {
		struct rv_state_entry *e = &s->entries[i];
		free(e->note);
		free(e->quotes);
		*e = (struct rv_state_entry){.hash = e->hash};
	}
}

static int load_articles(sqlite3 *db, struct rv_state_snapshot *s)
{
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(db, "SELECT hash, read, starred, note FROM article", -1, &q, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		/* Rows of articles of other corpora are skipped. */
		struct rv_state_entry *e = find_entry(s, (uint64_t)sqlite3_column_int64(q, 0));
		if (!e)
			continue;
		e->read = sqlite3_column_int(q, 1) != 0;
		e->starred = sqlite3_column_int(q, 2) != 0;
		const char *note = (const char *)sqlite3_column_text(q, 3);
		if (note)
			entry_set_note(e, note, (size_t)sqlite3_column_bytes(q, 3));
	}
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void add_quote(struct rv_state_entry *e, size_t start, size_t end)
{
	e->quotes = rv_xrealloc(e->quotes, (e->nquotes + 1) * sizeof *e->quotes);
	e->quotes[e->nquotes++] = (struct rv_state_quote){start, end};
}

static int load_quotes(sqlite3 *db, struct rv_state_snapshot *s)
{
	sqlite3_stmt *q;
	const char *sql = "SELECT article, start_byte, end_byte FROM quote_star ORDER BY 1, 2, 3";
	int rc = sqlite3_prepare_v2(db, sql, -1, &q, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		struct rv_state_entry *e = find_entry(s, (uint64_t)sqlite3_column_int64(q, 0));
		sqlite3_int64 start = sqlite3_column_int64(q, 1), end = sqlite3_column_int64(q, 2);
		if (e && start >= 0 && end > start)
			add_quote(e, (size_t)start, (size_t)end);
	}
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int rv_state_load(struct rv_state *st, const struct rv_corpus *c, struct rv_state_snapshot *out,
		  struct rv_diags *diags)
{
	*out = (struct rv_state_snapshot){0};
	build_entries(c, out);
	if (!st->db)
		return 0;
	/* One read transaction, so the two queries see the same state. */
	int rc = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = load_articles(st->db, out);
	if (rc == SQLITE_OK && st->version >= 2)
		rc = load_quotes(st->db, out);
	if (rc != SQLITE_OK)
		rv_diag_add(diags, st->path, 0,
			    "cannot read the state file (%s): marks, stars and notes are not shown",
			    sqlite3_errmsg(st->db));
	sqlite3_exec(st->db, rc == SQLITE_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		clear_entries(out);
		return -1;
	}
	return 0;
}

void rv_state_snapshot_free(struct rv_state_snapshot *s)
{
	clear_entries(s);
	free(s->entries);
	free(s->of_article);
	*s = (struct rv_state_snapshot){0};
}

bool rv_state_entry_used(const struct rv_state_entry *e)
{
	return e->read || e->starred || e->note || e->nquotes;
}

/* --- writing ------------------------------------------------------------- */

static int step_reset(sqlite3_stmt *s, int *value)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		if (value)
			*value = sqlite3_column_int(s, 0);
		rc = sqlite3_step(s);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* A failed write: the session goes on read-only, and says so once. */
static int write_failed(struct rv_state *st, int rc, struct rv_diags *diags)
{
	char *why = db_error(st->db, rc);
	rv_diag_add(diags, st->path, 0,
		    "cannot save to the state file (%s): changes from now on are kept until revue "
		    "exits, not saved",
		    why);
	free(why);
	step_reset(st->stmt[S_ROLLBACK], NULL);
	st->writable = false;
	return -1;
}

/* Opens the write transaction and makes sure the article has its row. */
static int begin_write(struct rv_state *st, uint64_t hash)
{
	int rc = step_reset(st->stmt[S_BEGIN], NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st->stmt[S_ENSURE], 1, (sqlite3_int64)hash);
	return step_reset(st->stmt[S_ENSURE], NULL);
}

/* Dates the change, drops the row when nothing is left in it, commits. */
static int end_write(struct rv_state *st, uint64_t hash)
{
	sqlite3_bind_int64(st->stmt[S_TOUCH], 1, (sqlite3_int64)hash);
	sqlite3_bind_int64(st->stmt[S_TOUCH], 2, (sqlite3_int64)time(NULL));
	int rc = step_reset(st->stmt[S_TOUCH], NULL);
	sqlite3_bind_int64(st->stmt[S_PRUNE], 1, (sqlite3_int64)hash);
	if (rc == SQLITE_OK)
		rc = step_reset(st->stmt[S_PRUNE], NULL);
	return rc == SQLITE_OK ? step_reset(st->stmt[S_COMMIT], NULL) : rc;
}

/* Runs one of the UPDATE ... RETURNING statements on the entry's row;
 * *value is the field's stored value afterwards. */
static int write_flag(struct rv_state *st, enum stmt k, uint64_t hash, int set, int *value)
{
	int rc = begin_write(st, hash);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_stmt *s = st->stmt[k];
	sqlite3_bind_int64(s, 1, (sqlite3_int64)hash);
	if (k == S_SET_READ || k == S_SET_STARRED)
		sqlite3_bind_int(s, 2, set);
	rc = step_reset(s, value);
	return rc == SQLITE_OK ? end_write(st, hash) : rc;
}

static int change_flag(struct rv_state *st, struct rv_state_entry *e, bool *field, enum stmt k, bool toggle,
		       bool to, struct rv_diags *diags)
{
	bool want = toggle ? !*field : to;
	if (!st->writable) {
		*field = want;
		return -1;
	}
	int stored = want;
	int rc = write_flag(st, k, e->hash, want, &stored);
	if (rc != SQLITE_OK) {
		*field = want;
		return write_failed(st, rc, diags);
	}
	*field = stored != 0;
	return 0;
}

int rv_state_set_read(struct rv_state *st, struct rv_state_entry *e, bool read, struct rv_diags *diags)
{
	return change_flag(st, e, &e->read, S_SET_READ, false, read, diags);
}

int rv_state_set_starred(struct rv_state *st, struct rv_state_entry *e, bool starred, struct rv_diags *diags)
{
	return change_flag(st, e, &e->starred, S_SET_STARRED, false, starred, diags);
}

int rv_state_toggle_read(struct rv_state *st, struct rv_state_entry *e, struct rv_diags *diags)
{
	return change_flag(st, e, &e->read, S_TOGGLE_READ, true, false, diags);
}

int rv_state_toggle_starred(struct rv_state *st, struct rv_state_entry *e, struct rv_diags *diags)
{
	return change_flag(st, e, &e->starred, S_TOGGLE_STARRED, true, false, diags);
}

int rv_state_set_note(struct rv_state *st, struct rv_state_entry *e, const char *text, size_t len,
		      struct rv_diags *diags)
{
	if (len > RV_STATE_NOTE_MAX) {
		rv_diag_add(diags, st->path, 0, "note not saved: %zu bytes, more than the %zu allowed", len,
			    RV_STATE_NOTE_MAX);
		return -1;
	}
	entry_set_note(e, text, len);
	if (!st->writable)
		return -1;
	int rc = begin_write(st, e->hash);
	if (rc == SQLITE_OK) {
		sqlite3_stmt *s = st->stmt[S_SET_NOTE];
		sqlite3_bind_int64(s, 1, (sqlite3_int64)e->hash);
		if (len)
			sqlite3_bind_text(s, 2, text, (int)len, SQLITE_STATIC);
		else
			sqlite3_bind_null(s, 2);
		rc = step_reset(s, NULL);
	}
	if (rc == SQLITE_OK)
		rc = end_write(st, e->hash);
	return rc == SQLITE_OK ? 0 : write_failed(st, rc, diags);
}

static void entry_star_quote(struct rv_state_entry *e, size_t start, size_t end, bool on)
{
	size_t i = 0;
	while (i < e->nquotes &&
	       (e->quotes[i].start < start || (e->quotes[i].start == start && e->quotes[i].end < end)))
		i++;
	bool there = i < e->nquotes && e->quotes[i].start == start && e->quotes[i].end == end;
	if (on && !there) {
		e->quotes = rv_xrealloc(e->quotes, (e->nquotes + 1) * sizeof *e->quotes);
		memmove(e->quotes + i + 1, e->quotes + i, (e->nquotes - i) * sizeof *e->quotes);
		e->quotes[i] = (struct rv_state_quote){start, end};
		e->nquotes++;
	} else if (!on && there) {
		memmove(e->quotes + i, e->quotes + i + 1, (e->nquotes - i - 1) * sizeof *e->quotes);
		e->nquotes--;
	}
}

int rv_state_star_quote(struct rv_state *st, struct rv_state_entry *e, size_t start, size_t end, bool on,
			struct rv_diags *diags)
{
	if (start >= end || end > (size_t)INT64_MAX)
		return -1;
	entry_star_quote(e, start, end, on);
	if (!st->writable)
		return -1;
	int rc = begin_write(st, e->hash);
	if (rc == SQLITE_OK) {
		sqlite3_stmt *s = st->stmt[on ? S_STAR_QUOTE : S_UNSTAR_QUOTE];
		sqlite3_bind_int64(s, 1, (sqlite3_int64)e->hash);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)start);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)end);
		rc = step_reset(s, NULL);
	}
	if (rc == SQLITE_OK)
		rc = end_write(st, e->hash);
	return rc == SQLITE_OK ? 0 : write_failed(st, rc, diags);
}

const struct rv_state_quote *rv_state_quote_find(const struct rv_state_entry *e, size_t start, size_t end)
{
	const struct rv_state_quote *best = NULL;
	size_t best_overlap = 0;
	for (size_t i = 0; i < e->nquotes; i++) {
		const struct rv_state_quote *q = &e->quotes[i];
		if (q->start == start && q->end == end)
			return q;
		size_t lo = q->start > start ? q->start : start, hi = q->end < end ? q->end : end;
		if (hi <= lo)
			continue;
		size_t shorter = q->end - q->start < end - start ? q->end - q->start : end - start;
		if (2 * (hi - lo) >= shorter && hi - lo > best_overlap) {
			best = q;
			best_overlap = hi - lo;
		}
	}
	return best;
}
