#!/usr/bin/env bash
# The command line as a user meets it: --help, --version, --dump articles on
# the bundled corpus, and every error path with its exit status.
. "$(dirname "$0")/lib.sh"

KEYS=id,title,date,source,lang,encoding,bytes,words

run_revue "$SCRATCH/out" "$SCRATCH/err" --help
check "--help exits 0" [ "$status" -eq 0 ]
check "--help shows the usage" grep -q '^Usage: revue \[OPTIONS\] \[PATH...\]' "$SCRATCH/out"
check "--help names --dump" grep -q -- '--dump KIND' "$SCRATCH/out"

run_revue "$SCRATCH/out" "$SCRATCH/err" --version
check "--version" grep -qE '^revue [0-9]+\.[0-9]+\.[0-9]+$' "$SCRATCH/out"

# The bundled corpus, found from any working directory.
(cd / && "$REVUE" --dump articles >"$SCRATCH/articles" 2>"$SCRATCH/err"); status=$?
check "bundled corpus dumps" [ "$status" -eq 0 ]
check "bundled corpus: no warning" [ ! -s "$SCRATCH/err" ]
check "bundled corpus: five articles with every key" jsonl_valid "$SCRATCH/articles" --count 5 --keys "$KEYS" \
	--expect 'by_id["001_fd70df3b9bc0aabe.txt"]["title"] == "Microsoft et OpenAI : les motifs du divorce dévoilés"' \
	--expect 'by_id["004_adeceaaae8a7c653.txt"]["date"] == "2025-03"' \
	--expect '"2025" not in by_id["004_adeceaaae8a7c653.txt"]["title"]' \
	--expect 'by_id["004_adeceaaae8a7c653.txt"]["title"].startswith("La collaboration entre OpenAI")' \
	--expect 'by_id["000_679a9a29bead16d9.txt"]["title"] == "Microsoft va développer ses propres modèles d\x27IA au lieu de compter sur ceux d\x27OpenAI"' \
	--expect 'all(r["lang"] == "fr" and r["encoding"] == "utf-8" for r in rows)' \
	--expect 'all(r["words"] > 300 for r in rows)' \
	--expect '[r["id"] for r in rows] == sorted(r["id"] for r in rows)'

# Same answer with one thread and with many.
"$REVUE" -j 1 --dump articles >"$SCRATCH/one" 2>/dev/null
"$REVUE" --threads 8 --dump articles >"$SCRATCH/many" 2>/dev/null
check "output does not depend on the thread count" cmp -s "$SCRATCH/one" "$SCRATCH/many"
check "-j 1 is the bundled dump" cmp -s "$SCRATCH/one" "$SCRATCH/articles"

# A list of files, whatever their names.
cp "$SRC_DIR/corpus/001_fd70df3b9bc0aabe.txt" "$SCRATCH/article.data"
run_revue "$SCRATCH/out" "$SCRATCH/err" --dump articles "$SCRATCH/article.data" "$SRC_DIR/corpus/000_679a9a29bead16d9.txt"
check "file list: two articles" jsonl_valid "$SCRATCH/out" --count 2 \
	--expect 'rows[0]["id"].endswith("article.data")'

# Usage errors: status 2, one line naming the problem, then the hint.
for args in "--bogus" "--dump" "--dump nosuchkind" "--max-file-size 12Q" "--max-file-size -5" "-j 0" "-j many"; do
	# shellcheck disable=SC2086
	run_revue "$SCRATCH/out" "$SCRATCH/err" $args
	check "'$args' is a usage error (2)" [ "$status" -eq 2 ]
	check "'$args' says what is wrong" grep -q "^revue: " "$SCRATCH/err"
	check "'$args' prints nothing on stdout" [ ! -s "$SCRATCH/out" ]
done

# Other errors: status 1, one clear line naming the path.
run_revue "$SCRATCH/out" "$SCRATCH/err" --dump articles /nonexistent/press
check "missing path: status 1" [ "$status" -eq 1 ]
check "missing path: named" grep -qx "revue: /nonexistent/press: No such file or directory" "$SCRATCH/err"
mkdir "$SCRATCH/empty"
run_revue "$SCRATCH/out" "$SCRATCH/err" --dump articles "$SCRATCH/empty"
check "empty directory: status 1" [ "$status" -eq 1 ]
check "empty directory: one line naming it" [ "$(wc -l <"$SCRATCH/err")" -eq 1 ]
check "empty directory: named" grep -q "$SCRATCH/empty: no article found" "$SCRATCH/err"
mkdir "$SCRATCH/binary"
printf 'PK\003\004\000\000binary' >"$SCRATCH/binary/a.txt"
head -c 4096 /dev/urandom | tr -d '\n' | sed 's/^/\x00/' >"$SCRATCH/binary/b.txt"
run_revue "$SCRATCH/out" "$SCRATCH/err" --dump articles "$SCRATCH/binary"
check "only unreadable files: status 1" [ "$status" -eq 1 ]
check "only unreadable files: each named" grep -q "a.txt: binary file" "$SCRATCH/err"
check "only unreadable files: summary" grep -q "no readable article (2 files tried)" "$SCRATCH/err"

