/* decode.h — raw file bytes to UTF-8 text with LF line ends.
 *
 * In: the bytes of one file. Out: a freshly allocated UTF-8 string (valid,
 * NUL-terminated, owned by the caller) with the encoding it was read as.
 *
 * The rules, in order (documented in revue(1), ENCODINGS):
 *  1. A UTF-16 LE or BE byte-order mark: decoded as UTF-16; unpaired
 *     surrogates become U+FFFD.
 *  2. A NUL byte in the first 8000 bytes (after any UTF-8 BOM): the file is
 *     binary and is refused (the rule git and grep use).
 *  3. Valid UTF-8 (a UTF-8 BOM is dropped): taken as it is.
 *  4. Otherwise the file is either Windows-1252 or damaged UTF-8. It is read
 *     as UTF-8, each maximal invalid subpart becoming U+FFFD, when it shows
 *     UTF-8 evidence: as many valid multi-byte sequences as invalid ones, a
 *     byte of C0 to FF followed by a continuation byte (80 to BF) that still
 *     fails to decode (in Windows-1252 that is a letter glued to a symbol),
 *     a byte Windows-1252 leaves undefined (81 8D 8F 90 9D), or more than a
 *     tenth of its high bytes in runs of three or more (Windows-1252 text
 *     has accented letters one or two at a time). Everything else is
 *     Windows-1252.
 *  CRLF and lone CR become LF in every case.
 */
#ifndef REVUE_DECODE_H
#define REVUE_DECODE_H

#include <stdbool.h>
#include <stddef.h>

enum rv_encoding {
	RV_ENC_UTF8,
	RV_ENC_UTF8_REPAIRED, /* UTF-8 with invalid sequences replaced */
	RV_ENC_UTF16LE,
	RV_ENC_UTF16BE,
	RV_ENC_CP1252,
};

enum rv_decode_status {
	RV_DECODE_OK,
	RV_DECODE_BINARY,
};

struct rv_decoded {
	char *text;           /* valid UTF-8, NUL-terminated; NULL when binary */
	size_t len;           /* bytes in text, not counting the final NUL */
	enum rv_encoding encoding;
	size_t replaced;      /* U+FFFD written for invalid input */
	size_t binary_offset; /* where the NUL was, for RV_DECODE_BINARY */
};

enum rv_decode_status rv_decode(const unsigned char *raw, size_t n, struct rv_decoded *out);
/* The same, taking ownership of raw (allocated with malloc, with room for
 * n + 1 bytes): the common case, valid UTF-8 without CR, then costs no copy,
 * out->text being raw itself. raw is freed or adopted in every case. */
enum rv_decode_status rv_decode_take(unsigned char *raw, size_t n, struct rv_decoded *out);

/* The name revue uses for an encoding: "utf-8", "utf-16le", "windows-1252"... */
const char *rv_encoding_name(enum rv_encoding e);

/* Length of the valid UTF-8 sequence at s[0..n), or 0 when it is invalid.
 * *cp receives the code point. Strict: no overlongs, no surrogates, no
 * values above U+10FFFF. */
size_t rv_utf8_decode(const unsigned char *s, size_t n, unsigned *cp);

/* Length of the maximal invalid subpart at s[0..n) (Unicode §3.9, the
 * "best practice" for U+FFFD substitution); at least 1. Only meaningful when
 * rv_utf8_decode returned 0. */
size_t rv_utf8_invalid_len(const unsigned char *s, size_t n);

/* Writes cp as UTF-8 into out (4 bytes at most), returns the length. */
size_t rv_utf8_encode(unsigned cp, char *out);

bool rv_utf8_valid(const char *s, size_t n);

#endif
