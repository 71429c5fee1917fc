#!/usr/bin/env bash
# --dump state through the real binary: a store seeded as its documented
# schema says, one line per article with state, renames keep it, edits drop
# it, hostile notes come out escaped, and every unusable state file is one
# warning, an empty dump, status 0 and the file and the corpus untouched.
. "$(dirname "$0")/lib.sh"

KEYS=article,hash,read,starred,note,starred_quotes
CORPUS="$SCRATCH/corpus"
mkdir -p "$CORPUS"
cp "$SRC_DIR"/corpus/*.txt "$CORPUS/"
DB="$SCRATCH/state/state.db"
export REVUE_STATE="$DB"
corpus_sum() { (cd "$CORPUS" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }

# No store yet: an empty dump, and nothing made on disk.
run_revue "$SCRATCH/out" "$SCRATCH/err" --dump state "$CORPUS"
check "no store: status 0" [ "$status" -eq 0 ]
check "no store: empty dump" [ ! -s "$SCRATCH/out" ]
check "no store: no warning" [ ! -s "$SCRATCH/err" ]
check "no store: no file made" [ ! -e "$SCRATCH/state" ]

# The hashes, from --dump articles.
"$REVUE" --dump articles "$CORPUS" >"$SCRATCH/articles" 2>/dev/null
check "--dump articles has a hash per article" jsonl_valid "$SCRATCH/articles" --count 5 --keys hash \
	--expect 'all(len(r["hash"]) == 16 and int(r["hash"], 16) >= 0 for r in rows)' \
	--expect 'len({r["hash"] for r in rows}) == 5'

# Seed the store the way its schema is documented (state.h, revue(1)).
seed() { # DB
	python3 - "$1" "$SCRATCH/articles" <<'PY'
import json, os, sqlite3, sys
db, arts = sys.argv[1], [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
def key(r):
    v = int(r["hash"], 16)
    return v - (1 << 64) if v >= 1 << 63 else v
os.makedirs(os.path.dirname(db), exist_ok=True)
c = sqlite3.connect(db)
c.executescript("""
CREATE TABLE article(hash INTEGER PRIMARY KEY, read INTEGER NOT NULL DEFAULT 0,
  starred INTEGER NOT NULL DEFAULT 0, note TEXT, updated INTEGER NOT NULL DEFAULT 0);
CREATE TABLE quote_star(article INTEGER NOT NULL, start_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL, PRIMARY KEY (article, start_byte, end_byte)) WITHOUT ROWID;
PRAGMA user_version = 2;
""")
c.execute("INSERT INTO article VALUES (?, 1, 0, NULL, 0)", (key(arts[0]),))
c.execute("INSERT INTO article VALUES (?, 0, 1, ?, 0)",
          (key(arts[1]), "\x1b]0;pwned\x07\x1b[2J\rALICE\u202e \"quoted\" \\ à suivre"))
c.execute("INSERT INTO quote_star VALUES (?, 0, 12)", (key(arts[2]),))
c.execute("INSERT INTO quote_star VALUES (?, 10, 99999999)", (key(arts[2]),))
c.execute("INSERT INTO article VALUES (?, 0, 0, NULL, 0)", (123456789,))  # another corpus
c.commit()
PY
}
seed "$DB"
before=$(corpus_sum)

run_revue "$SCRATCH/out" "$SCRATCH/err" --dump state "$CORPUS"
check "seeded: status 0" [ "$status" -eq 0 ]
check "seeded: no warning" [ ! -s "$SCRATCH/err" ]
check "seeded: terminal-safe" terminal_safe "$SCRATCH/out"
check "seeded: three articles, in corpus order, every key" jsonl_valid "$SCRATCH/out" --count 3 --keys "$KEYS" \
	--expect '[r["article"][:3] for r in rows] == ["000", "001", "002"]' \
	--expect 'rows[0]["read"] is True and rows[0]["starred"] is False and rows[0]["note"] is None' \
	--expect 'rows[0]["starred_quotes"] == []' \
	--expect 'rows[1]["starred"] is True and rows[1]["read"] is False' \
	--expect 'rows[1]["note"] == "\x1b]0;pwned\x07\x1b[2J\rALICE\u202e \"quoted\" \\ à suivre"' \
	--expect 'rows[2]["starred_quotes"][0] == {"start": 0, "end": 12, "text": "L’histoire"}' \
	--expect 'rows[2]["starred_quotes"][1]["end"] == 99999999 and len(rows[2]["starred_quotes"][1]["text"]) > 100'
check "seeded: hashes are --dump articles' hashes" python3 - "$SCRATCH/out" "$SCRATCH/articles" <<'PY'
import json, sys
h = {json.loads(l)["id"]: json.loads(l)["hash"] for l in open(sys.argv[2], encoding="utf-8")}
sys.exit(any(h[json.loads(l)["article"]] != json.loads(l)["hash"] for l in open(sys.argv[1], encoding="utf-8")))
PY
check "seeded: the note's escapes are JSON escapes" grep -qF '"note":"\u001B]0;pwned\u0007\u001B[2J\rALICE\u202E \"quoted\" \\ à suivre"' "$SCRATCH/out"

# The --state option wins over REVUE_STATE.
run_revue "$SCRATCH/out2" "$SCRATCH/err" --state "$SCRATCH/none.db" --dump state "$CORPUS"
check "--state wins over REVUE_STATE" [ "$status" -eq 0 ] && [ ! -s "$SCRATCH/out2" ] && [ ! -e "$SCRATCH/none.db" ]
run_revue "$SCRATCH/out2" "$SCRATCH/err" --state "" --dump state "$CORPUS"
check "--state '': usage error" [ "$status" -eq 2 ]
run_revue "$SCRATCH/out2" "$SCRATCH/err" --dump state --state
check "--state with no file: usage error" [ "$status" -eq 2 ]

# The default place: $XDG_STATE_HOME, else ~/.local/state.
mkdir -p "$SCRATCH/home"
seed "$SCRATCH/home/.local/state/revue/state.db"
(unset REVUE_STATE XDG_STATE_HOME; HOME="$SCRATCH/home" "$REVUE" --dump state "$CORPUS" >"$SCRATCH/out2" 2>&1)
check "default: ~/.local/state/revue/state.db" cmp -s "$SCRATCH/out" "$SCRATCH/out2"
(unset REVUE_STATE; HOME=/nonexistent XDG_STATE_HOME="$SCRATCH/home/.local/state" \
	"$REVUE" --dump state "$CORPUS" >"$SCRATCH/out2" 2>&1)
check "default: \$XDG_STATE_HOME/revue/state.db" cmp -s "$SCRATCH/out" "$SCRATCH/out2"

# A renamed and moved file keeps its state; an edited one is a new article.
mkdir -p "$CORPUS/moved"
mv "$CORPUS"/000_*.txt "$CORPUS/moved/renamed.txt"
printf '\nUn paragraphe ajouté.\n' >>"$CORPUS"/001_*.txt
run_revue "$SCRATCH/out" "$SCRATCH/err" --dump state "$CORPUS"
check "rename keeps state, edit drops it" jsonl_valid "$SCRATCH/out" --count 2 \
	--expect '[r["article"][:3] for r in rows] == ["002", "mov"]' \
	--expect 'rows[1]["article"] == "moved/renamed.txt" and rows[1]["read"] is True'
before=$(corpus_sum)

# Files revue must not use: each is one sanitized warning naming the file,
# an empty dump, status 0, and the file unchanged.
unusable() { # WHAT FILE
	local what=$1 file=$2 sum
	sum=$(sha256sum <"$file")
	run_revue "$SCRATCH/out" "$SCRATCH/err" --state "$file" --dump state "$CORPUS"
	check "$what: status 0" [ "$status" -eq 0 ]
	check "$what: empty dump" [ ! -s "$SCRATCH/out" ]
	check "$what: one warning naming the file" [ "$(wc -l <"$SCRATCH/err")" -eq 1 ]
	check "$what: warning terminal-safe" terminal_safe "$SCRATCH/err"
	check "$what: file unchanged" [ "$(sha256sum <"$file")" = "$sum" ]
}
head -c 20000 /dev/urandom >"$SCRATCH/garbage.db"
unusable "garbage" "$SCRATCH/garbage.db"
check "garbage: the warning names it" grep -q "garbage.db: cannot read the state file" "$SCRATCH/err"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE t(x)"); c.execute("PRAGMA user_version=7"); c.commit()' "$SCRATCH/other.db"
unusable "another program's database" "$SCRATCH/other.db"
hostile="$SCRATCH/$(printf 'evil\033[2J\rname\xe2\x80\xae.db')"
cp "$SCRATCH/garbage.db" "$hostile"
unusable "hostile file name" "$hostile"

mkfifo "$SCRATCH/fifo.db"
timeout 20 "$REVUE" --state "$SCRATCH/fifo.db" --dump state "$CORPUS" >"$SCRATCH/out" 2>"$SCRATCH/err"; status=$?
check "a FIFO as state file: no hang, status 0" [ "$status" -eq 0 ]
check "a FIFO as state file: one warning" grep -q "fifo.db: cannot read the state file (not a regular file)" "$SCRATCH/err"

check "the corpus is never written" [ "$(corpus_sum)" = "$before" ]
check "nothing new in the corpus" [ "$(find "$CORPUS" -newer "$SCRATCH/articles" -type f | grep -v moved/renamed.txt | grep -v '/001_' | wc -l)" -eq 0 ]

# --- the reader's saved state, in tmux ------------------------------------------------
# Quote stars and notes made in the reader come back and show in --dump
# state; a store that cannot be used is a read-only session with a warning;
# two readers on one store lose nothing.
if ! command -v tmux >/dev/null; then
	echo "test_state.sh: tmux not found, the reader's part skipped"
	finish
	exit
fi
. "$(dirname "$0")/tmux.inc"
RDB="$SCRATCH/reader/state.db"
export REVUE_STATE="$RDB"
RCORPUS="$SCRATCH/rcorpus"
mkdir -p "$RCORPUS"
cp "$SRC_DIR"/corpus/*.txt "$RCORPUS/"
# An editor that writes the note, one that empties it, one that fails.
printf '#!/bin/sh\nprintf "Une note d’essai\\nsur deux lignes\\n" >"$1"\n' >"$SCRATCH/ed-write"
printf '#!/bin/sh\n: >"$1"\n' >"$SCRATCH/ed-empty"
printf '#!/bin/sh\necho changed >"$1"; exit 3\n' >"$SCRATCH/ed-fail"
chmod +x "$SCRATCH"/ed-*
dump() { "$REVUE" --dump state "$RCORPUS" 2>/dev/null; }

# 000 is the second row of the list (by date); its first screen holds Suleyman's quote.
start st 160 45 "EDITOR=$SCRATCH/ed-write" -- "$RCORPUS"
check "reader state: starts" ready st
keys st j 2
check "reader state: 000 open" wait_for st "000_679a9a29bead16d9.txt"
keys st '"'
check "\" stars the first quote on screen" wait_for st "quote starred: Nous devons développer"
check "the starred quote is marked" line st "│⇄1\* devons développer"
keys st a
check "a edits the note in \$EDITOR" wait_for st "note saved"
check "the header shows the note's first line" wait_for st "note: Une note d’essai… ·"
check "the list marks the note" line st "^▸•✎- +Microsoft va dévelop"
keys st '*'
check "* still stars the article" wait_for st "starred"
check "the list shows the star over the note's mark" line st "^▸•\*- +Microsoft va dévelop"
keys st Q
check "reader state: quits" wait_exit st
dump >"$SCRATCH/d1"
check "quote star, note and star in --dump state" jsonl_valid "$SCRATCH/d1" --count 1 \
	--expect 'rows[0]["article"].startswith("000_") and rows[0]["starred"] is True' \
	--expect 'rows[0]["note"] == "Une note d’essai\nsur deux lignes"' \
	--expect '[(q["start"], q["end"]) for q in rows[0]["starred_quotes"]] == [(987, 1210)]'

# Back again: all there; a failing editor changes nothing, unstar the
# quote, an emptied note is removed.
start st2 160 45 "EDITOR=$SCRATCH/ed-fail" -- "$RCORPUS"
check "reopened" ready st2
keys st2 j 2
check "reopened: the note" wait_for st2 "note: Une note d’essai"
check "reopened: the quote star" line st2 "│⇄1\* devons développer"
keys st2 a
check "a failing editor: said" wait_for st2 "the editor failed: the note is unchanged"
keys st2 '"'
check "\" again unstars the quote" wait_for st2 "quote star removed"
check "the mark is gone" wait_gone st2 "⇄1* devons"
keys st2 Q
wait_exit st2
start st3 160 45 "EDITOR=$SCRATCH/ed-empty" -- "$RCORPUS"
ready st3
keys st3 j a
check "an emptied note is removed" wait_for st3 "note removed"
keys st3 Q
wait_exit st3
dump >"$SCRATCH/d2"
check "after unstar and removal" jsonl_valid "$SCRATCH/d2" --count 1 \
	--expect 'rows[0]["note"] is None and rows[0]["starred_quotes"] == [] and rows[0]["starred"] is True'

# No $EDITOR: the note is written on the status line.
start inl 160 45 EDITOR= VISUAL= -- "$RCORPUS"
ready inl
keys inl a
check "inline: the prompt" wait_for inl "note (empty removes it):"
keys inl "à lire" Enter
check "inline: saved" wait_for inl "note saved"
keys inl a
check "inline: the prompt holds the note" wait_for inl "note (empty removes it): à lire"
keys inl Escape
check "inline: Esc leaves it" wait_for inl "note unchanged"
keys inl Q
wait_exit inl
dump >"$SCRATCH/d3"
check "inline: in --dump state" jsonl_valid "$SCRATCH/d3" --expect 'any(r["note"] == "à lire" for r in rows)'

# Stores that cannot be used: a warning in the status line, a read-only
# session, the file and the corpus untouched.
rsum() { (cd "$RCORPUS" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
rbefore=$(rsum)
head -c 20000 /dev/urandom >"$SCRATCH/corrupt.db"
sum=$(sha256sum <"$SCRATCH/corrupt.db")
start ro 160 45 "REVUE_STATE=$SCRATCH/corrupt.db" -- "$RCORPUS"
check "corrupt store: the reader runs" ready ro
check "corrupt store: a warning" wait_for ro "corrupt.db: cannot use the state file"
keys ro u
check "corrupt store: marks are not saved" wait_for ro "read marks are not saved"
keys ro a
keys ro x Enter
check "corrupt store: the note is not saved" wait_for ro "the note is not saved"
keys ro Q
wait_exit ro
check "corrupt store: the file unchanged" [ "$(sha256sum <"$SCRATCH/corrupt.db")" = "$sum" ]
start unw 160 45 "REVUE_STATE=/dev/null/state.db" -- "$RCORPUS"
check "unwritable store: the reader runs" ready unw
check "unwritable store: a warning" wait_for unw "/dev/null/state.db"
keys unw '*'
check "unwritable store: the star is not saved" wait_for unw "the star is not saved"
keys unw Q
wait_exit unw
# A store locked by another writer for longer than the busy timeout.
cat >"$SCRATCH/lock.py" <<'PY'
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(30)
PY
python3 "$SCRATCH/lock.py" "$RDB" "$SCRATCH/locked" &
locker=$!
for _ in $(seq 100); do [ -e "$SCRATCH/locked" ] && break; sleep 0.1; done
start lock 160 45 -- "$RCORPUS"
check "locked store: the reader runs" ready lock 30
keys lock u
check "locked store: the mark is not saved, said" wait_for lock "not saved" 30
keys lock Q
wait_exit lock
kill "$locker" 2>/dev/null
wait "$locker" 2>/dev/null
check "the corpus is never written by the reader" [ "$(rsum)" = "$rbefore" ]

# Two readers on one store at once: one stars every article while the other
# marks every one read; a quote star in one, a note in the other.
export REVUE_STATE="$SCRATCH/two/state.db" # a fresh store (tmux keeps its first environment)
start one 160 45 "REVUE_STATE=$REVUE_STATE" -- "$RCORPUS"
start two 160 45 "REVUE_STATE=$REVUE_STATE" -- "$RCORPUS"
ready one && ready two
for _ in 1 2 3 4 5; do
	keys one '*' j
	keys two u j
done
keys one g j 2 '"'
check "two readers: a quote star in one" wait_for one "quote starred"
keys two g
tm send-keys -t two a
check "two readers: the note prompt" wait_for two "note (empty removes it):"
keys two "de deux" Enter
check "two readers: a note in the other" wait_for two "note saved"
keys one Q
keys two Q
wait_exit one
wait_exit two
dump >"$SCRATCH/d4"
check "two readers: nothing lost" jsonl_valid "$SCRATCH/d4" --count 5 \
	--expect 'all(r["starred"] and r["read"] for r in rows)' \
	--expect 'sum(len(r["starred_quotes"]) for r in rows) >= 1' \
	--expect 'sum(r["note"] == "de deux" for r in rows) == 1'

finish
