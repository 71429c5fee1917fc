/* keys.c — the key table: actions, their default keys and help text.
 *
 * The table is the RV_ACTIONS list of ui.h; this file turns its key names
 * into ncurses key codes (only the constants of <curses.h> are used here, no
 * function, so the unit tests link it without a terminal) and writes the
 * man page's KEYS section from it. The user's bindings (config.c parses
 * them) lie over the table: a key bound there answers with its binding,
 * whatever the table says.
 */
#include "revue/ui.h"
#include "revue/config.h"

#include <curses.h>
#include <string.h>

static const struct rv_action_info table[] = {
#define RV_X_INFO(id, name, keys, help) {RV_ACT_##id, name, keys, help},
	RV_ACTIONS(RV_X_INFO)
#undef RV_X_INFO
};

const struct rv_action_info *rv_actions(size_t *n)
{
	*n = RV_ARRAY_LEN(table);
	return table;
}

static const struct {
	const char *name;
	int code;
} named[] = {
	{"Tab", '\t'},          {"S-Tab", KEY_BTAB},      {"Down", KEY_DOWN},    {"Up", KEY_UP},
	{"Left", KEY_LEFT},     {"Right", KEY_RIGHT},     {"PgDn", KEY_NPAGE},   {"PgUp", KEY_PPAGE},
	{"Home", KEY_HOME},     {"End", KEY_END},         {"Enter", '\n'},       {"Space", ' '},
	{"Backspace", KEY_BACKSPACE}, {"Esc", 27},        {"F1", KEY_F(1)},
};

int rv_key_code(const char *name, size_t len)
{
	if (len == 1 && (unsigned char)name[0] > ' ' && (unsigned char)name[0] < 127)
		return (unsigned char)name[0];
	if (len == 3 && name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z')
		return name[2] - 'a' + 1;
	for (size_t i = 0; i < RV_ARRAY_LEN(named); i++)
		if (strlen(named[i].name) == len && !memcmp(named[i].name, name, len))
			return named[i].code;
	return -1;
}

/* Codes a terminal may send for the same key as a name of the table. */
static int same_key(int key)
{
	switch (key) {
	case '\r':
	case KEY_ENTER:
		return '\n';
	case 127:
	case 8:
		return KEY_BACKSPACE;
	default:
		return key;
	}
}

/* Set once at start (rv_keys_set), read by the one UI thread. */
static struct rv_binding user[RV_CONFIG_BINDINGS_MAX];
static size_t nuser;

void rv_keys_set(const struct rv_binding *b, size_t n)
{
	if (n > RV_ARRAY_LEN(user))
		n = RV_ARRAY_LEN(user);
	if (n)
		memcpy(user, b, n * sizeof *b);
	nuser = n;
}

/* The user's last binding of that key code, or NULL. */
static const struct rv_binding *user_binding(int key)
{
	for (size_t i = nuser; i-- > 0;)
		if (same_key(user[i].key) == key)
			return &user[i];
	return NULL;
}

enum rv_action rv_action_by_name(const char *name, size_t len)
{
	for (size_t i = 0; i < RV_ARRAY_LEN(table); i++)
		if (strlen(table[i].name) == len && !memcmp(table[i].name, name, len))
			return table[i].action;
	return RV_ACT_NONE;
}

void rv_action_keys(enum rv_action a, struct rv_buf *out)
{
	if (a <= RV_ACT_NONE || a >= RV_ACT_COUNT)
		return;
	size_t start = out->len;
	const char *k = table[a - 1].keys;
	while (*k) {
		size_t len = strcspn(k, " ");
		if (!user_binding(same_key(rv_key_code(k, len)))) {
			if (out->len > start)
				rv_buf_addc(out, ' ');
			rv_buf_add(out, k, len);
		}
		k += len;
		k += strspn(k, " ");
	}
	for (size_t i = 0; i < nuser; i++) {
		/* only the binding that wins, once */
		if (user[i].action != a || user_binding(same_key(user[i].key)) != &user[i])
			continue;
		if (out->len > start)
			rv_buf_addc(out, ' ');
		rv_buf_adds(out, user[i].name);
	}
	if (out->len == start) /* no key left: say so rather than show nothing */
		rv_buf_adds(out, "-");
}

enum rv_action rv_key_action(int key)
{
	key = same_key(key);
	const struct rv_binding *b = user_binding(key);
	if (b)
		return b->action;
	for (size_t i = 0; i < RV_ARRAY_LEN(table); i++) {
		const char *k = table[i].keys;
		while (*k) {
			size_t len = strcspn(k, " ");
			if (rv_key_code(k, len) == key)
				return table[i].action;
			k += len;
			k += strspn(k, " ");
		}
	}
	return RV_ACT_NONE;
}

/* roff escapes for a key name: a leading '.' or '\'. */
static void roff_word(struct rv_buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\')
			rv_buf_adds(out, "\\e");
		else if (s[i] == '-')
			rv_buf_adds(out, "\\-");
		else if (s[i] == '"')
			rv_buf_adds(out, "\\(dq");
		else if (i == 0 && (s[i] == '.' || s[i] == '\''))
			rv_buf_printf(out, "\\&%c", s[i]);
		else
			rv_buf_addc(out, s[i]);
	}
}

void rv_keys_roff(struct rv_buf *out)
{
	for (size_t i = 0; i < RV_ARRAY_LEN(table); i++) {
		rv_buf_adds(out, ".TP\n");
		const char *k = table[i].keys;
		bool first = true;
		while (*k) {
			size_t len = strcspn(k, " ");
			rv_buf_adds(out, first ? ".BR \"" : "\" \", \" \"");
			roff_word(out, k, len);
			first = false;
			k += len;
			k += strspn(k, " ");
		}
		rv_buf_adds(out, "\"\n");
		rv_buf_adds(out, "(");
		roff_word(out, table[i].name, strlen(table[i].name));
		rv_buf_printf(out, ") %s.\n", table[i].help);
	}
}
