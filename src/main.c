/* main.c — command line → load → the reader on a terminal, or a dump. */
#include "revue/cache.h"
#include "revue/config.h"
#include "revue/corpus.h"
#include "revue/dump.h"
#include "revue/index.h"
#include "revue/search.h"
#include "revue/state.h"
#include "revue/text.h"
#include "revue/ui.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef REVUE_VERSION
#define REVUE_VERSION "0.1.0"
#endif
#ifndef REVUE_DATADIR
#define REVUE_DATADIR "/usr/local/share/revue"
#endif

enum { EXIT_USAGE = 2 };

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: revue [OPTIONS] [PATH...]\n"
		"Read a press review: a folder of news articles, linked by who is named,\n"
		"who said what, and when.\n"
		"\n"
		"PATH is a directory (walked for *.txt and *.md) or article files. With no\n"
		"PATH, revue opens its bundled corpus. On a terminal, revue is a full-screen\n"
		"reader (press ? in it for the keys); otherwise it prints the article list.\n"
		"\n"
		"Options:\n"
		"  --dump KIND           print the index as JSON Lines and exit; KIND is one of:\n"
		"                        %s\n"
		"  --dump diff A B       print the word diff of two spans as JSON Lines: A and B\n"
		"                        are ID or ID:START:END, ID an article id as --dump\n"
		"                        articles prints it (or a prefix of one), START and END\n"
		"                        byte offsets into its body; PATH... follows them\n"
		"  --grep PATTERN        count the matches of PATTERN in each article and exit:\n"
		"                        ID:COUNT lines, as rg -c; the reader's search (PCRE2,\n"
		"                        smart case, accents ignored unless the pattern has\n"
		"                        some); status 0 found, 1 none, 2 error\n"
		"  --max-file-size SIZE  refuse article files larger than SIZE bytes (suffixes\n"
		"                        K, M, G; default 64M)\n"
		"  --theme NAME|PATH     colours of the reader: default, light, mono, or a file\n"
		"                        (see revue-themes(5); NO_COLOR turns colour off)\n"
		"  --config FILE|none    read the reader's settings and key bindings from FILE\n"
		"                        (default: $XDG_CONFIG_HOME/revue/config, else\n"
		"                        ~/.config/revue/config; none: no file; see\n"
		"                        revue-config(5))\n"
		"  --no-clipboard        y in the reader copies nothing (by default it sets the\n"
		"                        terminal's clipboard with an OSC 52 sequence)\n"
		"  -j, --threads N       load with N threads (default: one per core)\n"
		"  --links FILE          read the links (quote clusters and shared passages)\n"
		"                        from FILE instead of computing them: revue's own\n"
		"                        --dump links, or passim's output run on --dump passim\n"
		"  --state FILE          keep read marks, stars and notes in FILE (default:\n"
		"                        $REVUE_STATE, else $XDG_STATE_HOME/revue/state.db,\n"
		"                        else ~/.local/state/revue/state.db)\n"
		"  --cache FILE          keep the index cache in FILE (default: in the folder\n"
		"                        cache beside the state file, one file per corpus)\n"
		"  --no-cache            neither read nor write the index cache\n"
		"  -h, --help            show this help and exit\n"
		"  -V, --version         show the version and exit\n"
		"\n"
		"Exit status: 0 success, 1 error (nothing to read), 2 usage error.\n"
		"See revue(1) for the corpus format and the dump formats.\n",
		rv_dump_kinds());
}

/* A bad span argument of --dump diff: one line, "revue: --dump diff: WHAT
 * 'ARG'", the argument sanitized. */
static int diff_error(const char *what, const char *arg)
{
	char *safe = rv_sanitize_dup(arg, strlen(arg));
	fprintf(stderr, "revue: --dump diff: %s '%s' (expected ID or ID:START:END)\n", what, safe);
	free(safe);
	return EXIT_USAGE;
}

