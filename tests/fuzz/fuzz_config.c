/* fuzz_config.c — the two files of the user's that revue parses: the
 * configuration (config.c, revue-config(5)) and a theme (theme.c,
 * revue-themes(5)). The whole input is given to each parser.
 *
 * Checks: every problem names the file and a line of the input, at most one
 * problem a line for the configuration, and the count returned is the
 * count recorded; every message comes out of rv_diag_format on one line with
 * no control character; every value kept is one the format allows (UTF-8
 * without controls, numbers in range, a date format that passes its check
 * and formats within bounds, bindings of known keys to actions of the
 * table); a binding applied to the key table answers as bound.
 */
#include "fuzz.h"

#include <unistr.h>

#include "revue/config.h"
#include "revue/ui.h"

static size_t count_lines(const uint8_t *data, size_t size)
{
	size_t n = 0;
	for (size_t i = 0; i < size; i++)
		n += data[i] == '\n';
	return n + (size && data[size - 1] != '\n');
}

/* A message as the user sees it: one line, no control character. */
static void check_diags(const struct rv_diags *d, size_t from, size_t lines, const char *file, bool one_a_line)
{
	struct rv_buf b = {0};
	unsigned last = 0;
	for (size_t i = from; i < d->n; i++) {
		FUZZ_CHECK(d->v[i].file && !strcmp(d->v[i].file, file));
		FUZZ_CHECK(d->v[i].line >= 1 && d->v[i].line <= lines);
		FUZZ_CHECK(!one_a_line || d->v[i].line > last);
		last = d->v[i].line;
		b.len = 0;
		rv_diag_format(&d->v[i], &b);
		FUZZ_CHECK(b.len > 0 && !u8_check((const uint8_t *)b.p, b.len));
		for (size_t k = 0; k < b.len; k++) {
			unsigned char c = (unsigned char)b.p[k];
			FUZZ_CHECK(c >= 0x20 && c != 0x7f);
			FUZZ_CHECK(!(c == 0xc2 && k + 1 < b.len && (unsigned char)b.p[k + 1] < 0xa0)); /* C1 */
		}
	}
	rv_buf_free(&b);
}

static void check_text(const char *s)
{
	if (!s)
		return;
	size_t n = strlen(s);
	FUZZ_CHECK(n <= RV_CONFIG_LINE_MAX && !u8_check((const uint8_t *)s, n));
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK((unsigned char)s[i] >= 0x20 || s[i] == '\t');
}

static void check_config(const struct rv_config *c)
{
	check_text(c->theme);
	check_text(c->date_format);
	FUZZ_CHECK(c->sort >= -1 && c->sort <= 2);
	FUZZ_CHECK(c->clipboard >= -1 && c->clipboard <= 1);
	FUZZ_CHECK(c->sizes.list_width == 0 || (c->sizes.list_width >= 16 && c->sizes.list_width <= 200));
	FUZZ_CHECK(c->sizes.sidebar_width == 0 || (c->sizes.sidebar_width >= 16 && c->sizes.sidebar_width <= 200));
	FUZZ_CHECK(c->sizes.timeline_height == 0 || (c->sizes.timeline_height >= 3 && c->sizes.timeline_height <= 100));
	FUZZ_CHECK(c->wrap_width == 0 || (c->wrap_width >= 20 && c->wrap_width <= 1000));
	FUZZ_CHECK(!c->theme == !c->theme_line);
	if (c->date_format) {
		FUZZ_CHECK(!rv_config_date_format_check(c->date_format, strlen(c->date_format)));
		char buf[80];
		static const struct rv_date dates[] = {
		    {2024, 2, 29, RV_DATE_DAY}, {1, 1, 1, RV_DATE_DAY}, {9999, 12, 31, RV_DATE_DAY}, {2024, 5, 0, RV_DATE_MONTH}};
		for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
			memset(buf, 'x', sizeof buf);
			rv_config_date(c->date_format, &dates[i], buf, sizeof buf);
			FUZZ_CHECK(memchr(buf, '\0', sizeof buf));
		}
	}
	FUZZ_CHECK(c->nbindings <= RV_CONFIG_BINDINGS_MAX);
	for (size_t i = 0; i < c->nbindings; i++) {
		const struct rv_binding *b = &c->bindings[i];
		FUZZ_CHECK(b->action >= RV_ACT_NONE && b->action < RV_ACT_COUNT);
		FUZZ_CHECK(memchr(b->name, '\0', sizeof b->name));
		FUZZ_CHECK(rv_key_code(b->name, strlen(b->name)) == b->key);
	}
	rv_keys_set(c->bindings, c->nbindings);
	if (c->nbindings) { /* the last binding wins (keys that a terminal sends alike aside) */
		const struct rv_binding *b = &c->bindings[c->nbindings - 1];
		if (b->key >= 32 && b->key < 127)
			FUZZ_CHECK(rv_key_action(b->key) == b->action);
	}
	struct rv_buf keys = {0};
	for (int a = RV_ACT_NONE + 1; a < RV_ACT_COUNT; a++) {
		keys.len = 0;
		rv_action_keys((enum rv_action)a, &keys);
		FUZZ_CHECK(keys.len > 0);
	}
	rv_buf_free(&keys);
	rv_keys_set(NULL, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t lines = count_lines(data, size);
	struct rv_diags d = {0};

	struct rv_config c;
	rv_config_init(&c);
	size_t n = rv_config_parse(&c, (const char *)data, size, "fuzz.conf", &d);
	FUZZ_CHECK(n == d.n && n <= lines);
	check_diags(&d, 0, lines, "fuzz.conf", true);
	check_config(&c);
	rv_config_free(&c);

	struct rv_theme t;
	rv_theme_builtin(&t);
	size_t before = d.n;
	n = rv_theme_parse(&t, (const char *)data, size, "fuzz.theme", &d);
	FUZZ_CHECK(n == d.n - before && n <= lines);
	check_diags(&d, before, lines, "fuzz.theme", false);
	for (int e = 0; e < RV_EL_COUNT; e++) {
		const struct rv_color *cs[2] = {&t.el[e].fg, &t.el[e].bg};
		for (int k = 0; k < 2; k++) {
			FUZZ_CHECK(cs[k]->kind <= RV_COLOR_RGB);
			FUZZ_CHECK(cs[k]->kind != RV_COLOR_INDEX || cs[k]->value <= 255);
			FUZZ_CHECK(cs[k]->kind != RV_COLOR_RGB || cs[k]->value <= 0xffffff);
			int r = rv_color_resolve(*cs[k], 256);
			FUZZ_CHECK(r >= -1 && r <= 255);
		}
	}
	rv_diag_free(&d);
	return 0;
}
