/* app.h — what the reader's files share inside src/ui (not a public API).
 *
 * The reader is an rv_app: the corpus, the index once it is published, the
 * layout, and one state per pane. A pane is a table of operations
 * (rv_pane_ops) over its own state; panes never call ncurses: they draw
 * through draw.c onto a surface, and every byte of article text they hand
 * it passes the sanitizer there.
 */
#ifndef REVUE_UI_APP_H
#define REVUE_UI_APP_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "revue/config.h"
#include "revue/index.h"
#include "revue/search.h"
#include "revue/ui.h"
#include "revue/diff.h"

/* --- draw.c: the only code that calls ncurses ------------------------------ */

struct rv_surface;

/* One styled run of a line: bytes up to `end` take element `el` plus `attrs`. */
struct rv_run {
	size_t end;
	uint16_t el;
	uint16_t attrs;
};

enum { RV_GL_VLINE, RV_GL_MORE, RV_GL_QUOTE_BAR, RV_GL_LINK, RV_GL_CURRENT, RV_GL_UNREAD, RV_GL_DOT, RV_GL_COUNT };

struct rv_app;
bool rv_draw_start(struct rv_app *app, const char **why);
void rv_draw_stop(void);
bool rv_draw_utf8(void);
/* A glyph of the interface (a border, a marker) in UTF-8 or its ASCII fallback. */
const char *rv_glyph(int which);
void rv_draw_size(int *cols, int *rows);
struct rv_surface *rv_surface_new(struct rv_rect r);
void rv_surface_free(struct rv_surface *s);
void rv_surface_clear(struct rv_surface *s);
/* Fills row y from column x to the end with blanks of element el. */
void rv_draw_fill(struct rv_surface *s, int y, int x, enum rv_element el, unsigned attrs);
/* Draws text (any bytes: sanitized, one line) at (y, x) in at most maxw
 * columns; marks a cut with the "more" glyph. Returns the columns used. */
int rv_draw_text(struct rv_surface *s, int y, int x, int maxw, const char *t, size_t n, enum rv_element el,
		 unsigned attrs);
/* Interface text we wrote ourselves (ASCII or UTF-8 glyphs of rv_glyph). */
int rv_draw_label(struct rv_surface *s, int y, int x, int maxw, const char *t, enum rv_element el, unsigned attrs);
/* Draws body bytes [start, end) of a wrapped line with styled runs (sorted
 * by end; bytes past the last run take el TEXT); tabs expand to 8. */
void rv_draw_line(struct rv_surface *s, int y, int x, int maxw, const char *t, size_t start, size_t end,
		  const struct rv_run *runs, size_t nruns, unsigned sanflags);
/* Queues the surface for the next rv_draw_flush. */
void rv_surface_done(struct rv_surface *s);
/* Separators and the too-small notice on the background (relayouts only). */
void rv_draw_background(const struct rv_layout *l, int cols, int rows);
void rv_draw_flush(void);
/* Sets the terminal's clipboard to the text whose base64 is b64 (OSC 52),
 * after what curses has queued; false (and nothing written) when b64 holds
 * anything but base64, or the write failed. The one escape sequence revue
 * writes itself. */
bool rv_draw_osc52(const char *b64, size_t n);
void rv_draw_force_repaint(void);
unsigned rv_draw_sanflags(void);

/* --- input --------------------------------------------------------------- */

enum { RV_INPUT_KEY, RV_INPUT_CHAR, RV_INPUT_ERR, RV_INPUT_TIMEOUT };
/* Next key: a key code (KEY_*) or a character; blocking unless timeout_ms >= 0. */
int rv_input(int timeout_ms, int *key);
/* A mouse event: fills y, x and what (1 click, 4 wheel up, 5 wheel down). */
bool rv_input_mouse(int *y, int *x, int *what);
int rv_key_resize(void);
int rv_key_mouse(void);

/* --- panes ------------------------------------------------------------------ */

enum { RV_DIRTY_TITLE = 1 << RV_PANE_COUNT, RV_DIRTY_STATUS = 2 << RV_PANE_COUNT, RV_DIRTY_ALL = 0xffff };
#define RV_DIRTY(p) (1u << (p))

struct rv_pane_ops {
	const char *name;
	/* The header text (after the pane's number). */
	void (*title)(struct rv_app *app, struct rv_buf *out);
	/* Paints rows [0, h) of the content (the header is drawn by app.c). */
	void (*draw)(struct rv_app *app, struct rv_surface *s, int y0, int h, int w);
	/* Handles an action; returns true when it did. */
	bool (*action)(struct rv_app *app, enum rv_action a, int h);
	/* A click on content row `row`. */
	void (*click)(struct rv_app *app, int row, int h);
	/* Moves to the next (dir 1) or previous (-1) match of app->search. */
	bool (*search)(struct rv_app *app, int dir);
	/* The content size changed. */
	void (*resize)(struct rv_app *app, int h, int w);
};

