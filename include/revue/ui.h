/* ui.h — the full-screen reader, and the parts of it that are plain data.
 *
 * rv_ui_run opens the reader on a loaded corpus and returns when the user
 * quits (or the terminal goes away); it builds the index itself, behind the
 * first screen. Everything else here knows no terminal, so the unit tests
 * link it without ncurses: the layout (which pane gets which rectangle), the
 * key table (actions, their default keys and help text: one X-macro list
 * that also feeds the help screen and the man page), theme files, and word
 * wrapping by display width.
 */
#ifndef REVUE_UI_H
#define REVUE_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "revue/corpus.h"
#include "revue/diff.h"
#include "revue/text.h"
#include "revue/util.h"

/* --- Running the reader -------------------------------------------------- */

/* Pane sizes the user asked for (revue-config(5)); 0: automatic. The
 * layout still leaves the reading view its minimum. */
struct rv_pane_sizes {
	int list_width, sidebar_width, timeline_height;
};

/* Saved state, as the reader sees it: main wires it to the store (store/),
 * so the reader knows no database. Without it, marks last the session. */
struct rv_ui_state {
	void *ctx;
	bool (*is_read)(void *ctx, size_t art);
	/* false when the mark could not be saved (a read-only store) */
	bool (*set_read)(void *ctx, size_t art, bool read);
	bool (*is_starred)(void *ctx, size_t art);
	bool (*set_starred)(void *ctx, size_t art, bool starred);
	/* a starred quote: bytes [start, end) of the article's body */
	bool (*quote_starred)(void *ctx, size_t art, size_t start, size_t end);
	bool (*star_quote)(void *ctx, size_t art, size_t start, size_t end, bool on);
	/* the article's note, raw bytes (NULL when none; valid until the next
	 * set_note); set_note with len 0 removes it */
	const char *(*note)(void *ctx, size_t art, size_t *len);
	bool (*set_note)(void *ctx, size_t art, const char *text, size_t len);
	const char *warning; /* why the store is read-only, for the status line; NULL */
	/* an article's body changed (a partial one was read in full): look up
	 * the saved state again; NULL: none */
	void (*reload)(void *ctx);
};

/* A corpus still being read when the reader starts (rv_ui_run with a NULL
 * corpus): the screen comes up at once with the progress, and the list as
 * soon as poll returns the corpus. */
struct rv_ui_loader {
	_Atomic size_t *found, *read; /* files found, files read so far */
	/* Never blocks: *ended once the load is over, and then the corpus, or
	 * NULL when there is nothing to read (the reason is the caller's to
	 * print). The state (rv_ui_opts.state) is ready when the corpus is. */
	struct rv_corpus *(*poll)(void *ctx, bool *ended);
	/* Once poll has returned the corpus: an index already built for it
	 * (from the index cache; the caller frees it), or NULL. NULL: none. */
	struct rv_index *(*index)(void *ctx);
	void *ctx;
};

struct rv_ui_opts {
	const struct rv_ui_state *state; /* NULL: read marks for this session only */
	const struct rv_ui_loader *loader; /* with a NULL corpus: where it comes from */
	const char *theme; /* a name in the themes folder or a path; NULL: default */
	unsigned threads;  /* for the index build; 0: one per core */
	const char *links; /* a link file read instead of computing links (rv_index_opts.links); NULL */
	double t0;         /* when the program started (CLOCK_MONOTONIC), for the trace; 0: now */
	/* From the configuration file (config.h); zero: the defaults. */
	int sort;                   /* the list's first order: 0 date, 1 source, 2 title */
	struct rv_pane_sizes sizes; /* list and sidebar widths, timeline height */
	int wrap_width;             /* widest line of the reading view; 0: the pane's width */
	const char *date_format;    /* strftime format for dates with a day; NULL: ISO 8601 */
	bool clipboard;             /* may copy to the terminal's clipboard (OSC 52) */
	const char *notice;         /* the configuration's first problem, for the status line; NULL */
	size_t max_file_bytes;      /* for reading partial articles in full (corpus.h); 0: the default */
	/* An index already built (from the index cache): shown with the first
	 * screen; the caller frees it. NULL: built behind the first screen. */
	struct rv_index *index;
	/* Called on the building thread once an index built here is published
	 * (it is frozen then: the callback only reads it); NULL: none. */
	void (*index_built)(void *ctx, const struct rv_index *ix);
	void *index_built_ctx;
};

