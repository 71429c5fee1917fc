#!/usr/bin/env bash
# make bench, the corpus search: `revue --grep PATTERN` (load, then the
# reader's search over every article, counted per article) beside `rg -c`
# and `pcre2grep -c` over the same files in the same run, for a literal and
# for a regex, at each generated size. Medians of RUNS runs, warm cache.
# rg and pcre2grep read bytes; revue also decodes, normalises and folds
# every article first, and matches case- and accent-insensitively. Not a
# test: nothing here fails on a slow machine.
set -eu
SHARED=${SHARED:-../shared}
BUILD=${BUILD:-build}
REVUE=${REVUE:-./revue}
SIZES=${BENCH_SIZES:-1000 10000 100000}
RUNS=${BENCH_RUNS:-5}
out="$BUILD/bench"
report="$out/search.md"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_cmd() { # median wall seconds of a command over RUNS runs
	for _ in $(seq "$RUNS"); do
		s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
		echo "$e - $s" | bc -l
	done | median
}
ratio() { echo "$1 / $2" | bc -l | xargs printf "%.1f"; }
{
	echo "# revue --grep beside rg and pcre2grep"
	echo
	echo "$(date -u +%Y-%m-%d), $(nproc) cores. Medians of $RUNS runs, warm page cache;"
	echo "seconds, then revue's time over each tool's. rg -c -S (smart case) and"
	echo "pcre2grep -c -i -r count lines per file; revue counts matches per article."
	echo
	echo "| articles | MB | pattern | revue s | rg s | pcre2grep s | revue/rg | revue/pcre2grep |"
	echo "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
} >"$report"
for n in $SIZES; do
	dir="$out/corpus-$n"
	if [ ! -f "$dir/.complete" ]; then
		echo "search.sh: $dir missing (tests/bench/run.sh generates it); skipped" >&2
		continue
	fi
	find "$dir" -type f -name '*.txt' -exec cat {} + >/dev/null # warm the cache
	mb=$(du -sb --exclude=.complete "$dir" | awk '{printf "%.1f", $1/1e6}')
	for pat in 'gouvernement' 'milliards? de (dollars|euros)'; do
		t_rv=$(time_cmd "$REVUE" --grep "$pat" "$dir")
		t_rg=$(time_cmd rg -c -S -- "$pat" "$dir")
		t_pg="-"
		if command -v pcre2grep >/dev/null; then
			t_pg=$(time_cmd pcre2grep -c -i -r --include='\.txt$' -- "$pat" "$dir")
		fi
		r_pg="-"
		[ "$t_pg" = "-" ] || { r_pg=$(ratio "$t_rv" "$t_pg"); t_pg=$(printf "%.3f" "$t_pg"); }
		printf '| %s | %s | `%s` | %.3f | %.3f | %s | %s | %s |\n' "$(find "$dir" -name '*.txt' | wc -l)" "$mb" \
			"${pat//|/\\|}" "$t_rv" "$t_rg" "$t_pg" "$(ratio "$t_rv" "$t_rg")" "$r_pg" >>"$report"
	done
done
cat "$report"