extern const struct rv_pane_ops rv_pane_list, rv_pane_reader, rv_pane_entities, rv_pane_timeline;

/* A list of rows with a cursor: what the list, sidebar and timeline share. */
struct rv_cursor {
	size_t cur, top, n;
};
bool rv_cursor_action(struct rv_cursor *c, enum rv_action a, int h);
void rv_cursor_fit(struct rv_cursor *c, int h);

#define RV_MAX_FILTERS 4
enum rv_sort { RV_SORT_DATE, RV_SORT_SOURCE, RV_SORT_TITLE, RV_SORT_COUNT };

struct rv_list_state {
	struct rv_cursor c;
	uint32_t *rows; /* article indices, filtered and sorted */
	enum rv_sort sort;
	const char *source; /* filter: this outlet; NULL: none */
	uint32_t entity[RV_MAX_FILTERS];
	size_t nentity;
	struct rv_search *corpus; /* the 's' search: only articles that match */
	char corpus_pat[RV_SEARCH_MAX + 1];
	uint32_t *hits; /* per article: number of matches of corpus (when set) */
	bool corpus_stopped;
	bool *read;    /* opened (the state store keeps it) */
	bool *starred; /* starred with * (likewise) */
};

struct rv_hl {
	size_t start, end;
	uint16_t el, attrs;
	uint8_t prio;
};

/* A shared passage or quote of this article found in others (links.c). */
struct rv_ui_link {
	size_t start, end;
	uint32_t other;                 /* an other article */
	size_t other_start, other_end; /* the passage there */
	uint32_t nothers;               /* how many other articles share it */
};
/* The links of article `art`, by start, one per span here; returns the count. */
size_t rv_ui_links(const struct rv_index *ix, size_t art, struct rv_ui_link **out);
/* How many other articles share a quote or a passage with article `art`. */
size_t rv_ui_link_peers(const struct rv_index *ix, size_t art);
/* Marks an article read or unread, in the list and in the saved state. */
struct rv_app;
void rv_app_mark_read(struct rv_app *app, size_t art, bool read);

struct rv_reader_state {
	size_t art; /* SIZE_MAX: none */
	struct rv_wrap wrap;
	int width;
	size_t top;
	struct rv_hl *hl; /* sorted by start */
	size_t *hl_maxend;
	size_t nhl;
	struct rv_span *match;
	size_t nmatch, capmatch, curmatch;
	bool match_stopped;
	struct rv_ui_link *links;
	size_t nlinks, curlink;
	bool want_end; /* G while the article was still loading */
	bool tail;     /* wrap is over the loading article's tail, not its body */
};

struct rv_entities_state {
	struct rv_cursor c;
	size_t art;
	struct rv_entity_count *ents; /* ordered by type, then count */
	size_t nents;
	int *row_kind; /* per row: -1 - type (a group header) or the index into ents */
	size_t mention_next;
};

/* Rows: the resolved entries, one separator row, then the unresolved. */
struct rv_timeline_state {
	struct rv_cursor c;
};

struct rv_history {
	size_t art, offset;
};

/* compare.c: the side-by-side view (see there). */
struct rv_cmp_member {
	uint32_t art, start, end; /* a version: body bytes of an article */
	uint32_t quote;           /* its quote in that article's analysis, RV_NONE */
};

struct rv_cmp_col {
	size_t m;           /* the member shown (an index into the pool) */
	size_t start, end;  /* the span shown: the member's, or its paragraphs (x) */
	const char *who;    /* its speaker (the index's name), NULL */
	struct rv_wrap wrap;
	struct rv_run *runs; /* styles, offsets into the span */
	size_t nruns;
};

#define RV_CMP_COLS 3
struct rv_compare_state {
	bool open;
	struct rv_cmp_member *pool; /* the versions to choose from (a cluster's members, or two picks) */
	size_t npool;
	bool cluster;                /* the pool is a link cluster */
	struct rv_cmp_col col[RV_CMP_COLS];
	size_t ncol;                 /* 2, or 3 when the pool has three versions or more */
	struct rv_diff d[RV_CMP_COLS - 1]; /* the left column against column 1, against column 2 */
	struct rv_run *lruns[RV_CMP_COLS - 1]; /* the left column's styles against each */
	size_t nlruns[RV_CMP_COLS - 1];
	int shown;  /* columns on screen (3 only on a wide terminal) */
	int focus;  /* the focused column */
	bool wide;  /* x: the surrounding paragraphs */
	int width;  /* wrapping width; 0: to redo */
	size_t top;
};

