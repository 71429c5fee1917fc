/* test_ui.c — the reader's parts that are plain data: layout, key table,
 * themes, wrapping. No terminal: these link libui.a's curses-free objects.
 *
 * With REVUE_PRINT_KEYS set, prints the KEYS section of revue(1) generated
 * from the key table instead (make man-keys). */
#include "testutil.h"

#include <curses.h>

#include "revue/ui.h"

/* --- layout ------------------------------------------------------------------ */

static const enum rv_visibility auto_vis[RV_PANE_COUNT] = {RV_VIS_AUTO, RV_VIS_AUTO, RV_VIS_AUTO, RV_VIS_AUTO};

static char *describe(int cols, int rows, const enum rv_visibility *vis, enum rv_pane_id focus)
{
	struct rv_layout l;
	rv_layout_compute(cols, rows, vis, focus, &l);
	struct rv_buf b = {0};
	rv_layout_describe(&l, &b);
	return rv_buf_steal(&b);
}

static void expect_layout(int cols, int rows, const enum rv_visibility *vis, enum rv_pane_id focus, const char *want)
{
	char *got = describe(cols, rows, vis, focus);
	if (strcmp(got, want))
		print_error("%dx%d: got  %s\n        want %s\n", cols, rows, got, want);
	assert_string_equal(got, want);
	free(got);
}

static void test_layout_wide(void **state)
{
	(void)state;
	expect_layout(160, 45, auto_vis, RV_PANE_LIST,
		      "list 1,0 36x29; reader 1,37 86x29; entities 1,124 36x29; timeline 30,0 160x14");
	expect_layout(120, 30, auto_vis, RV_PANE_LIST,
		      "list 1,0 26x19; reader 1,27 62x19; entities 1,90 30x19; timeline 20,0 120x9");
	expect_layout(200, 50, auto_vis, RV_PANE_READER,
		      "list 1,0 48x34; reader 1,49 114x34; entities 1,164 36x34; timeline 35,0 200x14");
}

static void test_layout_narrow(void **state)
{
	(void)state;
	expect_layout(80, 24, auto_vis, RV_PANE_LIST, "list 1,0 24x22; reader 1,25 55x22");
	/* Tab onto a hidden pane brings it in */
	expect_layout(80, 24, auto_vis, RV_PANE_ENTITIES, "list 1,0 20x22; reader 1,21 36x22; entities 1,58 22x22");
	expect_layout(80, 24, auto_vis, RV_PANE_TIMELINE, "list 1,0 24x15; reader 1,25 55x15; timeline 16,0 80x7");
	enum rv_visibility on[RV_PANE_COUNT] = {RV_VIS_AUTO, RV_VIS_AUTO, RV_VIS_ON, RV_VIS_ON};
	expect_layout(80, 24, on, RV_PANE_READER,
		      "list 1,0 20x15; reader 1,21 36x15; entities 1,58 22x15; timeline 16,0 80x7");
	enum rv_visibility off[RV_PANE_COUNT] = {RV_VIS_AUTO, RV_VIS_AUTO, RV_VIS_OFF, RV_VIS_OFF};
	expect_layout(160, 45, off, RV_PANE_LIST, "list 1,0 48x43; reader 1,49 111x43");
	/* narrower than 60 columns: one pane at a time */
	expect_layout(50, 20, auto_vis, RV_PANE_LIST, "list 1,0 50x18");
	expect_layout(50, 20, auto_vis, RV_PANE_READER, "reader 1,0 50x18");
}

static void test_layout_too_small(void **state)
{
	(void)state;
	expect_layout(30, 8, auto_vis, RV_PANE_LIST, "too small");
	expect_layout(1, 1, auto_vis, RV_PANE_LIST, "too small");
	expect_layout(0, 0, auto_vis, RV_PANE_LIST, "too small");
	expect_layout(RV_MIN_COLS - 1, 40, auto_vis, RV_PANE_LIST, "too small");
	expect_layout(100, RV_MIN_ROWS - 1, auto_vis, RV_PANE_LIST, "too small");
	char *s = describe(RV_MIN_COLS, RV_MIN_ROWS, auto_vis, RV_PANE_LIST);
	assert_string_not_equal(s, "too small");
	free(s);
}

