/* fuzz.h — what the libFuzzer harnesses share: a check that aborts with a
 * message (so libFuzzer saves the input as a crash), the split of one input
 * into several parts, and a strict UTF-8 walk.
 *
 * Each harness is one translation unit that includes this header; nothing
 * here is linked into revue.
 */
#ifndef REVUE_FUZZ_H
#define REVUE_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "revue/decode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A broken invariant: say which, then abort so the input is kept. */
#define FUZZ_CHECK(cond)                                                                   \
	do {                                                                               \
		if (!(cond)) {                                                             \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                           \
		}                                                                          \
	} while (0)

/* The separator between the parts of one input: a line holding only "%%".
 * Rare in real text, easy for the fuzzer to learn from the dictionaries. */
#define FUZZ_SEP "\n%%\n"

struct fuzz_part {
	const uint8_t *p;
	size_t n;
};

/* Splits data at FUZZ_SEP into at most max parts (the last one keeps any
 * further separators); returns the count, at least 1. */
static inline size_t fuzz_split(const uint8_t *data, size_t size, struct fuzz_part *parts, size_t max)
{
	const size_t sl = sizeof FUZZ_SEP - 1;
	size_t n = 0, at = 0;
	while (n + 1 < max) {
		const uint8_t *hit = size - at >= sl ? memmem(data + at, size - at, FUZZ_SEP, sl) : NULL;
		if (!hit)
			break;
		size_t end = (size_t)(hit - data);
		parts[n++] = (struct fuzz_part){data + at, end - at};
		at = end + sl;
	}
	parts[n++] = (struct fuzz_part){data + at, size - at};
	return n;
}

/* Is off a code point boundary of the valid UTF-8 string s[0..n)? */
static inline bool fuzz_cp_boundary(const char *s, size_t n, size_t off)
{
	return off == 0 || off == n || (off < n && ((unsigned char)s[off] & 0xC0) != 0x80);
}

/* Reads a little-endian 32-bit number from the front of the input, when
 * there are four bytes left; 0 otherwise. */
static inline uint32_t fuzz_take_u32(const uint8_t **data, size_t *size)
{
	if (*size < 4)
		return 0;
	const uint8_t *d = *data;
	uint32_t v = (uint32_t)d[0] | (uint32_t)d[1] << 8 | (uint32_t)d[2] << 16 | (uint32_t)d[3] << 24;
	*data += 4;
	*size -= 4;
	return v;
}

#endif
