/* util.h — allocation that cannot fail silently, and a growable byte buffer.
 *
 * The x* allocators abort the program with a message when memory runs out:
 * every caller would otherwise have to invent its own recovery, and a reader
 * that cannot allocate a few bytes has nothing sensible left to do.
 * An rv_buf owns its bytes; rv_buf_free releases them; the bytes are always
 * followed by a NUL that is not counted in len, so they can be handed to C
 * string functions when they contain no NUL of their own.
 */
#ifndef REVUE_UTIL_H
#define REVUE_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

void *rv_xmalloc(size_t n);
void *rv_xcalloc(size_t count, size_t size);
void *rv_xrealloc(void *p, size_t n);
/* Grows an array of *cap elements of size elem so that it holds at least need. */
void *rv_xgrow(void *p, size_t *cap, size_t need, size_t elem);
char *rv_xstrdup(const char *s);
char *rv_xstrndup(const char *s, size_t n);
/* The value of a hexadecimal digit (0-9, a-f, A-F), or -1. */
int rv_hexval(unsigned char c);
char *rv_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct rv_buf {
	char *p;
	size_t len;
	size_t cap;
};

void rv_buf_reserve(struct rv_buf *b, size_t extra);
void rv_buf_add(struct rv_buf *b, const void *data, size_t n);
void rv_buf_addc(struct rv_buf *b, char c);
void rv_buf_adds(struct rv_buf *b, const char *s);
void rv_buf_printf(struct rv_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the bytes over to the caller (NUL-terminated) and empties the buffer. */
char *rv_buf_steal(struct rv_buf *b);
void rv_buf_free(struct rv_buf *b);

#define RV_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Which byte of a word read with memcpy holds the first set high bit (hi
 * not 0, only high bits set): where eight bytes scanned at once stop being
 * ASCII. */
static inline size_t rv_first_high_byte(uint64_t hi)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return (size_t)__builtin_clzll(hi) / 8;
#else
	return (size_t)__builtin_ctzll(hi) / 8;
#endif
}

/* --- a parallel loop ------------------------------------------------------- */

/* Threads for n jobs: `want` (0: one per core), at most 64 and at most n. */
unsigned rv_thread_count(unsigned want, size_t n);
/* Calls fn(ctx, i, worker) for every i in [0, n) on `threads` threads (the
 * caller's among them), jobs handed out in order; `worker` in [0, threads)
 * names the thread, for per-thread scratch. Returns when all are done. */
void rv_parallel_for(size_t n, unsigned threads, void (*fn)(void *ctx, size_t i, unsigned worker), void *ctx);

#endif
