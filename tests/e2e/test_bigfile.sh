#!/usr/bin/env bash
# A huge article in the reader (issues 5 and 7): its first screen comes
# before the whole file is read, G shows its real last line at once (the
# file's last part while the rest loads, a window wrapped from the end
# afterwards), scrolling back from a window is in order, a search finds a
# line in its middle, and q quits while it is still loading. The article
# is generated here: 24 MB of numbered one-line paragraphs.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/tmux.inc"

# above NAME N: the screen shows consecutive paragraphs, the first before N
above() {
	local t=0
	while [ "$t" -lt 300 ]; do
		screen "$1" | grep -o 'Paragraphe [0-9]*' |
			awk -v lim="$2" '{n = $2 + 0} NR > 1 && n != p + 1 {bad = 1} NR == 1 {f = n} {p = n}
				END {exit !(NR > 5 && !bad && f < lim)}' && return 0
		sleep 0.05
		t=$((t + 1))
	done
	echo "--- screen of $1 (want consecutive paragraphs from before $2):"
	screen "$1"
	return 1
}

big="$SCRATCH/huge.txt"
python3 - "$big" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as o:
    o.write("Title: Un article géant\n\nPremière ligne du très long article.\n")
    n = 300000
    for i in range(1, n + 1):
        word = "zanzibarique" if i == n // 2 else "ordinaire"
        o.write(f"Paragraphe {i:06d} : une ligne {word} de l'article, avec é, « guillemets » et 42 €.\n")
    o.write("Dernière ligne, la toute fin.\n")
PY

# The first screen, and G to the end while the rest is loading.
start big 140 40 REVUE_TRACE="$SCRATCH/trace.big" -- "$big"
check "first screen: the first line" wait_for big "Première ligne du très long article."
check "first screen: the article's title" wait_for big "Un article géant"
keys big Enter # opened: a read mark, saved once the article is whole (its hash keys it)
keys big 2 G
check "G: the real last line" wait_for big "Dernière ligne, la toute fin."
check "G: the line above it" wait_for big "Paragraphe 300000 :"
check "the rest of the article loads" wait_gone big "loading the rest" 60
check "loaded: still at the end" wait_for big "Dernière ligne, la toute fin."
first=$(awk '/^first-screen/ {print $2}' "$SCRATCH/trace.big")
loaded=$(awk '/^article loaded/ {print $3}' "$SCRATCH/trace.big")
check "the first screen came before the whole was read (${first:-?} ms, loaded at ${loaded:-?} ms)" \
	awk -v f="${first:-0}" -v l="${loaded:-0}" 'BEGIN {exit !(f > 0 && l > 0 && f < l / 2)}'

# On the loaded body: g, G, and scrolling back from a window at the end.
keys big g
check "g: the first line again" wait_for big "Première ligne du très long article."
keys big G
check "G on the loaded body: the last line" wait_for big "Dernière ligne, la toute fin."
check "G: a byte percentage, not a line count" line big "Reader .* 100%"
for _ in 1 2 3 4 5 6; do keys big PPage; done
check "page up from the end: lines before the window, in order" above big 299950

# A search: the match far from both ends, and the lines around it.
keys big /
keys big zanzibarique Enter
check "search: the match in the middle" wait_for big "Paragraphe 150000 : une ligne zanzibarique"
check "search: the line before it" wait_for big "Paragraphe 149999 :"
check "search: match 1/1" wait_for big "match 1/1"
keys big k k k k k k k k k k k k k k k k k k
check "k from the match: lines before the window, in order" above big 149997
keys big q
check "q quits" wait_exit big
check "q: status 0" grep -qx 0 "$SCRATCH/status.big"

run_revue "$SCRATCH/state.out" "$SCRATCH/state.err" --dump state "$big"
check "the read mark given while loading is saved under the whole article" \
	grep -q '"read":true' "$SCRATCH/state.out"

# q while the article is still loading quits at once.
start quick 140 40 -- "$big"
check "second run: the first line" wait_for quick "Première ligne du très long article."
keys quick q
check "q during the load: quits at once" wait_exit quick
check "q during the load: status 0" grep -qx 0 "$SCRATCH/status.quick"

finish
