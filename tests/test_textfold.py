"""Folding text keeps a map back to the original offsets (property-based)."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gazetteer import fold
from geo.textfold import CELL_START, fold_text, lower, lower_cells, required_literals


@given(st.text(max_size=300))
def test_offsets_map_back_into_the_text(text):
    folded, offsets = fold_text(text)
    assert len(folded) == len(offsets)
    assert folded.isascii() and "  " not in folded
    assert all(0 <= o < len(text) for o in offsets)
    assert list(offsets) == sorted(set(offsets))


@given(st.text(max_size=100), st.lists(st.integers(min_value=0, max_value=99), max_size=10))
def test_blanks_fold_as_spaces_written_there(text, at):
    blanks = sorted({i for i in at if i < len(text)})
    spaced = "".join(" " if i in blanks else c for i, c in enumerate(text))
    folded, offsets = fold_text(text, np.array(blanks, dtype=np.intp))
    want, want_offsets = fold_text(spaced)
    assert folded == want and list(offsets) == list(want_offsets)


@given(st.lists(st.sampled_from(["Junín", "Ñaña", "San Martín", "Cusco", "Apurímac", "río Ene", "x"]),
                min_size=1, max_size=8), st.sampled_from([" ", "\n", " - ", ", ", "\t\t"]))
def test_every_name_is_found_at_its_original_place(names, sep):
    text = sep.join(names)
    folded, offsets = fold_text(text)
    pos = 0
    for name in names:
        key = fold(name)
        found = folded.find(key, pos)
        assert found >= 0
        start = offsets[found]
        end = offsets[found + len(key) - 1] + 1
        assert fold(text[start:end]) == key
        pos = found + len(key)


def test_lower_keeps_every_offset_and_lower_patterns_keep_their_syntax():
    from geo.textfold import lower, lower_pattern

    text = "İSTANBUL, Ñuñoa ÁREA ſan Kelvin"  # str.lower() would make "İ" two characters
    assert len(lower(text)) == len(text) and lower("ÑUÑOA Área") == "ñuñoa área"
    assert lower_pattern(r"(?P<Day>\d+)\W+IEDs?") == r"(?P<day>\d+)\W+ieds?"
    import re
    assert re.compile(lower_pattern(r"(?P<x>Ambush(?:ed)?)\S")).search(lower("AMBUSHED!"))


@pytest.mark.parametrize("pattern, literals", [
    (r"(?:de|del)\s+(?:enero|mayo)", {"enero", "mayo"}),  # the longer of two required choices
    (r"\bfoo(?:bar)?", {"foo"}),  # an optional group requires nothing
    (r"(?:ab)+c", {"ab"}),  # a group repeated at least once is required
    (r"[aá]bc", {"bc"}),  # a class is not a literal: the run after it is
    (r"(?:x|\d)", None),  # one branch has no literal: no set holds every match
    (r"\d+(?:st|nd)?", None),
    (r"(?=abc)\d", None),  # a lookahead consumes nothing
    (r"(?:in|over) the (?:next|ensuing) days", {"next", "ensuing"}),  # " the " is as common as "the"
])
def test_required_literals_hold_in_every_match(pattern, literals):
    assert required_literals(pattern) == (frozenset(literals) if literals else None)


@given(st.text(alphabet="abcdeémnoy /19", max_size=40))
def test_a_text_without_a_patterns_literals_never_matches_it(text):
    for pattern in (r"\b(?:de|del)\s+(?:enero|mayo)\b", r"(?:early|late)\s+19\d\d", r"\d+/\d+"):
        needles = required_literals(pattern)
        if not any(n in text for n in needles):
            assert re.search(pattern, text) is None


def test_lower_keeps_every_offset():
    text = "İLAVE y CUSCO: ſ"  # "İ" lowers into two characters with str.lower
    assert len(lower(text)) == len(text) and lower(text)[1:] == "lave y cusco: s"


_LOWERS, _CAPITALS = "abcdefghijklmnopqrstuvwxyzáéíóúñ", "ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÍÓÚÑ"


@given(st.text(alphabet="aZñÑé É.\n1" + "xY", max_size=40))
def test_lower_cells_blanks_a_capital_exactly_where_a_small_letter_runs_into_it(text):
    expected = "".join(" " if c in _CAPITALS and i and text[i - 1] in _LOWERS else c for i, c in enumerate(text))
    assert lower_cells(text) == lower(expected)


def test_lower_cells_splits_cells_run_together_and_keeps_offsets():
    text = "the massacreNovember, 1984 in ÑUÑOA and McCain"
    assert lower_cells(text) == "the massacre ovember, 1984 in ñuñoa and mc ain"
    assert len(lower_cells(text)) == len(text)


@pytest.mark.parametrize("text", ["Muru Muru massacreNovember, 1984", "aB", "Ab cD eÉ ñÑ", "xY\nzW", "ÁB", ""])
def test_cells_start_where_a_capital_meets_a_lower_case_letter(text):
    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 1):
            expected = [i + 1 for i in range(max(lo - 1, 0), hi - 1) if text[i] in _LOWERS and text[i + 1] in _CAPITALS]
            assert [m.start() for m in CELL_START.finditer(text, lo, hi)] == expected
