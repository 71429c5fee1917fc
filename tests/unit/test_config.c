/* test_config.c — the configuration file (config.c) and the user's key
 * bindings over the key table (keys.c): plain data, no terminal. */
#include "testutil.h"

#include <curses.h>

#include "revue/config.h"
#include "revue/ui.h"

/* Parses text; returns the diagnostics, one "LINE: MSG" per line. */
static char *parse(struct rv_config *c, const char *text, size_t len)
{
	struct rv_diags d = {0};
	size_t n = rv_config_parse(c, text, len, "cfg", &d);
	assert_int_equal(n, d.n);
	struct rv_buf b = {0};
	for (size_t i = 0; i < d.n; i++) {
		assert_string_equal(d.v[i].file, "cfg");
		rv_buf_printf(&b, "%u: %s\n", d.v[i].line, d.v[i].msg);
	}
	rv_diag_free(&d);
	if (!b.p)
		rv_buf_reserve(&b, 1);
	return rv_buf_steal(&b);
}

static void expect(const char *text, const char *want)
{
	struct rv_config c;
	rv_config_init(&c);
	char *got = parse(&c, text, strlen(text));
	if (strcmp(got, want))
		print_error("text: %s\ngot:  %s\nwant: %s\n", text, got, want);
	assert_string_equal(got, want);
	free(got);
	rv_config_free(&c);
}

static void test_config_options(void **state)
{
	(void)state;
	static const char text[] = "# revue\n"
				   "theme light\n"
				   "sort source   # outlets together\n"
				   "list-width 30\n"
				   "sidebar-width = 24\n"
				   "timeline-height\t8\n"
				   "wrap-width 72\n"
				   "date-format \"%d %b %Y\"\n"
				   "clipboard off\n"
				   "\n"
				   "   \t\n";
	struct rv_config c;
	rv_config_init(&c);
	char *errs = parse(&c, text, sizeof text - 1);
	assert_string_equal(errs, "");
	free(errs);
	assert_string_equal(c.theme, "light");
	assert_int_equal(c.theme_line, 2);
	assert_int_equal(c.sort, 1);
	assert_int_equal(c.sizes.list_width, 30);
	assert_int_equal(c.sizes.sidebar_width, 24);
	assert_int_equal(c.sizes.timeline_height, 8);
	assert_int_equal(c.wrap_width, 72);
	assert_string_equal(c.date_format, "%d %b %Y");
	assert_int_equal(c.clipboard, 0);
	assert_int_equal(c.nbindings, 0);
	rv_config_free(&c);

	/* nothing set: every field says so */
	rv_config_init(&c);
	errs = parse(&c, "", 0);
	assert_string_equal(errs, "");
	free(errs);
	assert_null(c.theme);
	assert_int_equal(c.sort, -1);
	assert_int_equal(c.clipboard, -1);
	assert_int_equal(c.wrap_width, 0);
	assert_null(c.date_format);
	rv_config_free(&c);

	/* a later line wins */
	rv_config_init(&c);
	static const char later[] = "clipboard no\nclipboard yes\ntheme a\ntheme b\n";
	errs = parse(&c, later, sizeof later - 1);
	assert_string_equal(errs, "");
	free(errs);
	assert_int_equal(c.clipboard, 1);
	assert_string_equal(c.theme, "b");
	assert_int_equal(c.theme_line, 4);
	rv_config_free(&c);
}

