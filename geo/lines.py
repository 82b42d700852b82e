"""Lines read with a bound: a line longer than the limit is skipped by chunks, never held in memory."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

__all__ = ["bounded_lines", "count_lines", "CHUNK"]

#: How much is read at a time when skipping or counting.
CHUNK = 2**20


def bounded_lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for every line of ``fh``; the bytes are None for a line over ``limit``."""
    n = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := fh.readline(CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield n, None
        else:
            yield n, line


def count_lines(fh: BinaryIO) -> int:
    """How many lines ``fh`` holds (a last line without a newline counts), read by chunks.

    A stream that breaks partway (a truncated or corrupt .gz) counts the lines before the break and
    one more: the line that fails is an input too, reported by its reader.
    """
    n, last = 0, b"\n"
    try:
        while chunk := fh.read1(CHUNK):  # read1: what came before a break is counted, never dropped
            n += chunk.count(b"\n")
            last = chunk[-1:]
    except (EOFError, OSError, zlib.error):
        return n + (last != b"\n") + 1
    return n + (last != b"\n")
