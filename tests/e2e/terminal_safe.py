#!/usr/bin/env python3
"""terminal_safe.py FILE...: exit 1 (listing what) if a file holds a byte
sequence that must never reach a terminal from article text: ESC at all
(revue's own output to a pipe has no reason to hold one), C0 controls other
than newline and tab, raw C1 bytes, C1 controls in UTF-8, bidi controls, or
invalid UTF-8."""
import re, sys

FORBIDDEN = {
    "ESC": rb"\x1b", "C0 control": rb"[\x00-\x08\x0b-\x1f\x7f]",
    "C1 in UTF-8": rb"\xc2[\x80-\x9f]",
    "bidi control": rb"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xe2\x80[\x8e\x8f]|\xd8\x9c",
}
bad = 0
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    for name, pat in FORBIDDEN.items():
        m = re.search(pat, data)
        if m:
            print(f"{path}: {name} at byte {m.start()}")
            bad = 1
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"{path}: invalid UTF-8 at byte {e.start}")
        bad = 1
sys.exit(bad)
