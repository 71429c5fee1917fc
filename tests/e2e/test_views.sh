#!/usr/bin/env bash
# The views over the panes, as a user meets them: the compare view (columns,
# Tab, ] [, x, o, y, w, three columns), the links view (L) and the speaker
# view (v), on the bundled corpus and on a small corpus written here with one
# quote reported by three outlets. Then the adversarial corpus compared and
# copied: nothing from an article reaches the terminal raw, and what is
# copied is clean.
. "$(dirname "$0")/lib.sh"

. "$E2E_DIR/tmux.inc"

export XDG_STATE_HOME="$SCRATCH/xdg"

# --- the compare view on the bundled corpus ----------------------------------------------
start cmp 120 30 --
# y sets the clipboard with OSC 52: tmux keeps it as a paste buffer.
tm set -g set-clipboard on
ready cmp
keys cmp 1 g j Enter 2 ']'
check "] on 000's first shared quote" line cmp "⇄1 +actuellement. “Nous devons développer"
keys cmp c
check "c: the compare view, two of the cluster's three versions" wait_for cmp "Compare · 2 of 3 versions"
check "c: 000 left, 001 right, the word diff" line cmp "modèles de base, qui +│« nous devons développer nos propres modèles fondamentaux"
check "c: the summary" wait_for cmp "84% of words in common · 2 changed (0 inflection only) · 1 removed · 0 added"
check "c: the focus is on the right column" line cmp "^ Microsoft va développer.* ▸Microsoft et OpenAI"
check "c: the status line names the view" wait_for cmp "[compare]"
keys cmp Tab
check "Tab: the focus moves to the left column" line cmp "^ ▸Microsoft va développer"
keys cmp Tab
check "Tab again: back to the right" line cmp "^ Microsoft va développer.* ▸Microsoft et OpenAI"
keys cmp ']'
check "]: the third version in the right column" wait_for cmp "version 3 of 3 in column 2"
check "]: 001's second copy, with its capital N" line cmp "│« Nous devons développer"
keys cmp ']'
check "] cycles: the second version again" wait_for cmp "version 2 of 3 in column 2"
keys cmp '['
check "[ goes the other way" wait_for cmp "version 3 of 3 in column 2"
keys cmp '['
wait_for cmp "version 2 of 3 in column 2" >/dev/null
keys cmp x
check "x: the paragraphs around both quotes" line cmp "^ Interrogé par le Financial Times.*│Microsoft souhaite désormais"
check "x: the diff recomputed" wait_for cmp "53% of words in common"
check "x: the quote still marked" wait_for cmp "the quote: italic"
tm capture-pane -e -p -t cmp >"$SCRATCH/wide.ansi"
check "x: the quote is italic, the paragraph around it is not" python3 -c '
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
def sgr(before):
    m = re.search(r"\x1b\[([0-9;]*)m(?:\x1b\[[0-9;]*m)*" + before, t)
    return m.group(1).split(";") if m else None
q, p = sgr("“Nous devons"), sgr("Interrogé")
sys.exit(0 if q and "3" in q and p is not None and "3" not in p else 1)' "$SCRATCH/wide.ansi"
keys cmp x
check "x again: the quotes alone" wait_gone cmp "Interrogé par le Financial Times"

# y: the focused quote and its citation, through OSC 52.
keys cmp y
check "y says it copied" wait_for cmp "copied with its citation"
check "y: the clipboard holds the quote" sh -c "tmux -L $SOCK show-buffer | grep -q 'nous devons développer nos propres modèles fondamentaux'"
check "y: and its citation" sh -c "tmux -L $SOCK show-buffer | grep -qF '— Mustafa Suleyman, “Microsoft et OpenAI : les motifs du divorce dévoilés”'"

# w: the comparison as Markdown, in the state folder, never in the corpus.
before=$(ls -A "$SRC_DIR/corpus" | wc -l)
keys cmp w
check "w says where it wrote" wait_for cmp "written to $XDG_STATE_HOME/revue/compare-"
md=$(ls "$XDG_STATE_HOME"/revue/compare-*.md 2>/dev/null | head -1)
check "w: the file is there" [ -n "$md" ]
check "w: both versions, with their files" sh -c "grep -q '^## 1\\. Microsoft va' '$md' && grep -q '^## 2\\. Microsoft et OpenAI' '$md' && grep -q '001_fd70df3b9bc0aabe.txt' '$md'"
check "w: the diff marked" sh -c "grep -qF '_de base, qui sont_' '$md' && grep -qF '~~à l'\\''échelle du~~' '$md' && grep -qF '_fondamentaux_' '$md'"
check "w: nothing written in the corpus folder" [ "$(ls -A "$SRC_DIR/corpus" | wc -l)" = "$before" ]
keys cmp w
check "w twice: a second file, the first kept" sh -c "[ \$(ls '$XDG_STATE_HOME'/revue/compare-*.md | wc -l) -ge 2 ]"

