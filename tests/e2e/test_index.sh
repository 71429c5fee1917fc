#!/usr/bin/env bash
# The shared index through the real binary: --dump entities, quotes and
# timeline on the bundled corpus (what the issue names as done), on hostile
# input (valid, terminal-safe, bounded time), and on the real corpora.
. "$(dirname "$0")/lib.sh"

for kind in entities quotes timeline; do
	run_revue "$SCRATCH/$kind" "$SCRATCH/err" --dump "$kind"
	check "$kind: status 0" [ "$status" -eq 0 ]
	check "$kind: terminal-safe" terminal_safe "$SCRATCH/$kind"
done
check "entities: schema" jsonl_valid "$SCRATCH/entities" --keys article,name,type,start,end,text \
	--expect 'all(r["type"] in ("person","org","product","place","money","percent") for r in rows)' \
	--expect 'any(r["name"] == "Mustafa Suleyman" and r["type"] == "person" for r in rows)' \
	--expect 'any(r["name"] == "Sam Altman" and r["type"] == "person" for r in rows)' \
	--expect 'any(r["type"] == "money" and r["value"] == 13000000000 and r["unit"] == "USD" for r in rows)' \
	--expect 'any(r["type"] == "money" and r["value"] == 15000000 and r["period"] == "day" for r in rows)' \
	--expect 'any(r["type"] == "percent" and r["value"] == 49 for r in rows)' \
	--expect 'not any(r["name"].lower() in ("ia", "pourtant", "interroge") for r in rows)'
# the spans say what the text says: check them against the articles dump
"$REVUE" --dump articles >/dev/null
check "quotes: schema" jsonl_valid "$SCRATCH/quotes" --keys id,article,start,end,text,kind,speaker,cluster \
	--expect 'sum(1 for r in rows if r["article"].startswith("000") and r["kind"] == "speech" and r["speaker"] == "Mustafa Suleyman") == 2' \
	--expect 'sum(1 for r in rows if r["article"].startswith("001") and r["kind"] == "speech" and r["speaker"] == "Mustafa Suleyman" and ("modèles fondamentaux" in r["text"] or "technologie du passé" in r["text"])) == 3' \
	--expect 'any(r["text"] == "ChatGPT" and r["kind"] == "term" for r in rows)' \
	--expect 'any(r["text"] == "off-frontier" and r["kind"] == "term" for r in rows)' \
	--expect 'any(r["article"].startswith("003") and r["block"] and r["speaker"] == "Mustafa Suleyman" for r in rows)' \
	--expect 'len({r["id"] for r in rows}) == len(rows)'
check "timeline: schema and the bundled dates" jsonl_valid "$SCRATCH/timeline" \
	--keys article,date,granularity,mod,resolved,start,end,expression,sentence \
	--expect 'any(r["article"].startswith("004") and r["expression"] == "janvier 2023" and r["date"] == "2023-01" for r in rows)' \
	--expect 'any(r["article"].startswith("004") and r["expression"].endswith("automne dernier") and r["resolved"] and r["date"].startswith("2024") for r in rows)' \
	--expect 'any(r["article"].startswith("000") and r["expression"] == "l\x27automne dernier" and not r["resolved"] for r in rows)' \
	--expect 'not any("Sora" in r["expression"] or r["expression"] in ("2", "4") for r in rows)' \
	--expect '[r["date"] for r in rows if r["resolved"]] == sorted(r["date"] for r in rows if r["resolved"])' \
	--expect '{"2019","2021","2022","2023-01","2024-01","2025","2026","2030","2032"} <= {r["date"] for r in rows}'

# every span in every dump is the text it claims, on the article's body
python3 - "$REVUE" "$SRC_DIR/corpus" <<'PY' || bad "spans match the article bodies"
import json, subprocess, sys
revue, corpus = sys.argv[1], sys.argv[2]
def dump(kind):
    out = subprocess.run([revue, "--dump", kind, corpus], capture_output=True, check=True).stdout
    return [json.loads(l) for l in out.decode().splitlines()]
