#!/usr/bin/env bash
# Hostile input through the real binary: the adversarial corpus, hostile file
# names, links and special files, and the real corpora all at once. Nothing
# may crash, hang, or put a control sequence on stdout or stderr.
. "$(dirname "$0")/lib.sh"

if ! have_shared; then
	echo "test_hostile.sh: ../shared not found, skipped"
	echo "test_hostile.sh: 0 passed, 0 failed"
	exit 0
fi

run_revue "$SCRATCH/out" "$SCRATCH/err" --dump articles "$SHARED/adversarial"
check "adversarial: status 0" [ "$status" -eq 0 ]
check "adversarial: valid JSON Lines" jsonl_valid "$SCRATCH/out" --keys id,title,encoding \
	--expect 'by_id["40_latin1_french.txt"]["encoding"] == "windows-1252"' \
	--expect 'by_id["38_utf16le_bom.txt"]["title"] == "L\x27été à Noël"' \
	--expect '"31_binary_gzip.txt" not in by_id' \
	--expect 'by_id["15_utf8_invalid_in_headers.txt"]["date"] is None'
check "adversarial: dump is terminal-safe" terminal_safe "$SCRATCH/out"
check "adversarial: warnings are terminal-safe" terminal_safe "$SCRATCH/err"
check "adversarial: binary files named" grep -q "32_binary_random_64KiB.txt: binary file" "$SCRATCH/err"

# Hostile names, links and special files need the generator's full tree.
python3 "$SHARED/adversarial/generate.py" "$SCRATCH/adv" >/dev/null 2>&1
python3 "$SHARED/adversarial/generate.py" "$SCRATCH/adv2" --hazards "$SCRATCH/hazards" >/dev/null 2>&1
( cd "$SCRATCH" && timeout 20 "$REVUE" --dump articles "$SCRATCH/adv/names" >"$SCRATCH/out" 2>"$SCRATCH/err" ); status=$?
check "names: status 0" [ "$status" -eq 0 ]
check "names: no command ran" [ ! -e "$SCRATCH/PWNED" ]
check "names: valid JSON Lines" jsonl_valid "$SCRATCH/out" \
	--expect 'len(rows) >= 18' \
	--expect 'any(r["id"] == "caf\u00e9.txt" for r in rows) and any(r["id"] == "cafe\u0301.txt" for r in rows)' \
	--expect 'any(r["id"] == "-n.txt" for r in rows) and any(r["id"] == "--help.txt" for r in rows)' \
	--expect 'not any(r["id"].startswith(".hidden") for r in rows)'
check "names: dump is terminal-safe" terminal_safe "$SCRATCH/out"
check "names: warnings are terminal-safe" terminal_safe "$SCRATCH/err"
check "names: a directory named *.txt is not an article" \
	jsonl_valid "$SCRATCH/out" --expect 'not any("dir_named_like_article" in r["id"] for r in rows)'

timeout 20 "$REVUE" --dump articles "$SCRATCH/adv/special" >"$SCRATCH/out" 2>"$SCRATCH/err"; status=$?
check "special: status 0, no hang" [ "$status" -eq 0 ]
check "special: regular file and good link load" jsonl_valid "$SCRATCH/out" --count 2 \
	--expect 'sorted(by_id) == ["good_link.txt", "regular.txt"]'
check "special: loop reported" grep -q "loop_a.txt: broken link" "$SCRATCH/err"
check "special: /dev/zero link refused" grep -q "dev_zero.txt: link leads outside the corpus" "$SCRATCH/err"
check "special: /etc/passwd link refused" grep -q "outside_dir.txt: link leads outside the corpus" "$SCRATCH/err"

if [ -d "$SCRATCH/hazards" ]; then
	timeout 20 "$REVUE" --dump articles "$SCRATCH/hazards" >"$SCRATCH/out" 2>"$SCRATCH/err"; status=$?
	check "hazards: no hang" [ "$status" -ne 124 ]
	check "hazards: FIFO reported, not opened blocking" grep -q "a FIFO, not read" "$SCRATCH/err"
	check "hazards: sparse 10 GiB refused" grep -q "too large" "$SCRATCH/err"
fi

# All the real corpora at once: every article file becomes a JSON line.
expected=$(find "$SHARED/corpora" -type f \( -iname '*.txt' -o -iname '*.md' \) ! -name '.*' | wc -l)
run_revue "$SCRATCH/out" "$SCRATCH/err" --dump articles "$SHARED/corpora"
check "corpora: status 0" [ "$status" -eq 0 ]
check "corpora: no warning" [ ! -s "$SCRATCH/err" ]
check "corpora: one line per file ($expected)" jsonl_valid "$SCRATCH/out" --count "$expected" \
	--expect 'all(r["lang"] in ("fr", "en", "other") for r in rows)' \
	--expect 'sum(1 for r in rows if r["id"].startswith("rpm2_fr/articles/") and r["lang"] == "fr") == 400'
check "corpora: terminal-safe" terminal_safe "$SCRATCH/out"

finish
