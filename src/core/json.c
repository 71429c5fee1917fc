#include "revue/json.h"

#include "revue/decode.h"

#include <string.h>
#include <unictype.h>

/* Characters that pass through a JSON string unescaped. */
static bool json_plain(unsigned cp)
{
	if (cp < 0x80)
		return cp >= 0x20 && cp != 0x7F && cp != '"' && cp != '\\';
	if (cp < 0xA0)
		return false;
	if (cp == 0xAD || cp == 0x2028 || cp == 0x2029)
		return false;
	return cp < 0x300 || !uc_is_general_category(cp, UC_CATEGORY_Cf);
}

static void escape_cp(struct rv_buf *b, unsigned cp)
{
	switch (cp) {
	case '"': rv_buf_adds(b, "\\\""); return;
	case '\\': rv_buf_adds(b, "\\\\"); return;
	case '\n': rv_buf_adds(b, "\\n"); return;
	case '\t': rv_buf_adds(b, "\\t"); return;
	case '\r': rv_buf_adds(b, "\\r"); return;
	default: break;
	}
	if (cp >= 0x10000) {
		unsigned v = cp - 0x10000;
		rv_buf_printf(b, "\\u%04X\\u%04X", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
	} else {
		rv_buf_printf(b, "\\u%04X", cp);
	}
}

void rv_json_string(struct rv_buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	rv_buf_reserve(b, n + 2);
	rv_buf_addc(b, '"');
	size_t i = 0;
	while (i < n) {
		size_t run = i;
		while (run < n && u[run] >= 0x20 && u[run] < 0x7F && u[run] != '"' && u[run] != '\\')
			run++;
		if (run > i) {
			rv_buf_add(b, s + i, run - i);
			i = run;
			continue;
		}
		unsigned cp;
		size_t l = rv_utf8_decode(u + i, n - i, &cp);
		if (!l) {
			rv_buf_adds(b, "\xEF\xBF\xBD");
			i += rv_utf8_invalid_len(u + i, n - i);
			continue;
		}
		if (json_plain(cp))
			rv_buf_add(b, s + i, l);
		else
			escape_cp(b, cp);
		i += l;
	}
	rv_buf_addc(b, '"');
}

void rv_json_cstring(struct rv_buf *b, const char *s)
{
	if (!s)
		rv_buf_adds(b, "null");
	else
		rv_json_string(b, s, strlen(s));
}

void rv_json_key(struct rv_buf *b, const char *key, bool first)
{
	if (!first)
		rv_buf_addc(b, ',');
	rv_json_cstring(b, key);
	rv_buf_addc(b, ':');
}
