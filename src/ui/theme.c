/* theme.c — theme files: parsing and colour fallbacks, no terminal.
 *
 * A theme file holds lines "ELEMENT FG [BG [ATTR...]]": an element of
 * RV_ELEMENTS, colours as names (default, black, red, green, yellow, blue,
 * magenta, cyan, white, and bright- of each), 0..255 or #rrggbb, and
 * attributes (bold, underline, reverse, italic, dim). '#' at the start of a
 * word begins a comment unless it is a colour. Attributes add to the ones an
 * element always has (ui.h), so no theme can carry information by colour
 * alone.
 */
#include "revue/ui.h"
#include "revue/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const element_names[] = {
#define RV_X_NAME(id, name, attrs) name,
	RV_ELEMENTS(RV_X_NAME)
#undef RV_X_NAME
};
static const unsigned element_attrs[] = {
#define RV_X_ATTRS(id, name, attrs) attrs,
	RV_ELEMENTS(RV_X_ATTRS)
#undef RV_X_ATTRS
};

unsigned rv_element_attrs(enum rv_element e)
{
	return e < RV_EL_COUNT ? element_attrs[e] : 0;
}

const char *rv_element_name(enum rv_element e)
{
	return e < RV_EL_COUNT ? element_names[e] : "?";
}

static const char *const color_names[] = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};

static struct rv_color idx(unsigned v)
{
	return (struct rv_color){RV_COLOR_INDEX, v};
}

void rv_theme_builtin(struct rv_theme *t)
{
	memset(t, 0, sizeof *t);
	for (int e = 0; e < RV_EL_COUNT; e++)
		t->el[e].attrs = element_attrs[e];
	t->el[RV_EL_TITLE].fg = idx(15), t->el[RV_EL_TITLE].bg = idx(4);
	t->el[RV_EL_TITLE].attrs = RV_ATTR_BOLD;
	t->el[RV_EL_STATUS].fg = idx(0), t->el[RV_EL_STATUS].bg = idx(7);
	t->el[RV_EL_STATUS].attrs = RV_ATTR_NONE;
	t->el[RV_EL_PANE_FOCUS].fg = idx(15), t->el[RV_EL_PANE_FOCUS].bg = idx(4);
	t->el[RV_EL_PANE].fg = idx(7), t->el[RV_EL_PANE].bg = idx(8);
	t->el[RV_EL_BORDER].fg = idx(8);
	t->el[RV_EL_SELECTED].fg = idx(0), t->el[RV_EL_SELECTED].bg = idx(6);
	t->el[RV_EL_SELECTED].attrs = RV_ATTR_NONE;
	t->el[RV_EL_QUOTE].fg = idx(2);
	t->el[RV_EL_PERSON].fg = idx(3);
	t->el[RV_EL_ORG].fg = idx(6);
	t->el[RV_EL_PRODUCT].fg = idx(5);
	t->el[RV_EL_PLACE].fg = idx(4);
	t->el[RV_EL_MONEY].fg = idx(1);
	t->el[RV_EL_PERCENT].fg = idx(1);
	t->el[RV_EL_DATE].fg = idx(5);
	t->el[RV_EL_LINK].fg = idx(1);
	t->el[RV_EL_MATCH].fg = idx(0), t->el[RV_EL_MATCH].bg = idx(3);
	t->el[RV_EL_MATCH].attrs = RV_ATTR_NONE;
	t->el[RV_EL_MARKER].fg = idx(3);
	t->el[RV_EL_UNRESOLVED].fg = idx(8);
	t->el[RV_EL_NOTICE].fg = idx(3);
	t->el[RV_EL_TOKEN].fg = idx(1);
	t->el[RV_EL_DIM].fg = idx(8);
	/* reverse-video elements keep their always-on attribute */
	for (int e = 0; e < RV_EL_COUNT; e++)
		t->el[e].attrs |= element_attrs[e] & ~(unsigned)RV_ATTR_REVERSE;
}

static bool word_is(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && !memcmp(s, w, n);
}

bool rv_color_parse(const char *s, size_t n, struct rv_color *out)
{
	if (word_is(s, n, "default") || word_is(s, n, "-")) {
		*out = (struct rv_color){RV_COLOR_DEFAULT, 0};
		return true;
	}
	if (n == 7 && s[0] == '#') {
		unsigned v = 0;
		for (size_t i = 1; i < 7; i++) {
			int h = rv_hexval((unsigned char)s[i]);
			if (h < 0)
				return false;
			v = v * 16 + (unsigned)h;
		}
		*out = (struct rv_color){RV_COLOR_RGB, v};
		return true;
	}
	if (n && n <= 3 && s[0] >= '0' && s[0] <= '9') {
		unsigned v = 0;
		for (size_t i = 0; i < n; i++) {
			if (s[i] < '0' || s[i] > '9')
				return false;
			v = v * 10 + (unsigned)(s[i] - '0');
		}
		if (v > 255)
			return false;
		*out = idx(v);
		return true;
	}
	unsigned bright = 0;
	if (n > 7 && !memcmp(s, "bright-", 7)) {
		bright = 8;
		s += 7;
		n -= 7;
	}
	for (unsigned i = 0; i < 8; i++)
		if (word_is(s, n, color_names[i])) {
			*out = idx(i + bright);
			return true;
		}
	return false;
}

