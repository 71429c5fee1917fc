#!/usr/bin/env bash
# The full-screen reader as a user meets it: the real ./revue inside tmux,
# driven with send-keys, asserted on capture-pane. Every wait polls the
# screen with a deadline (no fixed sleeps), so a slow sanitizer build only
# takes longer.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/tmux.inc"

# --- the four panes on the bundled corpus -------------------------------------------
start main 160 45 --
check "four panes: the list" wait_for main "1 Articles 5"
check "four panes: the index arrives" ready main
check "four panes: the reader" wait_for main "2 Reader"
check "four panes: the sidebar" wait_for main "3 Entities"
check "four panes: the timeline" wait_for main "4 Timeline"
check "the status line names the focused pane" wait_for main "[list]"
check "the help hint" wait_for main "?:help"

# The list is by date, newest first: 004 (2025-03), then 000..003.
keys main j
check "j previews 000 in the reader" wait_for main "000_679a9a29bead16d9.txt"
check "000's sidebar: Mustafa Suleyman in 4 articles" line main "Mustafa Suleyman +4 articles"
check "000's sidebar: grouped by type" wait_for main "People"
for d in 2019 2021 2022 2023-01 2024-01 2025 2026 2030 2032; do
	check "timeline lists $d" line main "^[ >▸] $d "
done
check "timeline keeps the unresolved apart" wait_for main "unresolved: relative dates"
check "timeline marks 000's entries" line main "^▸ 2022 "

# Focus keys and the status line.
keys main Tab
check "Tab focuses the reader" wait_for main "[reader]"
keys main BTab
check "Shift-Tab goes back to the list" wait_for main "[list]"
for k in 2:reader 3:entities 4:timeline 1:list; do
	keys main "${k%%:*}"
	check "key ${k%%:*} focuses ${k#*:}" wait_for main "[${k#*:}]"
done

# Moving in the reader.
keys main 2
check "reader at line 1" wait_for main "Reader · line 1-"
keys main j
check "j scrolls a line" wait_for main "Reader · line 2-"
keys main k
check "k scrolls back" wait_for main "Reader · line 1-"
keys main Down Down
check "Down scrolls" wait_for main "Reader · line 3-"
keys main Up
check "Up scrolls" wait_for main "Reader · line 2-"
keys main G
check "G goes to the end" line main "Reader · line [0-9]+-([0-9]+)/\\1 "
keys main g
check "g goes to the top" wait_for main "Reader · line 1-"
keys main Space
check "Space pages down" line main "Reader · line [0-9]{2}"
keys main b
check "b pages up" wait_for main "Reader · line 1-"
keys main NPage
check "PgDn pages down" line main "Reader · line [0-9]{2}"
keys main PPage
check "PgUp pages up" wait_for main "Reader · line 1-"
keys main End
check "End" line main "Reader · line [0-9]+-([0-9]+)/\\1 "
keys main Home
check "Home" wait_for main "Reader · line 1-"

# Search in the reader: smart case, accents, n and N.
keys main / S u l e y m a n Enter
check "/ finds in the reader" wait_for main "match 1/"
check "/ counts the matches in the header" wait_for main "matches"
keys main n
check "n: next match" wait_for main "match 2/"
keys main N
check "N: previous match" wait_for main "match 1/"
keys main / d e v e l o p p e r Enter
check "/ without accents finds développer" line main "match [0-9]+/2 "
keys main / z z q x Enter
check "/ says not found" wait_for main "not found: zzqx"
keys main / '(' Enter
check "/ with a bad pattern says why" wait_for main "search: missing closing parenthesis"
keys main Escape
check "Esc clears the search" wait_for main "filters and search cleared"

# Corpus search into the list, then Esc.
keys main s S u l e y m a n Enter
check "s: the list keeps the articles that match" wait_for main "Articles 4/5"
check "s: says how many" wait_for main "in 4 articles"
keys main Escape
check "Esc: every article again" wait_for main "Articles 5 ·"

# A pattern that backtracks without end is stopped, and says so, at once.
if have_shared; then
	start hostile 120 30 -- "$SHARED/adversarial/regex_subjects"
	check "hostile corpus: the list" wait_for hostile "Articles"
	keys hostile s
	tm send-keys -t hostile -l 'a*a*(?:b|c)'
	keys hostile Enter
	check "hostile search: stopped, with a message" wait_for hostile "search stopped after" 10
	ms=$(screen hostile | grep -o 'search stopped after [0-9]* ms' | grep -o '[0-9]*' | head -1)
	check "hostile search: stopped within a second under load and sanitizers (${ms:-?} ms)" [ "${ms:-99999}" -lt 1000 ]
	keys hostile Q
