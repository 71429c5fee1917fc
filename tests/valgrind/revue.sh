#!/bin/sh
# make valgrind: the e2e scripts run revue through this wrapper. Every
# error or leak valgrind finds goes to $VALGRIND_REPORT; revue's own
# output and exit status pass through untouched, so the scripts' checks
# still hold.
log=$(mktemp /tmp/revue-valgrind.XXXXXX)
valgrind -q --suppressions="$(dirname "$0")/jit.supp" --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
	--error-exitcode=99 --log-file="$log" "$REVUE_UNDER_VALGRIND" "$@"
st=$?
if [ -s "$log" ] || [ "$st" -eq 99 ]; then
	{ echo "== revue $*"; cat "$log"; } >>"$VALGRIND_REPORT"
fi
rm -f "$log"
exit "$st"
