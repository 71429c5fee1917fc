#!/usr/bin/env bash
# same_output.sh save|check: an optimisation must not change what revue
# finds. "save" writes the entities, quotes, timeline and links dumps of the
# bundled corpus, of each ../shared/corpora/*/articles and of the generated
# 1k corpus (when make bench has made it) to $BUILD/same-output/ref; "check"
# writes them again and compares byte for byte, then with one thread.
set -eu
SHARED=${SHARED:-../shared}
BUILD=${BUILD:-build}
REVUE=${REVUE:-./revue}
mode=${1:-check}
ref="$BUILD/same-output/ref"
new="$BUILD/same-output/new"
dirs=(corpus)
for d in "$SHARED"/corpora/*/articles; do [ -d "$d" ] && dirs+=("$d"); done
[ -d "$BUILD/bench/corpus-1000" ] && dirs+=("$BUILD/bench/corpus-1000")
case "$mode" in
save) out=$ref ;;
check) out=$new ;;
*) echo "usage: same_output.sh save|check" >&2; exit 2 ;;
esac
rm -rf "$out"
mkdir -p "$out"
for d in "${dirs[@]}"; do
	name=$(echo "$d" | tr '/.' '__')
	for kind in entities quotes timeline links; do
		"$REVUE" --dump "$kind" "$d" >"$out/$name.$kind"
	done
done
[ "$mode" = save ] && { echo "saved $(ls "$out" | wc -l) dumps in $out"; exit 0; }
bad=0
for f in "$ref"/*; do
	if ! cmp -s "$f" "$out/${f##*/}"; then echo "DIFFERS: ${f##*/}"; bad=1; fi
done
# The parallel split must not show in the output either.
for d in corpus "$BUILD/bench/corpus-1000"; do
	[ -d "$d" ] || continue
	name=$(echo "$d" | tr '/.' '__')
	for kind in entities quotes links; do
		if ! "$REVUE" -j 1 --dump "$kind" "$d" | cmp -s - "$ref/$name.$kind"; then
			echo "DIFFERS with one thread: $name.$kind"; bad=1
		fi
	done
done
[ $bad = 0 ] && echo "same output: $(ls "$ref" | wc -l) dumps identical"
exit $bad