static bool overlap(const struct rv_rect *a, const struct rv_rect *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/* Every size, focus and toggle: panes inside the body, no overlap, the
 * focused pane shown, every shown pane big enough for a header and a row. */
static void test_layout_invariants(void **state)
{
	(void)state;
	static const enum rv_visibility vals[3] = {RV_VIS_AUTO, RV_VIS_ON, RV_VIS_OFF};
	for (int cols = RV_MIN_COLS; cols <= 260; cols += 3)
		for (int rows = RV_MIN_ROWS; rows <= 90; rows += 4)
			for (int f = 0; f < RV_PANE_COUNT; f++)
				for (int v = 0; v < 9; v++) {
					enum rv_visibility vis[RV_PANE_COUNT] = {RV_VIS_AUTO, RV_VIS_AUTO, vals[v % 3],
										 vals[v / 3]};
					struct rv_layout l;
					rv_layout_compute(cols, rows, vis, (enum rv_pane_id)f, &l);
					assert_false(l.too_small);
					int shown = 0;
					for (int p = 0; p < RV_PANE_COUNT; p++) {
						if (!l.shown[p])
							continue;
						shown++;
						const struct rv_rect *r = &l.pane[p];
						assert_true(r->x >= 0 && r->y >= 1 && r->x + r->w <= cols &&
							    r->y + r->h <= rows - 1);
						assert_true(r->h >= 2 && r->w >= 16);
						for (int q = p + 1; q < RV_PANE_COUNT; q++)
							if (l.shown[q])
								assert_false(overlap(r, &l.pane[q]));
					}
					assert_true(shown >= 1);
					if (f != RV_PANE_TIMELINE || cols >= 60)
						assert_true(l.shown[f]);
					if (cols >= RV_WIDE_COLS && rows >= RV_WIDE_ROWS && v == 0)
						assert_int_equal(shown, 4);
				}
}

static void test_layout_hit(void **state)
{
	(void)state;
	struct rv_layout l;
	rv_layout_compute(160, 45, auto_vis, RV_PANE_LIST, &l);
	assert_int_equal(rv_layout_hit(&l, 5, 3), RV_PANE_LIST);
	assert_int_equal(rv_layout_hit(&l, 5, 60), RV_PANE_READER);
	assert_int_equal(rv_layout_hit(&l, 5, 150), RV_PANE_ENTITIES);
	assert_int_equal(rv_layout_hit(&l, 40, 10), RV_PANE_TIMELINE);
	assert_int_equal(rv_layout_hit(&l, 0, 10), RV_PANE_COUNT);  /* title line */
	assert_int_equal(rv_layout_hit(&l, 44, 10), RV_PANE_COUNT); /* status line */
	assert_int_equal(rv_layout_hit(&l, 5, 36), RV_PANE_COUNT);  /* separator */
}

/* --- keys ----------------------------------------------------------------------- */

static void test_keys_table_parses(void **state)
{
	(void)state;
	size_t n;
	const struct rv_action_info *t = rv_actions(&n);
	assert_int_equal(n, RV_ACT_COUNT - 1);
	int seen[1024];
	size_t nseen = 0;
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(t[i].action, (enum rv_action)(i + 1));
		assert_true(strlen(t[i].help) > 5);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(t[i].name, t[j].name);
		const char *k = t[i].keys;
		assert_true(*k);
		while (*k) {
			size_t len = strcspn(k, " ");
			int code = rv_key_code(k, len);
			if (code < 0)
				print_error("key '%.*s' of %s does not parse\n", (int)len, k, t[i].name);
			assert_true(code >= 0);
			for (size_t s = 0; s < nseen; s++)
				assert_int_not_equal(seen[s], code); /* one action per key */
			seen[nseen++] = code;
			assert_int_equal(rv_key_action(code), t[i].action);
			k += len;
			k += strspn(k, " ");
		}
	}
}

static void test_keys_defaults(void **state)
{
	(void)state;
	assert_int_equal(rv_key_action('\t'), RV_ACT_NEXT_PANE);
	assert_int_equal(rv_key_action(KEY_BTAB), RV_ACT_PREV_PANE);
	assert_int_equal(rv_key_action('1'), RV_ACT_FOCUS_LIST);
	assert_int_equal(rv_key_action('4'), RV_ACT_FOCUS_TIMELINE);
	assert_int_equal(rv_key_action('j'), RV_ACT_DOWN);
	assert_int_equal(rv_key_action(KEY_DOWN), RV_ACT_DOWN);
	assert_int_equal(rv_key_action(' '), RV_ACT_PAGE_DOWN);
	assert_int_equal(rv_key_action(KEY_NPAGE), RV_ACT_PAGE_DOWN);
	assert_int_equal(rv_key_action('b'), RV_ACT_PAGE_UP);
	assert_int_equal(rv_key_action('G'), RV_ACT_BOTTOM);
	assert_int_equal(rv_key_action(KEY_HOME), RV_ACT_TOP);
	assert_int_equal(rv_key_action('\n'), RV_ACT_OPEN);
	assert_int_equal(rv_key_action('\r'), RV_ACT_OPEN);
	assert_int_equal(rv_key_action(KEY_ENTER), RV_ACT_OPEN);
	assert_int_equal(rv_key_action(']'), RV_ACT_NEXT_LINK);
	assert_int_equal(rv_key_action('o'), RV_ACT_FOLLOW_LINK);
	assert_int_equal(rv_key_action(KEY_BACKSPACE), RV_ACT_BACK);
	assert_int_equal(rv_key_action(127), RV_ACT_BACK);
	assert_int_equal(rv_key_action('h'), RV_ACT_BACK);
	assert_int_equal(rv_key_action(KEY_LEFT), RV_ACT_BACK);
	assert_int_equal(rv_key_action('/'), RV_ACT_SEARCH);
	assert_int_equal(rv_key_action('N'), RV_ACT_SEARCH_PREV);
	assert_int_equal(rv_key_action('s'), RV_ACT_CORPUS_SEARCH);
	assert_int_equal(rv_key_action('c'), RV_ACT_COMPARE);
	assert_int_equal(rv_key_action(KEY_F(1)), RV_ACT_HELP);
	assert_int_equal(rv_key_action('?'), RV_ACT_HELP);
	assert_int_equal(rv_key_action(27), RV_ACT_CLEAR);
	assert_int_equal(rv_key_action(12), RV_ACT_REDRAW);
	assert_int_equal(rv_key_action('q'), RV_ACT_CLOSE);
	assert_int_equal(rv_key_action('Q'), RV_ACT_QUIT);
	assert_int_equal(rv_key_action('z'), RV_ACT_ZOOM);
	assert_int_equal(rv_key_action('Z'), RV_ACT_NONE);
	assert_int_equal(rv_key_code("Nope", 4), -1);
	assert_int_equal(rv_key_code("C-l", 3), 12);
}