fi

# The entity filter from the sidebar.
keys main 3
check "sidebar focused" wait_for main "[entities]"
keys main / S u l e y m a n Enter
check "/ in the sidebar finds the entity" wait_for main "[entities]"
keys main Enter
check "Enter on an entity filters the list" wait_for main "Articles 4/5"
check "the filter shows in the status line" wait_for main "+Mustafa Suleyman"
check "and the reader goes to a mention" wait_for main "mention 1/"
keys main Escape
check "Esc clears the entity filter" wait_for main "Articles 5 ·"

# Sorting and the source filter.
keys main S
check "S sorts by source" wait_for main "by source"
keys main S S
check "S cycles back to date" wait_for main "by date"
keys main f
check "f filters by the source" wait_for main "only this source"
keys main Escape

# The timeline opens an article at its sentence.
keys main 4 g
check "timeline focused" wait_for main "[timeline]"
keys main Enter
check "Enter on 2019 opens 004 there" wait_for main "004_adeceaaae8a7c653.txt"
check "the reader shows the sentence" line main "│ +Il fut un temps|Depuis 2019"
keys main h
check "h goes back" wait_for main "back ("

# Keys that wait for the link finder and the compare view.
keys main 2 ']'
check "] without links says so" wait_for main "no shared quote or passage"
keys main o
check "o without links says so" wait_for main "no shared quote or passage"
keys main c
check "c without links says so" wait_for main "compare: no shared quote or passage"

# Links: the two Suleyman quotes that 000 and 001 share, worded differently.
keys main 1 g j Enter
check "Enter opens 000" wait_for main "000_679a9a29bead16d9.txt"
keys main 2 ']'
check "] lands on the first shared quote, ⇄1 in the margin" line main "⇄1 +.*modèles de base"
keys main o
check "o opens 001" wait_for main "001_fd70df3b9bc0aabe.txt"
check "o shows 001's version of the quote" line main "⇄1 .*modèles fondamentaux"
keys main h
check "h comes back to 000" wait_for main "000_679a9a29bead16d9.txt"
keys main ']' ']'
check "] again goes to the second shared quote" line main "⇄1 .*Il faut revoir|⇄1 .*comme toutes les"

# Compare: the second quote, then the first, side by side with the diff marked.
keys main c
check "c opens the compare view" wait_for main "of words in common"
check "compare names both speakers" line main "said by Mustafa Suleyman +said by Mustafa Suleyman"
keys main q
check "q closes the compare view" wait_gone main "of words in common"
keys main '['
keys main c
check "compare: the two versions side by side" line main "modèles de base, qui sont.*│.*modèles fondamentaux"
tm capture-pane -e -p -t main >"$SCRATCH/cmp.ansi"
check "compare: a removed run is underlined" python3 -c '
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"\x1b\[([0-9;]*)m(?:\x1b\[[0-9;]*m)*à l.échelle du", t)
sys.exit(0 if m and "4" in m.group(1).split(";") else 1)' "$SCRATCH/cmp.ansi"
keys main q
check "q closes it again" wait_gone main "of words in common"

# Toggles.
keys main e
check "e hides the sidebar" wait_gone main "3 Entities"
keys main e
check "e shows it again" wait_for main "3 Entities"
keys main t
check "t hides the timeline" wait_gone main "4 Timeline"
keys main t
check "t shows it again" wait_for main "4 Timeline"

# The mouse (xterm X10 reports, as tmux-256color's kmous says): a click
# focuses a pane and picks a row, the wheel scrolls.
keys main 1 g
wait_for main "[list]"
tm send-keys -t main -l $'\e[M $%'
tm send-keys -t main -l $'\e[M#$%'
check "a click picks the third row of the list" wait_for main "[list] 3/5"
tm send-keys -t main -l $'\e[M `0'
tm send-keys -t main -l $'\e[M#`0'
check "a click on the reader focuses it" wait_for main "[reader]"
keys main g
wait_for main "Reader · line 1-"
tm send-keys -t main -l $'\e[Ma`0'
check "the wheel scrolls the reader" wait_for main "Reader · line 4-"
tm send-keys -t main -l $'\e[M``0'
check "and back" wait_for main "Reader · line 1-"

# Help, generated from the key table.
keys main '?'
check "? opens the help" wait_for main "Keys (j/k scroll"
check "help lists next-pane" wait_for main "next-pane"
check "help lists corpus-search" wait_for main "corpus-search"
keys main q
check "q closes the help" wait_gone main "Keys (j/k scroll"
keys main F1
check "F1 opens the help" wait_for main "Keys (j/k scroll"
keys main Escape
check "Esc closes the help" wait_gone main "Keys (j/k scroll"

