#!/usr/bin/env bash
# make bench, the reader's part: revue in tmux on the bundled corpus and on
# a generated one, timed from inside with REVUE_TRACE (first screen: the
# frame, with the load's progress; list shown: the articles; index
# published; each key from read to doupdate), the corpus search as revue
# reports it, and bytes written to the terminal per line scrolled in the
# reading view beside less on the same article. Medians; not a test.
# BENCH_READER_BIG_ONLY=1 runs only the last part (the 100 MB article).
set -eu
SHARED=${SHARED:-../shared}
BUILD=${BUILD:-build}
REVUE=${REVUE:-./revue}
N=${BENCH_READER_SIZE:-10000}
out="$BUILD/bench"
mkdir -p "$out"
report="$out/reader.md"
sock="revue-bench-$$"
tm() { tmux -u -L "$sock" "$@"; }
trap 'tm kill-server 2>/dev/null || true' EXIT
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "-"}'; }

corpus="$out/corpus-$N"
stamp=$(sha1sum tests/bench/gen_corpus.py | cut -c1-12) # a new generator, a new corpus
if [ "${BENCH_READER_BIG_ONLY:-0}" != 1 ] && [ "$(cat "$corpus/.complete" 2>/dev/null)" != "$stamp" ]; then
	echo "generating $N articles in $corpus ..." >&2
	rm -rf "$corpus"
	python3 tests/bench/gen_corpus.py "$SHARED" "$corpus" "$N" 1
	echo "$stamp" >"$corpus/.complete"
fi

# drive NAME ARGS...: one session, keys sent once the index is published;
# leaves the trace in $out/trace.NAME and the last status line in $out/status.NAME
drive() {
	local name=$1; shift
	local trace="$out/trace.$name"
	rm -f "$trace"
	tm new-session -d -s "$name" -x 160 -y 45 env LANG=C.UTF-8 TERM=tmux-256color REVUE_TRACE="$trace" "$REVUE" "$@"
	for _ in $(seq 1 1200); do grep -q '^index' "$trace" 2>/dev/null && break; sleep 0.1; done
	for _ in $(seq 1 30); do tm send-keys -t "$name" j; sleep 0.03; done        # list: open the next
	tm send-keys -t "$name" 2
	for _ in $(seq 1 30); do tm send-keys -t "$name" j; sleep 0.03; done        # reader: a line
	for _ in $(seq 1 15); do tm send-keys -t "$name" Space; sleep 0.03; done    # reader: a page
	tm send-keys -t "$name" s m i c r o s o f t Enter
	for _ in $(seq 1 100); do tm capture-pane -p -t "$name" | grep -q ' ms' && break; sleep 0.1; done
	tm capture-pane -p -t "$name" | tail -1 >"$out/status.$name"
	tm send-keys -t "$name" Q
	sleep 0.5
	tm kill-session -t "$name" 2>/dev/null || true
}
stat_of() { # stat_of TRACE PATTERN: median ms of the matching lines
	grep -E "$2" "$1" | awk '{print $(NF-1)}' | median
}
row() {
	local name=$1 label=$2 t="$out/trace.$1"
	local search
	search=$(grep -o '[0-9]* ms' "$out/status.$name" | head -1)
	echo "| $label | $(stat_of "$t" '^first-screen') | $(stat_of "$t" '^list') | $(stat_of "$t" '^index') | $(stat_of "$t" '^key list down') | $(stat_of "$t" '^key reader down') | $(stat_of "$t" '^key reader page-down') | ${search:--} |"
}

big_only=${BENCH_READER_BIG_ONLY:-0}
if [ "$big_only" != 1 ]; then
drive bundled --no-cache     # the build behind the first screen; cache.sh times the reopen
drive generated --no-cache "$corpus"

