#!/usr/bin/env bash
# --dump diff through the real binary: the two reworded Suleyman quotes of
# the bundled corpus (000 and 001), runs that tile the spans, hostile
# offsets, and every bad argument as one line with status 2.
. "$(dirname "$0")/lib.sh"

KEYS=op,minor,a_start,a_end,a_text,a_words,b_start,b_end,b_text,b_words
# Every line but the last is a run with every key; the last is the summary.
runs_valid() { # FILE EXPECT...
	local f=$1; shift
	jsonl_valid "$f" --expect 'rows[-1]["op"] == "summary"' \
		--expect 'all(all(k in r for k in "'"$KEYS"'".split(",")) for r in rows[:-1])' \
		--expect 'all(r["op"] in ("equal", "delete", "insert", "change") for r in rows[:-1])' \
		--expect 'all(a["a_end"] == b["a_start"] and a["b_end"] == b["b_start"] for a, b in zip(rows[:-2], rows[1:-1]))' \
		--expect 'not rows[:-1] or (rows[0]["a_start"] == rows[-1]["a_start"] and rows[-2]["a_end"] == rows[-1]["a_end"])' \
		"$@"
}

# The spans of the two quotes, from the quotes dump.
"$REVUE" --dump quotes >"$SCRATCH/quotes" 2>/dev/null
span() { # ARTICLE-PREFIX WORDS: ID:START:END of the quote holding WORDS
	python3 - "$SCRATCH/quotes" "$1" "$2" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if r["article"].startswith(sys.argv[2]) and sys.argv[3] in r["text"]:
        print(f'{r["article"]}:{r["start"]}:{r["end"]}')
        break
PY
}
a1=$(span 000 "modèles de base"); b1=$(span 001 "modèles fondamentaux")
a2=$(span 000 "toutes les technologies"); b2=$(span 001 "toute technologie")
check "the quotes are found" [ -n "$a1" ] && [ -n "$b1" ] && [ -n "$a2" ] && [ -n "$b2" ]

run_revue "$SCRATCH/d1" "$SCRATCH/err" --dump diff "$a1" "$b1"
check "quote 1: status 0" [ "$status" -eq 0 ]
check "quote 1: terminal-safe" terminal_safe "$SCRATCH/d1"
check "quote 1: runs" runs_valid "$SCRATCH/d1" \
	--expect 'any(r["op"] == "change" and r["a_text"] == "de base, qui sont" and r["b_text"] == "fondamentaux" for r in rows)' \
	--expect 'any(r["op"] == "equal" and "à la pointe de la technologie" in r["a_text"] for r in rows)' \
	--expect 'rows[-1]["share"] > 0.7 and not rows[-1]["coarse"]'

run_revue "$SCRATCH/d2" "$SCRATCH/err" --dump diff "$a2" "$b2"
check "quote 2: runs" runs_valid "$SCRATCH/d2" \
	--expect 'any(r["op"] == "change" and r["minor"] and r["a_text"].strip() == "toutes" and r["b_text"].strip() == "toute" for r in rows)' \
	--expect 'any(r["op"] == "change" and r["minor"] and r["a_text"] == "technologies" for r in rows)' \
	--expect 'any(r["op"] == "delete" and r["a_text"].strip() == "les" and r["b_text"] == "" for r in rows)' \
	--expect 'any(r["op"] == "change" and not r["minor"] and r["a_text"].startswith("dépasser") and r["b_text"].startswith("surpasser") for r in rows)' \
	--expect 'rows[-1]["minor"] == 2'

# Whole bodies, by id prefix: the runs' texts put together are the bodies.
run_revue "$SCRATCH/whole" "$SCRATCH/err" --dump diff 000 001
"$REVUE" --dump diff 000 000 >"$SCRATCH/same0" 2>/dev/null
"$REVUE" --dump diff 001 001 >"$SCRATCH/same1" 2>/dev/null
check "whole bodies: status 0" [ "$status" -eq 0 ]
check "identical bodies: one equal run" jsonl_valid "$SCRATCH/same0" --count 2 \
	--expect 'rows[0]["op"] == "equal" and rows[1]["share"] == 1'
check "whole bodies: the runs tile the bodies" runs_valid "$SCRATCH/whole" \
	--expect '"".join(r["a_text"] for r in rows[:-1]) == json.loads(open("'"$SCRATCH/same0"'").readline())["a_text"]' \
	--expect '"".join(r["b_text"] for r in rows[:-1]) == json.loads(open("'"$SCRATCH/same1"'").readline())["b_text"]' \
	--expect 'rows[-1]["a"].startswith("000_") and rows[-1]["b"].startswith("001_")'

# Hostile offsets: clamped to the body, widened to whole characters.
run_revue "$SCRATCH/out" "$SCRATCH/err" --dump diff 000:99999999999:999999999999 001:1:1
check "offsets past the body: status 0" [ "$status" -eq 0 ]
check "offsets past the body: clamped" jsonl_valid "$SCRATCH/out" --count 1 \
	--expect 'rows[0]["a_start"] == rows[0]["a_end"] > 0'
# the second byte of the first two-byte character of 001, and the end of it
mid=$(python3 -c 'import json,sys; t=json.loads(open(sys.argv[1]).readline())["a_text"]
i=next(i for i,c in enumerate(t) if len(c.encode())==2); print(len(t[:i].encode())+1)' "$SCRATCH/same1")
run_revue "$SCRATCH/out" "$SCRATCH/err" --dump diff "001:$mid:$((mid + 20))" "001:0:$mid"
check "offsets inside a character: widened" runs_valid "$SCRATCH/out" \
	--expect "rows[-1][\"a_start\"] == $mid - 1 and rows[-1][\"b_end\"] == $mid + 1"

# Bad arguments: status 2, nothing on stdout, one line on stderr.
bad_args() { # DESCRIPTION ARGS...
	local what=$1; shift
	run_revue "$SCRATCH/out" "$SCRATCH/err" "$@"
	check "$what: status 2" [ "$status" -eq 2 ]
	check "$what: no output" [ ! -s "$SCRATCH/out" ]
	check "$what: one line" [ "$(wc -l <"$SCRATCH/err")" -eq 1 ]
	check "$what: says --dump diff" grep -q -- '--dump diff' "$SCRATCH/err"
}
bad_args "no span" --dump diff
bad_args "one span" --dump diff 000
bad_args "unknown article" --dump diff 000 999
bad_args "ambiguous prefix" --dump diff 00 001
bad_args "START past END" --dump diff 000:20:10 001
bad_args "offset too large" --dump diff 000:0:99999999999999999999999 001
bad_args "empty id" --dump diff :1:2 001
bad_args "hostile id" --dump diff "$(printf '\033[31m\342\200\256x')" 001
check "hostile id: terminal-safe" terminal_safe "$SCRATCH/err"

finish
