# lib.sh — shared by the end-to-end tests: counters, assertions, a scratch
# folder removed on exit. Each test script sources it and ends with `finish`.
set -u
: "${REVUE:?REVUE must name the binary under test}"
: "${SHARED:=$(cd "$(dirname "$0")/../../../shared" 2>/dev/null && pwd)}"
E2E_DIR=$(cd "$(dirname "$0")" && pwd)
SRC_DIR=$(cd "$E2E_DIR/../.." && pwd)
SCRATCH=$(mktemp -d /tmp/revue-e2e.XXXXXX)
trap 'rm -rf "$SCRATCH"' EXIT
# No test reads or writes the user's own saved state.
export REVUE_STATE="$SCRATCH/state.db"
# Nor the user's configuration (revue-config(5)).
export XDG_CONFIG_HOME="$SCRATCH/config"
passed=0
failed=0

ok()   { passed=$((passed + 1)); }
bad()  { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { # check DESCRIPTION COMMAND...
	local what=$1; shift
	if "$@"; then ok; else bad "$what"; fi
}
# run_revue OUT ERR ARGS...: runs revue, keeps its status in $status
run_revue() {
	local out=$1 err=$2; shift 2
	"$REVUE" "$@" >"$out" 2>"$err"
	status=$?
}
have_shared() { [ -d "$SHARED/adversarial" ]; }
# No byte sequence that article text must never put on a terminal.
terminal_safe() { python3 "$E2E_DIR/terminal_safe.py" "$@"; }
jsonl_valid() { python3 "$E2E_DIR/jsonl_check.py" "$@"; }
finish() {
	echo "$(basename "$0"): $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
