"""Language data for incident reporting: one module per language, found by its ISO 639-1 code.

Each module (``en``, ``es``, ...) holds plain words and short patterns: incident triggers by
event type, number words, casualty words and their voice, victim nouns, negations, hedges,
historical markers, relative dates and actor names. Every stage compiles what it needs from
them once per language (:func:`lexicon`), so a new language is one new module here.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter
from functools import cache
from types import ModuleType

__all__ = ["lexicon", "languages", "detect", "every", "DEFAULT"]

#: The language of a document that gives no sign of its own.
DEFAULT = "en"


@cache
def languages() -> tuple[str, ...]:
    """The codes of every language module in this package, sorted."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))


@cache
def lexicon(code: str) -> ModuleType:
    """The language module for ``code`` ("en", "es"); ValueError naming the known codes otherwise."""
    if code not in languages():
        raise ValueError(f"unknown language {code!r}; known: {', '.join(languages())}")
    return importlib.import_module(f"{__name__}.{code}")


@cache
def every(name: str):
    """The word list ``name`` of every language module joined: a frozenset of words (from sets
    and tuples), one dict (from dicts) or one list (from lists)."""
    values = [getattr(lexicon(code), name) for code in languages()]
    if all(isinstance(v, dict) for v in values):
        return {k: v for d in values for k, v in d.items()}
    if all(isinstance(v, list) for v in values):
        return [x for v in values for x in v]
    return frozenset(x for v in values for x in v)


@cache
def _stopword_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for code in languages():
        for word in lexicon(code).STOPWORDS:
            table.setdefault(word, []).append(code)
    return {w: tuple(c) for w, c in table.items()}


def detect(text: str, *, sample: int = 4_000) -> str:
    """The language of ``text``: the one whose function words it uses most (``DEFAULT`` on a tie).

    Words are what spaces separate in the first ``sample`` characters: a function word with a mark
    attached ("de,") is not counted, and enough others are (most function words stand inside a sentence).
    """
    table = _stopword_table()
    votes = dict.fromkeys(languages(), 0)
    counts = Counter(text[:sample].lower().split())
    for word in counts.keys() & table.keys():  # the function words only (most words are none)
        for code in table[word]:
            votes[code] += counts[word]
    best = max(votes.values())
    if best == 0 or list(votes.values()).count(best) > 1:
        return DEFAULT
    return max(votes, key=votes.get)
