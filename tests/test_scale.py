"""Progress on terminals, and none elsewhere (the engines' equality is in test_engines)."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import termios
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
INPUTS = [str(ROOT / "examples" / "reports"), str(Path(__file__).parent / "fixtures" / "corpus.jsonl"),
          str(Path(__file__).parent / "fixtures" / "corpus.csv")]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "geo.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=600)


def test_progress_on_a_terminal_and_quiet_otherwise(tmp_path):
    out = tmp_path / "o.jsonl"
    piped = cli("extract", *INPUTS, "-o", out)
    assert "doc/s" not in piped.stderr and "it/s" not in piped.stderr
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100x24 terminal
    proc = subprocess.Popen([sys.executable, "-m", "geo.cli", "extract", *INPUTS, "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=600)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "doc/s" in shown and "13/13" in shown.replace(" ", "")  # every input counted, with a rate
