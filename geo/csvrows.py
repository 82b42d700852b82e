"""CSV records split from a byte stream with a size cap, each with the lines it spans."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

__all__ = ["Row", "csv_rows"]

_START, _FIELD, _QUOTED, _QUOTE_IN_QUOTED = range(4)
_TOKENS = re.compile(rb'[",]')
_PIECE = 2**20


@dataclass(frozen=True, slots=True)
class Row:
    """One CSV record's bytes (None when it cannot be read), its first and last line, and why not."""

    data: bytes | None
    first: int
    last: int
    problem: str | None = None


def csv_rows(fh: BinaryIO, limit: int) -> Iterator[Row]:
    """Every record of a seekable CSV stream (quoted fields may span lines), split as the csv module does.

    A record over ``limit`` bytes is a Row with a problem and no data, and the next ones follow; a
    quote that never closes is reported at the record it opened in, and reading resumes on the line
    after the quote.
    """
    line = offset = 0
    while True:
        state, pieces, size, first = _START, [], 0, line + 1
        quote_line = resume = 0
        while piece := fh.readline(_PIECE):
            offset += len(piece)
            if not size:
                first = line + 1
            state, opened = _scan(piece, state)
            if opened:
                quote_line = line + 1
            size += len(piece)
            if pieces is not None:
                pieces.append(piece)
                if size > limit:
                    pieces = None
            if not piece.endswith(b"\n"):
                continue
            line += 1
            if quote_line == line:
                resume = offset
            if state != _QUOTED:
                yield _row(pieces, first, line, limit)
                state, pieces, size = _START, [], 0
        if not size:
            return
        if state != _QUOTED:
            yield _row(pieces, first, line + 1, limit)
            return
        yield Row(None, first, line + 1, f"unterminated quote: the quoted field opened on line {quote_line} "
                                         f"never closes (read on from the line after it)")
        if quote_line > line:  # opened on the last line, which has no newline: nothing after it
            return
        fh.seek(resume)
        line, offset = quote_line, resume


def _row(pieces: list[bytes] | None, first: int, last: int, limit: int) -> Row:
    if pieces is None:
        return Row(None, first, last, f"row too large: over {limit / 2**20:g} MB, the limit")
    return Row(b"".join(pieces), first, last)


def _scan(piece: bytes, state: int) -> tuple[int, bool]:
    """The csv module's state (not strict) after ``piece``, and whether a quoted field opened in it."""
    content = piece.rstrip(b"\r\n")
    if b'"' not in piece:
        if state == _QUOTED or not content:
            return state, False
        return (_START if content.endswith(b",") else _FIELD), False
    opened, end = False, 0
    for m in _TOKENS.finditer(content):
        if m.start() > end and state in (_START, _QUOTE_IN_QUOTED):
            state = _FIELD
        if content[m.start()] == 0x2C:  # a comma
            if state != _QUOTED:
                state = _START
        elif state == _START:
            state, opened = _QUOTED, True
        elif state == _QUOTED:
            state = _QUOTE_IN_QUOTED
        elif state == _QUOTE_IN_QUOTED:
            state = _QUOTED
        end = m.end()
    if len(content) > end and state in (_START, _QUOTE_IN_QUOTED):
        state = _FIELD
    return state, opened