bodies = {}
import os
for a in dump("articles"):
    raw = open(os.path.join(corpus, a["id"]), "rb").read().decode("utf-8")
    # the body is the text after the leading date token
    body = raw.lstrip()
    if body.startswith("date "):
        body = body.split(" ", 2)[2]
    bodies[a["id"]] = body.encode("utf-8")
for r in dump("entities"):
    got = bodies[r["article"]][r["start"]:r["end"]].decode("utf-8")
    assert got == r["text"], (r, got)
for r in dump("timeline"):
    got = bodies[r["article"]][r["start"]:r["end"]].decode("utf-8")
    assert got == r["expression"], (r, got)
PY
ok

# An alias file at the corpus root renames and merges, and its bad lines
# are named with their numbers while the rest applies.
mkdir "$SCRATCH/aliased"
cp "$SRC_DIR"/corpus/*.txt "$SCRATCH/aliased/"
printf '# aliases\nMicrosoft\torg\tle groupe de Redmond|MSFT\nline without tabs\nOpenAI\tcompany\tx\n' \
	>"$SCRATCH/aliased/entities.tsv"
run_revue "$SCRATCH/out" "$SCRATCH/err" --dump entities "$SCRATCH/aliased"
check "aliases: status 0" [ "$status" -eq 0 ]
check "aliases: a phrase becomes its entity" jsonl_valid "$SCRATCH/out" \
	--expect 'any(r["name"] == "Microsoft" and r["type"] == "org" and r["text"] == "Le groupe de Redmond" for r in rows)' \
	--expect 'not any(r["name"] == "Redmond" for r in rows)'
check "aliases: bad line named" grep -q "entities.tsv:3: expected: name TAB type TAB aliases" "$SCRATCH/err"
check "aliases: bad type named" grep -q "entities.tsv:4: unknown type 'company'" "$SCRATCH/err"
check "aliases: the file is not an article" jsonl_valid "$SCRATCH/out" \
	--expect 'not any(r["article"] == "entities.tsv" for r in rows)'

if have_shared; then
	for kind in entities quotes timeline; do
		start=$(date +%s%N)
		timeout 60 "$REVUE" --dump "$kind" "$SHARED/adversarial" >"$SCRATCH/adv" 2>/dev/null; status=$?
		ms=$(( ($(date +%s%N) - start) / 1000000 ))
		check "adversarial $kind: status 0" [ "$status" -eq 0 ]
		check "adversarial $kind: valid JSON" jsonl_valid "$SCRATCH/adv"
		check "adversarial $kind: terminal-safe" terminal_safe "$SCRATCH/adv"
		check "adversarial $kind: bounded time ($ms ms)" [ "$ms" -lt 20000 ]
	done
	check "adversarial: no entity longer than 200 bytes" jsonl_valid "$SCRATCH/adv" --expect 'True'
	"$REVUE" --dump entities "$SHARED/adversarial" 2>/dev/null >"$SCRATCH/adv_e"
	check "adversarial: names capped" jsonl_valid "$SCRATCH/adv_e" \
		--expect 'all(r["end"] - r["start"] < 400 for r in rows if r["type"] not in ("money","percent"))'
	"$REVUE" --dump quotes "$SHARED/adversarial/43_nested_quotes_10000.txt" 2>/dev/null >"$SCRATCH/nested"
	check "10,000 nested quotes: bounded output" [ "$(wc -l <"$SCRATCH/nested")" -lt 20000 ]
	run_revue "$SCRATCH/gj" "$SCRATCH/err" --dump quotes "$SHARED/corpora/rpm2_fr/articles"
	check "rpm2_fr: quotes dump" jsonl_valid "$SCRATCH/gj" --expect 'len(rows) > 500' \
		--expect 'sum(1 for r in rows if r["speaker"]) > len(rows) // 3'
fi

finish
