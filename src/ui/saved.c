/* saved.c — the reader's side of the saved state beyond read marks and
 * article stars: stars on quotes and a note per article.
 *
 * The store is reached only through rv_ui_state (main.c wires it), so this
 * file knows no database. A quote is starred from the reading view: the
 * first quotation on its screen, which is the one the user just scrolled
 * to. A note is edited in $VISUAL or $EDITOR on a private temporary file,
 * the terminal handed over and taken back (draw.c), or, with neither set,
 * on the status line (one line). Nothing is saved when the editor fails or
 * the text did not change.
 */
#include "app.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define INLINE_NOTE_MAX 1024
#define NOTE_READ_MAX ((size_t)1 << 20) /* the store refuses longer notes */

bool rv_saved_quote_starred(const struct rv_app *app, size_t art, size_t start, size_t end)
{
	const struct rv_ui_state *st = app->state;
	return st && st->quote_starred && st->quote_starred(st->ctx, art, start, end);
}

const char *rv_saved_note(const struct rv_app *app, size_t art, size_t *len)
{
	const struct rv_ui_state *st = app->state;
	*len = 0;
	if (!st || !st->note || art >= app->c->n)
		return NULL;
	const char *n = st->note(st->ctx, art, len);
	return n && *len ? n : NULL;
}

void rv_saved_star_quote(struct rv_app *app)
{
	size_t art = app->reader.art, vs, ve;
	const struct rv_ui_state *st = app->state;
	if (!app->ix) {
		rv_app_message(app, false, "quotes are found once the index is built; try again in a moment");
		return;
	}
	if (!rv_reader_visible(app, &vs, &ve)) {
		rv_app_message(app, false, "no article open");
		return;
	}
	const struct rv_analysis *an = &app->ix->an[art];
	const struct rv_quote *q = NULL;
	for (size_t i = 0; i < an->nquotes && !q; i++)
		if (an->quotes[i].kind == RV_QUOTE_SPEECH && an->quotes[i].end > vs && an->quotes[i].start < ve)
			q = &an->quotes[i];
	if (!q) {
		rv_app_message(app, false, "no quote on the screen of the reading view");
		return;
	}
	if (!st || !st->star_quote) {
		rv_app_message(app, true, "quote stars need the state store");
		return;
	}
	bool on = !rv_saved_quote_starred(app, art, q->start, q->end);
	struct rv_buf b = {0};
	rv_buf_add(&b, q->text, strlen(q->text) > 40 ? 40 : strlen(q->text));
	while (b.len && ((unsigned char)b.p[b.len - 1] & 0xC0) == 0x80) /* no cut code point */
		b.len--;
	if (b.len && (unsigned char)b.p[b.len - 1] >= 0xC0)
		b.len--;
	if (!st->star_quote(st->ctx, art, q->start, q->end, on))
		rv_app_message(app, true, "the quote star is not saved: the state file is read-only");
	else
		rv_app_message(app, false, "quote %s: %.*s%s", on ? "starred" : "star removed", (int)b.len, b.p ? b.p : "",
			       strlen(q->text) > b.len ? "..." : "");
	rv_buf_free(&b);
	app->dirty = RV_DIRTY_ALL;
}

static void save_note(struct rv_app *app, size_t art, const char *text, size_t len)
{
	while (len && (text[len - 1] == '\n' || text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--; /* an editor's final newline is no part of the note */
	size_t oldlen;
	const char *old = rv_saved_note(app, art, &oldlen);
	if (oldlen == len && (!len || !memcmp(old, text, len))) {
		rv_app_message(app, false, "note unchanged");
		return;
	}
	const struct rv_ui_state *st = app->state;
	if (!st->set_note(st->ctx, art, text, len))
		rv_app_message(app, true, "the note is not saved (the state file is read-only, or the note too long)");
	else
		rv_app_message(app, false, "%s", len ? "note saved" : "note removed");
	app->dirty = RV_DIRTY_ALL;
}

/* Runs `editor path` through the shell, as less and git do, with the
 * terminal handed over; true when it exited with status 0. */
static bool run_editor(const char *editor, const char *path)
{
	struct sigaction ign, old_int, old_quit;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	/* Ctrl-C in the editor is the editor's, not a reason for revue to quit */
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	rv_draw_suspend();
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", editor, path, (char *)NULL);
		_exit(127);
	}
	int status = -1;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	rv_draw_resume();
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void edit_in_editor(struct rv_app *app, size_t art, const char *editor)
{
	const char *tmp = getenv("TMPDIR");
	char *path = rv_xasprintf("%s/revue-note.XXXXXX", tmp && *tmp == '/' ? tmp : "/tmp");
	int fd = mkstemp(path); /* 0600: a note is private */
	if (fd < 0) {
		rv_app_message(app, true, "cannot make a temporary file for the note: %s", strerror(errno));
		free(path);
		return;
	}
	size_t len;
	const char *note = rv_saved_note(app, art, &len);
	bool ok = !note || (write(fd, note, len) == (ssize_t)len && write(fd, "\n", 1) == 1);
	close(fd);
	if (ok && !run_editor(editor, path)) {
		rv_app_message(app, true, "the editor failed: the note is unchanged");
		ok = false;
	} else if (ok) {
		struct rv_buf b = {0};
		FILE *f = fopen(path, "rb");
		char chunk[4096];
		size_t r;
		while (f && (r = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= NOTE_READ_MAX)
			rv_buf_add(&b, chunk, r);
		if (f)
			fclose(f);
		if (!f)
			rv_app_message(app, true, "cannot read the note back: %s", strerror(errno));
		else
			save_note(app, art, b.p ? b.p : "", b.len);
		rv_buf_free(&b);
	} else {
		rv_app_message(app, true, "cannot write the note to a temporary file");
	}
	unlink(path);
	free(path);
}

static void edit_inline(struct rv_app *app, size_t art)
{
	char line[INLINE_NOTE_MAX + 1];
	size_t len;
	const char *note = rv_saved_note(app, art, &len);
	if (note && (memchr(note, '\n', len) || len > INLINE_NOTE_MAX)) {
		rv_app_message(app, true, "a note of several lines is edited in $EDITOR (not set)");
		return;
	}
	memcpy(line, note ? note : "", len);
	line[len] = '\0';
	if (!rv_app_prompt(app, "note (empty removes it): ", line, sizeof line)) {
		rv_app_message(app, false, "note unchanged");
		return;
	}
	save_note(app, art, line, strlen(line));
}

void rv_saved_edit_note(struct rv_app *app)
{
	size_t art = app->reader.art;
	if (app->focus == RV_PANE_LIST && app->list.c.n)
		art = app->list.rows[app->list.c.cur];
	if (art >= app->c->n) {
		rv_app_message(app, false, "no article open");
		return;
	}
	if (!app->state || !app->state->set_note) {
		rv_app_message(app, true, "notes need the state store");
		return;
	}
	const char *editor = getenv("VISUAL");
	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (editor && *editor)
		edit_in_editor(app, art, editor);
	else
		edit_inline(app, art);
	app->dirty = RV_DIRTY_ALL;
}
