/* json.h — JSON text that is valid for any input and safe on a terminal.
 *
 * Strings are written as valid UTF-8 whatever they hold: invalid bytes
 * become U+FFFD, and every control, C1, bidi or other format character is
 * written as a \uXXXX escape, so a dump printed raw to a terminal cannot
 * drive it.
 */
#ifndef REVUE_JSON_H
#define REVUE_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "revue/util.h"

void rv_json_string(struct rv_buf *b, const char *s, size_t n);
void rv_json_cstring(struct rv_buf *b, const char *s); /* NULL writes null */
/* ,"key": ready for a value (no comma when first is set). */
void rv_json_key(struct rv_buf *b, const char *key, bool first);

/* --- reading --------------------------------------------------------------
 * A strict reader for one JSON text (RFC 8259): what revue reads back (link
 * files: its own --dump links, passim's output). Strings must be valid UTF-8
 * and come out as UTF-8 (\u escapes decoded, surrogate pairs joined; a lone
 * surrogate or \u0000 is an error); nesting deeper than RV_JSON_DEPTH is an
 * error, so no input can exhaust the stack. Time and memory are linear in
 * the input. */
#define RV_JSON_DEPTH 64

enum rv_jtype { RV_JNULL, RV_JBOOL, RV_JNUM, RV_JSTR, RV_JARR, RV_JOBJ };

struct rv_jval {
	enum rv_jtype type;
	bool b;
	double num;
	char *str;              /* RV_JSTR: NUL-terminated, len bytes */
	size_t len;
	struct rv_jval *items;  /* RV_JARR: n items; RV_JOBJ: n values */
	char **keys;            /* RV_JOBJ: n keys, NUL-terminated */
	size_t n;
};

/* Parses s[0, n) (surrounding white space allowed). 0 on success, with the
 * value in *out (free it with rv_json_free); -1 on an error, with a short
 * message in *err and its byte offset in *at. */
int rv_json_parse(const char *s, size_t n, struct rv_jval *out, const char **err, size_t *at);
void rv_json_free(struct rv_jval *v);
/* The value of key in an object, or NULL (also when v is not an object). */
const struct rv_jval *rv_json_get(const struct rv_jval *v, const char *key);

#endif