# The size limit refuses by name and loads the rest.
run_revue "$SCRATCH/out" "$SCRATCH/err" --max-file-size 3K --dump articles
check "size limit: others load" jsonl_valid "$SCRATCH/out" --count 2
check "size limit: refused by name" grep -q "000_679a9a29bead16d9.txt: too large (5159 bytes" "$SCRATCH/err"

# --grep: the reader's corpus search from the command line, counted per
# article like rg -c; grep's exit status.
run_revue "$SCRATCH/out" "$SCRATCH/err" --grep Suleyman
check "--grep: status 0 when found" [ "$status" -eq 0 ]
check "--grep: ID:COUNT per article with a match" grep -qx "001_fd70df3b9bc0aabe.txt:4" "$SCRATCH/out"
check "--grep: only articles with a match" [ "$(wc -l <"$SCRATCH/out")" -eq 4 ]
run_revue "$SCRATCH/out" "$SCRATCH/err" --grep modele
check "--grep: accents ignored when the pattern has none" grep -qx "000_679a9a29bead16d9.txt:10" "$SCRATCH/out"
run_revue "$SCRATCH/out" "$SCRATCH/err" --grep modèle
check "--grep: accents matter when the pattern has some" [ "$status" -eq 0 -a "$(wc -l <"$SCRATCH/out")" -ge 1 ]
run_revue "$SCRATCH/lower" "$SCRATCH/err" --grep microsoft
run_revue "$SCRATCH/upper" "$SCRATCH/err" --grep MICROSOFT
check "--grep: smart case (lower case matches any case, upper case only itself)" \
	[ -s "$SCRATCH/lower" -a "$status" -eq 1 -a ! -s "$SCRATCH/upper" ]
run_revue "$SCRATCH/out" "$SCRATCH/err" --grep zzqxjv
check "--grep: status 1 when none" [ "$status" -eq 1 -a ! -s "$SCRATCH/out" ]
run_revue "$SCRATCH/out" "$SCRATCH/err" --grep '('
check "--grep: a bad pattern is status 2, one line" [ "$status" -eq 2 -a "$(wc -l <"$SCRATCH/err")" -eq 1 ]
check "--grep: says why" grep -q "^revue: --grep: missing closing parenthesis" "$SCRATCH/err"
run_revue "$SCRATCH/out" "$SCRATCH/err" --grep x --dump articles
check "--grep with --dump: usage error" [ "$status" -eq 2 ]
# --grep reads each file itself, without loading the corpus: the load's
# warnings and errors all the same, word for word and in order
grep_says_as_load() { # grep_says_as_load WHAT ARGS...
	local what=$1; shift
	run_revue "$SCRATCH/out" "$SCRATCH/err.load" --dump articles "$@"
	run_revue "$SCRATCH/out" "$SCRATCH/err.grep" --grep zzqxjv "$@"
	check "--grep: the load's messages ($what)" cmp -s "$SCRATCH/err.load" "$SCRATCH/err.grep"
}
grep_says_as_load "size limit" --max-file-size 3K
grep_says_as_load "no readable article" "$SCRATCH/binary"
grep_says_as_load "a path missing" "$SCRATCH/binary" "$SCRATCH/no-such-dir"
if have_shared; then grep_says_as_load "hostile files" "$SHARED/adversarial"; fi
if have_shared; then
	# every hostile pattern of ../shared/adversarial/regexes.txt: bounded,
	# and a stopped search says so (status 2), never a silent "not found"
	slow=""
	while IFS=$'\t' read -r id pat subj _; do
		case $id in R[0-9]*) ;; *) continue ;; esac
		[ "${#pat}" -gt 4000 ] && continue # R18: longer than a command line should be
		f="$SHARED/adversarial/regex_subjects/$subj"
		[ -e "$f" ] || continue
		t0=$(date +%s%N)
		timeout 30 "$REVUE" --grep "$pat" "$f" >"$SCRATCH/out" 2>"$SCRATCH/err"
		st=$?
		ms=$(( ($(date +%s%N) - t0) / 1000000 ))
		[ "$ms" -lt 10000 ] || slow="$slow $id(${ms}ms)"
		[ "$st" -le 2 ] || slow="$slow $id(status $st)"
		if [ "$st" -eq 2 ] && ! grep -q "^revue: --grep: " "$SCRATCH/err"; then slow="$slow $id(silent)"; fi
	done <"$SHARED/adversarial/regexes.txt"
	check "--grep: every hostile pattern bounded and told${slow:+:$slow}" [ -z "$slow" ]
	run_revue "$SCRATCH/out" "$SCRATCH/err" --grep 'a*a*(?:b|c)' "$SHARED/adversarial/regex_subjects/r13.txt"
	check "--grep: a stopped search names the article" grep -q "search stopped: the pattern is too costly on .*r13.txt" "$SCRATCH/err"
fi

finish
