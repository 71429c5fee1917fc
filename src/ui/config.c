/* config.c — the configuration file: words, quoting, options, bindings.
 *
 * The file is the user's, not article text, but it is still read as bytes
 * that may be anything: each line is checked (length, control characters,
 * UTF-8) before it is split, and every value that reaches a message goes
 * through the sanitizer in rv_diag_format. A bad line is one diagnostic and
 * changes nothing; the lines before and after it apply.
 */
#include "revue/config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>

void rv_config_init(struct rv_config *c)
{
	memset(c, 0, sizeof *c);
	c->sort = -1;
	c->clipboard = -1;
}

void rv_config_free(struct rv_config *c)
{
	free(c->theme);
	free(c->date_format);
	rv_config_init(c);
}

/* --- one line into words ------------------------------------------------------ */

#define MAX_WORDS 8

struct words {
	char buf[RV_CONFIG_LINE_MAX + 1]; /* the words, unquoted, each NUL-terminated */
	const char *w[MAX_WORDS];
	size_t len[MAX_WORDS];
	bool quoted[MAX_WORDS];
	size_t n;
};

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Splits s[0, n) (already checked: no control character but tab, UTF-8,
 * at most RV_CONFIG_LINE_MAX bytes); NULL when it could, else why not. */
static const char *split(const char *s, size_t n, struct words *ws)
{
	size_t i = 0, o = 0;
	ws->n = 0;
	while (i < n) {
		while (i < n && blank(s[i]))
			i++;
		if (i == n || s[i] == '#')
			break;
		if (ws->n == MAX_WORDS)
			return "too many words";
		size_t start = o;
		bool q = s[i] == '"';
		if (q) {
			i++;
			for (;;) {
				if (i == n)
					return "unterminated quote";
				if (s[i] == '"')
					break;
				if (s[i] == '\\' && i + 1 < n && (s[i + 1] == '"' || s[i + 1] == '\\'))
					i++;
				ws->buf[o++] = s[i++];
			}
			i++; /* the closing quote */
			if (i < n && !blank(s[i]))
				return "no blank after a closing quote";
		} else {
			while (i < n && !blank(s[i]))
				ws->buf[o++] = s[i++];
		}
		ws->buf[o++] = '\0';
		ws->w[ws->n] = ws->buf + start;
		ws->len[ws->n] = o - 1 - start;
		ws->quoted[ws->n++] = q;
	}
	return NULL;
}

/* Why the raw line cannot be read, or NULL. */
static const char *check_line(const char *s, size_t n, char *why, size_t cap)
{
	if (n > RV_CONFIG_LINE_MAX) {
		snprintf(why, cap, "line too long (more than %d bytes)", RV_CONFIG_LINE_MAX);
		return why;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if ((b < 0x20 && b != '\t') || b == 0x7f) {
			snprintf(why, cap, "control character 0x%02x", b);
			return why;
		}
	}
	if (u8_check((const uint8_t *)s, n))
		return "not valid UTF-8";
	return NULL;
}

/* --- values ---------------------------------------------------------------------- */

static bool is(const char *w, size_t n, const char *lit)
{
	return strlen(lit) == n && !memcmp(w, lit, n);
}