/* Returns the exit status: 0 on a normal quit, 1 when the terminal or the
 * theme cannot be used (the reason is on stderr) or the loader found
 * nothing to read. */
int rv_ui_run(struct rv_corpus *c, const struct rv_ui_opts *opts);

struct rv_theme;
/* Loads a theme by name (themes folder: the source tree's, then the
 * installed one) or by path over t; NULL loads nothing. Prints the first
 * problems on stderr and sums them up in msg (for the status line; "" when
 * none); returns -1 when the theme cannot be found or read. */
int rv_ui_load_theme(struct rv_theme *t, const char *name, char *msg, size_t msglen);
/* Is there a theme of that name or path to read? */
bool rv_ui_theme_found(const char *name);

/* --- Layout --------------------------------------------------------------- */

enum rv_pane_id { RV_PANE_LIST, RV_PANE_READER, RV_PANE_ENTITIES, RV_PANE_TIMELINE, RV_PANE_COUNT };

/* Whether the sidebar and the timeline show: AUTO shows them when the
 * terminal is wide and tall enough for all four panes. */
enum rv_visibility { RV_VIS_AUTO, RV_VIS_ON, RV_VIS_OFF };

struct rv_rect {
	int y, x, h, w;
};

#define RV_MIN_COLS 40
#define RV_MIN_ROWS 10
#define RV_WIDE_COLS 120
#define RV_WIDE_ROWS 30

struct rv_layout {
	bool too_small;
	struct rv_rect title, status;
	bool shown[RV_PANE_COUNT];
	struct rv_rect pane[RV_PANE_COUNT]; /* each pane's first row is its header */
};

/* The rectangles for a terminal of cols × rows. `focus` always shows (Tab
 * onto a hidden pane brings it in); vis[] applies to the sidebar and the
 * timeline. Panes never overlap: side-by-side panes leave one column for a
 * separator between them. */
void rv_layout_compute(int cols, int rows, const enum rv_visibility vis[RV_PANE_COUNT], enum rv_pane_id focus,
		       struct rv_layout *out);
/* The same with the sizes of the configuration (NULL: automatic). */
void rv_layout_compute_sized(int cols, int rows, const enum rv_visibility vis[RV_PANE_COUNT], enum rv_pane_id focus,
			     const struct rv_pane_sizes *sizes, struct rv_layout *out);
/* The pane under the cell (y, x), or RV_PANE_COUNT. */
enum rv_pane_id rv_layout_hit(const struct rv_layout *l, int y, int x);
/* "list 0,1 30x22; reader ..." for the tests. */
void rv_layout_describe(const struct rv_layout *l, struct rv_buf *out);

/* The compare view's text columns on a terminal `cols` wide, for `versions`
 * versions to show: two columns, or three when there are three versions or
 * more and the terminal is RV_COMPARE_WIDE columns or wider. Columns have
 * equal widths, one blank column at the left and one separator column
 * between two; x[k] and w[k] get each one's place. Returns the number of
 * columns, 0 when they would be narrower than RV_COMPARE_MIN_W. */
#define RV_COMPARE_WIDE 180
#define RV_COMPARE_MIN_W 8
int rv_compare_columns(int cols, size_t versions, int x[3], int w[3]);

/* --- Keys ------------------------------------------------------------------ */

