#!/usr/bin/env bash
# make bench, the corpus search, cold and already open, beside `rg -c` and
# `pcre2grep -c` over the same files in the same run, for a literal and for
# a regex, at each generated size. Medians of RUNS runs, warm page cache.
# Cold: `revue --grep PATTERN DIR`, a whole process (each file read up to
# its body, decoded, normalised, folded, searched, dropped). Already open:
# the reader's `s`, rv_search_corpus over a corpus loaded once, timed by
# $BUILD/bench_search without a terminal. rg and pcre2grep read bytes;
# revue matches case- and accent-insensitively. Not a test: nothing here
# fails on a slow machine.
set -eu
SHARED=${SHARED:-../shared}
BUILD=${BUILD:-build}
REVUE=${REVUE:-./revue}
SIZES=${BENCH_SIZES:-1000 10000 100000}
RUNS=${BENCH_RUNS:-5}
out="$BUILD/bench"
corpora=${BENCH_CORPORA:-$out} # where corpus-N are (run.sh makes them)
report="$out/search.md"
mkdir -p "$out"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
once() { # wall seconds of one run of a command
	local s e
	s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
	echo "$e - $s" | bc -l
}
ratio() { echo "$1 / $2" | bc -l | xargs printf "%.2f"; }
{
	echo "# The corpus search (revue --grep, and the reader's s) beside rg and pcre2grep"
	echo
	echo "$(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg) at the start."
	echo "Medians of $RUNS runs, warm page cache; seconds, then revue's time over each"
	echo "tool's. rg -c -S (smart case) and pcre2grep -c -i -r count lines per file;"
	echo "revue counts matches per article. Cold: revue --grep, a whole process. Open:"
	echo "the reader's corpus search on the corpus already loaded (bench_search)."
	echo
	echo "| articles | MB | pattern | cold s | rg s | pcre2grep s | cold/rg | cold/pcre2grep | open s | open/rg |"
	echo "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} >"$report"
for n in $SIZES; do
	dir="$corpora/corpus-$n"
	if [ ! -f "$dir/.complete" ]; then
		echo "search.sh: $dir missing (tests/bench/run.sh generates it); skipped" >&2
		continue
	fi
	find "$dir" -type f -name '*.txt' -exec cat {} + >/dev/null # warm the cache
	mb=$(du -sb --exclude=.complete "$dir" | awk '{printf "%.1f", $1/1e6}')
	for pat in 'gouvernement' 'milliards? de (dollars|euros)'; do
		# the tools in turn within each run, so that a busy moment weighs on all
		rm -f "$out/search.t"
		for _ in $(seq "$RUNS"); do
			echo "rv $(once "$REVUE" --grep "$pat" "$dir")" >>"$out/search.t"
			echo "rg $(once rg -c -S -- "$pat" "$dir")" >>"$out/search.t"
			if command -v pcre2grep >/dev/null; then
				echo "pg $(once pcre2grep -c -i -r --include='\.txt$' -- "$pat" "$dir")" >>"$out/search.t"
			fi
		done
		t_rv=$(awk '$1 == "rv" {print $2}' "$out/search.t" | median)
		t_rg=$(awk '$1 == "rg" {print $2}' "$out/search.t" | median)
		t_pg=$(awk '$1 == "pg" {print $2}' "$out/search.t" | median)
		[ -n "$t_pg" ] || t_pg="-"
		rm -f "$out/search.t"
		r_pg="-"
		[ "$t_pg" = "-" ] || { r_pg=$(ratio "$t_rv" "$t_pg"); t_pg=$(printf "%.3f" "$t_pg"); }
		t_open="-" r_open="-"
		if [ -x "$BUILD/bench_search" ]; then
			t_open=$("$BUILD/bench_search" "$dir" "$RUNS" 0 "$pat" | awk '{print $3}')
			r_open=$(ratio "$t_open" "$t_rg")
		fi
		printf '| %s | %s | `%s` | %.3f | %.3f | %s | %s | %s | %s | %s |\n' "$(find "$dir" -name '*.txt' | wc -l)" \
			"$mb" "${pat//|/\\|}" "$t_rv" "$t_rg" "$t_pg" "$(ratio "$t_rv" "$t_rg")" "$r_pg" "$t_open" "$r_open" >>"$report"
	done
done
cat "$report"