/* The KEYS section of revue(1) is what the table generates. */
static void test_keys_man_page(void **state)
{
	(void)state;
	size_t len;
	char *man = tu_read_file(SOURCE_DIR "/man/revue.1", &len);
	assert_non_null(man);
	const char *start = strstr(man, "\n.SH KEYS\n");
	assert_non_null(start);
	start = strstr(start, ".\\\" BEGIN KEYS");
	assert_non_null(start);
	start = strchr(start, '\n') + 1;
	const char *end = strstr(start, ".\\\" END KEYS");
	assert_non_null(end);
	struct rv_buf b = {0};
	rv_keys_roff(&b);
	if ((size_t)(end - start) != b.len || memcmp(start, b.p, b.len))
		print_error("man/revue.1's KEYS section differs from the key table: run make man-keys\n");
	assert_int_equal((size_t)(end - start), b.len);
	assert_memory_equal(start, b.p, b.len);
	rv_buf_free(&b);
	free(man);
}

/* --- themes ------------------------------------------------------------------------ */

static void test_theme_parse(void **state)
{
	(void)state;
	struct rv_theme t;
	rv_theme_builtin(&t);
	struct rv_diags d = {0};
	const char *text = "# a comment\n"
			   "\n"
			   "text   white  black\n"
			   "match  #ff8000 default bold underline   # trailing comment\n"
			   "quote  bright-green\n"
			   "date   200 17 italic\n";
	assert_int_equal(rv_theme_parse(&t, text, strlen(text), "t.theme", &d), 0);
	assert_int_equal(t.el[RV_EL_TEXT].fg.kind, RV_COLOR_INDEX);
	assert_int_equal(t.el[RV_EL_TEXT].fg.value, 7);
	assert_int_equal(t.el[RV_EL_TEXT].bg.value, 0);
	assert_int_equal(t.el[RV_EL_MATCH].fg.kind, RV_COLOR_RGB);
	assert_int_equal(t.el[RV_EL_MATCH].fg.value, 0xff8000);
	assert_int_equal(t.el[RV_EL_MATCH].bg.kind, RV_COLOR_DEFAULT);
	assert_true(t.el[RV_EL_MATCH].attrs & RV_ATTR_BOLD);
	assert_true(t.el[RV_EL_MATCH].attrs & RV_ATTR_UNDERLINE);
	assert_int_equal(t.el[RV_EL_QUOTE].fg.value, 10);
	assert_true(t.el[RV_EL_QUOTE].attrs & RV_ATTR_ITALIC); /* kept: quotes are always italic */
	assert_int_equal(t.el[RV_EL_DATE].fg.value, 200);
	assert_int_equal(t.el[RV_EL_DATE].bg.value, 17);
	assert_true(t.el[RV_EL_DATE].attrs & RV_ATTR_UNDERLINE); /* and dates underlined */
	rv_diag_free(&d);
}

static void test_theme_errors(void **state)
{
	(void)state;
	struct rv_theme t, before;
	rv_theme_builtin(&t);
	before = t;
	struct rv_diags d = {0};
	const char *text = "nosuch red\n"
			   "text\n"
			   "text mauve\n"
			   "text red blue blinking\n"
			   "text 256\n"
			   "text #12345\n"
			   "person red\n";
	assert_int_equal(rv_theme_parse(&t, text, strlen(text), "bad.theme", &d), 6);
	assert_int_equal(d.n, 6);
	for (unsigned i = 0; i < 6; i++) {
		assert_string_equal(d.v[i].file, "bad.theme");
		assert_int_equal(d.v[i].line, i + 1);
	}
	assert_non_null(strstr(d.v[0].msg, "unknown element 'nosuch'"));
	assert_non_null(strstr(d.v[2].msg, "not a colour 'mauve'"));
	assert_non_null(strstr(d.v[3].msg, "'blinking'"));
	/* bad lines change nothing; the good one applies */
	assert_memory_equal(&t.el[RV_EL_TEXT], &before.el[RV_EL_TEXT], sizeof t.el[0]);
	assert_int_equal(t.el[RV_EL_PERSON].fg.value, 1);
	rv_diag_free(&d);
}

static void test_theme_hostile_values(void **state)
{
	(void)state;
	struct rv_theme t;
	rv_theme_builtin(&t);
	struct rv_diags d = {0};
	const char text[] = "text \x1b]0;pwned\x07\nquote red\r\n\xff\xfe\n";
	rv_theme_parse(&t, text, sizeof text - 1, "evil.theme", &d);
	assert_int_equal(d.n, 2);
	assert_int_equal(t.el[RV_EL_QUOTE].fg.value, 1); /* CRLF lines are fine */
	struct rv_buf b = {0};
	for (size_t i = 0; i < d.n; i++)
		rv_diag_format(&d.v[i], &b);
	assert_null(memchr(b.p, 0x1b, b.len)); /* messages are sanitized */
	rv_buf_free(&b);
	rv_diag_free(&d);
}

