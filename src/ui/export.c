/* export.c — what leaves revue other than the screen: a quote with its
 * citation for the clipboard, base64 for OSC 52, and a comparison as
 * Markdown. Plain data, no terminal: the unit tests link it without curses.
 *
 * Article text is sanitised on the way out like on the screen (text.h): a
 * control, C1, bidi or invisible character becomes its visible token, so a
 * paste never carries an escape sequence from an article. Whitespace runs
 * (newlines, tabs) become one space in a citation; Markdown keeps paragraph
 * breaks and escapes its own punctuation so article text cannot format.
 */
#include "revue/ui.h"

#include <stdio.h>
#include <string.h>

void rv_base64(const void *p, size_t n, struct rv_buf *out)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *s = p;
	rv_buf_reserve(out, (n + 2) / 3 * 4 + 1);
	size_t i = 0;
	for (; i + 3 <= n; i += 3) {
		unsigned v = (unsigned)s[i] << 16 | (unsigned)s[i + 1] << 8 | s[i + 2];
		char q[4] = {tab[v >> 18], tab[(v >> 12) & 63], tab[(v >> 6) & 63], tab[v & 63]};
		rv_buf_add(out, q, 4);
	}
	if (i < n) {
		unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0);
		char q[4] = {tab[v >> 18], tab[(v >> 12) & 63], i + 1 < n ? tab[(v >> 6) & 63] : '=', '='};
		rv_buf_add(out, q, 4);
	}
}

/* s on one line: whitespace runs as one space, the rest sanitised; at most
 * max bytes of s are read, cut at a code point, "…" marking the cut. */
static void one_line(struct rv_buf *out, const char *s, size_t n, size_t max)
{
	bool cut = n > max;
	if (cut) {
		n = max;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	struct rv_buf tmp = {0};
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
			space = tmp.len > 0;
			continue;
		}
		if (space)
			rv_buf_addc(&tmp, ' ');
		space = false;
		rv_buf_addc(&tmp, ch);
	}
	rv_sanitize(tmp.p ? tmp.p : "", tmp.len, RV_SAN_ONE_LINE, out);
	if (cut)
		rv_buf_adds(out, "\xe2\x80\xa6");
	rv_buf_free(&tmp);
}

void rv_cite(struct rv_buf *out, const char *text, size_t n, const char *speaker, const struct rv_article *a)
{
	one_line(out, text, n, RV_COPY_MAX);
	rv_buf_adds(out, "\n\xe2\x80\x94 ");
	const char *sep = "";
	if (speaker && *speaker) {
		one_line(out, speaker, strlen(speaker), 200);
		sep = ", ";
	}
	rv_buf_adds(out, sep);
	if (*a->title) {
		rv_buf_adds(out, "\xe2\x80\x9c");
		one_line(out, a->title, strlen(a->title), 400);
		rv_buf_adds(out, "\xe2\x80\x9d");
	} else {
		one_line(out, a->id, strlen(a->id), 400);
	}
	if (*a->source) {
		rv_buf_adds(out, ", ");
		one_line(out, a->source, strlen(a->source), 200);
	}
	char date[32];
	rv_date_format(&a->date, date);
	if (*date)
		rv_buf_printf(out, ", %s", date);
}

/* --- Markdown ------------------------------------------------------------------ */

/* Sanitised text with Markdown's punctuation escaped. */
static void md_plain(struct rv_buf *out, const char *s, size_t n)
{
	struct rv_buf tmp = {0};
	rv_sanitize(s, n, RV_SAN_ONE_LINE, &tmp);
	for (size_t i = 0; i < tmp.len; i++) {
		if (strchr("\\`*_~[]<>#|!", tmp.p[i]))
			rv_buf_addc(out, '\\');
		rv_buf_addc(out, tmp.p[i]);
	}
	rv_buf_free(&tmp);
}

/* Text of a blockquote: a line break starts a new quoted paragraph. */
static void md_text(struct rv_buf *out, const char *s, size_t n, bool breaks)
{
	size_t from = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != '\n' && s[i] != '\r' && s[i] != '\t')
			continue;
		md_plain(out, s + from, i - from);
		if (i < n)
			rv_buf_adds(out, s[i] == '\n' && breaks ? "\n>\n> " : s[i] == '\r' ? "" : " ");
		from = i + 1;
	}
}

