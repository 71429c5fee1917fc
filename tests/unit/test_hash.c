/* Tests of the content hash (include/revue/hash.h): its values are stored
 * keys, so they are pinned; and it must tell apart the near-identical texts
 * a press review is full of. */
#include "testutil.h"

#include "revue/hash.h"

/* Saved marks are keyed by these: a change here orphans every user's state
 * and needs a migration, not a new expected value. */
static void test_hash_pinned_values(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		uint64_t h;
	} pins[] = {
	    {"", 0x592cd6e7f6606fe8ull},
	    {"a", 0x8bff994b854cc633ull},
	    {"abc", 0xa126752982b8f10aull},
	    {"0123456789abcdef", 0xdc0e9b8e1e23225bull},
	    {"0123456789abcdefg", 0x735a121b2c44fe4bull},
	    {"Le Monde, 25 novembre 2026.", 0xc37098d174a8d85aull},
	};
	for (size_t i = 0; i < sizeof pins / sizeof pins[0]; i++)
		assert_int_equal(rv_hash64(pins[i].s, strlen(pins[i].s)), pins[i].h);
}

static void test_hash_hex(void **state)
{
	(void)state;
	char buf[17];
	rv_hash_hex(0x00000000000000abull, buf);
	assert_string_equal(buf, "00000000000000ab");
	rv_hash_hex(0xfedcba9876543210ull, buf);
	assert_string_equal(buf, "fedcba9876543210");
}

/* The same bytes at any address hash the same (loads are unaligned-safe). */
static void test_hash_alignment(void **state)
{
	(void)state;
	char buf[80];
	const char *text = "« Nous allons construire nos propres modèles », a-t-il dit.";
	size_t n = strlen(text);
	uint64_t want = rv_hash64(text, n);
	for (size_t off = 0; off < 8; off++) {
		memcpy(buf + off, text, n);
		assert_int_equal(rv_hash64(buf + off, n), want);
	}
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* Every prefix, every one-bit change and every trailing zero byte of a text
 * gives a different hash: the edits that make a new version of an article. */
static void test_hash_near_texts_differ(void **state)
{
	(void)state;
	char text[256];
	for (size_t i = 0; i < sizeof text; i++)
		text[i] = (char)("Microsoft et OpenAI : les motifs du divorce. "[i % 45]);
	size_t cap = 300000, n = 0;
	uint64_t *h = malloc(cap * sizeof *h);
	assert_non_null(h);
	for (size_t len = 0; len <= sizeof text; len++)
		h[n++] = rv_hash64(text, len);
	for (size_t byte = 0; byte < 64; byte++)
		for (int bit = 0; bit < 8; bit++) {
			for (size_t len = byte + 1; len <= 64; len += 7) {
				text[byte] ^= (char)(1 << bit);
				h[n++] = rv_hash64(text, len);
				text[byte] ^= (char)(1 << bit);
			}
		}
	char zeros[64] = {0};
	for (size_t len = 1; len <= sizeof zeros; len++)
		h[n++] = rv_hash64(zeros, len);
	qsort(h, n, sizeof *h, cmp_u64);
	for (size_t i = 1; i < n; i++)
		if (h[i] == h[i - 1])
			fail_msg("two of %zu near texts share the hash %016llx", n, (unsigned long long)h[i]);
	free(h);
}

/* Flipping one input bit flips about half the output bits, on average and
 * never almost none. */
static void test_hash_avalanche(void **state)
{
	(void)state;
	unsigned char buf[40];
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)(i * 37 + 11);
	double total = 0;
	int samples = 0, fewest = 64;
	for (size_t len = 1; len <= sizeof buf; len++) {
		uint64_t base = rv_hash64(buf, len);
		for (size_t bit = 0; bit < len * 8; bit++) {
			buf[bit / 8] ^= (unsigned char)(1u << (bit % 8));
			int d = __builtin_popcountll(base ^ rv_hash64(buf, len));
			buf[bit / 8] ^= (unsigned char)(1u << (bit % 8));
			total += d;
			samples++;
			if (d < fewest)
				fewest = d;
		}
	}
	double mean = total / samples;
	if (mean < 30 || mean > 34 || fewest < 12)
		fail_msg("one-bit changes flip %.2f bits on average, %d at fewest", mean, fewest);
}

/* The wide checksum: every single-bit flip at every position of buffers of
 * every length around the 64-byte block changes it, it does not depend on
 * the buffer's alignment, and it is not rv_hash64. */
static void test_hash_wide(void **state)
{
	(void)state;
	unsigned char buf[300 + 8], *b = buf + 1;
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)(i * 131 + 7);
	size_t lens[] = {0, 1, 15, 16, 63, 64, 65, 127, 128, 129, 255, 300};
	for (size_t li = 0; li < sizeof lens / sizeof *lens; li++) {
		size_t n = lens[li];
		uint64_t h = rv_hash64_wide(b, n);
		if (n)
			assert_true(h != rv_hash64(b, n));
		unsigned char copy[300 + 8];
		memcpy(copy + 3, b, n);
		assert_true(rv_hash64_wide(copy + 3, n) == h);
		for (size_t i = 0; i < n; i++)
			for (int bit = 0; bit < 8; bit += 3) {
				b[i] ^= (unsigned char)(1u << bit);
				assert_true(rv_hash64_wide(b, n) != h);
				b[i] ^= (unsigned char)(1u << bit);
			}
		if (n)
			assert_true(rv_hash64_wide(b, n - 1) != h);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_hash_pinned_values),
	    cmocka_unit_test(test_hash_hex),
	    cmocka_unit_test(test_hash_alignment),
	    cmocka_unit_test(test_hash_near_texts_differ),
	    cmocka_unit_test(test_hash_avalanche),
	    cmocka_unit_test(test_hash_wide),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
