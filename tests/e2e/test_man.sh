#!/usr/bin/env bash
# The manual pages say what the program does: every option of --help is in
# revue(1)'s OPTIONS, every option of the configuration file in
# revue-config(5), every element of a theme in revue-themes(5). (The KEYS
# section is generated from the key table and checked by test_ui.)
. "$(dirname "$0")/lib.sh"

MAN="$SRC_DIR/man"
# roff to plain words: \- is a dash, font escapes go
plain() { sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$1"; }
options=$(plain "$MAN/revue.1" | sed -n '/^\.SH OPTIONS/,/^\.SH /p')
for opt in $("$REVUE" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
	check "revue(1) OPTIONS documents $opt" grep -qF -- "$opt" <<<"$options"
done
config=$(plain "$MAN/revue-config.5")
for opt in theme sort list-width sidebar-width timeline-height wrap-width date-format clipboard bind unbind; do
	check "revue-config(5) documents $opt" grep -qE -- "^\.(BI|BR|B) $opt( |$)" <<<"$config"
done
themes=$(plain "$MAN/revue-themes.5" | sed -n '/^\.SH ELEMENTS/,/^\.SH /p')
for el in $(grep -vE '^#|^$' "$SRC_DIR/themes/default.theme" | awk '{print $1}'); do
	check "revue-themes(5) documents element $el" grep -qE -- "^\.BR? .*\b$el\b" <<<"$themes"
done
for p in revue.1 revue-config.5 revue-themes.5; do
	check "$p: SEE ALSO names the other pages" \
		[ "$(plain "$MAN/$p" | sed -n '/^\.SH SEE ALSO/,$p' | grep -cE 'revue(-config|-themes)? \(')" -ge 2 ]
done
finish
