# tmux_helpers.bash — revue in tmux for the end-to-end tests that drive the
# reader: start a session, send keys, wait for the screen (polled with a
# deadline, no fixed sleeps). Sourced after lib.sh; needs tmux.
SOCK="revue-test-$$"
tm() { tmux -u -L "$SOCK" "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$SCRATCH"' EXIT

# The pane runs revue, then records its status and stays, so that what
# revue leaves on the terminal can be read after it exits.
cat >"$SCRATCH/run.sh" <<'EOS'
#!/bin/sh
trap '' INT # Ctrl-C is for revue, not for this wrapper
status_file=$1; shift
sh -c 'echo $$ >"$0.pid"; exec "$@"' "$status_file" "$@"
echo $? >"$status_file"
exec sleep 600
EOS
chmod +x "$SCRATCH/run.sh"

# start NAME COLS ROWS [VAR=VALUE...] -- [ARGS...]
start() {
	local name=$1 cols=$2 rows=$3; shift 3
	local envs=(LANG=C.UTF-8 LC_ALL=)
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	rm -f "$SCRATCH/status.$name" "$SCRATCH/status.$name.pid"
	tm new-session -d -s "$name" -x "$cols" -y "$rows" \
		"$SCRATCH/run.sh" "$SCRATCH/status.$name" env TERM=tmux-256color "${envs[@]}" "$REVUE" "$@"
}
screen() { tm capture-pane -p -t "$1"; }
# wait_for NAME TEXT [SECONDS]: true once TEXT is on the screen
wait_for() {
	local name=$1 text=$2 limit=${3:-15} t=0
	while [ "$t" -lt $((limit * 20)) ]; do
		screen "$name" | grep -qF -- "$text" && return 0
		sleep 0.05
		t=$((t + 1))
	done
	echo "--- screen of $name while waiting for '$text':"
	screen "$name"
	return 1
}
wait_gone() {
	local name=$1 text=$2 limit=${3:-15} t=0
	while [ "$t" -lt $((limit * 20)) ]; do
		screen "$name" | grep -qF -- "$text" || return 0
		sleep 0.05
		t=$((t + 1))
	done
	echo "--- screen of $name: '$text' stayed"
	screen "$name"
	return 1
}
wait_exit() { # wait_exit NAME: true once revue has exited (its status recorded)
	local t=0
	while [ "$t" -lt 300 ]; do
		[ -s "$SCRATCH/status.$1" ] && return 0
		sleep 0.05
		t=$((t + 1))
	done
	return 1
}
keys() { local name=$1; shift; tm send-keys -t "$name" "$@"; }
# line NAME REGEX [SECONDS]: true once a line of the screen matches
line() {
	local t=0 limit=${3:-15}
	while [ "$t" -lt $((limit * 20)) ]; do
		screen "$1" | grep -qE -- "$2" && return 0
		sleep 0.05
		t=$((t + 1))
	done
	echo "--- screen of $1 while waiting for /$2/:"
	screen "$1"
	return 1
}
# no_line NAME REGEX: true when no line of the screen matches, now
no_line() {
	if screen "$1" | grep -qE -- "$2"; then
		echo "--- screen of $1 has /$2/:"
		screen "$1"
		return 1
	fi
}
ready() { wait_for "$1" "entities" && wait_gone "$1" "indexing"; }
