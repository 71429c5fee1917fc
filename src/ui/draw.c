/* draw.c — the one place that talks to ncurses.
 *
 * Every string bound for the screen passes rv_ui_glyph (the sanitizer) here,
 * whoever made it: article text, titles, file names, prompt echo. Each pane
 * has its own window: a keystroke repaints the panes it changed into their
 * windows, wnoutrefresh queues them, and one doupdate sends the difference.
 * The screen is never cleared on a keystroke.
 */
#include "app.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

struct rv_surface {
	WINDOW *win;
	struct rv_rect r;
};

static bool utf8;
static bool colour;
/* Each element's colour pair: 0 (the terminal's own colours) for one the
 * theme leaves in the default colours, so that plain text, and the blank
 * of a line the terminal scrolls in, cost no colour sequence. */
static short pair_of[RV_EL_COUNT];
static const struct rv_theme *theme;

static const char *const glyph_utf8[RV_GL_COUNT] = {"\xe2\x94\x82", "\xe2\x80\xa6", "\xe2\x96\x8e",
						    "\xe2\x87\x84", "\xe2\x96\xb8", "\xe2\x80\xa2", "\xc2\xb7"};
static const char *const glyph_ascii[RV_GL_COUNT] = {"|", "~", "|", "<>", ">", "*", "-"};

const char *rv_glyph(int which)
{
	return utf8 ? glyph_utf8[which] : glyph_ascii[which];
}

bool rv_draw_utf8(void)
{
	return utf8;
}

unsigned rv_draw_sanflags(void)
{
	return utf8 ? 0 : RV_SAN_ASCII;
}

static attr_t attrs_of(unsigned a)
{
	attr_t r = A_NORMAL;
	if (a & RV_ATTR_BOLD)
		r |= A_BOLD;
	if (a & RV_ATTR_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & RV_ATTR_REVERSE)
		r |= A_REVERSE;
	if (a & RV_ATTR_ITALIC)
		r |= A_ITALIC;
	if (a & RV_ATTR_DIM)
		r |= A_DIM;
	return r;
}

static void set_style(WINDOW *w, enum rv_element el, unsigned extra)
{
	unsigned a = theme->el[el].attrs | extra;
	/* Without colour, what colour said must still show: the reverse video
	 * of a selection, the title and status lines, search matches. */
	if (!colour)
		a |= rv_element_attrs(el);
	wattr_set(w, attrs_of(a), colour ? pair_of[el] : 0, NULL);
}

static void init_colours(void)
{
	const char *nc = getenv("NO_COLOR");
	colour = has_colors() && !(nc && *nc);
	if (!colour)
		return;
	start_color();
	bool defaults = use_default_colors() == OK;
	for (int e = 0; e < RV_EL_COUNT; e++) {
		int fg = rv_color_resolve(theme->el[e].fg, COLORS);
		int bg = rv_color_resolve(theme->el[e].bg, COLORS);
		if (!defaults) {
			fg = fg < 0 ? COLOR_WHITE : fg;
			bg = bg < 0 ? COLOR_BLACK : bg;
		}
		pair_of[e] = 0;
		if (defaults && fg < 0 && bg < 0)
			continue;
		if (e + 1 < COLOR_PAIRS) {
			init_pair((short)(e + 1), (short)fg, (short)bg);
			pair_of[e] = (short)(e + 1);
		}
	}
}

