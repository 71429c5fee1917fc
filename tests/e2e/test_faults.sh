#!/usr/bin/env bash
# Faults, end to end, on a corpus big enough that loading and indexing take
# a while: SIGTERM, SIGHUP and SIGINT at many moments (during the load, the
# index build, a corpus search, right after a read mark is saved) leave the
# terminal restored and the state store intact (SQLite's integrity check,
# the marks saved before the signal still there); 200 resizes in two
# seconds while the index builds; corpus files removed or rewritten while
# revue has them open.
. "$(dirname "$0")/lib.sh"

if ! command -v tmux >/dev/null; then
	echo "test_faults.sh: tmux not found, skipped"
	echo "test_faults.sh: 0 passed, 0 failed"
	exit 0
fi

SOCK="revue-faults-$$"
tm() { tmux -u -L "$SOCK" "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$SCRATCH"' EXIT

# 1,000 articles (about 5 MB): the bundled five, each copied 200 times
# with its own title, date and a sentence of its own.
CORPUS="$SCRATCH/big"
mkdir -p "$CORPUS"
python3 - "$SRC_DIR/corpus" "$CORPUS" <<'PY'
import os, sys
src, dst = sys.argv[1], sys.argv[2]
bodies = [open(os.path.join(src, f), encoding="utf-8").read() for f in sorted(os.listdir(src)) if f.endswith(".txt")]
for i in range(1000):
    b = bodies[i % len(bodies)]
    with open(os.path.join(dst, f"a{i:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(f"Title: Copie {i}\nDate: 2024-{1 + i % 12:02d}-{1 + i % 28:02d}\nSource: Journal {i % 7}\n\n")
        f.write(f"Ceci est la copie numéro {i} de l'article.\n\n{b}")
PY

# The pane runs revue and records its status. The wrapper ignores SIGINT,
# and a shell cannot give an ignored signal back to its children, so revue
# is started through a shim that restores SIGINT's default, as a terminal's
# foreground job has it.
cat >"$SCRATCH/run.sh" <<'EOF'
#!/bin/sh
trap '' INT
status_file=$1; shift
python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
open(sys.argv[1] + ".pid", "w").write(str(os.getpid()))
os.execvp(sys.argv[2], sys.argv[2:])' "$status_file" "$@"
echo $? >"$status_file"
exec sleep 600
EOF
chmod +x "$SCRATCH/run.sh"
start() { # start NAME -- ARGS...
	local name=$1; shift 2
	rm -f "$SCRATCH/status.$name" "$SCRATCH/status.$name.pid"
	tm new-session -d -s "$name" -x 120 -y 30 \
		"$SCRATCH/run.sh" "$SCRATCH/status.$name" env TERM=tmux-256color LANG=C.UTF-8 "$REVUE" "$@"
	for _ in $(seq 1 200); do [ -s "$SCRATCH/status.$name.pid" ] && break; sleep 0.01; done
}
screen() { tm capture-pane -p -t "$1"; }
wait_for() { # wait_for NAME TEXT [SECONDS]
	local t=0 limit=${3:-30}
	while [ "$t" -lt $((limit * 20)) ]; do
		screen "$1" | grep -qF -- "$2" && return 0
		sleep 0.05
		t=$((t + 1))
	done
	echo "--- screen of $1 while waiting for '$2':"
	screen "$1"
	return 1
}
wait_exit() {
	local t=0
	while [ "$t" -lt 600 ]; do
		[ -s "$SCRATCH/status.$1" ] && return 0
		sleep 0.05
		t=$((t + 1))
	done
	return 1
}
# restored NAME: revue's screen is gone (the alternate screen was left)
restored() { ! screen "$1" | grep -qE "Articles|Reader|revue [0-9]"; }
store_ok() { # the store passes SQLite's own check
	python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
r = db.execute("PRAGMA integrity_check").fetchone()[0]
sys.exit(0 if r == "ok" else 1)
PY
}
# marked: how many articles the store holds as read
marked() { "$REVUE" --dump state "$CORPUS" 2>/dev/null | grep -c '"read":true'; }

# One read mark saved before any signal: it must survive all of them.
start seed -- "$CORPUS"
wait_for seed "Articles 1000"
tm send-keys -t seed u
check "seed: a read mark" wait_for seed "marked read"
tm send-keys -t seed Q
wait_exit seed
check "seed: the mark is in the store" [ "$(marked)" -ge 1 ]
before=$(marked)

# Signals at many moments of the load and the index build.
moment=0
for sig in TERM HUP INT TERM HUP INT; do
	moment=$((moment + 1))
	name="s$moment"
	start "$name" -- "$CORPUS"
	sleep "0.$((moment * 15))"
	kill -"$sig" "$(cat "$SCRATCH/status.$name.pid")" 2>/dev/null
	check "SIG$sig at ${moment}x0.15 s: revue ends" wait_exit "$name"
	st=$(cat "$SCRATCH/status.$name")
	check "SIG$sig at ${moment}x0.15 s: ends of the signal (status $st)" [ "$st" -gt 128 ] 
	check "SIG$sig at ${moment}x0.15 s: the terminal is restored" restored "$name"
done
check "after the signals: the store passes its integrity check" store_ok "$REVUE_STATE"
check "after the signals: the marks are kept" [ "$(marked)" -eq "$before" ]

# A signal during a corpus search, and right after a mark is saved.
start search -- "$CORPUS"
wait_for search "Articles 1000"
tm send-keys -t search s
tm send-keys -t search -l 'copie|modèle|[a-z]+ment'
tm send-keys -t search Enter
kill -TERM "$(cat "$SCRATCH/status.search.pid")"
check "SIGTERM during a corpus search: revue ends" wait_exit search
check "SIGTERM during a corpus search: the terminal is restored" restored search
start save -- "$CORPUS"
wait_for save "Articles 1000"
tm send-keys -t save j u
kill -TERM "$(cat "$SCRATCH/status.save.pid")"
check "SIGTERM at a save: revue ends" wait_exit save
check "SIGTERM at a save: the store passes its integrity check" store_ok "$REVUE_STATE"
n=$(marked)
check "SIGTERM at a save: the earlier marks kept, the new one whole or absent ($before then $n)" \
	[ "$n" -ge "$before" -a "$n" -le $((before + 1)) ]

# 200 resizes in two seconds while the index builds, then a sane screen.
# (20 batches of 10, one tmux call each: a tmux call per resize would take
# longer than the two seconds on a loaded machine)
start resize -- "$CORPUS"
for b in $(seq 1 20); do
	cmd=()
	for i in $(seq 1 10); do
		k=$((b * 10 + i))
		cmd+=(resize-window -t resize -x $((40 + k * 7 % 130)) -y $((8 + k * 5 % 40)) \;)
	done
	tm "${cmd[@]}" 2>/dev/null
	sleep 0.1
done
tm resize-window -t resize -x 120 -y 30
check "200 resizes: revue is alive" kill -0 "$(cat "$SCRATCH/status.resize.pid")"
check "200 resizes: the four panes at 120x30" wait_for resize "4 Timeline"
check "200 resizes: the index arrived" wait_for resize "quotes"
tm send-keys -t resize Q
check "200 resizes: Q quits with status 0" wait_exit resize
check "200 resizes: status 0" [ "$(cat "$SCRATCH/status.resize")" = 0 ]

# Corpus files removed and rewritten while revue has them open: what was
# loaded stays readable; the store follows the text that was read.
small="$SCRATCH/small"
mkdir -p "$small"
cp "$SRC_DIR"/corpus/*.txt "$small/"
start vanish -- "$small"
wait_for vanish "Articles 5"
rm -f "$small"/00[0-2]_*.txt
printf 'Title: Autre\n\nUn tout autre texte.\n' >"$small/003_7731edd94bbb19a4.txt"
tm send-keys -t vanish j j j 2 j j Space u
check "files gone: the reader still reads them" wait_for vanish "marked"
tm send-keys -t vanish Q
check "files gone: Q quits" wait_exit vanish
check "files gone: status 0" [ "$(cat "$SCRATCH/status.vanish")" = 0 ]
run_revue "$SCRATCH/out" "$SCRATCH/err" --dump articles "$small"
check "files gone: the next start loads what is left" jsonl_valid "$SCRATCH/out" --count 2

finish