/* X(ID, name, default keys (space-separated key names), help text) */
#define RV_ACTIONS(X)                                                                                     \
	X(NEXT_PANE, "next-pane", "Tab", "focus the next pane (brings a hidden one in)")                 \
	X(PREV_PANE, "prev-pane", "S-Tab", "focus the previous pane")                                    \
	X(FOCUS_LIST, "focus-list", "1", "focus the article list")                                       \
	X(FOCUS_READER, "focus-reader", "2", "focus the reading view")                                   \
	X(FOCUS_ENTITIES, "focus-entities", "3", "focus the entity sidebar")                             \
	X(FOCUS_TIMELINE, "focus-timeline", "4", "focus the timeline")                                   \
	X(DOWN, "down", "j Down", "move down a line")                                                    \
	X(UP, "up", "k Up", "move up a line")                                                            \
	X(PAGE_DOWN, "page-down", "Space PgDn", "move down a page (Space picks a quote in the speaker view)") \
	X(PAGE_UP, "page-up", "b PgUp", "move up a page")                                                \
	X(TOP, "top", "g Home", "go to the first line")                                                  \
	X(BOTTOM, "bottom", "G End", "go to the last line")                                              \
	X(OPEN, "open", "Enter", "open the article, filter by the entity, or go to the date")          \
	X(NEXT_LINK, "next-link", "]", "next shared quote or passage in the reading view")               \
	X(PREV_LINK, "prev-link", "[", "previous shared quote or passage")                               \
	X(FOLLOW_LINK, "follow-link", "o", "open the other article at the matching passage (several: a chooser)") \
	X(BACK, "back", "Backspace h Left", "go back through the followed links")                        \
	X(SEARCH, "search", "/", "search the current pane (PCRE2, smart case)")                          \
	X(SEARCH_NEXT, "search-next", "n", "next match")                                                 \
	X(SEARCH_PREV, "search-prev", "N", "previous match")                                             \
	X(CORPUS_SEARCH, "corpus-search", "s", "search the whole corpus into the article list")         \
	X(SORT, "sort", "S", "sort the article list by date, source or title")                           \
	X(FILTER_SOURCE, "filter-source", "f", "show only the current article's source")                 \
	X(CLEAR, "clear", "Esc", "clear the filters and the search")                                     \
	X(TOGGLE_ENTITIES, "toggle-entities", "e", "show or hide the entity sidebar")                    \
	X(TOGGLE_TIMELINE, "toggle-timeline", "t", "show or hide the timeline")                          \
	X(ZOOM, "zoom", "z", "show the focused pane alone on the whole screen (z or q goes back)")       \
	X(COMPARE, "compare", "c", "compare the shared quote or passage with its other version")         \
	X(LINKS, "links", "L", "list every shared quote and passage of the corpus, largest first")       \
	X(SPEAKER, "speaker", "v", "list every quote of the person (sidebar) or of the quote's speaker") \
	X(WIDEN, "widen", "x", "compare view: widen to the paragraphs, or back to the quotes")           \
	X(COPY, "copy", "y", "copy the quote and its citation to the terminal's clipboard (OSC 52)")     \
	X(WRITE, "write", "w", "compare view: write the comparison to a Markdown file")                  \
	X(TOGGLE_READ, "toggle-read", "u", "mark the article read or unread (saved)")                    \
	X(TOGGLE_STAR, "toggle-star", "*", "star or unstar the article (saved)")                          \
	X(STAR_QUOTE, "star-quote", "\"", "star or unstar the first quote on the reading view's screen (saved)") \
	X(EDIT_NOTE, "edit-note", "a", "edit the article's note: in $EDITOR, else on the status line (saved)") \
	X(HELP, "help", "? F1", "show this help")                                                        \
	X(REDRAW, "redraw", "C-l", "repaint the whole screen")                                           \
	X(CLOSE, "close", "q", "close the current view or the zoom; quit from the main screen")                      \
	X(QUIT, "quit", "Q", "quit at once")

enum rv_action {
	RV_ACT_NONE,
#define RV_X_ENUM(id, name, keys, help) RV_ACT_##id,
	RV_ACTIONS(RV_X_ENUM)
#undef RV_X_ENUM
	RV_ACT_COUNT
};

struct rv_action_info {
	enum rv_action action;
	const char *name, *keys, *help;
};

/* The table, in order (without RV_ACT_NONE); *n gets its length. */
const struct rv_action_info *rv_actions(size_t *n);
/* The action a key code (an ncurses key: a character or KEY_*) is bound
 * to, or RV_ACT_NONE. */
enum rv_action rv_key_action(int key);
/* A key name of the table ("j", "Down", "S-Tab", "C-l", "F1", "Space") to
 * its code; -1 when the name is unknown. */
int rv_key_code(const char *name, size_t len);
/* The KEYS section body of revue(1), generated from the table (roff). */
void rv_keys_roff(struct rv_buf *out);
/* The user's bindings (config.h's struct rv_binding, RV_ACT_NONE unbinds),
 * applied over the table for the rest of the process; later ones win.
 * n 0 restores the table. */
