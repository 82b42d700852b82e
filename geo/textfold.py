"""Fold text for matching (ASCII, lower case, one space between words) keeping offsets."""

from __future__ import annotations

import codecs
import re
import re._parser as _sre

import numpy as np
from unidecode import unidecode

from geo.identity import by_identity

__all__ = ["CELL_START", "fold_text", "lower", "lower_cells", "lower_pattern", "required_literal", "required_literals"]


#: Lower case that keeps every offset (str.lower turns "İ" into two characters) for the letters of
#: English and Spanish: lower-case patterns over lowered text run several times faster than IGNORECASE.
#: "ſ" (long s) and "K" (Kelvin sign) are the letters IGNORECASE also takes for "s" and "k".
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÍÓÚÑÜÀÈÌÒÙſ\u212a", "abcdefghijklmnopqrstuvwxyzáéíóúñüàèìòùsk")
_UPPER_LITERAL = re.compile(r"(?<!\\)(?<!\(\?)[A-ZÁÉÍÓÚÑÜÀÈÌÒÙ]")  # not "\\W", not "(?P<"


@by_identity(16)
def lower(text: str) -> str:
    """``text`` in lower case, character for character (offsets into it are offsets into ``text``);
    remembered for the last few texts, as every stage asks for the document's."""
    low = text.lower()
    if len(low) != len(text):  # a letter lowered into two ("İ"): one by one instead
        return text.translate(_LOWER)
    return low.replace("ſ", "s") if "ſ" in low else low


#: A cell of a table flattened into text starting right after the last word of the cell before it
#: ("Muru Muru massacreNovember, 1984"): the capital a lower-case letter runs into. Read from the capital
#: (rare, so scanned for at C speed); what stands before it is read before the start of a search too.
CELL_START = re.compile(r"[A-ZÁÉÍÓÚÑ](?<=[a-záéíóúñ][A-ZÁÉÍÓÚÑ])")


@by_identity(16)
def lower_cells(text: str) -> str:
    """``text`` lowered, with a space for the capital that starts a table cell run into the word before
    it ("massacreNovember" is "massacre ovember"): a word ends there. Offsets are kept."""
    return lower(CELL_START.sub(" ", text))


def lower_pattern(pattern: str) -> str:
    """A regular expression's upper-case literals in lower case (escapes such as ``\\W`` kept)."""
    return _UPPER_LITERAL.sub(lambda m: m.group(0).translate(_LOWER), pattern)


class _FoldTable(dict):
    """str.translate table mapping every character to one ASCII letter, digit or space."""

    def __missing__(self, code: int) -> int:
        out = unidecode(chr(code)).lower()
        c = out[:1]
        value = ord(c) if c.isascii() and c.isalnum() else 32
        self[code] = value
        return value


_TABLE = _FoldTable()
#: The same folding for Latin-1 characters, as a bytes.translate table (C speed).
_LATIN1 = bytes(_TABLE[c] for c in range(256))


def _fold_beyond_latin1(error: UnicodeEncodeError) -> tuple[str, int]:
    """Encoding error handler: characters beyond Latin-1 ("ł", "“", "—") folded by the table."""
    return "".join(chr(_TABLE[ord(c)]) for c in error.object[error.start:error.end]), error.end


codecs.register_error("geo-fold", _fold_beyond_latin1)


def fold_text(text: str, blanks: np.ndarray | None = None) -> tuple[str, np.ndarray]:
    """Return the folded text and, for each of its characters, the index in ``text``.

    Folding maps each character to one ASCII character (so offsets survive), the characters at
    ``blanks`` to spaces, then collapses runs of spaces, so "Cantute\\nbridge" folds to "cantute bridge".
    """
    raw = np.frombuffer(text.encode("latin-1", "geo-fold").translate(_LATIN1), dtype=np.uint8)
    if blanks is not None and len(blanks):
        raw = raw.copy()
        raw[blanks] = 32
    space = raw == 32
    keep = ~(space & np.concatenate(([True], space[:-1])))
    offsets = np.flatnonzero(keep)
    return raw[keep].tobytes().decode("ascii"), offsets


def required_literal(pattern: str) -> str:
    """The longest run of literal characters every match of ``pattern`` holds (lower case), or ""."""
    best = run = ""
    for op, arg in _sre.parse(pattern):
        if op is _sre.LITERAL:
            run += chr(arg).lower()
            best = max(best, run, key=len)
        else:
            run = ""
    return best


def required_literals(pattern: str, keep_case: bool = False) -> frozenset[str] | None:
    """Literal strings (lower case, or as written with ``keep_case``: for a pattern that heeds case)
    one of which every match of ``pattern`` holds, or None when no such set can be read from it:
    "(?:de|del) (?:enero|mayo)" gives {"enero", "mayo"} (the longer choice), a group that may be
    absent gives nothing; spaces around a literal add nothing to its rarity (" the " is "the"). A
    C-speed test for them rules a pattern out."""
    return _literals(_sre.parse(pattern), str if keep_case else str.lower)


def _literals(items, case) -> frozenset[str] | None:
    best: frozenset[str] | None = None

    def better(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or _rarity(found) > _rarity(best)):
            best = found

    run = ""
    for op, arg in items:
        if op is _sre.LITERAL:
            run += case(chr(arg))
            continue
        better(frozenset([run]) if run else None)
        run = ""
        if op is _sre.SUBPATTERN and not (case is str and arg[1] & _sre.SRE_FLAG_IGNORECASE):
            better(_literals(arg[-1], case))
        elif op is _sre.BRANCH:
            choices = [_literals(branch, case) for branch in arg[1]]
            better(None if None in choices else frozenset().union(*choices))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
            better(_literals(arg[2], case))
    better(frozenset([run]) if run else None)
    return best


def _rarity(literals: frozenset[str]) -> int:
    """How rarely some literal of the set stands in a text, measured by its shortest word."""
    return min(len(n.strip()) for n in literals)
