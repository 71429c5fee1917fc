#!/usr/bin/env python3
"""osc52_safe.py RAW [--want N]: checks a terminal session's raw output (term-oracle --save) where revue
may copy to the clipboard. Every OSC 52 sequence must be exactly ESC ] 52 ; c ; BASE64 BEL, and what it
carries, decoded, must be valid UTF-8 with no ESC, no C0 control but newline, no C1 control and no bidi
control. With those sequences taken out, nothing may remain that term-oracle forbids (OSC, DCS, APC, PM,
SOS, RIS, queries, C1 in UTF-8, bidi controls). --want N: at least N copies must be there (so that the
check cannot pass by copying nothing). Exit 0 when clean, 1 otherwise (what is listed on stdout)."""
import base64, re, sys

FORBIDDEN = {
    "OSC": rb"\x1b\]", "DCS": rb"\x1bP", "APC": rb"\x1b_", "PM": rb"\x1b\^", "SOS": rb"\x1bX", "RIS": rb"\x1bc",
    "DSR": rb"\x1b\[[56]n", "DA": rb"\x1b\[[>=]?0?c",
    "C1 in UTF-8": rb"\xc2[\x80-\x9f]", "bidi control": rb"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]",
}
PAYLOAD_FORBIDDEN = {
    "ESC": r"\x1b", "C0 control": r"[\x00-\x09\x0b-\x1f\x7f]", "C1 control": r"[\x80-\x9f]",
    "bidi control": r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]",
}
OSC52 = re.compile(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07")

args = sys.argv[1:]
want = 0
if "--want" in args:
    i = args.index("--want")
    want = int(args[i + 1])
    del args[i:i + 2]
data = open(args[0], "rb").read()
bad = 0
copies = 0
for m in OSC52.finditer(data):
    copies += 1
    try:
        text = base64.b64decode(m.group(1), validate=True).decode("utf-8")
    except Exception as e:
        print(f"OSC 52 at byte {m.start()}: not base64 of UTF-8 ({e})")
        bad = 1
        continue
    for name, pat in PAYLOAD_FORBIDDEN.items():
        f = re.search(pat, text)
        if f:
            print(f"OSC 52 at byte {m.start()}: {name} in what is copied: {text[max(0, f.start() - 20):f.end() + 20]!r}")
            bad = 1
rest = OSC52.sub(b"", data)
for name, pat in FORBIDDEN.items():
    n = len(re.findall(pat, rest))
    if n:
        print(f"forbidden: {name} x{n}")
        bad = 1
if copies < want:
    print(f"{copies} copies, wanted at least {want}")
    bad = 1
if not bad:
    print(f"clean: {len(data)} bytes, {copies} copies (OSC 52), no forbidden sequence")
sys.exit(bad)