static void test_config_every_error(void **state)
{
	(void)state;
	expect("colour red\n", "1: unknown option 'colour' (see revue-config(5))\n");
	expect("theme\n", "1: 'theme' needs a value\n");
	expect("theme =\n", "1: 'theme' needs a value\n");
	expect("theme a b\n", "1: 'theme' takes one value (quote a value that holds blanks)\n");
	expect("theme \"\"\n", "1: theme: an empty name\n");
	expect("sort size\n", "1: sort: 'size' is not date, source or title\n");
	expect("list-width 8\n", "1: list-width: '8' is not a number from 16 to 200\n");
	expect("list-width -30\n", "1: list-width: '-30' is not a number from 16 to 200\n");
	expect("sidebar-width 99999\n", "1: sidebar-width: '99999' is not a number from 16 to 200\n");
	expect("timeline-height 2\n", "1: timeline-height: '2' is not a number from 3 to 100\n");
	expect("wrap-width wide\n", "1: wrap-width: 'wide' is not a number from 20 to 1000\n");
	expect("clipboard maybe\n", "1: clipboard: 'maybe' is not on or off\n");
	expect("date-format %H:%M\n", "1: date-format: a conversion that is not one of %a %A %b %B %d %e %F %G %g %h "
				      "%j %m %u %V %w %y %Y %%\n");
	expect("date-format %\n", "1: date-format: a '%' ends it\n");
	expect("date-format \"\"\n", "1: date-format: an empty format\n");
	expect("theme \"unterminated\n", "1: unterminated quote\n");
	expect("theme \"a\"b\n", "1: no blank after a closing quote\n");
	expect("a b c d e f g h i\n", "1: too many words\n");
	expect("theme a\x01\n", "1: control character 0x01\n");
	expect("theme \xc3\n", "1: not valid UTF-8\n");
	expect("bind x\n", "1: bind takes a key and an action: bind KEY ACTION\n");
	expect("bind x down up\n", "1: bind takes a key and an action: bind KEY ACTION\n");
	expect("unbind\n", "1: unbind takes one key: unbind KEY\n");
	expect("bind Hyper-x down\n",
	       "1: unknown key 'Hyper-x' (a character, C-a to C-z, or a name of revue(1), KEYS)\n");
	expect("bind x dance\n", "1: unknown action 'dance' (the actions are listed in revue(1), KEYS)\n");
	expect("unbind é\n", "1: unknown key 'é' (a character, C-a to C-z, or a name of revue(1), KEYS)\n");
	/* a NUL byte is a control character, and the line after it still applies */
	struct rv_config c;
	rv_config_init(&c);
	char *errs = parse(&c, "theme a\0b\nsort title\n", 21);
	assert_string_equal(errs, "1: control character 0x00\n");
	assert_int_equal(c.sort, 2);
	assert_null(c.theme);
	free(errs);
	rv_config_free(&c);
}

static void test_config_lines_and_quoting(void **state)
{
	(void)state;
	/* the line numbers of errors among good lines, which still apply */
	struct rv_config c;
	rv_config_init(&c);
	static const char mixed[] = "sort title\nbogus\n\n# x\nlist-width 1\nwrap-width 80\n";
	char *errs = parse(&c, mixed, sizeof mixed - 1);
	assert_string_equal(errs, "2: unknown option 'bogus' (see revue-config(5))\n"
				  "5: list-width: '1' is not a number from 16 to 200\n");
	free(errs);
	assert_int_equal(c.sort, 2);
	assert_int_equal(c.wrap_width, 80);
	assert_int_equal(c.sizes.list_width, 0);
	rv_config_free(&c);

	/* CRLF ends, a BOM, a last line with no newline */
	rv_config_init(&c);
	static const char crlf[] = "\xef\xbb\xbftheme light\r\nsort source\r\n\r\nwrap-width 60";
	errs = parse(&c, crlf, sizeof crlf - 1);
	assert_string_equal(errs, "");
	free(errs);
	assert_string_equal(c.theme, "light");
	assert_int_equal(c.sort, 1);
	assert_int_equal(c.wrap_width, 60);
	rv_config_free(&c);

	/* quotes: blanks, '#', escapes; a '#' inside a word is no comment */
	rv_config_init(&c);
	static const char q[] = "theme \"/my themes/a \\\"b\\\" \\\\ # c.theme\"  # comment\n"
				"date-format %d#%m\n";
	errs = parse(&c, q, sizeof q - 1);
	assert_string_equal(errs, "");
	free(errs);
	assert_string_equal(c.theme, "/my themes/a \"b\" \\ # c.theme");
	assert_string_equal(c.date_format, "%d#%m");
	rv_config_free(&c);

	/* a line of exactly the limit is read; one byte more is refused, and a
	 * huge one is one error, not thousands */
	char *line = malloc(RV_CONFIG_LINE_MAX + 200000);
	memcpy(line, "theme ", 6);
	memset(line + 6, 'x', RV_CONFIG_LINE_MAX - 6);
	rv_config_init(&c);
	errs = parse(&c, line, RV_CONFIG_LINE_MAX);
	assert_string_equal(errs, "");
	free(errs);
	assert_int_equal(strlen(c.theme), RV_CONFIG_LINE_MAX - 6);
	rv_config_free(&c);
	line[RV_CONFIG_LINE_MAX] = 'x';
	rv_config_init(&c);
	errs = parse(&c, line, RV_CONFIG_LINE_MAX + 1);
	assert_string_equal(errs, "1: line too long (more than 1024 bytes)\n");
	free(errs);
	assert_null(c.theme);
	rv_config_free(&c);
	memset(line + 6, 'y', RV_CONFIG_LINE_MAX + 200000 - 6);
	memcpy(line + RV_CONFIG_LINE_MAX + 200000 - 12, "\nsort title\n", 12);
	rv_config_init(&c);
	errs = parse(&c, line, RV_CONFIG_LINE_MAX + 200000);
	assert_string_equal(errs, "1: line too long (more than 1024 bytes)\n");
	free(errs);
	assert_int_equal(c.sort, 2);
	rv_config_free(&c);
	free(line);
}

