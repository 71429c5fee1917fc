/* diag.h — warnings and errors as data.
 *
 * core never prints: it records what went wrong, where (a file and, when it
 * makes sense, a line), and the caller decides how to tell the user. Texts
 * are stored raw (a file name may hold any byte); whoever shows them passes
 * them through the sanitizer (rv_diag_format does).
 */
#ifndef REVUE_DIAG_H
#define REVUE_DIAG_H

#include <stddef.h>

#include "revue/util.h"

struct rv_diag {
	char *file;    /* may be NULL */
	unsigned line; /* 0: not about one line */
	char *msg;
};

struct rv_diags {
	struct rv_diag *v;
	size_t n, cap;
};

void rv_diag_add(struct rv_diags *d, const char *file, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Moves every entry of from to the end of to. */
void rv_diag_take(struct rv_diags *to, struct rv_diags *from);
void rv_diag_free(struct rv_diags *d);
/* "revue: FILE:LINE: MSG" on one line, sanitized, appended to out (no newline). */
void rv_diag_format(const struct rv_diag *d, struct rv_buf *out);

#endif
