#!/usr/bin/env bash
# The index cache through the real binary: dumps through it are byte for
# byte those of a fresh build (--no-cache), on the bundled corpus and a real
# one; the reader's second start has its index with the first screen; a
# file changed between runs shows its new text; a damaged cache is refused
# with a one-line notice and the results stay right; an unwritable cache is
# a one-line warning.
. "$(dirname "$0")/lib.sh"

CACHE_DIR="$(dirname "$REVUE_STATE")/cache"
cp -r "$SRC_DIR/corpus" "$SCRATCH/corpus"
C="$SCRATCH/corpus"
KINDS="articles entities quotes timeline links"

same_dumps() { # same_dumps LABEL PATH: every kind, fresh vs first (writes) vs second (reads)
	local label=$1 path=$2 k
	for k in $KINDS; do
		"$REVUE" --no-cache --dump "$k" "$path" >"$SCRATCH/fresh.$k" 2>/dev/null
	done
	for k in $KINDS; do "$REVUE" --dump "$k" "$path" >"$SCRATCH/one.$k" 2>"$SCRATCH/err1"; done
	for k in $KINDS; do "$REVUE" --dump "$k" "$path" >"$SCRATCH/two.$k" 2>"$SCRATCH/err2"; done
	for k in $KINDS; do
		check "$label: --dump $k through the cache equals a fresh build" \
			cmp -s "$SCRATCH/fresh.$k" "$SCRATCH/two.$k"
		check "$label: --dump $k writing the cache equals a fresh build" \
			cmp -s "$SCRATCH/fresh.$k" "$SCRATCH/one.$k"
	done
	check "$label: nothing on stderr" [ ! -s "$SCRATCH/err2" ]
}

same_dumps bundled "$C"
check "a cache file beside the state store" sh -c "ls '$CACHE_DIR'/*.idx >/dev/null"
check "no temporary file left" sh -c "! ls '$CACHE_DIR' | grep -v '\.idx\$'"
if have_shared; then
	same_dumps basil_en "$SHARED/corpora/basil_en"
fi

# A changed file: read again, its new text in the dumps.
first=$(ls "$C" | head -1)
{ printf 'title: Zorglub revient\n\n'; cat "$C/$first"; } >"$SCRATCH/x" && mv "$SCRATCH/x" "$C/$first"
"$REVUE" --no-cache --dump articles "$C" >"$SCRATCH/fresh.articles"
"$REVUE" --dump articles "$C" >"$SCRATCH/two.articles"
check "changed file: its new title is dumped" grep -q 'Zorglub revient' "$SCRATCH/two.articles"
check "changed file: the same dump as a fresh build" cmp -s "$SCRATCH/fresh.articles" "$SCRATCH/two.articles"

