#!/usr/bin/env bash
# make bench: generated corpora, load throughput, side by side with plain
# reads (cat) and ripgrep over the same files in the same run. Medians.
# Benchmarks, not tests: nothing here fails on a slow machine.
set -eu
SHARED=${SHARED:-../shared}
BUILD=${BUILD:-build}
SIZES=${BENCH_SIZES:-1000 10000 100000}
RUNS=${BENCH_RUNS:-5}
out="$BUILD/bench"
mkdir -p "$out"
report="$out/report.md"
cores=$(nproc)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_cmd() { # median wall seconds of a command over RUNS runs
	for _ in $(seq "$RUNS"); do
		s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
		echo "$e - $s" | bc -l
	done | median
}
{
	echo "# revue benchmarks"
	echo
	echo "$(date -u +%Y-%m-%d), $(uname -m), $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
	echo "Medians of $RUNS runs, warm page cache."
	echo
	echo "## Load (read + decode + validate + NFC + fold)"
	echo
	echo "| articles | MB | threads | median s | MB/s | peak RSS MB | cat MB/s | rg -c MB/s |"
	echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} >"$report"
for n in $SIZES; do
	dir="$out/corpus-$n"
	stamp=$(sha1sum tests/bench/gen_corpus.py | cut -c1-12) # a new generator, a new corpus
	if [ "$(cat "$dir/.complete" 2>/dev/null)" != "$stamp" ]; then
		echo "generating $n articles in $dir ..." >&2
		rm -rf "$dir"
		python3 tests/bench/gen_corpus.py "$SHARED" "$dir" "$n" 1
		echo "$stamp" >"$dir/.complete"
	fi
	find "$dir" -type f -name '*.txt' -exec cat {} + >/dev/null # warm the cache
	mb=$(du -sb --exclude=.complete "$dir" | awk '{printf "%.1f", $1/1e6}')
	t_cat=$(time_cmd sh -c "find '$dir' -type f -name '*.txt' -exec cat {} + >/dev/null")
	t_rg="-"
	if command -v rg >/dev/null; then t_rg=$(time_cmd rg -c zqxjkv "$dir"); fi
	for threads in "$cores" 1; do
		read -r arts bytes med mbs rss < <("$BUILD/bench_load" "$dir" "$RUNS" "$threads")
		cat_mbs=$(echo "$bytes / 1000000 / $t_cat" | bc -l | xargs printf "%.0f")
		rg_mbs="-"
		[ "$t_rg" = "-" ] || rg_mbs=$(echo "$bytes / 1000000 / $t_rg" | bc -l | xargs printf "%.0f")
		echo "| $arts | $mb | $threads | $med | $mbs | $rss | $cat_mbs | $rg_mbs |" >>"$report"
	done
done
{
	echo
	echo "## Index (tokens, names, amounts, quotes, timeline; corpus-wide resolution)"
	echo
	echo "| articles | MB | threads | median s | MB/s | peak RSS MB | RSS / corpus |"
	echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} >>"$report"
growth="" # "articles bytes seconds" of each size on all cores, for the growth line
for n in $SIZES; do
	dir="$out/corpus-$n"
	for threads in "$cores" 1; do
		read -r arts bytes med mbs rss < <("$BUILD/bench_load" "$dir" "$RUNS" "$threads" index)
		mb=$(echo "$bytes / 1000000" | bc -l | xargs printf "%.1f")
		ratio=$(echo "$rss * 1048576 / $bytes" | bc -l | xargs printf "%.2f") # peak RSS (MiB) over the bodies
		echo "| $arts | $mb | $threads | $med | $mbs | $rss | $ratio |" >>"$report"
		[ "$threads" = "$cores" ] && growth="$growth$arts $bytes $med"$'\n'
	done
done
# how time grows with the corpus: time ratio over bytes ratio, each size to the next
echo "$growth" | awk 'NF == 3 { if (pb) printf "\n%d to %d articles: %.2f times the bytes, %.2f times the time (%.2f of linear)\n", pa, $1, $2 / pb, $3 / pt, ($3 / pt) / ($2 / pb); pa = $1; pb = $2; pt = $3 }' >>"$report"
{
	echo
	echo "## Links (content words, fingerprints, pairs, alignment, clusters; rv_links_build alone)"
	echo
	echo "| articles | MB | threads | median s | MB/s | peak RSS MB |"
	echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
} >>"$report"
for n in $SIZES; do
	dir="$out/corpus-$n"
	read -r arts bytes med mbs rss < <("$BUILD/bench_load" "$dir" "$RUNS" "$cores" link)
	mb=$(echo "$bytes / 1000000" | bc -l | xargs printf "%.1f")
	echo "| $arts | $mb | $cores | $med | $mbs | $rss |" >>"$report"
done
gj="$SHARED/corpora/gilets_jaunes_fr/articles"
if [ -d "$gj" ]; then
	read -r arts bytes med mbs rss < <("$BUILD/bench_load" "$gj" "$RUNS" "$cores" link)
	mb=$(echo "$bytes / 1000000" | bc -l | xargs printf "%.1f")
	echo "| $arts (gilets_jaunes_fr) | $mb | $cores | $med | $mbs | $rss |" >>"$report"
fi
cat "$report"
echo "(written to $report)"
