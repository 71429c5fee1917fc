/* main.c — command line → load → the reader on a terminal, or a dump. */
#include "revue/corpus.h"
#include "revue/dump.h"
#include "revue/index.h"
#include "revue/state.h"
#include "revue/text.h"
#include "revue/ui.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
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
		"  --max-file-size SIZE  refuse article files larger than SIZE bytes (suffixes\n"
		"                        K, M, G; default 64M)\n"
		"  --theme NAME|PATH     colours of the reader: default, light, mono, or a file\n"
		"                        (see revue(1), THEMES; NO_COLOR turns colour off)\n"
		"  --no-clipboard        y in the reader copies nothing (by default it sets the\n"
		"                        terminal's clipboard with an OSC 52 sequence)\n"
		"  -j, --threads N       load with N threads (default: one per core)\n"
		"  --state FILE          keep read marks, stars and notes in FILE (default:\n"
		"                        $REVUE_STATE, else $XDG_STATE_HOME/revue/state.db,\n"
		"                        else ~/.local/state/revue/state.db)\n"
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

/* --dump state: the store is only read, and a store that cannot be used is
 * a warning, not an error (the dump is then empty). */
/* The reader's view of the store (ui.h): read marks by article. */
struct ui_store {
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

/* Opens the store for the reader; a store that cannot be written leaves a
 * read-only session and a warning for the status line, never an error. */
static void ui_store_open(struct ui_store *u, const struct rv_corpus *corpus, const struct rv_state_opts *opts)
{
	memset(u, 0, sizeof *u);
	u->st = rv_state_open(opts, &u->diags);
	rv_state_load(u->st, corpus, &u->snap, &u->diags);
	if (u->diags.n) {
		struct rv_buf b = {0};
		rv_diag_format(&u->diags.v[0], &b);
		snprintf(u->warning, sizeof u->warning, "%.*s", (int)b.len, b.p ? b.p : "");
		rv_buf_free(&b);
	}
}

static void ui_store_close(struct ui_store *u)
{
	rv_state_snapshot_free(&u->snap);
	rv_state_close(u->st);
	print_diags(&u->diags); /* after the screen is restored */
	rv_diag_free(&u->diags);
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

int main(int argc, char **argv)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	double t0 = (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
	enum { OPT_DUMP = 256, OPT_MAX_FILE, OPT_STATE, OPT_THEME, OPT_NO_CLIPBOARD };
	bool clipboard = true;
	const char *theme = NULL;
	static const struct option longopts[] = {
		{"dump", required_argument, NULL, OPT_DUMP},
		{"max-file-size", required_argument, NULL, OPT_MAX_FILE},
		{"threads", required_argument, NULL, 'j'},
		{"state", required_argument, NULL, OPT_STATE},
		{"theme", required_argument, NULL, OPT_THEME},
		{"no-clipboard", no_argument, NULL, OPT_NO_CLIPBOARD},
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
		case OPT_NO_CLIPBOARD:
			clipboard = false;
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
	struct rv_corpus *corpus;
	struct rv_diags err = {0};
	int rc = rv_corpus_load(paths, npaths, &opts, &corpus, &err);
	free(fallback);
	if (rc < 0) {
		print_diags(&err);
		rv_diag_free(&err);
		return 1;
	}
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
			struct rv_index_opts io = {.threads = opts.threads};
			ix = rv_index_build(corpus, &io);
			print_diags(&ix->diags);
		}
		if (rv_dump(dump, corpus, ix, stdout) < 0) {
			fprintf(stderr, "revue: cannot write the dump: %s\n", strerror(errno));
			status = 1;
		}
		rv_index_free(ix);
	} else if (isatty(STDOUT_FILENO) && isatty(STDIN_FILENO)) {
		struct ui_store us;
		ui_store_open(&us, corpus, &state_opts);
		struct rv_ui_state ust = {&us, ui_is_read, ui_set_read, ui_is_starred, ui_set_starred,
					  *us.warning ? us.warning : NULL};
		struct rv_ui_opts uo = {.state = &ust, .theme = theme, .threads = opts.threads, .t0 = t0,
					 .clipboard = clipboard};
		status = rv_ui_run(corpus, &uo);
		ui_store_close(&us);
	} else {
		print_list(corpus);
	}
	rv_corpus_free(corpus);
	return status;
}
