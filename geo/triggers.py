"""Incident words (triggers) in a sentence, compiled once per language from the event-type registry."""

from __future__ import annotations

import re
import re._parser as _sre
from dataclasses import dataclass
from functools import cache

import ahocorasick

from geo import events, lang

__all__ = ["Trigger", "find_triggers"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that reports an incident: its kind and offsets in the text searched."""

    kind: str
    start: int
    end: int
    text: str


@cache
def _compiled(code: str) -> tuple[re.Pattern, dict[str, str]]:
    """One pattern with a named group per trigger, and the kind of each group."""
    groups, kinds = [], {}
    for i, (kind, pattern) in enumerate(events.triggers(code)):
        groups.append(rf"(?P<t{i}>{pattern})")
        kinds[f"t{i}"] = kind
    return re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)", re.IGNORECASE), kinds


def _required_text(pattern: str) -> str:
    """The longest run of literal characters every match of ``pattern`` holds (lower case), or ""."""
    best = run = ""
    for op, arg in _sre.parse(pattern):
        if op is _sre.LITERAL:
            run += chr(arg).lower()
            best = max(best, run, key=len)
        else:
            run = ""
    return best


@cache
def _prefilter(code: str) -> ahocorasick.Automaton | None:
    """Literal text one of which every trigger match holds: a C-speed test before the patterns
    (None when some pattern holds no literal long enough to test)."""
    auto = ahocorasick.Automaton()
    for _, pattern in events.triggers(code):
        needle = _required_text(pattern)
        if len(needle) < 3:
            return None
        auto.add_word(needle, needle)
    auto.make_automaton()
    return auto


@cache
def _modifier(code: str) -> re.Pattern:
    """A trigger word that only modifies a noun ("protest leaders", "dirigentes de la protesta"):
    the noun right after it, or before it with "de", as the language orders them."""
    lx = lang.lexicon(code)
    nouns = "|".join(sorted(map(re.escape, lx.MODIFIED_NOUNS), key=len, reverse=True))
    if lx.MODIFIER_ORDER == "before":
        return re.compile(rf"\s+(?:{nouns})(?!\w)", re.IGNORECASE)
    return re.compile(rf"(?<!\w)(?:{nouns})\s+(?:de|del)\s+(?:(?:la|las|los|el)\s+)?$", re.IGNORECASE)


def _modifies_a_noun(text: str, m: re.Match, code: str) -> bool:
    pattern = _modifier(code)
    if lang.lexicon(code).MODIFIER_ORDER == "before":
        return bool(pattern.match(text, m.end()))
    return bool(pattern.search(text, max(0, m.start() - 40), m.start()))


def find_triggers(text: str, code: str = "en", start: int = 0, end: int | None = None) -> list[Trigger]:
    """The incident words of ``text[start:end]`` (offsets into ``text``), most specific kind first.

    A word that only modifies a noun ("protest leaders") reports no event and is left out.
    """
    end = len(text) if end is None else end
    needles = _prefilter(code)
    if needles is not None and next(needles.iter(text[start:end].lower()), None) is None:
        return []
    pattern, kinds = _compiled(code)
    found = [Trigger(kinds[m.lastgroup], m.start(), m.end(), m.group(0))
             for m in pattern.finditer(text, start, end)
             if not _modifies_a_noun(text, m, code)]
    found.sort(key=lambda t: (events.precedence(t.kind), t.start))
    return found