# Resizing keeps the place: 160x45 → 80x24 → 30x8 → 160x45.
keys main 2 NPage
wait_for main "Reader · line"
before=$(screen main | sed -n 's/.*Reader · line \([0-9]*\).*/\1/p')
tm resize-window -t main -x 80 -y 24
check "80x24: list and reader" wait_for main "2 Reader"
check "80x24: no sidebar" wait_gone main "3 Entities"
check "80x24: no timeline" wait_gone main "4 Timeline"
check "80x24: the list still shows" wait_for main "1 Articles"
keys main e
check "80x24: e brings the sidebar in" wait_for main "3 Entities"
keys main e 4
check "80x24: 4 brings the timeline in" wait_for main "4 Timeline"
keys main 2
tm resize-window -t main -x 30 -y 8
check "30x8: terminal too small" wait_for main "terminal too small"
tm resize-window -t main -x 160 -y 45
check "back to 160x45: four panes" wait_for main "3 Entities"
check "back to 160x45: the timeline" wait_for main "4 Timeline"
after=$(screen main | sed -n 's/.*Reader · line \([0-9]*\).*/\1/p')
check "the reader kept its place across resizes (line $before, then $after)" [ -n "$after" ] && [ "$after" -ge 2 ]

keys main Q
check "Q quits" wait_exit main
check "Q: status 0" [ "$(cat "$SCRATCH/status.main" 2>/dev/null)" = 0 ]
check "the terminal is restored (no reader left on screen)" wait_gone main "2 Reader"

# q quits from the main screen.
start q 100 30 --
wait_for q "1 Articles"
keys q q
check "q quits from the main screen" wait_exit q

# Signals restore the terminal and end revue.
for sig in TERM HUP INT; do
	start "sig$sig" 120 30 --
	wait_for "sig$sig" "1 Articles"
	pid=$(cat "$SCRATCH/status.sig$sig.pid")
	kill -"$sig" "$pid"
	check "SIG$sig ends revue" wait_exit "sig$sig"
	check "SIG$sig restores the screen" wait_gone "sig$sig" "1 Articles"
done
start ctrlc 120 30 --
wait_for ctrlc "1 Articles"
keys ctrlc C-c
check "Ctrl-C ends revue" wait_exit ctrlc

# The link drops: the pane goes away (SIGHUP, then no terminal); revue must
# not stay behind spinning.
start drop 120 30 --
wait_for drop "1 Articles"
pid=$(cat "$SCRATCH/status.drop.pid")
tm kill-session -t drop
gone=false
for _ in $(seq 1 200); do
	if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then gone=true; break; fi
	sleep 0.05
done
check "a dropped terminal ends revue" $gone

# NO_COLOR: attributes, no colour; the selection still shows (reverse).
start nocolor 160 45 NO_COLOR=1 --
ready nocolor
tm capture-pane -p -e -t nocolor >"$SCRATCH/nocolor"
check "NO_COLOR: no colour on screen" bash -c "! grep -qE $'\e\\\\[[0-9;]*(3[0-7]|38;5|4[0-7]|48;5|9[0-7])m' '$SCRATCH/nocolor'"
check "NO_COLOR: the selection is in reverse video" grep -q $'\e\[[0-9;]*7m' "$SCRATCH/nocolor"
keys nocolor Q

# With colour, the same screen has some.
tm capture-pane -p -e -t main >/dev/null 2>&1 || true
start colour 160 45 --
ready colour
tm capture-pane -p -e -t colour >"$SCRATCH/colour"
check "colour by default" grep -qE $'\e\\[[0-9;]*(3[0-7]|38;5)' "$SCRATCH/colour"
keys colour Q

# LANG=C: ASCII borders and markers, nothing but ASCII on screen.
start ascii 160 45 LANG=C LC_ALL=C --
ready ascii
check "LANG=C: ASCII borders" wait_for ascii "| 2 Reader"
check "LANG=C: only ASCII on screen" bash -c "! tmux -u -L '$SOCK' capture-pane -p -t ascii | LC_ALL=C grep -q '[^ -~]'"
check "LANG=C: accents fall back to letters" wait_for ascii "Microsoft va developper"
keys ascii Q

# Themes: each bundled one loads; a missing one is an error.
for th in default light mono; do
	start "theme$th" 120 30 -- --theme "$th"
	check "--theme $th opens" wait_for "theme$th" "1 Articles"
	keys "theme$th" Q
