#!/usr/bin/env bash
# make bench, the index cache's part: on a generated corpus, the first open
# (read, index, write the cache) with --dump timeline, then the reader's
# reopen from the cache in tmux, timed from inside with REVUE_TRACE (first
# screen, index published: both from the program's start), with its peak
# RSS and CPU time (the whole session: it quits once the index is there),
# and the cache's size. The cache lives in a scratch state folder, never
# the user's. Medians; not a test.
set -eu
SHARED=${SHARED:-../shared}
BUILD=${BUILD:-build}
REVUE=$(realpath "${REVUE:-./revue}")
N=${BENCH_CACHE_SIZE:-100000}
RUNS=${BENCH_RUNS:-3}
out="$BUILD/bench"
mkdir -p "$out"
report="$out/cache.md"
corpus=${BENCH_CACHE_CORPUS:-$out/corpus-$N}
if [ -z "${BENCH_CACHE_CORPUS:-}" ]; then
	stamp=$(sha1sum tests/bench/gen_corpus.py | cut -c1-12) # a new generator, a new corpus
	if [ "$(cat "$corpus/.complete" 2>/dev/null)" != "$stamp" ]; then
		echo "generating $N articles in $corpus ..." >&2
		rm -rf "$corpus"
		python3 tests/bench/gen_corpus.py "$SHARED" "$corpus" "$N" 1
		echo "$stamp" >"$corpus/.complete"
	fi
fi
state=$(mktemp -d /tmp/revue-bench-cache.XXXXXX)
sock="revue-bench-cache-$$"
tm() { tmux -u -L "$sock" "$@"; }
trap 'tm kill-server 2>/dev/null || true; rm -rf "$state"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "-"}'; }
export REVUE_STATE="$state/state.db"

find "$corpus" -type f -name '*.txt' -exec cat {} + >/dev/null # warm the page cache
s=$(date +%s%N)
/usr/bin/time -f %M -o "$state/rss.first" "$REVUE" --dump timeline "$corpus" >/dev/null
e=$(date +%s%N)
first_ms=$(( (e - s) / 1000000 ))
rss_first=$(( $(cat "$state/rss.first") / 1024 ))
size_mb=$(du -m "$state"/cache/*.idx | awk '{s += $1} END {print s}')

fs=() ix=() rss=() cpu=()
for i in $(seq "$RUNS"); do
	trace="$state/trace.$i"
	tm new-session -d -s "r$i" -x 160 -y 45 env LANG=C.UTF-8 TERM=tmux-256color REVUE_STATE="$REVUE_STATE" \
		REVUE_TRACE="$trace" /usr/bin/time -f '%U %S %M' -o "$state/rss.$i" "$REVUE" "$corpus"
	for _ in $(seq 1 600); do grep -q '^index' "$trace" 2>/dev/null && break; sleep 0.1; done
	tm send-keys -t "r$i" Q
	for _ in $(seq 1 100); do [ -s "$state/rss.$i" ] && break; sleep 0.1; done
	tm kill-session -t "r$i" 2>/dev/null || true
	fs+=("$(awk '$1 == "first-screen" {print $2}' "$trace")")
	ix+=("$(awk '$1 == "index" {print $2}' "$trace")")
	read -r u sy m < <(tail -1 "$state/rss.$i")
	rss+=("$(( m / 1024 ))")
	cpu+=("$(echo "$u + $sy" | bc -l)")
done
med() { printf '%s\n' "$@" | median; }
{
	echo "# The index cache"
	echo
	echo "$(date -u +%Y-%m-%d), $(nproc) cores; $N articles ($(du -sm "$corpus" | cut -f1) MB); reopen: medians of $RUNS runs in tmux (REVUE_TRACE, from the program's start)."
	echo
	echo "| first open: load + index + write (--dump timeline) | cache size | peak RSS, first open | reopen: first screen | reopen: index published | reopen: CPU (user + sys) | peak RSS, reopen |"
	echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	echo "| $first_ms ms | $size_mb MB | $rss_first MB | $(med "${fs[@]}") ms | $(med "${ix[@]}") ms | $(med "${cpu[@]}") s | $(med "${rss[@]}") MB |"
} >"$report"
cat "$report"