static bool attr_parse(const char *s, size_t n, unsigned *attrs)
{
	static const struct {
		const char *name;
		unsigned bit;
	} names[] = {{"bold", RV_ATTR_BOLD},     {"underline", RV_ATTR_UNDERLINE}, {"reverse", RV_ATTR_REVERSE},
		     {"italic", RV_ATTR_ITALIC}, {"dim", RV_ATTR_DIM},             {"normal", RV_ATTR_NONE}};
	for (size_t i = 0; i < RV_ARRAY_LEN(names); i++)
		if (word_is(s, n, names[i].name)) {
			*attrs |= names[i].bit;
			return true;
		}
	return false;
}

/* The words of one line, comments cut; returns how many (at most max). */
static size_t split_words(const char *s, size_t n, const char *w[], size_t wl[], size_t max)
{
	size_t k = 0, i = 0;
	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
			i++;
		if (i == n)
			break;
		size_t st = i;
		while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			i++;
		if (s[st] == '#' && !(i - st == 7 && rv_hexval((unsigned char)s[st + 1]) >= 0))
			break;
		if (k == max)
			return max + 1;
		w[k] = s + st;
		wl[k++] = i - st;
	}
	return k;
}

static void bad(struct rv_diags *d, const char *file, unsigned line, const char *what, const char *s, size_t n)
{
	rv_diag_add(d, file, line, "%s '%.*s'", what, (int)(n > 64 ? 64 : n), s);
}

size_t rv_theme_parse(struct rv_theme *t, const char *text, size_t len, const char *file, struct rv_diags *diags)
{
	size_t problems = 0, before = diags->n;
	unsigned lineno = 0;
	size_t i = 0;
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		lineno++;
		const char *w[12];
		size_t wl[12];
		size_t k = split_words(text + i, e - i, w, wl, 10);
		i = e + 1;
		if (!k)
			continue;
		if (k > 10) {
			rv_diag_add(diags, file, lineno, "too many words");
			continue;
		}
		int el = -1;
		for (int x = 0; x < RV_EL_COUNT; x++)
			if (word_is(w[0], wl[0], element_names[x]))
				el = x;
		if (el < 0) {
			bad(diags, file, lineno, "unknown element", w[0], wl[0]);
			continue;
		}
		if (k < 2) {
			rv_diag_add(diags, file, lineno, "a colour must follow '%s'", element_names[el]);
			continue;
		}
		/* Reverse video is the no-colour stand-in (draw.c): a theme asks for it by name. */
		struct rv_style st = {.attrs = element_attrs[el] & ~(unsigned)RV_ATTR_REVERSE};
		bool ok = rv_color_parse(w[1], wl[1], &st.fg);
		if (!ok)
			bad(diags, file, lineno, "not a colour", w[1], wl[1]);
		size_t a = 2;
		if (ok && k > 2 && rv_color_parse(w[2], wl[2], &st.bg))
			a = 3;
		for (; ok && a < k; a++)
			if (!attr_parse(w[a], wl[a], &st.attrs)) {
				bad(diags, file, lineno, "not a colour or an attribute", w[a], wl[a]);
				ok = false;
			}
		if (ok)
			t->el[el] = st;
	}
	problems = diags->n - before;
	return problems;
}

/* The xterm 256-colour palette as RGB. */
static unsigned palette(int i)
{
	static const unsigned base[16] = {0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd,
					  0x00cdcd, 0xe5e5e5, 0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00,
					  0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff};
	if (i < 16)
		return base[i];
	if (i < 232) {
		static const unsigned lv[6] = {0, 95, 135, 175, 215, 255};
		int c = i - 16;
		return lv[c / 36] << 16 | lv[c / 6 % 6] << 8 | lv[c % 6];
	}
	unsigned g = 8 + 10 * (unsigned)(i - 232);
	return g << 16 | g << 8 | g;
}

static int nearest(unsigned rgb, int limit)
{
	int best = 0;
	long bestd = -1;
	for (int i = 0; i < limit; i++) {
		unsigned p = palette(i);
		long dr = (long)(rgb >> 16 & 255) - (long)(p >> 16 & 255);
		long dg = (long)(rgb >> 8 & 255) - (long)(p >> 8 & 255);
		long db = (long)(rgb & 255) - (long)(p & 255);
		long d = dr * dr * 3 + dg * dg * 4 + db * db * 2;
		if (bestd < 0 || d < bestd) {
			bestd = d;
			best = i;
		}
	}
	return best;
}

int rv_color_resolve(struct rv_color c, int ncolors)
{
	if (c.kind == RV_COLOR_DEFAULT || ncolors < 8)
		return -1;
	int limit = ncolors >= 256 ? 256 : ncolors >= 16 ? 16 : 8;
	if (c.kind == RV_COLOR_RGB)
		return nearest(c.value, limit);
	if ((int)c.value < limit)
		return (int)c.value;
	if (limit == 8 && c.value == 8)
		return 7; /* grey: white, not black, or it vanishes on a dark screen */
	if (limit == 8 && c.value < 16)
		return (int)c.value - 8; /* bright-x: x */
	return nearest(palette((int)c.value), limit);
}
