#!/usr/bin/env bash
# The configuration file through the real reader in tmux: options and key
# bindings apply, a bad line is one line on stderr and a notice in the status
# line naming the file and the line while the rest applies, --config none
# and the default place, and files that cannot be a configuration.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.inc"

# stderr of each run goes to a file of its own
cat >"$SCRATCH/revue-err" <<EOF
#!/bin/sh
err=\$1; shift
exec "$REVUE" "\$@" 2>"\$err"
EOF
chmod +x "$SCRATCH/revue-err"
REAL_REVUE=$REVUE
REVUE="$SCRATCH/revue-err"

CORPUS="$SCRATCH/corpus"
mkdir -p "$CORPUS"
cp "$SRC_DIR"/corpus/*.txt "$CORPUS/"
printf 'title: Un article daté\ndate: 2024-03-05\nsource: Le Test\n\nCorps de l’article : été, à, où.\n' \
	>"$CORPUS/zz_dated.txt"

CONF="$SCRATCH/my config"
cat >"$CONF" <<'EOF'
# a user's configuration
sort source
date-format "%d %b %Y"
colour red
bind x down
bind C-n help
unbind q
list-width 40
EOF

start cfg 160 45 -- "$SCRATCH/err.cfg" --config "$CONF" "$CORPUS"
check "config: the reader starts" ready cfg
check "config: the bad line named in the status line" \
	wait_for cfg "config: 1 problem; first: $CONF:4: unknown option 'colour'"
check "config: sort source" wait_for cfg "by source"
check "config: the date format" wait_for cfg "05 Mar 2024"
check "config: list-width 40" line cfg "^.{40}│"
keys cfg C-n
check "config: C-n bound to help" wait_for cfg "Keys (j/k scroll"
check "config: help shows the keys as bound" line cfg "j Down x +down "
check "config: help shows an unbound action" line cfg "^  - +close "
keys cfg Escape
check "config: Esc closes the help" wait_gone cfg "Keys (j/k scroll"
keys cfg q
check "config: q unbound" wait_for cfg "no action on that key"
keys cfg Q
check "config: Q quits" wait_exit cfg
check "config: one line on stderr naming the file and the line" \
	[ "$(cat "$SCRATCH/err.cfg")" = "revue: $CONF:4: unknown option 'colour' (see revue-config(5))" ]

# The default place, and --config none that ignores it.
mkdir -p "$XDG_CONFIG_HOME/revue"
printf 'sort title\r\nwrap-width 30\r\n' >"$XDG_CONFIG_HOME/revue/config"
start def 160 45 -- "$SCRATCH/err.def" "$CORPUS"
check "default config: read from \$XDG_CONFIG_HOME (CRLF)" wait_for def "by title"
check "default config: no problem" wait_gone def "config:" 1
keys def 2
# the reading view's body lines (the second column, past the pane header,
# the title and the source line) hold at most 30 columns of text past the margin
widest() { screen "$1" | python3 -c 'import sys
print(max([len(l.split("\u2502")[1].rstrip()) - 4 for l in sys.stdin if l.count("\u2502") >= 2][3:] or [0]))'; }
wait_for def "Reader"
check "default config: wrap-width 30" [ "$(widest def)" -le 30 ] && [ "$(widest def)" -ge 20 ]
keys def Q
wait_exit def
check "default config: nothing on stderr" [ ! -s "$SCRATCH/err.def" ]
start none 160 45 -- "$SCRATCH/err.none" --config none "$CORPUS"
check "--config none: the default file is not read" wait_for none "by date"
keys none Q
wait_exit none

# Files that cannot be a configuration: a problem, and the reader still runs.
for bad in dir missing; do
	case $bad in
	dir) f="$SCRATCH/adir"; mkdir -p "$f"; why="a directory, not a file" ;;
	missing) f="$SCRATCH/nowhere"; why="No such file or directory" ;;
	esac
	start "$bad" 120 30 -- "$SCRATCH/err.$bad" --config "$f" "$CORPUS"
	check "--config $bad: the reader runs" ready "$bad"
	check "--config $bad: said in the status line" wait_for "$bad" "config: 1 problem"
	keys "$bad" Q
	wait_exit "$bad"
	check "--config $bad: one line on stderr" \
		[ "$(cat "$SCRATCH/err.$bad")" = "revue: $f: cannot read the configuration: $why" ]
done

# A theme the configuration names but that does not exist: a problem, not the end.
printf 'theme nosuchtheme\n' >"$SCRATCH/theme.conf"
start th 120 30 -- "$SCRATCH/err.th" --config "$SCRATCH/theme.conf" "$CORPUS"
check "config theme missing: the reader runs" ready th
keys th Q
wait_exit th
check "config theme missing: named with its line" grep -qF "theme.conf:1: no theme 'nosuchtheme'" "$SCRATCH/err.th"

# Hostile configuration files (../shared/adversarial/config): the reader
# starts, at most six lines on stderr, none of them unsafe for a terminal.
if have_shared; then
	for f in "$SHARED"/adversarial/config/*; do
		n=adv_$(basename "$f" | tr -c 'a-z0-9\n' _)
		start "$n" 120 30 -- "$SCRATCH/err.$n" --config "$f" "$CORPUS"
		check "hostile $(basename "$f"): the reader runs" ready "$n"
		keys "$n" Q
		check "hostile $(basename "$f"): Q quits" wait_exit "$n"
		check "hostile $(basename "$f"): at most six lines on stderr" [ "$(wc -l <"$SCRATCH/err.$n")" -le 6 ]
		check "hostile $(basename "$f"): stderr terminal-safe" terminal_safe "$SCRATCH/err.$n"
	done
else
	echo "test_config.sh: ../shared absent, the hostile configurations skipped"
fi

REVUE=$REAL_REVUE
run_revue "$SCRATCH/out" "$SCRATCH/err" --config "" --dump articles "$CORPUS"
check "--config '': usage error" [ "$status" -eq 2 ]
finish