static void test_theme_bundled(void **state)
{
	(void)state;
	static const char *const names[] = {"default", "light", "mono"};
	for (size_t i = 0; i < RV_ARRAY_LEN(names); i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/themes/%s.theme", SOURCE_DIR, names[i]);
		size_t len = 0;
		char *text = tu_read_file(path, &len);
		assert_non_null(text);
		struct rv_theme t;
		rv_theme_builtin(&t);
		struct rv_diags d = {0};
		assert_int_equal(rv_theme_parse(&t, text, len, path, &d), 0);
		rv_diag_free(&d);
		free(text);
	}
}

static void test_color_resolve(void **state)
{
	(void)state;
	struct rv_color c;
	assert_true(rv_color_parse("196", 3, &c));
	assert_int_equal(rv_color_resolve(c, 256), 196);
	assert_int_equal(rv_color_resolve(c, 16), 9);
	assert_int_equal(rv_color_resolve(c, 8), 1);
	assert_int_equal(rv_color_resolve(c, 0), -1);
	assert_true(rv_color_parse("#0000ee", 7, &c));
	assert_int_equal(rv_color_resolve(c, 8), 4);
	assert_true(rv_color_parse("bright-white", 12, &c));
	assert_int_equal(rv_color_resolve(c, 16), 15);
	assert_int_equal(rv_color_resolve(c, 8), 7);
	assert_true(rv_color_parse("8", 1, &c)); /* grey: white on 8 colours, never black */
	assert_int_equal(rv_color_resolve(c, 8), 7);
	assert_true(rv_color_parse("default", 7, &c));
	assert_int_equal(rv_color_resolve(c, 256), -1);
	assert_true(rv_color_parse("#ffffff", 7, &c));
	assert_int_equal(rv_color_resolve(c, 256), 15);
	assert_true(rv_color_parse("#808080", 7, &c));
	int g = rv_color_resolve(c, 256);
	assert_true(g == 244 || g == 8);
	assert_false(rv_color_parse("#zzzzzz", 7, &c));
	assert_false(rv_color_parse("999", 3, &c));
	assert_false(rv_color_parse("bright-", 7, &c));
	/* every index falls back inside the palette */
	for (unsigned i = 0; i < 256; i++)
		for (int n = 8; n <= 256; n *= 2) {
			int r = rv_color_resolve((struct rv_color){RV_COLOR_INDEX, i}, n);
			assert_true(r >= 0 && r < (n >= 256 ? 256 : n >= 16 ? 16 : 8));
		}
}

/* --- wrapping ----------------------------------------------------------------------- */

/* Wraps s to width; checks that no line is wider (unless one glyph is), that
 * lines are in order and that only blanks and newlines fall between them. */
static struct rv_wrap wrap_all(const char *s, int width)
{
	struct rv_wrap w;
	rv_wrap_init(&w, s, strlen(s), width, 0);
	rv_wrap_until(&w, SIZE_MAX - 1);
	assert_true(rv_wrap_complete(&w));
	size_t prev = 0;
	for (size_t i = 0; i < w.nlines; i++) {
		struct rv_span l = w.line[i];
		assert_true(l.start >= prev && l.end >= l.start);
		for (size_t k = prev; k < l.start; k++)
			assert_true(s[k] == ' ' || s[k] == '\n' || s[k] == '\t');
		size_t lw = rv_text_width(s + l.start, l.end - l.start, 0);
		if (lw > (size_t)width) {
			/* only a single glyph may overflow */
			struct rv_sanitizer st;
			rv_sanitizer_init(&st, 0);
			struct rv_glyph g;
			size_t n = rv_ui_glyph(&st, s, l.end, l.start, &g);
			assert_int_equal(l.start + n, l.end);
		}
		prev = l.end;
	}
	return w;
}

static char *line_text(const struct rv_wrap *w, size_t i)
{
	return rv_xstrndup(w->s + w->line[i].start, w->line[i].end - w->line[i].start);
}

static void expect_lines(const char *s, int width, const char *const *want, size_t n)
{
	struct rv_wrap w = wrap_all(s, width);
	for (size_t i = 0; i < w.nlines && i < n; i++) {
		char *t = line_text(&w, i);
		if (strcmp(t, want[i]))
			print_error("line %zu: got '%s' want '%s'\n", i, t, want[i]);
		assert_string_equal(t, want[i]);
		free(t);
	}
	assert_int_equal(w.nlines, n);
	rv_wrap_free(&w);
}

static void test_wrap_words(void **state)
{
	(void)state;
	const char *const a[] = {"the quick", "brown fox", "jumps over", "the lazy", "dog"};
	expect_lines("the quick brown fox jumps over the lazy dog", 10, a, 5);
	const char *const b[] = {"first", "", "second para"};
	expect_lines("first\n\nsecond para\n", 12, b, 3);
	const char *const c[] = {"abcdefghij", "klmno"}; /* no break opportunity: cut */
	expect_lines("abcdefghijklmno", 10, c, 2);
	const char *const d[] = {"l'intelligence", "artificielle,", "c'est-à-dire"};
	expect_lines("l'intelligence artificielle, c'est-à-dire", 14, d, 3);
}