# Bytes per line scrolled in the reading view, and less on the same text
# (tests/bench/scroll_bytes.py: a pseudo-terminal of 160x45, xterm-256color,
# 20 j once the screen is quiet, the bytes between the first and the last
# quiet, / 20). Four panes (the bundled corpus, the reader focused), list and
# reader only (e t), and the reader zoomed (z) on one long article: the
# bundled articles' bodies one after the other, as they are (highlights) and
# in lower case without digits or quotation marks (next to no highlight).
sb() { python3 tests/bench/scroll_bytes.py "$@" | cut -d' ' -f1; }
long="$out/long-article.txt" plain="$out/plain-article.txt"
{ echo "Title: Un long article"; echo; for f in corpus/*.txt; do sed '1,/^$/d' "$f"; echo; done; } >"$long"
{ echo "Title: un long article"; echo; for f in corpus/*.txt; do sed '1,/^$/d' "$f" | LC_ALL=C.UTF-8 sed 's/[0-9“”«»"]//g' | tr 'A-Z' 'a-z'; echo; done; } >"$plain"
st="$out/bytes-state.db"
rv=(env LANG=C.UTF-8 TERM=xterm-256color "$REVUE" --config none --state "$st")
ls=(env LANG=C.UTF-8 TERM=xterm-256color LESS= less)
b4=$(sb --pre 2 -- "${rv[@]}" corpus)
b2=$(sb --pre e,t,2 -- "${rv[@]}" corpus)
bzl=$(sb --pre 2,z -- "${rv[@]}" "$long")
bll=$(sb -- "${ls[@]}" "$long")
bzp=$(sb --pre 2,z -- "${rv[@]}" "$plain")
blp=$(sb -- "${ls[@]}" "$plain")
fi

# One 100 MB article: time until its first line is on the screen, and until
# its last line is, after G sent at once (revue: in the reading view, while
# the rest of the article loads), beside less; and for revue, G sent once
# the article is loaded whole (its title no longer says "loading the rest").
big="$out/big-article.txt"
if [ "$(stat -Lc%s "$big" 2>/dev/null || echo 0)" -lt 100000000 ]; then
	python3 - "$big" corpus <<'PY'
import os, sys
out, src = sys.argv[1], sys.argv[2]
paras = []
for f in sorted(os.listdir(src)):
    text = open(os.path.join(src, f), encoding="utf-8").read()
    paras += [p for p in text.split("\n\n")[1:] if p.strip()]
with open(out, "w", encoding="utf-8") as o:
    o.write("Title: Un très long article\n\n")
    size, i = 0, 0
    while size < 100_000_000:
        p = paras[i % len(paras)] + f" ({i})\n\n"
        o.write(p)
        size += len(p.encode())
        i += 1
    o.write("La toute dernière ligne de l'article.\n")
PY
fi
# until NAME TEXT: milliseconds from now until TEXT is on NAME's screen
until_on() {
	local s e
	s=$(date +%s%N)
	for _ in $(seq 1 6000); do
		tm capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2" && break
		sleep 0.01
	done
	e=$(date +%s%N)
	echo $(( (e - s) / 1000000 ))
}
first_line=$(sed -n 3p "$big" | cut -c1-30)
big_run() { # big_run NAME KEYS_FOR_END -- COMMAND...: "first-ms end-ms"
	local name=$1 endkeys=$2; shift 3
	tm new-session -d -s "$name" -x 160 -y 45 env LANG=C.UTF-8 TERM=tmux-256color "$@"
	local f
	f=$(until_on "$name" "$first_line")
	# shellcheck disable=SC2086
	tm send-keys -t "$name" $endkeys
	local g
	g=$(until_on "$name" "toute dernière ligne")
	tm kill-session -t "$name" 2>/dev/null || true
	echo "$f $g"
}
loaded_end() { # loaded_end NAME -- COMMAND...: ms from G, once loaded, to the last line
	local name=$1; shift 2
	tm new-session -d -s "$name" -x 160 -y 45 env LANG=C.UTF-8 TERM=tmux-256color "$@"
	until_on "$name" "$first_line" >/dev/null
	for _ in $(seq 1 3000); do
		tm capture-pane -p -t "$name" 2>/dev/null | grep -qF "loading the rest" || break
		sleep 0.02
	done
	tm send-keys -t "$name" 2 G
	until_on "$name" "toute dernière ligne"
	tm kill-session -t "$name" 2>/dev/null || true
}
runs=${BENCH_BIG_RUNS:-3}
rv_first=() rv_end=() rv_loaded=() ls_first=() ls_end=()
for _ in $(seq 1 "$runs"); do
	read -r f g < <(big_run bigrv "2 G" -- "$REVUE" --max-file-size 200M "$big")
	rv_first+=("$f") rv_end+=("$g")
	rv_loaded+=("$(loaded_end bigrv2 -- "$REVUE" --max-file-size 200M "$big")")
	read -r f g < <(big_run bigless "G" -- less "$big")
	ls_first+=("$f") ls_end+=("$g")
done
med() { printf '%s\n' "$@" | median; }
rvf=$(med "${rv_first[@]}") rve=$(med "${rv_end[@]}") lsf=$(med "${ls_first[@]}") lse=$(med "${ls_end[@]}")
rvl=$(med "${rv_loaded[@]}")

{
	echo "# The reader"
	echo
	echo "$(date -u +%Y-%m-%d), $(nproc) cores; 160x45 in tmux; milliseconds, medians (REVUE_TRACE)."
	if [ "$big_only" != 1 ]; then
	echo
	echo "| corpus | first screen | list shown | index published | key: list down (opens) | key: reader down | key: reader page | corpus search |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	row bundled "bundled (5)"
	row generated "generated ($N)"
	echo
	echo "Bytes written per line scrolled in the reading view (160x45, xterm-256color): $b4 with four panes,"
	echo "$b2 with list and reader; zoomed (z), $bzl on a long article (less: $bll) and $bzp on the same"
	echo "in lower case, next to no highlight (less: $blp)."
	fi
	echo
	echo "One article of $(( $(stat -Lc%s "$big") / 1000000 )) MB, milliseconds from the start to its first line on"
	echo "the screen, then from G (sent at once; for revue also once the article is loaded) to"
	echo "its last line (medians of $runs, polled every 10 ms in tmux):"
	echo
	echo "| | first screen | G: to the end | G once loaded |"
	echo "| --- | ---: | ---: | ---: |"
	echo "| revue | $rvf | $rve | $rvl |"
	echo "| less | $lsf | $lse | $lse |"
	echo "| ratio | $(echo "$rvf / ($lsf + 1)" | bc -l | xargs printf "%.1f") | $(echo "$rve / ($lse + 1)" | bc -l | xargs printf "%.1f") | $(echo "$rvl / ($lse + 1)" | bc -l | xargs printf "%.1f") |"
} >"$report"
cat "$report"
