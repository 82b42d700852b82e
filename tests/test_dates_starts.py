"""Date patterns tried only where a match may start: the same matches as scanning every place."""

from __future__ import annotations

import re
import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo import dates as D
from geo.textfold import lower

REPORT_DAY = date(2003, 6, 20)

SENTENCES = [
    "12 April 1990: rebels attacked the post.",
    "On 5 May 1989 and again on 7-9 June the column struck.",
    "Date10 April 2016 Location Ayacucho",
    "pre-12 April talks; x-1990 and -in 1991 and in-1992",
    "word12 April, a12/3/90 and 3/4 and 2003-06-19 and 1x2003-06-19",
    "In 1990, during March and since 1984 the attacks grew; from  \n 1985 on.",
    "the 1983 Tarata bombing and 2001 Lima car bomb; 1,1990 massacre",
    "El 7 de julio y el 11 atacaron; el\n 3 de agosto de 1532 también.",
    "El día 12 y del día 13, del 14 del mismo mes; on the 16th, the 11 soldiers; EL DÍA 9 y-el 5, ayer y hoy",
    "el 26, en la plaza; el 3.5 por ciento; el 17 del mismo mes; Él 4 Lima, the 2nd of that month",
    "A partir de 1990, a  partir \n de julio, desde marzo de 1991 y en enero de 1992.",
    "Entre 1980 y 1985, hasta   1990; en mayo del 2001 y en 2002.",
    "January 5, 1990 and March 3 and Sept. 11, 2001 and May 1991Santa Barbara",
    "summarized commas in,march of 1990 inmarch 1990 the-march",
    "1990 1991 in\n\n1992 of\t1893 de 1894 del 1995 since1996 in 1850",
    "Late April, mid-1990, a mediados de 1991, end of May 1990, early March",
    "no date here, only words and 42 numbers 7",
    "٣ April and ١٩٩٠ and in ٢٠٠١",
    "",
]


def _pairs(text: str, lo: int, hi: int):
    """Per pattern tried at its starts: the matches found that way and by scanning every place."""
    low = lower(text)
    digits = [m.start() for m in D._DIGITS.finditer(low, lo, hi)]
    months = [m.start() for m in D._ANY_MONTH.finditer(low, lo, hi)]
    starts = D._starts(low, lo, hi, digits, months)
    for kind, pattern, lowered in D._PATTERNS:
        if kind in starts:
            searched = low if lowered else text
            fast = [(m.span(), m.groupdict()) for m in D._tried_at(pattern, searched, starts[kind], hi)]
            yield kind, fast, [(m.span(), m.groupdict()) for m in pattern.finditer(searched, lo, hi)]
    fast = [(m.span(), m.groupdict()) for m in D._tried_at(D._DAY_ALONE, text, D._article_starts(text, lo, digits), hi)]
    yield "day_alone", fast, [(m.span(), m.groupdict()) for m in D._DAY_ALONE.finditer(text, lo, hi)]


@pytest.mark.parametrize("text", SENTENCES)
def test_same_matches_over_every_span(text):
    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 1, 3):
            for kind, fast, scanned in _pairs(text, lo, hi):
                assert fast == scanned, (kind, lo, hi)


@pytest.mark.parametrize("text", SENTENCES)
def test_same_dates_as_scanning(text, monkeypatch):
    found = D.find_dates(text, REPORT_DAY), D.find_dates(text, None)
    monkeypatch.setattr(D, "_starts", lambda *args: {})
    monkeypatch.setattr(D, "_article_starts", lambda text, lo, digits: range(lo, len(text)))  # every place
    assert found == (D.find_dates(text, REPORT_DAY), D.find_dates(text, None))


TOKENS = ["1990", "1850", "12", "3", "2001-02-03", "4/5/90", "April", "march", "Sept.", "julio", "de", "del", "el",
          "in", "en", "of", "during", "the", "since", "día", "del", "El", "Él", "a", "partir", "desde", "mid", "x", "Lima", "bombing",
          " ", "  ", "\n", "\t", "-", "–", ",", ".", "/", "th"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=14), st.integers(0, 60), st.integers(0, 60))
