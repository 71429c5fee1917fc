#!/usr/bin/env bash
# The reader over a real SSH link: a private OpenSSH server on 127.0.0.1 (a
# free port, keys made here, its own configuration: nothing of the system's
# is read or changed), revue run through `ssh -tt` inside tmux. Drives it
# (open, follow a link, compare, mark read), checks the four panes and the
# accents, that quitting gives the terminal back; then cuts the link in the
# middle of a session and checks that revue exited, the mark made before is
# saved and nothing else changed. Skips only when sshd cannot be run.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.inc"

skip() {
	echo "test_ssh.sh: skipped: $*"
	echo "test_ssh.sh: 0 passed, 0 failed"
	exit 0
}
SSHD=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$SSHD" ] || skip "no sshd (Debian: openssh-server)"
command -v ssh >/dev/null && command -v ssh-keygen >/dev/null || skip "no ssh client (Debian: openssh-client)"

D="$SCRATCH/ssh"
mkdir -m 700 "$D"
ssh-keygen -q -t ed25519 -N '' -f "$D/host_key" -C revue-test-host
ssh-keygen -q -t ed25519 -N '' -f "$D/id" -C revue-test-client
cp "$D/id.pub" "$D/authorized_keys"
chmod 600 "$D/authorized_keys"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$D/sshd_config" <<EOF
Port $PORT
ListenAddress 127.0.0.1
HostKey $D/host_key
PidFile $D/sshd.pid
AuthorizedKeysFile $D/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
PrintMotd no
PrintLastLog no
ClientAliveInterval 5
LogLevel ERROR
EOF

# sshd run as root wants its privilege separation directory, /run/sshd,
# which only the system's service makes: give it one in a private mount
# namespace rather than touch the system's /run; where namespaces are not
# allowed (a container), make the empty directory the service itself would
# make, and remove it after.
SSHD_CMD=("$SSHD" -D -e -f "$D/sshd_config")
made_run_sshd=
if [ "$(id -u)" = 0 ] && [ ! -d /run/sshd ]; then
	if unshare -m sh -c 'mount -t tmpfs -o mode=755 revue-ssh-test /run && mkdir -m 755 /run/sshd' 2>/dev/null; then
		SSHD_CMD=(unshare -m sh -c 'mount -t tmpfs -o mode=755 revue-ssh-test /run && mkdir -m 755 /run/sshd && exec "$0" "$@"'
			"${SSHD_CMD[@]}")
	elif mkdir -m 755 /run/sshd 2>/dev/null; then
		made_run_sshd=1
	else
		skip "sshd runs as root here and needs /run/sshd, which this test can neither make nor fake"
	fi
fi
trap '[ -n "$made_run_sshd" ] && rmdir /run/sshd; tm kill-server 2>/dev/null; rm -rf "$SCRATCH"' EXIT
why=$("${SSHD_CMD[@]}" -t 2>&1) || skip "sshd cannot run with the test's configuration: ${why:-no reason given}"
"${SSHD_CMD[@]}" 2>>"$D/sshd.log" &
sshd_pid=$!
trap 'kill "$sshd_pid" 2>/dev/null; [ -n "$made_run_sshd" ] && rmdir /run/sshd; tm kill-server 2>/dev/null; rm -rf "$SCRATCH"' EXIT
up=0
for _ in $(seq 100); do
	# listening? (read from /proc: a probe connection would make sshd log an error)
	if grep -q "^ *[0-9]*: 0100007F:$(printf '%04X' "$PORT") 00000000:0000 0A" /proc/net/tcp 2>/dev/null; then
		up=1
		break
	fi
	kill -0 "$sshd_pid" 2>/dev/null || break
	sleep 0.1
done
[ "$up" = 1 ] || skip "sshd did not start: $(head -c 300 "$D/sshd.log")"

SSH=(ssh -tt -F /dev/null -i "$D/id" -p "$PORT" -o BatchMode=yes -o ConnectTimeout=10
	-o StrictHostKeyChecking=no -o "UserKnownHostsFile=$D/known_hosts" -o LogLevel=ERROR
	-o ServerAliveInterval=5 -o ServerAliveCountMax=2 "$(id -un)@127.0.0.1")
check "ssh logs in with the test's key" timeout 30 "${SSH[@]}" true </dev/null >/dev/null 2>"$D/login.err" ||
	cat "$D/login.err"

