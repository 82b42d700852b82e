"""Fold text for matching (ASCII, lower case, one space between words) keeping offsets."""

from __future__ import annotations

import numpy as np
from unidecode import unidecode

__all__ = ["fold_text"]


class _FoldTable(dict):
    """str.translate table mapping every character to one ASCII letter, digit or space."""

    def __missing__(self, code: int) -> int:
        out = unidecode(chr(code)).lower()
        c = out[:1]
        value = ord(c) if c.isascii() and c.isalnum() else 32
        self[code] = value
        return value


_TABLE = _FoldTable()


def fold_text(text: str) -> tuple[str, np.ndarray]:
    """Return the folded text and, for each of its characters, the index in ``text``.

    Folding maps each character to one ASCII character (so offsets survive), then collapses
    runs of spaces, so "Cantute\\nbridge" folds to "cantute bridge".
    """
    same_length = text.translate(_TABLE)
    raw = np.frombuffer(same_length.encode("ascii"), dtype=np.uint8)
    space = raw == 32
    keep = ~(space & np.concatenate(([True], space[:-1])))
    offsets = np.flatnonzero(keep)
    return raw[keep].tobytes().decode("ascii"), offsets
