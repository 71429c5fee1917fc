/* strmap.h — a map from byte strings to 32-bit values, open addressing.
 * Keys are copied into the map's own arena; the map owns them. Linear probing
 * with a power-of-two table kept under 70 % full: insert and lookup are O(1)
 * on average, and the whole map is freed at once. */
#ifndef REVUE_STRMAP_H
#define REVUE_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rv_strmap_slot {
	const char *key; /* NULL: empty */
	uint32_t len;
	uint32_t value;
	uint64_t hash;
};

struct rv_strmap {
	struct rv_strmap_slot *slots;
	size_t cap, n;
	char **blocks; /* key storage */
	size_t nblocks, block_used, block_cap;
};

uint64_t rv_hash(const void *data, size_t n);
/* Returns the value slot for key, inserting it with value `fresh` when absent
 * (*inserted says which). The pointer is valid until the next insertion. */
uint32_t *rv_strmap_put(struct rv_strmap *m, const char *key, size_t len, uint32_t fresh, bool *inserted);
/* The value of key, or NULL. */
const uint32_t *rv_strmap_get(const struct rv_strmap *m, const char *key, size_t len);
/* The same with h = rv_hash(key, len) already computed (a caller that first
 * asks a cheaper filter). */
const uint32_t *rv_strmap_get_hashed(const struct rv_strmap *m, const char *key, size_t len, uint64_t h);
/* Empties the map but keeps its memory, for a map refilled many times. */
void rv_strmap_clear(struct rv_strmap *m);
void rv_strmap_free(struct rv_strmap *m);

#endif
