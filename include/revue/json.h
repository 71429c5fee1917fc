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

#endif