/* A full-screen view over the panes (compare, links, speaker): a table of
 * operations like a pane's. Views stack: q closes the top one and shows the
 * one below (the links view under the compare view it opened). */
struct rv_view_ops {
	const char *name;
	void (*paint)(struct rv_app *app, struct rv_surface *s);
	void (*key)(struct rv_app *app, enum rv_action a, int key);
	/* Moves to the next (dir 1) or previous (-1) match of app->search; NULL: none. */
	bool (*search)(struct rv_app *app, int dir);
	void (*close)(struct rv_app *app);
};
#define RV_MAX_VIEWS 4

/* chooser.c: where o goes when several articles share the passage. */
struct rv_chooser_state {
	struct rv_cursor c;
	struct rv_cmp_member *rows; /* one version per other article */
	struct rv_cmp_member here;  /* the passage in the reader */
};

/* linksview.c: every cluster of the corpus, largest first. */
struct rv_linksview_state {
	struct rv_cursor c;
	uint32_t *rows;  /* cluster ids, in the order shown */
	uint32_t *narts; /* per cluster, the articles it spans */
};

/* speakerview.c: every quote of one person, grouped by cluster. */
struct rv_speaker_row {
	uint32_t art, quote; /* quote RV_NONE: a group's header */
	uint32_t cluster;    /* RV_NONE: a quote no other article repeats */
	uint32_t members;    /* for a header: the group's quotes */
};
struct rv_speakerview_state {
	struct rv_cursor c;
	uint32_t entity;
	struct rv_speaker_row *rows;
	size_t picked[2]; /* rows picked with Space; SIZE_MAX: none */
};

struct handover;
struct rv_app {
	const struct rv_corpus *c;
	struct rv_corpus *cw; /* the same: swap_in replaces partial articles */
	_Atomic(struct handover *) handover; /* an article read in full, to swap in */
	const struct rv_ui_state *state; /* saved read marks; NULL */
	bool state_warned;
	_Atomic(struct rv_index *) published;
	_Atomic size_t analysed; /* articles the index build has analysed (its progress) */
	struct rv_index *ix; /* NULL until published */
	bool loading;        /* the corpus is still being read (c has no article yet) */
	/* Keys typed while the corpus was read, handled in order once the list
	 * is on the screen (a user who types at once loses nothing). */
	struct rv_typeahead {
		int kind, key;
	} ahead[64];
	size_t nahead;
	double t_start, t_index;
	unsigned threads; /* for the index build and the corpus search; 0: one per core */
	struct rv_theme theme;
	int cols, rows;
	struct rv_layout lay;
	enum rv_visibility vis[RV_PANE_COUNT];
	enum rv_pane_id focus;
	struct rv_surface *surf[RV_PANE_COUNT];
	struct rv_surface *title, *status, *help_surf;
	unsigned dirty;
	bool help;
	bool zoom; /* z: the focused pane alone, on the whole screen */
	size_t help_top;
	struct rv_compare_state cmp;
	const struct rv_view_ops *views[RV_MAX_VIEWS]; /* the stack of open views, top last */
	size_t nviews;
	struct rv_linksview_state lv;
	struct rv_speakerview_state sv;
	struct rv_chooser_state ch;
	bool clipboard; /* y may set the terminal's clipboard (OSC 52) */
	bool quit;
	char msg[256];
	bool msg_error;
	struct rv_search *search; /* the '/' pattern */
	char search_pat[RV_SEARCH_MAX + 1];
	enum rv_pane_id search_pane;
	struct rv_list_state list;
	struct rv_reader_state reader;
	struct rv_entities_state ents;
	struct rv_timeline_state tl;
	struct rv_history *hist;
	size_t nhist, caphist;
	bool have_links; /* some article shares a passage: the list gives links a column */
	uint32_t *peers; /* per article, the other articles it shares text with; NULL until the index */
	struct rv_ui_opts opts; /* as rv_ui_run was given them: the configuration's sizes, formats */
};

