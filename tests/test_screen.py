"""Screened patterns give what their pattern gives, in every case the automaton could miss."""

from __future__ import annotations

import re

import pytest

from geo.screen import Screened, Screens

PATTERNS = [r"(?<!\w)(?:killed|asesinad[oa]s?)(?!\w)", r"(?<!\w)(?:the|este)\s+attack(?!\w)", r"si\w+ss"]
TEXTS = ["Five were KILLED in Huanta.", "Fueron ASESINADOS ayer", "ThE  Attack began", "nothing here",
         "k\u0131lled", "K\u0130LLED", "\u017fi\u017fss", "SIMSS", "este ataque", ""]


@pytest.mark.parametrize("source", PATTERNS)
@pytest.mark.parametrize("text", TEXTS)
def test_same_as_the_pattern(source, text):
    pattern = re.compile(source, re.IGNORECASE)
    screened = Screened(pattern)
    for pos, endpos in [(0, len(text)), (3, len(text)), (0, 9), (2, 100), (50, 60)]:
        for how in ("search", "match", "fullmatch"):
            want = getattr(pattern, how)(text, pos, endpos)
            got = getattr(screened, how)(text, pos, endpos)
            assert (want and want.span()) == (got and got.span())


def test_rules_a_text_out_without_running_the_pattern():
    class Counting:
        pattern = r"(?<!\w)massacre(?!\w)"
        runs = 0

        def search(self, *args):
            Counting.runs += 1
            return None

    screened = Screened(Counting())
    assert screened.search("a quiet day in Lima") is None and Counting.runs == 0
    screened.search("the Massacre of Accomarca")
    assert Counting.runs == 1


@pytest.mark.parametrize("text", TEXTS + ["The Street", "the street", "SI\u017fSS", "aBcDe"])
def test_screens_keep_every_pattern_that_matches(text):
    patterns = [re.compile(p, flags) for p in PATTERNS + [r"[A-Z]\w+ Street", r"a(?i:bcd)e", r"\w+"]
                for flags in (0, re.IGNORECASE)]
    may = Screens(patterns).may_match(text)
    assert {i for i, p in enumerate(patterns) if p.search(text)} <= may


def test_screens_rule_out_what_case_forbids():
    patterns = [re.compile(r"[A-Z]\w+ Street"), re.compile(r"(?i)calle \w+")]
    assert Screens(patterns).may_match("THE MAIN STREET") == set()
    assert Screens(patterns).may_match("CALLE Tarata") == {1}