bool rv_draw_start(struct rv_app *app, const char **why)
{
	setlocale(LC_CTYPE, ""); /* only the character set: numbers stay in C */
	const char *cs = nl_langinfo(CODESET);
	utf8 = cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
	theme = &app->theme;
	set_escdelay(25);
	if (!newterm(NULL, stdout, stdin)) {
		*why = "cannot use this terminal (check TERM)";
		return false;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	init_colours();
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	return true;
}

void rv_draw_stop(void)
{
	if (!isendwin())
		endwin();
}

void rv_draw_suspend(void)
{
	def_prog_mode();
	endwin();
}

void rv_draw_resume(void)
{
	reset_prog_mode();
	clearok(curscr, TRUE);
	doupdate();
}

void rv_draw_size(int *cols, int *rows)
{
	*cols = COLS;
	*rows = LINES;
}

struct rv_surface *rv_surface_new(struct rv_rect r)
{
	struct rv_surface *s = rv_xcalloc(1, sizeof *s);
	s->r = r;
	s->win = newwin(r.h, r.w, r.y, r.x);
	if (s->win) {
		keypad(s->win, TRUE);
		leaveok(s->win, TRUE);
	}
	return s;
}

void rv_surface_free(struct rv_surface *s)
{
	if (!s)
		return;
	if (s->win)
		delwin(s->win);
	free(s);
}

void rv_surface_clear(struct rv_surface *s)
{
	if (s && s->win) {
		wattr_set(s->win, A_NORMAL, colour ? pair_of[RV_EL_TEXT] : 0, NULL);
		wbkgdset(s->win, ' ' | (colour ? COLOR_PAIR(pair_of[RV_EL_TEXT]) : 0));
		werase(s->win);
	}
}

void rv_draw_fill(struct rv_surface *s, int y, int x, enum rv_element el, unsigned attrs)
{
	if (!s || !s->win || y < 0 || y >= s->r.h)
		return;
	set_style(s->win, el, attrs);
	for (int i = x; i < s->r.w; i++)
		mvwaddch(s->win, y, i, ' ');
}

/* Writes one glyph; the caller has checked it fits. */
static void put_glyph(WINDOW *w, const char *t, size_t i, const struct rv_glyph *g, int col, int y, int x,
		      enum rv_element el, unsigned attrs)
{
	switch (g->kind) {
	case RV_GLYPH_TEXT:
		if (g->width > 0)
			wmove(w, y, x + col);
		waddnstr(w, t + i, (int)g->len);
		break;
	case RV_GLYPH_TOKEN:
		wmove(w, y, x + col);
		if (utf8 || g->tok[0] == '<' || g->tok[0] == '\\' || (g->tok[0] == '^' && g->tok[1]))
			set_style(w, RV_EL_TOKEN, attrs);
		waddstr(w, g->tok);
		set_style(w, el, attrs);
		break;
	case RV_GLYPH_TAB:
	case RV_GLYPH_NEWLINE:
	case RV_GLYPH_SKIP:
		break;
	}
}

static void put_more(WINDOW *w, int y, int x, enum rv_element el, unsigned attrs)
{
	set_style(w, el, attrs);
	mvwaddstr(w, y, x, rv_glyph(RV_GL_MORE));
}

int rv_draw_text(struct rv_surface *s, int y, int x, int maxw, const char *t, size_t n, enum rv_element el,
		 unsigned attrs)
{
	if (!s || !s->win || y < 0 || y >= s->r.h || maxw <= 0)
		return 0;
	WINDOW *w = s->win;
	set_style(w, el, attrs);
	struct rv_sanitizer st;
	rv_sanitizer_init(&st, RV_SAN_ONE_LINE | rv_draw_sanflags());
	int col = 0;
	size_t i = 0;
	while (i < n) {
		struct rv_glyph g;
		size_t l = rv_ui_glyph(&st, t, n, i, &g);
		if (col + g.width > maxw || (col + g.width == maxw && i + l < n && g.width)) {
			if (col < maxw)
				put_more(w, y, x + col, el, attrs);
			else
				put_more(w, y, x + maxw - 1, el, attrs);
			return maxw;
		}
		put_glyph(w, t, i, &g, col, y, x, el, attrs);
		col += g.width;
		i += l;
	}
	return col;
}

int rv_draw_label(struct rv_surface *s, int y, int x, int maxw, const char *t, enum rv_element el, unsigned attrs)
{
	return rv_draw_text(s, y, x, maxw, t, strlen(t), el, attrs);
}

void rv_draw_line(struct rv_surface *s, int y, int x, int maxw, const char *t, size_t start, size_t end,
		  const struct rv_run *runs, size_t nruns, unsigned sanflags)
{
	if (!s || !s->win || y < 0 || y >= s->r.h || maxw <= 0)
		return;
	WINDOW *w = s->win;
	struct rv_sanitizer st;
	rv_sanitizer_init(&st, sanflags | rv_draw_sanflags());
	size_t r = 0;
	int col = 0;
	size_t i = start;
	enum rv_element el = RV_EL_TEXT;
	unsigned attrs = 0;
	set_style(w, el, attrs);
	while (i < end) {
		while (r < nruns && runs[r].end <= i)
			r++;
		enum rv_element nel = r < nruns ? (enum rv_element)runs[r].el : RV_EL_TEXT;
		unsigned nat = r < nruns ? runs[r].attrs : 0;
		if (nel != el || nat != attrs) {
			el = nel;
			attrs = nat;
			set_style(w, el, attrs);
		}
		struct rv_glyph g;
		size_t l = rv_ui_glyph(&st, t, end, i, &g);
		int gw = g.kind == RV_GLYPH_TAB ? 8 - col % 8 : g.width;
		if (col + gw > maxw) {
			put_more(w, y, x + maxw - 1, el, attrs);
			return;
		}
		if (g.kind == RV_GLYPH_TAB)
			for (int k = 0; k < gw; k++)
				mvwaddch(w, y, x + col + k, ' ');
		else
			put_glyph(w, t, i, &g, col, y, x, el, attrs);
		col += gw;
		i += l;
	}
}

void rv_surface_done(struct rv_surface *s)
{
	if (s && s->win)
		wnoutrefresh(s->win);
}

void rv_draw_background(const struct rv_layout *l, int cols, int rows)
{
	wattr_set(stdscr, A_NORMAL, colour ? pair_of[RV_EL_BORDER] : 0, NULL);
	werase(stdscr);
	if (l->too_small) {
		static const char msg[] = "terminal too small";
		char need[48];
		snprintf(need, sizeof need, "need %dx%d", RV_MIN_COLS, RV_MIN_ROWS);
		int y = rows / 2 - 1;
		mvwaddnstr(stdscr, y < 0 ? 0 : y, (cols - (int)strlen(msg)) / 2 > 0 ? (cols - (int)strlen(msg)) / 2 : 0,
			   msg, cols);
		if (y + 1 < rows)
			mvwaddnstr(stdscr, y + 1, (cols - (int)strlen(need)) / 2 > 0 ? (cols - (int)strlen(need)) / 2 : 0,
				   need, cols);
		wnoutrefresh(stdscr);
		return;
	}
	set_style(stdscr, RV_EL_BORDER, 0);
	for (int p = 0; p < RV_PANE_COUNT; p++) {
		const struct rv_rect *r = &l->pane[p];
		if (!l->shown[p] || r->x + r->w >= cols)
			continue;
		for (int y = r->y; y < r->y + r->h; y++)
			mvwaddstr(stdscr, y, r->x + r->w, rv_glyph(RV_GL_VLINE));
	}
	wnoutrefresh(stdscr);
}

static bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

void rv_draw_flush(void)
{
	doupdate();
}

bool rv_draw_osc52(const char *b64, size_t n)
{
	for (size_t i = 0; i < n; i++) /* only base64 goes out: nothing in it can end the sequence */
		if (!strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=", b64[i]) || !b64[i])
			return false;
	doupdate(); /* what curses has queued goes first */
	static const char head[] = "\033]52;c;", tail[] = "\a";
	int fd = fileno(stdout);
	bool ok = write_all(fd, head, sizeof head - 1) && write_all(fd, b64, n) && write_all(fd, tail, sizeof tail - 1);
	return ok;
}

void rv_draw_force_repaint(void)
{
	clearok(curscr, TRUE);
}

int rv_input(int timeout_ms, int *key)
{
	timeout(timeout_ms);
	wint_t wc;
	int rc = get_wch(&wc);
	if (rc == ERR)
		return timeout_ms >= 0 ? RV_INPUT_TIMEOUT : RV_INPUT_ERR;
	*key = (int)wc;
	return rc == KEY_CODE_YES ? RV_INPUT_KEY : RV_INPUT_CHAR;
}

bool rv_input_mouse(int *y, int *x, int *what)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return false;
	*y = ev.y;
	*x = ev.x;
	if (ev.bstate & BUTTON4_PRESSED)
		*what = 4;
	else if (ev.bstate & BUTTON5_PRESSED)
		*what = 5;
	else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
		*what = 1;
	else
		return false;
	return true;
}

int rv_key_resize(void)
{
	return KEY_RESIZE;
}

int rv_key_mouse(void)
{
	return KEY_MOUSE;
}