void rv_app_message(struct rv_app *app, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A line read on the status line after `lead`, starting from out's text;
 * false when cancelled. */
bool rv_app_prompt(struct rv_app *app, const char *lead, char *out, size_t cap);
void rv_app_refocus(struct rv_app *app, enum rv_pane_id p);
/* Opens article `art` in the reader at body offset `off`; `remember` pushes
 * the current place on the history first. */
void rv_app_open(struct rv_app *app, size_t art, size_t off, bool remember);
const struct rv_pane_ops *rv_app_pane(enum rv_pane_id p);
/* The content rectangle of a pane: its rows minus the header. */
int rv_app_pane_rows(const struct rv_app *app, enum rv_pane_id p);

/* list.c */
void rv_list_rebuild(struct rv_app *app);
void rv_list_free(struct rv_list_state *l);
/* reader.c */
void rv_reader_open(struct rv_app *app, size_t art, size_t off);
void rv_reader_reindex(struct rv_app *app); /* the index arrived */
/* The open article's body was replaced (it finished loading): wraps it
 * anew from body offset off, and goes to its end if G asked for it. */
void rv_reader_reload(struct rv_app *app, size_t off);
/* Where the reading view's top line is in `whole`, the open article read in
 * full; SIZE_MAX when what it shows is not part of it. */
size_t rv_reader_place(const struct rv_app *app, const struct rv_article *whole);
void rv_reader_free(struct rv_reader_state *r);
void rv_reader_set_matches(struct rv_app *app);
bool rv_reader_link_action(struct rv_app *app, enum rv_action a);
void rv_reader_compare(struct rv_app *app);
void rv_reader_copy(struct rv_app *app);
size_t rv_reader_offset(const struct rv_app *app);
/* entities.c */
void rv_entities_sync(struct rv_app *app);
void rv_entities_free(struct rv_entities_state *e);
/* compare.c: opens on pool[left] against pool[right] (the pool is copied;
 * `cluster` says it is a link cluster, for the title). */
bool rv_compare_open(struct rv_app *app, const struct rv_cmp_member *pool, size_t n, size_t left, size_t right,
		     bool cluster);
/* The versions of link cluster `cl` as a pool; returns the count (free *out). */
size_t rv_compare_cluster_pool(const struct rv_app *app, uint32_t cl, struct rv_cmp_member **out);
void rv_compare_close(struct rv_app *app);
/* saved.c: quote stars and notes (the state store, through rv_ui_state) */
void rv_saved_star_quote(struct rv_app *app);
void rv_saved_edit_note(struct rv_app *app);
bool rv_saved_quote_starred(const struct rv_app *app, size_t art, size_t start, size_t end);
/* The article's note (raw bytes) or NULL. */
const char *rv_saved_note(const struct rv_app *app, size_t art, size_t *len);
/* The body bytes the reading view shows now; false when no article is open. */
bool rv_reader_visible(struct rv_app *app, size_t *start, size_t *end);
/* draw.c: the terminal handed to another program (an editor) and back */
void rv_draw_suspend(void);
void rv_draw_resume(void);
extern const struct rv_view_ops rv_view_compare, rv_view_links, rv_view_speaker, rv_view_chooser;
/* chooser.c: opens the chooser on [s, e) of article art when two other
 * articles or more share it; false (nothing done) otherwise. */
bool rv_chooser_open(struct rv_app *app, size_t art, size_t s, size_t e);
void rv_compare_write(struct rv_app *app);
/* view.c */
void rv_view_push(struct rv_app *app, const struct rv_view_ops *v);
void rv_view_pop(struct rv_app *app);
void rv_view_close_all(struct rv_app *app);
const struct rv_view_ops *rv_view_top(const struct rv_app *app);
/* Opens article art at off in the reader, closing every view (o, Enter). */
void rv_view_open_article(struct rv_app *app, size_t art, size_t off);
/* The speaker of the quotation holding [s, e) in article art, or NULL. */
const char *rv_view_speaker_of(const struct rv_app *app, size_t art, size_t s, size_t e);
/* y: copies [s, e) of article art, said by `who` (NULL: unknown), with its citation. */
void rv_view_copy(struct rv_app *app, size_t art, size_t s, size_t e, const char *who);
/* linksview.c, speakerview.c */
void rv_linksview_open(struct rv_app *app);
/* Opens the speaker view on entity `ent` (a person); false when it has no quote. */
bool rv_speakerview_open(struct rv_app *app, uint32_t ent);
/* v in the panes: the person under the sidebar's cursor, or the speaker of the
 * reader's current quote. */
void rv_speakerview_from_panes(struct rv_app *app);
uint32_t rv_entities_current(const struct rv_app *app);
/* The quote of the reading view a key acts on: the shared one picked with ] [, else
 * the first quote from the top of the view; false when none. */
bool rv_reader_current_quote(const struct rv_app *app, size_t *start, size_t *end, uint32_t *quote);
/* timeline.c */
size_t rv_timeline_rows(const struct rv_app *app);

#endif