static bool number(const char *w, size_t n, int lo, int hi, int *out)
{
	if (n == 0 || n > 4)
		return false;
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (w[i] < '0' || w[i] > '9')
			return false;
		v = v * 10 + (w[i] - '0');
	}
	if (v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

const char *rv_config_date_format_check(const char *fmt, size_t len)
{
	if (len == 0)
		return "an empty format";
	if (len > RV_CONFIG_DATE_FMT_MAX)
		return "longer than 64 bytes";
	for (size_t i = 0; i < len; i++) {
		if (fmt[i] != '%')
			continue;
		if (++i < len && fmt[i] == '-') /* glibc: no padding */
			i++;
		if (i == len)
			return "a '%' ends it";
		/* dates only: a time of day would always read 00:00 */
		if (!strchr("aAbBdeFGghjmuVwyY%", fmt[i]) || fmt[i] == '\0')
			return "a conversion that is not one of %a %A %b %B %d %e %F %G %g %h %j %m %u %V %w %y %Y %%";
	}
	return NULL;
}

void rv_config_date(const char *fmt, const struct rv_date *d, char *buf, size_t cap)
{
	if (cap < 11) {
		if (cap)
			buf[0] = '\0';
		return;
	}
	if (fmt && *fmt && d->precision == RV_DATE_DAY && !rv_config_date_format_check(fmt, strlen(fmt))) {
		struct tm tm = {.tm_year = d->year - 1900, .tm_mon = d->month - 1, .tm_mday = d->day, .tm_hour = 12};
		time_t t = timegm(&tm); /* fills in the weekday and the day of the year */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* checked just above: date conversions only */
		size_t n = t != (time_t)-1 ? strftime(buf, cap, fmt, &tm) : 0;
#pragma GCC diagnostic pop
		if (n > 0)
			return;
	}
	rv_date_format(d, buf);
}

/* --- options --------------------------------------------------------------------- */

struct line_ctx {
	struct rv_config *c;
	const char *file;
	unsigned line;
	struct rv_diags *diags;
};

/* "PRE'WORD'POST", the word cut at 64 bytes. */
static void problem(struct line_ctx *x, const char *pre, const char *w, size_t n, const char *post)
{
	rv_diag_add(x->diags, x->file, x->line, "%s'%.*s'%s", pre, (int)(n > 64 ? 64 : n), w, post);
}

static void set_string(char **dst, const char *w, size_t n)
{
	free(*dst);
	*dst = rv_xstrndup(w, n);
}

static void bind(struct line_ctx *x, const struct words *ws)
{
	bool unbind = is(ws->w[0], ws->len[0], "unbind");
	size_t want = unbind ? 2 : 3;
	if (ws->n != want) {
		rv_diag_add(x->diags, x->file, x->line, "%s", unbind ? "unbind takes one key: unbind KEY"
								       : "bind takes a key and an action: bind KEY ACTION");
		return;
	}
	int key = rv_key_code(ws->w[1], ws->len[1]);
	if (key < 0 || ws->len[1] >= sizeof x->c->bindings[0].name) {
		problem(x, "unknown key ", ws->w[1],
			ws->len[1], " (a character, C-a to C-z, or a name of revue(1), KEYS)");
		return;
	}
	enum rv_action a = RV_ACT_NONE;
	if (!unbind) {
		a = rv_action_by_name(ws->w[2], ws->len[2]);
		if (a == RV_ACT_NONE) {
			problem(x, "unknown action ", ws->w[2],
				ws->len[2], " (the actions are listed in revue(1), KEYS)");
			return;
		}
	}
	if (x->c->nbindings == RV_CONFIG_BINDINGS_MAX) {
		rv_diag_add(x->diags, x->file, x->line, "too many bindings (at most %d)", RV_CONFIG_BINDINGS_MAX);
		return;
	}
	struct rv_binding *b = &x->c->bindings[x->c->nbindings++];
	b->key = key;
	memcpy(b->name, ws->w[1], ws->len[1]);
	b->name[ws->len[1]] = '\0';
	b->action = a;
}

static void option(struct line_ctx *x, const struct words *ws)
{
	const char *name = ws->w[0];
	size_t nl = ws->len[0];
	size_t v = 1;
	if (ws->n >= 2 && !ws->quoted[1] && is(ws->w[1], ws->len[1], "="))
		v = 2;
	static const char *const known[] = {"theme",          "sort",       "list-width",  "sidebar-width",
					    "timeline-height", "wrap-width", "date-format", "clipboard"};
	bool found = false;
	for (size_t i = 0; i < RV_ARRAY_LEN(known); i++)
		found |= is(name, nl, known[i]);
	if (!found) {
		problem(x, "unknown option ", name, nl, " (see revue-config(5))");
		return;
	}
	if (ws->n <= v) {
		problem(x, "", name, nl, " needs a value");
		return;
	}
	if (ws->n > v + 1) {
		problem(x, "", name, nl, " takes one value (quote a value that holds blanks)");
		return;
	}
	const char *w = ws->w[v];
	size_t n = ws->len[v];
	struct rv_config *c = x->c;
	if (is(name, nl, "theme")) {
		if (!n)
			rv_diag_add(x->diags, x->file, x->line, "theme: an empty name");
		else {
			set_string(&c->theme, w, n);
			c->theme_line = x->line;
		}
	} else if (is(name, nl, "sort")) {
		if (is(w, n, "date"))
			c->sort = 0;
		else if (is(w, n, "source"))
			c->sort = 1;
		else if (is(w, n, "title"))
			c->sort = 2;
		else
			problem(x, "sort: ", w, n, " is not date, source or title");
	} else if (is(name, nl, "list-width")) {
		if (!number(w, n, 16, 200, &c->sizes.list_width))
			problem(x, "list-width: ", w, n, " is not a number from 16 to 200");
	} else if (is(name, nl, "sidebar-width")) {
		if (!number(w, n, 16, 200, &c->sizes.sidebar_width))
			problem(x, "sidebar-width: ", w, n, " is not a number from 16 to 200");
	} else if (is(name, nl, "timeline-height")) {
		if (!number(w, n, 3, 100, &c->sizes.timeline_height))
			problem(x, "timeline-height: ", w, n, " is not a number from 3 to 100");
	} else if (is(name, nl, "wrap-width")) {
		if (!number(w, n, 20, 1000, &c->wrap_width))
			problem(x, "wrap-width: ", w, n, " is not a number from 20 to 1000");
	} else if (is(name, nl, "date-format")) {
		const char *why = rv_config_date_format_check(w, n);
		if (why)
			rv_diag_add(x->diags, x->file, x->line, "date-format: %s", why);
		else
			set_string(&c->date_format, w, n);
	} else { /* clipboard */
		if (is(w, n, "on") || is(w, n, "yes") || is(w, n, "true"))
			c->clipboard = 1;
		else if (is(w, n, "off") || is(w, n, "no") || is(w, n, "false"))
			c->clipboard = 0;
		else
			problem(x, "clipboard: ", w, n, " is not on or off");
	}
}

size_t rv_config_parse(struct rv_config *c, const char *text, size_t len, const char *file, struct rv_diags *diags)
{
	size_t before = diags->n;
	struct words *ws = rv_xmalloc(sizeof *ws);
	struct line_ctx x = {c, file, 0, diags};
	size_t i = 0;
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		const char *s = text + i;
		size_t n = e - i;
		i = e + 1;
		x.line++;
		if (n && s[n - 1] == '\r') /* CRLF */
			n--;
		if (x.line == 1 && n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3)) { /* a BOM some editors write */
			s += 3;
			n -= 3;
		}
		char why[64];
		const char *bad = check_line(s, n, why, sizeof why);
		if (!bad)
			bad = split(s, n, ws);
		if (bad) {
			rv_diag_add(diags, file, x.line, "%s", bad);
			continue;
		}
		if (!ws->n)
			continue;
		if (is(ws->w[0], ws->len[0], "bind") || is(ws->w[0], ws->len[0], "unbind"))
			bind(&x, ws);
		else
			option(&x, ws);
	}
	free(ws);
	return diags->n - before;
}

