#include "revue/hash.h"

#include <stdio.h>
#include <string.h>

/* Odd constants with about as many ones as zeros in every byte; any such
 * choice would do, but these are now part of the stored keys. */
#define K_LEN 0x9c5e3b7a2d41f687ull
#define K_LO 0xa3d2c6b5e1f08479ull
#define K_HI 0x5b8f13e7c94a26d1ull
#define K_END 0xe6a95d3c1b7f4829ull

/* The 128-bit product of a and b, its two halves xored: every bit of the
 * result depends on most bits of both factors. */
static inline uint64_t fold_mul(uint64_t a, uint64_t b)
{
	__extension__ typedef unsigned __int128 u128;
	u128 p = (u128)a * b;
	return (uint64_t)p ^ (uint64_t)(p >> 64);
}

static inline uint64_t load_le64(const unsigned char *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	return v;
}

static inline uint64_t rotl(uint64_t v, unsigned r)
{
	return (v << r) | (v >> (64 - r));
}

/* One 16-byte block into the state; the state enters both factors, so a
 * block cannot cancel it by making one factor zero on its own. */
static inline uint64_t block(uint64_t h, uint64_t lo, uint64_t hi)
{
	return fold_mul(lo ^ K_LO ^ h, hi ^ K_HI ^ rotl(h, 29)) + h;
}

uint64_t rv_hash64(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t h = fold_mul((uint64_t)n ^ K_LEN, K_END);
	size_t left = n;
	for (; left >= 16; p += 16, left -= 16)
		h = block(h, load_le64(p), load_le64(p + 8));
	unsigned char tail[16] = {0};
	if (left)
		memcpy(tail, p, left);
	h = block(h, load_le64(tail), load_le64(tail + 8));
	return fold_mul(h ^ K_END, rotl(h, 32) ^ K_LEN);
}

uint64_t rv_hash64_wide(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t h[4] = {K_LEN ^ n, K_LO, K_HI, K_END};
	size_t left = n;
	for (; left >= 64; p += 64, left -= 64)
		for (int k = 0; k < 4; k++) /* independent: the multiplications overlap */
			h[k] = block(h[k], load_le64(p + 16 * k), load_le64(p + 16 * k + 8));
	unsigned char last[32 + 64];
	for (int k = 0; k < 4; k++)
		memcpy(last + 8 * k, &h[k], 8);
	memcpy(last + 32, p, left);
	return rv_hash64(last, 32 + left);
}

void rv_hash_hex(uint64_t h, char buf[17])
{
	snprintf(buf, 17, "%016llx", (unsigned long long)h);
}