# A damaged cache: one line naming it, then the right results and a new cache.
idx=$(ls "$CACHE_DIR"/*.idx | head -1)
"$REVUE" --dump entities "$C" >/dev/null 2>&1 # the cache of C holds its changed file now
idx=$(ls -t "$CACHE_DIR"/*.idx | head -1)
python3 - "$idx" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
b[len(b) // 2] ^= 0x10
open(p, "wb").write(b)
PY
"$REVUE" --no-cache --dump entities "$C" >"$SCRATCH/fresh.entities"
"$REVUE" --dump entities "$C" >"$SCRATCH/dmg.entities" 2>"$SCRATCH/err"
check "damaged cache: a one-line notice" [ "$(wc -l <"$SCRATCH/err")" -eq 1 ]
check "damaged cache: the notice names the cache" grep -q "$(basename "$idx").*index cache is damaged" "$SCRATCH/err"
check "damaged cache: right results" cmp -s "$SCRATCH/fresh.entities" "$SCRATCH/dmg.entities"
"$REVUE" --dump entities "$C" >"$SCRATCH/dmg2.entities" 2>"$SCRATCH/err"
check "damaged cache: rebuilt (no notice the next time)" [ ! -s "$SCRATCH/err" ]
printf 'garbage' >"$idx"
"$REVUE" --dump entities "$C" >"$SCRATCH/dmg.entities" 2>"$SCRATCH/err"
check "garbage cache: a notice and right results" sh -c "grep -q 'index cache' '$SCRATCH/err' && cmp -s '$SCRATCH/fresh.entities' '$SCRATCH/dmg.entities'"

# Unwritable: a one-line warning, the dump unchanged.
"$REVUE" --cache /proc/revue/none.idx --dump entities "$C" >"$SCRATCH/unw.entities" 2>"$SCRATCH/err"
status=$?
check "unwritable cache: status 0" [ "$status" -eq 0 ]
check "unwritable cache: one line" sh -c "[ \$(wc -l <'$SCRATCH/err') -eq 1 ] && grep -q 'cannot write the index cache' '$SCRATCH/err'"
check "unwritable cache: right results" cmp -s "$SCRATCH/fresh.entities" "$SCRATCH/unw.entities"
# --no-cache writes nothing
"$REVUE" --no-cache --cache "$SCRATCH/nc.idx" --dump entities "$C" >/dev/null 2>&1
check "--no-cache writes no cache" [ ! -e "$SCRATCH/nc.idx" ]
check "--help names --no-cache" sh -c "'$REVUE' --help | grep -q -- --no-cache"

# The reader: the second start has the index with its first screen.
. "$E2E_DIR/tmux.inc"
R="$SCRATCH/rcorpus"
cp -r "$SRC_DIR/corpus" "$R"
start r1 160 45 "REVUE_STATE=$REVUE_STATE" "REVUE_TRACE=$SCRATCH/trace1" -- "$R"
check "reader 1: indexed" ready r1
screen r1 | head -1 | grep -o '[0-9]* entities' >"$SCRATCH/count1"
keys r1 Q
check "reader 1: exits" wait_exit r1
start r2 160 45 "REVUE_STATE=$REVUE_STATE" "REVUE_TRACE=$SCRATCH/trace2" -- "$R"
check "reader 2: ready" ready r2
# (the first screen is the frame while the files are read; the list follows)
check "reader 2: the index is there with the list" awk '
	$1 == "first-screen" && f == "" { f = $2 } $1 == "list" { f = $2 } $1 == "index" { i = $2 }
	END { exit !(f != "" && i != "" && i - f < 20) }' "$SCRATCH/trace2"
screen r2 | head -1 | grep -o '[0-9]* entities' >"$SCRATCH/count2"
check "reader 2: as many entities as a fresh build" sh -c "[ -s '$SCRATCH/count1' ] && cmp -s '$SCRATCH/count1' '$SCRATCH/count2'"
keys r2 Q
check "reader 2: exits" wait_exit r2
# a file changed between two starts: its new title on the screen
first=$(ls "$R" | head -1)
{ printf 'title: Zorglub revient\n\n'; cat "$R/$first"; } >"$SCRATCH/x" && mv "$SCRATCH/x" "$R/$first"
start r3 160 45 "REVUE_STATE=$REVUE_STATE" "REVUE_TRACE=$SCRATCH/trace3" -- "$R"
check "reader 3: the changed file's new title" wait_for r3 "Zorglub revient"
check "reader 3: indexed" ready r3
keys r3 Q
check "reader 3: exits" wait_exit r3
# a damaged cache: the notice in the status line, the index built
for f in "$(dirname "$REVUE_STATE")"/cache/*.idx; do printf 'garbage' >"$f"; done
start r4 160 45 "REVUE_STATE=$REVUE_STATE" -- "$R"
check "reader 4: damaged cache, a notice" wait_for r4 "index cache"
check "reader 4: indexed all the same" ready r4
keys r4 Q
check "reader 4: exits" wait_exit r4
finish