/* --- the file -------------------------------------------------------------------- */

char *rv_config_default_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg && xdg[0] == '/')
		return rv_xasprintf("%s/revue/config", xdg);
	const char *home = getenv("HOME");
	if (home && *home)
		return rv_xasprintf("%s/.config/revue/config", home);
	return NULL;
}

size_t rv_config_load(struct rv_config *c, const char *path, bool must_exist, struct rv_diags *diags)
{
	/* O_NONBLOCK: a FIFO must not hang the start */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (!must_exist && (errno == ENOENT || errno == ENOTDIR))
			return 0;
		rv_diag_add(diags, path, 0, "cannot read the configuration: %s", strerror(errno));
		return 1;
	}
	struct stat st;
	const char *why = NULL;
	if (fstat(fd, &st) < 0)
		why = strerror(errno);
	else if (S_ISDIR(st.st_mode))
		why = "a directory, not a file";
	else if (!S_ISREG(st.st_mode) && !S_ISCHR(st.st_mode))
		why = "not a regular file";
	struct rv_buf b = {0};
	while (!why) {
		rv_buf_reserve(&b, 4096);
		ssize_t r = read(fd, b.p + b.len, 4096);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			why = strerror(errno);
		else if (r == 0)
			break;
		else if ((b.len += (size_t)r) > RV_CONFIG_FILE_MAX)
			why = "larger than 256 KiB";
	}
	close(fd);
	size_t problems;
	if (why) {
		rv_diag_add(diags, path, 0, "cannot read the configuration: %s", why);
		problems = 1;
	} else {
		problems = rv_config_parse(c, b.p ? b.p : "", b.len, path, diags);
	}
	rv_buf_free(&b);
	return problems;
}