# o: the focused article at its version; h comes back.
keys cmp o
check "o opens 001 in the reader" wait_for cmp "001_fd70df3b9bc0aabe.txt"
check "o: at the quote, the reader focused" line cmp "⇄1 .*nos propres modèles fondamentaux"
check "o: the compare view is closed" wait_gone cmp "Compare ·"
check "o: the separators are back" line cmp "^ • .*│ +Microsoft et OpenAI"
keys cmp h
check "h: back to 000" wait_for cmp "000_679a9a29bead16d9.txt"
keys cmp c Tab o
check "o on the left column: 000 at its quote" line cmp "⇄1 +.*Nous devons développer"
keys cmp c q
check "q closes the compare view" wait_gone cmp "Compare ·"
check "q: the panes again" wait_for cmp "[reader]"

# --- the links view ------------------------------------------------------------------------
keys cmp L
check "L: the links view" wait_for cmp "Links · 1/2 · 2 quotes and 0 passages shared"
check "L: the largest cluster first, its speaker" line cmp "^   3 in 2 art\\.  Mustafa Suleyman .*Nous devons développer"
check "L: then the other" line cmp "^   2 in 2 art\\.  Mustafa Suleyman .*Il faut revoir"
check "L: outlets and dates columns" line cmp "versions +speaker +outlets +dates +text"
keys cmp c
check "c in the links view: its versions compared" wait_for cmp "Compare · 2 of 3 versions"
keys cmp q
check "q: back to the links view" wait_for cmp "Links · 1/2"
keys cmp / revoir Enter
check "/ searches the links view" wait_for cmp "Links · 2/2"
keys cmp Enter
check "Enter opens the first version" wait_for cmp "000_679a9a29bead16d9.txt"
check "Enter: at that quote" line cmp "⇄1 .*Il faut revoir"
check "Enter: the links view is closed" wait_gone cmp "Links ·"

# --- the speaker view ----------------------------------------------------------------------
keys cmp 3 g
check "the sidebar: Mustafa Suleyman" line cmp "▸3 Entities"
keys cmp v
check "v on a person: the speaker view" wait_for cmp "Speaker · Mustafa Suleyman · 8 quotes"
check "v: grouped by cluster, the largest first" line cmp "^ ⇄ one quote, 3 versions by this speaker"
check "v: the quotes no other article repeats, apart" line cmp "^ said once: 3 quotes"
check "v: his quotes in 000" line cmp "Microsoft va développer s.*Nous devons"
check "v: in 001" line cmp "Microsoft et OpenAI : les.*nous devons"
check "v: in 003" line cmp "Depuis 2021, Microsoft et.*moins cher"
keys cmp G k k Space
check "Space picks a quote" line cmp "^ 1 .*dans le courant de l"
keys cmp Space
check "Space picks a second" line cmp "^ 2 .*seront pour la plupart"
check "the bar counts them" wait_for cmp "2 picked"
keys cmp c
check "c compares the two picked, linked or not" wait_for cmp "of words in common"
check "c: both said by him" line cmp "said by Mustafa Suleyman +said by Mustafa Suleyman"
keys cmp q
check "q: back to the speaker view" wait_for cmp "Speaker · Mustafa Suleyman"
keys cmp G Space
check "Space on a third: two at most" wait_for cmp "two picked already"
keys cmp k Space
check "Space on a picked one unpicks it" wait_for cmp "1 picked"
keys cmp g Enter
check "Enter opens the article at the quote" line cmp "⇄1 +.*Nous devons développer"
check "Enter: the view is closed" wait_gone cmp "Speaker ·"
keys cmp 3 j j j v
check "v on an organisation says so" wait_for cmp "v: pick a person"
keys cmp 2 ']' v
check "v in the reader: the quote's speaker" wait_for cmp "Speaker · Mustafa Suleyman"
keys cmp L
check "L over the speaker view" wait_for cmp "Links ·"
keys cmp q
check "q: the speaker view again" wait_for cmp "Speaker · Mustafa Suleyman"
keys cmp q
check "q: the panes" wait_for cmp "[reader]"
keys cmp '?' Space Space
check "the help lists the new keys" line cmp "^  L +links "
keys cmp q
keys cmp Q
check "quits" wait_exit cmp
check "status 0 (under the sanitizers: no leak)" [ "$(cat "$SCRATCH/status.cmp" 2>/dev/null)" = 0 ]

