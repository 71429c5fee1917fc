#include "revue/dump.h"

#include "revue/json.h"

#include <string.h>

typedef void (*dump_article_fn)(const struct rv_article *a, struct rv_buf *b);

static void null_or_string(struct rv_buf *b, const char *s)
{
	if (*s)
		rv_json_cstring(b, s);
	else
		rv_buf_adds(b, "null");
}

static void dump_article(const struct rv_article *a, struct rv_buf *b)
{
	char date[11];
	rv_date_format(&a->date, date);
	rv_buf_addc(b, '{');
	rv_json_key(b, "id", true);
	rv_json_cstring(b, a->id);
	rv_json_key(b, "title", false);
	rv_json_cstring(b, a->title);
	rv_json_key(b, "date", false);
	null_or_string(b, date);
	rv_json_key(b, "source", false);
	null_or_string(b, a->source);
	rv_json_key(b, "lang", false);
	rv_json_cstring(b, a->lang);
	rv_json_key(b, "encoding", false);
	rv_json_cstring(b, rv_encoding_name(a->encoding));
	rv_json_key(b, "bytes", false);
	rv_buf_printf(b, "%zu", a->file_bytes);
	rv_json_key(b, "words", false);
	rv_buf_printf(b, "%zu", rv_text_words(a->body, a->body_len, NULL));
	rv_json_key(b, "body_bytes", false);
	rv_buf_printf(b, "%zu", a->body_len);
	rv_json_key(b, "url", false);
	null_or_string(b, a->url);
	rv_json_key(b, "author", false);
	null_or_string(b, a->author);
	rv_json_key(b, "fields", false);
	rv_buf_addc(b, '{');
	for (size_t i = 0; i < a->n_extra; i++) {
		rv_json_key(b, a->extra[i].key, i == 0);
		rv_json_cstring(b, a->extra[i].value);
	}
	rv_buf_adds(b, "}}\n");
}

static const struct {
	const char *kind;
	dump_article_fn per_article;
} kinds[] = {
	{"articles", dump_article},
};

bool rv_dump_known(const char *kind)
{
	for (size_t i = 0; i < RV_ARRAY_LEN(kinds); i++)
		if (!strcmp(kinds[i].kind, kind))
			return true;
	return false;
}

const char *rv_dump_kinds(void)
{
	return "articles";
}

int rv_dump(const char *kind, const struct rv_corpus *c, FILE *out)
{
	dump_article_fn fn = NULL;
	for (size_t i = 0; i < RV_ARRAY_LEN(kinds); i++)
		if (!strcmp(kinds[i].kind, kind))
			fn = kinds[i].per_article;
	if (!fn)
		return -1;
	struct rv_buf b = {0};
	for (size_t i = 0; i < c->n; i++) {
		fn(&c->articles[i], &b);
		if (b.len >= 1 << 16 || i + 1 == c->n) {
			if (fwrite(b.p, 1, b.len, out) != b.len) {
				rv_buf_free(&b);
				return -1;
			}
			b.len = 0;
		}
	}
	rv_buf_free(&b);
	return fflush(out) ? -1 : 0;
}
