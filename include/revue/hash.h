/* hash.h — the content hash that names an article across renames.
 *
 * rv_hash64 is a fast 64-bit non-cryptographic hash of a byte string, written
 * for revue (it is no published algorithm): the length, then the bytes in
 * 16-byte blocks read as two little-endian 64-bit words, each block folded
 * into the state by one 64x64->128-bit multiplication whose halves are
 * xored, the tail zero-padded into one last block, and a final multiply that
 * spreads every input bit over the whole result. Its value is the same on
 * every machine and in every version of revue: the state store keys read
 * marks, stars and notes by it (store/state.c), and --dump articles and
 * --dump state print it as 16 lowercase hex digits. Changing it would orphan
 * every saved mark, so tests/unit/test_hash.c pins known values.
 *
 * It runs at several GB/s (one multiplication per 16 bytes), so hashing every
 * body of a 10k-article corpus costs a few milliseconds. It is not meant to
 * resist someone crafting collisions: a crafted collision can only make two
 * articles share their marks.
 */
#ifndef REVUE_HASH_H
#define REVUE_HASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t rv_hash64(const void *data, size_t n);

/* Another function, for checksums of large buffers (the index cache): four
 * independent lanes of rv_hash64's block step over 64-byte blocks, so that
 * the multiplications overlap, then rv_hash64 of the lanes and the tail.
 * Several times faster than rv_hash64 on megabytes; its values are not
 * stored keys, only a versioned file's checksums. */
uint64_t rv_hash64_wide(const void *data, size_t n);

/* The 16 lowercase hex digits of h and a NUL into buf. */
void rv_hash_hex(uint64_t h, char buf[17]);

#endif