# --no-clipboard: y copies nothing.
start noclip 120 30 -- --no-clipboard
ready noclip
keys noclip 1 g j Enter 2 ']' y
check "--no-clipboard: y says the clipboard is off" wait_for noclip "the clipboard is off"
keys noclip Q

# --- three columns, on a corpus where three outlets report one quote ----------------------
mkdir -p "$SCRATCH/three"
cat >"$SCRATCH/three/a.txt" <<'EOF'
title: Le ministre promet une réforme rapide
source: Le Quotidien
date: 2025-04-02

Le ministre Jean Dupont a présenté mardi son plan pour les retraites devant les députés réunis en séance.

« Nous allons mener cette réforme avec détermination et dans le dialogue, sans jamais renoncer à la justice sociale pour tous les Français », a déclaré Jean Dupont devant l'Assemblée.

Les syndicats ont aussitôt dénoncé un calendrier trop serré.
EOF
cat >"$SCRATCH/three/b.txt" <<'EOF'
title: Retraites : Dupont veut aller vite
source: La Gazette
date: 2025-04-03

Devant l'Assemblée, le ministre a défendu son texte avec vigueur.

« Nous allons mener cette réforme avec fermeté et dans le dialogue, sans jamais renoncer à la justice sociale pour tous les Français », a affirmé Jean Dupont mercredi.

L'opposition promet une longue bataille parlementaire.
EOF
cat >"$SCRATCH/three/c.txt" <<'EOF'
title: Jean Dupont face aux députés
source: Le Courrier
date: 2025-04-05

Le débat a été vif à l'Assemblée nationale cette semaine.

Jean Dupont a répété : « nous allons mener cette réforme avec détermination, dans le dialogue, sans renoncer à la justice sociale pour tous les Français ».

Plus tard, Jean Dupont a ajouté : « Le texte sera voté avant l'été, quoi qu'il arrive. »
EOF
cat >"$SCRATCH/three/d.txt" <<'EOF'
title: La météo du week-end
source: Le Courrier
date: 2025-04-06

Il fera beau samedi sur tout le pays, avec des orages possibles dimanche dans le sud.
EOF

start wide 200 50 -- "$SCRATCH/three"
ready wide
keys wide L
check "links: the quote three outlets carry" line wide "^   3 in 3 art\\.  Jean Dupont +Le Quotidien, La Gazette, Le Courrier +2025-04-02\\.\\.2025-04-05"
keys wide c
check "200 columns: three side by side" wait_for wide "Compare · 3 of 3 versions"
check "three headers on one line" line wide "Le Quotidien · 2025-04-02 .*La Gazette · 2025-04-03 .*Le Courrier · 2025-04-05"
check "three speakers" line wide "said by Jean Dupont +said by Jean Dupont +said by Jean Dupont"
check "each other column against the left" line wide "the reference; marks against column 2 +[0-9]+% in common with the left .* [0-9]+% in common with the left"
check "three texts" line wide "avec détermination et dans le +│.*Nous allons mener cette réforme avec fermeté et dans le +│.*nous allons mener cette réforme avec détermination,"
keys wide Tab
check "Tab to the third column: the left's marks follow" wait_for wide "marks against column 3"
keys wide ']'
check "] with every version shown: none other" wait_for wide "no other version (3 in all)"
keys wide y
check "y: the quote with outlet and date" sh -c "tmux -L $SOCK show-buffer | grep -qF '— Jean Dupont, “Jean Dupont face aux députés”, Le Courrier, 2025-04-05'"
keys wide w
check "w writes the three" wait_for wide "written to"
md=$(ls -t "$XDG_STATE_HOME"/revue/compare-*.md | head -1)
check "w: three versions in the file" sh -c "grep -q '^# 3 versions compared' '$md' && grep -q '^## 3\\. Jean Dupont face' '$md' && grep -qF '_fermeté_' '$md'"
check "w: nothing written in the corpus folder" [ "$(ls -A "$SCRATCH/three" | wc -l)" = 4 ]
keys wide q q 1 g j 3 g v
check "v: Jean Dupont's quotes" wait_for wide "Speaker · Jean Dupont · 4 quotes"
check "v: the repeated one in three outlets" line wide "2025-04-02 Le Quotidien .*Nous allons mener"
check "v: the one said once" line wide "2025-04-05 Le Courrier .*Le texte sera voté"
# o on a quote two other articles share: a chooser first.
keys wide q 1 G Enter 2 ']' o
check "o with two other articles: the chooser" wait_for wide "Follow the link · 2 other articles share this"
check "the chooser: each with date, source, title" line wide "^ 2025-04-03 La Gazette +Retraites : Dupont veut aller vite"
check "the chooser: and the other" line wide "^ 2025-04-05 Le Courrier +Jean Dupont face aux députés"
keys wide j Enter
check "Enter opens the one picked" wait_for wide "Le Courrier · 2025-04-05 · c.txt"
check "Enter: the chooser is closed" wait_gone wide "Follow the link"
keys wide h
check "h: back to a.txt" wait_for wide "Le Quotidien · 2025-04-02 · a.txt"
keys wide o c
check "c in the chooser compares with the version here" line wide "Compare .*|said by Jean Dupont +said by Jean Dupont"
check "c: the two of them" wait_for wide "of words in common"
keys wide q o q
check "q in the chooser stays" wait_for wide "Le Quotidien · 2025-04-02 · a.txt"
check "q: the chooser is gone" wait_gone wide "Follow the link"
keys wide Q
check "quits" wait_exit wide
check "status 0 (under the sanitizers: no leak)" [ "$(cat "$SCRATCH/status.wide" 2>/dev/null)" = 0 ]