CORPUS="$SCRATCH/corpus"
mkdir -p "$CORPUS"
cp "$SRC_DIR"/corpus/*.txt "$CORPUS/"
DB="$SCRATCH/state/state.db"
export REVUE_STATE="$DB" # for --dump state here; the remote side is given it
corpus_sum() { (cd "$CORPUS" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
before=$(corpus_sum)
# The remote side: the user's login shell runs revue with this state file,
# leaving its process id where the test can see it.
remote() { # NAME
	printf "cd %q && echo \$\$ >%q && echo \"\$TERM\" >%q.term && exec env LANG=C.UTF-8 LC_ALL= REVUE_STATE=%q XDG_CONFIG_HOME=%q %q %q" \
		"$SCRATCH" "$D/revue.$1.pid" "$D/revue.$1" "$DB" "$SCRATCH/noconfig" "$REVUE" "$CORPUS"
}
# ssh_session NAME: revue through ssh -tt in a 120x30 tmux window, TERM set
# (ssh hands the client's TERM to the remote pty)
ssh_session() {
	rm -f "$D/revue.$1.pid" "$SCRATCH/status.$1" "$SCRATCH/status.$1.pid"
	tm new-session -d -s "$1" -x 120 -y 30 \
		"$SCRATCH/run.sh" "$SCRATCH/status.$1" env TERM=tmux-256color "${SSH[@]}" "$(remote "$1")"
}

ssh_session s1
check "over ssh: the list" wait_for s1 "1 Articles 5" 30
check "over ssh: the index arrives" ready s1
check "over ssh: the reader" wait_for s1 "2 Reader"
check "over ssh: the sidebar at 120x30" wait_for s1 "3 Entities"
check "over ssh: the timeline at 120x30" wait_for s1 "4 Timeline"
check "over ssh: TERM is the client's" [ "$(cat "$D/revue.s1.term")" = tmux-256color ]
keys s1 j
check "over ssh: j previews 000" wait_for s1 "000_679a9a29bead16d9.txt"
check "over ssh: accents drawn right" wait_for s1 "Microsoft va développer ses propres modèles d'IA"
check "over ssh: typographic apostrophes drawn right" wait_for s1 "Microsoft a libéré OpenAI de son obligation d’utiliser"
keys s1 Enter
check "over ssh: Enter opens" wait_for s1 "[reader]"
keys s1 ']'
check "over ssh: ] picks a shared passage" wait_for s1 "Reader · line"
keys s1 o
check "over ssh: o follows the link to 001" wait_for s1 "001_fd70df3b9bc0aabe.txt"
keys s1 h
check "over ssh: h goes back to 000" wait_for s1 "000_679a9a29bead16d9.txt"
keys s1 ']' c
check "over ssh: c compares" wait_for s1 "fondamentaux"
check "over ssh: the compare view's diff" wait_for s1 "propres modèles de base, qui"
keys s1 q
check "over ssh: q closes the compare view" wait_gone s1 "fondamentaux"
keys s1 u
check "over ssh: u marks" wait_for s1 "marked"
keys s1 Q
check "over ssh: Q quits and the session ends" wait_exit s1
check "over ssh: ssh exits 0" [ "$(cat "$SCRATCH/status.s1" 2>/dev/null)" = 0 ]
check "over ssh: the terminal is given back (no alternate screen)" \
	[ "$(tm display-message -p -t s1 '#{alternate_on}')" = 0 ]
check "over ssh: the cursor is shown again" [ "$(tm display-message -p -t s1 '#{cursor_flag}')" = 1 ]
check "over ssh: no pane of revue is left on the screen" wait_gone s1 "1 Articles"

# Cut the link in the middle of a session: revue must go, and keep what it saved.
"$REVUE" --dump state "$CORPUS" >"$SCRATCH/state.before" 2>/dev/null
ssh_session s2
check "cut: revue runs" ready s2 30
keys s2 G u
check "cut: a mark made before the cut" wait_for s2 "marked"
rpid=$(cat "$D/revue.s2.pid" 2>/dev/null)
check "cut: revue's pid is known" [ -n "$rpid" ]
kill -9 "$(cat "$SCRATCH/status.s2.pid")"
gone=0
for _ in $(seq 200); do
	kill -0 "$rpid" 2>/dev/null || { gone=1; break; }
	sleep 0.05
done
check "cut: revue exits when the link drops" [ "$gone" = 1 ]
[ "$gone" = 1 ] || kill -9 "$rpid" 2>/dev/null
"$REVUE" --dump state "$CORPUS" >"$SCRATCH/state.after" 2>/dev/null
check "cut: the mark is saved, nothing else changed" python3 - "$SCRATCH/state.before" "$SCRATCH/state.after" <<'PY'
import json, sys
before = {r["article"]: r for r in map(json.loads, open(sys.argv[1], encoding="utf-8"))}
after = {r["article"]: r for r in map(json.loads, open(sys.argv[2], encoding="utf-8"))}
new = [a for a in after if after[a] != before.get(a)]
# the last row of the list by date is 003; the mark toggled its read flag
sys.exit(not (len(new) == 1 and new[0].startswith("003_") and
              after[new[0]]["read"] != before.get(new[0], {"read": False})["read"] and
              all(after[a] == before[a] for a in before if a != new[0])))
PY
check "the corpus is never written" [ "$(corpus_sum)" = "$before" ]
check "sshd logged no error" [ ! -s "$D/sshd.log" ]
[ -s "$D/sshd.log" ] && sed "s/^/sshd: /" "$D/sshd.log"
finish