def test_same_matches_on_random_token_runs(tokens, a, b):
    text = "".join(tokens)
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    for kind, fast, scanned in _pairs(text, lo, hi):
        assert fast == scanned, kind


def test_space_and_digit_as_the_patterns_read_them():
    """str.isspace is "\\s", and lowering a text keeps where its digits are (digits are read in the lowered
    text for patterns that read the text itself)."""
    chars = "".join(map(chr, range(sys.maxunicode + 1)))
    space, digit = re.compile(r"\s"), re.compile(r"\d")
    assert all(c.isspace() == bool(space.match(c)) for c in chars)
    assert [bool(digit.match(c)) for c in lower(chars)] == [bool(digit.match(c)) for c in chars]
    assert all(bool(digit.match(c)) == bool(digit.match(c.lower()[:1])) for c in chars if len(c.lower()) == 1)


def test_lead_in_words_are_letters():
    """A date's words before its month or year, and a day's article, are letters apart, as _led_by_words reads them."""
    articles = [a for code in D.lang.languages() for a in D.lang.lexicon(code).DAY_ARTICLES]
    assert all(w.isalpha() for p in [*D.tables("PERIOD_OPENERS"), *articles] for w in p.split())
    assert D._LEAD_WORDS >= max(len(p.split()) for p in articles)
    assert D._led_by_words("since a  partir \n de 1990", 0, 21) == [21, 18, 9, 6]
    assert D._led_by_words("x-in 1990", 2, 5) == [5, 2]


def _relative_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    low = lower(text)
    return [m.span() for m in D._RELATIVE_LOWER.finditer(low, lo, hi) if not D._counted_from_another(low, m)]


def _respelt(text: str, rng) -> str:
    """``text`` with some vowels accented and some letters in capitals, as reports spell them."""
    accents = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "úü"}
    return "".join(rng.choice(accents[c]) if c in accents and rng.random() < 0.3 else c.upper() if rng.random() < 0.2
                   else c for c in text)


RELATIVE_SENTENCES = [
    "Dos días después, y a la mañana siguiente, three days later. That NIGHT they left; el día anterior.",
    "Dos dias despues y DOS DÍAS DESPUÉS; tres semanas antes; two weeks before; hours later; esa noche",
    "the same  \n day, the next day, días  después, x-later, 3 days later, 3.5 days later, momentos después",
    "no relative date: later reports, the day, the night shift, mañanas",
]


@pytest.mark.parametrize("text", RELATIVE_SENTENCES)
def test_relative_dates_screened_by_their_words_are_all_found(text):
    for lo in range(0, len(text) + 1, 2):
        for hi in range(lo, len(text) + 1, 5):
            assert [(r.start, r.end) for r in D.find_relative_dates(text, lo, hi)] == _relative_spans(text, lo, hi)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(sorted({*D._EVENT_DAYS, *D._COUNTED_DAYS, *D._NUMBER_WORDS, "3", "x"})), max_size=6),
       st.randoms())
def test_every_relative_phrase_in_any_spelling_passes_the_screen(words, rng):
    text = _respelt(" ".join(words), rng)
    assert [(r.start, r.end) for r in D.find_relative_dates(text)] == _relative_spans(text, 0, len(text))


@settings(max_examples=300)
@given(st.lists(st.sampled_from(sorted({*D._RELATIVE_WORDS, *D.WEEKDAYS, "early", "a finales de", "mayo", "1990",
                                        "on", "el pasado", "x"})), max_size=6), st.randoms())
def test_every_match_of_an_anchored_pattern_holds_one_of_its_anchors(words, rng):
    text = _respelt(" ".join(words), rng)
    for sentence in (text, *SENTENCES, *RELATIVE_SENTENCES):
        for kind, pattern, lowered in D._PATTERNS:
            searched = lower(sentence) if lowered else sentence
            for m in pattern.finditer(searched) if kind in D._ANCHORS else ():
                assert next(D._ANCHORS[kind].iter(searched, m.start(), m.end()), None) is not None, (kind, m.group())
