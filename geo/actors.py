"""The actor registry and finder: who acts in a sentence, named as ACLED names actors, with inter codes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from geo import lang
from geo.textfold import lower, required_literals

__all__ = ["Actor", "find_actors", "INTER", "ACTORS"]

#: ACLED interaction codes.
INTER = {1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias",
         5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces"}
#: Every actor the lexicons name -> its ACLED inter code. Each language module's ACTOR_WORDS
#: gives the words for these names (narcoterroristas, remanentes and the Quispe Palomino clan
#: are all Sendero Luminoso).
ACTORS = {
    "Police Forces of Peru": 1, "Military Forces of Peru": 1, "Sendero Luminoso": 2, "MRTA": 2,
    "Drug traffickers": 3, "Etnocaceristas": 3, "Self-defence committees (Peru)": 3, "Cocaleros": 6,
    "Protesters (Peru)": 6, "Rioters (Peru)": 5, "Civilians (Peru)": 7, "Unidentified Armed Group (Peru)": 3,
}


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor named in a text, at an offset, with its ACLED inter code."""

    name: str
    inter: int
    start: int
    end: int


@cache
def _patterns(code: str, fold_case: bool) -> list[tuple[str, re.Pattern]]:
    """Per actor, one pattern; names written with capitals ("SL", "Sendero") match only so,
    unless ``fold_case`` (an all-capitals cable)."""
    out = []
    for name, words in lang.lexicon(code).ACTOR_WORDS.items():
        if name not in ACTORS:
            raise ValueError(f"geo/lang/{code}.py names actor {name!r}, which geo.actors.ACTORS lacks")
        exact = [w for w in words if w[:1].isupper() and not fold_case]
        loose = [w for w in words if w not in exact]
        parts = ([f"(?-i:{'|'.join(exact)})"] if exact else []) + loose
        out.append((name, re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)))
    return out


@cache
def _needles(code: str) -> tuple[ahocorasick.Automaton, frozenset[str]]:
    """Literal text one of which every mention of an actor holds, to each actor's name; and the
    actors some of whose words hold none (always searched)."""
    auto, always = ahocorasick.Automaton(), set()
    for name, words in lang.lexicon(code).ACTOR_WORDS.items():
        for word in words:
            needles = required_literals(word)  # "(?:army|navy) patrols?" holds "army" or "navy"
            if not needles or min(map(len, needles)) < 2:
                always.add(name)
                continue
            for needle in needles:
                auto.add_word(needle, auto.get(needle, frozenset()) | {name})
    auto.make_automaton()
    return auto, frozenset(always)


def _candidates(text: str, code: str, start: int, end: int) -> set[str]:
    """The actors that may be named in ``text[start:end]``: a C-speed scan before their patterns."""
    auto, always = _needles(code)
    found = set(always)
    for _, names in auto.iter(lower(text), start, end):
        found |= names
    return found


def _shouting(text: str) -> bool:
    """Is the text written in capitals (an all-caps cable)?"""
    return text.isupper()


def find_actors(text: str, code: str = "en", start: int = 0, end: int | None = None) -> list[Actor]:
    """Every actor mention in ``text[start:end]`` (offsets into ``text``), in order, never overlapping."""
    end = len(text) if end is None else end
    found: list[Actor] = []
    maybe = _candidates(text, code, start, end)
    for name, pattern in _patterns(code, _shouting(text[start:end])):
        if name not in maybe:
            continue
        for m in pattern.finditer(text, start, end):
            found.append(Actor(name, ACTORS[name], m.start(), m.end()))
    found.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[Actor] = []
    for a in found:
        if not out or a.start >= out[-1].end:
            out.append(a)
    return out
