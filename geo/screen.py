"""Regular expressions screened by the literals every match holds: a C-speed automaton pass rules a text out first."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

import ahocorasick

from geo.identity import by_identity
from geo.textfold import required_literals

__all__ = ["Screened", "Screens", "any_of"]

#: The letters IGNORECASE takes for a Latin one that str.lower does not lower into it ("ı" and "İ" are "i",
#: "ſ" is "s"); with them, lowered text holds a literal wherever the pattern may match it, in either case.
_TWINS = str.maketrans({"ı": "i", "İ": "i", "ſ": "s"})


@by_identity(16)
def _folded(text: str) -> str:
    """``text`` with case folded as the screen compares (one character for one: offsets are kept);
    remembered for the last few texts, as each of a sentence's cues asks for it."""
    low = text.lower()
    if len(low) == len(text) and "ı" not in low and "ſ" not in low:  # "İ" lowers into two characters
        return low
    return text.translate(_TWINS).lower()


def _folds_exactly(literals: frozenset[str]) -> bool:
    """Are the literals' letters all ones the screen folds as IGNORECASE does?"""
    return all(c < "\u0250" and c != "µ" for n in literals for c in n)


class Screened:
    """A compiled pattern and the literals one of which each of its matches holds: ``search``,
    ``match`` and ``fullmatch`` give what the pattern gives, and run it only where one of them stands."""

    __slots__ = ("pattern", "_needles")

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        literals = required_literals(pattern.pattern)
        self._needles = None
        if literals and _folds_exactly(literals):
            self._needles = any_of(n.translate(_TWINS).lower() for n in literals)

    def _may_match(self, text: str, pos: int, endpos: int) -> bool:
        if self._needles is None:
            return True
        end = min(endpos, len(text))
        return next(self._needles.iter(_folded(text), max(0, min(pos, end)), end), None) is not None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.pattern.search(text, pos, endpos) if self._may_match(text, pos, endpos) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.pattern.match(text, pos, endpos) if self._may_match(text, pos, endpos) else None

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.pattern.fullmatch(text, pos, endpos) if self._may_match(text, pos, endpos) else None


class Screens:
    """Several patterns screened at once: one automaton pass over a text as written (for the patterns
    that heed case) and one over it case-folded (for those that ignore it) say which may match in it."""

    __slots__ = ("_always", "_cased", "_caseless")

    def __init__(self, patterns: list[re.Pattern]) -> None:
        always: set[int] = set()
        cased: dict[str, set[int]] = {}
        caseless: dict[str, set[int]] = {}
        for i, pattern in enumerate(patterns):
            ignore = bool(pattern.flags & re.IGNORECASE)
            literals = required_literals(pattern.pattern, keep_case=not ignore)
            if not literals or (ignore and not _folds_exactly(literals)):
                always.add(i)
                continue
            for n in literals:
                (caseless if ignore else cased).setdefault(n.translate(_TWINS).lower() if ignore else n, set()).add(i)
        self._always = frozenset(always)
        self._cased, self._caseless = _automaton(cased), _automaton(caseless)

    def may_match(self, text: str) -> set[int]:
        """The positions in the list of the patterns that may match somewhere in ``text``."""
        found = set(self._always)
        if self._cased is not None:
            for _, which in self._cased.iter(text):
                found |= which
        if self._caseless is not None:
            for _, which in self._caseless.iter(_folded(text)):
                found |= which
        return found


def any_of(words: Iterable[str]) -> ahocorasick.Automaton:
    """An automaton finding any of the words (each its own value): one C-speed pass says whether,
    and where, a text holds one."""
    auto = ahocorasick.Automaton()
    for word in words:
        auto.add_word(word, word)
    auto.make_automaton()
    return auto


def _automaton(needles: dict[str, set[int]]) -> ahocorasick.Automaton | None:
    """An automaton finding each needle, with the patterns it stands for as its value; None for none."""
    if not needles:
        return None
    auto = ahocorasick.Automaton()
    for needle, which in needles.items():
        auto.add_word(needle, frozenset(which))
    auto.make_automaton()
    return auto
