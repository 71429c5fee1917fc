#include "revue/diag.h"

#include "revue/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rv_diag_add(struct rv_diags *d, const char *file, unsigned line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = rv_xmalloc(n > 0 ? (size_t)n + 1 : 1);
	msg[0] = '\0';
	if (n > 0) {
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	d->v = rv_xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	d->v[d->n++] = (struct rv_diag){file ? rv_xstrdup(file) : NULL, line, msg};
}

void rv_diag_take(struct rv_diags *to, struct rv_diags *from)
{
	if (!from->n)
		return;
	to->v = rv_xgrow(to->v, &to->cap, to->n + from->n, sizeof *to->v);
	memcpy(to->v + to->n, from->v, from->n * sizeof *from->v);
	to->n += from->n;
	free(from->v);
	memset(from, 0, sizeof *from);
}

void rv_diag_free(struct rv_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}

void rv_diag_format(const struct rv_diag *d, struct rv_buf *out)
{
	rv_buf_adds(out, "revue: ");
	if (d->file) {
		rv_sanitize(d->file, strlen(d->file), RV_SAN_ONE_LINE, out);
		if (d->line)
			rv_buf_printf(out, ":%u", d->line);
		rv_buf_adds(out, ": ");
	}
	rv_sanitize(d->msg, strlen(d->msg), RV_SAN_ONE_LINE, out);
}
