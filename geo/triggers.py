"""Incident words (triggers) in a sentence, compiled once per language from the event-type registry."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

import ahocorasick

from geo import events, lang
from geo.screen import any_of
from geo.textfold import lower_cells, lower_pattern, required_literal

__all__ = ["Trigger", "find_triggers", "triggers_by_span"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that reports an incident: its kind and offsets in the text searched."""

    kind: str
    start: int
    end: int
    text: str


@cache
def _compiled(code: str) -> tuple[re.Pattern, list[str]]:
    """One pattern for every trigger, each alternative ending in an empty group of its own (at the end, so
    the matcher's first-letter test of each branch still works), and the kinds by group number: a match's
    ``lastindex`` tells which trigger it is, in the registry's order."""
    patterns = [(lower_pattern(p), kind) for kind, p in events.triggers(code)]
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})()" for p, _ in patterns) + r")(?!\w)")
    if pattern.groups != len(patterns):
        raise ValueError("trigger patterns must not capture: write (?:...) for their groups")
    return pattern, [""] + [kind for _, kind in patterns]


@cache
def _prefilter(code: str) -> ahocorasick.Automaton | None:
    """Literal text one of which every trigger match holds: a C-speed test before the patterns
    (None when some pattern holds no literal long enough to test)."""
    needles = [required_literal(pattern) for _, pattern in events.triggers(code)]
    return any_of(needles) if all(len(n) >= 3 for n in needles) else None


@cache
def _modifier(code: str) -> re.Pattern:
    """A trigger word that only modifies a noun ("protest leaders", "dirigentes de la protesta"):
    the noun right after it, or before it with "de", as the language orders them."""
    lx = lang.lexicon(code)
    nouns = "|".join(sorted(map(re.escape, lx.MODIFIED_NOUNS), key=len, reverse=True))
    if lx.MODIFIER_ORDER == "before":
        return re.compile(rf"\s+(?:{nouns})(?!\w)", re.IGNORECASE)
    return re.compile(rf"(?<!\w)(?:{nouns})\s+(?:de|del)\s+(?:(?:la|las|los|el)\s+)?$", re.IGNORECASE)


def _modifies_a_noun(text: str, start: int, end: int, code: str) -> bool:
    pattern = _modifier(code)
    if lang.lexicon(code).MODIFIER_ORDER == "before":
        return bool(pattern.match(text, end))
    return bool(pattern.search(text, max(0, start - 40), start))


def find_triggers(text: str, code: str = "en", start: int = 0, end: int | None = None) -> list[Trigger]:
    """The incident words of ``text[start:end]`` (offsets into ``text``), most specific kind first.

    A word that only modifies a noun ("protest leaders") reports no event and is left out.
    """
    end = len(text) if end is None else end
    needles = _prefilter(code)
    if needles is not None and next(needles.iter(lower_cells(text), start, end), None) is None:
        return []
    return _matched(text, code, start, end)


def triggers_by_span(text: str, code: str, spans: list[tuple[int, int]]) -> list[list[Trigger]]:
    """:func:`find_triggers` of each of the sorted, disjoint ``spans`` (sentences), with one pass of
    the literal test over the whole text: only a span holding one of its literals is searched."""
    needles = _prefilter(code)
    if needles is None:
        return [_matched(text, code, s, e) for s, e in spans]
    out: list[list[Trigger]] = [[] for _ in spans]
    starts = [s for s, _ in spans]
    searched = -1
    for last, needle in needles.iter(lower_cells(text)):
        first = last - len(needle) + 1
        i = bisect_right(starts, first) - 1
        if i > searched and i >= 0 and last < spans[i][1]:  # the literal lies wholly inside span i
            out[i] = _matched(text, code, *spans[i])
            searched = i
    return out


def _matched(text: str, code: str, start: int, end: int) -> list[Trigger]:
    lowered = lower_cells(text)  # "massacreNovember, 1984" (a flattened table) names a massacre
    pattern, kinds = _compiled(code)
    found = []
    for m in pattern.finditer(lowered, start, end):
        s, e = m.span()
        if not _modifies_a_noun(text, s, e, code):
            found.append(Trigger(kinds[m.lastindex], s, e, text[s:e]))
    found.sort(key=lambda t: (events.precedence(t.kind), t.start))
    return found