done
# Hostile theme files: the reader opens, says what it ignored, leaks nothing.
if have_shared; then
	for f in "$SHARED"/adversarial/config/theme_*.conf; do
		n=$(basename "$f" .conf)
		start "$n" 160 30 -- --theme "$f"
		check "$n: the reader opens" wait_for "$n" "1 Articles"
		check "$n: the status line says lines were ignored" wait_for "$n" "theme: "
		keys "$n" Q
	done
	python3 "$SHARED/tools/term-oracle" --cols 120 --rows 30 --delay 0.05 --keys "j,Q" \
		-- env LANG=C.UTF-8 TERM=xterm-256color "$REVUE" --theme "$SHARED/adversarial/config/theme_escape_injection.conf" \
		>"$SCRATCH/oracle" 2>&1
	check "a theme's values never reach the terminal raw" [ $? -eq 0 ]
fi
"$REVUE" --theme no-such-theme </dev/null >"$SCRATCH/out" 2>"$SCRATCH/err"
# not a terminal: the list is printed and the theme is not read
check "--theme off a terminal: the plain list" grep -q "000_679a9a29bead16d9.txt" "$SCRATCH/out"

# The adversarial corpus: open every article, scroll, search, at odd sizes;
# no escape sequence from an article may reach the terminal.
if have_shared && [ -x "$SHARED/tools/term-oracle" ]; then
	walk=""
	for _ in $(seq 1 50); do walk="$walk,j,KEY_NPAGE,KEY_END"; done
	python3 "$SHARED/tools/term-oracle" --cols 120 --rows 40 --delay 0.02 \
		--keys "${walk#,},/,\e,2,KEY_END,G,s,x,\r,\e,?,q,Q" --save "$SCRATCH/raw" \
		-- env LANG=C.UTF-8 TERM=xterm-256color "$REVUE" "$SHARED/adversarial" >"$SCRATCH/oracle" 2>&1
	status=$?
	check "adversarial: no forbidden sequence reaches the terminal" [ "$status" -eq 0 ]
	[ "$status" -eq 0 ] || head -20 "$SCRATCH/oracle"
	for size in "80 24" "20 5" "2 2"; do
		set -- $size
		python3 "$SHARED/tools/term-oracle" --cols "$1" --rows "$2" --delay 0.02 --keys "j,j,2,KEY_NPAGE,G,Tab,Q" \
			-- env LANG=C.UTF-8 TERM=xterm-256color "$REVUE" "$SHARED/adversarial" >"$SCRATCH/oracle" 2>&1
		check "adversarial at ${1}x$2: clean, no crash" [ $? -eq 0 ]
	done
	python3 "$SHARED/tools/term-oracle" --cols 100 --rows 30 --delay 0.02 --keys "j,j,2,G,Q" \
		-- env LANG=C TERM=vt100 "$REVUE" "$SHARED/adversarial" >"$SCRATCH/oracle" 2>&1
	check "adversarial under LANG=C on a vt100: clean" [ $? -eq 0 ]
	for term in xterm-256color screen-256color tmux-256color linux vt100; do
		python3 "$SHARED/tools/term-oracle" --cols 100 --rows 30 --delay 0.03 --keys "j,j,2,KEY_NPAGE,G,Tab,?,q,Q" \
			--save "$SCRATCH/raw.$term" -- env LANG=C.UTF-8 TERM=$term "$REVUE" "$SHARED/adversarial" \
			>"$SCRATCH/oracle" 2>&1
		check "TERM=$term: clean" [ $? -eq 0 ]
		check "TERM=$term: the reader drew its panes" grep -q "Articles" "$SCRATCH/raw.$term"
	done
	start adv 120 40 -- "$SHARED/adversarial"
	check "adversarial: the reader opens" wait_for adv "1 Articles"
	ready adv
	for _ in $(seq 1 45); do keys adv j; done
	keys adv 2 G
	check "adversarial: still running after every article" wait_for adv "[reader]"
	keys adv Q
	check "adversarial: quits cleanly" wait_exit adv
	check "adversarial: status 0" [ "$(cat "$SCRATCH/status.adv" 2>/dev/null)" = 0 ]
else
	echo "test_reader.sh: ../shared or term-oracle not found, adversarial part skipped"
fi