struct rv_binding;
void rv_keys_set(const struct rv_binding *b, size_t n);
/* The keys an action is bound to now, space-separated as in the table
 * ("-" when none is left); what the help screen shows. */
void rv_action_keys(enum rv_action a, struct rv_buf *out);
/* The action of that name ("next-pane"), or RV_ACT_NONE. */
enum rv_action rv_action_by_name(const char *name, size_t len);

/* --- Copying and saving (export.c) ---------------------------------------- */

/* Standard base64 (RFC 4648, padded) of n bytes, appended to out. */
void rv_base64(const void *p, size_t n, struct rv_buf *out);

/* The most bytes of a quote's text a copy takes (cut at a code point, "…"
 * marking the cut): terminals cap what OSC 52 may carry. */
#define RV_COPY_MAX 8192
/* A quote and its citation, appended to out, for the clipboard:
 *   TEXT
 *   — SPEAKER, “TITLE”, SOURCE, DATE
 * (parts unknown are left out; the file's id stands for a missing title).
 * Everything on one line each, whitespace runs as one space, sanitised (no
 * control, C1, bidi or invisible character: their visible tokens). */
void rv_cite(struct rv_buf *out, const char *text, size_t n, const char *speaker, const struct rv_article *a);

/* One version of a comparison: [start, end) of an article's body, its speaker. */
struct rv_md_version {
	const struct rv_article *a;
	size_t start, end;
	const char *who; /* NULL: unknown */
};
/* A comparison as Markdown, appended to out: versions v[0..n), d[k] the diff
 * of v[0] against v[k + 1] (its spans are the ones written); each version
 * with its title, source, date, speaker, file and bytes, its text as a
 * blockquote with the diff marked (~~removed~~, **added**, _changed_).
 * Article text is sanitised and Markdown's punctuation escaped. */
void rv_md_compare(struct rv_buf *out, const struct rv_md_version *v, size_t n, const struct rv_diff *d);

/* --- Themes ---------------------------------------------------------------- */

/* X(ID, name, attributes it always has, so nothing depends on colour alone) */
#define RV_ELEMENTS(X)                                   \
	X(TEXT, "text", RV_ATTR_NONE)                    \
	X(TITLE, "title", RV_ATTR_REVERSE)               \
	X(STATUS, "status", RV_ATTR_REVERSE)             \
	X(PANE, "pane", RV_ATTR_NONE)                    \
	X(PANE_FOCUS, "pane-focus", RV_ATTR_BOLD)        \
	X(BORDER, "border", RV_ATTR_NONE)                \
	X(SELECTED, "selected", RV_ATTR_REVERSE)         \
	X(HEADER, "header", RV_ATTR_BOLD)                \
	X(DIM, "dim", RV_ATTR_NONE)                      \
	X(QUOTE, "quote", RV_ATTR_ITALIC)                \
	X(PERSON, "person", RV_ATTR_BOLD)                \
	X(ORG, "org", RV_ATTR_BOLD)                      \
	X(PRODUCT, "product", RV_ATTR_BOLD)              \
	X(PLACE, "place", RV_ATTR_BOLD)                  \
	X(MONEY, "money", RV_ATTR_UNDERLINE)             \
	X(PERCENT, "percent", RV_ATTR_UNDERLINE)         \
	X(DATE, "date", RV_ATTR_UNDERLINE)               \
	X(LINK, "link", RV_ATTR_UNDERLINE)               \
	X(MATCH, "match", RV_ATTR_REVERSE)               \
	X(MARKER, "marker", RV_ATTR_BOLD)                \
	X(UNRESOLVED, "unresolved", RV_ATTR_NONE)        \
	X(NOTICE, "notice", RV_ATTR_BOLD)                \
	X(TOKEN, "token", RV_ATTR_NONE)                  \
	X(REMOVED, "removed", RV_ATTR_UNDERLINE)         \
	X(ADDED, "added", RV_ATTR_REVERSE)               \
	X(CHANGED, "changed", RV_ATTR_BOLD | RV_ATTR_UNDERLINE)

enum {
	RV_ATTR_NONE = 0,
	RV_ATTR_BOLD = 1,
	RV_ATTR_UNDERLINE = 2,
	RV_ATTR_REVERSE = 4,
	RV_ATTR_ITALIC = 8,
	RV_ATTR_DIM = 16,
};