start narrow 179 50 -- "$SCRATCH/three"
ready narrow
keys narrow L c
check "179 columns: two of the three" wait_for narrow "Compare · 2 of 3 versions"
keys narrow ']'
check "]: the hidden third comes in" line narrow "│« nous allons mener cette réforme avec détermination,"
keys narrow Q

# At 80 columns the title line has no room for the index's counts: press L
# until the index is there.
press_until() { # press_until NAME KEY TEXT: KEY again until TEXT shows (20 s)
	local t=0
	while [ "$t" -lt 100 ]; do
		keys "$1" "$2"
		sleep 0.2
		screen "$1" | grep -qF -- "$3" && return 0
		t=$((t + 1))
	done
	return 1
}
start small 80 24 -- "$SCRATCH/three"
check "80x24: L once the index is there" press_until small L "Links ·"
check "80x24: the links view fits" line small "^   3 in 3 art\\.  Jean Dupont"
keys small c
check "80x24: the compare view" wait_for small "of words in common"
keys small x
check "80x24: x widens" wait_for small "the quote: italic"
keys small Q

# --- the adversarial corpus: compared and copied, nothing leaks -----------------------------
# Driven in tmux (the keys wait for the index); tmux's pipe-pane keeps
# every byte revue writes.
if have_shared; then
	adv_walk() { # adv_walk NAME: every article compared, widened, copied, saved
		# Esc, not q: q on the panes quits
		for _ in $(seq 1 48); do keys "$1" 1 j 2 ']' c x y w Tab ']' y Escape y v Escape; done
		keys "$1" L c y x y Escape y Escape 1 g
		wait_for "$1" "[list] 1/" 60 >/dev/null
		keys "$1" Q
		wait_exit "$1"
	}
	start adv 200 50 XDG_STATE_HOME="$SCRATCH/advstate" -- "$SHARED/adversarial" "$SCRATCH/three"
	tm pipe-pane -o -t adv "cat >>'$SCRATCH/raw'"
	ready adv
	check "adversarial: the walk ends, revue still there" adv_walk adv
	check "adversarial: status 0" [ "$(cat "$SCRATCH/status.adv" 2>/dev/null)" = 0 ]
	check "adversarial, compared and copied: only clean OSC 52 copies reach the terminal" \
		python3 "$E2E_DIR/osc52_safe.py" "$SCRATCH/raw" --want 1
	if [ -d "$SCRATCH/advstate/revue" ]; then
		terminal_safe "$SCRATCH"/advstate/revue/*.md >"$SCRATCH/mdsafe" 2>&1
		check "adversarial: the Markdown written holds no control byte" [ ! -s "$SCRATCH/mdsafe" ]
	fi
	start advno 120 40 XDG_STATE_HOME="$SCRATCH/advstate" -- --no-clipboard "$SHARED/adversarial" "$SCRATCH/three"
	tm pipe-pane -o -t advno "cat >>'$SCRATCH/rawno'"
	ready advno
	check "adversarial with --no-clipboard: the walk ends" adv_walk advno
	check "--no-clipboard: clean" python3 "$E2E_DIR/osc52_safe.py" "$SCRATCH/rawno"
	check "--no-clipboard: no OSC 52 at all" sh -c "! grep -qa \"\$(printf '\\033]52')\" '$SCRATCH/rawno'"
else
	echo "test_views.sh: ../shared not found, adversarial part skipped"
fi

finish
