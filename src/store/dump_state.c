#include "revue/hash.h"
#include "revue/json.h"
#include "revue/state.h"

static void starred_quotes(struct rv_buf *b, const struct rv_article *a, const struct rv_state_entry *e)
{
	rv_json_key(b, "starred_quotes", false);
	rv_buf_addc(b, '[');
	for (size_t q = 0; q < e->nquotes; q++) {
		/* Spans come from the file: keep them inside this body whatever
		 * they say. */
		size_t end = e->quotes[q].end < a->body_len ? e->quotes[q].end : a->body_len;
		size_t start = e->quotes[q].start < end ? e->quotes[q].start : end;
		if (q)
			rv_buf_addc(b, ',');
		rv_buf_addc(b, '{');
		rv_json_key(b, "start", true);
		rv_buf_printf(b, "%zu", e->quotes[q].start);
		rv_json_key(b, "end", false);
		rv_buf_printf(b, "%zu", e->quotes[q].end);
		rv_json_key(b, "text", false);
		rv_json_string(b, a->body + start, end - start);
		rv_buf_addc(b, '}');
	}
	rv_buf_addc(b, ']');
}

static void entry_line(struct rv_buf *b, const struct rv_article *a, const struct rv_state_entry *e)
{
	char hex[17];
	rv_hash_hex(e->hash, hex);
	rv_buf_addc(b, '{');
	rv_json_key(b, "article", true);
	rv_json_cstring(b, a->id);
	rv_json_key(b, "hash", false);
	rv_json_cstring(b, hex);
	rv_json_key(b, "read", false);
	rv_buf_adds(b, e->read ? "true" : "false");
	rv_json_key(b, "starred", false);
	rv_buf_adds(b, e->starred ? "true" : "false");
	rv_json_key(b, "note", false);
	if (e->note)
		rv_json_string(b, e->note, e->note_len);
	else
		rv_buf_adds(b, "null");
	starred_quotes(b, a, e);
	rv_buf_adds(b, "}\n");
}

int rv_state_dump(const struct rv_corpus *c, const struct rv_state_snapshot *s, FILE *out)
{
	struct rv_buf b = {0};
	int rc = 0;
	for (size_t i = 0; i < c->n && !rc; i++) {
		const struct rv_state_entry *e = rv_state_of(s, i);
		if (rv_state_entry_used(e))
			entry_line(&b, &c->articles[i], e);
		if (b.len >= 1 << 16 || i + 1 == c->n) {
			if (b.len && fwrite(b.p, 1, b.len, out) != b.len)
				rc = -1;
			b.len = 0;
		}
	}
	rv_buf_free(&b);
	return !rc && fflush(out) ? -1 : rc;
}