enum rv_element {
#define RV_X_ENUM(id, name, attrs) RV_EL_##id,
	RV_ELEMENTS(RV_X_ENUM)
#undef RV_X_ENUM
	RV_EL_COUNT
};

enum rv_color_kind { RV_COLOR_DEFAULT, RV_COLOR_INDEX, RV_COLOR_RGB };
struct rv_color {
	enum rv_color_kind kind;
	unsigned value; /* 0..255, or 0xRRGGBB */
};

struct rv_style {
	struct rv_color fg, bg;
	unsigned attrs;
};

struct rv_theme {
	struct rv_style el[RV_EL_COUNT];
};

const char *rv_element_name(enum rv_element e);
/* The attributes an element always has, with or without colour. */
unsigned rv_element_attrs(enum rv_element e);
/* The built-in theme (what themes/default also says): every element's
 * attributes, colours for the elements that have some. */
void rv_theme_builtin(struct rv_theme *t);
/* Parses theme text over t (lines "ELEMENT FG [BG [ATTR...]]", '#'
 * comments; see revue-themes(5)). Problems go to diags, naming `file` and
 * the line; the other lines apply. Returns the number of problems. */
size_t rv_theme_parse(struct rv_theme *t, const char *text, size_t len, const char *file, struct rv_diags *diags);
/* A colour name, 0..255 or #rrggbb; false when it is none of those. */
bool rv_color_parse(const char *s, size_t n, struct rv_color *out);
/* The colour index to use on a terminal with `ncolors` colours (256, 16, 8
 * or fewer): the nearest it has; -1 for the terminal's default. */
int rv_color_resolve(struct rv_color c, int ncolors);

/* --- Glyphs ---------------------------------------------------------------- */

/* rv_sanitize_next, and under RV_SAN_ASCII a readable stand-in for a letter
 * or common punctuation (é → e, « → ", — → -) instead of <U+00E9>; controls,
 * bidi and invisible characters stay visible tokens. Wrapping and drawing
 * both measure with it, so their widths agree. */
size_t rv_ui_glyph(struct rv_sanitizer *st, const char *s, size_t n, size_t i, struct rv_glyph *g);

/* --- Wrapping ------------------------------------------------------------- */

/* Lines of a text wrapped at Unicode line break opportunities (libunistring)
 * to a display width measured on the sanitized glyphs, computed lazily: only
 * as far as asked, so that a huge article opens at once. */
struct rv_wrap {
	const char *s;
	size_t n;
	int width;
	unsigned flags;       /* sanitizer flags */
	struct rv_span *line; /* [start, end): end excludes the newline and trailing blanks */
	size_t nlines, cap;
	size_t done;          /* bytes wrapped up to (from origin) */
	size_t origin;        /* where line 0 starts: 0, or a restart point
			       * (rv_wrap_init_at); line numbers count from it */
};

void rv_wrap_init(struct rv_wrap *w, const char *s, size_t n, int width, unsigned flags);
void rv_wrap_free(struct rv_wrap *w);
/* Wraps until line `want` exists or the text ends; true when it exists. */
bool rv_wrap_until(struct rv_wrap *w, size_t want);
/* The line holding byte `off` (wrapping as far as needed). */
size_t rv_wrap_line_of(struct rv_wrap *w, size_t off);
bool rv_wrap_complete(const struct rv_wrap *w);

/* A window of the wrap, for a text too big to wrap from its top (G in a
 * 100 MB article): starts at the restart point at or before `off`, the
 * start of its paragraph (the byte after a newline) when one is found
 * within RV_WRAP_SCAN bytes back, else a code point boundary there. From a
 * paragraph start, the lines are exactly those a wrap from the top gives. */
#define RV_WRAP_SCAN ((size_t)256 * 1024)
void rv_wrap_init_at(struct rv_wrap *w, const char *s, size_t n, int width, unsigned flags, size_t off);
/* Wraps text before the origin until at least `want` more lines precede
 * line 0 or the origin is 0; the old lines move down by the count returned. */
size_t rv_wrap_prepend(struct rv_wrap *w, size_t want);
/* The restart point at or before off (see rv_wrap_init_at). */
size_t rv_wrap_restart(const char *s, size_t off);

#endif
