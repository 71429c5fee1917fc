#!/usr/bin/env python3
"""scroll_bytes.py: bytes a terminal program writes per line scrolled.

usage: scroll_bytes.py [--cols N] [--rows N] [--pre KEYS] [--key K] [--count N]
                       [--settle S] [--save FILE] -- COMMAND [ARG...]

Runs COMMAND in a pseudo-terminal of COLS x ROWS, types the --pre keys (one
per comma, each followed by a pause until the output is quiet), waits until
the program has been quiet for --settle seconds (an index built in the
background has then painted), then types --key COUNT times, each once the
output is quiet again, and prints the bytes written from the first of those
keys to the last one's quiet, divided by COUNT (an integer), then the median
of the per-key counts; --save keeps those keys' bytes in FILE. Types Q and closes the terminal at the end. Exit
status 0, or 2 on a usage error or when the program died before the keys.
"""
import os
import pty
import select
import signal
import struct
import sys
import termios
import fcntl
import time


def parse(argv):
    opts = {"cols": 160, "rows": 45, "pre": "", "key": "j", "count": 20, "settle": 1.0, "save": ""}
    i = 0
    while i < len(argv) and argv[i] != "--":
        name = argv[i].lstrip("-")
        if name not in opts or i + 1 >= len(argv):
            print(__doc__, file=sys.stderr)
            sys.exit(2)
        v = argv[i + 1]
        opts[name] = type(opts[name])(v) if not isinstance(opts[name], str) else v
        i += 2
    if i >= len(argv) - 1:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    return opts, argv[i + 1:]


def keys_of(spec):
    out = []
    for k in filter(None, spec.split(",")):
        out.append(k.replace("\\e", "\x1b").replace("\\r", "\r").replace("\\t", "\t").encode())
    return out


def drain(fd, quiet, limit=10.0, keep=None):
    """Reads until nothing came for `quiet` seconds (or `limit` in all); returns
    the byte count and whether the program is still there."""
    got = 0
    start = time.monotonic()
    while time.monotonic() - start < limit:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            return got, False
        if not data:
            return got, False
        got += len(data)
        if keep is not None:
            keep.append(data)
    return got, True


def main():
    opts, cmd = parse(sys.argv[1:])
    pid, fd = pty.fork()
    if pid == 0:  # the size first: the program reads it when it starts
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", opts["rows"], opts["cols"], 0, 0))
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    alive = drain(fd, 0.3)[1]
    for k in keys_of(opts["pre"]):
        os.write(fd, k)
        alive = alive and drain(fd, 0.15)[1]
    alive = alive and drain(fd, opts["settle"], 60.0)[1]
    if not alive:
        print("scroll_bytes: the program ended before the keys", file=sys.stderr)
        sys.exit(2)
    per, kept = [], []
    for _ in range(opts["count"]):
        os.write(fd, opts["key"].encode())
        n, _ = drain(fd, 0.15, keep=kept)
        per.append(n)
    if opts["save"]:
        with open(opts["save"], "wb") as f:
            f.write(b"".join(kept))
    os.write(fd, b"Q")
    drain(fd, 0.3, 2.0)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    per.sort()
    print(sum(per) // len(per), per[len(per) // 2])


if __name__ == "__main__":
    main()
