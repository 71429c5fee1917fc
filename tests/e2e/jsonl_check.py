#!/usr/bin/env python3
"""jsonl_check.py FILE [--count N] [--keys k1,k2] [--expect 'PY-EXPR']...:
every line of FILE is one JSON object with the given keys; --count checks
the number of lines; each --expect is a Python expression over `rows` (the
list of objects) and `by_id` (objects keyed by their "id") that must hold."""
import json, sys

args = sys.argv[1:]
path = args.pop(0)
count, keys, expects = None, [], []
while args:
    a = args.pop(0)
    if a == "--count": count = int(args.pop(0))
    elif a == "--keys": keys = args.pop(0).split(",")
    elif a == "--expect": expects.append(args.pop(0))
rows = []
with open(path, "rb") as f:
    for n, line in enumerate(f, 1):
        try:
            obj = json.loads(line.decode("utf-8"))
        except Exception as e:
            sys.exit(f"{path}:{n}: not a JSON line: {e}")
        if not isinstance(obj, dict):
            sys.exit(f"{path}:{n}: not an object")
        for k in keys:
            if k not in obj:
                sys.exit(f"{path}:{n}: no key {k}")
        rows.append(obj)
if count is not None and len(rows) != count:
    sys.exit(f"{path}: {len(rows)} lines, expected {count}")
by_id = {r.get("id"): r for r in rows}
for e in expects:
    if not eval(e):
        sys.exit(f"{path}: does not hold: {e}")
