#include "revue/pattern.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

pcre2_code *rv_pattern_compile(const char *pat, size_t len)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, len, PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES | PCRE2_ANCHORED,
				       &err, &off, NULL);
	if (!re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof msg);
		fprintf(stderr, "revue: internal pattern error at %zu: %s\n", (size_t)off, (char *)msg);
		abort();
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

pcre2_match_context *rv_pattern_context(void)
{
	pcre2_match_context *mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(mc, 100000);
	pcre2_set_depth_limit(mc, 1000);
	pcre2_set_heap_limit(mc, 4096); /* KiB: no pattern of ours needs more */
	return mc;
}

const char *rv_pattern_group(const pcre2_code *re, pcre2_match_data *md, const char *subject, const char *name,
			     size_t *len)
{
	PCRE2_SPTR first, last;
	int size = pcre2_substring_nametable_scan(re, (PCRE2_SPTR)name, &first, &last);
	if (size <= 0)
		return NULL;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	uint32_t pairs = pcre2_get_ovector_count(md);
	for (PCRE2_SPTR e = first; e <= last; e += size) {
		size_t num = (size_t)(e[0] << 8 | e[1]);
		if (num < pairs && ov[2 * num] != PCRE2_UNSET) {
			*len = ov[2 * num + 1] - ov[2 * num];
			return subject + ov[2 * num];
		}
	}
	return NULL;
}