static void test_wrap_cjk(void **state)
{
	(void)state;
	/* each ideograph is two columns and a break opportunity */
	const char *const a[] = {"日本語のテ", "キストです"};
	expect_lines("日本語のテキストです", 10, a, 2);
	const char *const b[] = {"日本語のテ", "キストです"}; /* 11 columns: still 5 wide glyphs */
	expect_lines("日本語のテキストです", 11, b, 2);
}

static void test_wrap_combining_and_emoji(void **state)
{
	(void)state;
	/* e + combining acute is one column: ten of them fit in 10 */
	const char *s = "e\xcc\x81"
			"e\xcc\x81"
			"e\xcc\x81"
			"e\xcc\x81"
			"e\xcc\x81"
			"e\xcc\x81"
			"e\xcc\x81"
			"e\xcc\x81"
			"e\xcc\x81"
			"e\xcc\x81 x";
	struct rv_wrap w = wrap_all(s, 10);
	assert_int_equal(w.nlines, 2);
	assert_int_equal(w.line[0].end, 30);
	rv_wrap_free(&w);
	/* emoji are two columns; a family ZWJ sequence is drawn as its parts */
	w = wrap_all("\xf0\x9f\x98\x80 \xf0\x9f\x98\x80 \xf0\x9f\x98\x80 \xf0\x9f\x98\x80", 5);
	assert_int_equal(w.nlines, 2);
	rv_wrap_free(&w);
	w = wrap_all("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 family", 8);
	assert_int_equal(w.nlines, 2);
	rv_wrap_free(&w);
}

static void test_wrap_tokens_count_their_width(void **state)
{
	(void)state;
	/* a bidi override shows as a visible token, and the token's width counts */
	const char *s = "ab \xe2\x80\xae cd";
	struct rv_wrap w = wrap_all(s, 6);
	assert_true(w.nlines >= 2);
	rv_wrap_free(&w);
	/* ESC and invalid bytes too */
	w = wrap_all("\x1b[2J\x1b]0;x\x07 \xff\xfe end", 8);
	assert_true(w.nlines >= 2);
	rv_wrap_free(&w);
}

static void test_wrap_lazy_and_line_of(void **state)
{
	(void)state;
	size_t n = 5u << 20; /* a 5 MiB line: the first screen costs a chunk */
	char *s = rv_xmalloc(n + 1);
	for (size_t i = 0; i < n; i++)
		s[i] = i % 7 == 6 ? ' ' : 'a';
	s[n] = '\0';
	struct rv_wrap w;
	rv_wrap_init(&w, s, n, 80, 0);
	assert_true(rv_wrap_until(&w, 50));
	assert_true(w.done < 200 * 1024);
	assert_false(rv_wrap_complete(&w));
	size_t li = rv_wrap_line_of(&w, n / 2);
	assert_true(w.line[li].start <= n / 2 && (li + 1 == w.nlines || w.line[li + 1].start > n / 2));
	rv_wrap_until(&w, SIZE_MAX - 1);
	assert_true(rv_wrap_complete(&w));
	for (size_t i = 1; i < w.nlines; i++)
		assert_true(w.line[i].start >= w.line[i - 1].end);
	assert_true(w.line[w.nlines - 1].end == n || w.line[w.nlines - 1].end == n - 1);
	rv_wrap_free(&w);
	free(s);
}

/* A text with short and long paragraphs, blank lines, tabs, accents and
 * wide glyphs, and one paragraph longer than the wrap's 64 KiB chunk. */
static char *window_text(size_t *len)
{
	static const char *const words[] = {"le", "marché", "日本語", "d'une", "économie", "\tet", "intelligence",
					    "a", "l'IA", "—", "artificielle,", "«", "quarante-deux", "»"};
	struct rv_buf b = {0};
	uint32_t x = 12345;
	for (int p = 0; b.len < 300 * 1024; p++) {
		size_t plen = p == 20 ? 100 * 1024 : 20 + (x >> 8) % 900;
		size_t start = b.len;
		while (b.len - start < plen) {
			x = x * 1103515245u + 12345u;
			rv_buf_adds(&b, words[(x >> 16) % RV_ARRAY_LEN(words)]);
			rv_buf_adds(&b, (x >> 8) % 17 ? " " : "  ");
		}
		rv_buf_adds(&b, p % 5 == 3 ? "\n\n\n" : "\n");
	}
	*len = b.len;
	return b.p;
}

static void expect_same_lines(const struct rv_wrap *w, const struct rv_wrap *full, size_t from)
{
	assert_true(from + w->nlines <= full->nlines);
	for (size_t i = 0; i < w->nlines; i++) {
		assert_int_equal(w->line[i].start, full->line[from + i].start);
		assert_int_equal(w->line[i].end, full->line[from + i].end);
	}
}

