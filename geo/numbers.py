"""Numbers written in digits or words ("1,200", "twenty-one", "doscientos cinco"), from each language's words."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from geo.lang import lexicon

__all__ = ["Token", "tokenize", "split_words", "read_number", "parse_number"]

_CAP = 10**7  # no incident counts more: larger figures are not counts ("1e309 killed")
_PIECE = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+|\S")  # a run of letters and digits, or one other mark
_WORD_GLUE = "-'’"  # "twenty-one", "20-year", "O'Brien"
_DIGIT_GLUE = ",.:/"  # "1,200", "12.5", "10:30", "11/13/07"
#: the spaces before a run, and the run: one mark, or pieces (and underscores) with the marks that may glue them;
#: possessive (nothing after a space, letter or glued piece could take it back), so the engine keeps no backtracking
_RUN = re.compile(rf"(\s*+)([\w\u0300-\u036f]++(?:[{re.escape(_WORD_GLUE + _DIGIT_GLUE)}][\w\u0300-\u036f]++)*+|\S)")


class Token(NamedTuple):
    """A word, figure or punctuation mark: its text folded to lower case, and its offsets."""

    text: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words, figures and punctuation marks of ``text[start:end]``, with offsets into ``text``.

    A figure keeps its separators ("1,200", "10:30") and a hyphenated word stays one token
    ("twenty-one", "20-year"). Work is linear in the length of the text.
    """
    return list(map(Token, *split_words(text, start, end)))


def split_words(text: str, start: int = 0, end: int | None = None) -> tuple[list[str], list[int], list[int]]:
    """The tokens of ``text[start:end]`` (:func:`tokenize`) as three lists: their texts, starts and ends."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at = start
    for space, run in _RUN.findall(text, start, len(text) if end is None else end):
        first = at + len(space)
        at = first + len(run)
        if len(run) == 1 or run.isalnum():  # one piece, one token: most words
            word = run.lower()
            words.append(word if word.isascii() else unicodedata.normalize("NFC", word))
            starts.append(first)
            ends.append(at)
        else:
            for token in _glued(text, first, at):
                words.append(token.text)
                starts.append(token.start)
                ends.append(token.end)
    return words, starts, ends


def _glued(text: str, start: int, end: int) -> list[Token]:
    """The tokens of a run of pieces and marks: pieces joined by a mark when it glues them ("twenty-one",
    "1,200"), other pieces and marks apart ("U.S", "a_b")."""
    pieces = [m.span() for m in _PIECE.finditer(text, start, end)]
    tokens: list[Token] = []
    i = 0
    while i < len(pieces):
        s, e = pieces[i]
        left = text[s:e]
        i += 1
        while i + 1 < len(pieces) and pieces[i][0] == e and pieces[i + 1][0] == pieces[i][1]:
            mark, right = text[pieces[i][0]], text[pieces[i + 1][0]:pieces[i + 1][1]]
            if not (mark in _WORD_GLUE and left[-1].isalnum() and right[0].isalnum()
                    or mark in _DIGIT_GLUE and left.isdecimal() and right.isdecimal()):
                break
            left, e, i = right, pieces[i + 1][1], i + 2
        word = text[s:e].lower()
        tokens.append(Token(word if word.isascii() else unicodedata.normalize("NFC", word), s, e))
    return tokens


_Tables = tuple[dict[str, int], dict[str, int], frozenset[str]]  # number words, scale words, joiners


@cache
def _tables(code: str) -> _Tables:
    lang = lexicon(code)
    return lang.NUMBER_WORDS, lang.SCALE_WORDS, frozenset(lang.NUMBER_JOINERS)


def _digits(word: str) -> int | None:
    """ "12" -> 12, "1,200" or "1.200" -> 1200; None for other words ("12.5", "10:30", "1990s")."""
    head, *groups = word.replace(".", ",").split(",")
    if not head.isdecimal() or groups and (len(head) > 3 or any(len(g) != 3 or not g.isdecimal() for g in groups)):
        return None
    digits = head + "".join(groups)
    return int(digits) if len(digits) <= 8 else _CAP + 1


def _place(value: int) -> int:
    """The lowest place a value fills: 30 -> 10, 200 -> 100, 22 -> 1; a word after it must be smaller."""
    place = 1
    while value and value % (place * 10) == 0:
        place *= 10
    return place


_State = tuple[int, int, float, float]  # total, current (below a thousand), room (next word below it), top scale


def _add(state: _State | None, word: str, tables: _Tables, joined: bool = False) -> _State | None:
    """The number read so far with ``word`` added, or None when the word does not continue it."""
    units, scales, _ = tables
    if state is None and word[:1].isdecimal():
        value = _digits(word)
        if value is not None:
            return (0, value, 0, math.inf) if value <= _CAP else None
    total, current, room, top = state or (0, 0, math.inf, math.inf)
    for part in word.split("-"):  # "twenty-one"
        if part in units and units[part] < room and not (joined and room < 10):
            current, room = current + units[part], _place(units[part])
        elif part in scales and not joined and current < scales[part] < top:
            current, room = max(current, 1) * scales[part], scales[part]
            if room >= 1000:
                total, current, top = total + current, 0, room
        else:
            return None
        joined = False
    return (total, current, room, top) if total + current <= _CAP else None


def read_number(words: Sequence[str], i: int, code: str = "en") -> tuple[int, int] | None:
    """The number written from ``words[i]`` on: its value and the index after its last word.

    ``words`` are tokens folded to lower case (:func:`tokenize`). Words join while each is smaller
    than the place before it ("doscientos treinta y cinco", "two hundred and five", "2 million");
    a joiner joins only a smaller word ("treinta y siete", not "tres y dos"). None when no number
    starts at ``i``.
    """
    tables = _tables(code)
    state, j = None, i
    while j < len(words):
        step = _add(state, words[j], tables)
        if step is None and state is not None and words[j] in tables[2] and j + 1 < len(words):
            step = _add(state, words[j + 1], tables, joined=True)
            j += step is not None
        if step is None:
            break
        state, j = step, j + 1
    return (state[0] + state[1], j) if state else None


def parse_number(text: str, code: str = "en") -> int | None:
    """The value of a count such as ``"four"``, ``"twenty-one"``, ``"1,200"`` or ``"una docena"`` (``code="es"``).

    None when ``text`` is not one number ("several", "dozens": vague counts have no figure) or is
    larger than any incident's count.
    """
    words = [t.text for t in tokenize(text)]
    found = read_number(words, 0, code) if words else None
    return found[0] if found and found[1] == len(words) else None