# --- read marks are saved: open, quit, reopen --------------------------------------------
pstate="$SCRATCH/persist.db"
start persist 160 45 REVUE_STATE="$pstate" --
ready persist
check "a glance marks nothing: 000 is unread" line persist "^[ ▸]• .*Microsoft va développ"
keys persist 1 g j Enter
check "Enter opens 000" wait_for persist "000_679a9a29bead16d9.txt"
check "000 is read in the list" line persist "^[ ▸]  +- +Microsoft va développ"
keys persist Q
check "quits" wait_exit persist
check "the mark is in the state file" sh -c "REVUE_STATE='$pstate' '$REVUE' --dump state | grep -q '\"article\":\"000_679a9a29bead16d9.txt\".*\"read\":true'"
check "nothing else is marked" [ "$(REVUE_STATE="$pstate" "$REVUE" --dump state | wc -l)" = 1 ]
start persist2 160 45 REVUE_STATE="$pstate" --
ready persist2
check "reopened: 000 is still read" line persist2 "^[ ▸]  +- +Microsoft va développ"
check "reopened: 001 is unread" line persist2 "^[ ▸]• .*Microsoft et OpenAI"
keys persist2 1 g j u
check "u marks 000 unread" wait_for persist2 "marked unread"
check "u: the list shows it" line persist2 "^[ ▸]• .*Microsoft va développ"
keys persist2 Q
check "quits again" wait_exit persist2
check "u is saved: no state left" [ "$(REVUE_STATE="$pstate" "$REVUE" --dump state | wc -l)" = 0 ]
start persist3 160 45 REVUE_STATE="$pstate" --
ready persist3
keys persist3 1 g j '*'
check "* stars 000" wait_for persist3 "starred"
check "*: the list marks it" line persist3 "^[ ▸]•\\*.*Microsoft va développ"
keys persist3 Q
check "quits a third time" wait_exit persist3
check "the star is saved" sh -c "REVUE_STATE='$pstate' '$REVUE' --dump state | grep -q '\"starred\":true'"

# --- z: the focused pane alone, on the whole screen ------------------------------------
start zoom 160 45 --
ready zoom
keys zoom 1 j 2 z
check "z: the reader alone, zoomed" wait_for zoom "2 Reader · zoomed (z or q: back)"
check "z: the status line under the title line" sh -c "tmux -u -L '$SOCK' capture-pane -p -t zoom | sed -n 2p | grep -qF '[reader]'"
check "z: the list is gone" wait_gone zoom "1 Articles"
check "z: the text spans the screen (000's first line, wider than in four panes)" \
	line zoom "^    Microsoft va développer ses propres modèles d'IA.{60,}"
keys zoom Tab
check "Tab while zoomed: the next pane, zoomed" wait_for zoom "3 Entities · "
keys zoom q
check "q: out of the zoom, the four panes again" wait_for zoom "1 Articles 5"
check "q: still running" wait_for zoom "4 Timeline"
keys zoom 2 z z
check "z again: back too" wait_for zoom "1 Articles 5"
keys zoom q
check "q then quits" wait_exit zoom

# A one-line scroll in the zoomed reader is the terminal's own scroll and
# one new line: on text with no highlight (the bundled articles in lower
# case, without digits or quotation marks) no more bytes than less writes
# for a line of the same text, give or take a tenth.
if command -v less >/dev/null; then
	plain="$SCRATCH/plain.txt"
	{
		echo "Title: un long article"
		echo
		for f in "$SRC_DIR"/corpus/*.txt; do
			sed '1,/^$/d' "$f" | LC_ALL=C.UTF-8 sed 's/[0-9“”«»"]//g' | tr 'A-Z' 'a-z'
			echo
		done
	} >"$plain"
	sb() { python3 "$SRC_DIR/tests/bench/scroll_bytes.py" --count 10 "$@" | cut -d' ' -f1; }
	z=$(sb --pre 2,z -- env LANG=C.UTF-8 TERM=xterm-256color "$REVUE" --config none "$plain")
	l=$(sb -- env LANG=C.UTF-8 TERM=xterm-256color LESS= less "$plain")
	at_most() { [ "${1:-0}" -gt 0 ] && [ "$1" -le "$2" ]; }
	check "zoomed: $z bytes a line scrolled, less $l (a tenth more at most)" at_most "$z" $((l * 11 / 10))
fi

# Keys typed while the corpus is still being read are not lost: they are
# handled, in order, once the list is there. 4000 copies of the bundled
# articles take a while to read, longer than tmux takes to type.
big="$SCRATCH/typeahead"
mkdir -p "$big"
for f in "$SRC_DIR"/corpus/*.txt; do
	for i in $(seq 1 800); do cp "$f" "$big/$i-$(basename "$f")"; done
done
start ahead 120 30 -- "$big"
keys ahead 2 j j
check "typed during the load: the reader took the focus" wait_for ahead "▸2 Reader" 30
check "typed during the load: two lines down, in order" wait_for ahead "line 3-" 30
keys ahead Q
check "typed during the load: quits" wait_exit ahead

finish