static void test_wrap_window_is_the_full_wrap(void **state)
{
	(void)state;
	size_t n;
	char *s = window_text(&n);
	static const int widths[] = {13, 72};
	for (size_t wi = 0; wi < RV_ARRAY_LEN(widths); wi++) {
		struct rv_wrap full;
		rv_wrap_init(&full, s, n, widths[wi], 0);
		rv_wrap_until(&full, SIZE_MAX - 1);
		size_t offs[] = {0, 1, 777, n / 7, n / 3 + 5, n / 2, n - 2000, n - 1, n};
		for (size_t k = 0; k < RV_ARRAY_LEN(offs); k++) {
			struct rv_wrap w;
			rv_wrap_init_at(&w, s, n, widths[wi], 0, offs[k]);
			/* a paragraph start: the byte after a newline */
			assert_true(w.origin <= offs[k]);
			assert_true(w.origin == 0 || s[w.origin - 1] == '\n');
			assert_int_equal(w.origin, rv_wrap_restart(s, offs[k] < n ? offs[k] : n - 1));
			size_t first = 0;
			while (first < full.nlines && full.line[first].start < w.origin)
				first++;
			/* forward: lazily, then to the end */
			rv_wrap_until(&w, 10);
			expect_same_lines(&w, &full, first);
			rv_wrap_until(&w, SIZE_MAX - 1);
			assert_int_equal(first + w.nlines, full.nlines);
			expect_same_lines(&w, &full, first);
			/* backward: a few lines, then up to the top */
			size_t got = rv_wrap_prepend(&w, 5);
			assert_true(got >= 5 || w.origin == 0);
			assert_true(got <= first);
			expect_same_lines(&w, &full, first - got);
			got += rv_wrap_prepend(&w, SIZE_MAX);
			assert_int_equal(w.origin, 0);
			assert_int_equal(got, first);
			expect_same_lines(&w, &full, 0);
			assert_int_equal(w.nlines, full.nlines);
			rv_wrap_free(&w);
		}
		/* a window ends where asked: the line holding an offset */
		struct rv_wrap w;
		rv_wrap_init_at(&w, s, n, widths[wi], 0, n / 2);
		size_t li = rv_wrap_line_of(&w, n / 2);
		assert_true(w.line[li].start <= n / 2 && (li + 1 == w.nlines || w.line[li + 1].start > n / 2));
		rv_wrap_free(&w);
		rv_wrap_free(&full);
	}
	free(s);
}

static void test_wrap_window_without_newline(void **state)
{
	(void)state;
	/* one line of 700 KB, no newline to restart from: the window starts on a
	 * code point boundary and still covers the text in order */
	size_t n = 700 * 1024;
	char *s = rv_xmalloc(n + 1);
	for (size_t i = 0; i < n; i += 2) {
		s[i] = (char)0xC3; /* é é é ... and a space now and then */
		s[i + 1] = (char)0xA9;
		if (i % 22 == 20)
			s[i] = s[i + 1] = ' ';
	}
	s[n] = '\0';
	struct rv_wrap w;
	rv_wrap_init_at(&w, s, n, 40, 0, n - 3);
	assert_true(w.origin > 0 && w.origin <= n - 3);
	assert_true(((unsigned char)s[w.origin] & 0xC0) != 0x80);
	rv_wrap_until(&w, SIZE_MAX - 1);
	assert_true(rv_wrap_complete(&w) && w.nlines >= 1);
	rv_wrap_prepend(&w, 100);
	assert_true(w.nlines >= 100);
	rv_wrap_prepend(&w, SIZE_MAX);
	assert_int_equal(w.origin, 0);
	assert_int_equal(w.line[0].start, 0);
	for (size_t i = 1; i < w.nlines; i++) {
		assert_true(w.line[i].start >= w.line[i - 1].end);
		assert_true(((unsigned char)s[w.line[i].start] & 0xC0) != 0x80);
		for (size_t k = w.line[i - 1].end; k < w.line[i].start; k++)
			assert_true(s[k] == ' ');
	}
	assert_int_equal(w.line[w.nlines - 1].end, n);
	rv_wrap_free(&w);
	free(s);
}

static void test_wrap_ascii_fallback(void **state)
{
	(void)state;
	/* under LANG=C, é is drawn as e, « as ": one column each, not <U+00E9> */
	const char *s = "\xc2\xab" "d\xc3\xa9j\xc3\xa0" "\xc2\xbb";
	struct rv_sanitizer st;
	rv_sanitizer_init(&st, RV_SAN_ASCII);
	struct rv_glyph g;
	size_t i = 0, cols = 0;
	struct rv_buf out = {0};
	while (i < strlen(s)) {
		size_t l = rv_ui_glyph(&st, s, strlen(s), i, &g);
		cols += (size_t)g.width;
		if (g.kind == RV_GLYPH_TOKEN)
			rv_buf_adds(&out, g.tok);
		else
			rv_buf_add(&out, s + i, l);
		i += l;
	}
	assert_string_equal(out.p, "\"deja\"");
	assert_int_equal(cols, 6);
	rv_buf_free(&out);
	/* bidi controls stay visible tokens */
	rv_sanitizer_init(&st, RV_SAN_ASCII);
	rv_ui_glyph(&st, "\xe2\x80\xae", 3, 0, &g);
	assert_int_equal(g.kind, RV_GLYPH_TOKEN);
	assert_true(g.tok[0] == '<');
}