/* "revue: WHAT 'ARG'", the argument sanitized: it may hold any byte. */
static int usage_error(const char *what, const char *arg, const char *hint)
{
	char *safe = rv_sanitize_dup(arg, strlen(arg));
	fprintf(stderr, "revue: %s '%s'%s\nTry 'revue --help' for more information.\n", what, safe, hint);
	free(safe);
	return EXIT_USAGE;
}

static bool parse_size(const char *s, size_t *out)
{
	errno = 0;
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *s == '-')
		return false;
	unsigned long long mult = 1;
	if (*end == 'K' || *end == 'k')
		mult = 1024ull;
	else if (*end == 'M' || *end == 'm')
		mult = 1024ull * 1024;
	else if (*end == 'G' || *end == 'g')
		mult = 1024ull * 1024 * 1024;
	else if (*end)
		return false;
	if (mult > 1 && end[1])
		return false;
	if (v > SIZE_MAX / mult || v == 0)
		return false;
	*out = (size_t)(v * mult);
	return true;
}

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The bundled corpus: the source tree's when this binary was built in one
 * (it sits at the top, or in build/ or build/asan/ below it); else the one
 * installed beside it (BIN/../share/revue/corpus), wherever the installation
 * was moved; else the compiled-in data directory. */
static char *default_corpus(void)
{
	char dir[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
	if (n > 0) {
		dir[n] = '\0';
		for (int up = 0; up < 3; up++) {
			char *slash = strrchr(dir, '/');
			if (!slash || slash == dir)
				break;
			*slash = '\0';
			char *tree = rv_xasprintf("%s/corpus", dir);
			char *marker = rv_xasprintf("%s/src/main.c", dir);
			char *installed = rv_xasprintf("%s/share/revue/corpus", dir);
			bool in_tree = is_dir(tree) && access(marker, F_OK) == 0;
			bool beside = up == 1 && is_dir(installed);
			free(marker);
			if (in_tree) {
				free(installed);
				return tree;
			}
			free(tree);
			if (beside)
				return installed;
			free(installed);
		}
	}
	return rv_xstrdup(REVUE_DATADIR "/corpus");
}

static void print_diags(const struct rv_diags *d)
{
	struct rv_buf b = {0};
	for (size_t i = 0; i < d->n; i++) {
		b.len = 0;
		rv_diag_format(&d->v[i], &b);
		rv_buf_addc(&b, '\n');
		fwrite(b.p, 1, b.len, stderr);
	}
	rv_buf_free(&b);
}

/* When standard output is not a terminal: the article list, one line each. */
static void print_list(const struct rv_corpus *c)
{
	struct rv_buf b = {0};
	for (size_t i = 0; i < c->n; i++) {
		const struct rv_article *a = &c->articles[i];
		char date[11];
		rv_date_format(&a->date, date);
		b.len = 0;
		rv_buf_printf(&b, "%-10s  ", *date ? date : "-");
		rv_sanitize(a->title, strlen(a->title), RV_SAN_ONE_LINE, &b);
		rv_buf_adds(&b, "  (");
		rv_sanitize(a->id, strlen(a->id), RV_SAN_ONE_LINE, &b);
		rv_buf_adds(&b, ")\n");
		fwrite(b.p, 1, b.len, stdout);
	}
	rv_buf_free(&b);
}

/* A file larger than this opens in the reader before it is read in full. */
#define LAZY_BYTES ((size_t)4 * 1024 * 1024)

/* --grep: the reader's corpus search ('s') from the command line, counted
 * per article as rg -c counts per file: "ID:COUNT" for each article with a
 * match, in corpus order. Exit status as grep's: 0 found, 1 none, 2 error.
 * The corpus is not loaded: each file is read up to its body, searched and
 * dropped (rv_search_files), with the counts and warnings of a load. */
static int grep_files(const char *const *paths, size_t npaths, const struct rv_corpus_opts *opts, const char *pat)
{
	char err[200];
	struct rv_search *s = rv_search_new(pat, strlen(pat), err, sizeof err);
	if (!s) {
		char *safe = rv_sanitize_dup(err, strlen(err));
		fprintf(stderr, "revue: --grep: %s\n", safe);
		free(safe);
		return EXIT_USAGE;
	}
	struct rv_diags warn = {0}, fail = {0};
	struct rv_corpus_file *files;
	size_t n;
	if (rv_corpus_files(paths, npaths, &files, &n, &warn, &fail) < 0) {
		print_diags(&fail); /* the error, then the warnings, as a load says them */
		print_diags(&warn);
		rv_diag_free(&warn);
		rv_diag_free(&fail);
		rv_search_free(s);
		return 1;
	}
	uint32_t *counts = rv_xmalloc((n ? n : 1) * sizeof *counts);
	struct rv_diags *diags = rv_xcalloc(n ? n : 1, sizeof *diags);
	/* no overall deadline (a big corpus takes what it takes), but a pattern
	 * that backtracks for a quarter of a second on one article, plus 1 s per
	 * 20 MB of it, is stopped there, and with it the whole search */
	struct rv_corpus_search o = {.threads = opts->threads, .deadline = INFINITY, .article_seconds = 0.25,
				     .seconds_per_byte = 1.0 / 20e6};
	size_t where = SIZE_MAX, articles = 0;
	enum rv_search_status st = rv_search_files(s, files, n, opts->max_file_bytes, &o, SIZE_MAX, counts, diags,
						   &articles, &where);
	for (size_t i = 0; i < n; i++) /* the warnings of a load, in its order */
		rv_diag_take(&warn, &diags[i]);
	free(diags);
	int rc = 1;
	if (!articles && st == RV_SEARCH_OK) { /* what rv_corpus_load says of a corpus with no article */
		rv_diag_add(&fail, npaths == 1 ? paths[0] : NULL, 0,
			    n ? "no readable article (%zu files tried)" : "no article found (*.txt, *.md)", n);
		print_diags(&fail);
		print_diags(&warn);
	} else {
		print_diags(&warn);
		struct rv_buf b = {0};
		for (size_t i = 0; i < n; i++) {
			if (!counts[i])
				continue;
			rc = 0;
			b.len = 0;
			rv_sanitize(files[i].id, strlen(files[i].id), RV_SAN_ONE_LINE, &b);
			rv_buf_printf(&b, ":%u\n", counts[i]);
			fwrite(b.p, 1, b.len, stdout);
		}
		rv_buf_free(&b);
	}
	rv_diag_free(&warn);
	rv_diag_free(&fail);
	if (st == RV_SEARCH_STOPPED) {
		char *safe = where < n ? rv_sanitize_dup(files[where].id, strlen(files[where].id))
				       : rv_xstrdup("an article");
		fprintf(stderr, "revue: --grep: search stopped: the pattern is too costly on %s (a time or backtracking "
				"limit); the counts above are incomplete\n", safe);
		free(safe);
		rc = EXIT_USAGE;
	}
	free(counts);
	rv_corpus_files_free(files, n);
	rv_search_free(s);
	if (fflush(stdout)) {
		fprintf(stderr, "revue: cannot write the results: %s\n", strerror(errno));
		return EXIT_USAGE;
	}
	return rc;
}

/* --dump state: the store is only read, and a store that cannot be used is
 * a warning, not an error (the dump is then empty). */
/* The reader's view of the store (ui.h): read marks by article. */
struct ui_store {
	const struct rv_corpus *corpus;
	struct rv_state *st;
	struct rv_state_snapshot snap;
	struct rv_diags diags;
	char warning[256];
};

static bool ui_is_read(void *ctx, size_t art)
{
	struct ui_store *u = ctx;
	return art < u->snap.narticles && rv_state_of(&u->snap, art)->read;
}

static bool ui_set_read(void *ctx, size_t art, bool read)
{
	struct ui_store *u = ctx;
	if (art >= u->snap.narticles)
		return false;
	return rv_state_set_read(u->st, rv_state_of(&u->snap, art), read, &u->diags) == 0;
}

static bool ui_is_starred(void *ctx, size_t art)
{
	struct ui_store *u = ctx;
	return art < u->snap.narticles && rv_state_of(&u->snap, art)->starred;
}

static bool ui_set_starred(void *ctx, size_t art, bool starred)
{
	struct ui_store *u = ctx;
	if (art >= u->snap.narticles)
		return false;
	return rv_state_set_starred(u->st, rv_state_of(&u->snap, art), starred, &u->diags) == 0;
}

static bool ui_quote_starred(void *ctx, size_t art, size_t start, size_t end)
{
	struct ui_store *u = ctx;
	return art < u->snap.narticles && rv_state_quote_find(rv_state_of(&u->snap, art), start, end);
}

/* Unstarring takes the stored bounds of the star that matches, which a
 * later revue may have found with slightly different ones. */
static bool ui_star_quote(void *ctx, size_t art, size_t start, size_t end, bool on)
{
	struct ui_store *u = ctx;
	if (art >= u->snap.narticles)
		return false;
	struct rv_state_entry *e = rv_state_of(&u->snap, art);
	const struct rv_state_quote *q = on ? NULL : rv_state_quote_find(e, start, end);
	if (q) {
		start = q->start;
		end = q->end;
	}
	return rv_state_star_quote(u->st, e, start, end, on, &u->diags) == 0;
}

static const char *ui_note(void *ctx, size_t art, size_t *len)
{
	struct ui_store *u = ctx;
	if (art >= u->snap.narticles || !rv_state_of(&u->snap, art)->note) {
		*len = 0;
		return NULL;
	}
	*len = rv_state_of(&u->snap, art)->note_len;
	return rv_state_of(&u->snap, art)->note;
}

static bool ui_set_note(void *ctx, size_t art, const char *text, size_t len)
{
	struct ui_store *u = ctx;
	if (art >= u->snap.narticles)
		return false;
	return rv_state_set_note(u->st, rv_state_of(&u->snap, art), text, len, &u->diags) == 0;
}

/* Opens the store for the reader; a store that cannot be written leaves a
 * read-only session and a warning for the status line, never an error. */
static void ui_store_open(struct ui_store *u, const struct rv_corpus *corpus, const struct rv_state_opts *opts)
{
	memset(u, 0, sizeof *u);
	u->corpus = corpus;
	u->st = rv_state_open(opts, &u->diags);
	rv_state_load(u->st, corpus, &u->snap, &u->diags);
	if (u->diags.n) {
		struct rv_buf b = {0};
		rv_diag_format(&u->diags.v[0], &b);
		snprintf(u->warning, sizeof u->warning, "%.*s", (int)b.len, b.p ? b.p : "");
		rv_buf_free(&b);
	}
}

/* A partial article was read in full: its hash, so its saved state, changed. */
static void ui_reload(void *ctx)
{
	struct ui_store *u = ctx;
	rv_state_snapshot_free(&u->snap);
	rv_state_load(u->st, u->corpus, &u->snap, &u->diags);
}

static void ui_store_close(struct ui_store *u)
{
	rv_state_snapshot_free(&u->snap);
	rv_state_close(u->st);
	print_diags(&u->diags); /* after the screen is restored */
	rv_diag_free(&u->diags);
}

/* The configuration file, applied over the reader's options; each problem
 * is one line on stderr, the first also for the status line (notice). A
 * theme given on the command line wins over the file's. */
static void load_config(struct rv_config *cfg, const char *path, struct rv_ui_opts *uo, char *notice, size_t cap)
{
	rv_config_init(cfg);
	char *def = NULL;
	if (!path)
		path = def = rv_config_default_path();
	else if (!strcmp(path, "none"))
		path = NULL;
	struct rv_diags d = {0};
	if (path)
		rv_config_load(cfg, path, !def, &d);
	if (cfg->theme && !uo->theme) {
		if (rv_ui_theme_found(cfg->theme))
			uo->theme = cfg->theme;
		else
			rv_diag_add(&d, path, cfg->theme_line, "no theme '%s' (a name in the themes folder or a file path)",
				    cfg->theme);
	}
	if (cfg->sort >= 0)
		uo->sort = cfg->sort;
	uo->sizes = cfg->sizes;
	uo->wrap_width = cfg->wrap_width;
	uo->date_format = cfg->date_format;
	if (cfg->clipboard >= 0)
		uo->clipboard = cfg->clipboard == 1;
	rv_keys_set(cfg->bindings, cfg->nbindings);
	size_t shown = d.n;
	if (d.n > 5) /* a binary file has thousands of bad lines */
		d.n = 5;
	print_diags(&d);
	d.n = shown;
	if (d.n > 5)
		fprintf(stderr, "revue: and %zu more problems in the configuration\n", d.n - 5);
	if (d.n) {
		struct rv_buf b = {0};
		rv_diag_format(&d.v[0], &b);
		snprintf(notice, cap, "config: %zu problem%s; first: %s", d.n, d.n == 1 ? "" : "s",
			 b.p + (strncmp(b.p, "revue: ", 7) ? 0 : 7));
		rv_buf_free(&b);
	}
	rv_diag_free(&d);
	free(def);
}

static int dump_state(const struct rv_corpus *corpus, const struct rv_state_opts *opts)
{
	struct rv_diags diags = {0};
	struct rv_state_opts ro = *opts;
	ro.read_only = true;
	struct rv_state *st = rv_state_open(&ro, &diags);
	struct rv_state_snapshot snap;
	rv_state_load(st, corpus, &snap, &diags);
	print_diags(&diags);
	rv_diag_free(&diags);
	int status = 0;
	if (rv_state_dump(corpus, &snap, stdout) < 0) {
		fprintf(stderr, "revue: cannot write the dump: %s\n", strerror(errno));
		status = 1;
	}
	rv_state_snapshot_free(&snap);
	rv_state_close(st);
	return status;
}

/* The index cache's file and what is written to it. */
struct cache_ctx {
	char *path; /* NULL: no cache */
	const struct rv_corpus *corpus;
	uint64_t opts_hash;
	struct rv_diags diags;
};

static void cache_write(struct cache_ctx *cc, const struct rv_index *ix)
{
	rv_cache_write(cc->path, cc->corpus, ix, cc->opts_hash, &cc->diags);
}

/* The reader's index builder, on its thread: the reader prints the
 * diagnostics once it has left the terminal. */
static void cache_built(void *ctx, const struct rv_index *ix)
{
	cache_write(ctx, ix);
}

static void cache_ctx_free(struct cache_ctx *cc)
{
	free(cc->path);
	rv_diag_free(&cc->diags);
}

/* The reader on a terminal. The screen comes up at once: the corpus is
 * read (from the index cache when it can be), the state store opened and read, on a thread of their own while
 * the reader shows their progress; the list follows as soon as they are
 * done, and the index fills in behind it. */
struct reader_job {
	const char *const *paths;
	size_t npaths;
	struct rv_corpus_opts *opts;
	const struct rv_state_opts *state_opts;
	struct rv_corpus *corpus;
	struct rv_diags err;
	int rc;
	struct ui_store us;
	struct rv_ui_state *ust;
	_Atomic size_t found, read;
	struct cache_ctx *cc; /* the index cache (cc->path NULL: none) */
	const char *links;
	struct rv_index *index; /* from the cache, or NULL */
	bool stale;		/* the cache's file identities are out of date */
	bool has_notice;	/* the configuration's notice comes first */
	char cache_notice[256];
	atomic_bool done;
	bool joined;
	pthread_t th;
};

static void *reader_worker(void *arg)
{
	struct reader_job *j = arg;
	struct cache_ctx *cc = j->cc;
	struct rv_cache *cache = cc->path ? rv_cache_open(cc->path, &cc->diags) : NULL;
	if (cache) {
		j->opts->reuse = rv_cache_reuse;
		j->opts->reuse_ctx = cache;
	}
	j->rc = rv_corpus_load(j->paths, j->npaths, j->opts, &j->corpus, &j->err);
	if (j->rc < 0) {
		rv_cache_close(cache);
	} else {
		rv_cache_attach(cache, j->corpus);
		cc->corpus = j->corpus;
		if (cc->path) {
			cc->opts_hash = rv_cache_opts_hash(j->corpus, &(struct rv_index_opts){.links = j->links});
			j->stale = rv_cache_stale(j->corpus, cc->opts_hash);
			j->index = rv_cache_index(j->corpus, cc->opts_hash);
		}
		ui_store_open(&j->us, j->corpus, j->state_opts);
		j->ust->warning = *j->us.warning ? j->us.warning : NULL;
		if (cc->diags.n && !j->has_notice && !j->ust->warning) { /* the store's warning matters more */
			struct rv_buf b = {0};
			rv_diag_format(&cc->diags.v[0], &b);
			snprintf(j->cache_notice, sizeof j->cache_notice, "%s", b.p + (strncmp(b.p, "revue: ", 7) ? 0 : 7));
			rv_buf_free(&b);
			rv_diag_free(&cc->diags); /* else said on stderr once the reader is done */
			j->ust->warning = j->cache_notice;
		}
	}
	atomic_store(&j->done, true);
	return NULL;
}

static struct rv_corpus *reader_poll(void *ctx, bool *ended)
{
	struct reader_job *j = ctx;
	*ended = atomic_load(&j->done);
	if (!*ended)
		return NULL;
	if (!j->joined) {
		pthread_join(j->th, NULL);
		j->joined = true;
	}
	return j->rc == 0 ? j->corpus : NULL;
}

static struct rv_index *reader_index(void *ctx)
{
	struct reader_job *j = ctx;
	return j->index;
}

static int run_reader(const char *const *paths, size_t npaths, struct rv_corpus_opts *opts,
		      const struct rv_state_opts *state_opts, struct rv_ui_opts *uo, const char *config, bool clipboard,
		      struct cache_ctx *cc, const char *links)
{
	struct rv_ui_state ust = {.is_read = ui_is_read,
				  .set_read = ui_set_read,
				  .is_starred = ui_is_starred,
				  .set_starred = ui_set_starred,
				  .quote_starred = ui_quote_starred,
				  .star_quote = ui_star_quote,
				  .note = ui_note,
				  .set_note = ui_set_note,
				  .reload = ui_reload};
	struct reader_job *j = rv_xcalloc(1, sizeof *j);
	*j = (struct reader_job){.paths = paths,
				 .npaths = npaths,
				 .opts = opts,
				 .state_opts = state_opts,
				 .ust = &ust,
				 .cc = cc,
				 .links = links};
	ust.ctx = &j->us;
	opts->found = &j->found;
	opts->read = &j->read;
	opts->lazy_bytes = LAZY_BYTES; /* the reader shows a huge article's start at once */
	uo->state = &ust;
	uo->max_file_bytes = opts->max_file_bytes;
	struct rv_config cfg;
	char notice[256] = "";
	load_config(&cfg, config, uo, notice, sizeof notice);
	uo->notice = *notice ? notice : NULL;
	if (!clipboard) /* the command line wins over the configuration */
		uo->clipboard = false;
	j->has_notice = uo->notice != NULL;
	if (cc->path) { /* an index built here is written to the cache */
		uo->index_built = cache_built;
		uo->index_built_ctx = cc;
	}
	struct rv_ui_loader ld = {
	    .found = &j->found, .read = &j->read, .poll = reader_poll, .index = reader_index, .ctx = j};
	int status;
	if (pthread_create(&j->th, NULL, reader_worker, j) == 0) {
		uo->loader = &ld;
		status = rv_ui_run(NULL, uo);
		bool ended;
		while (!j->joined) /* the theme or the terminal failed before the load ended */
			if (!reader_poll(j, &ended) && !ended)
				nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
	} else {
		j->joined = true;
		reader_worker(j);
		uo->index = j->index;
		status = j->rc == 0 ? rv_ui_run(j->corpus, uo) : 1;
	}
	rv_config_free(&cfg);
	opts->found = opts->read = NULL;
	if (j->rc < 0) {
		print_diags(&j->err);
		rv_diag_free(&j->err);
		free(j);
		return 1;
	}
	/* an index from the cache whose files were touched (same bytes): their
	 * new stat saves reading them next time */
	if (j->index && j->stale)
		cache_write(cc, j->index);
	rv_index_free(j->index);
	print_diags(&cc->diags);
	print_diags(&j->corpus->diags); /* after the screen is restored */
	ui_store_close(&j->us);
	rv_corpus_free(j->corpus);
	free(j);
	return status;
}

int main(int argc, char **argv)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	double t0 = (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
	enum { OPT_DUMP = 256, OPT_MAX_FILE, OPT_STATE, OPT_THEME, OPT_LINKS, OPT_GREP, OPT_CONFIG, OPT_NO_CLIPBOARD,
	       OPT_CACHE, OPT_NO_CACHE };
	bool clipboard = true, use_cache = true;
	const char *theme = NULL, *links = NULL, *grep = NULL, *config = NULL, *cache_file = NULL;
	static const struct option longopts[] = {
		{"dump", required_argument, NULL, OPT_DUMP},
		{"max-file-size", required_argument, NULL, OPT_MAX_FILE},
		{"threads", required_argument, NULL, 'j'},
		{"state", required_argument, NULL, OPT_STATE},
		{"theme", required_argument, NULL, OPT_THEME},
		{"links", required_argument, NULL, OPT_LINKS},
		{"grep", required_argument, NULL, OPT_GREP},
		{"config", required_argument, NULL, OPT_CONFIG},
		{"no-clipboard", no_argument, NULL, OPT_NO_CLIPBOARD},
		{"cache", required_argument, NULL, OPT_CACHE},
		{"no-cache", no_argument, NULL, OPT_NO_CACHE},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{0, 0, 0, 0},
	};
	const char *dump = NULL;
	struct rv_state_opts state_opts = {0};
	struct rv_corpus_opts opts = {0};
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":j:hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DUMP:
			if (!rv_dump_known(optarg))
				return usage_error("unknown dump kind", optarg, "");
			dump = optarg;
			break;
		case OPT_MAX_FILE:
			if (!parse_size(optarg, &opts.max_file_bytes))
				return usage_error("invalid size", optarg, " (a positive number, optionally K, M or G)");
			break;
		case OPT_STATE:
			if (!*optarg)
				return usage_error("invalid state file", optarg, " (a file name)");
			state_opts.path = optarg;
			break;
		case OPT_THEME:
			theme = optarg;
			break;
		case OPT_GREP:
			grep = optarg;
			break;
		case OPT_LINKS: {
			/* checked now: a typo should not cost an index build */
			FILE *f = fopen(optarg, "r");
			if (!f) {
				char *safe = rv_sanitize_dup(optarg, strlen(optarg));
				fprintf(stderr, "revue: --links: cannot read '%s': %s\n", safe, strerror(errno));
				free(safe);
				return 1;
			}
			fclose(f);
			links = optarg;
			break;
		}
		case OPT_CONFIG:
			if (!*optarg)
				return usage_error("invalid configuration file", optarg, " (a file name, or none)");
			config = optarg;
			break;
		case OPT_NO_CLIPBOARD:
			clipboard = false;
			break;
		case OPT_CACHE:
			if (!*optarg)
				return usage_error("invalid cache file", optarg, " (a file name)");
			cache_file = optarg;
			break;
		case OPT_NO_CACHE:
			use_cache = false;
			break;
		case 'j': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1 || v > 64)
				return usage_error("invalid thread count", optarg, " (1 to 64)");
			opts.threads = (unsigned)v;
			break;
		}
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("revue %s\n", REVUE_VERSION);
			return 0;
		case ':':
			return usage_error("option needs an argument:", argv[optind - 1], "");
		default:
			return usage_error("unknown option", argv[optind - 1], "");
		}
	}
	if (grep && dump)
		return usage_error("--grep and --dump do not go together:", "--dump", "");
	struct rv_dump_span spans[2];
	if (dump && rv_dump_takes_spans(dump)) {
		if (argc - optind < 2) {
			fprintf(stderr, "revue: --dump %s needs two spans: A B, each ID or ID:START:END\n", dump);
			return EXIT_USAGE;
		}
		for (int k = 0; k < 2; k++) {
			const char *why = rv_dump_span_parse(argv[optind], &spans[k]);
			if (why)
				return diff_error(why, argv[optind]);
			optind++;
		}
	}
	char *fallback = NULL;
	const char *const *paths = (const char *const *)argv + optind;
	size_t npaths = (size_t)(argc - optind);
	if (!npaths) {
		fallback = default_corpus();
		paths = (const char *const *)&fallback;
		npaths = 1;
	}
	if (grep) {
		int st = grep_files(paths, npaths, &opts, grep);
		free(fallback);
		return st;
	}
	struct cache_ctx cc = {0}; /* the index cache: for the reader and the dumps */
	if (use_cache)
		cc.path = cache_file ? rv_xstrdup(cache_file) : rv_cache_default_path(state_opts.path, paths, npaths);
	if (!dump && !grep && isatty(STDOUT_FILENO) && isatty(STDIN_FILENO)) {
		struct rv_ui_opts uo = {.theme = theme, .threads = opts.threads, .links = links, .t0 = t0, .clipboard = true};
		int st = run_reader(paths, npaths, &opts, &state_opts, &uo, config, clipboard, &cc, links);
		cache_ctx_free(&cc);
		free(fallback);
		return st;
	}
	struct rv_corpus *corpus;
	struct rv_diags err = {0};
	struct rv_cache *cache = cc.path ? rv_cache_open(cc.path, &cc.diags) : NULL;
	if (cache) {
		opts.reuse = rv_cache_reuse;
		opts.reuse_ctx = cache;
	}
	int rc = rv_corpus_load(paths, npaths, &opts, &corpus, &err);
	free(fallback);
	if (rc < 0) {
		rv_cache_close(cache);
		print_diags(&cc.diags);
		print_diags(&err);
		rv_diag_free(&err);
		cache_ctx_free(&cc);
		return 1;
	}
	rv_cache_attach(cache, corpus);
	cc.corpus = corpus;
	cc.opts_hash = cc.path ? rv_cache_opts_hash(corpus, &(struct rv_index_opts){.links = links}) : 0;
	print_diags(&cc.diags);
	rv_diag_free(&cc.diags);
	print_diags(&corpus->diags);
	int status = 0;
	if (dump && rv_dump_takes_spans(dump)) {
		const char *why = NULL, *bad = NULL;
		int r = rv_dump_diff(corpus, &spans[0], &spans[1], stdout, &why, &bad);
		if (r == -2) {
			status = diff_error(why, bad);
		} else if (r < 0) {
			fprintf(stderr, "revue: cannot write the dump: %s\n", strerror(errno));
			status = 1;
		}
	} else if (dump && rv_dump_needs_store(dump)) {
		status = dump_state(corpus, &state_opts);
	} else if (dump) {
		struct rv_index *ix = NULL;
		if (rv_dump_needs_index(dump)) {
			struct rv_index_opts io = {.threads = opts.threads, .links = links};
			ix = cc.path ? rv_cache_index(corpus, cc.opts_hash) : NULL;
			if (!ix)
				ix = rv_index_build(corpus, &io);
			print_diags(&ix->diags);
			if (cc.path && rv_cache_stale(corpus, cc.opts_hash))
				cache_write(&cc, ix);
			print_diags(&cc.diags);
		}
		if (rv_dump(dump, corpus, ix, stdout) < 0) {
			fprintf(stderr, "revue: cannot write the dump: %s\n", strerror(errno));
			status = 1;
		}
		rv_index_free(ix);
	} else {
		print_list(corpus);
	}
	rv_corpus_free(corpus);
	cache_ctx_free(&cc);
	return status;
}