/* One run, its mark around the words (whitespace stays outside, where
 * Markdown wants it). */
static void md_run(struct rv_buf *out, const char *s, size_t n, const char *mark)
{
	if (!*mark) {
		md_text(out, s, n, true);
		return;
	}
	size_t a = 0, b = n;
	while (a < b && strchr(" \t\r\n", s[a]))
		a++;
	while (b > a && strchr(" \t\r\n", s[b - 1]))
		b--;
	md_text(out, s, a, true);
	if (b > a) {
		rv_buf_adds(out, mark);
		md_text(out, s + a, b - a, false);
		rv_buf_adds(out, mark);
	}
	md_text(out, s + b, n - b, true);
}

static const char *md_mark(enum rv_diff_op op, int side)
{
	if (op == RV_DIFF_CHANGE)
		return "_";
	if (op == RV_DIFF_DELETE && !side)
		return "~~";
	if (op == RV_DIFF_INSERT && side)
		return "**";
	return "";
}

/* One version: its heading, its facts, its text with the marks of diff d
 * (side 0: the reference, 1: the other); d NULL: no marks. */
static void md_version(struct rv_buf *out, size_t k, const struct rv_md_version *v, const struct rv_diff *d, int side)
{
	const struct rv_article *a = v->a;
	rv_buf_printf(out, "## %zu. ", k + 1);
	md_plain(out, *a->title ? a->title : a->id, strlen(*a->title ? a->title : a->id));
	char date[32];
	rv_date_format(&a->date, date);
	rv_buf_adds(out, "\n\n- source: ");
	md_plain(out, *a->source ? a->source : "(none)", strlen(*a->source ? a->source : "(none)"));
	rv_buf_printf(out, "\n- date: %s\n- said by: ", *date ? date : "(none)");
	md_plain(out, v->who ? v->who : "(unknown)", strlen(v->who ? v->who : "(unknown)"));
	rv_buf_adds(out, "\n- file: `");
	struct rv_buf id = {0};
	rv_sanitize(a->id, strlen(a->id), RV_SAN_ONE_LINE, &id);
	for (size_t i = 0; i < id.len; i++) /* a code span cannot hold a backquote */
		rv_buf_addc(out, id.p[i] == '`' ? '\'' : id.p[i]);
	rv_buf_free(&id);
	size_t s = side ? d->b_start : d ? d->a_start : v->start, e = side ? d->b_end : d ? d->a_end : v->end;
	rv_buf_printf(out, "`, bytes %zu-%zu\n\n> ", s, e);
	if (!d) {
		md_text(out, a->body + s, e - s, true);
	} else {
		for (size_t i = 0; i < d->n; i++) {
			const struct rv_diff_run *r = &d->runs[i];
			size_t rs = side ? r->b_start : r->a_start, re = side ? r->b_end : r->a_end;
			md_run(out, a->body + rs, re - rs, md_mark(r->op, side));
		}
	}
	rv_buf_adds(out, "\n\n");
}

void rv_md_compare(struct rv_buf *out, const struct rv_md_version *v, size_t n, const struct rv_diff *d)
{
	rv_buf_printf(out, "# %zu versions compared\n\n", n);
	rv_buf_adds(out, "Marks against version 1: words only there ~~struck~~, words only in the other **bold**, "
			 "changed words _in italics_ on both sides.\n\n");
	for (size_t k = 0; k < n; k++) {
		if (k) {
			const struct rv_diff *dk = &d[k - 1];
			rv_buf_printf(out, "%.0f%% of words in common with version 1: %zu changed (%zu inflection only), "
					   "%zu removed, %zu added%s.\n\n",
				      dk->share * 100.0, dk->changed, dk->minor, dk->removed, dk->added,
				      dk->coarse ? " (a coarse diff: long texts)" : "");
		}
		md_version(out, k, &v[k], k ? &d[k - 1] : n > 1 ? &d[0] : NULL, k ? 1 : 0);
	}
}
