#!/usr/bin/env bash
# The round trip through passim, end to end: --dump passim writes the corpus
# as passim's input; --links FILE reads link clusters computed elsewhere —
# passim's output records (cluster, id, begin, end in UTF-16 units) and
# revue's own --dump links — written here by hand, with records that do not
# fit, each refused with its file and line while the rest loads.
. "$(dirname "$0")/lib.sh"

run_revue "$SCRATCH/passim" "$SCRATCH/err" --dump passim
check "passim: status 0" [ "$status" -eq 0 ]
check "passim: terminal-safe" terminal_safe "$SCRATCH/passim"
check "passim: one document per article, passim's fields" jsonl_valid "$SCRATCH/passim" \
	--keys id,series,date,text \
	--expect 'len(rows) == 5' \
	--expect 'all(isinstance(r["text"], str) and len(r["text"]) > 1000 for r in rows)' \
	--expect 'len({r["series"] for r in rows}) == 5'

# A corpus with an emoji before the shared sentence: passim counts it as two
# units, revue as four bytes.
mkdir -p "$SCRATCH/c"
cat >"$SCRATCH/c/a.txt" <<'EOF'
Title: Premier
Source: Le Monde
Date: 2024-03-01

Le ministre a déclaré : « Nous allons tout changer dans ce pays avant la fin de l'année prochaine », selon l'AFP.
EOF
cat >"$SCRATCH/c/b.txt" <<'EOF'
Title: Second
Source: Le Figaro
Date: 2024-03-02

😀 Hier, le ministre a dit : « Nous allons tout changer dans ce pays avant la fin de l'année », a rapporté un journal.
EOF
run_revue "$SCRATCH/cp" "$SCRATCH/err" --dump passim "$SCRATCH/c"
check "passim: series are the sources" jsonl_valid "$SCRATCH/cp" \
	--expect '[r["series"] for r in rows] == ["Le Monde", "Le Figaro"]' \
	--expect '[r["date"] for r in rows] == ["2024-03-01", "2024-03-02"]'

# passim's output for that corpus, by hand: the quotation is units 24-99 of
# a.txt's text (bytes 26-104: two é) and units 29-94 of b.txt's (bytes
# 31-99: the emoji is 2 units and 4 bytes).
cat >"$SCRATCH/passim-out.json" <<'EOF'
{"uid": 1, "cluster": 42, "size": 2, "id": "a.txt", "series": "Le Monde", "begin": 24, "end": 99}
{"uid": 2, "cluster": 42, "size": 2, "id": "b.txt", "series": "Le Figaro", "begin": 29, "end": 94}
EOF
run_revue "$SCRATCH/l1" "$SCRATCH/err" --links "$SCRATCH/passim-out.json" --dump links "$SCRATCH/c"
check "--links passim: status 0, no complaint" [ "$status" -eq 0 -a ! -s "$SCRATCH/err" ]
check "--links passim: the cluster, its spans in bytes" jsonl_valid "$SCRATCH/l1" \
	--expect 'len(rows) == 1 and len(rows[0]["members"]) == 2' \
	--expect 'rows[0]["kind"] == "quote"' \
	--expect 'sorted(m["text"][:8] for m in rows[0]["members"]) == ["« Nous a"] * 2 and all(m["text"].endswith("»") for m in rows[0]["members"])' \
	--expect '{m["article"]: (m["start"], m["end"]) for m in rows[0]["members"]} == {"a.txt": (26, 104), "b.txt": (31, 99)}'

# revue's own format, by hand, with bad lines around a good one
cat >"$SCRATCH/mixed.jsonl" <<'EOF'
{"members": [{"article": "a.txt", "start": 26, "end": 104}, {"article": "b.txt", "start": 31, "end": 99}]}
this is not JSON
{"members": [{"article": "gone.txt", "start": 0, "end": 4}, {"article": "b.txt", "start": 0, "end": 4}]}
{"cluster": 1, "id": "b.txt", "begin": 1, "end": 4}
EOF
run_revue "$SCRATCH/l2" "$SCRATCH/err" --links "$SCRATCH/mixed.jsonl" --dump links "$SCRATCH/c"
check "--links mixed: status 0" [ "$status" -eq 0 ]
check "--links mixed: the good cluster loads" jsonl_valid "$SCRATCH/l2" --expect 'len(rows) == 1'
check "--links mixed: line 2 named" grep -q "mixed.jsonl:2: not JSON" "$SCRATCH/err"
check "--links mixed: line 3 named" grep -q "mixed.jsonl:3: member 1 names no article" "$SCRATCH/err"
check "--links mixed: line 4 named" grep -q 'mixed.jsonl:4: "begin" and "end" do not fit' "$SCRATCH/err"
check "--links mixed: one line per problem" [ "$(wc -l <"$SCRATCH/err")" -eq 3 ]

# what revue computes reads back the same, through a file
run_revue "$SCRATCH/own" "$SCRATCH/err" --dump links
run_revue "$SCRATCH/back" "$SCRATCH/err" --links "$SCRATCH/own" --dump links
check "--links round trip: same clusters (score aside)" \
	diff <(sed 's/"score":[0-9.]*,//' "$SCRATCH/own") <(sed 's/"score":[0-9.]*,//' "$SCRATCH/back")

run_revue "$SCRATCH/none" "$SCRATCH/err" --links "$SCRATCH/does-not-exist" --dump links
check "--links missing file: status 1" [ "$status" -eq 1 ]
check "--links missing file: one line naming it" grep -q "^revue: --links: cannot read '.*does-not-exist'" "$SCRATCH/err"
check "--links missing file: nothing dumped" [ ! -s "$SCRATCH/none" ]

finish
