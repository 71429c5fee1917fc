/* pattern.h — what the PCRE2 analyzers (amount.c, timeline.c) share.
 *
 * Patterns are compiled once, anchored (they are tried at candidate starts,
 * see rv_trigger_starts), with UTF, UCP and duplicate group names, and JIT.
 * A pattern that does not compile is a bug in revue, not in its input: the
 * program stops with the reason. Matches run with match, depth and heap
 * limits, so that no pattern can take time or memory without bound.
 */
#ifndef REVUE_PATTERN_H
#define REVUE_PATTERN_H

#include <stddef.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

pcre2_code *rv_pattern_compile(const char *pat, size_t len);
/* A match context with revue's limits; the caller frees it. */
pcre2_match_context *rv_pattern_context(void);
/* The text of a named group, or NULL when it did not take part. A name may
 * stand for several groups (PCRE2_DUPNAMES): the first one set is taken. */
const char *rv_pattern_group(const pcre2_code *re, pcre2_match_data *md, const char *subject, const char *name,
			     size_t *len);

#endif