/* --- the compare view's columns ------------------------------------------------- */

static void test_compare_columns(void **state)
{
	(void)state;
	int x[3], w[3];
	/* two versions: two columns at any width, equal, one separator between */
	assert_int_equal(rv_compare_columns(120, 2, x, w), 2);
	assert_int_equal(x[0], 1);
	assert_int_equal(w[0], 58);
	assert_int_equal(x[1], 60);
	assert_int_equal(w[1], 58);
	assert_int_equal(rv_compare_columns(200, 2, x, w), 2);
	/* three versions: three columns only from RV_COMPARE_WIDE on */
	assert_int_equal(rv_compare_columns(RV_COMPARE_WIDE - 1, 3, x, w), 2);
	assert_int_equal(rv_compare_columns(RV_COMPARE_WIDE, 3, x, w), 3);
	assert_int_equal(rv_compare_columns(200, 5, x, w), 3);
	assert_int_equal(w[0], 65);
	assert_int_equal(x[1], 67);
	assert_int_equal(x[2], 133);
	assert_true(x[2] + w[2] < 200); /* inside the screen, the last column spare */
	for (int cols = 2 * RV_COMPARE_MIN_W + 3; cols < 400; cols++)
		for (size_t v = 2; v <= 4; v++) {
			int n = rv_compare_columns(cols, v, x, w);
			assert_true(n == 2 || n == 3);
			for (int k = 0; k < n; k++) {
				assert_true(w[k] >= RV_COMPARE_MIN_W);
				assert_true(x[k] + w[k] < cols);
				if (k)
					assert_int_equal(x[k], x[k - 1] + w[k - 1] + 1); /* the separator */
			}
		}
	/* too narrow: none */
	assert_int_equal(rv_compare_columns(2 * RV_COMPARE_MIN_W + 2, 2, x, w), 0);
	assert_int_equal(rv_compare_columns(10, 3, x, w), 0);
}

/* --- copying and saving ----------------------------------------------------------- */

static char *b64(const char *s, size_t n)
{
	struct rv_buf b = {0};
	rv_base64(s, n, &b);
	rv_buf_addc(&b, '\0');
	return rv_buf_steal(&b);
}

