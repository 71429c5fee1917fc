#include "revue/strmap.h"

#include "revue/util.h"

#include <stdlib.h>
#include <string.h>

#define BLOCK 65536

uint64_t rv_hash(const void *data, size_t n)
{
	/* FNV-1a, then a final avalanche so that linear probing sees spread bits */
	const unsigned char *p = data;
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	return h;
}

static const char *store_key(struct rv_strmap *m, const char *key, size_t len)
{
	if (len + 1 > BLOCK) { /* a key of its own */
		m->blocks = rv_xrealloc(m->blocks, (m->nblocks + 1) * sizeof *m->blocks);
		char *p = rv_xstrndup(key, len);
		/* keep the current block last so that it stays the one filled */
		if (m->nblocks) {
			m->blocks[m->nblocks] = m->blocks[m->nblocks - 1];
			m->blocks[m->nblocks - 1] = p;
		} else {
			m->blocks[0] = p;
			m->block_used = m->block_cap = 0;
		}
		m->nblocks++;
		return p;
	}
	if (!m->nblocks || m->block_used + len + 1 > m->block_cap) {
		/* blocks double from 256 bytes up to BLOCK: a map of a few keys
		 * (one per article, made and freed thousands of times) does not
		 * pay for 64 KiB it never fills */
		size_t size = m->block_cap ? m->block_cap * 2 : 256;
		if (size > BLOCK)
			size = BLOCK;
		while (size < len + 1)
			size *= 2;
		m->blocks = rv_xrealloc(m->blocks, (m->nblocks + 1) * sizeof *m->blocks);
		m->blocks[m->nblocks++] = rv_xmalloc(size);
		m->block_used = 0;
		m->block_cap = size;
	}
	char *p = m->blocks[m->nblocks - 1] + m->block_used;
	memcpy(p, key, len);
	p[len] = '\0';
	m->block_used += len + 1;
	return p;
}

static void grow(struct rv_strmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	struct rv_strmap_slot *s = rv_xcalloc(cap, sizeof *s);
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->slots[i].key)
			continue;
		size_t j = m->slots[i].hash & (cap - 1);
		while (s[j].key)
			j = (j + 1) & (cap - 1);
		s[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = s;
	m->cap = cap;
}

uint32_t *rv_strmap_put(struct rv_strmap *m, const char *key, size_t len, uint32_t fresh, bool *inserted)
{
	if ((m->n + 1) * 10 > m->cap * 7)
		grow(m);
	uint64_t h = rv_hash(key, len);
	size_t j = h & (m->cap - 1);
	while (m->slots[j].key) {
		if (m->slots[j].hash == h && m->slots[j].len == len && !memcmp(m->slots[j].key, key, len)) {
			if (inserted)
				*inserted = false;
			return &m->slots[j].value;
		}
		j = (j + 1) & (m->cap - 1);
	}
	m->slots[j] = (struct rv_strmap_slot){store_key(m, key, len), (uint32_t)len, fresh, h};
	m->n++;
	if (inserted)
		*inserted = true;
	return &m->slots[j].value;
}

const uint32_t *rv_strmap_get(const struct rv_strmap *m, const char *key, size_t len)
{
	return rv_strmap_get_hashed(m, key, len, rv_hash(key, len));
}

const uint32_t *rv_strmap_get_hashed(const struct rv_strmap *m, const char *key, size_t len, uint64_t h)
{
	if (!m->cap)
		return NULL;
	size_t j = h & (m->cap - 1);
	while (m->slots[j].key) {
		if (m->slots[j].hash == h && m->slots[j].len == len && !memcmp(m->slots[j].key, key, len))
			return &m->slots[j].value;
		j = (j + 1) & (m->cap - 1);
	}
	return NULL;
}

void rv_strmap_clear(struct rv_strmap *m)
{
	if (m->n)
		memset(m->slots, 0, m->cap * sizeof *m->slots);
	m->n = 0;
	/* keep the current block, drop the others */
	if (m->nblocks > 1) {
		for (size_t i = 0; i + 1 < m->nblocks; i++)
			free(m->blocks[i]);
		m->blocks[0] = m->blocks[m->nblocks - 1];
		m->nblocks = 1;
	}
	m->block_used = 0;
}

void rv_strmap_free(struct rv_strmap *m)
{
	for (size_t i = 0; i < m->nblocks; i++)
		free(m->blocks[i]);
	free(m->blocks);
	free(m->slots);
	memset(m, 0, sizeof *m);
}