static void test_config_bindings(void **state)
{
	(void)state;
	struct rv_config c;
	rv_config_init(&c);
	static const char text[] = "bind x down\nbind C-n down\nbind PgDn page-up\nunbind q\nbind \"#\" help\n"
				   "bind j up\n";
	char *errs = parse(&c, text, sizeof text - 1);
	assert_string_equal(errs, "");
	free(errs);
	assert_int_equal(c.nbindings, 6);
	assert_int_equal(c.bindings[0].key, 'x');
	assert_int_equal(c.bindings[0].action, RV_ACT_DOWN);
	assert_string_equal(c.bindings[1].name, "C-n");
	assert_int_equal(c.bindings[1].key, 14);
	assert_int_equal(c.bindings[2].key, KEY_NPAGE);
	assert_int_equal(c.bindings[3].action, RV_ACT_NONE);
	assert_int_equal(c.bindings[4].key, '#');

	rv_keys_set(c.bindings, c.nbindings);
	assert_int_equal(rv_key_action('x'), RV_ACT_DOWN);
	assert_int_equal(rv_key_action(14), RV_ACT_DOWN);
	assert_int_equal(rv_key_action(KEY_NPAGE), RV_ACT_PAGE_UP);
	assert_int_equal(rv_key_action('q'), RV_ACT_NONE);
	assert_int_equal(rv_key_action('#'), RV_ACT_HELP);
	assert_int_equal(rv_key_action('j'), RV_ACT_UP);
	assert_int_equal(rv_key_action('k'), RV_ACT_UP);     /* untouched keys keep the table's action */
	assert_int_equal(rv_key_action(KEY_DOWN), RV_ACT_DOWN);
	assert_int_equal(rv_key_action('Q'), RV_ACT_QUIT);

	/* the keys as bound: what the help screen shows */
	struct rv_buf b = {0};
	rv_action_keys(RV_ACT_DOWN, &b);
	assert_string_equal(b.p, "Down x C-n");
	b.len = 0;
	rv_action_keys(RV_ACT_UP, &b);
	assert_string_equal(b.p, "k Up j");
	b.len = 0;
	rv_action_keys(RV_ACT_PAGE_UP, &b);
	assert_string_equal(b.p, "b PgUp PgDn");
	b.len = 0;
	rv_action_keys(RV_ACT_CLOSE, &b);
	assert_string_equal(b.p, "-");
	b.len = 0;
	rv_action_keys(RV_ACT_HELP, &b);
	assert_string_equal(b.p, "? F1 #");

	/* the table again */
	rv_keys_set(NULL, 0);
	assert_int_equal(rv_key_action('x'), RV_ACT_WIDEN); /* x is the table's again */
	assert_int_equal(rv_key_action('q'), RV_ACT_CLOSE);
	assert_int_equal(rv_key_action('j'), RV_ACT_DOWN);
	b.len = 0;
	rv_action_keys(RV_ACT_DOWN, &b);
	assert_string_equal(b.p, "j Down");
	rv_buf_free(&b);
	rv_config_free(&c);

	/* every action of the table can be bound by its name */
	size_t n;
	const struct rv_action_info *t = rv_actions(&n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(rv_action_by_name(t[i].name, strlen(t[i].name)), t[i].action);
	assert_int_equal(rv_action_by_name("down ", 5), RV_ACT_NONE);

	/* more bindings than the limit: one error per extra line */
	struct rv_buf many = {0};
	for (int i = 0; i < RV_CONFIG_BINDINGS_MAX + 2; i++)
		rv_buf_adds(&many, "bind x down\n");
	rv_config_init(&c);
	errs = parse(&c, many.p, many.len);
	assert_string_equal(errs, "129: too many bindings (at most 128)\n130: too many bindings (at most 128)\n");
	free(errs);
	assert_int_equal(c.nbindings, RV_CONFIG_BINDINGS_MAX);
	rv_config_free(&c);
	rv_buf_free(&many);
}

static void test_config_dates(void **state)
{
	(void)state;
	char buf[80];
	struct rv_date day = {2024, 3, 5, RV_DATE_DAY}, month = {2024, 3, 0, RV_DATE_MONTH}, none = {0};
	rv_config_date(NULL, &day, buf, sizeof buf);
	assert_string_equal(buf, "2024-03-05");
	rv_config_date("%d/%m/%Y", &day, buf, sizeof buf);
	assert_string_equal(buf, "05/03/2024");
	rv_config_date("%a %-d %B %y", &day, buf, sizeof buf);
	assert_string_equal(buf, "Tue 5 March 24");
	rv_config_date("%d/%m/%Y", &month, buf, sizeof buf);
	assert_string_equal(buf, "2024-03");
	rv_config_date("%d/%m/%Y", &none, buf, sizeof buf);
	assert_string_equal(buf, "");
	/* a format revue refuses, or one that does not fit: ISO */
	rv_config_date("%H", &day, buf, sizeof buf);
	assert_string_equal(buf, "2024-03-05");
	rv_config_date("%B %B %B", &day, buf, 12);
	assert_string_equal(buf, "2024-03-05");
	assert_null(rv_config_date_format_check("%%Y", 3));
	assert_non_null(rv_config_date_format_check("%Ey", 3));
}

static char *tmpdir(void)
{
	char tmpl[] = "/tmp/revue-config.XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	return strdup(tmpl);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_config_files(void **state)
{
	(void)state;
	char *dir = tmpdir();
	char *path = rv_xasprintf("%s/config", dir);
	struct rv_config c;
	struct rv_diags d = {0};

	/* a missing file at the default place: no configuration, no problem */
	rv_config_init(&c);
	assert_int_equal(rv_config_load(&c, path, false, &d), 0);
	assert_int_equal(d.n, 0);
	/* one the user named: a problem naming it */
	assert_int_equal(rv_config_load(&c, path, true, &d), 1);
	assert_string_equal(d.v[0].file, path);
	assert_int_equal(d.v[0].line, 0);
	assert_string_equal(d.v[0].msg, "cannot read the configuration: No such file or directory");
	rv_diag_free(&d);

	/* a directory */
	assert_int_equal(rv_config_load(&c, dir, false, &d), 1);
	assert_string_equal(d.v[0].msg, "cannot read the configuration: a directory, not a file");
	rv_diag_free(&d);

	/* a FIFO: refused at once, no wait for a writer */
	char *fifo = rv_xasprintf("%s/fifo", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(rv_config_load(&c, fifo, true, &d), 1);
	assert_string_equal(d.v[0].msg, "cannot read the configuration: not a regular file");
	rv_diag_free(&d);

	/* /dev/null is an empty configuration; /dev/zero is too large */
	assert_int_equal(rv_config_load(&c, "/dev/null", true, &d), 0);
	assert_int_equal(rv_config_load(&c, "/dev/zero", true, &d), 1);
	assert_string_equal(d.v[0].msg, "cannot read the configuration: larger than 256 KiB");
	rv_diag_free(&d);

	/* a good file, with one bad line in it */
	write_file(path, "sort title\nwrap-width 10\nclipboard off\n");
	assert_int_equal(rv_config_load(&c, path, true, &d), 1);
	assert_string_equal(d.v[0].file, path);
	assert_int_equal(d.v[0].line, 2);
	assert_int_equal(c.sort, 2);
	assert_int_equal(c.clipboard, 0);
	rv_diag_free(&d);
	rv_config_free(&c);

	/* the default place */
	char *old_xdg = getenv("XDG_CONFIG_HOME") ? strdup(getenv("XDG_CONFIG_HOME")) : NULL;
	char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	setenv("XDG_CONFIG_HOME", "/x/y", 1);
	char *p = rv_config_default_path();
	assert_string_equal(p, "/x/y/revue/config");
	free(p);
	setenv("XDG_CONFIG_HOME", "relative", 1); /* not absolute: ignored, as the spec says */
	setenv("HOME", "/home/u", 1);
	p = rv_config_default_path();
	assert_string_equal(p, "/home/u/.config/revue/config");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	assert_null(rv_config_default_path());
	if (old_xdg)
		setenv("XDG_CONFIG_HOME", old_xdg, 1);
	if (old_home)
		setenv("HOME", old_home, 1);
	free(old_xdg);
	free(old_home);

	unlink(fifo);
	unlink(path);
	rmdir(dir);
	free(fifo);
	free(path);
	free(dir);
}

static void test_layout_sizes(void **state)
{
	(void)state;
	static const enum rv_visibility vis[RV_PANE_COUNT] = {RV_VIS_AUTO, RV_VIS_AUTO, RV_VIS_AUTO, RV_VIS_AUTO};
	struct rv_pane_sizes sz = {.list_width = 40, .sidebar_width = 20, .timeline_height = 6};
	struct rv_layout l;
	rv_layout_compute_sized(120, 30, vis, RV_PANE_LIST, &sz, &l);
	struct rv_buf b = {0};
	rv_layout_describe(&l, &b);
	assert_string_equal(b.p, "list 1,0 40x22; reader 1,41 58x22; entities 1,100 20x22; timeline 23,0 120x6");
	/* sizes too large give way: the reader keeps 30 columns and 5 rows */
	sz = (struct rv_pane_sizes){.list_width = 200, .sidebar_width = 200, .timeline_height = 100};
	rv_layout_compute_sized(120, 30, vis, RV_PANE_LIST, &sz, &l);
	b.len = 0;
	rv_layout_describe(&l, &b);
	assert_string_equal(b.p, "list 1,0 48x5; reader 1,49 30x5; entities 1,80 40x5; timeline 6,0 120x23");
	/* NULL: the automatic sizes */
	struct rv_layout l2;
	rv_layout_compute_sized(120, 30, vis, RV_PANE_LIST, NULL, &l);
	rv_layout_compute(120, 30, vis, RV_PANE_LIST, &l2);
	assert_memory_equal(&l, &l2, sizeof l);
	rv_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_config_options),
	    cmocka_unit_test(test_config_every_error),
	    cmocka_unit_test(test_config_lines_and_quoting),
	    cmocka_unit_test(test_config_bindings),
	    cmocka_unit_test(test_config_dates),
	    cmocka_unit_test(test_config_files),
	    cmocka_unit_test(test_layout_sizes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
