/* config.h — the user's configuration file, as plain data (src/ui/config.c).
 *
 * Where: --config FILE, else $XDG_CONFIG_HOME/revue/config (when that
 * variable is an absolute path), else ~/.config/revue/config. A missing
 * file at the default place is no configuration, not an error.
 *
 * The format (revue-config(5)): one setting a line, words separated by
 * blanks; '#' at the start of a word starts a comment; a word may be
 * double-quoted, with \" and \\ inside; CRLF line ends are fine.
 *
 *   theme NAME|PATH          sort date|source|title
 *   list-width N             sidebar-width N         timeline-height N
 *   wrap-width N             date-format STRFTIME    clipboard on|off
 *   bind KEY ACTION          unbind KEY
 *
 * An option may also be written "NAME = VALUE". Every problem is one
 * diagnostic naming the file and the line; the line is ignored and the
 * rest applies. The parser knows no terminal and opens no file, so the unit
 * tests and the fuzzer drive it on bytes; rv_config_load reads the file.
 *
 * Memory: a config owns its strings; rv_config_free releases them.
 */
#ifndef REVUE_CONFIG_H
#define REVUE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "revue/corpus.h"
#include "revue/diag.h"
#include "revue/ui.h"

#define RV_CONFIG_LINE_MAX 1024       /* longest line, in bytes */
#define RV_CONFIG_FILE_MAX (256 * 1024) /* largest file read */
#define RV_CONFIG_BINDINGS_MAX 128
#define RV_CONFIG_DATE_FMT_MAX 64

/* A key bound to an action; RV_ACT_NONE unbinds the key. */
struct rv_binding {
	int key;       /* the key code, as rv_key_code gives it */
	char name[12]; /* the key's name as the table writes it ("j", "C-l", "PgDn") */
	enum rv_action action;
};

struct rv_config {
	char *theme;                /* NULL: not set */
	unsigned theme_line;        /* where it was set, to name it if it cannot be found */
	int sort;                   /* -1: not set; 0 date, 1 source, 2 title */
	struct rv_pane_sizes sizes; /* 0: automatic */
	int wrap_width;             /* 0: not set (the pane's width) */
	char *date_format;          /* NULL: not set (ISO 8601) */
	int clipboard;              /* -1: not set; 0 off; 1 on */
	struct rv_binding bindings[RV_CONFIG_BINDINGS_MAX];
	size_t nbindings;
};

void rv_config_init(struct rv_config *c);
void rv_config_free(struct rv_config *c);

/* Parses text over c; problems go to diags naming `file` and the line.
 * Returns the number of problems. */
size_t rv_config_parse(struct rv_config *c, const char *text, size_t len, const char *file,
		       struct rv_diags *diags);

/* The default file ($XDG_CONFIG_HOME/revue/config, else
 * ~/.config/revue/config); NULL when neither can be known. Free it. */
char *rv_config_default_path(void);

/* Reads and parses the file at path over c. A missing file is fine unless
 * `must_exist`; a directory, a file that is no regular file or character
 * device, one larger than RV_CONFIG_FILE_MAX, or one that cannot be read is
 * one diagnostic. Returns the number of problems. */
size_t rv_config_load(struct rv_config *c, const char *path, bool must_exist, struct rv_diags *diags);

/* A date as the configured strftime format writes it (the format applies
 * to dates with a day; a year or a month alone stays ISO 8601). fmt NULL
 * or "": ISO 8601. buf gets "" for no date. */
void rv_config_date(const char *fmt, const struct rv_date *d, char *buf, size_t cap);

/* Checks a strftime format: NULL when revue accepts it, else why not. */
const char *rv_config_date_format_check(const char *fmt, size_t len);

#endif
