#include "revue/corpus.h"

#include "revue/cache.h"
#include "revue/hash.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_HEADER_WARNINGS 5
#define MAX_EXTRA_FIELDS 256
#define MAX_KEY 64
#define MAX_DEPTH 128
#define TITLE_MAX 150 /* bytes of an inferred title before it is cut */
#define HEADLINE_MAX_WORDS 25
#define HEADLINE_MAX_BYTES 200

/* ---------------------------------------------------------------------------
 * Dates
 */

static bool digits(const char *s, size_t n, size_t at, size_t count, int *v)
{
	if (at + count > n)
		return false;
	int x = 0;
	for (size_t i = 0; i < count; i++) {
		char c = s[at + i];
		if (c < '0' || c > '9')
			return false;
		x = x * 10 + (c - '0');
	}
	*v = x;
	return true;
}

static int days_in_month(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The optional time after a full date: [T ]hh:mm[:ss[.f+]][Z|+hh[:mm]]. */
static bool time_ok(const char *s, size_t n, size_t i)
{
	if (i == n)
		return true;
	if (s[i] != 'T' && s[i] != ' ')
		return false;
	int h, m, sec = 0;
	i++;
	if (!digits(s, n, i, 2, &h) || i + 2 >= n || s[i + 2] != ':' || !digits(s, n, i + 3, 2, &m))
		return false;
	i += 5;
	if (i < n && s[i] == ':') {
		if (!digits(s, n, i + 1, 2, &sec))
			return false;
		i += 3;
		if (i < n && (s[i] == '.' || s[i] == ',')) {
			i++;
			size_t f = i;
			while (i < n && is_digit(s[i]))
				i++;
			if (i == f)
				return false;
		}
	}
	if (h > 23 || m > 59 || sec > 60)
		return false;
	if (i == n)
		return true;
	if (s[i] == 'Z')
		return i + 1 == n;
	if (s[i] != '+' && s[i] != '-')
		return false;
	int th, tm = 0;
	if (!digits(s, n, i + 1, 2, &th))
		return false;
	i += 3;
	if (i < n && s[i] == ':')
		i++;
	if (i < n) {
		if (!digits(s, n, i, 2, &tm))
			return false;
		i += 2;
	}
	return i == n && th <= 14 && tm <= 59;
}

bool rv_date_parse(const char *s, size_t n, struct rv_date *d)
{
	memset(d, 0, sizeof *d);
	int y, m = 0, day = 0;
	if (!digits(s, n, 0, 4, &y) || y < 1)
		return false;
	if (n == 4) {
		*d = (struct rv_date){y, 0, 0, RV_DATE_YEAR};
		return true;
	}
	if (s[4] != '-' || !digits(s, n, 5, 2, &m) || m < 1 || m > 12)
		return false;
	if (n == 7) {
		*d = (struct rv_date){y, m, 0, RV_DATE_MONTH};
		return true;
	}
	if (n < 10 || s[7] != '-' || !digits(s, n, 8, 2, &day) || day < 1 || day > days_in_month(y, m))
		return false;
	if (!time_ok(s, n, 10))
		return false;
	*d = (struct rv_date){y, m, day, RV_DATE_DAY};
	return true;
}

void rv_date_format(const struct rv_date *d, char *buf)
{
	switch (d->precision) {
	case RV_DATE_NONE: buf[0] = '\0'; break;
	case RV_DATE_YEAR: snprintf(buf, 11, "%04d", d->year); break;
	case RV_DATE_MONTH: snprintf(buf, 11, "%04d-%02d", d->year, d->month); break;
	case RV_DATE_DAY: snprintf(buf, 11, "%04d-%02d-%02d", d->year, d->month, d->day); break;
	}
}

/* ---------------------------------------------------------------------------
 * Header block
 */

struct line {
	const char *s;
	size_t len;
};

static bool next_line(const char *text, size_t n, size_t *pos, struct line *l)
{
	if (*pos >= n)
		return false;
	const char *s = text + *pos;
	const char *nl = memchr(s, '\n', n - *pos);
	size_t len = nl ? (size_t)(nl - s) : n - *pos;
	*l = (struct line){s, len};
	*pos += len + (nl ? 1 : 0);
	return true;
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/* A key-like token: what stands before the first ':' with no white space in
 * it. *valid says whether it is also a well-formed key (ASCII word). */
static bool split_key(struct line l, size_t *key_len, bool *valid)
{
	const char *colon = memchr(l.s, ':', l.len);
	if (!colon || colon == l.s)
		return false;
	size_t k = (size_t)(colon - l.s);
	if (k > MAX_KEY)
		return false;
	*valid = (l.s[0] | 32) >= 'a' && (l.s[0] | 32) <= 'z';
	for (size_t i = 0; i < k; i++) {
		unsigned char c = (unsigned char)l.s[i];
		if (c == ' ' || c == '\t')
			return false;
		if (!((c | 32) >= 'a' && (c | 32) <= 'z') && !is_digit((char)c) && c != '-' && c != '_')
			*valid = false;
	}
	*key_len = k;
	return true;
}

static const char *const known_keys[] = {"title", "source", "date", "lang", "language", "url", "author"};

static int known_key(const char *k, size_t len)
{
	for (size_t i = 0; i < RV_ARRAY_LEN(known_keys); i++)
		if (strlen(known_keys[i]) == len && !strncasecmp(known_keys[i], k, len))
			return (int)i;
	return -1;
}

static bool has_header(const char *text, size_t n)
{
	size_t pos = 0, klen;
	struct line l;
	bool first = true, valid, known = false;
	while (next_line(text, n, &pos, &l) && !blank(l.s, l.len)) {
		bool is_key = split_key(l, &klen, &valid);
		if (first && !is_key)
			return false;
		first = false;
		if (is_key && valid && known_key(l.s, klen) >= 0)
			known = true;
	}
	return known;
}

static char *trimmed_nfc(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	const char *nul = memchr(s, '\0', n);
	if (nul)
		n = (size_t)(nul - s);
	size_t len;
	return rv_text_nfc(s, n, &len);
}

struct header_ctx {
	struct rv_article *a;
	struct rv_diags *diags;
	unsigned warnings;
	char **fields[7];
};

static void header_warn(struct header_ctx *h, unsigned line, const char *what, const char *s, size_t n)
{
	h->warnings++;
	if (h->warnings > MAX_HEADER_WARNINGS)
		return;
	char *shown = rv_xstrndup(s, n > 80 ? 80 : n);
	rv_diag_add(h->diags, h->a->id, line, "%s: %s%s", what, shown, n > 80 ? "..." : "");
	free(shown);
}

static void header_field(struct header_ctx *h, unsigned lineno, struct line l, size_t klen)
{
	const char *v = l.s + klen + 1;
	size_t vlen = l.len - klen - 1;
	int k = known_key(l.s, klen);
	if (k < 0) {
		if (h->a->n_extra >= MAX_EXTRA_FIELDS) {
			header_warn(h, lineno, "too many header fields, ignored", l.s, l.len);
			return;
		}
		h->a->extra = rv_xrealloc(h->a->extra, (h->a->n_extra + 1) * sizeof *h->a->extra);
		h->a->extra[h->a->n_extra++] = (struct rv_field){rv_xstrndup(l.s, klen), trimmed_nfc(v, vlen)};
		return;
	}
	char *value = trimmed_nfc(v, vlen);
	if (!*value) {
		free(value);
		return;
	}
	if (!strcmp(known_keys[k], "date")) {
		if (h->a->date.precision != RV_DATE_NONE) {
			header_warn(h, lineno, "duplicate header field ignored", l.s, l.len);
		} else if (!rv_date_parse(value, strlen(value), &h->a->date)) {
			header_warn(h, lineno, "not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD), ignored",
				    value, strlen(value));
		}
		free(value);
		return;
	}
	char **slot = h->fields[k];
	if (**slot) {
		header_warn(h, lineno, "duplicate header field ignored", l.s, l.len);
		free(value);
		return;
	}
	free(*slot);
	*slot = value;
}

/* Reads the header block; returns the offset where the body starts. */
static size_t read_header(struct rv_article *a, const char *text, size_t n, struct rv_diags *diags)
{
	if (!has_header(text, n))
		return 0;
	struct header_ctx h = {.a = a, .diags = diags};
	h.fields[0] = &a->title;
	h.fields[1] = &a->source;
	h.fields[2] = NULL;
	h.fields[3] = &a->lang;
	h.fields[4] = &a->lang;
	h.fields[5] = &a->url;
	h.fields[6] = &a->author;
	size_t pos = 0, klen;
	unsigned lineno = 0;
	struct line l;
	bool valid;
	while (next_line(text, n, &pos, &l)) {
		lineno++;
		if (blank(l.s, l.len))
			break;
		if (!split_key(l, &klen, &valid))
			header_warn(&h, lineno, "not a header line (key: value), ignored", l.s, l.len);
		else if (!valid)
			header_warn(&h, lineno, "malformed header key, line ignored", l.s, klen);
		else
			header_field(&h, lineno, l, klen);
	}
	if (h.warnings > MAX_HEADER_WARNINGS)
		rv_diag_add(diags, a->id, 0, "%u more header problems not shown",
			    h.warnings - MAX_HEADER_WARNINGS);
	a->body_line = lineno + 1;
	return pos;
}

/* ---------------------------------------------------------------------------
 * Inference: date token, title, language
 */

/* A leading "date YYYY-MM[-DD]" token (the form some scrapers write). Returns
 * the length to drop from the start of s, 0 when there is none. */
static size_t date_token(const char *s, size_t n, struct rv_date *d)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
		i++;
	if (i + 4 > n || strncasecmp(s + i, "date", 4) != 0)
		return 0;
	i += 4;
	if (i < n && s[i] == ':')
		i++;
	size_t sp = i;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == sp)
		return 0;
	size_t a = i;
	while (i < n && (is_digit(s[i]) || s[i] == '-'))
		i++;
	if (i - a < 7 || (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n'))
		return 0;
	if (!rv_date_parse(s + a, i - a, d))
		return 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
		i++;
	return i;
}

static size_t count_words_ascii_spaces(const char *s, size_t n)
{
	size_t w = 0;
	bool in = false;
	for (size_t i = 0; i < n; i++) {
		bool sp = s[i] == ' ' || s[i] == '\t';
		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && !memcmp(s + n - k, suffix, k);
}

static bool reads_as_headline(const char *s, size_t n, size_t body_len)
{
	if (!n || n > HEADLINE_MAX_BYTES || n == body_len)
		return false;
	if (count_words_ascii_spaces(s, n) > HEADLINE_MAX_WORDS)
		return false;
	char last = s[n - 1];
	return last != '.' && last != ':' && last != ',' && last != ';' && !ends_with(s, n, "\xE2\x80\xA6");
}

/* Cuts at the last space before max bytes and adds an ellipsis. */
static char *cut_title(const char *s, size_t n)
{
	if (n <= TITLE_MAX)
		return rv_xstrndup(s, n);
	size_t cut = TITLE_MAX;
	while (cut > 0 && s[cut] != ' ')
		cut--;
	if (cut == 0) { /* one huge word: cut at a code point boundary */
		cut = TITLE_MAX;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
	}
	while (cut > 0 && (s[cut - 1] == ' ' || s[cut - 1] == ','))
		cut--;
	char *t = rv_xmalloc(cut + 4);
	memcpy(t, s, cut);
	memcpy(t + cut, "\xE2\x80\xA6", 4);
	return t;
}

static char *infer_title(const char *body, size_t n)
{
	size_t i = 0;
	while (i < n && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n'))
		i++;
	const char *s = body + i;
	n -= i;
	const char *nl = memchr(s, '\n', n);
	size_t first = nl ? (size_t)(nl - s) : n;
	while (first && (s[first - 1] == ' ' || s[first - 1] == '\t'))
		first--;
	if (reads_as_headline(s, first, n))
		return rv_xstrndup(s, first);
	struct rv_span *sent;
	size_t k = rv_text_sentences(s, first, &sent);
	if (!k)
		return rv_xstrdup("");
	size_t a = sent[0].start, b = sent[0].end;
	free(sent);
	if (b > a && s[b - 1] == '.' && !(b - a >= 3 && s[b - 2] == '.'))
		b--;
	return cut_title(s + a, b - a);
}

static char *title_from_id(const char *id)
{
	const char *slash = strrchr(id, '/');
	const char *base = slash ? slash + 1 : id;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	return rv_xstrndup(base, n);
}

static char *normalise_lang(const char *v)
{
	char buf[9];
	size_t k = 0;
	while (k < 8 && v[k] && ((v[k] | 32) >= 'a' && (v[k] | 32) <= 'z')) {
		buf[k] = (char)(v[k] | 32);
		k++;
	}
	buf[k] = '\0';
	return rv_xstrdup(k >= 2 ? buf : "other");
}

/* ---------------------------------------------------------------------------
 * One article
 */

void rv_article_free(struct rv_article *a)
{
	if (a->mapped) { /* the rest belongs to the cache's mapping */
		free(a->path);
		free(a->extra);
		memset(a, 0, sizeof *a);
		return;
	}
	free(a->id);
	free(a->path);
	free(a->title);
	free(a->source);
	free(a->lang);
	free(a->url);
	free(a->author);
	for (size_t i = 0; i < a->n_extra; i++) {
		free(a->extra[i].key);
		free(a->extra[i].value);
	}
	free(a->extra);
	free(a->body);
	free(a->tail);
	rv_fold_free(&a->fold);
	memset(a, 0, sizeof *a);
}

/* The body in NFC: in place when the text already is (the common case).
 * fold (not NULL): the body's folded text into it too, the check for NFC
 * made on the way. */
static void set_body(struct rv_article *a, char *text, size_t off, size_t len, struct rv_buf *fold)
{
	if (fold) {
		fold->len = 0;
		if (rv_text_fold_text(text + off, len, fold)) {
			memmove(text, text + off, len);
			text[len] = '\0';
			a->body = text;
			a->body_len = len;
		} else {
			a->body = rv_text_nfc(text + off, len, &a->body_len);
			free(text);
			fold->len = 0;
			rv_text_fold_text(a->body, a->body_len, fold);
		}
		return;
	}
	size_t i = 0;
	const unsigned char *u = (const unsigned char *)text + off;
	while (i < len) {
		while (i + 8 <= len) { /* ASCII, a word at a time */
			uint64_t w;
			memcpy(&w, u + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		if (u[i] >= 0xC2 && u[i] <= 0xCB && i + 1 < len && (u[i + 1] & 0xC0) == 0x80) {
			i += 2; /* U+0080 to U+02FF: Latin, always NFC-stable */
			continue;
		}
		unsigned cp = 0;
		size_t l = rv_utf8_decode(u + i, len - i, &cp);
		if (!l || (u[i] >= 0x80 && !rv_text_nfc_stable(cp)))
			break;
		i += l;
	}
	if (i == len) {
		memmove(text, text + off, len);
		text[len] = '\0';
		a->body = text;
		a->body_len = len;
		return;
	}
	a->body = rv_text_nfc(text + off, len, &a->body_len);
	free(text);
}

/* Takes ownership of raw (malloc'ed, room for n + 1 bytes). body_only: stop
 * once the body is set, folded into *fold when not NULL (rv_article_read). */
static bool article_from_owned(const char *id, unsigned char *raw, size_t n, struct rv_article *a,
			       struct rv_diags *diags, bool body_only, struct rv_buf *fold)
{
	memset(a, 0, sizeof *a);
	a->id = rv_xstrdup(id);
	a->file_bytes = n;
	struct rv_decoded d;
	if (rv_decode_take(raw, n, &d) == RV_DECODE_BINARY) {
		rv_diag_add(diags, id, 0, "binary file (NUL byte at offset %zu), skipped", d.binary_offset);
		return false;
	}
	a->encoding = d.encoding;
	a->replaced = d.replaced;
	a->title = rv_xstrdup("");
	a->source = rv_xstrdup("");
	a->lang = rv_xstrdup("");
	a->url = rv_xstrdup("");
	a->author = rv_xstrdup("");
	a->body_line = 1;
	size_t body = read_header(a, d.text, d.len, diags);
	struct rv_date tok;
	size_t drop = date_token(d.text + body, d.len - body, &tok);
	if (drop && a->date.precision == RV_DATE_NONE)
		a->date = tok;
	body += drop;
	while (body < d.len && d.text[body] == '\n') { /* blank lines before the text */
		body++;
		a->body_line++;
	}
	set_body(a, d.text, body, d.len - body, body_only ? fold : NULL);
	if (body_only)
		return true;
	if (!*a->title) {
		free(a->title);
		a->title = infer_title(a->body, a->body_len);
		if (!*a->title) {
			free(a->title);
			a->title = title_from_id(id);
		}
	}
	char *lang = *a->lang ? normalise_lang(a->lang) : NULL;
	if (!lang) {
		lang = rv_xstrdup(rv_text_guess_lang(a->body, a->body_len));
		a->lang_guessed = true;
	}
	free(a->lang);
	a->lang = lang;
	rv_text_fold(a->body, a->body_len, &a->fold);
	a->hash = rv_hash64(a->body, a->body_len);
	return true;
}

bool rv_article_from_bytes(const char *id, const unsigned char *raw, size_t n, struct rv_article *a,
			   struct rv_diags *diags)
{
	unsigned char *copy = rv_xmalloc(n + 1);
	memcpy(copy, raw, n);
	return article_from_owned(id, copy, n, a, diags, false, NULL);
}

/* ---------------------------------------------------------------------------
 * Reading files
 */

static const char *file_kind(mode_t m)
{
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISCHR(m))
		return "a character device";
	if (S_ISBLK(m))
		return "a block device";
	if (S_ISSOCK(m))
		return "a socket";
	return "not a regular file";
}

/* Reads a whole regular file without ever blocking on a FIFO or a device;
 * when head is not 0 and the file is larger than `lazy`, only its first
 * `head` bytes (*total says the file's size). */
static unsigned char *read_file(const char *path, const char *id, size_t max, size_t lazy, size_t head,
				size_t *len, size_t *total, struct rv_file_id *fid, struct rv_diags *diags)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		rv_diag_add(diags, id, 0, "cannot open: %s, skipped", strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		rv_diag_add(diags, id, 0, "cannot stat: %s, skipped", strerror(errno));
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		rv_diag_add(diags, id, 0, "%s, not read", file_kind(st.st_mode));
		close(fd);
		return NULL;
	}
	if ((unsigned long long)st.st_size > max) {
		rv_diag_add(diags, id, 0, "too large (%lld bytes; the limit is %zu, see --max-file-size), skipped",
			    (long long)st.st_size, max);
		close(fd);
		return NULL;
	}
	*fid = (struct rv_file_id){.size = (uint64_t)st.st_size,
				   .dev = (uint64_t)st.st_dev,
				   .ino = (uint64_t)st.st_ino,
				   .mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec};
	/* Read what fstat announced, no more: a file growing meanwhile is read
	 * as it was, and a file shrinking ends at its new end. */
	size_t want = (size_t)st.st_size, n = 0;
	*total = want;
	if (lazy && head && want > lazy && want > head)
		want = head;
	unsigned char *buf = rv_xmalloc(want + 1);
	while (n < want) {
		ssize_t r = read(fd, buf + n, want - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			rv_diag_add(diags, id, 0, "read error: %s, skipped", strerror(errno));
			free(buf);
			close(fd);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	*len = n;
	return buf;
}

/* ---------------------------------------------------------------------------
 * Walking directories
 */

struct entry {
	char *path, *id;
};

struct walk {
	struct entry *v;
	size_t n, cap;
	struct {
		dev_t dev;
		ino_t ino;
	} *seen;
	size_t nseen, capseen;
	char *root_real;
	struct rv_diags *diags;
};

/* Frees the walk; its entries' strings too when `entries` (else someone
 * took them). */
static void walk_free(struct walk *w, bool entries)
{
	for (size_t i = 0; entries && i < w->n; i++) {
		free(w->v[i].path);
		free(w->v[i].id);
	}
	free(w->v);
	free(w->seen);
	free(w->root_real);
}

static void add_entry(struct walk *w, const char *path, const char *id)
{
	w->v = rv_xgrow(w->v, &w->cap, w->n + 1, sizeof *w->v);
	w->v[w->n++] = (struct entry){rv_xstrdup(path), rv_xstrdup(id)};
}

static bool article_name(const char *name)
{
	size_t n = strlen(name);
	return (n > 4 && !strcasecmp(name + n - 4, ".txt")) || (n > 3 && !strcasecmp(name + n - 3, ".md"));
}

static bool seen_dir(struct walk *w, const struct stat *st)
{
	for (size_t i = 0; i < w->nseen; i++)
		if (w->seen[i].dev == st->st_dev && w->seen[i].ino == st->st_ino)
			return true;
	w->seen = rv_xgrow(w->seen, &w->capseen, w->nseen + 1, sizeof *w->seen);
	w->seen[w->nseen].dev = st->st_dev;
	w->seen[w->nseen].ino = st->st_ino;
	w->nseen++;
	return false;
}

/* Entries are "T" + name, T being d_type + 1: sort on the name. */
static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

static bool inside_root(struct walk *w, const char *path)
{
	char *real = realpath(path, NULL);
	if (!real)
		return false;
	size_t k = strlen(w->root_real);
	bool in = !strncmp(real, w->root_real, k) && (real[k] == '/' || real[k] == '\0' || k == 1);
	free(real);
	return in;
}

static char *join(const char *a, const char *b)
{
	if (!*a)
		return rv_xstrdup(b);
	size_t la = strlen(a);
	return rv_xasprintf("%s%s%s", a, a[la - 1] == '/' ? "" : "/", b);
}

static void walk_dir(struct walk *w, const char *dir, const char *idprefix, int depth);

/* One directory entry. d_type saves a stat for plain files and directories;
 * links and file systems that do not fill d_type get one. */
static void visit(struct walk *w, const char *dir, const char *idprefix, const char *name, unsigned char type,
		  int depth)
{
	char *path = join(dir, name);
	char *id = join(idprefix, name);
	bool wanted = article_name(name);
	struct stat lst, st;
	if (type != DT_DIR && type != DT_LNK && type != DT_UNKNOWN) {
		if (wanted) /* a FIFO or a device named *.txt is reported when loaded */
			add_entry(w, path, id);
	} else if (lstat(path, &lst) < 0) {
		rv_diag_add(w->diags, id, 0, "cannot stat: %s, skipped", strerror(errno));
	} else if (S_ISLNK(lst.st_mode) && stat(path, &st) < 0) {
		if (wanted)
			rv_diag_add(w->diags, id, 0, "broken link: %s, skipped", strerror(errno));
	} else if (S_ISLNK(lst.st_mode) && !inside_root(w, path)) {
		rv_diag_add(w->diags, id, 0, "link leads outside the corpus, skipped");
	} else {
		if (!S_ISLNK(lst.st_mode))
			st = lst;
		if (S_ISDIR(st.st_mode)) {
			if (seen_dir(w, &st))
				rv_diag_add(w->diags, id, 0, "directory already walked (a link cycle?), skipped");
			else
				walk_dir(w, path, id, depth + 1);
		} else if (wanted) {
			add_entry(w, path, id);
		}
	}
	free(path);
	free(id);
}

static void walk_dir(struct walk *w, const char *dir, const char *idprefix, int depth)
{
	if (depth > MAX_DEPTH) {
		rv_diag_add(w->diags, idprefix, 0, "directories nested too deep, not walked");
		return;
	}
	DIR *d = opendir(dir);
	if (!d) {
		rv_diag_add(w->diags, *idprefix ? idprefix : dir, 0, "cannot read directory: %s", strerror(errno));
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		names = rv_xgrow(names, &cap, n + 1, sizeof *names);
		names[n] = rv_xasprintf("%c%s", (char)(de->d_type + 1), de->d_name); /* never 0 */
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_names);
	for (size_t i = 0; i < n; i++) {
		visit(w, dir, idprefix, names[i] + 1, (unsigned char)(names[i][0] - 1), depth);
		free(names[i]);
	}
	free(names);
}
/* ---------------------------------------------------------------------------
 * Loading in parallel
 */

struct job {
	const struct entry *e;
	struct rv_article a;
	bool ok;
	struct rv_diags diags;
};

struct pool {
	struct job *jobs;
	size_t n;
	size_t max;
	size_t lazy;          /* rv_corpus_opts.lazy_bytes */
	_Atomic size_t *read; /* progress, or NULL */
	const struct rv_corpus_opts *opts;
};

bool rv_article_read(const char *path, const char *id, size_t max, bool body_only, struct rv_buf *fold,
		     struct rv_article *a, struct rv_diags *diags)
{
	memset(a, 0, sizeof *a);
	if (!max)
		max = RV_DEFAULT_MAX_FILE;
	if (max > (size_t)UINT32_MAX / 2)
		max = (size_t)UINT32_MAX / 2; /* offsets in the folded view are 32-bit */
	size_t len, total;
	struct rv_file_id fid;
	unsigned char *raw = read_file(path, id, max, 0, 0, &len, &total, &fid, diags);
	if (!raw)
		return false;
	if (!article_from_owned(id, raw, len, a, diags, body_only, fold)) {
		rv_article_free(a);
		return false;
	}
	a->file = fid;
	a->path = rv_xstrdup(path);
	if (a->replaced)
		rv_diag_add(diags, id, 0, "%zu invalid byte sequences replaced with U+FFFD (read as %s)", a->replaced,
			    rv_encoding_name(a->encoding));
	return true;
}

/* The last `want` bytes of the file (of size `total` at the first read),
 * from the byte after their first newline, decoded and in NFC; NULL when
 * there is no such part or it cannot be read. */
static char *read_tail(const char *path, size_t total, size_t want, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return NULL;
	unsigned char *raw = rv_xmalloc(want + 1);
	size_t n = 0;
	off_t at = (off_t)(total - want);
	while (n < want) {
		ssize_t r = pread(fd, raw + n, want - n, at + (off_t)n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	const unsigned char *nl = memchr(raw, '\n', n);
	if (!nl || nl + 1 == raw + n) {
		free(raw);
		return NULL;
	}
	size_t skip = (size_t)(nl - raw) + 1;
	memmove(raw, raw + skip, n - skip);
	n -= skip;
	struct rv_decoded d;
	if (rv_decode_take(raw, n, &d) == RV_DECODE_BINARY)
		return NULL;
	struct rv_article t = {0};
	set_body(&t, d.text, 0, d.len, NULL);
	*len = t.body_len;
	return t.body;
}

static void load_one(struct job *j, size_t max, size_t lazy, const struct rv_corpus_opts *o)
{
	bool (*reuse)(void *, const char *, const char *, const struct rv_file_id *, uint64_t, size_t,
		      struct rv_article *, struct rv_diags *) = o ? o->reuse : NULL;
	if (reuse && reuse(o->reuse_ctx, j->e->path, j->e->id, NULL, 0, max, &j->a, &j->diags)) {
		j->a.path = rv_xstrdup(j->e->path);
		j->ok = true;
		return;
	}
	size_t len, total;
	struct rv_file_id fid;
	unsigned char *raw = read_file(j->e->path, j->e->id, max, lazy, RV_LAZY_HEAD, &len, &total, &fid, &j->diags);
	if (!raw)
		return;
	bool partial = len < total;
	if (partial) { /* the first part, up to a line end; else the whole */
		const unsigned char *nl = memchr(raw, '\0', len) ? NULL : memrchr(raw, '\n', len);
		if (nl) {
			len = (size_t)(nl - raw) + 1;
		} else {
			free(raw);
			raw = read_file(j->e->path, j->e->id, max, 0, 0, &len, &total, &fid, &j->diags);
			if (!raw)
				return;
			partial = false;
		}
	}
	uint64_t raw_hash = 0; /* a partial article is hashed once read in full (rv_article_finish) */
	if (!partial) {
		raw_hash = rv_hash64(raw, len);
		if (reuse && reuse(o->reuse_ctx, j->e->path, j->e->id, &fid, raw_hash, max, &j->a, &j->diags)) {
			free(raw);
			j->a.path = rv_xstrdup(j->e->path);
			j->ok = true;
			return;
		}
	}
	j->ok = article_from_owned(j->e->id, raw, len, &j->a, &j->diags, false, NULL);
	if (j->ok && partial) {
		j->a.partial = true;
		j->a.file_bytes = total;
		j->a.tail = read_tail(j->e->path, total, RV_LAZY_HEAD, &j->a.tail_len);
	}
	if (j->ok) {
		j->a.file = fid;
		j->a.raw_hash = raw_hash;
		j->a.path = rv_xstrdup(j->e->path);
		if (j->a.replaced)
			rv_diag_add(&j->diags, j->e->id, 0, "%zu invalid byte sequences replaced with U+FFFD (read as %s)",
				    j->a.replaced, rv_encoding_name(j->a.encoding));
	} else {
		rv_article_free(&j->a);
	}
}

static void load_job(void *ctx, size_t i, unsigned worker)
{
	(void)worker;
	struct pool *p = ctx;
	load_one(&p->jobs[i], p->max, p->lazy, p->opts);
	if (p->read)
		atomic_fetch_add_explicit(p->read, 1, memory_order_relaxed);
}

static bool collect_path(struct walk *w, const char *path, bool single, struct rv_diags *err)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		rv_diag_add(err, path, 0, "%s", strerror(errno));
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		add_entry(w, path, path);
		return true;
	}
	free(w->root_real);
	w->root_real = realpath(path, NULL);
	if (!w->root_real) {
		rv_diag_add(err, path, 0, "%s", strerror(errno));
		return false;
	}
	seen_dir(w, &st);
	size_t before = w->n;
	walk_dir(w, path, single ? "" : path, 0);
	if (w->n == before && !single)
		rv_diag_add(w->diags, path, 0, "no article in this directory (*.txt, *.md)");
	return true;
}

int rv_corpus_files(const char *const *paths, size_t npaths, struct rv_corpus_file **out, size_t *n,
		    struct rv_diags *warn, struct rv_diags *err)
{
	struct walk w = {.diags = warn};
	bool ok = true;
	for (size_t i = 0; i < npaths && ok; i++)
		ok = collect_path(&w, paths[i], npaths == 1, err);
	*out = NULL;
	*n = 0;
	if (ok && w.n) {
		*out = rv_xmalloc(w.n * sizeof **out);
		for (size_t i = 0; i < w.n; i++)
			(*out)[i] = (struct rv_corpus_file){w.v[i].path, w.v[i].id};
		*n = w.n;
	}
	walk_free(&w, !(ok && w.n));
	return ok ? 0 : -1;
}

void rv_corpus_files_free(struct rv_corpus_file *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(f[i].path);
		free(f[i].id);
	}
	free(f);
}

int rv_corpus_load(const char *const *paths, size_t npaths, const struct rv_corpus_opts *opts,
		   struct rv_corpus **out, struct rv_diags *err)
{
	struct rv_corpus *c = rv_xcalloc(1, sizeof *c);
	struct walk w = {.diags = &c->diags};
	*out = NULL;
	for (size_t i = 0; i < npaths; i++) {
		if (!collect_path(&w, paths[i], npaths == 1, err))
			goto fail;
	}
	struct pool p = {.n = w.n, .max = opts && opts->max_file_bytes ? opts->max_file_bytes : RV_DEFAULT_MAX_FILE,
			 .read = opts ? opts->read : NULL, .lazy = opts ? opts->lazy_bytes : 0, .opts = opts};
	if (opts && opts->found)
		atomic_store_explicit(opts->found, w.n, memory_order_relaxed);
	if (p.max > (size_t)UINT32_MAX / 2)
		p.max = (size_t)UINT32_MAX / 2; /* offsets in the folded view are 32-bit */
	p.jobs = rv_xcalloc(w.n, sizeof *p.jobs);
	for (size_t i = 0; i < w.n; i++)
		p.jobs[i].e = &w.v[i];
	rv_parallel_for(w.n, rv_thread_count(opts ? opts->threads : 0, w.n), load_job, &p);
	c->articles = rv_xcalloc(w.n, sizeof *c->articles);
	for (size_t i = 0; i < w.n; i++) {
		rv_diag_take(&c->diags, &p.jobs[i].diags);
		if (p.jobs[i].ok) {
			c->articles[c->n++] = p.jobs[i].a;
			c->bytes += p.jobs[i].a.file_bytes;
		}
	}
	free(p.jobs);
	if (!c->n) {
		if (w.n)
			rv_diag_add(err, npaths == 1 ? paths[0] : NULL, 0, "no readable article (%zu files tried)", w.n);
		else
			rv_diag_add(err, npaths == 1 ? paths[0] : NULL, 0, "no article found (*.txt, *.md)");
		goto fail;
	}
	walk_free(&w, true);
	struct stat st;
	if (npaths == 1 && stat(paths[0], &st) == 0 && S_ISDIR(st.st_mode))
		c->root = rv_xstrdup(paths[0]);
	*out = c;
	return 0;
fail:
	walk_free(&w, true);
	rv_diag_take(err, &c->diags);
	rv_corpus_free(c);
	return -1;
}

bool rv_article_finish(const struct rv_article *part, size_t max, struct rv_article *out, struct rv_diags *diags)
{
	memset(out, 0, sizeof *out);
	if (!max)
		max = RV_DEFAULT_MAX_FILE;
	if (max > (size_t)UINT32_MAX / 2)
		max = (size_t)UINT32_MAX / 2;
	struct job j = {.e = &(struct entry){part->path, part->id}};
	load_one(&j, max, 0, NULL);
	rv_diag_take(diags, &j.diags);
	if (j.ok)
		*out = j.a;
	return j.ok;
}

void rv_corpus_free(struct rv_corpus *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		rv_article_free(&c->articles[i]);
	free(c->articles);
	rv_diag_free(&c->diags);
	free(c->root);
	rv_cache_close(c->cache);
	free(c);
}