static void test_base64(void **state)
{
	(void)state;
	/* RFC 4648's test vectors */
	static const char *const want[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"};
	for (size_t n = 0; n <= 6; n++) {
		char *got = b64("foobar", n);
		assert_string_equal(got, want[n]);
		free(got);
	}
	char *got = b64("\xff\xfe\x00\x80", 4); /* high bits and NUL */
	assert_string_equal(got, "//4AgA==");
	free(got);
}

static struct rv_article cite_article(void)
{
	struct rv_article a;
	memset(&a, 0, sizeof a);
	a.id = (char *)"000_x.txt";
	a.title = (char *)"Microsoft va d\xc3\xa9velopper";
	a.source = (char *)"Le Monde";
	a.date = (struct rv_date){2025, 3, 12, RV_DATE_DAY};
	a.lang = a.url = a.author = a.path = (char *)"";
	return a;
}

static void test_cite(void **state)
{
	(void)state;
	struct rv_article a = cite_article();
	struct rv_buf b = {0};
	const char q[] = "\xe2\x80\x9cNous devons\n  d\xc3\xa9velopper\tnos mod\xc3\xa8les\xe2\x80\x9d";
	rv_cite(&b, q, sizeof q - 1, "Mustafa Suleyman", &a);
	rv_buf_addc(&b, '\0');
	assert_string_equal(b.p, "\xe2\x80\x9cNous devons d\xc3\xa9velopper nos mod\xc3\xa8les\xe2\x80\x9d\n"
				 "\xe2\x80\x94 Mustafa Suleyman, \xe2\x80\x9cMicrosoft va d\xc3\xa9velopper\xe2\x80\x9d, Le Monde, 2025-03-12");
	rv_buf_free(&b);
	/* unknown parts are left out; the id stands for the title */
	a.title = a.source = (char *)"";
	a.date = (struct rv_date){0, 0, 0, RV_DATE_NONE};
	rv_cite(&b, "oui", 3, NULL, &a);
	rv_buf_addc(&b, '\0');
	assert_string_equal(b.p, "oui\n\xe2\x80\x94 000_x.txt");
	rv_buf_free(&b);
}

/* What a copy carries never holds a byte a terminal would obey, whatever
 * the article holds: ESC, C0 and C1 controls, bidi controls. */
static void test_cite_is_sanitised(void **state)
{
	(void)state;
	struct rv_article a = cite_article();
	a.title = (char *)"T\x1b]52;c;ZXZpbA==\x07itle";
	a.source = (char *)"S\xc2\x9b" "31m";
	const char q[] = "\x1b[2J\x1b]0;pwned\x07 text \xe2\x80\xae" "reversed\xe2\x80\xac \r\x08 end\x7f";
	struct rv_buf b = {0};
	rv_cite(&b, q, sizeof q - 1, "Eve\x1b[1m", &a);
	for (size_t i = 0; i < b.len; i++) {
		unsigned char ch = (unsigned char)b.p[i];
		assert_true(ch >= 0x20 || ch == '\n');
		assert_true(ch != 0x7f);
		if (ch == 0xc2 && i + 1 < b.len)
			assert_false((unsigned char)b.p[i + 1] >= 0x80 && (unsigned char)b.p[i + 1] <= 0x9f);
		if (ch == 0xe2 && i + 2 < b.len && (unsigned char)b.p[i + 1] == 0x80)
			assert_false((unsigned char)b.p[i + 2] >= 0xaa && (unsigned char)b.p[i + 2] <= 0xae);
	}
	assert_non_null(memmem(b.p, b.len, "text", 4)); /* the text itself is kept */
	rv_buf_free(&b);
	/* a long quote is cut at a code point, the cut marked */
	size_t n = RV_COPY_MAX + 100;
	char *big = malloc(n);
	for (size_t i = 0; i < n; i += 2)
		memcpy(big + i, "\xc3\xa9", 2);
	rv_cite(&b, big, n, NULL, &a);
	const char *nl = memchr(b.p, '\n', b.len);
	assert_non_null(nl);
	assert_true((size_t)(nl - b.p) <= RV_COPY_MAX + 3);
	assert_memory_equal(nl - 3, "\xe2\x80\xa6", 3);
	assert_memory_equal(nl - 5, "\xc3\xa9", 2);
	free(big);
	rv_buf_free(&b);
}

static void test_markdown(void **state)
{
	(void)state;
	struct rv_article a = cite_article(), b2 = cite_article();
	a.body = (char *)"Il a dit \"nous devons bien vite partir\" hier.";
	a.body_len = strlen(a.body);
	b2.title = (char *)"Autre *titre* <b>";
	b2.source = (char *)"";
	b2.body = (char *)"Selon lui, \"nous devions bien partir demain\".";
	b2.body_len = strlen(b2.body);
	size_t as = 9, ae = 39, bs = 11, be = b2.body_len - 1;
	struct rv_diff d;
	assert_int_equal(rv_diff_spans(a.body, a.body_len, as, ae, b2.body, b2.body_len, bs, be, &d), 0);
	struct rv_md_version v[2] = {{&a, as, ae, "Jean Dupont"}, {&b2, bs, be, NULL}};
	struct rv_buf out = {0};
	rv_md_compare(&out, v, 2, &d);
	rv_buf_addc(&out, '\0');
	const char *md = out.p;
	if (getenv("REVUE_PRINT_MD"))
		fputs(md, stderr);
	assert_non_null(strstr(md, "# 2 versions compared\n"));
	assert_non_null(strstr(md, "## 1. Microsoft va d\xc3\xa9velopper\n"));
	assert_non_null(strstr(md, "- source: Le Monde\n- date: 2025-03-12\n- said by: Jean Dupont\n"));
	assert_non_null(strstr(md, "- file: `000_x.txt`, bytes 9-39\n"));
	assert_non_null(strstr(md, "## 2. Autre \\*titre\\* \\<b\\>\n")); /* Markdown's own signs escaped */
	assert_non_null(strstr(md, "- source: (none)\n"));
	assert_non_null(strstr(md, "- said by: (unknown)\n"));
	/* the diff marked: devons/devions changed, vite removed, demain added */
	assert_non_null(strstr(md, "> \"nous _devons_ bien ~~vite~~ partir\""));
	assert_non_null(strstr(md, "> \"nous _devions_ bien partir **demain\"**"));
	assert_non_null(strstr(md, "% of words in common with version 1: 1 changed"));
	rv_buf_free(&out);
	rv_diff_free(&d);
}

int main(void)
{
	if (getenv("REVUE_PRINT_KEYS")) {
		struct rv_buf b = {0};
		rv_keys_roff(&b);
		fwrite(b.p, 1, b.len, stdout);
		rv_buf_free(&b);
		return 0;
	}
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_layout_wide),
	    cmocka_unit_test(test_layout_narrow),
	    cmocka_unit_test(test_layout_too_small),
	    cmocka_unit_test(test_layout_invariants),
	    cmocka_unit_test(test_layout_hit),
	    cmocka_unit_test(test_keys_table_parses),
	    cmocka_unit_test(test_keys_defaults),
	    cmocka_unit_test(test_keys_man_page),
	    cmocka_unit_test(test_theme_parse),
	    cmocka_unit_test(test_theme_errors),
	    cmocka_unit_test(test_theme_hostile_values),
	    cmocka_unit_test(test_theme_bundled),
	    cmocka_unit_test(test_color_resolve),
	    cmocka_unit_test(test_wrap_words),
	    cmocka_unit_test(test_wrap_cjk),
	    cmocka_unit_test(test_wrap_combining_and_emoji),
	    cmocka_unit_test(test_wrap_tokens_count_their_width),
	    cmocka_unit_test(test_wrap_lazy_and_line_of),
	    cmocka_unit_test(test_wrap_window_is_the_full_wrap),
	    cmocka_unit_test(test_wrap_window_without_newline),
	    cmocka_unit_test(test_wrap_ascii_fallback),
	    cmocka_unit_test(test_compare_columns),
	    cmocka_unit_test(test_base64),
	    cmocka_unit_test(test_cite),
	    cmocka_unit_test(test_cite_is_sanitised),
	    cmocka_unit_test(test_markdown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
