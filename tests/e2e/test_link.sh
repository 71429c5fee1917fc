#!/usr/bin/env bash
# Links across articles through the real binary: --dump links on the bundled
# corpus (the two Suleyman quotations that 000 and 001 word differently, and
# no other quote cluster), the quotes dump naming their clusters, spans that
# say what the bodies say, and hostile input in bounded time.
. "$(dirname "$0")/lib.sh"

run_revue "$SCRATCH/links" "$SCRATCH/err" --dump links
check "links: status 0" [ "$status" -eq 0 ]
check "links: terminal-safe" terminal_safe "$SCRATCH/links"
check "links: schema and the two Suleyman clusters" jsonl_valid "$SCRATCH/links" \
	--keys id,kind,score,speaker_conflict,members \
	--expect 'all(r["kind"] in ("quote", "passage") for r in rows)' \
	--expect 'all(set(m) == {"article","start","end","text","quote"} for r in rows for m in r["members"])' \
	--expect '[r["id"] for r in rows] == list(range(len(rows)))' \
	--expect 'sum(1 for r in rows if r["kind"] == "quote") == 2' \
	--expect 'any(r["kind"] == "quote" and {m["article"][:3] for m in r["members"]} == {"000", "001"} and any("modèles de base" in m["text"] for m in r["members"]) and any("modèles fondamentaux" in m["text"] for m in r["members"]) for r in rows)' \
	--expect 'any(r["kind"] == "quote" and {m["article"][:3] for m in r["members"]} == {"000", "001"} and any("toutes les technologies du passé" in m["text"] for m in r["members"]) and any("toute technologie du passé" in m["text"] for m in r["members"]) for r in rows)' \
	--expect 'not any(r["speaker_conflict"] for r in rows)'

# the quotes dump names the same clusters
run_revue "$SCRATCH/quotes" "$SCRATCH/err" --dump quotes
python3 - "$SCRATCH/links" "$SCRATCH/quotes" <<'PY' || bad "quotes and links agree on clusters"
import json, sys
links = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
quotes = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
want = {m["quote"]: r["id"] for r in links for m in r["members"] if m["quote"] is not None}
got = {q["id"]: q["cluster"] for q in quotes if q["cluster"] is not None}
assert want == got, (want, got)
assert len(got) >= 4, got
PY
ok

# every member's text is its span of the article body
python3 - "$REVUE" "$SRC_DIR/corpus" <<'PY' || bad "link spans match the article bodies"
import json, os, subprocess, sys
revue, corpus = sys.argv[1], sys.argv[2]
out = subprocess.run([revue, "--dump", "links", corpus], capture_output=True, check=True).stdout
for line in out.decode().splitlines():
    for m in json.loads(line)["members"]:
        raw = open(os.path.join(corpus, m["article"]), encoding="utf-8").read().lstrip()
        if raw.startswith("date "):
            raw = raw.split(" ", 2)[2]
        assert raw.encode()[m["start"]:m["end"]].decode() == m["text"], m
PY
ok

# 1,000 copies of one article, and one article repeating a sentence 10,000
# times: one cluster, not a million pairs, in bounded time
mkdir "$SCRATCH/copies"
for i in $(seq -w 1 1000); do cp "$SRC_DIR/corpus/000_679a9a29bead16d9.txt" "$SCRATCH/copies/$i.txt"; done
python3 -c 'print("Le gouvernement a annoncé une réforme des retraites très contestée par les syndicats. " * 10000)' \
	>"$SCRATCH/copies/repeat.txt"
cp "$SCRATCH/copies/repeat.txt" "$SCRATCH/copies/repeat2.txt"
start=$(date +%s%N)
timeout 120 "$REVUE" --dump links "$SCRATCH/copies" >"$SCRATCH/copies.links" 2>/dev/null; status=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "1,000 copies: status 0" [ "$status" -eq 0 ]
check "1,000 copies: bounded time ($ms ms)" [ "$ms" -lt 60000 ]
check "1,000 copies: few clusters holding every copy" jsonl_valid "$SCRATCH/copies.links" \
	--expect 'len(rows) < 50' \
	--expect 'any(len({m["article"] for m in r["members"]}) >= 1000 for r in rows)' \
	--expect 'any({m["article"] for m in r["members"]} == {"repeat.txt", "repeat2.txt"} for r in rows)'

if have_shared; then
	start=$(date +%s%N)
	timeout 60 "$REVUE" --dump links "$SHARED/adversarial" >"$SCRATCH/adv" 2>/dev/null; status=$?
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	check "adversarial links: status 0" [ "$status" -eq 0 ]
	check "adversarial links: valid JSON" jsonl_valid "$SCRATCH/adv"
	check "adversarial links: terminal-safe" terminal_safe "$SCRATCH/adv"
	check "adversarial links: bounded time ($ms ms)" [ "$ms" -lt 20000 ]
fi

finish
