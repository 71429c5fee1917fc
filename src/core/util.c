#include "revue/util.h"

#include <unistd.h>

#include <stdatomic.h>

#include <pthread.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t n)
{
	fprintf(stderr, "revue: out of memory (asked for %zu bytes)\n", n);
	abort();
}

void *rv_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void *rv_xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory(count * size);
	return p;
}

void *rv_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory(n);
	return q;
}

void *rv_xgrow(void *p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return p;
	size_t c = *cap ? *cap : 8;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			out_of_memory(SIZE_MAX);
		c *= 2;
	}
	if (c > SIZE_MAX / elem)
		out_of_memory(SIZE_MAX);
	p = rv_xrealloc(p, c * elem);
	*cap = c;
	return p;
}

char *rv_xstrdup(const char *s)
{
	return rv_xstrndup(s, strlen(s));
}

char *rv_xstrndup(const char *s, size_t n)
{
	char *p = rv_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *rv_xasprintf(const char *fmt, ...)
{
	struct rv_buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return rv_xstrdup("");
	rv_buf_reserve(&b, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b.len = (size_t)n;
	return rv_buf_steal(&b);
}

void rv_buf_reserve(struct rv_buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		out_of_memory(SIZE_MAX);
	b->p = rv_xgrow(b->p, &b->cap, b->len + extra + 1, 1);
}

void rv_buf_add(struct rv_buf *b, const void *data, size_t n)
{
	rv_buf_reserve(b, n);
	if (n)
		memcpy(b->p + b->len, data, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void rv_buf_addc(struct rv_buf *b, char c)
{
	rv_buf_add(b, &c, 1);
}

void rv_buf_adds(struct rv_buf *b, const char *s)
{
	rv_buf_add(b, s, strlen(s));
}

void rv_buf_printf(struct rv_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	rv_buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *rv_buf_steal(struct rv_buf *b)
{
	if (!b->p)
		rv_buf_reserve(b, 0);
	b->p[b->len] = '\0';
	char *p = b->p;
	b->p = NULL;
	b->len = b->cap = 0;
	return p;
}

void rv_buf_free(struct rv_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

/* --- a parallel loop ------------------------------------------------------- */

struct par {
	size_t n;
	atomic_size_t next;
	void (*fn)(void *ctx, size_t i, unsigned worker);
	void *ctx;
	atomic_uint worker_id;
};

static void *par_worker(void *arg)
{
	struct par *p = arg;
	unsigned me = atomic_fetch_add(&p->worker_id, 1);
	for (;;) {
		size_t i = atomic_fetch_add(&p->next, 1);
		if (i >= p->n)
			break;
		p->fn(p->ctx, i, me);
	}
	return NULL;
}

unsigned rv_thread_count(unsigned want, size_t n)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned t = want ? want : (cores > 0 ? (unsigned)cores : 1);
	if (t > 64)
		t = 64;
	if (t > n)
		t = (unsigned)(n ? n : 1);
	return t;
}

void rv_parallel_for(size_t n, unsigned threads, void (*fn)(void *ctx, size_t i, unsigned worker), void *ctx)
{
	struct par p = {.n = n, .fn = fn, .ctx = ctx};
	atomic_init(&p.next, 0);
	atomic_init(&p.worker_id, 0);
	pthread_t tid[64];
	unsigned started = 0;
	for (unsigned i = 1; i < threads && i < 64; i++)
		if (!pthread_create(&tid[started], NULL, par_worker, &p))
			started++;
	par_worker(&p);
	for (unsigned i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
}

int rv_hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}
