#!/usr/bin/env bash
# make install / make uninstall into a scratch prefix: the installed binary
# finds the installed corpus, the man page is there, and uninstall removes
# everything it put.
. "$(dirname "$0")/lib.sh"

prefix="$SCRATCH/prefix"
make -s -C "$SRC_DIR" install PREFIX="$prefix" >"$SCRATCH/log" 2>&1
check "make install succeeds" [ $? -eq 0 ]
check "binary installed" [ -x "$prefix/bin/revue" ]
check "man page installed" [ -f "$prefix/share/man/man1/revue.1" ]
check "revue-config(5) installed" [ -f "$prefix/share/man/man5/revue-config.5" ]
check "revue-themes(5) installed" [ -f "$prefix/share/man/man5/revue-themes.5" ]
check "corpus installed" [ "$(ls "$prefix/share/revue/corpus" | wc -l)" -eq 5 ]
(cd / && "$prefix/bin/revue" --dump articles >"$SCRATCH/out" 2>"$SCRATCH/err"); status=$?
check "installed binary opens the installed corpus" [ "$status" -eq 0 ]
check "installed corpus: five articles" jsonl_valid "$SCRATCH/out" --count 5
# moved installation still finds its corpus
mv "$prefix" "$SCRATCH/moved"
(cd / && "$SCRATCH/moved/bin/revue" --dump articles >"$SCRATCH/out" 2>&1); status=$?
check "moved installation still finds its corpus" [ "$status" -eq 0 ]
mv "$SCRATCH/moved" "$prefix"
make -s -C "$SRC_DIR" uninstall PREFIX="$prefix" >"$SCRATCH/log" 2>&1
check "make uninstall succeeds" [ $? -eq 0 ]
check "uninstall leaves no file" [ -z "$(find "$prefix" -type f)" ]

finish
